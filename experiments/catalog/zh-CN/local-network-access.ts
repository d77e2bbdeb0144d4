/**
 * Simplified Chinese title and explain of the `local-network-access` group
 * (experiments/catalog/local-network-access.ts), by experiment id. Terms as
 * in lessons/zh-CN/11-local-network-access.md (公共, 回环, 本地网络访问).
 */

/** The closing paragraph the English group shares between its permission experiments. */
const IN_YOUR_BROWSER =
  '在你自己的 Chrome 里，实验室的 `public` 源只是又一个回环地址，所以那里不会发生这种拦截；在真正的公共网站上，Chrome 会显示一个**权限提示**（“... 想要查找并连接到本地网络上的任何设备”，英文界面为“... wants to look for and connect to any device on your local network”），请求会一直等待用户的回应。要测试它：使用 Playwright 的 `context.grantPermissions([\'local-network-access\'])`，或者从一个公共主机运行页面。';

export const localNetworkAccess: Record<string, { title: string; explain: string }> = {
  'lna-public-to-loopback-denied': {
    title: '未经许可，公共页面不能向回环地址发起 fetch',
    explain: `一个由公共地址提供的页面请求 \`http://localhost:5311\`。Chromium 看到一个从**公共**地址空间发往**回环**地址空间的请求；没有用户授予的本地网络访问权限，它就在请求发出之前以 \`LocalNetworkAccessPermissionDenied\` 让请求失败：服务器什么也看不到，尽管它会答复 \`Access-Control-Allow-Origin: *\`。\n\n**修复：** 由用户授予权限（Chrome 会弹出提示），或者从公共地址提供 API。\n\n${IN_YOUR_BROWSER}`,
  },
  'lna-public-to-loopback-granted': {
    title: '授予本地网络访问权限后，同一个请求可以通过',
    explain: `同一个请求，这次已授予权限（\`browser.localNetworkAccess: "granted"\`）：Chromium 放行了它，从这里开始由普通的 CORS 规则决定；\`Access-Control-Allow-Origin: *\` 允许了它。\n\n${IN_YOUR_BROWSER}`,
  },
  'lna-cors-headers-do-not-help': {
    title: '没有哪个 CORS 响应头能解锁本地网络',
    explain: `公共页面向一个预检允许一切的服务器发送 PUT。预检从未被发送：权限检查在先，而权限要由用户授予，不是由服务器授予。旧的私有网络访问（Private Network Access）所用的请求头和响应头（\`Access-Control-Request-Private-Network\` / \`Access-Control-Allow-Private-Network\`）已从 Chromium 中移除。\n\n**修复：** 靠权限（由用户授予），而不是靠响应头。\n\n${IN_YOUR_BROWSER}`,
  },
  'lna-granted-preflight-passes': {
    title: '授予权限后，需要预检的 PUT 照常经过预检',
    explain: `有了权限，这个 PUT 像任何跨源 PUT 一样先进行预检，宽松的预检让它通过。\n\n${IN_YOUR_BROWSER}`,
  },
  'lna-granted-still-needs-cors': {
    title: '授予权限不等于 CORS：响应仍然需要 Access-Control-Allow-Origin',
    explain:
      '权限只是让请求得以发出；响应仍然要经过 CORS 检查。这里服务器没有发送 `Access-Control-Allow-Origin`，所以请求到达了服务器，随后响应被拦截。\n\n**修复：** `Access-Control-Allow-Origin: <页面的源>`（或 `*`）。',
  },
  'lna-target-address-space-loopback': {
    title: 'targetAddressSpace: "loopback" 正确地声明了目标',
    explain:
      'fetch 选项 `targetAddressSpace` 事先告诉浏览器请求要去往哪个地址空间（这让 Chrome 能在建立连接之前征求许可，在某些混合内容的情形下也是必需的）。声明正确并且有权限时，请求可以通过。',
  },
  'lna-target-address-space-wrong': {
    title: '错误的 targetAddressSpace 会让请求失败',
    explain:
      '页面声明了 `targetAddressSpace: "local"`（私有网络，例如 192.168.x.x），但服务器实际位于**回环**地址。无论有没有权限，Chromium 都会以 `InvalidLocalNetworkAccess` 拒绝这种不一致，请求永远到达不了服务器。\n\n**修复：** 对 localhost 使用 `targetAddressSpace: "loopback"`，或者干脆不写这个选项。',
  },
  'lna-target-address-space-wrong-preflighted': {
    title: '需要预检的请求声明了错误的 targetAddressSpace：预检发出了，请求却没有',
    explain:
      '在 Chromium 156 中实测：已授予权限时，一个声明了 `targetAddressSpace: "local"`、发往回环服务器的 PUT 仍会发送预检（预检也通过了），然后真正的请求以 `InvalidLocalNetworkAccess` 失败。服务器看到一个 OPTIONS 请求，之后就什么也没有了。\n\n**修复：** `targetAddressSpace: "loopback"`，或者不写这个选项。',
  },
  'lna-loopback-page-needs-no-permission': {
    title: '回环地址上的页面调用回环地址，不需要权限',
    explain:
      '本地网络访问只管**指向**更私有的地址空间的请求。`app` 本身就在回环地址上，所以它发往 `api`（同样在回环地址上）的请求不需要权限，即使权限被拒绝也是如此：只有 CORS 适用。这就是为什么本地开发时从来看不到提示，而在生产环境中（公共页面调用设备或本地代理程序）会出现提示。',
  },
  'lna-target-address-space-wrong-in-development': {
    title: '错误的 targetAddressSpace 即使在两个回环源之间也会失败',
    explain:
      '两个回环源之间不涉及权限，但 Chromium 仍会拿声明的 `targetAddressSpace` 与服务器的真实位置比对：为 `localhost` 上的 API 声明 `"local"` 会以 `InvalidLocalNetworkAccess` 失败，所以这个错误在本地开发时就会暴露出来。（对于公共服务器，Chromium 会忽略这个选项。）\n\n**修复：** 对 localhost 使用 `targetAddressSpace: "loopback"`，或者不写这个选项。',
  },
};
