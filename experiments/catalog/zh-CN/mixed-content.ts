/** Simplified Chinese title and explain of the "mixed-content" group (experiments/catalog/mixed-content.ts). */
export const mixedContent: Record<string, { title: string; explain: string }> = {
  'mixed-content-https-page-fetches-loopback-http-api': {
    title: 'https 页面请求 localhost 上的 http API',
    explain:
      '页面是 `https://localhost`（`secure`），API 是另一个端口上的 `http://localhost`。https 页面对 http URL 的请求属于**混合内容**，浏览器会拦截，但不经 TLS 也“可能可信”的 URL 除外：`localhost`、`127.0.0.0/8` 和 `::1` 从不离开本机。所以这个请求照常发出，由 CORS 照常判定；`protocol` 显示它走的是 HTTP/1.1。https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy\n\n同一个页面若请求 `http://api.example.com`，会在任何请求发出之前就以 Chromium 的 BlockedReason `mixed-content` 失败。https://w3c.github.io/webappsec-mixed-content/#a-priori-authenticated-url',
  },
  'mixed-content-https-page-api-allows-http-app-origin': {
    title: 'https 页面请求一个 Access-Control-Allow-Origin 写的是 http 页面源 app 的 API',
    explain:
      'API 回答 `Access-Control-Allow-Origin: http://localhost:APP`，即实验场的 http 源，但页面运行在 `https://localhost` 上。源由协议、主机和端口组成：即使主机相同，`http` 和 `https` 也是不同的源，所以检查以 `AllowOriginMismatch` 失败。https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-tuple\n\n**修复：** 允许页面确切的源，连同协议（`Access-Control-Allow-Origin: https://localhost:SECURE`），例如回显允许列表中的 Origin；把网站迁到 https 时，要更新每一个允许列表。',
  },
  'mixed-content-https-page-fetches-its-own-origin': {
    title: 'https 页面请求它自己的源',
    explain:
      'https 源上的同源请求：没有 CORS，响应类型是 `basic`。实验室在 `secure` 上通过 TLS 握手中的 ALPN 同时提供 HTTP/2 和 HTTP/1.1；Chromium 选择 HTTP/2，`protocol` 显示为 `h2`。浏览器只在 TLS 之上使用 HTTP/2。https://www.rfc-editor.org/rfc/rfc9113#section-3.2',
  },
  'mixed-content-http-page-fetches-https-api': {
    title: 'http 页面请求 https API，该 API 点名允许它',
    explain:
      '从 http 到 https 永远不是混合内容：请求只会受到更多保护。https API 点名允许页面（`Access-Control-Allow-Origin: http://localhost:APP`），所以 CORS 通过；响应走的是 HTTP/2（`h2`），CORS 在两个版本上完全一样。',
  },
  'mixed-content-http-page-api-allows-https-origin': {
    title: 'http 页面请求 https API，该 API 只允许 https 源 secure',
    explain:
      'API 允许的是 `https://localhost:SECURE`，也就是它自己；页面是 `http://localhost:APP`。主机相同，协议和端口不同：是另一个源，所以 `AllowOriginMismatch`。https://html.spec.whatwg.org/multipage/browsers.html#concept-origin-tuple\n\n**修复：** 只要网站还能通过 http 访问，就把 http 源也列上（对该页面发送 `Access-Control-Allow-Origin: http://localhost:APP`），或者只通过 https 提供页面。',
  },
  'mixed-content-https-page-img-from-http': {
    title: 'https 页面显示一张来自 http://localhost 的 <img>',
    explain:
      '图片属于“可选择拦截”的混合内容，Chromium 会把它升级到 https，但回环主机除外：它在控制台说明这是本地网络请求、不做升级，并通过 http 加载图片（`protocol` 为 `http/1.1`）。https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy',
  },
  'mixed-content-lax-cookie-https-page-to-http-api': {
    title: 'https 页面，http://localhost 上的 API 设置 SameSite=Lax Cookie',
    explain:
      '站点是区分协议的：`https://localhost` 和 `http://localhost` 是**不同的站点**，尽管主机相同。来自 https 页面的请求是跨站点的，所以响应中的 `SameSite=Lax` Cookie 不会被保存，下一个请求也不会带上 Cookie。https://html.spec.whatwg.org/multipage/browsers.html#schemelessly-same-site\n\n**修复：** API 也通过 https 提供（协议相同，站点相同），或者在允许第三方 Cookie 的地方使用 `SameSite=None; Secure`。',
  },
  'mixed-content-lax-cookie-http-page-to-http-api': {
    title: 'http 页面，http://localhost 上的 API 设置 SameSite=Lax Cookie',
    explain: '同样的 API 和 Cookie，页面在 `http://localhost` 上：协议相同、主机相同，所以是同一站点；Cookie 被保存，下一个带凭据的请求会带上它。',
  },
  'mixed-content-none-secure-cookie-https-page-3pc-allowed': {
    title: 'https 页面，http API 设置 SameSite=None; Secure Cookie（允许第三方 Cookie）',
    explain:
      '对 https 页面来说，http API 是另一个站点，所以它的 Cookie 是第三方 Cookie：这样的 Cookie 需要 `SameSite=None; Secure`，而来自 `http://localhost`（一个可能可信的源）的 `Secure` 是被接受的。本次运行假定**允许第三方 Cookie**：Cookie 被保存并发送。',
  },
  'mixed-content-none-secure-cookie-https-page-3pc-blocked': {
    title: 'https 页面，http API 设置 SameSite=None; Secure Cookie（拦截第三方 Cookie）',
    explain:
      '同样的 Cookie，在 Chromium 的默认设置下，即**拦截第三方 Cookie**：协议不同让 API 成为另一个站点，所以它的 Cookie 是第三方的，既不保存也不发送。\n\n**修复：** 让页面和 API 使用相同的协议和可注册域名，或者使用 `Partitioned` Cookie。',
  },
  'mixed-content-secure-cookie-set-over-http-localhost': {
    title: 'http://localhost 上的 API 设置一个 Secure Cookie',
    explain:
      '`Secure` Cookie 只能通过安全连接设置和发送，但 Chromium 把 `http://localhost` 算作安全连接：它从不离开本机。所以这里通过普通 http 也能保存并发送这个 Cookie；若来自 `http://api.example.com` 则会被拒绝。https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy',
  },
  'mixed-content-secure-cookie-set-over-https': {
    title: 'https 源为它自己的页面设置一个 Secure Cookie',
    explain: '通过 https，`Secure` Cookie 总是被允许：`secure` 上的页面请求自己的源，响应设置 Cookie，下一个请求通过 HTTP/2 带上它。',
  },
};
