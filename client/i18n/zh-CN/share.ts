/** zh-CN comments of the shared curl commands. */
export const share = {
  'share.curl-preflight': '# 浏览器先发送的预检请求',
  'share.curl-actual': '# 实际请求',
} as const;
