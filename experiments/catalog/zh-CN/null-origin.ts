/**
 * Simplified Chinese title and explain of the `null-origin` group
 * (experiments/catalog/null-origin.ts), by experiment id: faithful
 * translations, code spans and Markdown kept as in the English text.
 */
export const nullOrigin: Record<string, { title: string; explain: string }> = {
  'null-origin-sandboxed-page-sends-null': {
    title: '沙箱页面发送 Origin: null，允许 null 的响应可以被读取',
    explain:
      '以 `Content-Security-Policy: sandbox` 提供的页面（或位于不带 `allow-same-origin` 的 `<iframe sandbox>` 中的页面）拥有一个不透明的源，序列化为 `null`。它的请求带有 `Origin: null`，而 `Access-Control-Allow-Origin: null` 与之匹配。\n\n**为什么这是个陷阱：** 见 `null-origin-allowing-null-is-dangerous`。',
  },
  'null-origin-host-origin-does-not-match': {
    title: '沙箱页面不等于承载它的源：允许承载它的源会失败',
    explain:
      '沙箱页面由 `app` 提供，但它的源是不透明的，所以它的请求写的是 `Origin: null`，而不是 `app` 的源。允许 `app` 的响应与之不匹配。\n\n**修复：** 如果框架里是可信内容，就给它加上 `allow-same-origin`；或者用 `Access-Control-Allow-Origin: *` 提供公开数据。',
  },
  'null-origin-wildcard': {
    title: 'Access-Control-Allow-Origin: * 可以为不带凭据的沙箱页面提供数据',
    explain: '对于公开数据，`*` 是安全的答复：它匹配所有的源，包括 `null`，而且从不与凭据一起生效。',
  },
  'null-origin-allowing-null-is-dangerous': {
    title: '带凭据时允许 null，任何网站都能读取响应',
    explain:
      '任何网站都能发出带 `Origin: null` 的请求：攻击者只需要一个沙箱 iframe（或一个 `data:` URL，或一次跨源重定向）。因此，`Access-Control-Allow-Origin: null` 加上 `Access-Control-Allow-Credentials: true` 并不是“允许本地文件”：它让所有网站都能带着用户的 Cookie 读取这个响应。这里沙箱页面读到了一个带凭据的响应。\n\n**修复：** 任何私密内容都绝不要允许 `null`；拿 `Origin` 去对照一份由真实的源组成的允许列表。',
  },
  'null-origin-reflecting-server': {
    title: '反射任意 Origin 的服务器也会反射 null',
    explain:
      '把请求的 `Origin` 原样回送（`{reflect}`）就是“允许一切”，`null` 也包括在内：沙箱页面读到了带凭据的响应。没有允许列表的反射与允许 `null` 同样危险。\n\n**修复：** 只反射允许列表上的源，并发送 `Vary: Origin`。',
  },
  'null-origin-allow-list-refuses-null': {
    title: '使用允许列表的服务器拒绝 null 源',
    explain:
      '这是 `null-origin-reflecting-server` 的修复：服务器在响应中给出它信任的那一个源（`app`）。源为 `null` 的沙箱页面被拒绝。',
  },
  'null-origin-after-redirect': {
    title: '跨源重定向让请求变成 null，于是允许 null 的响应得以通过',
    explain:
      '一个普通页面（`app`）调用 `api`，后者重定向到 `api2`。经过一次跨源跳转后，请求的源被污染，序列化为 `null`，所以 `api2` 看到的是 `Origin: null`，它的 `Access-Control-Allow-Origin: null` 正好匹配。这是攻击者随时获得 `Origin: null` 的方法之一。',
  },
  'null-origin-preflight-never-cached': {
    title: 'null 源的页面永远不会命中预检缓存',
    explain:
      '沙箱页面发送一个 PUT；预检以 `Access-Control-Max-Age: 600` 允许 `null`。Chromium 从不为不透明的源复用预检（每个不透明的源都是独一无二的），所以重复的请求会再次预检。',
  },
};
