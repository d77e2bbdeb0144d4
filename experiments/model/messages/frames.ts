/**
 * The words of the frames model (experiments/model/frame-step.ts, frame-explain.ts) in each language: the
 * trace's checks, the verdicts and the fixes. Kept beside the model's other messages, one table per language.
 */
import type { Language } from '../../i18n/languages.ts';

export type FrameCheck = 'coep' | 'frame-ancestors' | 'x-frame-options';

export interface FrameWords {
  navigation: (origin: string) => string;
  redirect: (status: number, to: string) => string;
  refused: (by: FrameCheck) => string;
  framed: () => string;
  domReadable: (readable: boolean) => string;
  message: (arrives: boolean, targetOrigin: string, frameOrigin: string) => string;
  taken: (taken: boolean, sender: string) => string;
  verdictFramed: (readable: boolean) => string;
  verdictRefused: (by: FrameCheck) => string;
  verdictDelivered: (anyOrigin: boolean) => string;
  verdictDropped: () => string;
  verdictRefusedByReceiver: () => string;
  fixRefused: (by: FrameCheck) => string;
  fixDropped: () => string;
  fixRefusedByReceiver: () => string;
}

const en: FrameWords = {
  navigation: (origin) => `the frame navigates to ${origin}: a navigation, no CORS (no Origin header on a GET)`,
  redirect: (status, to) => `the answer is a ${status} redirect: the frame goes on to ${to}`,
  refused: (by) =>
    by === 'coep'
      ? 'the page sends Cross-Origin-Embedder-Policy and the framed document sends none: the frame is refused'
      : by === 'frame-ancestors'
        ? "the answer's CSP frame-ancestors does not list the page: the frame is refused"
        : "the answer's X-Frame-Options refuses this page: the frame is refused",
  framed: () => 'nothing in the answer refuses the page as an ancestor: the frame renders the target page',
  domReadable: (readable) =>
    readable ? 'the frame is on the page\'s own origin: the page may read its document' : 'the frame is on another origin: the page may not read its document',
  message: (arrives, targetOrigin, frameOrigin) =>
    arrives
      ? `targetOrigin ${targetOrigin} matches the frame (${frameOrigin}): the browser delivers the message`
      : `targetOrigin ${targetOrigin} is not the frame's origin (${frameOrigin}): the browser drops the message, silently`,
  taken: (taken, sender) => (taken ? `the target page takes a message from ${sender}` : `the target page checks event.origin and ignores ${sender}`),
  verdictFramed: (readable) =>
    `Allowed: the frame rendered the target page${readable ? ', and the page may read its document (same origin)' : '; the page cannot read its document (another origin)'}.`,
  verdictRefused: (by) =>
    `Blocked: the frame shows an error page. ${by === 'coep' ? 'The page requires COEP of what it frames.' : `The target's ${by === 'frame-ancestors' ? 'CSP frame-ancestors' : 'X-Frame-Options'} refuses this page as its ancestor.`}`,
  verdictDelivered: (anyOrigin) =>
    `Allowed: the target page took the message.${anyOrigin ? ' With targetOrigin "*" the page did not say who may read it: any origin the frame is on gets it.' : ''}`,
  verdictDropped: () => 'Not delivered: the browser dropped the message, since the frame is not on targetOrigin. No error, no console line.',
  verdictRefusedByReceiver: () => 'Not delivered: the message arrived, and the target page, checking event.origin, ignored it.',
  fixRefused: (by) =>
    by === 'coep'
      ? 'Cross-Origin-Embedder-Policy: require-corp   on the framed document (and Cross-Origin-Resource-Policy: cross-origin if it is on another origin)'
      : by === 'frame-ancestors'
        ? "Content-Security-Policy: frame-ancestors 'self' <the page's origin>   on the framed document"
        : "drop X-Frame-Options, or send Content-Security-Policy: frame-ancestors <the page's origin> (it takes precedence)",
  fixDropped: () => 'post with the origin the frame is really on as targetOrigin (never "*" for a secret).',
  fixRefusedByReceiver: () => "add the sender's origin to the origins the receiver accepts (event.origin), if it should trust it.",
};

const zhCN: FrameWords = {
  navigation: (origin) => `框架导航到 ${origin}：这是导航，没有 CORS（GET 不带 Origin 头）`,
  redirect: (status, to) => `响应是 ${status} 重定向：框架继续前往 ${to}`,
  refused: (by) =>
    by === 'coep'
      ? '页面发送了 Cross-Origin-Embedder-Policy，而被嵌入的文档没有发送：框架被拒绝'
      : by === 'frame-ancestors'
        ? '响应的 CSP frame-ancestors 没有列出该页面：框架被拒绝'
        : '响应的 X-Frame-Options 拒绝该页面：框架被拒绝',
  framed: () => '响应中没有任何内容拒绝该页面作为祖先：框架显示目标页面',
  domReadable: (readable) => (readable ? '框架与页面同源：页面可以读取它的文档' : '框架在另一个源上：页面不能读取它的文档'),
  message: (arrives, targetOrigin, frameOrigin) =>
    arrives
      ? `targetOrigin ${targetOrigin} 与框架（${frameOrigin}）相符：浏览器投递消息`
      : `targetOrigin ${targetOrigin} 不是框架的源（${frameOrigin}）：浏览器悄悄丢弃消息`,
  taken: (taken, sender) => (taken ? `目标页面接受来自 ${sender} 的消息` : `目标页面检查 event.origin，忽略 ${sender}`),
  verdictFramed: (readable) => `放行：框架显示了目标页面${readable ? '，页面可以读取它的文档（同源）' : '；页面不能读取它的文档（另一个源）'}。`,
  verdictRefused: (by) =>
    `拦截：框架显示错误页面。${by === 'coep' ? '页面要求它嵌入的文档也发送 COEP。' : `目标的 ${by === 'frame-ancestors' ? 'CSP frame-ancestors' : 'X-Frame-Options'} 拒绝该页面作为祖先。`}`,
  verdictDelivered: (anyOrigin) =>
    `放行：目标页面接受了消息。${anyOrigin ? 'targetOrigin 为 "*" 时页面没有说明谁可以读取：框架所在的任何源都会收到。' : ''}`,
  verdictDropped: () => '未送达：框架不在 targetOrigin 上，浏览器丢弃了消息。没有错误，也没有控制台输出。',
  verdictRefusedByReceiver: () => '未送达：消息到达了，但检查 event.origin 的目标页面忽略了它。',
  fixRefused: (by) =>
    by === 'coep'
      ? '在被嵌入的文档上发送 Cross-Origin-Embedder-Policy: require-corp（如果在另一个源上，再加 Cross-Origin-Resource-Policy: cross-origin）'
      : by === 'frame-ancestors'
        ? "在被嵌入的文档上发送 Content-Security-Policy: frame-ancestors 'self' <页面的源>"
        : '去掉 X-Frame-Options，或发送 Content-Security-Policy: frame-ancestors <页面的源>（它优先）',
  fixDropped: () => '用框架真正所在的源作为 targetOrigin（发送机密时绝不用 "*"）。',
  fixRefusedByReceiver: () => '如果接收方应当信任发送方，就把发送方的源加入它接受的源（event.origin）。',
};

export function frameWords(lang: Language): FrameWords {
  return lang === 'zh-CN' ? zhCN : en;
}
