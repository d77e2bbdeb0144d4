/** Simplified Chinese title and explain of the "preflight" group (experiments/catalog/preflight.ts). */
export const preflight: Record<string, { title: string; explain: string }> = {
  'preflight-put-allowed': {
    title: '预检列出了 PUT，PUT 就被放行',
    explain:
      'PUT 不是 CORS 安全列表中的方法（GET、HEAD、POST），所以浏览器先发送带 `Access-Control-Request-Method: PUT` 的 `OPTIONS`。预检的响应允许了这个源和这个方法；随后 PUT 才发出，而它的响应同样必须通过 CORS 检查。',
  },
  'preflight-put-missing-allow-methods': {
    title: 'Access-Control-Allow-Methods 中没有列出 PUT',
    explain:
      '预检允许了这个源，却没有允许这个方法，所以浏览器根本不会发送 PUT：服务器只看到 OPTIONS 请求。\n\n**修复：** 在预检上发送 `Access-Control-Allow-Methods: PUT`，并在 PUT 自己的响应上加一个 `Access-Control-Allow-Origin`（目前还没有）：预检一旦通过，这就是下一项检查。',
  },
  'preflight-no-acao': {
    title: '没有 Access-Control-Allow-Origin 的预检响应会让请求止步',
    explain:
      '预检本身也必须通过 CORS 检查。许多框架用 204 响应 OPTIONS，却忘了加 CORS 响应头。\n\n**修复：** 在 OPTIONS 的响应上也发送 `Access-Control-Allow-Origin`。',
  },
  'preflight-delete-allowed': {
    title: '预检允许了源和方法时，DELETE 被放行',
    explain: '缺少源的那个预检修好之后的版本：OPTIONS 的响应写明了页面的源并列出了 DELETE，DELETE 的响应也写明了这个源。',
  },
  'preflight-acao-mismatch': {
    title: '预检响应允许的是另一个源，请求止步',
    explain: '预检把 `api2` 列为允许的源，而不是页面。',
  },
  'preflight-custom-header-missing': {
    title: 'Access-Control-Allow-Headers 中没有列出的自定义请求头',
    explain:
      '任何不在 CORS 安全列表（Accept、Accept-Language、Content-Language、简单的 Content-Type、Range）中的请求头都会触发预检，而响应必须在 `Access-Control-Allow-Headers` 中列出它。\n\n**修复：** `Access-Control-Allow-Headers: X-Custom`。',
  },
  'preflight-custom-header-allowed': {
    title: 'Access-Control-Allow-Headers 中列出的自定义请求头',
    explain: '请求头名称的比较不区分大小写；浏览器在 `Access-Control-Request-Headers` 中询问时，会把它们转成小写并排序。',
  },
  'preflight-json-content-type': {
    title: 'Content-Type: application/json 触发了服务器没有顾及的预检',
    explain:
      '只有 `text/plain`、`multipart/form-data` 和 `application/x-www-form-urlencoded` 是安全列表中的 Content-Type。因此 JSON API 总会遇到预检。\n\n**修复：** `Access-Control-Allow-Headers: Content-Type`。',
  },
  'preflight-json-content-type-allowed': {
    title: '预检允许了 Content-Type: application/json',
    explain: '修好的 JSON 请求：预检在 `Access-Control-Allow-Headers` 中列出了 `content-type`，于是带 JSON 请求体的 POST 得以发出。',
  },
  'preflight-status-500': {
    title: '用 500 响应的预检会让请求止步',
    explain:
      '预检必须得到一个 ok 状态（200-299）。这里的 500 带着 CORS 响应头（中间件给每个响应都加上了它们，随后 OPTIONS 的处理函数出错），所以不通过的是状态码这一项检查。如果没有这些响应头，Chromium 会先报告缺少 `Access-Control-Allow-Origin`（`preflight-status-404-no-cors`）。\n\n**修复：** 用 204 响应 OPTIONS。',
  },
  'preflight-status-404-no-cors': {
    title: '以 404 响应且不带 CORS 响应头的预检，在 Access-Control-Allow-Origin 上失败',
    explain:
      '现实中最常见的情况：服务器没有 `OPTIONS` 路由，返回 404，也不发送任何 CORS 响应头。Chromium 先对预检响应做 CORS 检查，再看状态码，所以原因指出的是缺少 `Access-Control-Allow-Origin`，而不是 404。[CORS 预检请求](https://fetch.spec.whatwg.org/#cors-preflight-fetch)两者都要求，不同的只是原因的先后。\n\n**修复：** 在页面调用的每个路由上响应 `OPTIONS`，用 204 并带上 CORS 响应头。',
  },
  'preflight-status-404-with-cors': {
    title: '以 404 响应但带 CORS 响应头的预检，在状态码上失败',
    explain:
      '这里的 404 带着 `Access-Control-Allow-Origin`（CORS 中间件给每个响应都加了响应头，却没有 `OPTIONS` 路由）。CORS 检查通过了，于是下一项检查（ok 状态，200-299）失败：`PreflightInvalidStatus`。\n\n**修复：** 用 204 响应 `OPTIONS`。',
  },
  'preflight-status-401-no-cors': {
    title: '认证层挡在 CORS 前面、以 401 响应的预检，在 Access-Control-Allow-Origin 上失败',
    explain:
      '认证层在 CORS 之前运行，自己响应了预检：401，没有任何 CORS 响应头。预检请求不带 Cookie，也不带 `Authorization`（[CORS 预检请求](https://fetch.spec.whatwg.org/#cors-preflight-fetch)从不携带凭据），所以它永远通不过认证。Chromium 先检查 CORS 响应头，再看状态码，所以原因指出的是缺少 `Access-Control-Allow-Origin`。\n\n**修复：** 让 `OPTIONS` 无需认证即可通过：把 CORS 中间件挂在认证中间件之前，由它用 204 和 CORS 响应头响应预检。',
  },
  'preflight-status-401-with-cors': {
    title: '以 401 响应但带 CORS 响应头的预检，在状态码上失败',
    explain:
      'CORS 中间件给每个响应都加上了响应头，但预检仍由认证中间件响应，状态是 401。CORS 检查通过了，ok 状态（200-299）检查失败：`PreflightInvalidStatus`。光有响应头没有用：预检从不携带令牌，所以认证必须放行 `OPTIONS`。\n\n**修复：** 在认证之前响应 `OPTIONS`，用 204。',
  },
  'preflight-status-200': {
    title: '预检用 200 而不是 204 响应也没问题',
    explain: '任何 2xx 状态都能通过预检的 ok 状态检查：只要 CORS 响应头都在，200 和 204 一样有效。',
  },
  'preflight-redirected': {
    title: '用重定向响应的预检会让请求止步',
    explain: '预检不能被重定向。OPTIONS 一旦撞上认证跳转或末尾斜杠的重定向，就会失败。\n\n**修复：** 在所请求的 URL 上直接响应 OPTIONS。',
  },
  'preflight-allow-methods-invalid': {
    title: '格式错误的 Access-Control-Allow-Methods 让预检失败',
    explain:
      '这个响应头是以逗号分隔的方法记号列表。无法解析的值（这里是一个中间带空格的记号）会让预检失败。\n\n**修复：** `Access-Control-Allow-Methods: PUT, DELETE`。',
  },
  'preflight-allow-headers-invalid': {
    title: '格式错误的 Access-Control-Allow-Headers 让预检失败',
    explain: '这个响应头是以逗号分隔的请求头名称记号列表；带空格或 `:` 的名称无法解析。\n\n**修复：** `Access-Control-Allow-Headers: X-Custom`。',
  },
  'preflight-wildcard-methods-headers': {
    title: '不带凭据时，Allow-Methods 和 Allow-Headers 中的通配符有效',
    explain:
      '不带凭据时，`Access-Control-Allow-Methods` 和 `Access-Control-Allow-Headers` 中的 `*` 允许任何方法和任何请求头（`Authorization` 除外，它必须写明名称）。',
  },
  'preflight-wildcard-headers-authorization': {
    title: 'Access-Control-Allow-Headers: * 与 Authorization：Chromium 放行了标准禁止的请求',
    explain:
      'Fetch 标准规定通配符永远不包括 `Authorization`：它必须按名称列出。这个版本的 Chromium 仍然放行它（一个已知的偏差），所以不要指望浏览器拦下令牌：明确列出 `Authorization`，并且不要在需要认证的 API 上使用 `*`。',
  },
  'preflight-ok-actual-missing-acao': {
    title: '预检通过还不够：实际请求的响应也需要 Access-Control-Allow-Origin',
    explain:
      '实际请求被发送出去（并在服务器上执行），随后它的响应要单独接受 CORS 检查，而这里检查失败了。\n\n**修复：** 在每一个响应上都发送 `Access-Control-Allow-Origin`，而不只是在 OPTIONS 上。',
  },
  'preflight-max-age-cached': {
    title: 'Access-Control-Max-Age：第二个相同的请求跳过预检',
    explain:
      '浏览器按源和 URL 把预检响应缓存 `Access-Control-Max-Age` 秒（Chromium 最长只缓存 2 小时，没有这个响应头时缓存 5 秒）。`then` 步骤重复这个请求：这一次没有 OPTIONS。',
  },
  'preflight-cache-miss-new-header': {
    title: '缓存的预检不涵盖它没有允许过的请求头',
    explain: '缓存条目记着允许过哪些方法和请求头。之后带有新请求头的请求需要一次新的预检，而这次预检在这里失败了。',
  },
  'preflight-two-acao-lines': {
    title: '带两行 Access-Control-Allow-Origin 的预检响应失败',
    explain:
      '两行会合并成 `a, b`，它不是一个源；在预检上，这会让请求在发送之前就止步。网关和应用都用 CORS 响应头响应 OPTIONS 时，常见这种情况。\n\n**修复：** 只让一层添加 CORS 响应头。',
  },
  'preflight-acao-not-an-origin': {
    title: 'Access-Control-Allow-Origin 不是源的预检响应失败',
    explain: '单独的主机名（`localhost`）不是源：这个值需要协议和端口，例如 `http://localhost:5310`。\n\n**修复：** 发送页面的完整源。',
  },
};
