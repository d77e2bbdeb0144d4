/**
 * `cors-lab`, the library: the same modules the CLI uses, as a small surface.
 */
import type { Browser } from 'playwright-core';
import { predictExperimentAsync } from '../experiments/model/predict.ts';
import type { StepPrediction } from '../experiments/model/prediction.ts';
import type { ExperimentInput } from '../experiments/schema.ts';
import { validateExperiments } from '../experiments/validate.ts';
import { DEFAULT_PORT_BASE, originMap, originsAtPortBase, type OriginMap } from '../servers/origins.ts';
import { probe as probeIn, type ProbeOptions, type ProbeResult } from '../probe/probe.ts';
import { launchChromium } from '../runner/launch.ts';

export { startLab, LabStartError, type Lab, type LabOptions } from '../servers/lab.ts';
export { runExperiments, DEFAULT_CONCURRENCY, type RunOptions, type Predictor } from '../runner/run-experiments.ts';
export { explain, type Explanation, type ExplainContext } from '../experiments/model/explain.ts';
export { launchChromium } from '../runner/launch.ts';
export { findChromium, BrowserNotFoundError, CHROMIUM_PATH_ENV } from '../runner/find-browser.ts';
export { loadExperimentFiles } from '../experiments/load-files.ts';
export { validateExperiments, ExperimentError } from '../experiments/validate.ts';
export { catalog } from '../experiments/catalog/index.ts';
export { ProbeInputError } from '../probe/probe.ts';
export { probeReport } from '../probe/probe-text.ts';
export type { ProbeOptions, ProbeRequest, ProbeResult, Cause } from '../probe/probe.ts';
export type { WireResponse } from '../probe/network-watch.ts';
export type { AddressSpace } from '../probe/address-space.ts';
export type { Experiment, ExperimentInput, Expectation, ServerPlan } from '../experiments/schema.ts';
export type { ExperimentResult, Observation, Prediction, RunReport, StepResult } from '../runner/observed.ts';
export type { StepPrediction } from '../experiments/model/prediction.ts';
export type { Outcome, Reason } from '../experiments/reasons.ts';
export type { LabOrigin, OriginMap, OriginName } from '../servers/origins.ts';
export type { HeaderLines, HeaderMap } from '../experiments/headers.ts';

/**
 * The model's prediction for an experiment and each of its `then` steps,
 * without a browser. The experiment is validated first (ExperimentError
 * names the JSON path); origins default to the lab's default port block.
 * Asynchronous because a `server.middleware` (hono/cors, Express `cors`) is
 * run for real, as the lab's servers run it, so the prediction never rests
 * on a re-implementation of the middleware.
 */
export async function predict(experiment: ExperimentInput, origins: OriginMap = originMap(originsAtPortBase(DEFAULT_PORT_BASE))): Promise<StepPrediction[]> {
  const [valid] = validateExperiments(experiment, 'predict()');
  return valid ? predictExperimentAsync(valid, origins) : [];
}

/**
 * A real request from a page on `options.origin` to `options.url`, in
 * headless Chromium. Pass a browser to reuse it; without one, a Chromium is
 * launched for this call (found as the CLI finds it) and closed after.
 */
export async function probe(options: ProbeOptions, browser?: Browser): Promise<ProbeResult> {
  if (browser) return probeIn(options, browser);
  const own = await launchChromium();
  try {
    return await probeIn(options, own);
  } finally {
    await own.close();
  }
}
