/**
 * The model for Firefox. Firefox runs the same Fetch standard checks as Chromium, so the model's
 * prediction holds for it but for: the flow differences in FIREFOX_RULES (predict the experiment
 * with them), and the words: Firefox's reasons are MDN's names (format/firefox-reasons.ts),
 * fewer than Chromium's, and it says nothing where Chromium names a `net::` error or a blocked
 * reason of its own. Each difference is measured in Firefox 153 ESR and listed, with the
 * experiment that shows it, in DEVIATIONS.md ("Firefox").
 */
import { resolveRequest } from '../../format/format-defaults.ts';
import type { Experiment } from '../../format/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { firefoxConsoleLine, isFirefoxReason } from '../../format/firefox-reasons.ts';
import {
  FIREFOX_CORP_REASON, firefoxCorpLine, isChromiumCorpReason, isFirefoxCorpReason,
} from '../../format/firefox-corp.ts';
import { isFirefoxFrameReason } from '../../format/firefox-frame-lines.ts';
import { isFrameApi } from '../../format/frames.ts';
import { serializedPageOrigin } from '../../plan/page-origin.ts';
import { firefoxFrameConsole, firefoxFrameWords, firefoxIgnoredFrameOptions } from './frame-refusal-lines.ts';
import type { EngineRules } from './engine-rules.ts';
import { predictExperimentAsync } from './predict.ts';
import type { StepPrediction } from './prediction.ts';
import { firefoxReason, firefoxValue, statusCode } from './firefox-cors-words.ts';
import { wentCrossOrigin } from './step-origin.ts';
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
  // probe-more-lna-249: no Local Network Access; a public page's request reaches the loopback API.
  localNetworkAccess: false,
  // probe-more-redirect-location-186: "manual" gives the opaque-redirect response though the Location does not parse.
  locationBeforeRedirectMode: false,
  // probe-more-redirect-location-230: a CORS redirect to ws: is refused as any scheme that is not HTTP(S).
  socketSchemeRedirectIsUnknownScheme: false,
  // probe-more-cookies-140: a Set-Cookie of "=1" is refused.
  emptyNameRefused: true,
  // probe-safelist-37 (DPR), probe-more-headers-80 (Accept: é): preflighted.
  safelist: { clientHints: false, highBytesUnsafe: true },
  // probe-modes-528: a no-cors POST under referrerPolicy no-referrer says `Origin: null`.
  referrerPolicyNullsOrigin: true,
  // probe-cache-510: `Access-Control-Max-Age: abc` caches nothing.
  invalidMaxAgeCaches: false,
  // probe-modes-675: CORP same-site refuses a sandboxed page's no-cors load.
  corpOpaquePageHasPrecursorSite: false,
  // An element's CORS request to its own origin carries no Origin (the standard; Chromium and WebKit send one).
  corsElementAlwaysSendsOrigin: false,
  // probe-http-cache-655: a request without credentials does not get a credentialed request's cached answer.
  httpCacheKeyedByCredentials: true,
};

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
    // Firefox's CORS lines come from its CORS listener, which only a request that went to another origin has: a
    // same-origin request whose redirect fails says nothing (measured: probe-more-redirect-location-184, -189).
    const corsMode = (request.api === 'xhr' || request.mode === 'cors') && wentCrossOrigin(step, pageOrigins[i]);
    // The page's own policy refused it before sending (csp-firefox.ts).
    if (step.refusedByCsp) {
      const reason = firefoxCspReason(request.api, step.refusedByCsp);
      return { ...step, reason, failedParameter: reason ? step.refusedByCsp.written : null };
    }
    // A CORP refusal is no CORS failure: Firefox says it in a line of its own (firefox-corp.ts).
    if (step.outcome === 'blocked' && step.reason !== null && isChromiumCorpReason(step.reason)) {
      // A frame is a navigation: Firefox 153 refuses it under the page's COEP as a COEP failure
      // (NS_ERROR_DOM_COEP_FAILED, its frame then shows about:neterror?e=blockedByCOEP) and prints no line, whether the
      // framed answer lacks CORP or only COEP (measured: frames-coep-page-frames-plain-page, -without-coep).
      if (isFrameApi(request.api)) return { ...step, reason: null, failedParameter: null };
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
    const frame = reason === null ? firefoxFrameWords(step, pageOrigins[i]) ?? firefoxIgnoredFrameOptions(step) : null;
    if (frame) return { ...step, reason: frame.reason, failedParameter: frame.value };
    return { ...step, reason, failedParameter: firefoxValue(step, reason) };
  });
}

/** The console line Firefox prints for each step of predictFirefox's steps (null: none). `url`: the run's URL. */
export function firefoxConsoleLines(steps: readonly StepPrediction[], url: string): Array<string | null> {
  return steps.map((step, i) => {
    if (step.refusedByCsp) return firefoxCspLine(step.refusedByCsp);
    // A refused frame's line, or the warning for a frame rendered despite an unknown X-Frame-Options.
    if (step.reason !== null && isFirefoxFrameReason(step.reason)) {
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
