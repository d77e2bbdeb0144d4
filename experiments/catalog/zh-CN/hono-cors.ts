/**
 * Simplified Chinese title and explain of the `hono-cors` group
 * (experiments/catalog/hono-cors.ts), by experiment id. Option names and
 * code stay as written: they are what the reader types.
 */
export const honoCors: Record<string, { title: string; explain: string }> = {
  'hono-cors-default-wildcard': {
    title: '不带选项的 cors() 答复 Access-Control-Allow-Origin: *',
    explain:
      '`app.use(cors())` 在每个响应上都发送 `Access-Control-Allow-Origin: *`：任何页面都可以读取公开数据。对于公开的、不使用 Cookie 的 API，这是正确的。',
  },
  'hono-cors-wildcard-with-credentials': {
    title: "origin: '*' 配合 credentials: true 仍然发送 *：带凭据的请求失败",
    explain:
      "用户报告过的一个陷阱：`cors({ origin: '*', credentials: true })` 会把 `Access-Control-Allow-Origin: *` 和 `Access-Control-Allow-Credentials: true` 一起发送。hono/cors 不会把 `*` 换成请求的源，而对于 `credentials: \"include\"` 的请求，浏览器会拒绝 `*`。\n\n**修复：** 写明允许的源：`cors({ origin: ['https://app.example'], credentials: true })`（这时 hono/cors 会回送匹配的源，并加上 `Vary: Origin`）。",
  },
  'hono-cors-origin-list-credentials': {
    title: '源列表配合 credentials: true 可以允许带凭据的请求',
    explain:
      '正确的做法：`cors({ origin: [<页面的源>], credentials: true })`。当请求的源在列表中时，hono/cors 回送这个源，发送 `Access-Control-Allow-Credentials: true`，并追加 `Vary: Origin`，这样共享缓存就会为每个源各保存一份响应。',
  },
  'hono-cors-origin-not-in-list': {
    title: '不在列表中的源得不到 Access-Control-Allow-Origin',
    explain:
      '列表里只有 partner；`app` 上的页面得到的响应没有 `Access-Control-Allow-Origin`（hono/cors 选择省略这个响应头，而不是发送另一个源）。请求仍然在服务器上执行了。\n\n**修复：** 把页面的源加入 `origin`。',
  },
  'hono-cors-preflight-before-handler': {
    title: '预检由中间件答复，在路由（或认证）运行之前',
    explain:
      '中间件后面的路由会以 401 答复 OPTIONS（挂在 `cors()` 之后的认证中间件也会这样）。但它根本没有机会：hono/cors 自己以 `204` 和 CORS 响应头答复每一个 OPTIONS 请求，所以预检通过，PUT 到达了路由。正因如此，要把 `cors()` 挂在认证**之前**：浏览器发送预检时不带凭据。',
  },
  'hono-cors-echoes-request-headers': {
    title: 'allowHeaders 为空时，hono/cors 允许预检询问的任何请求头',
    explain:
      "没有 `allowHeaders` 时，hono/cors 把预检的 `Access-Control-Request-Headers` 复制到 `Access-Control-Allow-Headers` 中（并加上 `Vary: Access-Control-Request-Headers`）。这很方便，但它允许任何被允许的源发送**任意**请求头，例如 `X-Forwarded-For` 或 `Authorization`。\n\n**修复**（如果这太宽松）：把它们列出来，`allowHeaders: ['Content-Type', 'Authorization']`。",
  },
  'hono-cors-allow-headers-listed': {
    title: 'allowHeaders 中缺少的请求头会让预检失败',
    explain:
      "`allowHeaders: ['Content-Type']` 取代了原样回送：`X-Custom` 不在列表中，所以预检失败，请求从未被发送。\n\n**修复：** `allowHeaders: ['Content-Type', 'X-Custom']`。",
  },
  'hono-cors-allow-methods': {
    title: 'allowMethods 中缺少的方法会让预检失败',
    explain:
      "`allowMethods: ['GET', 'POST']` 漏掉了 DELETE（默认列表里有它），所以 DELETE 的预检失败。\n\n**修复：** `allowMethods: ['GET', 'POST', 'DELETE']`。",
  },
  'hono-cors-expose-headers': {
    title: 'exposeHeaders 让一个响应头可以被读取',
    explain:
      "路由发送了 `X-Total-Count`；JavaScript 之所以能读取它，只是因为 `exposeHeaders: ['X-Total-Count']` 让 hono/cors 发送了 `Access-Control-Expose-Headers: X-Total-Count`。没有它，这个响应头就会保持隐藏（只有 CORS 安全列表中的响应头可以读取）。",
  },
  'hono-cors-max-age-caches-preflight': {
    title: 'maxAge 让浏览器复用预检',
    explain: '`maxAge: 600` 在预检响应上发送 `Access-Control-Max-Age: 600`，所以发往同一个 URL 的第二个 PUT 无须再预检。',
  },
};
