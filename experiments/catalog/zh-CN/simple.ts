/** Simplified Chinese title and explain of the "simple" group (experiments/catalog/simple.ts). */
export const simple: Record<string, { title: string; explain: string }> = {
  'simple-get-no-acao': {
    title: '没有 Access-Control-Allow-Origin 的 GET 被拦截，却已到达服务器',
    explain:
      '跨源的 GET 是简单请求：浏览器立即发出它，服务器作出响应，浏览器到这时才做 CORS 检查。没有 `Access-Control-Allow-Origin`，检查失败，页面得到 `TypeError: Failed to fetch`，但服务器早已把活干完了。CORS 保护的是*响应*，而不是服务器。\n\n**修复：** 响应时带上 `Access-Control-Allow-Origin: <页面的源>`（公开数据也可以用 `*`）。',
  },
  'simple-get-wildcard': {
    title: '带 Access-Control-Allow-Origin: * 的 GET 可以读取',
    explain: '对于不带凭据的请求，`*` 允许任何源读取响应。只有 CORS 安全列表中的响应头可以读取。',
  },
  'simple-get-exact-origin': {
    title: 'Access-Control-Allow-Origin 写着页面的确切源时，GET 可以读取',
    explain: 'CORS 检查把 `Access-Control-Allow-Origin` 与序列化后的页面源逐字节比较：协议、主机和端口。',
  },
  'simple-get-other-origin': {
    title: 'Access-Control-Allow-Origin 写着另一个源时被拦截',
    explain:
      '服务器允许的是 `api2`，而不是页面。协议、主机或端口有任何一项不一致，检查就会失败（即使在同一个站点上，`localhost:A` 和 `localhost:B` 也是不同的源）。\n\n**修复：** 发送页面的源，例如拿请求的 `Origin` 对照允许列表，再把它回送回去。',
  },
  'simple-get-two-acao-lines': {
    title: '两行 Access-Control-Allow-Origin 会被拦截，即使两行都写对了',
    explain:
      '两行响应头会合并成一个值 `a, b`，而它不是一个源。代理和应用都添加 CORS 响应头时，常常会出现这种情况。\n\n**修复：** 这个响应头只发送一次。',
  },
  'simple-get-acao-list': {
    title: 'Access-Control-Allow-Origin 中写一串源会被拦截',
    explain:
      '这个响应头只能写一个源或 `*`，绝不能是列表。想允许多个源的服务器，必须从中挑出与请求 `Origin` 相符的那一个。以空格或逗号分隔的列表，Chromium 都报告为多个值。\n\n**修复：** 只回送相符的那一个源。',
  },
  'simple-get-acao-host-only': {
    title: 'Access-Control-Allow-Origin 中没有协议的主机名不是源',
    explain:
      '源的形式是 `scheme://host:port`。像 `localhost` 这样单独的主机名不是有效的值，所以 Chromium 在比较之前就报告它无效。\n\n**修复：** 发送完整的源，例如 `http://localhost:5310`。',
  },
  'simple-get-acao-padded-wildcard': {
    title: '* 两边的空格会被忽略：仍然放行',
    explain: '在浏览器比较之前，HTTP 就会去掉响应头值首尾的空白，所以 `Access-Control-Allow-Origin:   *  ` 和 `*` 效果一样。',
  },
  'simple-get-acao-trailing-slash': {
    title: '末尾带斜杠的源不匹配',
    explain: '源没有路径：`http://localhost:5310/` 不等于 `http://localhost:5310`。比较是逐字节进行的。\n\n**修复：** 去掉斜杠。',
  },
  'simple-post-form-blocked': {
    title: '类似表单的 POST 会到达服务器，尽管页面读不到响应',
    explain:
      '带 `Content-Type: text/plain`（或表单编码）的 POST 是简单请求：没有预检。服务器会执行它（副作用照样发生！），被扣下的只有响应。这就是 CORS 不能防御 CSRF 的原因。\n\n**为了读取而修复：** `Access-Control-Allow-Origin`。**为了安全而修复：** CSRF 令牌或 SameSite Cookie。',
  },
  'simple-post-form-allowed': {
    title: '带 Access-Control-Allow-Origin 的类似表单的 POST 可以读取',
    explain: '与被拦截的那个请求完全相同，只是允许了页面的源：两种情况都没有预检。',
  },
  'simple-expose-header': {
    title: 'Access-Control-Expose-Headers 让自定义响应头可以读取',
    explain:
      '默认情况下，页面的 JavaScript 只能读取 CORS 安全列表中的响应头（Cache-Control、Content-Language、Content-Length、Content-Type、Expires、Last-Modified、Pragma）。`Access-Control-Expose-Headers` 可以再添加更多。',
  },
  'simple-null-page-null-acao': {
    title: '沙箱页面（源为 "null"）被 Access-Control-Allow-Origin: null 放行',
    explain:
      '沙箱 iframe 的源是不透明源，序列化为 `null`，并发送 `Origin: null`。允许 `null` 就等于放进了*所有*沙箱文档和 data: URL，攻击者也在其中。生产环境中不要这样做。',
  },
  'simple-null-page-reflected-origin': {
    title: '服务器只允许 app 源时，沙箱页面被拦截',
    explain: '沙箱中的页面发送 `Origin: null`，与服务器允许的 app 源不匹配。',
  },
  'simple-no-cors-opaque': {
    title: 'mode "no-cors" 得到一个不透明响应',
    explain:
      '使用 `mode: "no-cors"` 时，浏览器不做 CORS 检查；页面得到一个不透明响应：状态为 0，没有响应头，没有响应体。页面无法分辨成功还是失败。它只适用于发出后不管结果的请求和缓存。',
  },
  'simple-same-origin-mode-blocked': {
    title: 'mode "same-origin" 在发送之前就拒绝跨源 URL',
    explain: '`mode: "same-origin"` 直接禁止跨源请求：浏览器不联系服务器就让它失败。',
  },
  'simple-same-origin-request': {
    title: '同源请求完全不需要 CORS 响应头',
    explain:
      '页面和 URL 的协议、主机和端口都相同时，没有什么需要检查的：响应类型是 `basic`，可以完整读取。同源的 GET 不带 `Origin` 请求头。',
  },
  'simple-xhr-blocked': {
    title: 'XMLHttpRequest 遵循同样的规则：没有 Access-Control-Allow-Origin 就被拦截',
    explain: 'XHR 底层使用同一个 fetch 算法，所以适用同样的 CORS 检查；页面只能看到一个网络错误（`onerror`）。',
  },
  'simple-xhr-allowed': {
    title: '带 Access-Control-Allow-Origin: * 的 XMLHttpRequest 可以读取',
    explain: '被拦截那个例子的 XHR 版本：一旦响应带上 `Access-Control-Allow-Origin: *`，`onload` 就会触发，`responseText` 可以读取。',
  },
};
