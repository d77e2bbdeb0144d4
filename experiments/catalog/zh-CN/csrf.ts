/** Simplified Chinese title and explain of the "csrf" group (experiments/catalog/csrf.ts). */
const FORM_SPEC = 'https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#form-submission-algorithm';
const SAMESITE = 'https://httpwg.org/http-extensions/draft-ietf-httpbis-rfc6265bis.html#name-samesite-cookies';

export const csrf: Record<string, { title: string; explain: string }> = {
  'csrf-form-post-reaches-api': {
    title: 'evil.localhost 上的页面向 api 提交 POST 表单；api 的 CORS 只允许 app，用户已用 SameSite=None 的 cookie 登录',
    explain:
      `用户在 \`app\` 上登录；\`api\` 给会话 cookie 设置了 \`SameSite=None; Secure\`。随后 \`evil.localhost\`（另一个站点）上的页面向 \`api\` 提交一个隐藏的表单。表单提交是一次导航：没有预检，没有 CORS 检查，而顶层导航会带上 cookie。服务器收到一个带身份的 \`POST\`，如果它只信任 cookie，钱就被转走了。页面读不到响应（\`opaque\`），它也不需要读。${FORM_SPEC}\n\n**修复：** 给会话 cookie 设置 \`SameSite=Lax\`（或 \`Strict\`），并对每个修改状态的请求检查 \`Origin\`（\`csrf-origin-check-refuses-evil\`）。`,
  },
  'csrf-fetch-simple-post-delivered': {
    title: 'evil.localhost 上的页面向 api 发送带凭据的 text/plain fetch POST；api 的 CORS 只允许 app',
    explain:
      '同样的伪造转账，这次用 `fetch()`：带 `text/plain` 请求体的 `POST` 是简单请求，所以没有预检。响应指名的是 `app` 而不是 `evil`，CORS 检查失败，页面得到 `TypeError: Failed to fetch`，但这发生在服务器带着 cookie 执行了请求**之后**（这里允许第三方 cookie，许多浏览器也是如此）。CORS 让攻击者读不到响应，却没有挡住请求到达服务器。\n\n**修复：** 不在 CORS 里：使用 SameSite cookie，并在服务器端检查 `Origin`（或使用 CSRF 令牌）。',
  },
  'csrf-fetch-post-default-samesite': {
    title: 'evil.localhost 上的页面向 api 发送带凭据的 text/plain fetch POST，用户已用没有 SameSite 的 cookie 登录',
    explain:
      `会话 cookie 没有 \`SameSite\` 属性，并且允许第三方 cookie。Chromium 把这样的 cookie 当作 \`Lax\`：跨站点的 \`fetch\` 不是导航，所以伪造的 \`POST\` 不带会话到达。Firefox 和 Safari（WebKit）把它当作 \`None\`：同样的 \`POST\` 带着 cookie，服务器以用户的身份执行它。默认值是浏览器的选择，不是可以依靠的保护。${SAMESITE}\n\n**修复：** 在会话 cookie 上明确设置 \`SameSite=Lax\`（或 \`Strict\`），并在服务器端检查 \`Origin\`。`,
  },
  'csrf-fetch-json-post-preflighted': {
    title: 'evil.localhost 上的页面向 api 发送带凭据、Content-Type: application/json 的 fetch POST',
    explain:
      '`Content-Type: application/json` 不属于 CORS 安全列表，所以浏览器先发预检询问。`api` 对 `OPTIONS` 的响应没有 CORS 头部，`POST` 从未离开浏览器：服务器只看到了预检。这是 CORS 真正保护 API 的唯一地方：表单永远发不出的请求。只接受 JSON（并检查 Content-Type）的 API 不受表单影响；同时也解析 `text/plain` 的 API 则不然（`csrf-form-text-plain-json`）。',
  },
  'csrf-form-text-plain-json': {
    title: 'evil.localhost 上的页面向 api 提交 text/plain 表单，字段名里装着 JSON',
    explain:
      `表单发不出 \`application/json\`，但 \`enctype="text/plain"\` 会把每个字段写成 \`name=value\`：名为 \`{"to":"evil","amount":1000,"pad":"\` 、值为 \`"}\` 的字段让请求体变成 \`{"to":"evil","amount":1000,"pad":"="}\`。没有预检，cookie 也会发送：把任何请求体都当 JSON 解析的 API 会接受它。${FORM_SPEC}\n\n**修复：** 除非 \`Content-Type\` 是 \`application/json\`（表单发不出），否则拒绝修改状态的请求，并检查 \`Origin\`。`,
  },
  'csrf-form-post-samesite-lax': {
    title: 'evil.localhost 上的页面向 api 提交 POST 表单，用户已用 SameSite=Lax 的 cookie 登录',
    explain:
      `同样的伪造表单，但会话 cookie 是 \`SameSite=Lax\`。Lax 的 cookie 只在跨站点请求是**使用安全方法**（GET）的顶层导航时才发送：跨站点的 \`POST\` 不带 cookie，服务器看到的是匿名请求。表单仍然到达了：SameSite 保护的是会话，而不是这个端点。${SAMESITE}`,
  },
  'csrf-form-get-samesite-lax': {
    title: 'evil.localhost 上的页面向 api 提交 GET 表单，用户已用 SameSite=Lax 的 cookie 登录',
    explain:
      `与 \`csrf-form-post-samesite-lax\` 相对：表单使用 \`GET\`。使用安全方法的顶层导航正是 \`Lax\` 在跨站点时允许的（这样从其他站点点进来的链接仍保持登录），cookie 会发送。用 \`GET\` 修改状态的端点对任何链接都敞开。${SAMESITE}\n\n**修复：** 永远不要用 \`GET\` 修改状态；授权修改的 cookie 使用 \`SameSite=Strict\`。`,
  },
  'csrf-form-post-samesite-strict': {
    title: 'evil.localhost 上的页面向 api 提交 POST 表单，用户已用 SameSite=Strict 的 cookie 登录',
    explain: `\`SameSite=Strict\` 的 cookie 从不随另一个站点发起的请求发送，无论是不是导航：伪造的 \`POST\` 到达时不带会话。${SAMESITE}`,
  },
  'csrf-form-post-same-site-sibling': {
    title: 'api2（localhost 的另一个端口）上的页面向 api 提交 POST 表单，用户已用 SameSite=Strict 的 cookie 登录',
    explain:
      `SameSite 讲的是**站点**，不是源：\`localhost:5312\` 和 \`localhost:5311\` 是同一站点（端口不算），所以即使是 \`Strict\` 的 cookie 也会随 \`api2\` 的表单发送。你站点里的每个源（另一个端口，生产环境中同一可注册域名下的另一个子域名）都能伪造 SameSite 拦不住的请求。${SAMESITE}\n\n**修复：** 在服务器上检查 \`Origin\`：它指明确切的源。`,
  },
  'csrf-origin-check-refuses-evil': {
    title: 'evil.localhost 上的页面向 api 提交 POST 表单；api 检查 Origin 是否为 app',
    explain:
      '现在 `api` 检查每个修改状态的请求的 `Origin` 头部，对 `app` 以外的源一律响应 `403`（`server.acceptOrigins`）。浏览器发送的每个 `POST` 都带 `Origin`，表单也不例外，页面无法伪造它。伪造的表单仍然带着 cookie 到达，但服务器在做任何事之前就拒绝了它。',
  },
  'csrf-origin-check-accepts-app': {
    title: 'app 上的页面向 api 提交 POST 表单；api 检查 Origin 是否为 app',
    explain:
      '与 `csrf-origin-check-refuses-evil` 相对：来自 API 自己前端的同一个 `POST` 带着 `app` 的 `Origin`，检查接受它，服务器响应 `200`。这个检查不会给真正的前端带来任何代价。',
  },
};
