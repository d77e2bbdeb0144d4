/** Simplified Chinese title and explain of the "eventsource" group (experiments/catalog/eventsource.ts). */
export const eventsource: Record<string, { title: string; explain: string }> = {
  'eventsource-same-origin': {
    title: '页面在自己的源上打开 EventSource',
    explain: '事件流在 `app` 上，也就是页面自己的源：没有 CORS。实验室用一个 `data:` 事件（`text/event-stream`）响应，第一个事件到达。https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource',
  },
  'eventsource-cross-origin-no-allow-origin': {
    title: '页面在另一个不发送 Access-Control-Allow-Origin 的源上打开 EventSource',
    explain:
      'EventSource 是 CORS 请求：`api` 上的事件流响应时没有 `Access-Control-Allow-Origin`，所以 Chromium 在响应之后拦截它（`MissingAllowOriginHeader`，`Access to resource at ...`）。页面只看到一个 `error` 事件。`Accept: text/event-stream` 是安全列表中的请求头：没有预检。\n\n**修复：** 在事件流上发送 `Access-Control-Allow-Origin: <页面的源>`。',
  },
  'eventsource-cross-origin-allow-origin': {
    title: '页面在另一个发送 Access-Control-Allow-Origin: <页面的源> 的源上打开 EventSource',
    explain: '同样的事件流，`Access-Control-Allow-Origin` 写明了页面：CORS 检查通过，第一个事件到达。',
  },
  'eventsource-credentials-wildcard': {
    title: '页面以 withCredentials 在一个发送 Access-Control-Allow-Origin: * 的 API 上打开 EventSource',
    explain:
      '`withCredentials: true` 让请求带上凭据，而带凭据请求的响应不能写 `*`：`WildcardOriginNotAllowed`。\n\n**修复：** `Access-Control-Allow-Origin: <页面的源>` 加上 `Access-Control-Allow-Credentials: true`。',
  },
  'eventsource-credentials-no-allow-credentials': {
    title: '页面以 withCredentials 在一个写明页面但不发送 Access-Control-Allow-Credentials 的 API 上打开 EventSource',
    explain:
      '源是精确的，但带凭据的事件流还需要 `Access-Control-Allow-Credentials: true`：`InvalidAllowCredentials`。\n\n**修复：** 加上 `Access-Control-Allow-Credentials: true`。',
  },
  'eventsource-credentials-exact-origin': {
    title: '页面以 withCredentials 在一个写明页面并允许凭据的 API 上打开 EventSource',
    explain: '精确的源加上 `Access-Control-Allow-Credentials: true`：带凭据的事件流通过 CORS 检查，第一个事件到达。',
  },
  'eventsource-text-plain': {
    title: '页面在一个允许任何源、以 Content-Type: text/plain 响应的 API 上打开 EventSource',
    explain:
      'CORS 检查通过了（`*`），但响应是 `text/plain`，不是 `text/event-stream`：EventSource 使连接失败。这不是 CORS 错误：Chromium 打印 `EventSource\'s response has a MIME type ... Aborting the connection.`，不报告原因；页面看到一个 `error` 事件。https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource\n\n**修复：** `Content-Type: text/event-stream`。',
  },
  'eventsource-status-500': {
    title: '页面在自己的源上打开 EventSource，它以 500 响应一个事件流',
    explain:
      '只有 `200` 响应才能打开事件流：`500` 即使类型正确也会使连接失败，而且没有原因（这不是 CORS：是页面自己的源）。https://html.spec.whatwg.org/multipage/server-sent-events.html#dom-eventsource\n\n**修复：** 用 `200` 响应事件流。',
  },
};
