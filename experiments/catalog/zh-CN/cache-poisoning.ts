/**
 * Simplified Chinese title and explain of the `cache-poisoning` group
 * (experiments/catalog/cache-poisoning.ts), by experiment id.
 */
export const cachePoisoning: Record<string, { title: string; explain: string }> = {
  'cache-poisoning-missing-vary': {
    title: '反射 Origin 却不带 Vary：第二个源拿到了为第一个源缓存的响应',
    explain:
      '服务器回送请求的 `Origin`（用允许列表也是一样），并允许响应被缓存 60 秒，却没有发送 `Vary: Origin`。`app` 上的页面请求它；这个允许 `app` 的响应进入了 HTTP 缓存。随后 `api2` 上的页面（同一个站点，因此是同一个缓存分区）请求同一个 URL：浏览器不询问服务器，直接交出缓存的响应，而其中的 `Access-Control-Allow-Origin` 写的是 `app`，不是 `api2`：`AllowOriginMismatch`。共享缓存（CDN、代理）会在所有用户之间犯同样的错误。\n\n**修复：** 只要响应的 CORS 响应头取决于 `Origin`，就在每个这样的响应上加 `Vary: Origin`（见 `cache-poisoning-vary-origin`）。',
  },
  'cache-poisoning-vary-origin': {
    title: 'Vary: Origin 让每个源各有一份缓存的响应',
    explain:
      '同一个服务器，加上了 `Vary: Origin`：缓存把响应连同它所针对的 `Origin` 一起存下来。`api2` 上的页面发送的是另一个 `Origin`，所以缓存的响应不适用；请求发到服务器，服务器反射 `api2`，读取成功。',
  },
  'cache-poisoning-wildcard-is-cache-safe': {
    title: 'Access-Control-Allow-Origin: * 可以为所有人缓存',
    explain: '不取决于 `Origin` 的响应不需要 `Vary`：`*` 对每个源都正确，所以缓存的副本无须访问服务器，就能提供给 `api2` 上的页面。',
  },
  'cache-poisoning-no-cors-first': {
    title: 'no-cors 加载缓存了一个没有 CORS 响应头的响应，之后的 fetch 失败',
    explain:
      '经典的“重新加载就正常，首次访问却失败”问题。`<img>` 或 no-cors 加载在请求这个 URL 时不带 `Origin` 请求头，因此反射型服务器的响应里没有可用的 `Access-Control-Allow-Origin`（这里是一个空值），而这个响应被缓存了。页面随后以“cors”模式发起的 `fetch()` 拿到的是缓存的副本：`InvalidAllowOriginValue`，服务器根本看不到第二个请求。\n\n**修复：** `Vary: Origin`（见 `cache-poisoning-no-cors-first-vary`），或者无论请求是否带有 `Origin`，都发送相同的 CORS 响应头。',
  },
  'cache-poisoning-no-cors-first-vary': {
    title: '有了 Vary: Origin，之后的 fetch 不会拿到 no-cors 请求的响应',
    explain:
      '这是 `cache-poisoning-no-cors-first` 的修复：缓存的响应是为一个不带 `Origin` 的请求生成的；而 fetch 带有这个请求头，所以 `Vary: Origin` 让它去往服务器，服务器反射页面的源。',
  },
  'cache-poisoning-no-store': {
    title: 'Cache-Control: no-store：每个源都拿到新的响应',
    explain:
      '从不被存储的响应，就不可能被交给错误的源：有了 `Cache-Control: no-store`，`api2` 上的页面会到达服务器，拿到反射回来的它自己的源。做法简单，代价是什么都不缓存。',
  },
  'cache-poisoning-other-site-partition': {
    title: '另一个站点上的页面不共享缓存的响应（分区缓存）',
    explain:
      'Chromium 按顶级站点对 HTTP 缓存进行分区。`partner`（`127.0.0.1`）与 `app`（`localhost`）是不同的站点，所以即使没有 `Vary`，它的请求也不会命中 `app` 缓存的副本，而是到达服务器。但投毒仍会影响同一站点的每个页面，以及共享缓存（CDN）的每个用户，所以 `Vary: Origin` 仍然是必需的。',
  },
  'cache-poisoning-empty-acao': {
    title: '空的 Access-Control-Allow-Origin 不允许任何源',
    explain:
      '响应带着这个响应头，但值是空的，反射缺失的 `Origin` 的服务器就会这样写。空值不是源：Chromium 报告 `InvalidAllowOriginValue`（这个值无法解析），Firefox 说响应头与空值“不匹配”。反射 `Origin` 的服务器遇到没有它的请求时，应该完全不发这个响应头，也绝不能把这样的响应缓存给别人（见 `cache-poisoning-no-cors-first`）。\n\n**修复：** `Access-Control-Allow-Origin: <页面的源>`。',
  },
};
