/**
 * The model's words in Simplified Chinese. Header names, reason names,
 * methods, modes, quoted values and code stay exactly as in en.ts (messages.test.ts
 * checks it for every catalog experiment); prose uses full-width punctuation and a
 * space between Han characters and Latin words.
 */
import type { ModelMessages, ReasonArgs } from './model-messages.ts';

const headerList = (names: string): string => names.split(',').join(', ');
const onOptions = (a: ReasonArgs): string => `在 OPTIONS 响应上发送：\n${a.allowOrigin}`;
const httpOnly = (): string => '重定向到 http: 或 https: URL';

export const zhCN = {
  outcome: { allowed: '放行', blocked: '拦截', opaque: '不透明' },
  reasons: {
    MissingAllowOriginHeader: '响应中没有 Access-Control-Allow-Origin 头',
    MultipleAllowOriginValues: 'Access-Control-Allow-Origin 含有不止一个值',
    InvalidAllowOriginValue: 'Access-Control-Allow-Origin 的值不是一个源',
    AllowOriginMismatch: 'Access-Control-Allow-Origin 写的是另一个源，而不是请求的源',
    WildcardOriginNotAllowed: 'Access-Control-Allow-Origin 是 *，但请求带有凭据',
    InvalidAllowCredentials: "请求带有凭据，但 Access-Control-Allow-Credentials 不是 'true'",
    PreflightMissingAllowOriginHeader: '预检响应中没有 Access-Control-Allow-Origin 头',
    PreflightMultipleAllowOriginValues: '预检响应的 Access-Control-Allow-Origin 含有不止一个值',
    PreflightInvalidAllowOriginValue: '预检响应的 Access-Control-Allow-Origin 不是一个源',
    PreflightAllowOriginMismatch: '预检响应的 Access-Control-Allow-Origin 写的是另一个源',
    PreflightWildcardOriginNotAllowed: '预检响应允许 *，但请求带有凭据',
    PreflightInvalidAllowCredentials: "预检响应的 Access-Control-Allow-Credentials 不是 'true'",
    PreflightInvalidStatus: '预检响应的状态码不是 ok 状态码（2xx）',
    PreflightDisallowedRedirect: '预检被重定向了',
    InvalidAllowMethodsPreflightResponse: 'Access-Control-Allow-Methods 无法解析为列表',
    InvalidAllowHeadersPreflightResponse: 'Access-Control-Allow-Headers 无法解析为列表',
    MethodDisallowedByPreflightResponse: '请求方法不在 Access-Control-Allow-Methods 中',
    HeaderDisallowedByPreflightResponse: '某个请求头不在 Access-Control-Allow-Headers 中',
    RedirectContainsCredentials: '重定向指向含有 user:password@ 的 URL',
    CorsDisabledScheme: '重定向指向 http: 和 https: 以外的协议',
    DisallowedByMode: '模式 "same-origin" 拒绝其他源',
    NoCorsRedirectModeNotFollow: '以模式 "no-cors" 访问其他源，却没有使用 redirect "follow"',
    origin: '模式 "same-origin" 拒绝重定向到其他源',
    'corp-not-same-origin': 'Cross-Origin-Resource-Policy: same-origin 拒绝其他源',
    'corp-not-same-site': 'Cross-Origin-Resource-Policy: same-site 拒绝其他站点',
    'corp-not-same-origin-after-defaulted-to-same-origin-by-coep':
      '页面发送 Cross-Origin-Embedder-Policy: require-corp，而响应没有 Cross-Origin-Resource-Policy',
    LocalNetworkAccessPermissionDenied: '没有用户的许可，公网页面不能访问本地地址',
    InvalidLocalNetworkAccess: 'targetAddressSpace 与服务器所在的地址空间不符',
    'net::ERR_FAILED': 'redirect "error" 遇到了重定向',
    'net::ERR_TOO_MANY_REDIRECTS': '重定向超过了 20 次',
    'net::ERR_INVALID_REDIRECT': 'Location 头不是有效的 URL',
    'net::ERR_UNSAFE_REDIRECT': '重定向指向 data:、about:、file: 或 blob:',
    'net::ERR_UNKNOWN_URL_SCHEME': '重定向指向浏览器无法获取的协议',
    'net::ERR_CONNECTION_REFUSED': '这个地址上没有任何服务在监听',
    'net::ERR_ABORTED': 'script 或 stylesheet 的响应没有 ok 状态码（2xx）',
    other: '被嵌入响应的 X-Frame-Options 或 CSP frame-ancestors 拒绝了该页面（或其他没有名字的拦截）',
    'coep-frame-resource-needs-coep-header': '页面发送了 Cross-Origin-Embedder-Policy，而被嵌入的文档没有发送',
    csp: '页面自己的 Content-Security-Policy 不允许这个 URL，浏览器根本不会发出请求',
  },
  offeredOnly: {
    'mixed-content': 'https 页面通过 http 加载脚本、样式表、框架或调用接口（目标不是回环地址）',
  },

  check: {
    forbiddenMethod: (method, forbidden) => (forbidden ? `${method} 是禁止使用的方法：fetch() 和 XHR 会拒绝它` : `${method} 不是禁止使用的方法`),
    noCorsMethod: (method) => `模式 "no-cors" 只允许 GET、HEAD 和 POST；当前方法是 ${method}`,
    labOrigin: (origin, name) => (name ? `${origin} 是实验室的源 ${name}` : `实验室没有任何服务在 ${origin} 上监听`),
    ownOrigin: (origin) => `${origin} 是页面自己的源：不做 CORS 检查`,
    sameOriginMode: (origin, pageOrigin) => `模式 "same-origin" 拒绝 ${origin}：它不是页面的源 ${pageOrigin}`,
    noCorsRedirectMode: (redirectMode) => `以模式 "no-cors" 请求其他源时，重定向模式必须是 "follow"；当前是 "${redirectMode}"`,
    preflightNeeded: (method, headers) =>
      `需要预检：${[method ? `${method} 不是 CORS 安全列表中的方法` : '', headers.length ? `请求头 ${headers.join(', ')} 不在 CORS 安全列表中` : ''].filter(Boolean).join('，并且')}`,
    noPreflight: (method) => `无需预检：${method} 和各个请求头都在 CORS 安全列表中`,
    preflightCacheHit: () => '预检缓存中已有覆盖这个请求的响应：不再发送 OPTIONS',
    preflightRedirected: (status, redirected) => (redirected ? `OPTIONS 响应是 ${status} 重定向：预检不能被重定向` : `OPTIONS 响应（${status}）不是重定向`),
    preflightStatus: (status, ok) => `OPTIONS 响应的状态码 ${status} ${ok ? '是' : '不是'} ok 状态码（200-299）`,
    listUnparsable: (header) => `${header} 无法解析为以逗号分隔的 token 列表`,
    methodAllowed: (method, allowed, literal) => `Access-Control-Allow-Methods ${allowed ? '允许' : '不允许'} ${method}${literal ? '（带凭据时，* 只是一个字面名称）' : ''}`,
    headerDisallowed: (header, literal) => `请求头 ${header} 不在 Access-Control-Allow-Headers 中${literal ? '（带凭据时，* 只是一个字面名称）' : ''}`,
    headersCovered: (names) => `Access-Control-Allow-Headers 包含了 ${names.join(', ')}`,
    preflightStored: (seconds) => `预检响应会被缓存 ${seconds} 秒`,
    cspRefused: (url, directive) =>
      `页面的 Content-Security-Policy（${directive}）不允许 ${url}：什么都不会发送`,
    mixedContent: (url) => `https 页面不能通过 http 获取 ${url}：浏览器在发送之前就把它当作混合内容拦下`,
    socketNoCors: (origin) => `WebSocket 不走 CORS：浏览器发送 Origin: ${origin}，由服务器自己决定（RFC 6455 10.2）`,
    socketHandshake: (status, origin) =>
      status === 101
        ? `服务器接受了来自 ${origin} 的握手（101 Switching Protocols）：页面可以读取服务器发来的内容`
        : `服务器拒绝了来自 ${origin} 的握手（${status}）：页面只看到连接关闭，看不到原因`,
    eventStream: (status, contentType, problem) =>
      problem === 'status'
        ? `事件流需要状态码 200，响应的状态码是 ${status}：EventSource 使连接失败`
        : problem === 'type'
          ? `事件流需要 Content-Type text/event-stream，响应的是 ${contentType ?? '（无）'}：EventSource 使连接失败`
          : '响应是状态码 200 的 text/event-stream：第一个事件到达页面',
    elementStatus: (status, ok) => `响应的状态码 ${status} ${ok ? '是' : '不是'} ok 状态码（200-299），而 script 和 stylesheet 需要 ok 状态码`,
    elementLoaded: (opaque) =>
      opaque
        ? '元素加载成功，但它是来自其他源的 no-cors 加载：页面可以显示它，却不能读取它（canvas 被污染、错误被隐藏、读不到 cssRules）'
        : '元素加载成功，页面可以读取它（canvas 干净、错误信息完整、能读到 cssRules）',
    preflightNotStored: () => '预检响应不会被缓存',
    opaque: () => '模式 "no-cors"：响应对 JavaScript 不透明（状态码 0，没有响应头，没有响应体）',
    readable: () => 'JavaScript 可以读取 CORS 安全列表中的响应头，以及 Access-Control-Expose-Headers 中列出的响应头',
    beaconMode: (type, mode) =>
      mode === 'no-cors'
        ? `sendBeacon：带凭据的 POST，Content-Type \`${type}\` 属于 CORS 安全列表：模式为 "no-cors"，没有预检，也没有 CORS 检查`
        : `sendBeacon：带凭据的 POST，Content-Type \`${type}\` 不属于 CORS 安全列表：模式为 "cors"，所以先发预检`,
    formSubmitted: (method, enctype) =>
      `表单以 ${method}${method === 'POST' ? `（${enctype}）` : ''} 提交到弹出窗口：这是一次导航，CORS 检查从不拦截它`,
    formCookie: (sameSite, method, sent) =>
      sameSite
        ? `页面与目标同站点：同站点的导航带上所有 cookie（${sent ? '有' : '没有'}已保存的 cookie）`
        : `跨站点的顶层 ${method}：SameSite=None 的 cookie 会发送，Lax 只随 GET 发送，Strict 从不发送；${sent ? '有 cookie 发送' : '没有 cookie 发送'}`,
    locationNotUrl: (status) => `${status} 响应的 Location 不是 URL`,
    unsafeScheme: (protocol) => `Location 是 ${protocol} URL，Chromium 从不跟随指向它的重定向`,
    redirectMode: (status, mode) => `响应是 ${status} 重定向；重定向模式是 "${mode}"`,
    redirectCount: (n) => `第 ${n} 次重定向，最多 20 次`,
    onlyHttp: (protocol) => `Location 是 ${protocol} URL：重定向只能指向 http: 或 https:`,
    userinfo: () => 'Location 含有 user:password@，CORS 请求不能跟随这样的重定向',
    tainted: (from, to) => `重定向离开 ${from}，前往 ${to}：此后请求的 Origin 为 "null"`,
    blocked: (reason) => `被拦截：${reason}`,
    corsAllowed: (origin, include) => `Access-Control-Allow-Origin 允许请求的 Origin ${origin}${include ? '，并且 Access-Control-Allow-Credentials 为 true' : ''}`,
    corsMissing: (origin) => `请求的 Origin 是 ${origin}，但响应中没有 Access-Control-Allow-Origin`,
    corsMultiple: (value) => `Access-Control-Allow-Origin 含有多个值（'${value}'）；只允许一个`,
    corsInvalid: (value) => `Access-Control-Allow-Origin '${value}' 不是一个源`,
    corsMismatch: (value, origin) => `Access-Control-Allow-Origin '${value}' 不是请求的 Origin ${origin}`,
    corsWildcard: () => "Access-Control-Allow-Origin '*' 不允许带凭据的请求",
    corsCredentials: (value) => `Access-Control-Allow-Credentials 是 '${value}'，但带凭据的请求需要 'true'`,
    corsOther: (reason, origin) => `对请求的 Origin ${origin}，CORS 检查失败（${reason}）`,
  },

  explain: {
    allowedSameOrigin: () => '同源请求不需要 CORS 头',
    elementLoaded: (readable) =>
      readable === false
        ? '放行：元素不经 CORS 加载（来自其他源的 no-cors 加载）：页面可以显示它，却不能读取它（canvas 被污染、脚本错误被隐藏、读不到 cssRules）。'
        : `放行：元素已加载${readable ? '，页面可以读取它（它来自页面自己的源，或者响应通过了 CORS 检查）' : ''}。`,
    sent: (api, reached, cookie) =>
      reached
        ? `不透明：${api === 'form' ? '表单' : '这个 beacon '}到达了服务器，${cookie ? '带着用户的 cookie' : '没有带 cookie'}；页面永远看不到响应，CORS 也从未拦截这个请求。`
        : `不透明：${api === 'form' ? '表单' : '这个 beacon '}没有到达服务器（它的预检失败了）；页面无从得知。`,
    socketOpened: (cookieSent) =>
      `放行：WebSocket 已打开，页面可以读取服务器发来的内容。WebSocket 不受 CORS 约束，只有服务器对 Origin 的检查保护它${cookieSent ? '（握手带上了 Cookie）' : ''}。`,
    socketRefused: (status) => `被服务器拦截：它拒绝了 WebSocket 握手${status === null ? '' : `（${status}）`}；页面只看到连接关闭（代码 1006），看不到原因。`,
    socketFix: () => '接受谁由服务器决定：把页面的源列入 server.websocket.acceptOrigins（凭 Cookie 办事的套接字绝不要用 "any"）',
    eventArrived: () => '放行：第一个事件已到达（响应通过了 CORS 检查，或者来自页面自己的源）。',
    eventStreamFailed: (why) => `拦截：${why}。这不是 CORS 错误：Chromium 把它报告为 EventSource 错误，不给出原因。`,
    eventStreamFix: () => '用状态码 200 和 Content-Type: text/event-stream 响应',
    allowedCors: (afterPreflight) => `${afterPreflight ? '预检通过后，' : ''}响应通过了 CORS 检查`,
    allowed: (how, status, headers) => `放行：${how}；JavaScript 可以读取状态码 ${status} 和 ${headers} 个响应头。`,
    opaqueRedirect: () => '没有跟随重定向（redirect "manual"）',
    opaqueNoCors: () => '模式 "no-cors" 跳过了 CORS 检查',
    opaque: (what) => `不透明：${what}；JavaScript 看到的状态码是 0，没有响应头，也没有响应体。`,
    opaqueFix: () => '要读取响应，请使用模式 "cors"，并让服务器发送 Access-Control-Allow-Origin',
    refused: (pageError) => (pageError ? `发送前被拦截：页面抛出 ${pageError}` : '发送前被拦截：页面拒绝了这个请求。'),
    cspRefused: (directive, fallback) =>
      `发送前被拦截：页面自己的 Content-Security-Policy 写着 "${directive}"，它不允许这个 URL` +
      `${fallback ? `（没有 ${fallback} 指令，所以回退到这一条）` : ''}` +
      '。服务器什么也没收到。',
    cspFix: (directive, origin) =>
      `在页面的 Content-Security-Policy 的 ${directive} 中加入 ${origin}（页面自己的源用 'self'）；` +
      '服务器的任何响应头都解除不了它。',
    stage: { preflight: '在预检时被拦截', response: '响应到达后被拦截', redirect: '在重定向时被拦截', page: '发送前被拦截' },
    blocked: (stage, what, reached) => `${stage}：${what}${reached ? '（服务器仍然执行了这个请求）' : ''}。`,
    allowOrigin: (origin, include) => {
      if (include) return `Access-Control-Allow-Origin: ${origin}\nAccess-Control-Allow-Credentials: true\nVary: Origin`;
      return origin === 'null' ? 'Access-Control-Allow-Origin: *' : `Access-Control-Allow-Origin: ${origin}\nVary: Origin   （公开数据也可以用 *）`;
    },
    reasons: {
      MissingAllowOriginHeader: { what: () => '响应中没有 Access-Control-Allow-Origin 头', fix: (a) => a.allowOrigin },
      MultipleAllowOriginValues: { what: (a) => `Access-Control-Allow-Origin 含有多个值（'${a.param}'）`, fix: (a) => a.allowOrigin },
      InvalidAllowOriginValue: { what: (a) => `Access-Control-Allow-Origin '${a.param}' 不是一个源`, fix: (a) => a.allowOrigin },
      AllowOriginMismatch: { what: (a) => `Access-Control-Allow-Origin '${a.param}' 不是请求的源 '${a.origin}'`, fix: (a) => a.allowOrigin },
      WildcardOriginNotAllowed: { what: () => 'Access-Control-Allow-Origin 是 *，但请求带有凭据', fix: (a) => a.allowOrigin },
      InvalidAllowCredentials: { what: (a) => `Access-Control-Allow-Credentials 是 '${a.param}'，而不是 'true'`, fix: () => 'Access-Control-Allow-Credentials: true' },
      PreflightMissingAllowOriginHeader: { what: () => 'OPTIONS 响应中没有 Access-Control-Allow-Origin 头', fix: onOptions },
      PreflightMultipleAllowOriginValues: { what: (a) => `OPTIONS 响应的 Access-Control-Allow-Origin 含有多个值（'${a.param}'）`, fix: (a) => `在 OPTIONS 响应上只发送一次：\n${a.allowOrigin}` },
      PreflightInvalidAllowOriginValue: { what: (a) => `OPTIONS 响应的 Access-Control-Allow-Origin '${a.param}' 不是一个源`, fix: onOptions },
      PreflightAllowOriginMismatch: { what: (a) => `OPTIONS 响应允许的是 '${a.param}'，而不是 '${a.origin}'`, fix: onOptions },
      PreflightWildcardOriginNotAllowed: { what: () => 'OPTIONS 响应允许 *，但请求带有凭据', fix: onOptions },
      PreflightInvalidAllowCredentials: { what: (a) => `OPTIONS 响应的 Access-Control-Allow-Credentials 是 '${a.param}'，而不是 'true'`, fix: () => '在 OPTIONS 响应上发送：\nAccess-Control-Allow-Credentials: true' },
      PreflightInvalidStatus: { what: () => 'OPTIONS 响应的状态码不是 ok 状态码（2xx）', fix: () => '以 204 No Content（任何 2xx 都可以）和 CORS 头响应 OPTIONS' },
      PreflightDisallowedRedirect: { what: () => 'OPTIONS 请求被重定向了', fix: () => '在所请求的 URL 本身响应 OPTIONS：不要重定向（检查认证规则和末尾斜杠规则）' },
      InvalidAllowMethodsPreflightResponse: { what: () => 'Access-Control-Allow-Methods 无法解析为以逗号分隔的方法列表', fix: (a) => `Access-Control-Allow-Methods: ${a.method}   （以逗号分隔的列表）` },
      InvalidAllowHeadersPreflightResponse: { what: () => 'Access-Control-Allow-Headers 无法解析为以逗号分隔的名称列表', fix: (a) => `Access-Control-Allow-Headers: ${headerList(a.requestHeaders ?? '')}` },
      MethodDisallowedByPreflightResponse: { what: (a) => `${a.param} 不在 Access-Control-Allow-Methods 中`, fix: (a) => `Access-Control-Allow-Methods: ${a.param}${a.credentialsInclude ? '   （带凭据时 * 不是通配符：请写出方法名）' : ''}` },
      HeaderDisallowedByPreflightResponse: { what: (a) => `请求头 ${a.param} 不在 Access-Control-Allow-Headers 中`, fix: (a) => `Access-Control-Allow-Headers: ${headerList(a.requestHeaders ?? a.param)}${a.credentialsInclude ? '   （带凭据时 * 不是通配符：请写出这些名称）' : ''}` },
      RedirectContainsCredentials: { what: () => '重定向指向一个含有 user:password@ 的 URL', fix: () => '重定向到不含 user:password@ 的 URL（改为在请求头中发送凭据）' },
      CorsDisabledScheme: { what: (a) => `重定向指向 ${a.param}，而 CORS 请求只能获取 http: 和 https: URL`, fix: httpOnly },
      'net::ERR_UNSAFE_REDIRECT': { what: () => '重定向指向本地协议（data:、about:、file:、blob:），浏览器从不跟随', fix: httpOnly },
      'net::ERR_UNKNOWN_URL_SCHEME': { what: () => '重定向指向浏览器无法获取的协议', fix: httpOnly },
      DisallowedByMode: { what: () => '模式 "same-origin" 禁止向其他源发送请求', fix: () => '使用模式 "cors"（默认值），并让服务器发送 CORS 头' },
      NoCorsRedirectModeNotFollow: { what: () => '访问其他源的 no-cors 请求必须跟随重定向', fix: () => '在模式 "no-cors" 下使用 redirect "follow"' },
      origin: { what: () => '在模式 "same-origin" 下，同源请求被重定向到了其他源', fix: () => '使用模式 "cors"，或者让重定向留在同一个源' },
      'corp-not-same-origin': {
        what: () => '响应带有 Cross-Origin-Resource-Policy: same-origin，而页面位于另一个源',
        fix: () => 'Cross-Origin-Resource-Policy: cross-origin   （或者干脆不发送），前提是允许其他源嵌入它；或者以模式 "cors" 调用它并发送 CORS 头',
      },
      'corp-not-same-origin-after-defaulted-to-same-origin-by-coep': {
        what: () => '页面发送 Cross-Origin-Embedder-Policy: require-corp，所以没有 Cross-Origin-Resource-Policy 的响应只算同源可用，而页面位于另一个源',
        fix: () => '在响应上发送 Cross-Origin-Resource-Policy: cross-origin；或者用 crossorigin 属性加载（CORS 加载）并发送 CORS 头；或者让页面发送 Cross-Origin-Embedder-Policy: credentialless',
      },
      'corp-not-same-site': {
        what: () => '响应带有 Cross-Origin-Resource-Policy: same-site，而页面位于另一个站点',
        fix: () => 'Cross-Origin-Resource-Policy: cross-origin   （或者干脆不发送），前提是允许其他站点嵌入它；或者以模式 "cors" 调用它并发送 CORS 头',
      },
      'net::ERR_FAILED': { what: () => 'redirect "error" 会把任何重定向都变成网络错误', fix: () => '使用 redirect "follow"（或 "manual"），或者不再重定向' },
      'net::ERR_INVALID_REDIRECT': { what: () => 'Location 头不是有效的 URL', fix: () => '在 Location 中发送有效的绝对 URL 或相对 URL' },
      'net::ERR_TOO_MANY_REDIRECTS': { what: () => '重定向超过了 20 次', fix: () => '缩短重定向链' },
      LocalNetworkAccessPermissionDenied: {
        what: (a) => `公网页面只有获得用户的本地网络访问（Local Network Access）权限后才能访问 ${a.space} 地址空间，这个权限在任何 CORS 检查之前询问`,
        fix: () => '没有哪个响应头能解决：用户必须为页面所在的站点允许 "local network access"（Chrome 会弹出提示；测试中用 grantPermissions([\'local-network-access\'])），或者把 API 放到公网地址上',
      },
      InvalidLocalNetworkAccess: {
        what: (a) => `请求声明了 targetAddressSpace "${a.targetAddressSpace}"，但服务器位于 ${a.space} 地址空间`,
        fix: (a) => `fetch(url, { targetAddressSpace: '${a.space}' })，或者去掉这个选项`,
      },
      'net::ERR_CONNECTION_REFUSED': { what: () => '这个地址上没有任何服务在监听', fix: () => '启动服务器' },
      'net::ERR_ABORTED': { what: () => '元素的响应没有 ok 状态码（2xx），而 script 和 stylesheet 只在有 ok 状态码时才会被使用', fix: () => '以 2xx 状态码响应 script 或 stylesheet' },
      other: {
        what: () => '被嵌入响应的 X-Frame-Options 或 CSP frame-ancestors 不允许该页面作为它的祖先',
        fix: () => "在被嵌入的响应上发送 Content-Security-Policy: frame-ancestors 'self' <页面的源>，并去掉 X-Frame-Options: DENY",
      },
      'coep-frame-resource-needs-coep-header': {
        what: () => '页面发送了 Cross-Origin-Embedder-Policy: require-corp，它嵌入的文档也必须发送',
        fix: () => '在被嵌入的文档上发送 Cross-Origin-Embedder-Policy: require-corp',
      },
      csp: {
        what: (a) => `页面的 Content-Security-Policy（${a.param}）不允许这个 URL`,
        fix: (a) =>
          `在页面的 Content-Security-Policy 的 ${a.param.split(' ')[0] ?? ''} 中允许这个 URL 的源`,
      },
    },
  },

  fix: {
    noHeaderHelps: {
      DisallowedByMode: '模式 "same-origin" 在发送任何内容之前就拒绝了其他源；没有哪个响应头能改变这一点。请使用模式 "cors"（默认值），CORS 头才会生效。',
      origin: '模式 "same-origin" 拒绝重定向到其他源；没有哪个响应头能改变这一点。请使用模式 "cors"，或者让重定向留在同一个源。',
      NoCorsRedirectModeNotFollow: '以模式 "no-cors" 访问其他源要求 redirect "follow"；只能由页面修改重定向模式，响应头无能为力。',
      'net::ERR_FAILED': 'redirect "error" 遇到任何重定向都会失败，与响应头无关。请使用 redirect "follow"，或者让服务器不经重定向直接响应。',
      'net::ERR_INVALID_REDIRECT': 'Location 头不是 URL；任何 CORS 头都无济于事。服务器必须重定向到有效的 URL（或者不重定向）。',
      RedirectContainsCredentials: 'CORS 请求不能跟随指向含有 user:password@ 的 URL 的重定向（Fetch 标准，HTTP-redirect fetch 第 7 步）；没有哪个响应头能允许它。请重定向到不含用户信息的 URL，并在请求头中发送凭据。',
      'net::ERR_UNSAFE_REDIRECT': '浏览器从不跟随指向 data:、about:、file: 或 blob: 的重定向；任何响应头都无济于事。请重定向到 http: 或 https: URL。',
      CorsDisabledScheme: 'CORS 请求只能获取 http: 和 https: URL（Fetch 标准，HTTP-redirect fetch 第 6 步）；任何响应头都无济于事。请重定向到 http: 或 https: URL。',
      'net::ERR_UNKNOWN_URL_SCHEME': '浏览器无法获取重定向所指向的协议；任何响应头都无济于事。请重定向到 http: 或 https: URL。',
      'net::ERR_TOO_MANY_REDIRECTS': 'Fetch 在 20 次重定向后就会放弃；请在服务器上缩短重定向链。',
      'net::ERR_CONNECTION_REFUSED': '这个地址上没有任何服务响应；请在那里启动服务器。',
      LocalNetworkAccessPermissionDenied: '本地网络访问（Local Network Access）：只有用户授予权限后（Chromium 会询问），公网页面才能访问回环地址或本地地址；任何 CORS 头都无济于事。',
    },
    pageRefuses: (pageError) => `页面在发送之前就拒绝了这个请求（${pageError ?? '一个 TypeError'}）；没有哪个响应头能改变这一点。请使用 fetch() 允许的方法和模式。`,
    on: (t) => (t.kind === 'preflight' ? '预检响应' : t.kind === 'redirect' ? `第 ${t.index} 跳重定向` : '最终响应'),
    allowOrigin: (on, origin, reflected) => `${on}必须允许请求的 Origin ${origin}${reflected ? '（它要响应不止一个源）' : ''}`,
    vary: () => '响应取决于 Origin：缓存必须为每个 Origin 分别保存一份',
    credentialsToo: () => '带凭据的请求还需要 Access-Control-Allow-Credentials: true',
    allowCredentials: (on) => `对带凭据的请求，${on}必须发送 Access-Control-Allow-Credentials: true（一字不差，小写）`,
    okStatus: (status) =>
      status === 401 || status === 403
        ? `预检响应需要 ok 状态码（200-299），而不是 ${status}：认证在 CORS 之前响应了 OPTIONS；` +
          '预检从不携带凭据，所以要让 OPTIONS 无需认证即可通过'
        : status === 404 || status === 405
          ? `预检响应需要 ok 状态码（200-299），而不是 ${status}：没有任何东西响应这里的 OPTIONS；` +
            '让 CORS 中间件来响应它，或者加上这个路由'
          : '预检响应需要 ok 状态码（200-299）',
    noRedirect: () => '预检不能被重定向：在 URL 本身响应 OPTIONS',
    noLocation: () => '预检响应上不要有 Location',
    listNames: (names, include) => `预检响应必须列出 ${names}${include ? '，而且要写出名称（带凭据时 * 只是字面值）' : ''}`,
    resourcePolicy: (on) => `${on}需要声明谁可以嵌入它（页面与资源同站点时，same-site 就够了）`,
    unknown: (reason) => `模型不知道修改哪个响应头能越过 ${reason}。`,
    noFailedCheck: (reason) => `模型拦截了这个请求，却没有失败的检查（${reason}）。`,
    planIgnored: (reason) => `修改计划中的响应头越不过 ${reason}：服务器并不用这些响应头来响应。`,
    tooManyRounds: (rounds) => `在 ${rounds} 轮修改之内没有找到修复方法。`,
    where: (t) => (t.kind === 'preflight' ? 'OPTIONS（预检）' : t.kind === 'redirect' ? `第 ${t.index} 跳重定向` : '实际响应'),
    option: (middleware, name, value) => `${middleware} 选项 ${name}: ${value}`,
    status: (where, status) => `${where}：状态码 ${status}`,
    remove: (where, header) => `${where}：删除 ${header}`,
    send: (where, header, value) => `${where}：${header}: ${value}`,
    impossible: (why) => `仅靠修改响应头做不到：${why}`,
    pagePolicy: (why) => `修改页面：${why}`,
    reflectedOrigin: '（请求的 Origin，原样反射）',
  },

  middleware: {
    allowOrigin: (origin, include) => `中间件必须允许请求的 Origin ${origin}${include ? '，而且要写出它的名称（带凭据时不允许 *）' : ''}`,
    credentials: () => '带凭据的请求需要 Access-Control-Allow-Credentials: true',
    credentialsRefused: (reason) => `中间件发送了 Access-Control-Allow-Credentials，浏览器却仍然拒绝（${reason}）。`,
    preflightContinue: () => '设置了 preflightContinue 时由路由响应 OPTIONS，而这里路由返回的不是 ok 状态码：让中间件来响应预检',
    routeStatus: (middleware) => `预检响应不是 ok 状态码；${middleware} 后面的路由必须以 200-299 响应 OPTIONS。`,
    listNames: (names) => `预检响应必须列出 ${names}`,
    unknown: (middleware, reason) => `模型所知的 ${middleware} 选项都越不过 ${reason}。`,
  },

  assumptions: {
    thirdPartyCookies: (setting) =>
      `假定浏览器设置为${setting === 'blocked' ? '拦截' : '允许'}第三方 Cookie。你的浏览器保留它自己的 Cookie 设置，所以这里是否发送 Cookie 可能不同。用 \`cors-lab run\` 运行它，就能看到 Chromium 在这个设置下的行为。`,
    localNetworkAccess: (setting) => `假定本地网络访问（Local Network Access）权限${setting === 'granted' ? '已授予' : '被拒绝'}。页面无法为自己授予或撤回这个权限。`,
    publicOnLoopback: () =>
      '在你的浏览器中，实验室的 "public" 源和其他源一样位于回环地址上，所以本地网络访问（Local Network Access）不适用，这里的结果可能与预测不同，这是意料之中的。用 `cors-lab run` 运行它，就能看到 Chromium 在这个设置下的行为。',
    formPopup: () =>
      '按照实验格式，表单提交到一个弹出窗口，这样页面留下来运行下一步。如果浏览器拦截实验室运行框架打开的弹出窗口，表单在发送之前就被挡住：运行结果会说浏览器拦截了弹出窗口，与预测不同。请为实验室的源允许弹出窗口，或者用 `cors-lab run` 运行它。',
    secureCookiesInFrame: () =>
      '这个实验的页面是 https 源，而且它设置了 cookie。练习场把这个页面放在自己的 http 页面的一个框架里运行，cookie 在那里是第三方 cookie（另一个站点：协议也是站点的一部分），这个浏览器可能会拦截它，所以这里的结果可能与预测不同，这是意料之中的。用 `cors-lab run` 运行它，就能在顶层的 https 页面上看到它。',
    pageHeadersInFrame: () =>
      '这个实验在它的页面上设置了响应头（`pageHeaders`：COOP、COEP、CSP）。练习场把页面放在自己页面的一个框架里运行，这个框架并不带这些响应头（而且 COOP 和 COEP 在框架里也不能像在顶层页面上那样起作用），所以这里的结果可能与预测不同，这是意料之中的。用 `cors-lab run` 运行它，就能看到 Chromium 对它们的处理。',
  },
} satisfies ModelMessages;
