/** zh-CN messages of the short URLs (cors-lab-url and its CSS words). */
export const url = {
  'url.full': '完整',
  'url.short': '简短',
  'url.show-short': '以简短形式显示网址',
  'url.show-full': '显示完整网址',
} as const;
