/**
 * Firefox's words for a CORS failure the model predicted in Chromium's terms: its reason (MDN's name), the value its
 * line names and the status code it adds. Apart from engine-firefox.ts (the whole Firefox model, its frames, CORP and
 * CSP lines) so that the explanation of every page (explain.ts: Firefox's line beside Chromium's) stays small.
 */
import { firefoxConsoleLine, type FirefoxReason } from '../../format/firefox-reasons.ts';
import { ALLOW_ORIGIN_FAILURES, NO_RESPONSE, OTHER_FAILURES } from '../../format/firefox-reason-names.ts';
import type { StepPrediction } from './prediction.ts';
import { failedCheck, type Check } from './trace.ts';

const ALLOW_ORIGIN = 'access-control-allow-origin';

/** The value of a header a failed check looked at (null: absent). */
const checkedValue = (failed: Check | undefined, name: string): string | null =>
  failed?.headers.find(([header]) => header.toLowerCase() === name)?.[1] ?? null;

/** The request whose answer the failed check read (a cached answer: none in this step). */
const answerChecked = (step: StepPrediction, failed: Check | undefined) => {
  const kind = failed?.stage === 'preflight' ? 'preflight' : 'actual';
  return step.requests.findLast((r) => r.hop === failed?.hop && r.kind === kind);
};

/** What Firefox says for a failed Access-Control-Allow-Origin check: by the value and the lines it saw. */
function allowOriginReason(step: StepPrediction): FirefoxReason {
  const failed = failedCheck(step.checks);
  const value = checkedValue(failed, ALLOW_ORIGIN);
  const answer = answerChecked(step, failed)?.responseHeaders;
  // An empty value from the network "does not match ‘’"; from Firefox's HTTP cache it is missing, the cached answer
  // keeps no empty line (measured in Firefox 153: test/probes/wpt-third-cases.ts, cache-poisoning-no-cors-first).
  if (value === null || (value === '' && answer === undefined)) return 'CORSMissingAllowOrigin';
  const lines = answer?.filter(([name]) => name.toLowerCase() === ALLOW_ORIGIN).length ?? 1;
  // Two lines (simple-get-two-acao-lines); one line holding a list is a mismatch (simple-get-acao-list).
  return lines > 1 ? 'CORSMultipleAllowOriginNotAllowed' : 'CORSAllowOriginNotMatchingOrigin';
}

/** Firefox's reason for one step the model predicted; null where Firefox prints no CORS line. */
export function firefoxReason(step: StepPrediction, corsMode: boolean): FirefoxReason | null {
  const reason = step.reason;
  if (reason === null || step.outcome !== 'blocked') return null;
  if (ALLOW_ORIGIN_FAILURES.has(reason)) return allowOriginReason(step);
  if (NO_RESPONSE.has(reason)) return corsMode ? 'CORSDidNotSucceed' : null;
  // A preflight answered by a redirect is checked for Access-Control-Allow-Origin first (measured: probe-status-363).
  if (reason === 'PreflightDisallowedRedirect') {
    const failed = failedCheck(step.checks);
    const lines = answerChecked(step, failed)?.responseHeaders;
    if (lines && !lines.some(([name]) => name.toLowerCase() === ALLOW_ORIGIN)) return 'CORSMissingAllowOrigin';
  }
  return OTHER_FAILURES[reason] ?? null;
}

/**
 * The value Firefox's words name (`%` in firefox-reasons.ts), from the model's step in Chromium's terms. Firefox
 * decodes the header's bytes as UTF-8: a byte beyond ASCII alone (the lab sends values as latin1) prints as U+FFFD
 * (measured in Firefox 153: test/probes/wpt-third-cases.ts).
 */
export function firefoxValue(step: StepPrediction, reason: FirefoxReason | null): string | null {
  return asFirefoxPrints(wordedValue(step, reason));
}

/**
 * Firefox names the list element that is no token, not the whole value: `PATCH, é` → `é` (measured:
 * probe-more-methods-64); a value whose elements are all tokens (an empty one) as it is.
 */
function invalidToken(value: string | null): string | null {
  if (value === null) return null;
  return value.split(',').map((element) => element.trim()).find((element) => element !== '' && !TOKEN.test(element)) ?? value;
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

function asFirefoxPrints(value: string | null): string | null {
  return value?.replace(/[^\x00-\x7f]/g, '\uFFFD') ?? null;
}

function wordedValue(step: StepPrediction, reason: FirefoxReason | null): string | null {
  const failed = failedCheck(step.checks);
  switch (reason) {
    case 'CORSAllowOriginNotMatchingOrigin':
      return checkedValue(failed, ALLOW_ORIGIN);
    case 'CORSMissingAllowHeaderFromPreflight':
      return step.failedParameter;
    case 'CORSInvalidAllowMethod':
      return invalidToken(checkedValue(failed, 'access-control-allow-methods'));
    case 'CORSInvalidAllowHeader':
      return invalidToken(checkedValue(failed, 'access-control-allow-headers'));
    default:
      return null;
  }
}

/**
 * The "Status code" Firefox adds: the checked answer's status for a missing Access-Control-Allow-Origin
 * and a failed preflight (an answer from the HTTP cache: the status it was stored with), "(null)" with
 * no answer at all.
 */
export function statusCode(steps: readonly StepPrediction[], i: number, reason: FirefoxReason): string | null {
  if (reason === 'CORSDidNotSucceed') return '(null)';
  if (reason !== 'CORSMissingAllowOrigin' && reason !== 'CORSPreflightDidNotSucceed') return null;
  const step = steps[i];
  if (!step) return null;
  const failed = failedCheck(step.checks);
  const earlier = steps.slice(0, i).flatMap((s) => s.requests);
  const answer = answerChecked(step, failed) ?? earlier.findLast((r) => r.kind === 'actual');
  return answer ? String(answer.status) : null;
}

/**
 * What Firefox says for a step the model predicted in Chromium's flow (explain.ts shows it beside
 * Chromium's line): its reason and console line, taking the request as a CORS one. Where Firefox's
 * flow differs (DEVIATIONS.md), predictFirefox and firefoxConsoleLines tell the truth.
 */
export function firefoxLineOf(step: StepPrediction, url: string): { reason: FirefoxReason; line: string } | null {
  const reason = step.outcome === 'blocked' ? firefoxReason(step, true) : null;
  if (reason === null) return null;
  const at = step.requests.at(-1)?.url ?? url;
  const line = firefoxConsoleLine(reason, at, firefoxValue(step, reason) ?? '', statusCode([step], 0, reason));
  return { reason, line };
}

