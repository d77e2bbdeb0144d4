/**
 * Format 1.2: a frame step in words (`iframe`, `postMessage` to a frame or a popup, `window-open`): whether the frame rendered, whether the page
 * may read it, whether the message was taken, and the change that would make it so. Chromium's console line
 * for a refused frame is its own ("Refused to display ... in a frame because it set 'X-Frame-Options' to
 * 'deny'."), naming the frame's origin only (frame-load.ts). A message the browser drops prints nothing at all.
 */
import type { Language } from '../../format/i18n/languages.ts';
import type { Explanation, ExplainContext } from './explain.ts';
import type { StepPrediction } from './prediction.ts';
import { frameWords, type FrameCheck } from './messages/frames.ts';
import { frameConsoleLine } from './frame-load.ts';

const MDN_FRAME_ANCESTORS = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Content-Security-Policy/frame-ancestors';
const MDN_COEP = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/Cross-Origin-Embedder-Policy';
const MDN_OPEN = 'https://developer.mozilla.org/en-US/docs/Web/API/Window/open';
const MDN_POST_MESSAGE = 'https://developer.mozilla.org/en-US/docs/Web/API/Window/postMessage';

/** Which check refused the frame, from the trace's failed check (frame-step.ts records it last). */
function refusedBy(p: StepPrediction): FrameCheck {
  if (p.reason === 'coep-frame-resource-needs-coep-header' || p.reason?.startsWith('corp-')) return 'coep';
  const last = p.checks.findLast((c) => !c.ok)?.text ?? '';
  return /frame-ancestors/.test(last) ? 'frame-ancestors' : 'x-frame-options';
}

export function explainFrame(p: StepPrediction, c: ExplainContext, lang: Language = 'en'): Explanation {
  const say = frameWords(lang);
  const none = { console: null, firefox: null };
  if (c.api === 'window-open') return { ...none, verdict: say.verdictOpened(p.openerKept === true, p.domReadable === true), fix: null, mdn: MDN_OPEN };
  if (p.framed === false) {
    const by = refusedBy(p);
    const last = p.requests.at(-1);
    const line = by === 'coep' || !last ? null : frameConsoleLine(last.responseHeaders, c.pageOrigin, last.url);
    return { ...none, console: line, verdict: say.verdictRefused(by), fix: say.fixRefused(by), mdn: by === 'coep' ? MDN_COEP : MDN_FRAME_ANCESTORS };
  }
  if (c.api === 'iframe' || p.delivered === null || p.delivered === undefined) {
    return { ...none, verdict: say.verdictFramed(p.domReadable === true), fix: null, mdn: null };
  }
  if (p.delivered) return { ...none, verdict: say.verdictDelivered(c.targetOrigin === '*'), fix: null, mdn: MDN_POST_MESSAGE };
  // postMessage via window-open: the popup's facts (openerKept) are set; without a live handle nothing is posted.
  const where = p.openerKept === true || p.openerKept === false ? 'popup' : 'frame';
  if (p.openerKept === false) {
    return { ...none, verdict: say.verdictNoHandle(), fix: say.fixNoHandle(), mdn: MDN_POST_MESSAGE };
  }
  const dropped = p.checks.some((check) => !check.ok && /targetOrigin/.test(check.text));
  return dropped
    ? { ...none, verdict: say.verdictDropped(where), fix: say.fixDropped(where), mdn: MDN_POST_MESSAGE }
    : { ...none, verdict: say.verdictRefusedByReceiver(), fix: say.fixRefusedByReceiver(), mdn: MDN_POST_MESSAGE };
}
