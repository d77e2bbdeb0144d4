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
};
