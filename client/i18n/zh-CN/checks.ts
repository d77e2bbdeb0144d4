/** zh-CN messages of "How the model decided" (the words around the model's own check texts). */
import { str } from '@lit/localize';

export const checks = {
  'checks.stage.page': '页面',
  'checks.stage.preflight': '预检',
  'checks.stage.answer': '应答',
  'checks.stage.redirect': '重定向',
  'checks.label': '模型的检查步骤',
  'checks.hop': str` 第 ${0} 跳`,
  'checks.absent': '（没有）',
} as const;
