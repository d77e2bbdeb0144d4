/**
 * What the bare floor does (chromium-floor.mjs), derived from the experiments' own steps (engines/steps.ts), so the
 * floor follows the catalog without a hand-kept list: per step, its api and what decides the browser's work for it
 * (the page origin it runs on, the origin it asks, method, headers, body, mode, credentials, the element's
 * `crossorigin`, a popup's `noopener`, a message's way); per experiment, what its semantics need of the browser
 * (a runner page of its own when it has page headers, a cookie jar cleared when it sets cookies, the Local Network
 * Access permission, a browser of its own when it allows third-party cookies).
 *
 * Not carried over, because it is lab logic or the servers' plan, not the browser's work: what each server answers
 * (the floor's server answers every request permissively), redirects, the model, the journal, CDP, and `delayMs`
 * (a wait, not work: the runner gives its slot up meanwhile).
 */
import { browserOf, type BrowserSettings } from '../../format/format-defaults.ts';
import { contentTypeOf, formEnctype, formFields } from '../../format/form-and-beacon.ts';
import { headerLines, type HeaderLines } from '../../format/headers.ts';
import type { OriginName } from '../../format/origin-names.ts';
import { appliesTo, type Experiment } from '../../format/schema.ts';
import type { EngineName } from '../../engines/engine.ts';
import { experimentSteps } from '../../engines/steps.ts';
import { setsCookies } from '../../runner/run-experiments.ts';
import type { StepRequest } from '../../runner-page/step.ts';
import { SANDBOX_HOST } from '../../format/format-defaults.ts';

export interface FloorStep {
  api: StepRequest['api'];
  /** The origin whose page runs the step. */
  page: OriginName;
  /** The opaque-origin page (`null`): that origin's page, sandboxed. */
  sandboxed: boolean;
  /** The origin the step asks. */
  target: OriginName;
  method: string;
  headers: HeaderLines;
  body: string | null;
  mode: StepRequest['mode'];
  credentials: StepRequest['credentials'];
  crossorigin?: string;
  noopener?: boolean;
  /** postMessage: through a frame (absent) or a popup. */
  via?: 'window-open';
  /** form: its encoding and fields; beacon: its body's type. */
  enctype?: string;
  fields?: Array<[string, string]>;
  contentType?: string;
}

export interface FloorExperiment {
  steps: FloorStep[];
  /** Format 1.2 `pageHeaders`: the page is served with them, its own navigation. */
  pageHeaders: Record<string, string> | null;
  /** The experiment sets cookies: its context's jar is cleared before the next experiment there. */
  setsCookies: boolean;
  browser: BrowserSettings;
}

/** The floor's work for `experiments`, one entry per experiment, its steps in order. */
export function floorExperiments(experiments: readonly Experiment[]): FloorExperiment[] {
  return experiments.map((experiment) => ({
    steps: experimentSteps(experiment).map(({ page, request }): FloorStep => {
      const headers = headerLines(request.headers);
      const contentType = contentTypeOf(request.headers);
      return {
        api: request.api,
        page: page === 'null' ? SANDBOX_HOST : page,
        sandboxed: page === 'null',
        target: request.target,
        method: request.method,
        headers,
        body: request.body,
        mode: request.mode,
        credentials: request.credentials,
        ...(request.crossorigin === undefined ? {} : { crossorigin: request.crossorigin }),
        ...(request.noopener === undefined ? {} : { noopener: request.noopener }),
        ...(request.via === 'window-open' ? { via: request.via } : {}),
        ...(request.api === 'form' ? { enctype: formEnctype(request.headers), fields: formFields(request.body) } : {}),
        ...(request.api === 'beacon' && contentType !== undefined ? { contentType } : {}),
      };
    }),
    pageHeaders: Object.keys(experiment.pageHeaders ?? {}).length > 0 ? (experiment.pageHeaders ?? null) : null,
    setsCookies: setsCookies(experiment),
    browser: browserOf(experiment),
  }));
}

/**
 * An engine's floor's work: the experiments of `experiments` that apply to `engine` (format 1.2 `engines`: Local
 * Network Access is Chromium's), as the lab's run in that engine takes them, in their order.
 */
export const floorExperimentsFor = (engine: EngineName, experiments: readonly Experiment[]): FloorExperiment[] =>
  floorExperiments(experiments.filter((experiment) => appliesTo(experiment, engine)));

/** How many steps the floor runs for `experiments` (every step, `then` steps included). */
export const floorStepCount = (floor: readonly FloorExperiment[]): number =>
  floor.reduce((sum, e) => sum + e.steps.length, 0);
