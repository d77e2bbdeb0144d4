/** Simplified Chinese title and explain of the "expose" group (experiments/catalog/expose.ts). */
export const expose: Record<string, { title: string; explain: string }> = {
  'expose-safelisted-only': {
    title: '没有 Access-Control-Expose-Headers 时，只有安全列表中的响应头可以读取',
    explain:
      'CORS 检查通过了，所以页面能读取响应体和状态，但 `response.headers` 只显示 CORS 安全列表中的响应头：`Cache-Control`、`Content-Language`、`Content-Length`、`Content-Type`、`Expires`、`Last-Modified`、`Pragma`。`X-Request-Id` 在网络上传输了，在 DevTools 中也看得到，可 `headers.get("x-request-id")` 返回的是 `null`。\n\n**修复：** `Access-Control-Expose-Headers: X-Request-Id` 写明页面还可以读取哪些响应头。',
  },
  'expose-listed-header': {
    title: 'Access-Control-Expose-Headers 中写明的响应头变得可以读取',
    explain:
      '响应在 `Access-Control-Expose-Headers` 中列出了 `X-Request-Id`（名称比较不区分大小写），所以 JavaScript 能读取它；`X-Total-Count` 没有列出，仍然隐藏。\n\n**修复**隐藏的那个：把它也列上，`Access-Control-Expose-Headers: X-Request-Id, X-Total-Count`。',
  },
  'expose-wildcard': {
    title: '对不带凭据的请求，Access-Control-Expose-Headers: * 暴露所有响应头',
    explain: '对于不带凭据的请求，`*` 暴露所有响应头（`Set-Cookie` 除外，见 `expose-set-cookie-never`）。',
  },
  'expose-wildcard-with-credentials': {
    title: '带凭据时，Access-Control-Expose-Headers 中的 * 指的是名字就叫 "*" 的响应头',
    explain:
      '使用 `credentials: "include"` 时，所有 CORS 通配符都只按字面理解：`*` 只暴露名叫 `*` 的响应头。请求通过了 CORS 检查（确切的源加上 `Access-Control-Allow-Credentials: true`），可没有一个自定义响应头可以读取，控制台里也没有任何说明。\n\n**修复：** 写明响应头的名称：`Access-Control-Expose-Headers: X-Request-Id, X-Total-Count`。',
  },
  'expose-named-with-credentials': {
    title: '带凭据时，Access-Control-Expose-Headers 中写明的响应头可以读取',
    explain: '`expose-wildcard-with-credentials` 的修复：写明响应头名称，带不带凭据都有效。',
  },
  'expose-set-cookie-never': {
    title: 'Set-Cookie 永远无法读取，即使列出了也不行',
    explain:
      '`Set-Cookie` 是禁止的响应头名称：无论 `Access-Control-Expose-Headers` 怎么写（这里同时写了 `Set-Cookie` 和 `*`），浏览器都会把它从页面看到的每一个响应中滤掉，同源响应也不例外。Cookie 只能通过 `document.cookie` 到达 JavaScript（而且只限没有 `HttpOnly` 的 Cookie）。\n\n**修复：** 如果页面需要这个值，就把它放在响应体里，或者放在另一个你暴露出来的响应头里。',
  },
  'expose-invalid-token-voids-list': {
    title: '只要有一个元素不是响应头名称，整个 Access-Control-Expose-Headers 列表就作废',
    explain:
      '列表 `X-Request-Id, X Total Count` 中有一个带空格的元素，它不是响应头名称（记号）。于是 Fetch 标准把整个响应头当作解析失败，Chromium 也照此处理：连有效的 `X-Request-Id` 也被隐藏了。一个名称写错，所有名称都被隐藏。\n\n**修复：** 每个逗号之间只写一个响应头名称：`Access-Control-Expose-Headers: X-Request-Id, X-Total-Count`。',
  },
  'expose-quoted-string-voids-list': {
    title: 'Access-Control-Expose-Headers 中带引号的名称让列表作废',
    explain:
      '响应头列表按引号字符串之外的逗号拆分，所以 `"X-Request-Id", X-Total-Count` 得到的元素是 `"X-Request-Id"`（连同引号）和 `X-Total-Count`。引号字符串不是记号：整个列表失败，两个响应头都无法读取。\n\n**修复：** 不要引号：`Access-Control-Expose-Headers: X-Request-Id, X-Total-Count`。',
  },
  'expose-empty-elements-and-two-lines': {
    title: '空的列表元素和重复的响应头行都没有问题',
    explain:
      '两行 `Access-Control-Expose-Headers` 合并成一个列表（`x-request-id,, , x-total-count`），而列表语法允许空元素，所以两个响应头都可以读取。与 `Access-Control-Allow-Origin` 不同，列表型的响应头可以发送不止一次。',
  },
  'expose-without-allow-origin': {
    title: 'CORS 检查失败时，Access-Control-Expose-Headers 不起任何作用',
    explain:
      '暴露响应头只是后半步：没有 `Access-Control-Allow-Origin`，CORS 检查失败，页面什么也读不到，连状态都读不到。服务器照样执行了这个请求。\n\n**修复：** `Access-Control-Allow-Origin: <页面的源>`（或 `*`），之后暴露的响应头才变得可以读取。',
  },
};
