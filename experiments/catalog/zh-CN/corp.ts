/** Simplified Chinese title and explain of the "corp" group (experiments/catalog/corp.ts). */
export const corp: Record<string, { title: string; explain: string }> = {
  'corp-same-origin-refuses-other-origin': {
    title: 'Cross-Origin-Resource-Policy: same-origin 拒绝同一站点另一个源的 <img>',
    explain:
      '`api` 上的图片以 `Cross-Origin-Resource-Policy: same-origin` 响应。`app` 上的页面与它同站点但不同源（另一个端口），所以浏览器在页面拿到响应之前就把它丢弃：请求到达了服务器，图片触发 `error`。https://fetch.spec.whatwg.org/#cross-origin-resource-policy-internal-check\n\n**修复：** 改为 `Cross-Origin-Resource-Policy: same-site`（这里就够了），如果任何站点都可以嵌入它，就用 `cross-origin`。',
  },
  'corp-same-site-allows-same-site': {
    title: 'Cross-Origin-Resource-Policy: same-site 让同一站点可以嵌入它',
    explain: '同一张图片带上 `Cross-Origin-Resource-Policy: same-site`：`app` 和 `api` 都是 `http://localhost`，属于同一站点，所以图片加载成功。',
  },
  'corp-same-site-refuses-other-site': {
    title: 'Cross-Origin-Resource-Policy: same-site 拒绝另一个站点',
    explain:
      '`partner`（`127.0.0.1`）与页面（`localhost`）是不同的站点，所以 `same-site` 拒绝它：`corp-not-same-site`。\n\n**修复：** 如果其他站点可以嵌入这张图片，就发送 `Cross-Origin-Resource-Policy: cross-origin`。',
  },
  'corp-cross-origin-allows-any-site': {
    title: 'Cross-Origin-Resource-Policy: cross-origin 让任何站点都可以嵌入它',
    explain: '有了 `Cross-Origin-Resource-Policy: cross-origin`，服务器表示每个站点都可以嵌入这张图片：它从 `partner` 加载成功。页面仍然读不到它的像素（没有 CORS）：CORP 只决定这些字节能不能到达页面。',
  },
  'corp-same-origin-own-origin-loads': {
    title: 'Cross-Origin-Resource-Policy: same-origin 从不拒绝页面自己的源',
    explain: '图片在 `app` 上，也就是页面自己的源：满足 `same-origin`，图片加载成功。服务器可以给所有只供自己页面使用的资源都发送 `same-origin`。',
  },
  'corp-same-origin-refuses-script': {
    title: 'Cross-Origin-Resource-Policy: same-origin 同样拒绝 no-cors 的 <script>',
    explain:
      'CORP 适用于每一个 no-cors 加载，而不只是图片：来自 `partner`、带 `same-origin` 的脚本永远不会运行。服务器就是这样把含有用户数据的 JSON 文件挡在其他站点的进程之外的。\n\n**修复：** 对于要被到处嵌入的脚本（公开的库），发送 `Cross-Origin-Resource-Policy: cross-origin`。',
  },
  'corp-does-not-apply-to-cors-load': {
    title: 'CORS 加载由 CORS 检查，而不是由 Cross-Origin-Resource-Policy 检查',
    explain:
      '图片响应 `Cross-Origin-Resource-Policy: same-origin` 和 `Access-Control-Allow-Origin: *`，页面以 `crossorigin="anonymous"` 请求它。CORP 检查只针对 no-cors 请求：这里由服务器的 CORS 响应头决定，图片加载成功（可以读取：canvas 保持干净）。',
  },
  'corp-redirect-hop-same-origin': {
    title: '重定向响应上的 Cross-Origin-Resource-Policy 让 <img> 就此失败',
    explain:
      '一个来自 `api` 的 `<img>`：服务器重定向到 `api2`，并在重定向响应本身上发送 `Cross-Origin-Resource-Policy: same-origin`。no-cors 请求的每个响应都要检查这个策略，重定向响应也不例外，所以图片在第一跳就失败，`api2` 从未收到请求：`corp-not-same-origin`。WebKit 把它说成一次被拒绝的重定向。https://fetch.spec.whatwg.org/#cross-origin-resource-policy-internal-check\n\n**修复：** 在重定向响应上改为 `Cross-Origin-Resource-Policy: same-site`（页面和 `api` 同属一个站点）。',
  },
  'corp-redirect-hop-same-site': {
    title: '重定向响应上的 Cross-Origin-Resource-Policy: same-site 让 <img> 通过',
    explain: '`corp-redirect-hop-same-origin` 修复后的版本：重定向响应写着 `same-site`，而 `app` 和 `api` 同属一个站点，所以图片跟随重定向到达 `api2`，加载成功。',
  },
};
