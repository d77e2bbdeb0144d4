/** The checks' messages in Simplified Chinese, for the playground. Names, values, paths and JSON stay as written. */
import type { BaseMessages } from './problem-messages.ts';

const q = (value: string): string => JSON.stringify(value);
/** "a"、"a 和 b"、"a、b 和 c"。 */
const listed = (items: readonly string[]): string => (items.length < 3 ? items.join(' 和 ') : `${items.slice(0, -1).join('、')} 和 ${items.at(-1)}`);
const FIELD_HINTS = {
  crossorigin: '：元素的 mode 和 credentials 由它的 crossorigin 属性决定',
  fetchOnly: '：实验室只在 fetch() 上设置它（元素的 referrerpolicy 属性不在格式之内）',
} as const;
const LINEAR = '源的正则表达式由线性时间引擎（RE2）匹配，任何 Origin 都不能拖住实验室';

export const zhCN = {
  emptyHeaderName: () => '响应头名称为空',
  headerName: ({ name }) => `无效的头部名称 ${q(name)}：名称必须是 token（字母、数字和 !#$%&'*+-.^_\`|~）`,
  headerValueLine: ({ value }) => `无效的头部值 ${q(value)}：不允许 CR 和 LF`,
  headerValueBytes: ({ value }) => `无效的头部值 ${q(value)}：只允许制表符、可打印 ASCII 字符和 0x80-0xFF 字节`,
  framingHeader: ({ name, framing }) =>
    `${name} 属于消息分帧：服务器根据响应体和请求自行设置它（计划里写的值可能让 keep-alive 连接错位，一个响应吞掉下一个），所以计划不能发送 ${framing.join(', ')}`,
  pathStart: () => '路径必须以“/”开头',
  pathAscii: ({ path }) => `无效的路径 ${q(path)}：只允许可见 ASCII 字符（空格、控制字符和非 ASCII 字符请用百分号编码）`,
  pathFragment: ({ path }) => `无效的路径 ${q(path)}：不能含“#”（片段永远不会到达服务器）`,
  userinfo: ({ userinfo }) => `无效的 userinfo ${q(userinfo)}：应为可见 ASCII 字符写成的“<用户名>”或“<用户名>:<密码>”，不含“@”“/”“?”“#”`,
  unknownOriginToken: ({ name, known }) => `{origin:${name}}：未知的源 ${q(name)}；已知的源：${known.join(', ')}`,
  latin1Body: () => '请求体只能包含 U+00FF 以内的字符（latin1）；其他字符请先编码',
  nullBody: ({ status }) => `${status} 响应没有响应体（https://httpwg.org/specs/rfc9110.html#status.${status}）`,
  unknownOrigin: ({ origin, known, orNull }) => `未知的源 ${q(origin)}；已知的源：${known.join(', ')}${orNull ? '，沙箱页面用 "null"' : ''}`,
  method: ({ method }) => `无效的方法 ${q(method)}：方法必须是 token`,
  statusWhole: () => '状态码必须是整数',
  statusRange: ({ min, max }) => `状态码必须在 ${min}-${max} 之间`,
  requestPath: () => '路径必须以“/”开头，且不含空格或“#”',
  tooManyRedirects: ({ max }) => `最多 ${max} 次重定向（超过 ${max} 次 Fetch 就会放弃）`,
  engineReason: ({ engine, reason }) => `未知的 ${engine} 原因 ${q(reason)}：请使用 README 中 ${engine} 原因表里的名称`,
  reason: ({ reason }) => `未知的原因 ${q(reason)}：请使用 Chromium 的 Network.CorsError 名称、Network.BlockedReason 或 net:: 错误文本`,
  headerNameToken: () => '头部名称必须是 token',
  xhrMode: () => 'XMLHttpRequest 的模式总是 "cors"',
  xhrRedirect: () => 'XMLHttpRequest 总是跟随重定向',
  bodyWithGet: () => 'GET 或 HEAD 请求不能带请求体',
  crossoriginNotElement: ({ api }) => `crossorigin 是 img、script 和 stylesheet 元素的属性，${api} 没有这个属性`,
  pageHeaderName: ({ name, allowed }) => `${q(name)} 不能作为页面头部：实验室的页面只接受 ${allowed.join(', ')}`,
  formMethod: ({ method, allowed }) => `表单只能用 ${allowed.join(' 或 ')} 提交，不能用 ${q(method)}`,
  formEnctype: ({ value, allowed }) => `表单的 Content-Type 就是它的 enctype：只能是 ${allowed.join(', ')} 之一，不能是 ${q(value)}`,
  beaconMethod: ({ method }) => `sendBeacon 总是发送 POST，不能用 ${q(method)}：请省略这一项或写 "POST"`,
  sendingHeader: ({ api, name }) => `${api} 不能发送 ${q(name)}：它唯一的请求头部是 Content-Type`,
  sendingRedirects: ({ api }) => `实验室不模拟 ${api} 的重定向：请删除 server.redirects`,
  formNullPage: () => '沙箱化的（"null"）页面不能提交表单，也不能打开弹出窗口：请使用一个有名称的页面',
  pageHeaderSize: ({ max }) => `页面头部的值最多 ${max} 个字符`,
  fieldApi: ({ field, apis, api, hint }) => `${field} 只用于 ${listed(apis)}，不用于 ${api}${hint ? FIELD_HINTS[hint] : ''}`,
  frameBody: () => '被嵌入的目标是实验室自己的页面：用 server.actual.page 说明它做什么，而不是给出 body',
  noopenerFramed: () => 'request.noopener 只用于弹出窗口：request.api 为 "window-open"，或 "postMessage" 且 request.via 为 "window-open"；这条 postMessage 发往框架（request.via 为 "iframe"，默认值）',
  targetOrigin: ({ value }) => `targetOrigin 是 "*"、"/" 或一个源（如 {page}、{origin:api}），不能是 ${q(value)}`,
  acceptedOrigins: ({ max }) => `acceptMessagesFrom 是 "*" 或最多 ${max} 个源的列表（{page}、{origin:NAME} 或 http(s) 源）`,
  bodyBase64: () => 'bodyBase64 必须是标准 base64（A-Z、a-z、0-9、+、/ 和 = 填充）',
  bodyBase64Size: ({ max }) => `bodyBase64 解码后最多 ${max} 字节（计划放在 URL 里传递）`,
  acceptOriginsCount: ({ max }) => `acceptOrigins 最多列出 ${max} 个源`,
  socketRequestField: ({ api, field }) => `${api} 不能设置 ${field}：这个 API 只发送带浏览器自己头部的 GET`,
  bodyAndBodyBase64: () => 'body 和 bodyBase64 只能给一个',
  regexSyntax: ({ pattern, message }) => `无效的正则表达式 ${pattern}：${message}`,
  regexFlag: ({ pattern, flag }) =>
    flag === 'v'
      ? `${pattern}：不支持标志 v（集合表示法）；${LINEAR}`
      : `${pattern}：标志 ${flag} 会让正则表达式记住上次匹配的位置（lastIndex），真实服务器对前后两个请求会给出不同的回答；请去掉它`,
  regexBackreference: ({ pattern, construct }) => `${pattern}：${construct} 是反向引用（或旧式八进制转义），需要回溯；${LINEAR}`,
  regexLookaround: ({ pattern, construct }) => `${pattern}：${construct} 是环视断言，需要回溯；${LINEAR}`,
  regexModifiers: ({ pattern, construct }) => `${pattern}：不支持 ${construct} 修饰符分组；请把标志写在最后一个 / 之后`,
  regexUnicodeProperty: ({ pattern, construct }) => `${pattern}：${construct} 是按字符属性匹配的写法；源只含 ASCII，请改用 [a-z0-9-] 这样的字符类`,
  regexNonAscii: ({ pattern, construct }) => `${pattern}：${q(construct)} 不是 ASCII；序列化的源只含 ASCII（非 ASCII 的主机名由浏览器先转成 ASCII 形式），请按浏览器发送的样子写主机名`,
  regexSize: ({ pattern, max }) => `${pattern}：这个计划的正则表达式共有超过 ${max} 个字符和字符类（重复次数展开计算：a{100} 算 100 个）；编译它们会拖慢每个带着这个计划的请求`,
  regexRepeat: ({ pattern, max }) => `${pattern}：重复次数（嵌套时相乘）超过 ${max}；${LINEAR}，它最多允许 ${max}`,
  wrongType: ({ expected }) => `类型应为 ${expected}`,
  oneOf: ({ values }) => `取值应为以下之一：${values.join(', ')}`,
  emptyFile: () => '没有实验：文件里是一个空数组',
  notAnObject: () => '实验必须是一个 JSON 对象',
  duplicateId: ({ id, source }) => `重复的 id ${q(id)}（${source} 中也有）`,
  unknownFields: ({ keys }) => `未知的字段 ${keys.map(q).join(', ')}`,
  expected: ({ field, want, got }) => `observed.${field}：预期 ${want}，实际 ${got}`,
  expectedReadable: ({ name }) => `observed.readableHeaders：预期 ${q(name)} 可读，但它不可读`,
  expectedHidden: ({ name }) => `observed.readableHeaders：预期 ${q(name)} 被隐藏，但它可读`,
  predicted: ({ field, want, got }) => `predicted.${field}：模型预测 ${want}，浏览器实际 ${got}`,
  journalEvicted: (p) =>
    'expiredAfter' in p
      ? `这次运行的服务器记录已被清除：运行只保留 ${p.expiredAfter.minutes} 分钟`
      : `这次运行的服务器记录已被清除：记录已满（${'runs' in p.fullOf ? `${p.fullOf.runs} 个运行` : `${p.fullOf.megabytes} MB`}），发起这次运行的客户端（${p.client}）占用最多，它最早的运行被清除以腾出空间`,
} satisfies BaseMessages;
