/**
 * The model for Firefox. Firefox runs the same Fetch standard checks as Chromium, so the model's
 * prediction holds for it but for: the flow differences in FIREFOX_RULES (predict the experiment
 * with them), and the words: Firefox's reasons are MDN's names (experiments/firefox-reasons.ts),
 * fewer than Chromium's, and it says nothing where Chromium names a `net::` error or a blocked
 * reason of its own. Each difference is measured in Firefox 153 ESR and listed, with the
 * experiment that shows it, in DEVIATIONS.md ("Firefox").
 */
import { resolveRequest } from '../format-defaults.ts';
import type { Experiment } from '../schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { firefoxConsoleLine, isFirefoxReason, type FirefoxReason } from '../firefox-reasons.ts';
import { FIREFOX_CORP_REASON, firefoxCorpLine, isChromiumCorpReason, isFirefoxCorpReason } from '../firefox-corp.ts';
import { isFirefoxFrameReason } from '../firefox-frame-lines.ts';
import { ALLOW_ORIGIN_FAILURES, NO_RESPONSE, OTHER_FAILURES } from '../firefox-reason-names.ts';
import { serializedPageOrigin } from '../../plan/page-origin.ts';
import { firefoxFrameConsole, firefoxFrameWords } from './frame-refusal-lines.ts';
import type { EngineRules } from './engine-rules.ts';
import { predictExperimentAsync } from './predict.ts';
import type { StepPrediction } from './prediction.ts';
import { failedCheck, type Check } from './trace.ts';
import { firefoxCspLine, firefoxCspReason } from './csp-firefox.ts';

/** Measured in Firefox 153 ESR with `network.cookie.cookieBehavior` 1 or 0 (engines/firefox/firefox-browser.ts). */
export const FIREFOX_RULES: EngineRules = {
  preflightEveryHopOnceNeeded: true,
  redirectedPreflightOrigin: 'page',
  emptyLocation: 'follow',
  cachesOpaqueOriginPreflight: true,
  credentialedEntryServesUncredentialed: false,
  cachedWildcardCoversNewHeaders: false,
  unsetSameSite: 'none',
  partitionedWhenThirdPartyBlocked: false,
  // errors-muted-for-no-cors-script: a no-cors script's errors reach onerror in full (page-rules.ts).
  pagePolicies: {
    coepCredentialless: true, sharedArrayBufferWhenIsolated: true, mutesCrossOriginScriptErrors: false,
  },
  // mixed-content-lax-cookie-https-page-to-http-api: an https page and an http API on localhost are one site.
  schemefulSameSite: false,
};

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
  // An empty value is no value (cache-poisoning-no-cors-first).
  if (value === null || value === '') return 'CORSMissingAllowOrigin';
  const answer = answerChecked(step, failed)?.responseHeaders;
  const lines = answer?.filter(([name]) => name.toLowerCase() === ALLOW_ORIGIN).length ?? 1;
  // Two lines (simple-get-two-acao-lines); one line holding a list is a mismatch (simple-get-acao-list).
  return lines > 1 ? 'CORSMultipleAllowOriginNotAllowed' : 'CORSAllowOriginNotMatchingOrigin';
}

/** Firefox's reason for one step the model predicted; null where Firefox prints no CORS line. */
function firefoxReason(step: StepPrediction, corsMode: boolean): FirefoxReason | null {
  const reason = step.reason;
  if (reason === null || step.outcome !== 'blocked') return null;
  if (ALLOW_ORIGIN_FAILURES.has(reason)) return allowOriginReason(step);
  if (NO_RESPONSE.has(reason)) return corsMode ? 'CORSDidNotSucceed' : null;
  return OTHER_FAILURES[reason] ?? null;
}

/** The value Firefox's words name (`%` in firefox-reasons.ts), from the model's step in Chromium's terms. */
function firefoxValue(step: StepPrediction, reason: FirefoxReason | null): string | null {
  const failed = failedCheck(step.checks);
  switch (reason) {
    case 'CORSAllowOriginNotMatchingOrigin':
      return checkedValue(failed, ALLOW_ORIGIN);
    case 'CORSMissingAllowHeaderFromPreflight':
      return step.failedParameter;
    case 'CORSInvalidAllowMethod':
      return checkedValue(failed, 'access-control-allow-methods');
    case 'CORSInvalidAllowHeader':
      return checkedValue(failed, 'access-control-allow-headers');
    default:
      return null;
  }
}

/**
 * The model's predictions made with FIREFOX_RULES (predictFirefox), in Firefox's words:
 * `failedParameter` is the value Firefox's console line names, if any.
 */
export function firefoxPredictions(
  experiment: Experiment,
  predictions: StepPrediction[],
  /** Each step's page origin, serialized: a refused frame's words name what refused it (frame-refusal-lines.ts). */
  pageOrigins: readonly string[] = [],
): StepPrediction[] {
  return predictions.map((step, i) => {
    const request = resolveRequest(experiment.request, i === 0 ? undefined : experiment.then?.[i - 1]?.request);
    const corsMode = request.api === 'xhr' || request.mode === 'cors';
    // The page's own policy refused it before sending (csp-firefox.ts).
    if (step.refusedByCsp) {
      const reason = firefoxCspReason(request.api, step.refusedByCsp);
      return { ...step, reason, failedParameter: reason ? step.refusedByCsp.written : null };
    }
    // A CORP refusal is no CORS failure: Firefox says it in a line of its own (firefox-corp.ts).
    if (step.outcome === 'blocked' && step.reason !== null && isChromiumCorpReason(step.reason)) {
      return { ...step, reason: FIREFOX_CORP_REASON, failedParameter: null };
    }
    const unseen = step.unseenFailure;
    if (unseen) {
      // A beacon's CORS failure, which its page never sees (sending.ts): Firefox prints its line all the same
      // (measured: beacon-json-blob-wildcard), so the failure is kept in Firefox's words; the reason stays null.
      const judged: StepPrediction = { ...step, outcome: 'blocked', ...unseen };
      const said = firefoxReason(judged, corsMode);
      const { unseenFailure: _inChromiumWords, ...rest } = step;
      if (said === null) return rest;
      return { ...rest, unseenFailure: { reason: said, failedParameter: firefoxValue(judged, said) } };
    }
    const reason = firefoxReason(step, corsMode);
    const frame = reason === null ? firefoxFrameWords(step, pageOrigins[i]) : null;
    if (frame) return { ...step, reason: frame.reason, failedParameter: frame.value };
    return { ...step, reason, failedParameter: firefoxValue(step, reason) };
  });
}

/**
 * The "Status code" Firefox adds: the checked answer's status for a missing Access-Control-Allow-Origin
 * and a failed preflight (an answer from the HTTP cache: the status it was stored with), "(null)" with
 * no answer at all.
 */
function statusCode(steps: readonly StepPrediction[], i: number, reason: FirefoxReason): string | null {
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

/** The console line Firefox prints for each step of predictFirefox's steps (null: none). `url`: the run's URL. */
export function firefoxConsoleLines(steps: readonly StepPrediction[], url: string): Array<string | null> {
  return steps.map((step, i) => {
    if (step.refusedByCsp) return firefoxCspLine(step.refusedByCsp);
    if (step.outcome === 'blocked' && step.reason !== null && isFirefoxFrameReason(step.reason)) {
      return firefoxFrameConsole(step, step.reason);
    }
    // A beacon's failure the page never sees (firefoxPredictions keeps it in Firefox's words).
    const { reason, failedParameter } = step.unseenFailure ?? step;
    const failing = step.outcome === 'blocked' || step.unseenFailure !== undefined;
    const at = step.requests.at(-1)?.url ?? url;
    if (failing && reason !== null && isFirefoxCorpReason(reason)) return firefoxCorpLine(at);
    if (!failing || reason === null || !isFirefoxReason(reason)) return null;
    return firefoxConsoleLine(reason, at, failedParameter ?? '', statusCode(steps, i, reason));
  });
}

/** Predicts the experiment for Firefox: its flow (FIREFOX_RULES) and its words. */
export async function predictFirefox(
  experiment: Experiment,
  origins: OriginMap,
  run: string,
  clock?: readonly number[],
): Promise<StepPrediction[]> {
  const flow = await predictExperimentAsync(experiment, origins, run, 'en', clock, FIREFOX_RULES);
  const pages = [experiment.page, ...(experiment.then ?? []).map((step) => step.page ?? experiment.page)];
  return firefoxPredictions(experiment, flow, pages.map((page) => serializedPageOrigin(page, origins)));
}
