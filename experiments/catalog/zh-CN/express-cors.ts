/**
 * Simplified Chinese title and explain of the `express-cors` group
 * (experiments/catalog/express-cors.ts), by experiment id. Options,
 * regular expressions and code stay exactly as in the English text.
 */
export const expressCors: Record<string, { title: string; explain: string }> = {
  'express-cors-default': {
    title: '不带选项的 cors() 用 * 允许任何源',
    explain:
      '`app.use(cors())` 发送 `Access-Control-Allow-Origin: *`，并以 204 和 `Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE` 答复预检。对于不使用 Cookie 的公开 API，这是正确的。',
  },
  'express-cors-credentials-with-default-origin': {
    title: 'credentials: true 配合默认的 origin 会发送 * 并失败',
    explain:
      "`cors({ credentials: true })` 保留了默认的 `origin: '*'`，所以它在 `Access-Control-Allow-Credentials: true` 旁边发送 `Access-Control-Allow-Origin: *`，而带凭据的请求不能接受这样的响应。\n\n**修复：** `cors({ origin: 'https://app.example', credentials: true })`，或者用 `origin: true` 反射请求的源（前提是你自己另做检查）。",
  },
  'express-cors-fixed-origin-other-page': {
    title: '固定的源字符串会发给每个调用方，不管是否匹配',
    explain:
      "使用 `origin: 'http://127.0.0.1:5313'`（一个字符串）时，这个包把这个源原样发给每个调用方（外加 `Vary: Origin`）；它不做比较。`app` 上的页面拿到的是别人的源，于是被拦截。\n\n**修复：** 在字符串里写页面的源，或者用数组允许多个源。",
  },
  'express-cors-regex-unanchored': {
    title: '没有锚定的正则表达式放进了 evil.localhost',
    explain:
      "`origin: /localhost/` 本意是允许本地开发用的源，但没有 `^` 和 `$` 的正则表达式会在**任意位置**匹配：`http://evil.localhost:5314` 包含 `localhost`，于是这个包反射了攻击者的源并允许了它，连凭据也一并允许。同样的错误也会让 `https://example.com.attacker.net` 通过 `/example\\.com/`。\n\n**修复：** 加上锚点并转义点号：`/^http:\\/\\/localhost:\\d+$/`。",
  },
  'express-cors-regex-anchored': {
    title: '锚定的正则表达式把 evil.localhost 挡在外面',
    explain:
      '`origin: /^http:\\/\\/localhost:\\d+$/` 匹配整个源，所以 `http://evil.localhost:5314` 不再能通过：这个包不发送 `Access-Control-Allow-Origin`，浏览器拦截了响应（请求本身仍然执行了：会改变状态的路由要另外保护）。',
  },
  'express-cors-origin-array': {
    title: '源数组会反射匹配的那一个源',
    explain:
      "`origin: ['http://localhost:5310', /\\.example\\.com$/]` 把请求的源与每一项比较，有一项匹配时就反射它，并带上 `Vary: Origin`。配合 `credentials: true`，这就是带凭据 API 的正确写法。",
  },
  'express-cors-preflight-continue': {
    title: 'preflightContinue 把 OPTIONS 交给你的路由：那里的 404 会让预检失败',
    explain:
      "使用 `preflightContinue: true` 时，这个包给 OPTIONS 加上它的响应头，但让请求继续交给你的路由。如果没有路由答复 OPTIONS，Express 就答复 404，而预检需要一个 ok（2xx）状态。\n\n**修复：** 让 `preflightContinue` 保持 false（这个包就会自己答复 204），或者添加 `app.options('*', ...)`。",
  },
  'express-cors-allowed-headers-listed': {
    title: 'allowedHeaders 取代了对所请求的请求头的原样回送',
    explain:
      "没有 `allowedHeaders` 时，这个包原样回送 `Access-Control-Request-Headers`，允许任何请求头。设置了 `allowedHeaders: ['Content-Type']` 后，发送 `Authorization` 的请求就无法通过预检。\n\n**修复：** `allowedHeaders: ['Content-Type', 'Authorization']`。",
  },
};
