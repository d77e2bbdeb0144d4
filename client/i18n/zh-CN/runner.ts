/** zh-CN messages of the runner frames: a runner page that did not answer is no CORS verdict. */
import { str } from '@lit/localize';

export const runner = {
  'runner.frame-title': str`${0} 的 cors-lab 运行页`,
  'runner.no-load': str`${0} 的运行页没有在 ${1} 秒内加载完成`,
  'runner.no-answer': str`${0} 的运行页没有在 ${1} 秒内应答`,
  'runner.no-accept': str`${0} 的运行页没有在 ${1} 秒内接受请求`,
  'runner.no-result': str`${0} 的运行页接受了请求，但没有在 ${1} 秒内送回结果`,
  'runner.late': str`${0}（在繁忙的机器上试了 ${1} 次）`,
} as const;
