/** zh-CN messages of the catalog list and its group names. */
import { str } from '@lit/localize';

export const catalog = {
  'catalog.group.simple': '简单请求',
  'catalog.group.preflight': '预检',
  'catalog.group.credentials': '凭据',
  'catalog.group.redirect': '重定向',
  'catalog.group.expose': '暴露响应头',
  'catalog.group.cache': '预检缓存',
  'catalog.group.no-cors': 'no-cors',
  'catalog.group.null-origin': 'null 源',
  'catalog.group.xhr': 'xhr',
  'catalog.group.cache-poisoning': '缓存投毒',
  'catalog.group.cookies': 'Cookie 与第三方 Cookie',
  'catalog.group.hono-cors': 'hono-cors',
  'catalog.group.express-cors': 'express-cors',
  'catalog.group.local-network-access': '本地网络访问',
  'catalog.group.exploits': '漏洞利用',
  'catalog.group.custom': '自定义',
  'catalog.search': '搜索实验',
  'catalog.run-all': str`全部运行（${0} 个）`,
  'catalog.group-label': str`分组：${0}`,
  'catalog.run-group-label': str`运行 ${0} 个：分组 ${1}`,
  'catalog.run-group': str`运行 ${0} 个`,
  'catalog.no-match': str`没有与“${0}”匹配的实验。`,
} as const;
