/** Simplified Chinese title and explain of the "resources" group (experiments/catalog/resources.ts). */
export const resources: Record<string, { title: string; explain: string }> = {
  'resources-img-no-cors-loads': {
    title: '来自另一个站点的 <img> 不需要任何 CORS 响应头就能加载',
    explain:
      '没有 `crossorigin` 属性时，图片是一个 no-cors 请求：不发送 `Origin` 请求头，不做 CORS 检查，图片照常显示。这就是从任何地方嵌入图片一直都能成功的原因。页面做不到的是读取它：把它画到 canvas 上，canvas 就会被污染（见 canvas-and-errors 组）。https://html.spec.whatwg.org/multipage/urls-and-fetching.html#cors-settings-attributes',
  },
  'resources-img-anonymous-without-allow-origin': {
    title: '服务器不发送 Access-Control-Allow-Origin 时，<img crossorigin="anonymous"> 加载失败',
    explain:
      '同一张图片加上 `crossorigin="anonymous"` 就变成了 CORS 请求：它带着 `Origin`，响应必须像 `fetch()` 那样通过 CORS 检查。服务器已经响应（它收到了请求），但没有 `Access-Control-Allow-Origin`，浏览器就丢弃这张图片并触发 `error`。正是请求 CORS 才让 CORS 响应头变得必不可少。\n\n**修复：** 在图片上发送 `Access-Control-Allow-Origin: *`（或页面的源）；如果页面从不需要读取像素，就去掉 `crossorigin`。',
  },
  'resources-img-anonymous-with-allow-origin': {
    title: '有 Access-Control-Allow-Origin: * 时，<img crossorigin="anonymous"> 加载成功',
    explain:
      '有了 `Access-Control-Allow-Origin: *`，CORS 加载成功，页面也可以读取这张图片：画上它的 canvas 保持干净，所以 `getImageData` 和 `toDataURL` 都能用。`anonymous` 不向其他站点发送 Cookie，所以通配符就够了。',
  },
  'resources-script-use-credentials-wildcard': {
    title: '<script crossorigin="use-credentials"> 不接受 Access-Control-Allow-Origin: *',
    explain:
      '`use-credentials` 是这个属性对 `credentials: "include"` 的说法：脚本带着 Cookie 被请求，而带凭据的 CORS 响应不能使用通配符。脚本不会运行，并触发 `error`，就像带凭据的 `fetch()` 会失败一样。\n\n**修复：** 发送 `Access-Control-Allow-Origin: <页面的源>` 和 `Access-Control-Allow-Credentials: true`；如果脚本不需要 Cookie，就用 `crossorigin="anonymous"`。',
  },
  'resources-script-use-credentials-allowed': {
    title: '服务器写明页面的源并允许凭据时，<script crossorigin="use-credentials"> 可以运行',
    explain:
      '与 `resources-script-use-credentials-wildcard` 相对照：服务器写明页面的源并允许凭据，所以带凭据的 CORS 加载通过，脚本运行。它的错误现在能完整地传到页面。',
  },
  'resources-stylesheet-anonymous-without-allow-origin': {
    title: '没有 Access-Control-Allow-Origin 时，带 crossorigin 的 stylesheet 加载失败',
    explain:
      '带 `crossorigin` 的样式表同样是 CORS 请求。`api` 上的服务器（同一站点、另一个端口，所以是另一个源）响应时没有 `Access-Control-Allow-Origin`，所以样式表不会生效，并触发 `error`。\n\n**修复：** 在样式表上发送 `Access-Control-Allow-Origin: *`，或者去掉 `crossorigin`（样式会生效，但 `cssRules` 仍然读不到）。',
  },
  'resources-script-not-ok-status': {
    title: '以 500 响应的脚本不会运行，无论有没有 CORS',
    explain:
      '`api` 上的服务器以状态码 500（和脚本内容）响应这个脚本。script 和 stylesheet 只在有 ok 状态码（2xx）时才会被使用，所以 Chromium 取消了这次加载（`net::ERR_ABORTED`）并触发 `error`；这里不涉及任何 CORS 响应头，因为这是 no-cors 加载。\n\n**修复：** 以 2xx 状态码响应这个脚本。',
  },
  'resources-stylesheet-no-cors-loads': {
    title: '来自另一个站点的样式表不需要任何 CORS 响应头就能生效',
    explain:
      '没有 `crossorigin` 时，样式表是 no-cors 加载：它作用于页面（以 `text/css` 提供，跨源样式表必须如此），不发送 `Origin`，也不需要任何 CORS 响应头。页面上的脚本读不到它的规则：`sheet.cssRules` 会抛出 `SecurityError`。',
  },
};
