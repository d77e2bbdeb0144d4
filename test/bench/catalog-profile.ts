/**
 * Where the Chromium catalog's time goes: a small profiling run of the headless runner (the path `npm run bench`
 * measures), per phase, per group and per api. Not a test: it measures, it does not judge.
 *
 *   tsx test/bench/catalog-profile.ts [--group NAME]... [--concurrency N] [--floor]
 *
 * `--floor`: then the bare floor over the same experiments (floor.ts), with its time per api.
 *
 * Phases, summed over the run's slots (they overlap in wall time, so the sums exceed it):
 *   set-up  lab start, browser launch, each browser context
 *   tab     a runner page opened or moved to (ChromiumTab.open / moveTo: CDP attach and navigation)
 *   context clearing cookies and granting permissions between runs
 *   page    a step in the page, from the request sent to the page's answer (popups closed included)
 *   cdp     the wait for Chromium's own events once the page has answered (CdpWatch.settle)
 *   journal reading what the origins received (in-process)
 *   model   the model's prediction, and its timing re-checks
 * The profile wraps the runner's classes from outside (their prototypes), so nothing of the runner changes for it.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BrowserContext } from 'playwright-core';
import { catalog } from '../../experiments/catalog/index.ts';
import { predictExperimentAsync } from '../../experiments/model/predict.ts';
import type { Experiment } from '../../format/schema.ts';
import { CdpWatch } from '../../runner/cdp-watch.ts';
import { ChromiumTab } from '../../runner/chromium-tab.ts';
import { launchChromium } from '../../runner/launch.ts';
import { runExperiments, type Predictor } from '../../runner/run-experiments.ts';
import { experimentSteps } from '../../engines/steps.ts';
import { startLab } from '../../servers/lab.ts';
import { floorMs } from './floor.ts';

export const PHASES = ['set-up', 'tab', 'context', 'page', 'cdp', 'journal', 'model'] as const;
export type Phase = (typeof PHASES)[number];

export interface Profile {
  wallMs: number;
  passed: number;
  total: number;
  /** Milliseconds per phase, summed over the slots. */
  phases: Record<Phase, number>;
  /** Per api: steps run, and their page and CDP milliseconds. */
  apis: Map<string, { steps: number; pageMs: number; cdpMs: number }>;
  /** Per group: experiments, and the sum of their runs' seconds. */
  groups: Map<string, { experiments: number; seconds: number }>;
}

/** Times every call of `object[name]` into `add`; returns the undo. */
function timed<T extends object>(
  object: T,
  name: keyof T & string,
  add: (ms: number, args: unknown[]) => void,
): () => void {
  const original = object[name] as unknown as (...args: unknown[]) => Promise<unknown>;
  const wrapped = async function (this: unknown, ...args: unknown[]): Promise<unknown> {
    const started = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      add(performance.now() - started, args);
    }
  };
  Object.assign(object, { [name]: wrapped });
  return () => void Object.assign(object, { [name]: original });
}

/** Runs `experiments` once in headless Chromium, as the bench does, and profiles it. */
export async function profileCatalog(experiments: readonly Experiment[], concurrency?: number): Promise<Profile> {
  const phases = Object.fromEntries(PHASES.map((p) => [p, 0])) as Record<Phase, number>;
  const apis: Profile['apis'] = new Map();
  const add = (phase: Phase) => (ms: number): void => void (phases[phase] += ms);
  const api = (args: unknown[]): { steps: number; pageMs: number; cdpMs: number } => {
    const name = (args[0] as { api: string }).api;
    const found = apis.get(name) ?? { steps: 0, pageMs: 0, cdpMs: 0 };
    apis.set(name, found);
    return found;
  };
  // The CDP wait happens inside a step: it is taken out of the step's page time.
  let settling = 0;
  const undo = [
    timed(ChromiumTab, 'open', add('tab')),
    timed(ChromiumTab.prototype, 'moveTo', add('tab')),
    timed(CdpWatch.prototype, 'settle', (ms) => void ((phases.cdp += ms), (settling = ms))),
    timed(ChromiumTab.prototype, 'run', (ms, args) => {
      const of = api(args);
      of.steps++;
      of.cdpMs += settling;
      of.pageMs += ms - settling;
      phases.page += ms - settling;
    }),
  ];
  const started = performance.now();
  try {
    const lab = await startLab({ clientDir: null });
    const journalRead = lab.journal.read.bind(lab.journal);
    lab.journal.read = (...args) => {
      const at = performance.now();
      const read = journalRead(...args);
      phases.journal += performance.now() - at;
      return read;
    };
    const browser = await launchChromium(lab.origins);
    phases['set-up'] += performance.now() - started;
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (...args) => {
      const at = performance.now();
      const context: BrowserContext = await newContext(...args);
      phases['set-up'] += performance.now() - at;
      timed(context, 'clearCookies', add('context'));
      timed(context, 'grantPermissions', add('context'));
      timed(context, 'clearPermissions', add('context'));
      return context;
    };
    const predict: Predictor = async (e, o, run, clock) => {
      const at = performance.now();
      const predicted = await predictExperimentAsync(e, o, run, 'en', clock);
      phases.model += performance.now() - at;
      return predicted;
    };
    const report = await runExperiments(experiments, lab, browser, {
      browserKnowsPublic: true, predict, ...(concurrency ? { concurrency } : {}),
    });
    await Promise.all([browser.close(), lab.close()]);
    const groups: Profile['groups'] = new Map();
    for (const result of report.results) {
      const found = groups.get(result.group) ?? { experiments: 0, seconds: 0 };
      groups.set(result.group, { experiments: found.experiments + 1, seconds: found.seconds + result.seconds });
    }
    for (const result of report.results.filter((r) => !r.pass)) {
      console.log(`  failed: ${result.id}: ${result.mismatches.join('; ')}`);
    }
    const { passed, total } = report.summary;
    return { wallMs: performance.now() - started, passed, total, phases, apis, groups };
  } finally {
    for (const restore of undo) restore();
  }
}

/** The profile as lines of text. */
export function profileLines(profile: Profile): string[] {
  const ms = (value: number): string => `${value.toFixed(0).padStart(7)} ms`;
  const lines = [
    `${profile.total} experiments, ${profile.passed} passed, wall ${ms(profile.wallMs)}`,
    'per phase (summed over slots):',
  ];
  for (const phase of PHASES) lines.push(`  ${phase.padEnd(8)} ${ms(profile.phases[phase])}`);
  lines.push('per api (steps, page time, CDP wait):');
  for (const [name, of] of [...profile.apis].sort((a, b) => b[1].pageMs + b[1].cdpMs - a[1].pageMs - a[1].cdpMs)) {
    lines.push(`  ${name.padEnd(12)} ${String(of.steps).padStart(4)} steps ${ms(of.pageMs)} ${ms(of.cdpMs)}`);
  }
  lines.push('per group (experiments, sum of their runs):');
  for (const [name, of] of [...profile.groups].sort((a, b) => b[1].seconds - a[1].seconds)) {
    lines.push(`  ${name.padEnd(22)} ${String(of.experiments).padStart(4)} ${ms(of.seconds * 1000)}`);
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const options = {
    group: { type: 'string', multiple: true }, concurrency: { type: 'string' }, floor: { type: 'boolean' },
  } as const;
  const { values } = parseArgs({ options });
  const groups = new Set(catalog.map((e) => e.group));
  for (const group of values.group ?? []) {
    if (!groups.has(group)) {
      throw new Error(`--group: unknown group ${JSON.stringify(group)}; groups: ${[...groups].join(', ')}`);
    }
  }
  if (values.concurrency !== undefined && !/^[1-9]\d*$/.test(values.concurrency)) {
    throw new Error(`--concurrency: expected a whole number from 1, got ${JSON.stringify(values.concurrency)}`);
  }
  const chosen = values.group ? catalog.filter((e) => values.group?.includes(e.group)) : catalog;
  const steps = chosen.reduce((sum, e) => sum + experimentSteps(e).length, 0);
  console.log(`profiling ${chosen.length} experiments (${steps} steps) in headless Chromium`);
  const profile = await profileCatalog(chosen, values.concurrency ? Number(values.concurrency) : undefined);
  for (const line of profileLines(profile)) console.log(line);
  if (values.floor) {
    // Right after, so both see about the same load: the bare floor's own time per api (floor.ts).
    const floor = floorMs('chromium', chosen, { profile: true });
    console.log(`bare floor: ${(floor / 1000).toFixed(2)} s; catalog / floor ${(profile.wallMs / floor).toFixed(2)}x`);
  }
}
