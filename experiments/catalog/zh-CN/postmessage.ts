/** Simplified Chinese title and explain of the "postmessage" group (experiments/catalog/postmessage.ts). */
export const postmessage: Record<string, { title: string; explain: string }> = {
  'postmessage-target-origin-exact': {
    title: '页面以合作方的源作为 targetOrigin，向合作方框架发送消息',
    explain:
      '页面嵌入合作方的页面，并把 `targetOrigin` 设为合作方的源来发送消息。框架正在那个源上，所以浏览器投递了消息，而合作方页面（接受任何消息）接受了它。写明接收方的源，才是安全发送机密的方式：如果框架在别的地方，消息就哪儿也去不了。https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage',
  },
  'postmessage-target-origin-mismatch': {
    title: '页面以另一个源作为 targetOrigin，向合作方框架发送消息',
    explain:
      '页面把 `targetOrigin` 设为 `api` 的源，但框架里是合作方的页面。浏览器悄悄丢弃了消息：没有异常，没有控制台输出，框架里也没有事件（Chromium 不报告原因：`null`）。https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage\n\n**修复：** 用框架真正所在的源发送：`{origin:partner}`。',
  },
  'postmessage-target-origin-star': {
    title: '页面以 targetOrigin "*" 向合作方框架发送消息',
    explain:
      '`targetOrigin` 为 `*` 时，浏览器把消息投递给框架里的任何页面。这里是合作方的页面，所以消息到达了；下一个实验说明为什么 `*` 对任何机密都很危险。https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage',
  },
  'postmessage-star-frame-navigated-to-evil': {
    title: '页面以 targetOrigin "*" 把机密发给一个已重定向到 evil 的 API 框架',
    explain:
      '经典的泄露。页面嵌入 `api` 上的页面，它把框架重定向到 `evil`（框架可以被导航：通过重定向、它自己的脚本，或持有它引用的父页面）。页面以 `targetOrigin` `*` 发送机密，浏览器把它交给了 evil 页面，后者接受了它。https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage\n\n**修复：** 把 `targetOrigin` 设为你想要的源 `{origin:api}`：框架一旦到了别处，浏览器就会丢弃消息。',
  },
  'postmessage-exact-frame-navigated-to-evil': {
    title: '页面以 api 的源作为 targetOrigin，把机密发给一个已重定向到 evil 的 API 框架',
    explain:
      '同一个框架从 `api` 重定向到 `evil`，同一个机密，这次以 `api` 的源作为 `targetOrigin` 发送。框架现在在 `evil` 上，所以浏览器丢弃了消息：机密留在页面里。https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage',
  },
  'postmessage-receiver-checks-origin-evil-sender': {
    title: 'evil 页面向一个只接受来自 app 的消息的合作方框架发送消息',
    explain:
      '任何页面都可以嵌入合作方的页面并向它发送消息：发送方的 `targetOrigin` 保护的是发送方，而不是接收方。合作方页面通过把 `event.origin` 与它信任的源（这里只有 `app`）比较来保护自己：来自 `evil` 的消息到达了，但被忽略。https://html.spec.whatwg.org/multipage/web-messaging.html#authors',
  },
  'postmessage-receiver-no-check-evil-sender': {
    title: 'evil 页面向一个接受所有消息的合作方框架发送消息',
    explain:
      '合作方页面从不查看 `event.origin`：它把来自 `evil` 的消息当作受信任的应用发来的。依据这类消息行事（登录、支付、跳转）的接收方，会替任何嵌入它的站点去做这些事。https://html.spec.whatwg.org/multipage/web-messaging.html#authors\n\n**修复：** 接收方把 `event.origin` 与它信任的源比较，忽略其他所有消息。',
  },
  'postmessage-receiver-checks-origin-app-sender': {
    title: 'app 向一个只接受来自 app 的消息的合作方框架发送消息',
    explain:
      '检查 `event.origin` 的接收方仍然接受来自它信任的源的消息：`app` 上的页面发送，合作方页面接受。检查源不会让真正的发送方付出任何代价。https://html.spec.whatwg.org/multipage/web-messaging.html#authors',
  },
  'postmessage-target-origin-slash-same-origin': {
    title: '页面以 targetOrigin "/" 向自己源上的框架发送消息',
    explain:
      '`targetOrigin` 为 `/` 表示“发送方自己的源”。框架和页面一样在 `app` 上，所以消息被投递；页面也可以直接读取框架的文档。https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage',
  },
  'postmessage-popup-opener-kept': {
    title: '页面把合作方页面作为弹出窗口打开',
    explain:
      '`window.open` 让页面拿到弹出窗口的句柄，弹出窗口也拿到一个反向的句柄：`window.opener`。页面读不到合作方的页面（另一个源：`outcome` 为 `opaque`），但两者可以互相发送消息，弹出窗口还可以让打开它的页面导航（反向标签页劫持）。https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-open',
  },
  'postmessage-popup-noopener': {
    title: '页面以 `noopener` 特性把合作方页面作为弹出窗口打开',
    explain:
      '有了 `noopener` 特性，弹出窗口一开始就没有 `window.opener`，`window.open` 返回 `null`：两个窗口都无法访问对方。带 `target="_blank"` 的链接默认就是这样。https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-open',
  },
  'postmessage-popup-coop-same-origin': {
    title: '页面打开一个发送 Cross-Origin-Opener-Policy: same-origin 的合作方页面',
    explain:
      '合作方页面发送 `Cross-Origin-Opener-Policy: same-origin`：浏览器把它放进自己单独的浏览上下文组，所以弹出窗口没有 `window.opener`，页面手里的句柄显示窗口已 `closed`。页面就是这样保护自己不受打开它的人影响的。https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies',
  },
  'postmessage-popup-same-origin-readable': {
    title: '页面把自己源上的页面作为弹出窗口打开',
    explain:
      '与页面同源的弹出窗口保留它的打开者（`window.opener`），页面可以通过 `window.open` 返回的句柄读取它的文档，就像读取同源框架一样。https://html.spec.whatwg.org/multipage/nav-history-apis.html#dom-open',
  },
  'postmessage-via-popup-target-origin-exact': {
    title: '页面打开合作方的弹出窗口，以合作方的源作为 targetOrigin 向它发送消息',
    explain:
      '页面把合作方的页面作为弹出窗口打开，等弹出窗口说它已运行，再通过 `window.open` 返回的句柄发送消息，`targetOrigin` 设为合作方的源。弹出窗口正在那个源上，而且仍保留它的打开者，所以消息被投递并被接受。页面仍然读不到弹出窗口的文档（另一个源）：消息是两者之间唯一的通道。https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage',
  },
  'postmessage-via-popup-target-origin-mismatch': {
    title: '页面打开合作方的弹出窗口，以 api 的源作为 targetOrigin 向它发送消息',
    explain:
      '同一个弹出窗口，同一个句柄，但 `targetOrigin` 写的是 `api`。弹出窗口在合作方的源上，所以浏览器像对框架一样悄悄丢弃了消息：没有异常，没有控制台输出（没有原因：`null`）。弹出窗口随时可能被它自己的页面导航走，所以发送机密时要写明接收方。https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage\n\n**修复：** 用弹出窗口真正所在的源发送：`{origin:partner}`。',
  },
  'postmessage-via-popup-coop-same-origin': {
    title: '页面打开一个发送 Cross-Origin-Opener-Policy: same-origin 的合作方弹出窗口，再向它发送消息',
    explain:
      '合作方页面的响应带有 `Cross-Origin-Opener-Policy: same-origin`，所以浏览器把弹出窗口放进它自己单独的浏览上下文组：它没有 `window.opener`，页面手里的句柄显示窗口已 `closed`。向这个句柄发送消息不抛出异常，也什么都送不到（没有原因：`null`）。这是弹出窗口自己的选择：COOP 切断了来自打开者的一切联系，消息也包括在内。https://html.spec.whatwg.org/multipage/browsers.html#cross-origin-opener-policies',
  },
};
