/** zh-CN messages of the first-visit start panel (terms as in /work/notes/glossary-zh.md). */
import { str } from '@lit/localize';

export const start = {
  'start.title': '初次接触 CORS？从这里开始',
  'start.course': '课程：从第 1 课开始',
  'start.course-about': str`（${0}）。共 ${1} 节短课：先预测浏览器会怎么做，再看它实际怎么做。`,
  'start.playground': '实验场',
  'start.playground-about': str`（目录中有 ${0} 个实验）：阅读预测，在这个浏览器中运行一个，再编辑请求或服务器的响应。`,
  'start.own-api': '你自己的 API',
  'start.own-api-about': '在终端中：cors-lab probe 像浏览器一样向你的 API 发出请求，并说明 fetch 失败的原因；cors-lab scan 检查有风险的 CORS 响应（大约 20 个 GET 请求）。两者都只向你给出的网址发送请求。',
  'start.own-api-more': 'README 中讲 cors-lab probe 和 cors-lab scan 的两节有更多说明；也可以运行 npx cors-lab probe --help。',
  'start.dismiss': '知道了，不再显示',
} as const;
