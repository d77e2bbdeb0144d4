/** The checks' messages in Simplified Chinese, for the playground. Names, values, paths and JSON stay as written. */
import type { ProblemMessages } from './problem-messages.ts';

const q = (value: string): string => JSON.stringify(value);

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
  reason: ({ reason }) => `未知的原因 ${q(reason)}：请使用 Chromium 的 Network.CorsError 名称、Network.BlockedReason 或 net:: 错误文本`,
  headerNameToken: () => '头部名称必须是 token',
  xhrMode: () => 'XMLHttpRequest 的模式总是 "cors"',
  xhrRedirect: () => 'XMLHttpRequest 总是跟随重定向',
  bodyWithGet: () => 'GET 或 HEAD 请求不能带请求体',
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
} satisfies ProblemMessages;
