/**
 * How far the model agrees with the browser, field by field, beyond the four
 * fields that decide `pass`: used to measure the model on cases without
 * expectations (test/probes).
 */
import type { Observation, Prediction } from '../engines/run-result.ts';

export const AGREEMENT_FIELDS = [
  'outcome', 'reason', 'failedParameter', 'preflight', 'reachedServer', 'status', 'responseType', 'originSeen',
  'requestHeadersSeen', 'cookieSent', 'readableHeaders',
] as const;

export function disagreements(predicted: Prediction, observed: Observation, isXhr: boolean): string[] {
  const out: string[] = [];
  for (const field of AGREEMENT_FIELDS) {
    let want: unknown = predicted[field];
    let got: unknown = observed[field];
    if (field === 'readableHeaders') {
      want = [...(predicted.readableHeaders ?? [])].sort().join(',');
      got = Object.keys(observed.readableHeaders).sort().join(',');
    }
    if (field === 'failedParameter') want = reportedParameter(predicted, observed);
    if (field === 'status' && isXhr && observed.outcome !== 'allowed') continue;
    if (JSON.stringify(want) !== JSON.stringify(got)) out.push(`${field}: predicted ${JSON.stringify(want)}, observed ${JSON.stringify(got)}`);
  }
  return out;
}

/**
 * The failed parameter as the DevTools Protocol reports the model's: without the bytes beyond ASCII (the lab sends
 * header values as latin1, which is no UTF-8: measured, `Access-Control-Allow-Origin: x\u00e9y` is reported as
 * `xy`, and at times not at all), and for a header missing from Access-Control-Allow-Headers whichever requested
 * name Chromium names first.
 */
function reportedParameter(predicted: Prediction, observed: Observation): string | null {
  const requested = (predicted.requestHeadersSeen ?? '').split(',');
  const named = observed.failedParameter ?? '';
  if (predicted.reason === 'HeaderDisallowedByPreflightResponse' && requested.includes(named)) return observed.failedParameter;
  const beyondAscii = /[^\x00-\x7f]/;
  // A value with such bytes is reported without them, or not at all: both measured for the same answer
  // (`{page}/\u00e9x` in test/probes/wpt-third-cases.ts), a quirk of the report, not of the CORS check.
  const wanted = predicted.failedParameter;
  if (wanted && beyondAscii.test(wanted) && observed.failedParameter === null) return null;
  return wanted?.replace(new RegExp(beyondAscii, 'g'), '') || null;
}

/**
 * Whether the model's console line is Chromium's. When several request
 * headers are missing from Access-Control-Allow-Headers, Chromium names the
 * first in its internal (hash) order, which the model cannot know: any of
 * the missing names is accepted there (experiments/model/DEVIATIONS.md).
 */
export function consoleAgrees(predicted: Prediction, predictedConsole: string | null | undefined, observed: Observation): boolean {
  if ((predictedConsole ?? null) === observed.console) return true;
  if (observed.reason !== 'HeaderDisallowedByPreflightResponse' || !predictedConsole || !observed.console || !observed.failedParameter) return false;
  const requested = (predicted.requestHeadersSeen ?? '').split(',');
  return requested.includes(observed.failedParameter) && predictedConsole.replace(`field ${predicted.failedParameter} is`, `field ${observed.failedParameter} is`) === observed.console;
}
