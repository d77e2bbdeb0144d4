/**
 * What Firefox and WebKit print for a frame the model predicts refused by the framed answer's X-Frame-Options or CSP
 * frame-ancestors (Chromium's BlockedReason `other`, frame-load.ts), each in its own words and under its own id
 * (format/firefox-frame-lines.ts, format/webkit-sentences.ts). Measured in Firefox 153 ESR and WebKitGTK
 * 2.50.6 on the `frames-xfo-*` and `frames-frame-ancestors-*` experiments: both name the frame's full URL (Firefox's
 * frame-ancestors line names none); Firefox lower-cases the X-Frame-Options value, WebKit prints it as sent;
 * Firefox names the directive that refused the page, WebKit only the directive's name.
 * https://html.spec.whatwg.org/multipage/document-lifecycle.html#the-x-frame-options-header
 * https://w3c.github.io/webappsec-csp/#directive-frame-ancestors
 */
import { firefoxFrameLine, UNKNOWN_URL, type FirefoxFrameReason } from '../../format/firefox-frame-lines.ts';
import { webkitSentence, type WebKitReason } from '../../format/webkit-sentences.ts';
import {
  KNOWN_X_FRAME_OPTIONS, frameAncestorsAllow, frameAncestorsDirectives, xFrameOptionsAllow, xFrameOptionsValues,
} from './frame-load.ts';
import type { StepPrediction } from './prediction.ts';

type Refusal =
  | { by: 'x-frame-options'; url: string; value: string }
  | { by: 'frame-ancestors'; url: string; directive: string };

/** Which header of the framed answer refused the frame, for a step the model predicts refused so; else null. */
function refusalOf(step: StepPrediction, pageOrigin: string | undefined): Refusal | null {
  const answer = step.requests.at(-1);
  if (step.outcome !== 'blocked' || step.reason !== 'other' || step.framed !== false || !answer || !pageOrigin) {
    return null;
  }
  const headers = answer.responseHeaders;
  const ancestors = [pageOrigin];
  const directives = frameAncestorsDirectives(headers);
  // frame-ancestors, when present, decides alone (X-Frame-Options is then ignored, as in Chromium).
  if (directives.length > 0) {
    const refusing = directives.find(
      (directive) => frameAncestorsAllow([['Content-Security-Policy', directive]], ancestors, answer.url) === false,
    );
    return refusing === undefined ? null : { by: 'frame-ancestors', url: answer.url, directive: refusing };
  }
  if (xFrameOptionsAllow(headers, ancestors, answer.url)) return null;
  const value = headers.filter(([name]) => name.toLowerCase() === 'x-frame-options').map(([, v]) => v).join(', ');
  return { by: 'x-frame-options', url: answer.url, value };
}

/** Firefox's id and line for the refused frame; `value`: what the line names (Firefox's failed parameter). */
export function firefoxFrameWords(
  step: StepPrediction, pageOrigin: string | undefined,
): { reason: FirefoxFrameReason; value: string } | null {
  const refusal = refusalOf(step, pageOrigin);
  if (refusal === null) return null;
  if (refusal.by === 'x-frame-options') {
    // Several different values (HTML refuses them all) are Firefox's "invalid" header, named so; one value written
    // twice is named once (measured: `SAMEORIGIN,SAMEORIGIN` → “sameorigin“).
    const values = xFrameOptionsValues([['X-Frame-Options', refusal.value]]);
    const reason = values.size > 1 ? 'XFrameOptionsInvalid' : 'XFrameOptionsDeny';
    const value = values.size > 1 ? 'invalid' : [...values][0] ?? '';
    return { reason, value };
  }
  // A frame of the page's own origin refused by frame-ancestors: Firefox writes the line to the frame's console, not
  // the page's, so the lab reads none (measured: frame-ancestors 'none' on app, framed by app).
  if (pageOrigin !== undefined && new URL(refusal.url).origin === pageOrigin) return null;
  return { reason: 'CSPGenericViolation', value: refusal.directive };
}

/**
 * Firefox's warning for a frame it renders all the same: one X-Frame-Options value it does not know (`ALLOW-FROM`,
 * a typo; `ALLOWALL` it knows), which HTML ignores, printed as "invalid" (measured: `ALLOW-FROM {page}`).
 */
export function firefoxIgnoredFrameOptions(step: StepPrediction): { reason: FirefoxFrameReason; value: string } | null {
  const answer = step.requests.at(-1);
  if (step.framed !== true || !answer || frameAncestorsDirectives(answer.responseHeaders).length > 0) return null;
  const values = xFrameOptionsValues(answer.responseHeaders);
  const [only] = values;
  if (values.size !== 1 || only === undefined || KNOWN_X_FRAME_OPTIONS.includes(only)) return null;
  return { reason: 'XFrameOptionsInvalid', value: 'invalid' };
}

/** Firefox's line for a step whose reason and failed parameter firefoxFrameWords (or firefoxIgnoredFrameOptions) gave. */
export function firefoxFrameConsole(step: StepPrediction, reason: FirefoxFrameReason): string {
  const value = step.failedParameter ?? '';
  return reason !== 'CSPGenericViolation'
    ? firefoxFrameLine(reason, { url: step.requests.at(-1)?.url ?? '', value })
    : firefoxFrameLine(reason, { kind: 'frame-ancestors', url: UNKNOWN_URL, directive: value });
}

/** WebKit's sentence id and sentence for the refused frame. */
export function webkitFrameWords(
  step: StepPrediction, pageOrigin: string | undefined,
): { reason: WebKitReason; sentence: string } | null {
  const refusal = refusalOf(step, pageOrigin);
  if (refusal === null) return null;
  const reason = refusal.by === 'x-frame-options' ? 'WebKitFrameOptionsRefused' : 'WebKitFrameAncestorsRefused';
  const value = refusal.by === 'x-frame-options' ? refusal.value : '';
  return { reason, sentence: webkitSentence(reason, { url: refusal.url, value }) };
}
