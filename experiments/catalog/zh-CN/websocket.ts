/** Simplified Chinese title and explain of the "websocket" group (experiments/catalog/websocket.ts). */
export const websocket: Record<string, { title: string; explain: string }> = {
  'websocket-origin-accepted': {
    title: '页面向一个接受它的 Origin 的 API 打开 WebSocket',
    explain:
      '`app` 上的页面向 `api` 打开 `ws://`，而它只接受来自 `{page}` 的握手。这里没有 CORS：没有预检，没有 `Access-Control-*` 头。浏览器发送 `Origin`，由服务器检查它（https://www.rfc-editor.org/rfc/rfc6455#section-10.2）；`new WebSocket(url)` 不能添加自己的请求头，所以没有什么需要预检。',
  },
  'websocket-origin-refused': {
    title: 'evil 上的页面向一个只接受 app 的 API 打开 WebSocket',
    explain:
      'API 只接受来自 `app` 的握手，而 `evil` 的页面发送的是它自己的 Origin，无法伪造：服务器回应 403，套接字没有打开。页面只看到一个 `close` 事件（代码 1006），Chromium 也不给出原因：这是服务器的决定，不是 CORS 拦截。https://www.rfc-editor.org/rfc/rfc6455#section-10.2\n\n**修复：** 把应该能连接的页面的源列入服务器接受的源。',
  },
  'websocket-any-origin-from-evil': {
    title: 'evil 上的页面向一个接受任何 Origin 的 API 打开 WebSocket',
    explain:
      'API 接受所有 Origin，WebSocket 从 `evil` 打开了：页面能读到服务器发送的一切。没有任何浏览器规则挡在中间，因为 WebSocket 不走 CORS：不检查 `Origin` 的套接字服务器，对用户访问的每个站点都是敞开的（跨站 WebSocket 劫持）。https://www.rfc-editor.org/rfc/rfc6455#section-10.2\n\n**修复：** 每次握手都对照你自己的源列表检查 `Origin`。',
  },
  'websocket-cors-headers-no-socket': {
    title: '页面向一个发送 Access-Control-Allow-Origin: * 但不接受 WebSocket 的 API 打开 WebSocket',
    explain:
      'API 对所有源都回应 `Access-Control-Allow-Origin: *`，但它的计划不接受 WebSocket，所以它拒绝了握手（403）。CORS 头既不能打开套接字，也不能保护套接字：只有服务器对握手的回应才算数。\n\n**修复：** 在服务器上为可以连接的源接受握手。',
  },
  'websocket-same-site-cookie-sent': {
    title: 'app 上的页面在 api 上存下 SameSite=Lax 的 Cookie，然后向 api 打开 WebSocket',
    explain:
      '一次带凭据的 fetch 在 `api` 上存下 `SameSite=Lax`；随后来自同一站点的 WebSocket 在握手时带上了它：WebSocket 总是发送 Cookie（它的凭据模式是 "include"），只要 `SameSite` 和第三方 Cookie 设置允许。服务器知道用户是谁，无论是哪个页面打开了套接字。',
  },
  'websocket-hijack-lax-cookie': {
    title: 'evil 上的页面向一个接受任何 Origin 的 API 打开 WebSocket，api 上有 SameSite=Lax 的 Cookie（允许第三方 Cookie）',
    explain:
      '用户在 `app` 上登录（`api` 上有一个 `SameSite=Lax` 的 Cookie），然后访问 `evil`，它的页面向 `api` 打开 WebSocket。套接字打开了（服务器接受任何 Origin），但 `evil` 是另一个站点，而 `Lax` Cookie 只发给同一站点的请求或顶级导航：握手没有带 Cookie，所以这个套接字是匿名的。正是 `SameSite` Cookie 挡住了这种劫持。',
  },
  'websocket-hijack-none-cookie-3pc-allowed': {
    title: 'evil 上的页面向一个接受任何 Origin 的 API 打开 WebSocket，api 上有 SameSite=None 的 Cookie（允许第三方 Cookie）',
    explain:
      '同样的访问，换成 `SameSite=None; Secure` 的 Cookie，并且设置为允许第三方 Cookie：来自 `evil` 的握手**带上了用户的 Cookie**，服务器接受任何 Origin，`evil` 的页面现在能通过套接字读到用户的数据：跨站 WebSocket 劫持。https://www.rfc-editor.org/rfc/rfc6455#section-10.2\n\n**修复：** 每次握手都检查 `Origin`；会话 Cookie 保持 `SameSite=Lax`（或 `Strict`）。',
  },
  'websocket-hijack-none-cookie-3pc-blocked': {
    title: 'evil 上的页面向一个接受任何 Origin 的 API 打开 WebSocket，api 上有 SameSite=None 的 Cookie（拦截第三方 Cookie）',
    explain:
      '同样的 `SameSite=None` Cookie，在这里 Chromium 的默认设置下拦截第三方 Cookie：来自 `evil` 的握手没有带上它。套接字照样打开，`evil` 能读到服务器告诉匿名访客的一切；把用户会话挡在外面的是 Cookie 设置，而不是服务器。',
  },
};
