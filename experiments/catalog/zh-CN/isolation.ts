/** Simplified Chinese title and explain of the "isolation" group (experiments/catalog/isolation.ts). */
export const isolation: Record<string, { title: string; explain: string }> = {
  'isolation-none-no-shared-array-buffer': {
    title: '没有 COOP 和 COEP 的页面不是跨源隔离的：没有 SharedArrayBuffer',
    explain:
      '一个普通页面从自己的源获取数据。`self.crossOriginIsolated` 是 `false`，`SharedArrayBuffer` 没有定义：自 Spectre 以来，Chromium 只把共享内存（和精确计时器）交给能保证它持有的每个跨源资源都已同意的页面。\n\n**修复：** 以 `Cross-Origin-Opener-Policy: same-origin` 和 `Cross-Origin-Embedder-Policy: require-corp` 提供页面。',
  },
  'isolation-coop-and-coep-isolate': {
    title: 'COOP same-origin 加 COEP require-corp：crossOriginIsolated，SharedArrayBuffer 已定义',
    explain: '同一个页面带上这两个响应头。COOP 让它独占一个浏览上下文组，COEP 保证每个嵌入的资源都已同意：页面成为跨源隔离的，`SharedArrayBuffer` 回来了。在 WebKitGTK 2.50（本实验室的 WebKit）中页面是隔离的（`crossOriginIsolated` 为 `true`），但 `SharedArrayBuffer` 仍未定义。',
  },
  'isolation-coep-alone-not-enough': {
    title: '只有 COEP 而没有 COOP，页面不会被隔离',
    explain:
      '只有 `Cross-Origin-Embedder-Policy: require-corp`：页面已经付出了代价（每个 no-cors 加载都需要 CORP），却没有被隔离，因为另一个源的弹出窗口或打开者仍可能与它共用进程。\n\n**修复：** 加上 `Cross-Origin-Opener-Policy: same-origin`。',
  },
  'isolation-coep-blocks-image-without-corp': {
    title: '在 COEP require-corp 下，没有 CORP 的第三方图片被拦截',
    explain:
      '隔离的页面嵌入一张来自 `partner`、没有发送 `Cross-Origin-Resource-Policy` 的图片。COEP 把缺少的策略当作 `same-origin`，所以图片以 `corp-not-same-origin-after-defaulted-to-same-origin-by-coep` 失败。这正是人们开启隔离时遇到的故障。https://html.spec.whatwg.org/multipage/browsers.html#coep\n\n**修复：** 图片的服务器发送 `Cross-Origin-Resource-Policy: cross-origin`；或者页面以 `crossorigin="anonymous"` 加载它，服务器发送 CORS 响应头；或者页面使用 `Cross-Origin-Embedder-Policy: credentialless`。',
  },
  'isolation-coep-blocks-same-site-image': {
    title: 'COEP require-corp 的默认值是 same-origin 而不是 same-site：来自 api 的图片被拦截',
    explain:
      '图片在 `api` 上，与页面同站点但不同源。它没有自己的 CORP，就被当作 `same-origin`，所以连这个邻居也被拒绝。\n\n**修复：** 这里在图片上发送 `Cross-Origin-Resource-Policy: same-site` 就够了。',
  },
  'isolation-coep-image-with-corp-loads': {
    title: '在 COEP 下，带 Cross-Origin-Resource-Policy: cross-origin 的图片可以加载',
    explain: '第三方图片以 `Cross-Origin-Resource-Policy: cross-origin` 表示同意：它加载进了隔离的页面（仍然不能读取：canvas 被污染，因为没有经过 CORS）。',
  },
  'isolation-coep-cors-image-loads': {
    title: '在 COEP 下，CORS 图片（crossorigin 加 Access-Control-Allow-Origin）可以加载',
    explain: 'CORS 加载不需要 CORP：服务器已经通过 `Access-Control-Allow-Origin` 表示同意。图片加载进隔离的页面，甚至可以读取（canvas 干净）。',
  },
  'isolation-coep-credentialless-loads-image': {
    title: 'COEP credentialless：第三方图片不需要 CORP 就能加载，页面仍然是隔离的',
    explain: '`Cross-Origin-Embedder-Policy: credentialless` 向其他源发送 no-cors 请求时不带 Cookie，所以这些请求不需要 CORP：来自 `partner` 的图片加载成功，加上 COOP，页面照样是跨源隔离的。WebKit 不认识 `credentialless`：图片在那里也能加载，就像页面没有嵌入策略一样，页面也不是隔离的。',
  },
  'isolation-coep-redirect-without-corp': {
    title: 'COEP require-corp：没有 Cross-Origin-Resource-Policy 的重定向让 <img> 失败，不管最后的响应怎么说',
    explain:
      '在 `Cross-Origin-Embedder-Policy: require-corp` 之下，来自另一个源的 no-cors 响应需要 `Cross-Origin-Resource-Policy`，缺少时按 `same-origin` 处理。`api` 重定向到 `partner`，后者的响应写着 `cross-origin`，但重定向响应本身什么都没写：图片在第一跳就以 `corp-not-same-origin-after-defaulted-to-same-origin-by-coep` 失败，`partner` 从未收到请求。https://html.spec.whatwg.org/multipage/browsers.html#coep\n\n**修复：** 重定向响应上也发送 `Cross-Origin-Resource-Policy: cross-origin`（或 `same-site`）。',
  },
  'isolation-coep-redirect-with-corp': {
    title: 'COEP require-corp：重定向和响应都带 CORP 时，<img> 加载成功',
    explain: '`isolation-coep-redirect-without-corp` 修复后的版本：来自 `api` 的重定向也发送 `Cross-Origin-Resource-Policy: cross-origin`，两个响应都表示同意，来自 `partner` 的图片加载成功。',
  },
};
