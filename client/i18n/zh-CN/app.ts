/** zh-CN messages of the app shell (header, toolbar, language switch). */
export const app = {
  'app.language': '语言',
} as const;
