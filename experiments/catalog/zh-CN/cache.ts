/** Simplified Chinese title and explain of the "cache" group (experiments/catalog/cache.ts). */
export const cache: Record<string, { title: string; explain: string }> = {
  'cache-max-age-reuse': {
    title: 'Access-Control-Max-Age: 600 让下一个相同的请求跳过预检',
    explain:
      '第一个 PUT 经过预检；响应写着 `Access-Control-Max-Age: 600`，所以在十分钟内，对相同的页面源、URL、方法和请求头，浏览器都会重用它。第二个 PUT 直接发往服务器：服务器的记录里没有它的 OPTIONS。Chromium 把这个值的上限定为 7200 秒（2 小时）。\n\n**用法：** 几分钟的 Max-Age 就能让一个请求频繁的 API 少掉一半往返。',
  },
  'cache-max-age-expiry': {
    title: 'Access-Control-Max-Age 到期后，预检会再次发送',
    explain: '使用 `Access-Control-Max-Age: 1` 时，缓存条目只存活一秒。第二个 PUT 在 1.2 秒后发出，发现条目已过期，于是再次预检。',
  },
  'cache-default-five-seconds': {
    title: '没有 Access-Control-Max-Age，Chromium 仍然把预检缓存 5 秒',
    explain:
      '没有 `Access-Control-Max-Age` 并不意味着“不缓存”：Fetch 标准和 Chromium 的默认值都是 5 秒，所以立刻重复的请求不用预检。修改了服务器的 CORS 响应就马上重试的人，常常会因此感到意外。\n\n**要关闭缓存：** `Access-Control-Max-Age: 0`（见 `cache-max-age-zero`）。',
  },
  'cache-max-age-zero': {
    title: 'Access-Control-Max-Age: 0 关闭预检缓存',
    explain: '使用 `Access-Control-Max-Age: 0` 时什么都不缓存：每个 PUT 都要预检，重复的那个也不例外。开发服务器的 CORS 响应时很方便，在生产环境中则代价高昂。',
  },
  'cache-new-header-not-covered': {
    title: '允许 X-Token 的缓存条目不涵盖同时带 X-Token 和 X-Trace 的请求',
    explain:
      '缓存条目允许方法 `PUT` 和请求头 `X-Token`。第二个请求加了 `X-Trace`，条目不涵盖它，所以浏览器再次预检；响应仍然只允许 `X-Token`，请求被拦截。\n\n**修复：** `Access-Control-Allow-Headers: X-Token, X-Trace`。',
  },
  'cache-new-method-not-covered': {
    title: '缓存的预检不涵盖另一个方法',
    explain: '缓存条目允许 `PUT`。发往同一个 URL 的 DELETE 需要自己的预检，而响应没有列出 DELETE：被拦截。\n\n**修复：** `Access-Control-Allow-Methods: PUT, DELETE`。',
  },
  'cache-one-entry-per-url': {
    title: '缓存条目按 URL 区分：重定向到另一个路径后，在那里也要预检',
    explain:
      '预检缓存以确切的 URL 为键，而不是以服务器为键。发往 `/v1/items` 的 PUT 经过预检，被重定向（307）到同一个源上的 `/v2/items`，又在那里预检了一次：第一步的记录显示了两个 OPTIONS。重复的请求为每个 URL 都找到了缓存条目，一个预检也没有发送。\n\n**所以：** Max-Age 只对页面反复调用的 URL 有帮助；`/items/1` 和 `/items/2` 各自都要付出一次预检的代价。',
  },
  'cache-credentials-need-own-entry': {
    title: '不带凭据时存下的缓存条目不服务带凭据的请求',
    explain:
      '第一个 PUT 不带凭据。第二个带了凭据；不带凭据的请求留下的缓存条目不涵盖它，所以它要再次预检（而这次的响应允许凭据，所以能通过）。',
  },
  'cache-failed-preflight-not-cached': {
    title: '失败的预检不会被缓存：重试时会再次询问',
    explain:
      '预检响应缺少 `Access-Control-Allow-Methods`，所以 PUT 被拦截。无论 Max-Age 怎么写，失败都不会被缓存：重试时再次预检并再次被拦截，而修好服务器之后会立即生效。\n\n**修复：** `Access-Control-Allow-Methods: PUT`。',
  },
  'cache-credentialed-entry-without-credentials': {
    title: '带凭据存下的缓存条目在 Chromium 中也服务不带凭据的请求，在 Firefox 中不会',
    explain:
      '第一个 PUT 带凭据，它的预检允许凭据。第二个不带凭据。Fetch 标准按凭据模式区分缓存条目，所以那个条目不匹配，Firefox 会再次预检；Chromium 却重用它（一个已知的偏差），所以它的记录里没有第二个 OPTIONS。两者都通过。\n\n**要点：** 不要指望预检被跳过，只能指望它被允许。',
  },
  'cache-wildcard-headers-new-name': {
    title: '缓存的 Access-Control-Allow-Headers: * 在 Chromium 中涵盖新的请求头，在 Firefox 中不会',
    explain:
      '预检响应 `Access-Control-Allow-Headers: *` 和 `Access-Control-Max-Age: 600`。第二个 PUT 加了 `X-Trace`。Chromium 在缓存里保留通配符，跳过预检；Firefox 保留的是第一次预检所针对的请求头名（`x-token`），所以 `X-Trace` 在那里需要新的预检，而 `*` 再次允许它。两者都通过。\n\n**要点：** 列出客户端会发送的请求头，这样缓存在每个浏览器里表现都一样。',
  },
  'cache-redirected-preflight-not-reused': {
    title: '跨源重定向之后（Origin: null）做的预检不会被重用',
    explain:
      'PUT 发往 `api`，它以 `307` 重定向到 `api2`。两个预检响应都带 `Access-Control-Max-Age: 600`。再发一次同样的 PUT：`api` 的缓存条目派上用场，但重定向让请求带上了一个不透明的源，以 `Origin: null` 发送，而为不透明的源做的预检从不被重用，所以 `api2` 又被预检了一次。Firefox 不同：它在重定向之后用页面的源发送预检，并重用缓存条目。\n\n**修复：** 需要预检的请求不要经过重定向（直接请求 `api2`），这样每个源的缓存都能生效。',
  },
};
