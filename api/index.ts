/**
 * `cors-lab`, the library: the same modules the CLI uses, as a small surface.
 */
import type { Browser } from 'playwright-core';
import { probe as probeIn, type ProbeOptions, type ProbeResult } from '../probe/probe.ts';
import { launchChromium } from '../runner/launch.ts';
import { LAUNCHERS } from '../runner/engine-launchers.ts';
import { probeInEngine } from '../probe/probe-in-engine.ts';
import { probeRequest } from '../probe/probe-options.ts';
import type { EngineProbeResult, OtherEngine } from '../probe/engine-probe-result.ts';

export { startLab, LabStartError, type Lab, type LabOptions } from '../servers/lab.ts';
export { runExperiments, DEFAULT_CONCURRENCY, type RunOptions, type Predictor } from '../runner/run-experiments.ts';
export { predict, explain, type Explanation, type ExplainContext } from './model.ts';
export { PredictInputError, type AnyOriginInput, type AnyOriginPrediction, type AnyOriginReason } from './model.ts';
export { launchChromium } from '../runner/launch.ts';
export { findChromium, BrowserNotFoundError, CHROMIUM_PATH_ENV } from '../runner/find-browser.ts';
export { loadExperimentFiles } from '../format/load-files.ts';
export { validateExperiments, ExperimentError } from '../format/validate.ts';
export { catalog } from '../experiments/catalog/index.ts';
export { ProbeInputError } from '../probe/probe.ts';
export { probeReport } from '../probe/probe-text.ts';
export type { ProbeOptions, ProbeRequest, ProbeResult, Cause, DecidedBy, LocalNetworkAccess } from '../probe/probe.ts';
export type { WireResponse } from '../runner/cdp-watch.ts';
export type { ThenStep } from '../probe/probe-options.ts';
export type { ThenResult } from '../probe/probe-result.ts';
export type { EngineProbeResult, EngineThenResult, OtherEngine } from '../probe/engine-probe-result.ts';
export type { EngineName } from '../engines/engine.ts';
export type { Hop, HopAnswer } from '../probe/redirect-chain.ts';
export type { Exposure } from '../probe/exposed-headers.ts';
export type { CookieSent } from '../probe/probe-cookies.ts';
export type { AddressSpace } from '../probe/address-space.ts';
export type { Experiment, ExperimentInput, Expectation, ServerPlan } from '../format/schema.ts';
export type { ExperimentResult, Observation, Prediction, RunReport, StepResult } from '../engines/run-result.ts';
export type { StepPrediction } from '../experiments/model/prediction.ts';
export type { Outcome, Reason } from '../format/reasons.ts';
export type { LabOrigin, OriginMap, OriginName } from '../plan/origins.ts';
export type { HeaderLines, HeaderMap } from '../format/headers.ts';

/**
 * A real request from a page on `options.origin` to `options.url`, in
 * headless Chromium. Pass a browser to reuse it; without one, a Chromium is
 * launched for this call (found as the CLI finds it) and closed after.
 * `browser: 'firefox' | 'webkit'` runs it in that engine through cors-lab's
 * driver (launched for this call): that engine's reason and console line;
 * the wire facts are Chromium's (`cannotTell` says which).
 */
export async function probe(options: ProbeOptions & { browser: OtherEngine }): Promise<EngineProbeResult>;
export async function probe(options: ProbeOptions & { browser?: 'chromium' }, browser?: Browser): Promise<ProbeResult>;
export async function probe(options: ProbeOptions, browser?: Browser): Promise<ProbeResult | EngineProbeResult>;
export async function probe(options: ProbeOptions, browser?: Browser): Promise<ProbeResult | EngineProbeResult> {
  if (options.browser === 'firefox' || options.browser === 'webkit') {
    // Bad input is refused before a browser starts; a missing engine throws its finder's message (what to install).
    probeRequest(options);
    const engine = await LAUNCHERS[options.browser]('blocked');
    try {
      return await probeInEngine(options, engine);
    } finally {
      await engine.close();
    }
  }
  if (browser) return probeIn(options, browser);
  const own = await launchChromium();
  try {
    return await probeIn(options, own);
  } finally {
    await own.close();
  }
}
