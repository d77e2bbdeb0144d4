/** Simplified Chinese title and explain of the "frames" group (experiments/catalog/frames.ts). */
export const frames: Record<string, { title: string; explain: string }> = {
  'frames-xfo-deny': {
    title: '页面嵌入一个发送 X-Frame-Options: DENY 的 API 页面',
    explain:
      '`X-Frame-Options: DENY` 表示任何页面都不能嵌入它，包括它自己的源。请求到达了服务器（这是导航，没有 CORS，也没有预检），随后浏览器拒绝显示响应：框架显示错误页面，控制台输出 `Refused to display \'...\' in a frame because it set \'X-Frame-Options\' to \'deny\'.`。Chromium 的原因是拦截原因 `other`（`net::ERR_BLOCKED_BY_RESPONSE`）。https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header\n\n**修复：** 如果某些站点应当可以嵌入这个页面，就去掉 X-Frame-Options，改为发送列出这些源的 `Content-Security-Policy: frame-ancestors`。',
  },
  'frames-xfo-sameorigin-own-origin': {
    title: '页面嵌入一个自己源上、发送 X-Frame-Options: SAMEORIGIN 的页面',
    explain:
      '`X-Frame-Options: SAMEORIGIN` 只允许与被嵌入页面同源的页面嵌入它。这里 `app` 上的页面嵌入 `app` 上的页面：框架正常显示，而且两者同源，页面还可以读取框架的文档（`contentDocument`）。https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header',
  },
  'frames-xfo-sameorigin-other-origin': {
    title: '页面嵌入同一站点另一个源上、发送 X-Frame-Options: SAMEORIGIN 的页面',
    explain:
      '`SAMEORIGIN` 指的是同源，而不是同站点：`api`（`localhost` 的另一个端口）拒绝被 `app` 嵌入。框架显示错误页面；Chromium 的原因是 `other`。https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header\n\n**修复：** 在被嵌入的页面上发送 `Content-Security-Policy: frame-ancestors \'self\' {page}`，准确地列出谁可以嵌入它（它优先于 X-Frame-Options）。',
  },
  'frames-frame-ancestors-lists-page': {
    title: '页面嵌入一个合作方页面，它的 CSP frame-ancestors 列出了该页面的源',
    explain:
      '合作方页面上的 `Content-Security-Policy: frame-ancestors {page}` 列出了页面的源，所以页面可以嵌入它。框架正常显示；但页面仍然读不到它的文档：`partner` 是另一个源，同源策略让 `contentDocument` 保持为 null。能嵌入和能读取是两种不同的许可。https://w3c.github.io/webappsec-csp/#directive-frame-ancestors',
  },
  'frames-frame-ancestors-other-origin': {
    title: '页面嵌入一个合作方页面，它的 CSP frame-ancestors 只列出了另一个源',
    explain:
      '合作方页面发送 `Content-Security-Policy: frame-ancestors {origin:api}`：只有 `api` 上的页面可以嵌入它，而页面在 `app` 上。框架显示错误页面；控制台输出 `Framing \'...\' violates the following Content Security Policy directive`；Chromium 的原因是 `other`。https://w3c.github.io/webappsec-csp/#directive-frame-ancestors\n\n**修复：** 把页面的源加入列表：`frame-ancestors {origin:api} {page}`。',
  },
  'frames-frame-ancestors-over-xfo': {
    title: '页面嵌入一个同时发送 X-Frame-Options: DENY 和列出该页面的 CSP frame-ancestors 的 API 页面',
    explain:
      '当响应带有 CSP `frame-ancestors` 指令时，浏览器会忽略 `X-Frame-Options`：较新的头部优先。这里 `frame-ancestors {page}` 允许该页面，所以旁边的 `DENY` 不起作用，框架正常显示。只认识 X-Frame-Options 的旧浏览器会拒绝它。https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header',
  },
  'frames-cross-origin-not-readable': {
    title: '页面嵌入另一个源上、不发送任何框架相关头部的 API 页面',
    explain:
      '没有 X-Frame-Options 也没有 frame-ancestors 时，任何页面都可以嵌入它（对带有会执行操作的按钮的页面来说，这是点击劫持风险）。框架正常显示，而同源策略仍然不让页面读取它的文档：对另一个源（即使在同一站点上），`contentDocument` 为 null。CORS 头部在这里不起作用：它们管的是读取 fetch() 的响应，而不是框架中的文档。https://html.spec.whatwg.org/multipage/iframe-embed-object.html#dom-iframe-contentdocument',
  },
  'frames-coep-page-frames-without-coep': {
    title: '带 Cross-Origin-Embedder-Policy: require-corp 的页面嵌入一个发送 CORP 但不发送 COEP 的合作方页面',
    explain:
      '发送 `Cross-Origin-Embedder-Policy: require-corp` 的页面（跨源隔离的页面必须如此）只能嵌入自己也发送 COEP 的文档。合作方页面允许被嵌入（`Cross-Origin-Resource-Policy: cross-origin`），但没有发送 COEP，所以框架以拦截原因 `coep-frame-resource-needs-coep-header` 被拒绝。https://html.spec.whatwg.org/multipage/browsers.html#check-a-navigation-response\'s-adherence-to-its-embedder-policy\n\n**修复：** 被嵌入的页面也发送 `Cross-Origin-Embedder-Policy: require-corp`。',
  },
  'frames-coep-page-frames-plain-page': {
    title: '带 Cross-Origin-Embedder-Policy: require-corp 的页面嵌入一个既不发送 CORP 也不发送 COEP 的合作方页面',
    explain:
      '在 `require-corp` 下，来自另一个源的被嵌入文档首先需要 Cross-Origin-Resource-Policy：没有它就只算作 `same-origin`，而合作方是另一个站点。Chromium 以 `corp-not-same-origin-after-defaulted-to-same-origin-by-coep` 拒绝它，还没看文档自己的 COEP。https://fetch.spec.whatwg.org/#cross-origin-resource-policy-check\n\n**修复：** 被嵌入的页面发送 `Cross-Origin-Resource-Policy: cross-origin` 和 `Cross-Origin-Embedder-Policy: require-corp`。',
  },
  'frames-coep-page-frames-with-coep': {
    title: '带 Cross-Origin-Embedder-Policy: require-corp 的页面嵌入一个发送 COEP 和 CORP 的合作方页面',
    explain:
      '合作方页面现在发送 `Cross-Origin-Embedder-Policy: require-corp` 和 `Cross-Origin-Resource-Policy: cross-origin`：它同意被跨源隔离的页面嵌入，框架正常显示。https://html.spec.whatwg.org/multipage/browsers.html#coep',
  },
};
