/**
 * Format 1.2 frames, the fix (fix.ts): the header that lets the page frame the answer, and for a message not
 * taken, what the sender or the receiver must change instead (no response header can help there).
 */
import type { Language } from '../../format/i18n/languages.ts';
import type { FixChange, PlanResponse } from './fix.ts';
import type { StepPrediction } from './prediction.ts';
import { frameWords } from './messages/frames.ts';

/**
 * `other` (X-Frame-Options or frame-ancestors refused the page): a frame-ancestors directive naming the
 * framed page's own origin and the page, which browsers follow instead of X-Frame-Options.
 * https://w3c.github.io/webappsec-csp/#directive-frame-ancestors
 * `coep-frame-resource-needs-coep-header`: the framed document's own COEP.
 */
export function frameChanges(reason: 'other' | 'coep-frame-resource-needs-coep-header', response: PlanResponse, lang: Language): FixChange[] {
  const say = frameWords(lang);
  if (reason === 'other') {
    return [{ response, header: 'Content-Security-Policy', value: "frame-ancestors 'self' {page}", why: say.fixRefused('frame-ancestors') }];
  }
  return [{ response, header: 'Cross-Origin-Embedder-Policy', value: 'require-corp', why: say.fixRefused('coep') }];
}

/**
 * Why no header change delivers the message: the page had no live handle on its popup (postMessage via
 * window-open), the browser dropped it (targetOrigin), or the receiver refused it.
 */
export function messageFix(step: StepPrediction, lang: Language): string {
  const say = frameWords(lang);
  if (step.openerKept === false) return say.fixNoHandle();
  const dropped = step.checks.some((check) => !check.ok && /targetOrigin/.test(check.text));
  return dropped ? say.fixDropped(step.openerKept === true ? 'popup' : 'frame') : say.fixRefusedByReceiver();
}
