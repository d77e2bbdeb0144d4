/** zh-CN messages of the prediction panel (the words around the model's verdict and console lines). */
import { str } from '@lit/localize';

export const prediction = {
  'prediction.label': '预测',
  'prediction.heading': '预测：',
  'prediction.reason': '预测的原因',
  'prediction.chromium-console': 'Chromium 控制台（预测）',
  'prediction.firefox-console': 'Firefox 控制台（预测）',
  'prediction.read-more': '延伸阅读',
  'prediction.servers-see': '服务器将收到',
  'prediction.nothing-sent': '什么也收不到：浏览器在发送之前就停下了',
  'prediction.why': '为什么',
  'prediction.prose-failed': '无法下载这段解释；请重新加载页面再试。',
  'prediction.how': '模型如何判定',
  'prediction.preflight-headers': str`预检 OPTIONS，询问能否使用 ${0} 并带上 ${1}`,
  'prediction.preflight': str`预检 OPTIONS，询问能否使用 ${0}`,
  'prediction.hop': str`（第 ${0} 跳）`,
  'prediction.no-origin': '无',
  'prediction.request': str`${0}，发往 ${1}${2}，Origin: ${3}`,
} as const;
