/**
 * Simplified Chinese titles of the catalog's `then` steps, keyed by the
 * English title (many steps share one). Origin names, methods, header names
 * and code stay as they are. `catalog-zh.test.ts` fails on a step title
 * missing here.
 */
export const thenTitles: Readonly<Record<string, string>> = {
  'the same PUT again': '再发一次同样的 PUT',
  'PUT with X-New': '带 X-New 的 PUT',
  'again, with the cookie': '再发一次，带上 Cookie',
  'again, credentials "same-origin"': '再发一次，credentials "same-origin"',
  again: '再发一次',
  'same request again': '再发一次同样的请求',
  'after 1.2 s': '1.2 秒之后',
  'at once': '立即',
  'with X-Trace': '带 X-Trace',
  DELETE: 'DELETE',
  'with credentials': '带凭据',
  retry: '重试',
  'from api2, served from the cache': '来自 api2，由缓存返回',
  'from api2, asks the server': '来自 api2，询问服务器',
  'fetch in mode "cors"': '以 "cors" 模式 fetch',
  'from api2': '来自 api2',
  'from partner': '来自 partner',
  'the next credentialed request': '下一个带凭据的请求',
  'the attack from evil': '来自 evil 的攻击',
  'the attack from null': '来自 null 页面的攻击',
  'the attack from partner': '来自 partner 的攻击',
  'the attack from api2': '来自 api2 的攻击',
  'the transfer from app': '来自 app 的转账',
  'the beacon': 'beacon',
  'the beacon from evil': '来自 evil 的 beacon',
  'evil opens a WebSocket to api': 'evil 向 api 打开 WebSocket',
  'the WebSocket': 'WebSocket',
};
