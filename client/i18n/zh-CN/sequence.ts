/** zh-CN messages of the sequence diagram's frame (the drawing's own labels are in client/sequence). */
import { str } from '@lit/localize';

export const sequence = {
  'sequence.summary': str`${0}：${1}；${2} 个箭头${3}`,
  'sequence.scrolls': str`${0}（可横向滚动）`,
  'sequence.export': '导出 SVG',
} as const;
