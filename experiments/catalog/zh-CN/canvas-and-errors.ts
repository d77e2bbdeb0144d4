/** Simplified Chinese title and explain of the "canvas-and-errors" group (experiments/catalog/canvas-and-errors.ts). */
export const canvasAndErrors: Record<string, { title: string; explain: string }> = {
  'canvas-tainted-by-no-cors-image': {
    title: '来自另一个站点的 no-cors 图片会污染 canvas：getImageData 抛出异常',
    explain:
      '图片加载了，也能画出来，但它来自另一个源且没有经过 CORS，所以 canvas 失去了 origin-clean 标志：`getImageData`、`toDataURL` 和 `toBlob` 都会抛出 `SecurityError`。否则任何页面都能读取只有用户才看得到的图片的像素（内网的图表、登录后的头像）。https://html.spec.whatwg.org/multipage/canvas.html#security-with-canvas-elements\n\n**修复：** 用 `crossorigin="anonymous"` 加载它，并让服务器发送 `Access-Control-Allow-Origin`（见 `canvas-clean-with-cors-image`）。',
  },
  'canvas-clean-with-cors-image': {
    title: 'CORS 图片（crossorigin 加 Access-Control-Allow-Origin）让 canvas 保持干净',
    explain:
      '同一张图片以 `crossorigin="anonymous"` 请求，并以 `Access-Control-Allow-Origin: *` 响应：服务器同意被读取，所以画上它之后 canvas 仍然是 origin-clean 的，`getImageData` 可以使用。',
  },
  'canvas-clean-with-same-origin-image': {
    title: '来自页面自己的源的图片永远不会污染 canvas',
    explain:
      '图片来自 `app`，也就是页面自己的源：不涉及 CORS（这个 GET 不发送 `Origin` 请求头），canvas 保持干净。污染只关乎另一个源的数据。',
  },
  'errors-muted-for-no-cors-script': {
    title: 'no-cors 脚本的异常传到 window.onerror 时只剩下 “Script error.”',
    explain:
      '来自 `api` 的脚本抛出 `Error("secret")`。它是不经过 CORS 加载的，所以它的错误被隐藏：页面的 `onerror` 只看到 “Script error.” 这条消息，没有文件、行号，也没有错误对象，这样页面就无法通过运行另一个源的脚本来得知其中的内容。https://html.spec.whatwg.org/multipage/webappapis.html#muted-errors Firefox（在 153 ESR 中实测）不隐藏这些错误：它的 `onerror` 能拿到消息、文件和行号，所以只有 Chromium 和 WebKit 不让页面看到这些。\n\n**修复：** 使用 `<script crossorigin="anonymous">`，并在脚本上发送 `Access-Control-Allow-Origin`，错误上报工具也是这样要求的。',
  },
  'errors-full-for-cors-script': {
    title: 'CORS 脚本的异常完整地传到 window.onerror',
    explain:
      '同一个脚本加上 `crossorigin="anonymous"`，服务器也允许页面的源：这个脚本与页面是 CORS 同源的，所以 `onerror` 拿到真实的消息（`Uncaught Error: secret`）、文件和行号。',
  },
  'errors-css-rules-hidden-for-no-cors-stylesheet': {
    title: 'no-cors 样式表会生效，但读取它的 cssRules 会抛出异常',
    explain:
      '来自 `partner` 的样式表给页面加上了样式，然而 `sheet.cssRules` 抛出 `SecurityError`：读取另一个源的规则可能泄露它只提供给这位用户的内容。\n\n**修复：** 在 link 上加 `crossorigin="anonymous"`，并在样式表上发送 `Access-Control-Allow-Origin`。',
  },
  'errors-css-rules-readable-for-cors-stylesheet': {
    title: 'CORS 样式表的 cssRules 可以读取',
    explain: '有了 `crossorigin="anonymous"` 和 `Access-Control-Allow-Origin: *`，同一个样式表就是 CORS 加载，`sheet.cssRules` 列出它的那一条规则。',
  },
};
