/**
 * Simplified Chinese title and explain of the `xhr` group
 * (experiments/catalog/xhr.ts), by experiment id. Chromium's console text
 * stays in English: it is what the learner sees in DevTools.
 */
export const xhr: Record<string, { title: string; explain: string }> = {
  'xhr-missing-allow-origin': {
    title: 'XHR GET 没有 Access-Control-Allow-Origin：触发 onerror，status 为 0',
    explain:
      '这是 `simple-get-no-acao` 的 XMLHttpRequest 版本：请求到达了服务器，CORS 检查失败，`onerror` 被触发，`xhr.status` 为 0。控制台消息以“Access to XMLHttpRequest at ...”开头，而不是“Access to fetch at ...”。\n\n**修复：** `Access-Control-Allow-Origin: <页面的源>`（或 `*`）。',
  },
  'xhr-wildcard': {
    title: 'XHR GET 配合 Access-Control-Allow-Origin: * 可以加载',
    explain: '不设置 `withCredentials` 时，`*` 让任何源都能读取响应：`onload` 被触发，status 为 200。',
  },
  'xhr-with-credentials-wildcard': {
    title: 'XHR 设置 withCredentials = true 时，Access-Control-Allow-Origin: * 被拒绝',
    explain:
      '`withCredentials = true` 就是 XHR 版的 `credentials: "include"`。此时响应中的 `*` 会被拒绝（`WildcardOriginNotAllowed`），Chromium 还会在控制台消息里补充说明凭据模式“is controlled by the withCredentials attribute”。\n\n**修复：** 发送确切的源并加上 `Access-Control-Allow-Credentials: true`，或者去掉 `withCredentials`。',
  },
  'xhr-with-credentials-exact-origin': {
    title: 'XHR 设置 withCredentials = true，配合确切的源和 Allow-Credentials 可以加载',
    explain: '这是 `xhr-with-credentials-wildcard` 的修复：确切的页面源、`Access-Control-Allow-Credentials: true` 和 `Vary: Origin`。',
  },
  'xhr-with-credentials-missing-allow-credentials': {
    title: 'XHR 设置 withCredentials = true，但没有 Access-Control-Allow-Credentials，请求失败',
    explain:
      '设置了 `withCredentials` 时，只有确切的源还不够：响应还必须声明 `Access-Control-Allow-Credentials: true`（`InvalidAllowCredentials`）。\n\n**修复：** `Access-Control-Allow-Credentials: true`。',
  },
  'xhr-put-method-not-allowed': {
    title: 'XHR PUT：预检不允许这个方法',
    explain:
      'XHR 的预检与 fetch 完全一样：PUT 不在安全列表中，OPTIONS 响应只列出了 GET 和 POST，所以 PUT 从未被发送（`MethodDisallowedByPreflightResponse`）。\n\n**修复：** `Access-Control-Allow-Methods: PUT`。',
  },
  'xhr-put-method-allowed': {
    title: 'XHR PUT，预检允许了它',
    explain: '这是 `xhr-put-method-not-allowed` 的修复：有了 `Access-Control-Allow-Methods: PUT`，预检通过，PUT 被发送。',
  },
  'xhr-custom-header-not-allowed': {
    title: 'XHR 用 setRequestHeader 设置了预检不允许的请求头',
    explain:
      '`setRequestHeader("X-Requested-With", "XMLHttpRequest")` 是旧代码里出于习惯加上的（jQuery 对同源调用会这样做），它不在安全列表中：它会强制触发预检，而这里的响应不允许它（`HeaderDisallowedByPreflightResponse`）。\n\n**修复：** 去掉这个请求头，或者 `Access-Control-Allow-Headers: X-Requested-With`。',
  },
  'xhr-exposed-header': {
    title: 'XHR 的 getResponseHeader 只能看到安全列表中的和被暴露的响应头',
    explain:
      '`getAllResponseHeaders()` 和 `getResponseHeader()` 遵循与 `response.headers` 相同的规则：安全列表中的名称，加上 `Access-Control-Expose-Headers` 列出的名称。`X-Request-Id` 被暴露了，`X-Total-Count` 没有。',
  },
};
