/** zh-CN messages of a run's timeline; header names stay as they are on the wire. */
import { html } from 'lit';
import { str } from '@lit/localize';

export const timeline = {
  'timeline.label': '时间线',
  'timeline.preflight': '预检',
  'timeline.request': '请求',
  'timeline.hop': str`（重定向第 ${0} 跳）`,
  'timeline.comma': '，',
  'timeline.none': '无',
  'timeline.cookie': '，带有 Cookie',
  'timeline.period': '。',
  'timeline.reached': html`<strong>${0}</strong> ${1} 到达了 <strong>${2}</strong>${3}：`,
  'timeline.answered': html`服务器应答 <strong>${0}</strong>：`,
  'timeline.call': html`<code>${0}</code> 上的页面调用 <strong>${1}</strong>。`,
  'timeline.its-origin': '它自己的源',
  'timeline.sends-preflight': html`浏览器先自行发送一个预检 <strong>OPTIONS</strong>，询问能否接着发送 ${0}。`,
  'timeline.nothing-reached': '没有任何请求到达服务器。',
  'timeline.browser': html`浏览器：${0}${1}。`,
  'timeline.page-error': html`（页面得到 <code>${0}</code>）`,
  'timeline.status': html`JavaScript 读到状态码 <strong>${0}</strong>。`,
  'timeline.readable': html`JavaScript 可读取：<code>${0}</code>。被隐藏：<code>${1}</code>。`,
  'timeline.chromium-reported': 'Chromium 报告',
  'timeline.fix': '修复：',
  'timeline.not-sent': '未发送',
  'timeline.withheld': '实验室改写或扣下了会在响应之后继续生效的响应行：',
} as const;
