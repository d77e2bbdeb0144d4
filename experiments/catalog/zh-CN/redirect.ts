/** Simplified Chinese title and explain of the "redirect" group (experiments/catalog/redirect.ts). */
export const redirect: Record<string, { title: string; explain: string }> = {
  'redirect-cross-origin-null-origin': {
    title: '重定向到另一个源之后，下一跳看到的是 Origin: null',
    explain:
      '从 `api` 重定向到 `api2` 的请求，在 `api2` 那里带的是 `Origin: null`：这个请求现在已被“污染”，所以最终的响应必须允许 `null` 或 `*`。',
  },
  'redirect-cross-origin-page-origin-fails': {
    title: '跨源重定向之后，允许页面的源就不再匹配',
    explain:
      '最终的服务器允许了页面的源，但请求现在带的是 `Origin: null`，所以检查失败。\n\n**修复：** CORS 请求避免跨源重定向，或者在最终的响应上允许 `*`。',
  },
  'redirect-hop-missing-acao': {
    title: '重定向响应本身也需要 Access-Control-Allow-Origin',
    explain: '浏览器在跟随每一个跨源重定向之前，都要对这个重定向响应做 CORS 检查；这里来自 `api` 的重定向没有 CORS 响应头，所以 `api2` 根本没有被询问。',
  },
  'redirect-userinfo': {
    title: '重定向到带凭据（user:pass@）的 URL 会被拒绝',
    explain: 'CORS 请求不能被重定向到包含用户名或密码的 URL。',
  },
  'redirect-mode-error': {
    title: 'redirect: "error" 遇到任何重定向都会失败',
    explain: '使用 `redirect: "error"` 时，重定向响应就是网络错误。Chromium 不报告 CORS 原因，只报告 `net::ERR_FAILED`。',
  },
  'redirect-mode-manual': {
    title: 'redirect: "manual" 得到一个 opaque-redirect 响应',
    explain: '使用 `redirect: "manual"` 时，页面得到一个 `opaqueredirect` 响应（状态为 0），重定向不会被跟随。',
  },
  'redirect-preflighted-second-preflight': {
    title: '需要预检的请求被重定向到另一个源后，在那里还要再预检一次',
    explain: '跨源重定向之后，浏览器会在新的源上再做一次预检，这时带的是 `Origin: null`，所以响应必须允许 `null` 或 `*`。',
  },
  'redirect-same-origin-mode-leaves-origin': {
    title: '同源 URL 重定向到另一个源时，mode "same-origin" 失败',
    explain:
      '第一个请求仍在页面的源上，所以 `mode: "same-origin"` 放它过去；它重定向到 `api` 会离开这个源，于是浏览器在此止步。Chromium 把这种情况报告为拦截原因 `origin`，而不是 CORS 错误。\n\n**修复：** 如果这个重定向是有意的，就使用 `mode: "cors"`；否则让重定向留在同一个源上。',
  },
  'redirect-no-cors-manual': {
    title: '对跨源 URL 使用 mode "no-cors" 加 redirect "manual" 会被拒绝',
    explain:
      '发往另一个源的 no-cors 请求必须跟随重定向：用 "manual" 或 "error" 的话，页面就能探测出其他站点重定向到哪里。Chromium 在发出任何东西之前就以 `NoCorsRedirectModeNotFollow` 让它失败。\n\n**修复：** no-cors 请求的 `redirect` 保持为 "follow"。',
  },
  'redirect-no-cors-follow': {
    title: 'mode "no-cors" 跟随跨源重定向，得到不透明响应',
    explain: '同样的请求改用 `redirect: "follow"` 就能通过：每一跳都不做 CORS 检查，页面从最后一跳得到一个不透明响应（状态为 0）。',
  },
  'redirect-invalid-location': {
    title: 'Location 不是 URL 的重定向让请求失败',
    explain:
      '带 `Location: http://[bad` 的 302 无法跟随：无论 CORS 响应头或重定向模式怎么写，Chromium 都以 `net::ERR_INVALID_REDIRECT` 让请求失败。请求本身确实到达了服务器。\n\n**修复：** 在 `Location` 中发送有效的绝对 URL 或相对 URL。',
  },
  'redirect-to-data-url': {
    title: '重定向到 data: URL 在网络层就失败了',
    explain:
      '带 `Location: data:text/plain,hi` 的 302 在任何 CORS 规则生效之前就被拒绝：Chromium 从不跟随从网络到 `data:`、`about:`、`file:` 或 `blob:` 的重定向，并以 `net::ERR_UNSAFE_REDIRECT` 让请求失败，在 mode "no-cors" 下和 redirect "error" 下也是如此（只有 "manual" 仍能看到这个重定向）。Fetch 标准用自己的话说了同样的事：重定向只能通往 http(s)（https://fetch.spec.whatwg.org/#http-redirect-fetch 第 6 步）。\n\n**修复：** 重定向到 `http:` 或 `https:` URL。',
  },
  'redirect-to-ftp-cors': {
    title: '重定向到 ftp: 的 CORS 请求是 CORS 错误',
    explain:
      '重定向到 `ftp://...` 就离开了 CORS 支持的协议，Chromium 报告 `CorsDisabledScheme`："Cross origin requests are only supported for protocol schemes: ..., http, https, ..."。不会有请求发往这个 ftp URL（https://fetch.spec.whatwg.org/#http-redirect-fetch 第 6 步）。\n\n**修复：** 重定向到 `http:` 或 `https:` URL。',
  },
  'redirect-empty-location': {
    title: '在 Chromium 中，Location 为空的 302 就是响应本身',
    explain:
      'Fetch 标准把空的 `Location` 相对于响应自己的 URL 解析，所以跟随它会一直循环，直到 20 次重定向的上限。Chromium 则把这个 302 当作根本没有重定向：页面读到状态 302，就像任何通过了 CORS 检查的响应一样（只有 redirect "manual" 仍会看到一个不透明重定向）。\n\n**修复：** 在 `Location` 中发送要前往的 URL，或者不用 3xx 状态。',
  },
  'redirect-301-post-becomes-get': {
    title: '301 或 302 会把跨源 POST 变成不带请求体的 GET',
    explain:
      'JSON POST 在 `api` 上经过预检，响应为 `301`。跟随它时，浏览器把 POST 改成 GET，并丢掉请求体和它的 `Content-Type`（https://fetch.spec.whatwg.org/#http-redirect-fetch 第 12 步），所以到达 `api2` 的是一个普通的 GET：没有第二次预检，`api2` 也收不到请求体。服务器的记录显示 `api` 上的 `OPTIONS` 和 `POST`，然后是 `api2` 上带 `Origin: null` 的 `GET`。\n\n**修复：** 要保留方法和请求体，就用 `307` 或 `308` 重定向。',
  },
  'redirect-308-keeps-post-preflights-again': {
    title: '308 保留 POST 和它的请求体，所以新的源要单独预检',
    explain:
      '`307` 和 `308` 保留方法、请求体和请求头。因此 JSON POST 在 `api2` 上仍然需要预检，而且带的是 `Origin: null`，因为跨源的这一跳污染了请求。这里每个响应都允许 `*`，所以能通过。\n\n**注意：** 第二次预检和最终的响应必须允许 `null` 或 `*`；允许页面的源就不再匹配（见 `redirect-second-preflight-refused`）。',
  },
  'redirect-303-put-becomes-get': {
    title: '303 把 PUT 变成 GET，所以新的源不需要预检',
    explain:
      '`303 See Other` 会把除 GET 和 HEAD 以外的所有方法都变成 GET。经过预检的 PUT 到达 `api`；它的 303 把浏览器送往 `api2`，发出一个简单的 GET，不需要预检，响应上只需要 `Access-Control-Allow-Origin: *`（或 `null`）。',
  },
  'redirect-second-preflight-refused': {
    title: '重定向目标上的预检看到的是 Origin: null，所以允许页面的源会失败',
    explain:
      'PUT 在 `api` 上通过了第一次预检，响应允许了页面的源。`api` 用指向 `api2` 的 `307` 响应这个 PUT，浏览器在那里再预检一次，这时带的是 `Origin: null`。同样的响应（`Access-Control-Allow-Origin: <page>`）不再匹配：`PreflightAllowOriginMismatch`，`api2` 始终收不到 PUT。\n\n**修复：** 需要预检的请求避免跨源重定向（直接调用最终的 URL），或者在不带凭据时让目标允许 `null`/`*`。',
  },
  'redirect-preflight-trailing-slash': {
    title: '用重定向（例如补上末尾斜杠）响应的预检会被拒绝',
    explain:
      '框架常常把 `/items` 重定向到 `/items/`，OPTIONS 也不例外。无论重定向带什么 CORS 响应头，预检都根本不能跟随重定向：`PreflightDisallowedRedirect`，PUT 永远不会发出。\n\n**修复：** 调用规范的 URL（带斜杠），或者在两个路径上都直接响应 OPTIONS，不做重定向。',
  },
  'redirect-two-hops-all-allowed': {
    title: '两次跨源跳转：每个响应都允许这个请求，所以它成功了',
    explain:
      '`api` 重定向到 `api2`，后者又重定向到 `partner`。每个重定向响应都通过了自己的 CORS 检查，最终的响应允许 `*`。最后两个请求带的是 `Origin: null`。',
  },
  'redirect-two-hops-middle-missing-acao': {
    title: '两次跨源跳转：中间的重定向缺少 Access-Control-Allow-Origin',
    explain:
      '浏览器在跟随每一个重定向响应之前都要对它做 CORS 检查。`api2` 的重定向没有 `Access-Control-Allow-Origin`，所以链条在此中断，`partner` 根本没有被询问；控制台写出失败那一跳的 URL，并注明是“redirected from”最初的那个 URL。\n\n**修复：** 每一个响应 CORS 请求的跳转都需要 CORS 响应头，重定向也不例外。',
  },
  'redirect-same-origin-hop-keeps-origin': {
    title: '同一个源内的重定向保留页面的源',
    explain:
      '只有跳到另一个源才会污染请求。`api` 重定向到 `api` 上的另一个路径，仍然保留 `Origin: <page>`，所以允许页面源的响应照样有效（对比 `redirect-cross-origin-page-origin-fails`）。',
  },
  'redirect-loop': {
    title: '重定向到自身，20 次重定向后失败',
    explain:
      '响应重定向到它自己的 URL（`Location: #again` 解析出的是同一个 URL）。Fetch 最多跟随 20 次重定向；第 21 次以 `net::ERR_TOO_MANY_REDIRECTS` 失败，而这时服务器已经响应了 21 次。\n\n**修复：** 找出这个循环（常常是认证规则或升级到 HTTPS 的规则重定向到了它自己的目标）。',
  },
  'redirect-mode-error-no-redirect': {
    title: '响应不是重定向时，redirect: "error" 不碍事',
    explain:
      '与 `redirect-mode-error` 相对照：`redirect: "error"` 只在收到重定向时才失败，所以带 `Access-Control-Allow-Origin: *` 的直接响应照常可以读取。用它可以确保 API 调用永远不会悄悄落到别处。',
  },
  'redirect-delete-307-other-origin': {
    title: '以 307 重定向到另一个源的 DELETE 保留方法，并在那里先经过预检',
    explain:
      '页面向自己的源发送 `DELETE`，自己的源以 `307` 重定向到 `api`。307 保留方法（https://fetch.spec.whatwg.org/#http-redirect-fetch 第 12 步），而从这一刻起请求是跨源的：DELETE 到达 `api` 之前，浏览器先向它发送一个带页面 `Origin` 的预检。预检响应列出了 `DELETE`，于是请求继续。WebKitGTK 2.50 不同：它的网络层把重定向到另一个源的 DELETE 改成 `GET`，而 GET 不需要预检；服务器收到的是 GET。',
  },
  'redirect-delete-307-preflight-refused': {
    title: '以 307 重定向到另一个源的 DELETE 被那个源的预检拦截',
    explain:
      '同样的重定向，但 `api` 的预检响应没有列出 `DELETE`：Chromium 和 Firefox 从不把 DELETE 发往 `api`。在 WebKitGTK 2.50 中，重定向后的请求是 `GET`，不需要预检：它到达 `api`，页面读到了响应。服务器不能指望预检挡住被重定向的 DELETE，必须自己检查方法。\n\n**修复：** 在 `api` 的预检响应中加上 `Access-Control-Allow-Methods: DELETE`，或者不用重定向：直接把 DELETE 发往 `api`。',
  },
};
