/** zh-CN messages of the runner frames: a runner page that did not answer is no CORS verdict. */
import { str } from '@lit/localize';

export const runner = {
  'runner.frame-title': str`${0} 的 cors-lab 运行页`,
  'runner.no-load': str`${0} 的运行页没有在 ${1} 秒内加载完成`,
  'runner.no-answer': str`${0} 的运行页没有在 ${1} 秒内应答`,
  'runner.no-accept': str`${0} 的运行页没有在 ${1} 秒内接受请求`,
  'runner.no-result': str`${0} 的运行页接受了请求，但没有在 ${1} 秒内送回结果`,
  'runner.late': str`${0}（在繁忙的机器上试了 ${1} 次）`,
  'runner.elsewhere-only': str`这个实验只适用于 ${0}：实验室没有 ${1} 在这里的行为模型，因此没有判定。`,
  'runner.untrusted-secure': str`无法在这里运行：你的浏览器不信任实验室为 ${0} 签发的证书。在运行实验室的机器上执行 cors-lab ca，查看如何信任它（另一台机器上的浏览器，例如课堂上的，无法信任它：证书只包含 localhost）。cors-lab run 会在 Chromium 中运行它。`,
} as const;
