/** Simplified Chinese title and explain of the "csp" group (experiments/catalog/csp.ts). */
const CSP = 'https://w3c.github.io/webappsec-csp/#should-block-request';
const FALLBACK = 'https://w3c.github.io/webappsec-csp/#directive-fallback-list';
const SOURCES = 'https://w3c.github.io/webappsec-csp/#match-url-to-source-expression';

export const csp: Record<string, { title: string; explain: string }> = {
  'csp-connect-src-self-refuses-api': {
    title: "CSP 为 connect-src 'self' 的页面请求允许任何源的 api",
    explain:
      `\`'self'\` 只表示页面自己的源：\`api\` 端口不同，是另一个源。页面的策略在发送任何东西之前就拒绝了这个 URL，\`fetch()\` 以 \`TypeError: Failed to fetch\` 失败。\`api\` 本来会允许（\`Access-Control-Allow-Origin: *\`），但 CORS 根本没有机会检查：服务器的任何响应头都解除不了页面自己的策略。${CSP}\n\n**修复：** 在页面的策略中允许这个 API：\`connect-src 'self' http://localhost:5311\`。`,
  },
  'csp-connect-src-host-allows-api': {
    title: 'CSP 为 connect-src localhost:* 的页面请求允许任何源的 api',
    explain:
      `\`csp-connect-src-self-refuses-api\` 的对照：主机源写出主机，\`:*\` 表示任何端口（不写端口时只匹配协议的默认端口，http 是 80）。不写协议时用页面的协议 \`http\`，它也匹配 \`https\`。请求照常发出，由 CORS 照常判定。${SOURCES}`,
  },
  'csp-connect-src-self-allows-own-origin': {
    title: "CSP 为 connect-src 'self' 的页面请求它自己的源",
    explain: `\`'self'\` 匹配页面自己的源（协议、主机和端口）：请求照常发出，是完全没有 CORS 的同源请求。${SOURCES}`,
  },
  'csp-connect-src-refuses-xhr': {
    title: "CSP 为 connect-src 'self' 的页面向 partner 发送 XMLHttpRequest",
    explain:
      `XMLHttpRequest 和 \`fetch()\` 一样受 \`connect-src\` 管辖。它的拒绝发生在网络层，所以 Chromium 以原因 \`csp\` 报告这个被拦截的请求；页面只看到 \`error\` 事件。${CSP}\n\n**修复：** 在页面的策略中写 \`connect-src 'self' 127.0.0.1:5313\`。`,
  },
  'csp-default-src-refuses-img': {
    title: "CSP 只有 default-src 'self' 的页面显示来自 partner 的图片",
    explain:
      `策略里没有 \`img-src\`，所以图片回退到 \`default-src\`，它只允许页面自己的源：图片根本不会被请求，它的 \`error\` 事件触发（BlockedReason \`csp\`）。${FALLBACK}\n\n**修复：** 单独写一条 \`img-src\`，它会替代 \`default-src\` 管辖图片：\`img-src 'self' 127.0.0.1:5313\`。`,
  },
  'csp-img-src-overrides-default-src': {
    title: "CSP 有 default-src 'self' 和 img-src 127.0.0.1:* 的页面显示来自 partner 的图片",
    explain:
      `\`csp-default-src-refuses-img\` 的对照：有了 \`img-src\`，图片就用它，不再查看 \`default-src\`。IP 地址在主机源里和其他主机一样。图片加载成功。${FALLBACK}`,
  },
  'csp-img-src-host-without-port': {
    title: 'CSP 为 img-src http://127.0.0.1 的页面显示 partner 另一个端口上的图片',
    explain:
      `不写端口的主机源只匹配协议的默认端口（http 是 80），不匹配 \`partner\` 的端口：图片被拒绝（BlockedReason \`csp\`）。${SOURCES}\n\n**修复：** 写出端口（\`img-src http://127.0.0.1:5313\`），或允许任何端口（\`http://127.0.0.1:*\`）。`,
  },
  'csp-script-src-refuses-partner': {
    title: "CSP 为 script-src 'self' 的页面加载来自 partner 的脚本",
    explain:
      `script 元素的 URL 按 \`script-src-elem\` 检查，这里没有，于是用 \`script-src\`：只允许页面自己的源。脚本根本不会被请求（BlockedReason \`csp\`），它的 \`error\` 事件触发。${FALLBACK}\n\n**修复：** \`script-src 'self' 127.0.0.1:5313\`，更好的做法是给你要运行的脚本用 \`'nonce-…'\` 或 \`'sha256-…'\`。`,
  },
  'csp-strict-dynamic-trusts-inserted-script': {
    title: "CSP 为 script-src 'strict-dynamic' 的页面用自己的脚本加载来自 partner 的脚本",
    explain:
      `有了 \`'strict-dynamic'\`，策略不再按主机判断脚本 URL：它信任页面自己受信任的脚本（凭 \`'nonce-…'\` 或 \`'sha256-…'\` 放行；实验室的运行脚本凭它的 \`'nonce-…'\`），以及这个脚本用 \`createElement\` 插入的所有脚本，不论来自哪个源。所以 partner 的脚本能加载，尽管策略里没有列出任何主机；而直接写在页面标记里的 \`<script>\` 则不行。https://w3c.github.io/webappsec-csp/#strict-dynamic-usage\n\n**修复：** 无需修复：带 \`'nonce-…'\` 的策略正是这样让页面的加载器引入脚本的。要拒绝它，就去掉 \`'strict-dynamic'\` 并列出主机。`,
  },
  'csp-frame-src-refuses-partner': {
    title: "CSP 为 frame-src 'self' 的页面嵌入 partner 的页面",
    explain:
      `\`frame-src\` 决定页面可以嵌入什么（它之前回退到 \`child-src\`，再到 \`default-src\`）。它和被嵌入页面发送的 \`frame-ancestors\` 不同，是嵌入方页面自己的选择：框架根本不会被请求，显示错误页面。${FALLBACK}\n\n**修复：** \`frame-src 'self' 127.0.0.1:5313\`。`,
  },
  'csp-connect-src-self-refuses-websocket': {
    title: "CSP 为 connect-src 'self' 的页面向接受任何源的 api 打开 WebSocket",
    explain:
      `\`new WebSocket(url)\` 和 \`fetch()\` 一样受 \`connect-src\` 管辖，而 \`api\` 是另一个源：页面的策略拒绝了这个 URL，握手根本不会发出，服务器自己对 \`Origin\` 的检查也就没有机会运行。各浏览器告诉页面的方式不同：Firefox 和 Safari 在构造函数中抛出异常；Chromium 返回一个已经关闭的套接字，并触发 \`securitypolicyviolation\` 和 \`error\`（没有 \`close\`）。检查的是写出来的 \`ws:\` URL：源 \`localhost:*\` 或 \`http://localhost:*\` 都不覆盖它（在 Chromium、Firefox 和 WebKit 中实测）。${CSP}\n\n**修复：** 写出套接字的协议和源：\`connect-src 'self' ws://localhost:5311\`。`,
  },
  'csp-connect-src-ws-allows-websocket': {
    title: "CSP 为 connect-src 'self' ws://localhost:* 的页面向 api 打开 WebSocket",
    explain:
      `\`csp-connect-src-self-refuses-websocket\` 的对照：这个源写出了 \`ws\` 协议和 \`api\` 的主机，端口任意，所以握手照常发出，套接字打开。接下来只由服务器根据它收到的 \`Origin\` 决定。${SOURCES}`,
  },
  'csp-form-action-self-refuses-api': {
    title: "CSP 为 form-action 'self' 的页面向 api 提交表单",
    explain:
      `\`form-action\` 决定页面的表单可以提交到哪里，它从不回退到 \`default-src\`。表单没有提交：\`api\` 什么也没收到，页面也正是这样限制被注入的表单能把数据发到哪里。${CSP}\n\n**修复：** \`form-action 'self' http://localhost:5311\`。`,
  },
  'csp-form-action-host-allows-api': {
    title: "CSP 为 form-action 'self' localhost:* 的页面向 api 提交表单",
    explain: '`csp-form-action-self-refuses-api` 的对照：主机源允许 `api`，所以表单被提交；页面永远看不到响应（结果为 `opaque`）。',
  },
  'csp-default-src-refuses-beacon': {
    title: "CSP 为 default-src 'self' 的页面向 api 发送 beacon",
    explain:
      `beacon 是目的地为空的 fetch，归 \`connect-src\` 管，这里没有：由 \`default-src\` 决定，它拒绝了 \`api\`。beacon 根本不会进入队列，服务器什么也没收到。${FALLBACK}\n\n**修复：** \`connect-src 'self' http://localhost:5311\`。`,
  },
};
