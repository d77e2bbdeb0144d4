/** Simplified Chinese title and explain of the "no-cors" group (experiments/catalog/no-cors.ts). */
export const noCors: Record<string, { title: string; explain: string }> = {
  'no-cors-opaque-still-reaches-server': {
    title: 'mode "no-cors"：服务器执行了请求，页面得到不透明响应',
    explain:
      '`no-cors` 跳过 CORS 检查，所以什么都不会被拦截，也什么都读不到：响应是不透明的（`type: "opaque"`，状态为 0，没有响应头，响应体为空）。服务器照样收到并响应了这个请求。`<img>` 和 `<script>` 就是这样跨源加载的，这也说明 CORS 防的不是请求，只是对响应的读取。\n\n**要读取响应：** 使用 mode "cors"，并让服务器发送 `Access-Control-Allow-Origin`。',
  },
  'no-cors-cors-headers-do-not-help': {
    title: '即使服务器允许 CORS，mode "no-cors" 仍然是不透明的',
    explain:
      '这是对控制台提示 "set the request\'s mode to \'no-cors\'" 的常见误读：它并不会让数据变得可以读取。即使响应上带着 `Access-Control-Allow-Origin: *`，no-cors 响应也是不透明的。\n\n**修复：** 去掉 `mode: "no-cors"`；默认的 mode "cors" 就能读取这个响应（见 `no-cors-cors-mode-reads-it`）。',
  },
  'no-cors-cors-mode-reads-it': {
    title: '同样的响应在 mode "cors" 下可以读取',
    explain:
      '与 `no-cors-cors-headers-do-not-help` 相对照：mode "cors" 加上 `Access-Control-Allow-Origin: *`，得到一个 `cors` 响应，状态为 200，安全列表中的响应头可以读取。',
  },
  'no-cors-post-side-effect': {
    title: '带表单请求体的 no-cors POST 会到达服务器：没有预检来保护它',
    explain:
      'no-cors 只允许使用安全列表请求头的 GET、HEAD 和 POST，恰好就是 HTML 表单能发送的请求，所以任何源上的页面都能不经预检发出这个 POST。服务器会照此行事（只要 Cookie 允许）；页面只是读不到响应。这就是跨站请求伪造，而 CORS 挡不住它。\n\n**修复**（服务器端）：只接受带有非安全列表内容类型或请求头（这会强制预检）的状态修改请求，检查 `Origin`/`Sec-Fetch-Site`，或者使用 CSRF 令牌。',
  },
  'no-cors-put-refused': {
    title: 'mode "no-cors" 拒绝 GET、HEAD 和 POST 以外的方法',
    explain:
      'no-cors 请求永远不能预检，所以只能使用 CORS 安全列表中的方法。在发出任何东西之前，`fetch()` 就抛出 `TypeError: Failed to execute \'fetch\' on \'Window\': \'PUT\' is unsupported in no-cors mode.`：没有网络请求，也没有 CORS 原因。\n\n**修复：** 使用 mode "cors"，并让服务器响应预检。',
  },
  'no-cors-custom-header-dropped': {
    title: 'mode "no-cors" 悄悄丢掉不在安全列表中的请求头',
    explain:
      'no-cors 请求的请求头只限于 CORS 安全列表中的那些。`X-Api-Key` 不会引发异常，而是被悄悄略去，所以请求不经预检就发出了，服务器也永远看不到这个密钥（查看服务器的记录）。\n\n**修复：** 使用 mode "cors"；这时这个请求头会触发预检，而服务器必须允许它（`Access-Control-Allow-Headers: X-Api-Key`）。',
  },
  'no-cors-same-origin-mode-refuses-other-origin': {
    title: 'mode "same-origin" 在发送之前就拒绝另一个源',
    explain:
      '`mode: "same-origin"` 是一个承诺：请求永远不离开页面的源。`api` 上的 URL 违背了这个承诺：Chromium 在发出任何网络请求之前就拒绝了它（`DisallowedByMode`），服务器什么也没看到。\n\n**修复：** 跨源调用使用 mode "cors"。',
  },
  'no-cors-same-origin-mode-own-origin': {
    title: '在页面自己的源上使用 mode "same-origin"：得到可以完整读取的 "basic" 响应',
    explain: '在自己的源上，`mode: "same-origin"` 就是一个普通请求：得到 `basic` 响应，每个响应头都可以读取（`Set-Cookie` 除外），不需要任何 CORS 响应头。',
  },
  'no-cors-corp-same-origin': {
    title: 'Cross-Origin-Resource-Policy: same-origin 拦截来自另一个源的 no-cors 加载',
    explain:
      '管 no-cors 加载的不是 CORS，而是 `Cross-Origin-Resource-Policy`。使用 `same-origin` 时，Chromium 拒绝把响应交给任何其他源（`corp-not-same-origin`）：页面得到的是 `TypeError: Failed to fetch`，而不是不透明响应。服务器照样执行了请求。用它可以防止其他站点嵌入私有资源（以及对这些资源的 Spectre 式读取）。\n\n**如果其他源应当可以嵌入它：** `Cross-Origin-Resource-Policy: same-site` 或 `cross-origin`。',
  },
  'no-cors-corp-same-site-allows-same-site': {
    title: 'Cross-Origin-Resource-Policy: same-site 允许同站点的页面嵌入',
    explain:
      '页面（`localhost:A`）和 `api`（`localhost:B`）是不同的源，但属于同一个站点，所以 `Cross-Origin-Resource-Policy: same-site` 让这次 no-cors 加载以不透明响应的形式通过。',
  },
  'no-cors-corp-same-site-refuses-other-site': {
    title: 'Cross-Origin-Resource-Policy: same-site 拒绝另一个站点上的页面',
    explain:
      '页面运行在 `partner`（`127.0.0.1`）上，与 `api`（`localhost`）不是同一个站点，所以 `same-site` 拒绝了它：`corp-not-same-site`。\n\n**如果任何站点都可以嵌入它：** `Cross-Origin-Resource-Policy: cross-origin`。',
  },
};
