/** Simplified Chinese title and explain of the "beacon" group (experiments/catalog/beacon.ts). */
const BEACON = 'https://w3c.github.io/beacon/#sec-sendBeacon-method';

export const beacon: Record<string, { title: string; explain: string }> = {
  'beacon-text-no-preflight': {
    title: 'evil.localhost 上的页面向没有 CORS 头部的 api 发送文本 beacon',
    explain:
      `\`navigator.sendBeacon(url, "...")\` 发送一个 \`Content-Type: text/plain;charset=UTF-8\` 的 \`POST\`，这个类型属于 CORS 安全列表：这是 no-cors 请求，没有预检，也没有 CORS 检查。无论服务器怎么响应，它都会到达服务器；页面只知道 beacon 已排队。${BEACON}`,
  },
  'beacon-json-blob-preflight-unanswered': {
    title: 'evil.localhost 上的页面向没有 CORS 头部的 api 发送带 application/json Blob 的 beacon',
    explain:
      `类型为 \`application/json\` 的 Blob 不属于 CORS 安全列表，所以 beacon 成为 CORS 请求，Chromium 先发送预检。\`api\` 对 \`OPTIONS\` 的响应没有 CORS 头部，\`POST\` 从未发出。页面无从得知：\`sendBeacon\` 早已返回 \`true\`。${BEACON}\n\n**修复：** 用 \`Access-Control-Allow-Origin: <页面的源>\`、\`Access-Control-Allow-Credentials: true\` 和 \`Access-Control-Allow-Headers: content-type\` 响应预检，或者以文本发送 beacon。`,
  },
  'beacon-json-blob-wildcard': {
    title: '带 application/json Blob 的 beacon 发往 api，api 的预检响应 Access-Control-Allow-Origin: *',
    explain:
      'beacon 总是带凭据，所以它的预检按带凭据的请求检查：`Access-Control-Allow-Origin: *` 被拒绝（带凭据的请求需要指明源并发送 `Access-Control-Allow-Credentials: true`）。`POST` 从未发出。\n\n**修复：** `Access-Control-Allow-Origin: <页面的源>` 加上 `Access-Control-Allow-Credentials: true`。',
  },
  'beacon-json-blob-credentialed-preflight': {
    title: '带 application/json Blob 的 beacon 发往 api，api 的预检指明页面并允许凭据',
    explain:
      '与 `beacon-json-blob-wildcard` 相对：预检指明了页面的源，允许凭据和 `content-type` 头部，所以 `POST` 随后发出。对它的响应仍然永远不会给页面看到。',
  },
  'beacon-urlencoded-blob-no-preflight': {
    title: 'evil.localhost 上的页面向 api 发送带 application/x-www-form-urlencoded Blob 的 beacon',
    explain:
      '`application/x-www-form-urlencoded` 是三个 CORS 安全列表类型之一（另外两个是 `multipart/form-data` 和 `text/plain`）：beacon 仍是 no-cors 请求，`POST` 不经预检就到达服务器，就像表单一样。',
  },
  'beacon-same-site-lax-cookie': {
    title: 'api 设置了 SameSite=Lax 的 cookie 之后，app 上的页面向 api 发送文本 beacon',
    explain:
      'beacon 带凭据。`app` 和 `api` 是同一站点（`localhost`，端口不算），所以即使是 `SameSite=Lax` 的 cookie 也会随 beacon 发送：你自己站点上的统计代码就是这样保持会话的。',
  },
  'beacon-cross-site-lax-cookie': {
    title: 'api 设置了 SameSite=Lax 的 cookie 之后，evil.localhost 上的页面向 api 发送文本 beacon',
    explain:
      '同样的 beacon 来自 `evil.localhost`，另一个站点：beacon 不是导航，所以 `Lax` 的 cookie 不随它发送。服务器仍然收到这个 `POST`，只是匿名的。',
  },
};
