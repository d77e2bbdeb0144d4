/**
 * The words of the format's limits (limits.ts) and of the script-body rule (script-body.ts), in every language.
 * Only the schema (or a share link refused before it) says these problems, so their words load with it, not in the
 * playground's first load: importing this module adds them to each language's words (tables.ts). Node's entry
 * (index.ts) imports it.
 */
import type { LimitUnit } from '../limits.ts';
import type { Language } from '../i18n/languages.ts';
import type { LimitMessages } from './problem-messages.ts';
import { registerProblemMessages } from './tables.ts';

const UNITS_EN: Record<LimitUnit, string> = {
  steps: 'steps',
  frameSteps: 'steps that frame a page or open a window (a popup, or a form\'s)',
  popupSteps: 'steps that open a window (a popup, or a form\'s)',
  socketSteps: 'steps that open a WebSocket or an EventSource',
  lines: 'lines',
  cookies: 'Set-Cookie lines',
  entries: 'entries',
  delay: 'ms of delay in all steps',
};

const UNITS_ZH: Record<LimitUnit, string> = {
  steps: '个步骤',
  frameSteps: '个嵌入页面或打开窗口（弹出窗口或表单提交的窗口）的步骤',
  popupSteps: '个打开窗口（弹出窗口或表单提交的窗口）的步骤',
  socketSteps: '个打开 WebSocket 或 EventSource 的步骤',
  lines: '行',
  cookies: '行 Set-Cookie',
  entries: '项',
  delay: '毫秒的总等待时间',
};

export const LIMIT_WORDS: Record<Language, LimitMessages> = {
  en: {
    tooMany: ({ count, max, unit }) => `${count} ${UNITS_EN[unit]}; at most ${max} (README: Limits)`,
    tooLong: ({ length, max }) => `${length} characters long; at most ${max} (README: Limits)`,
    scriptBody: ({ step }) =>
      `${step} loads a script: a planned body would run as code with a lab origin (app's is the playground's own), ` +
      'so a step that loads code takes none; leave body and bodyBase64 out and the lab answers with its own script, ' +
      'which only throws',
  },
  'zh-CN': {
    tooMany: ({ count, max, unit }) => `${count} ${UNITS_ZH[unit]}；最多 ${max}（见 README 的“限制”表）`,
    tooLong: ({ length, max }) => `长 ${length} 个字符；最多 ${max} 个（见 README 的“限制”表）`,
    scriptBody: ({ step }) =>
      `${step} 加载脚本：计划的响应体会以实验室的源作为代码运行（app 的源就是演练场自己的源），` +
      '所以加载代码的步骤不能有响应体；去掉 body 和 bodyBase64，实验室会用自己的脚本回答，它只会抛出异常',
  },
};

for (const [lang, words] of Object.entries(LIMIT_WORDS)) registerProblemMessages(lang as Language, words);
