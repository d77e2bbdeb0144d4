/**
 * A valid lesson file for tests to break one field at a time, in both
 * languages, with the helpers that build and locate it.
 */
export const EN_WORDS = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
export const ZH_TEXT = '浏览器比较页面的源与服务器的响应头。'.repeat(40);

export interface Fixture {
  front: Record<string, unknown>;
  body: string;
}

export function front(overrides: Record<string, unknown> = {}, lang: 'en' | 'zh-CN' = 'en'): Record<string, unknown> {
  const words =
    lang === 'en'
      ? { title: 'The preflight', goal: 'Allow PUT.', note: 'Say what a preflight is.', question: 'A PUT, setup', learned: 'List the method.' }
      : { title: '预检请求', goal: '允许 PUT。', note: '讲清楚什么是预检。', question: '一个 PUT，设置', learned: '列出这个方法。' };
  const experiments = (overrides.experiments as string[] | undefined) ?? ['preflight-put-missing-allow-methods', 'preflight-put-allowed'];
  return {
    id: 'the-preflight',
    title: words.title,
    minutes: 20,
    experiments: ['preflight-put-missing-allow-methods', 'preflight-put-allowed'],
    predict: {
      'preflight-put-missing-allow-methods': { outcomes: ['allowed', 'blocked'], reasons: ['MethodDisallowedByPreflightResponse', 'MissingAllowOriginHeader'] },
      'preflight-put-allowed': { outcomes: ['allowed', 'blocked'] },
    },
    // One neutral question per experiment, whatever experiments a test puts in.
    questions: Object.fromEntries(experiments.map((id, i) => [id, `${words.question} ${i + 1}`])),
    fixIt: {
      experiment: 'preflight-put-missing-allow-methods',
      goal: words.goal,
      learned: words.learned,
      solution: { preflight: { 'Access-Control-Allow-Methods': 'PUT' }, actual: { 'Access-Control-Allow-Origin': '{page}' } },
    },
    speakerNotes: [words.note],
    ...overrides,
  };
}

/** A lesson file: the front matter pretty-printed (one field a line), then the body. */
export function file({ front: data, body }: Fixture): string {
  return `---\n${JSON.stringify(data, null, 2)}\n---\n${body}\n`;
}

export const EN = 'lessons/en/01-the-preflight.md';
export const ZH = 'lessons/zh-CN/01-the-preflight.md';
export const good = (lang: 'en' | 'zh-CN' = 'en'): Fixture => ({ front: front({}, lang), body: lang === 'en' ? EN_WORDS : ZH_TEXT });

/** The line a string first appears on in `text`. */
export function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}
