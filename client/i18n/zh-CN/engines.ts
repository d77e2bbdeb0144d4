/** zh-CN messages of the comparison of the engines' console lines; the lines themselves stay as browsers print them. */
import { str } from '@lit/localize';

export const engines = {
  'engines.label': '各引擎的控制台输出',
  'engines.reason': '原因',
  'engines.not-applies': str`不适用：这个实验只针对 ${0}。`,
  'engines.no-prediction': '没有预测。',
  'engines.blocked-silent': '拦截，控制台里没有 CORS 报错。',
  'engines.no-line': str`${0}：控制台里没有 CORS 报错。`,
  'engines.disagree': str`⚠ 你的浏览器（${0}）没有按它的模型的预测行事（你的浏览器：${1}；模型：${2}）。`,
  'engines.disagree-why': '上面这行是模型的预测；你的浏览器实际输出了什么，请看它自己的控制台。',
  'engines.unknown': '这里无法判断你的浏览器使用哪种引擎：下面是每个引擎的模型预测它会在控制台输出的内容。',
  'engines.each': '每个引擎',
  'engines.own-label': str`${0}，你的浏览器`,
  'engines.own': str`你的浏览器（${0}）在控制台输出的内容`,
  'engines.own-predicted': str`（由 ${0} 模型预测）`,
  'engines.others': str`对照：${0} 和 ${1}`,
  'engines.others-label': '另外两个引擎',
} as const;
