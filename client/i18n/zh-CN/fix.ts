/** zh-CN messages of the fix panel (the words around the model's header changes). */
import { str } from '@lit/localize';

export const fix = {
  'fix.heading': '修复',
  'fix.fixed-title': str`已修复：${0}`,
  'fix.further': '这些改动能让请求走得更远，但仍不会被放行：',
  'fix.options-steps': str`设置这些 ${0} 选项后，全部 ${1} 个步骤都会被放行：`,
  'fix.options': str`设置这些 ${0} 选项后，请求就会被放行：`,
  'fix.headers-steps': str`发送这些响应头后，全部 ${0} 个步骤都会被放行：`,
  'fix.headers': '发送这些响应头后，请求就会被放行：',
  'fix.no-option': '没有任何中间件选项能解决：',
  'fix.no-header': '没有任何响应头能解决：',
  'fix.page-policy': '修改页面',
  'fix.engine-prints': str`现在你的浏览器 ${0} 打印的是：`,
  'fix.apply': '应用修复',
} as const;
