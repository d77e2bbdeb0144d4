/**
 * The words of the frames model (experiments/model/frame-step.ts, frame-explain.ts) in each language: the
 * trace's checks, the verdicts and the fixes. Kept beside the model's other messages, one table per language.
 */
import type { Language } from '../../../format/i18n/languages.ts';

export type FrameCheck = 'coep' | 'frame-ancestors' | 'x-frame-options';

export interface FrameWords {
  navigation: (origin: string) => string;
  redirect: (status: number, to: string) => string;
  refused: (by: FrameCheck) => string;
  framed: () => string;
  domReadable: (readable: boolean) => string;
  /** Whether the message reaches the frame (or, via window-open, the popup) at `frameOrigin`. */
  message: (arrives: boolean, targetOrigin: string, frameOrigin: string, where: 'frame' | 'popup') => string;
  /** postMessage via window-open without a live handle on the popup (noopener, or an opener COOP severed). */
  noHandle: (noopener: boolean) => string;
  verdictNoHandle: () => string;
  fixNoHandle: () => string;
  taken: (taken: boolean, sender: string) => string;
  verdictFramed: (readable: boolean) => string;
  verdictRefused: (by: FrameCheck) => string;
  verdictDelivered: (anyOrigin: boolean) => string;
  verdictDropped: (where: 'frame' | 'popup') => string;
  opener: (kept: boolean, noopener: boolean) => string;
  verdictOpened: (kept: boolean, readable: boolean) => string;
  verdictRefusedByReceiver: () => string;
  fixRefused: (by: FrameCheck) => string;
  fixDropped: (where: 'frame' | 'popup') => string;
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
  message: (arrives, targetOrigin, frameOrigin, where) =>
    arrives
      ? `targetOrigin ${targetOrigin} matches the ${where} (${frameOrigin}): the browser delivers the message`
      : `targetOrigin ${targetOrigin} is not the ${where}'s origin (${frameOrigin}): the browser drops the message, silently`,
  noHandle: (noopener) =>
    noopener
      ? 'window.open with `noopener` returned `null`: the page has no handle to post the message to'
      : "the page's handle on the popup reports it closed: postMessage on it delivers nothing, and throws nothing",
  verdictNoHandle: () =>
    'Not delivered: the page holds no live handle on the popup (the "noopener" feature, or COOP severing the opener), so its message goes nowhere. No error, no console line.',
  fixNoHandle: () =>
    'to talk to the popup, open it without "noopener", with no Cross-Origin-Opener-Policy parting the two windows; when the popup sends COOP same-origin, that cut is its protection, and no message from this page can reach it.',
  taken: (taken, sender) => (taken ? `the target page takes a message from ${sender}` : `the target page checks event.origin and ignores ${sender}`),
  verdictFramed: (readable) =>
    `Allowed: the frame rendered the target page${readable ? ', and the page may read its document (same origin)' : '; the page cannot read its document (another origin)'}.`,
  verdictRefused: (by) =>
    `Blocked: the frame shows an error page. ${by === 'coep' ? 'The page requires COEP of what it frames.' : `The target's ${by === 'frame-ancestors' ? 'CSP frame-ancestors' : 'X-Frame-Options'} refuses this page as its ancestor.`}`,
  verdictDelivered: (anyOrigin) =>
    `Allowed: the target page took the message.${anyOrigin ? ' With targetOrigin "*" the page did not say who may read it: any origin the frame is on gets it.' : ''}`,
  opener: (kept, noopener) =>
    kept
      ? 'the popup keeps the page as its window.opener'
      : noopener
        ? 'with the `noopener` feature the popup has no window.opener, and the page gets no handle on it'
        : 'the Cross-Origin-Opener-Policy of the page or the popup puts them in different groups: the opener is severed',
  verdictOpened: (kept, readable) =>
    `Opaque: the page never reads the popup's answer. ${kept ? `The popup keeps window.opener${readable ? ', and being on the page\'s origin, the page reads its document.' : ': it can reach back to the page (and navigate it), while the page cannot read it.'}` : 'The popup has no window.opener: neither window can reach the other.'} In your own browser a popup blocker may refuse window.open without a click: the lab then says so.`,
  verdictDropped: (where) => `Not delivered: the browser dropped the message, since the ${where} is not on targetOrigin. No error, no console line.`,
  verdictRefusedByReceiver: () => 'Not delivered: the message arrived, and the target page, checking event.origin, ignored it.',
  fixRefused: (by) =>
    by === 'coep'
      ? 'Cross-Origin-Embedder-Policy: require-corp   on the framed document (and Cross-Origin-Resource-Policy: cross-origin if it is on another origin)'
      : by === 'frame-ancestors'
        ? "Content-Security-Policy: frame-ancestors 'self' <the page's origin>   on the framed document"
        : "drop X-Frame-Options, or send Content-Security-Policy: frame-ancestors <the page's origin> (it takes precedence)",
  fixDropped: (where) => `post with the origin the ${where} is really on as targetOrigin (never "*" for a secret).`,
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
  message: (arrives, targetOrigin, frameOrigin, where) =>
    arrives
      ? `targetOrigin ${targetOrigin} 与${where === 'popup' ? '弹出窗口' : '框架'}（${frameOrigin}）相符：浏览器投递消息`
      : `targetOrigin ${targetOrigin} 不是${where === 'popup' ? '弹出窗口' : '框架'}的源（${frameOrigin}）：浏览器悄悄丢弃消息`,
  noHandle: (noopener) =>
    noopener
      ? '使用 `noopener` 的 window.open 返回 `null`：页面没有可以发送消息的句柄'
      : '页面手里的弹出窗口句柄显示窗口已关闭：对它调用 postMessage 什么也送不到，也不抛出异常',
  verdictNoHandle: () => '未送达：页面没有弹出窗口的有效句柄（"noopener" 特性，或 COOP 切断了 window.opener），消息无处可去。没有错误，也没有控制台输出。',
  fixNoHandle: () =>
    '要与弹出窗口通信，就不用 "noopener" 打开它，也不让 Cross-Origin-Opener-Policy 把两个窗口分开；弹出窗口发送 COOP same-origin 时，这种切断正是它的保护，这个页面的消息无法到达它。',
  taken: (taken, sender) => (taken ? `目标页面接受来自 ${sender} 的消息` : `目标页面检查 event.origin，忽略 ${sender}`),
  verdictFramed: (readable) => `放行：框架显示了目标页面${readable ? '，页面可以读取它的文档（同源）' : '；页面不能读取它的文档（另一个源）'}。`,
  verdictRefused: (by) =>
    `拦截：框架显示错误页面。${by === 'coep' ? '页面要求它嵌入的文档也发送 COEP。' : `目标的 ${by === 'frame-ancestors' ? 'CSP frame-ancestors' : 'X-Frame-Options'} 拒绝该页面作为祖先。`}`,
  verdictDelivered: (anyOrigin) =>
    `放行：目标页面接受了消息。${anyOrigin ? 'targetOrigin 为 "*" 时页面没有说明谁可以读取：框架所在的任何源都会收到。' : ''}`,
  opener: (kept, noopener) =>
    kept
      ? '弹出窗口保留页面作为它的 window.opener'
      : noopener
        ? '使用 `noopener` 特性：弹出窗口没有 window.opener，页面也拿不到它的句柄'
        : '页面或弹出窗口的 Cross-Origin-Opener-Policy 把它们分到不同的组：window.opener 被切断',
  verdictOpened: (kept, readable) =>
    `不透明：页面读不到弹出窗口的响应。${kept ? `弹出窗口保留 window.opener${readable ? '，而且与页面同源，页面可以读取它的文档。' : '：它可以反过来访问页面（并让页面导航），而页面读不到它。'}` : '弹出窗口没有 window.opener：两个窗口都无法访问对方。'}在你自己的浏览器中，弹出窗口拦截程序可能拒绝没有点击的 window.open：这时实验室会说明。`,
  verdictDropped: (where) => `未送达：${where === 'popup' ? '弹出窗口' : '框架'}不在 targetOrigin 上，浏览器丢弃了消息。没有错误，也没有控制台输出。`,
  verdictRefusedByReceiver: () => '未送达：消息到达了，但检查 event.origin 的目标页面忽略了它。',
  fixRefused: (by) =>
    by === 'coep'
      ? '在被嵌入的文档上发送 Cross-Origin-Embedder-Policy: require-corp（如果在另一个源上，再加 Cross-Origin-Resource-Policy: cross-origin）'
      : by === 'frame-ancestors'
        ? "在被嵌入的文档上发送 Content-Security-Policy: frame-ancestors 'self' <页面的源>"
        : '去掉 X-Frame-Options，或发送 Content-Security-Policy: frame-ancestors <页面的源>（它优先）',
  fixDropped: (where) => `用${where === 'popup' ? '弹出窗口' : '框架'}真正所在的源作为 targetOrigin（发送机密时绝不用 "*"）。`,
  fixRefusedByReceiver: () => '如果接收方应当信任发送方，就把发送方的源加入它接受的源（event.origin）。',
};

export function frameWords(lang: Language): FrameWords {
  return lang === 'zh-CN' ? zhCN : en;
}
