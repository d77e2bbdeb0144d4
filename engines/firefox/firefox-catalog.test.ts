/**
 * Every catalog experiment (and README example) that applies to Firefox, run in real Firefox through the driver
 * (firefox-browser.ts), step by step, against the model for Firefox (experiments/model/engine-firefox.ts):
 * outcome, reason, console line and what the servers received must be what the model predicts, and
 * what the experiment expects of Firefox (`expect` with `expect.engines.firefox`). A thin harness
 * until the one step engine (engines/) runs these through `cors-lab run --browser firefox`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import {
  appliesTo, browserOf, pageOf, type BrowserSettings, type Expectation, type Experiment,
} from '../../experiments/schema.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import { firefoxConsoleLines, predictFirefox } from '../../experiments/model/engine-firefox.ts';
import { serverView } from '../../experiments/server-view.ts';
import { validateExperiments } from '../../experiments/validate.ts';
import { compareExpectation } from '../../runner/compare.ts';
import { runnerUrl } from '../../plan/page-origin.ts';
import { experimentSteps, stepRequest } from '../steps.ts';
import { startLab, type Lab } from '../../servers/lab.ts';
import { originMap, type OriginMap } from '../../plan/origins.ts';
import { paced } from '../../test/pace/machine-pace.ts';
import type { EngineBrowser, EngineSession, EngineTab } from '../engine.ts';
import { launchFirefox } from './firefox-browser.ts';

const experiments = catalog.filter((e) => appliesTo(e, 'firefox'));

/** README.md's experiment examples (its ```json blocks that are no run report), named by their line. */
function readmeExperiments(): Array<{ title: string; experiment: Experiment }> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  return [...readme.matchAll(/^```json\n([\s\S]*?)^```$/gm)].flatMap((block) => {
    const source = `README.md:${readme.slice(0, block.index).split('\n').length}`;
    const value: unknown = JSON.parse(block[1] ?? '');
    if (typeof value === 'object' && value !== null && 'results' in value) return [];
    return validateExperiments(value, source)
      .filter((experiment) => appliesTo(experiment, 'firefox'))
      .map((experiment) => ({ title: `${source} ${experiment.id}`, experiment }));
  });
}

/** One session and its tabs (one per runner page), running one experiment at a time. */
interface Slot {
  session: EngineSession;
  tabs: Map<string, EngineTab>;
}

/** Sessions of one browser, handed out one experiment at a time. */
class Pool {
  readonly #free: Slot[] = [];
  readonly #waiting: Array<(slot: Slot) => void> = [];
  #opened = 0;

  constructor(readonly browser: Promise<EngineBrowser>) {}

  async take(): Promise<Slot> {
    const free = this.#free.pop();
    if (free) return free;
    const browser = await this.browser;
    if (this.#opened < browser.sessionsAtOnce) {
      this.#opened++;
      return { session: await browser.newSession(), tabs: new Map() };
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  give(slot: Slot): void {
    const next = this.#waiting.shift();
    if (next) next(slot);
    else this.#free.push(slot);
  }
}

let lab: Lab;
let origins: OriginMap;
const pools = new Map<BrowserSettings['thirdPartyCookies'], Pool>();

/** A browser per third-party cookie setting (a profile preference), launched when first needed. */
function poolFor(experiment: Experiment): Pool {
  const cookies = browserOf(experiment).thirdPartyCookies;
  let pool = pools.get(cookies);
  if (!pool) {
    pool = new Pool(launchFirefox({ thirdPartyCookies: cookies }));
    pools.set(cookies, pool);
  }
  return pool;
}

async function tabFor(slot: Slot, url: string): Promise<EngineTab> {
  let tab = slot.tabs.get(url);
  if (!tab) {
    tab = await slot.session.openTab(url);
    slot.tabs.set(url, tab);
  }
  return tab;
}

/** What the model and Firefox must agree on: the outcome, Firefox's reason and what the servers received. */
const COMPARED = [
  'outcome', 'reason', 'preflight', 'reachedServer', 'originSeen', 'requestHeadersSeen', 'cookieSent', 'status',
] as const;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The expectation for Firefox: `expect.engines.firefox` over `expect`, whose Chromium reason does not apply. */
function firefoxExpectation(expectation: Expectation | undefined): Expectation | undefined {
  if (!expectation) return undefined;
  const { engines, reason: _chromiumReason, ...shared } = expectation;
  return { ...shared, ...engines?.firefox } as Expectation;
}

/** Runs every step of one experiment in a slot; returns the differences, one line each. */
async function runInFirefox(experiment: Experiment, slot: Slot): Promise<string[]> {
  const run = lab.newRunId();
  const url = experimentUrl(experiment, origins, run);
  const finalHop = experiment.server?.redirects?.length ?? 0;
  const steps = experimentSteps(experiment);
  await slot.session.clearCookies();
  const predictions = await predictFirefox(experiment, origins, run);
  const lines = firefoxConsoleLines(predictions, url);
  const differences: string[] = [];
  for (const [i, step] of steps.entries()) {
    if (step.delayMs > 0) await sleep(step.delayMs);
    const tab = await tabFor(slot, runnerUrl(step.page, origins));
    const since = lab.journal.read(run).entries.length;
    const { seen, verdict } = await tab.run(stepRequest(step, url), `/__cl/${run}/`);
    const { entries } = lab.journal.read(run, since);
    const observed = {
      outcome: seen.outcome, reason: verdict.reason, failedParameter: null, ...serverView(entries, finalHop),
      status: seen.status, responseType: seen.responseType, readableHeaders: seen.readableHeaders,
      console: verdict.console, pageError: seen.error, serverSaw: entries,
    };
    const predicted = predictions[i];
    const prefix = i === 0 ? '' : `then[${i - 1}].`;
    if (!predicted) throw new Error(`${experiment.id}: the model predicted no step ${i}`);
    for (const field of COMPARED) {
      if (predicted[field] !== observed[field]) {
        const [want, got] = [JSON.stringify(predicted[field]), JSON.stringify(observed[field])];
        differences.push(`${prefix}${field}: predicted ${want}, observed ${got}`);
      }
    }
    // The console line, verbatim (an allowed step, or a block that is no CORS failure, prints none).
    if ((lines[i] ?? null) !== observed.console) {
      const [want, got] = [JSON.stringify(lines[i]), JSON.stringify(observed.console)];
      differences.push(`${prefix}console: predicted ${want}, observed ${got}`);
    }
    const expectation = firefoxExpectation(step.expect);
    differences.push(...compareExpectation(expectation, observed, { page: step.page, origins }, prefix));
  }
  return differences;
}

describe('the catalog in Firefox', () => {
  beforeAll(async () => {
    lab = await startLab();
    origins = originMap(lab.origins);
  }, paced(30_000));

  afterAll(async () => {
    await Promise.all([...pools.values()].map(async (pool) => (await pool.browser).close()));
    await lab?.close();
  }, paced(30_000));

  it('leaves out only the experiments that declare other engines (Local Network Access)', () => {
    const left = catalog.filter((e) => !appliesTo(e, 'firefox'));
    expect(left.length).toBeGreaterThan(0);
    for (const e of left) expect(e.engines, e.id).not.toContain('firefox');
    expect(experiments.length + left.length).toBe(catalog.length);
  });

  const cases = [...experiments.map((experiment) => ({ title: experiment.id, experiment })), ...readmeExperiments()];
  for (const { title, experiment } of cases) {
    it.concurrent(title, async () => {
      const pool = poolFor(experiment);
      const slot = await pool.take();
      try {
        expect(await runInFirefox(experiment, slot)).toEqual([]);
      } finally {
        pool.give(slot);
      }
    }, paced(120_000));
  }
});
