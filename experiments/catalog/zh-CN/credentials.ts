/** Simplified Chinese title and explain of the "credentials" group (experiments/catalog/credentials.ts). */
export const credentials: Record<string, { title: string; explain: string }> = {
  'credentials-wildcard-origin': {
    title: '带凭据的请求遇上 Access-Control-Allow-Origin: * 被拦截',
    explain:
      '带凭据时，浏览器拒绝 `*`：依赖用户 Cookie 的响应只能分享给服务器明确写出的源。\n\n**修复：** `Access-Control-Allow-Origin: <页面的源>` 加上 `Access-Control-Allow-Credentials: true`（以及 `Vary: Origin`）。',
  },
  'credentials-exact-origin': {
    title: '带凭据的请求遇上确切的源和 Allow-Credentials: true，可以读取',
    explain: '对带凭据请求的正确响应：页面的源、`Access-Control-Allow-Credentials: true`，以及给缓存看的 `Vary: Origin`。',
  },
  'credentials-missing-allow-credentials': {
    title: '带凭据的请求没有 Access-Control-Allow-Credentials 时被拦截',
    explain: '只写明源还不够：服务器还必须明确同意接受凭据。\n\n**修复：** `Access-Control-Allow-Credentials: true`。',
  },
  'credentials-allow-credentials-true-case': {
    title: 'Access-Control-Allow-Credentials 必须恰好是 "true"',
    explain: '这个值与 `true` 逐字节比较：`True` 或 `yes` 都会失败。\n\n**修复：** 小写的 `true`。',
  },
  'credentials-omit-wildcard': {
    title: '不带凭据时，同样的通配符响应没有问题',
    explain: '在 `credentials: "include"` 下失败的通配符，在 `credentials: "omit"` 下可以通过：没有 Cookie，也就没有特殊规则。',
  },
  'credentials-reflected-origin': {
    title: '带凭据时反射任意 Origin，攻击者就能读取用户数据',
    explain:
      '服务器收到什么 `Origin` 就回送什么，同时允许凭据，就等于把用户已认证的响应交给了每一个站点（这里是 `evil`）。浏览器放行，是因为服务器要求这样做。\n\n**修复：** 先拿 `Origin` 对照允许列表，再回送它。',
  },
  'credentials-allow-list-refuses-evil': {
    title: '按允许列表响应会拒绝攻击者的源',
    explain: '服务器只允许 app 源，所以 `evil` 上的页面被拦截，尽管请求（带着浏览器发送的各种 Cookie）已经到达了服务器。',
  },
  'credentials-preflight-wildcard-origin': {
    title: '带凭据的预检用 Access-Control-Allow-Origin: * 响应时失败',
    explain:
      '通配符规则同样适用于预检：用 `Access-Control-Allow-Origin: *` 响应的带凭据预检会失败，PUT 根本不会发出。\n\n**修复：** 在 OPTIONS 的响应上写明源。',
  },
  'credentials-preflight-missing-allow-credentials': {
    title: '没有 Allow-Credentials 的带凭据预检失败',
    explain: '预检的响应也必须写明 `Access-Control-Allow-Credentials: true`。',
  },
  'credentials-preflight-allowed': {
    title: '预检和响应都正确的带凭据 PUT',
    explain: '预检的响应和实际请求的响应都写明了源，并且都允许凭据。',
  },
  'credentials-wildcard-methods-literal': {
    title: '带凭据时，Access-Control-Allow-Methods: * 指的是名叫 "*" 的方法',
    explain:
      '对带凭据的请求，Allow-Methods 和 Allow-Headers 中的通配符失去了特殊含义，只按字面理解，所以 PUT 不被放行。\n\n**修复：** 列出方法：`Access-Control-Allow-Methods: PUT`。',
  },
  'credentials-wildcard-headers-literal': {
    title: '带凭据时，Access-Control-Allow-Headers: * 不允许 X-Custom',
    explain: '带凭据时，请求头的通配符同样只按字面理解。\n\n**修复：** `Access-Control-Allow-Headers: X-Custom`。',
  },
  'credentials-cookie-sent-include': {
    title: 'api 设置的 Cookie 在 credentials: "include" 下被发回',
    explain:
      '第一个请求存下一个 Cookie（`api` 与页面在同一个站点上，所以这是第一方 Cookie）。`then` 步骤把它发了回去，因为请求包含凭据。',
  },
  'credentials-cookie-not-sent-same-origin': {
    title: '默认的 credentials: "same-origin" 不会把 Cookie 发往跨源',
    explain:
      'fetch() 默认使用 `credentials: "same-origin"`：Cookie 只发往页面自己的源。第一步得到的 Cookie 在第二步中不会发给 `api`。\n\n**修复：** `credentials: "include"`（以及与之配套的服务器响应头）。',
  },
  'credentials-cookie-not-stored-without-acac': {
    title: '没通过 CORS 检查的带凭据响应仍然会存下它的 Cookie',
    explain:
      '对于没通过 CORS 检查的响应，Chromium 仍会处理其中的 Set-Cookie：即使页面读不到响应，Cookie 也被存下了。`then` 步骤会把它发出去。',
  },
  'credentials-xhr-with-credentials': {
    title: 'XMLHttpRequest 的 withCredentials 遇上通配符源被拦截',
    explain: '`xhr.withCredentials = true` 就是 XHR 版的 `credentials: "include"`；同样的通配符规则也适用。',
  },
};
