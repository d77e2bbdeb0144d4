/**
 * Every catalog experiment (and README example) that applies to WebKit, run in real WebKitGTK through the driver
 * (webkit-browser.ts), step by step, against the model for WebKit (experiments/model/engine-webkit.ts):
 * outcome, WebKit's reason, its console line verbatim and what the servers received must be what the
 * model predicts; the experiment's own `expect` (all but Chromium's reason) must hold too. A thin
 * harness until the one step engine (engines/) runs these through `cors-lab run --browser webkit`.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import {
  appliesTo, browserOf, type BrowserSettings, type Expectation, type Experiment,
} from '../../experiments/schema.ts';
import { experimentUrl, predictExperimentAsync } from '../../experiments/model/predict.ts';
import { WEBKIT_RULES, webkitPredictions } from '../../experiments/model/engine-webkit.ts';
import { compareExpectation } from '../../runner/compare.ts';
import { validateExperiments } from '../../experiments/validate.ts';
import { runnerUrl, serializedPageOrigin } from '../../plan/page-origin.ts';
import { startLab, type Lab } from '../../servers/lab.ts';
import { originMap, type OriginMap } from '../../plan/origins.ts';
import { paced } from '../../test/pace/machine-pace.ts';
import type { EngineBrowser, EngineSession, EngineTab } from '../engine.ts';
import { runSteps } from '../run-steps.ts';
import { experimentSteps } from '../steps.ts';
import { launchWebKit } from './webkit-browser.ts';

const experiments = catalog.filter((e) => appliesTo(e, 'webkit'));

/** README.md's experiment examples (its ```json blocks that are no run report), named by their line. */
function readmeExperiments(): Array<{ title: string; experiment: Experiment }> {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  return [...readme.matchAll(/^```json\n([\s\S]*?)^```$/gm)].flatMap((block) => {
    const source = `README.md:${readme.slice(0, block.index).split('\n').length}`;
    const value: unknown = JSON.parse(block[1] ?? '');
    if (typeof value === 'object' && value !== null && 'results' in value) return [];
    return validateExperiments(value, source)
      .filter((experiment) => appliesTo(experiment, 'webkit'))
      .map((experiment) => ({ title: `${source} ${experiment.id}`, experiment }));
  });
}

interface Slot {
  session: EngineSession;
  tabs: Map<string, EngineTab>;
}

/** Sessions of one browser, handed out one experiment at a time (a session runs one step at a time). */
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
let started = 0;

/** A browser per third-party cookie setting (the host's cookie policy), launched when first needed. */
function poolFor(experiment: Experiment): Pool {
  const cookies = browserOf(experiment).thirdPartyCookies;
  let pool = pools.get(cookies);
  if (!pool) {
    pool = new Pool(launchWebKit({ thirdPartyCookies: cookies }));
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

/** What the model and WebKit must agree on: the outcome, WebKit's reason and line, what the servers received. */
const COMPARED = [
  'outcome', 'reason', 'console', 'preflight', 'reachedServer', 'originSeen', 'requestHeadersSeen', 'cookieSent',
  'status',
] as const;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Facts of a step where WebKit's flow may differ from Chromium's (WEBKIT_RULES). */
const FLOW_FIELDS = [
  'outcome', 'preflight', 'reachedServer', 'originSeen', 'requestHeadersSeen', 'cookieSent', 'status', 'responseType',
] as const;

/** The experiments DEVIATIONS.md's WebKit section names: the ids in backticks in its table's last column. */
function documentedForWebKit(): Set<string> {
  const text = readFileSync(new URL('../../experiments/model/DEVIATIONS.md', import.meta.url), 'utf8');
  const section = text.split(/^## /m).find((part) => part.startsWith('WebKit')) ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  const lastCells = rows.map((line) => line.split('|').at(-2) ?? '');
  return new Set(lastCells.flatMap((cell) => [...cell.matchAll(/`([a-z0-9-]+)`/g)].map((match) => match[1] ?? '')));
}
const documented = documentedForWebKit();

/**
 * The experiment's expectation for WebKit: without Chromium's reason (WebKit's is held to the model above), and
 * without the facts where the model for WebKit differs from the model for Chromium (a documented deviation).
 */
function webkitExpectation(
  expectation: Expectation | undefined,
  deviating: readonly string[],
): Expectation | undefined {
  if (!expectation) return undefined;
  const { reason: _chromiumReason, ...shared } = expectation;
  return Object.fromEntries(Object.entries(shared).filter(([field]) => !deviating.includes(field))) as Expectation;
}

/** Runs the experiment through the one step loop (engines/run-steps.ts) in a WebKit session; its differences. */
async function runInWebKit(experiment: Experiment, slot: Slot): Promise<string[]> {
  const run = lab.newRunId();
  const url = experimentUrl(experiment, origins, run);
  await slot.session.clearCookies();
  const pageOrigins = experimentSteps(experiment).map((step) => serializedPageOrigin(step.page, origins));
  const flow = await predictExperimentAsync(experiment, origins, run, 'en', undefined, WEBKIT_RULES);
  const predictions = webkitPredictions(experiment, flow, pageOrigins);
  const chromium = await predictExperimentAsync(experiment, origins, run);
  const driver = {
    tab: (page: Experiment['page'] & string) => tabFor(slot, runnerUrl(page, origins)),
    journal: async (id: string, since: number) => lab.journal.read(id, since),
    pause: sleep,
  };
  const differences: string[] = [];
  // No predictions into the loop: its explanation speaks Chromium's words; WebKit's are compared here.
  for await (const { step, observed } of runSteps({ experiment, origins, run, url, predictions: [] }, driver)) {
    const predicted = predictions[step.index];
    if (!predicted) throw new Error(`${experiment.id}: the model predicted no step ${step.index}`);
    for (const field of COMPARED) {
      if (predicted[field] !== observed[field]) {
        const [want, got] = [JSON.stringify(predicted[field]), JSON.stringify(observed[field])];
        differences.push(`${step.path}${field}: predicted ${want}, observed ${got}`);
      }
    }
    const deviating = FLOW_FIELDS.filter((field) => chromium[step.index]?.[field] !== predicted[field]);
    if (deviating.length > 0 && !documented.has(experiment.id)) {
      const fields = deviating.join(', ');
      differences.push(`${step.path}${fields}: WebKit differs from Chromium; DEVIATIONS.md "WebKit" must name it`);
    }
    const expectation = webkitExpectation(step.expect, deviating);
    differences.push(...compareExpectation(expectation, observed, { page: step.page, origins }, step.path));
  }
  return differences;
}

describe('the catalog in WebKit', () => {
  beforeAll(async () => {
    lab = await startLab();
    origins = originMap(lab.origins);
    started = performance.now();
  }, paced(30_000));

  afterAll(async () => {
    // The catalog time in WebKit, for the README (a figure, never a verdict).
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`webkit catalog: ${experiments.length} experiments and the README's in ${seconds} s`);
    await Promise.all([...pools.values()].map(async (pool) => (await pool.browser).close()));
    await lab?.close();
  }, paced(60_000));

  it('leaves out only the experiments that declare other engines (Local Network Access)', () => {
    const left = catalog.filter((e) => !appliesTo(e, 'webkit'));
    expect(left.length).toBeGreaterThan(0);
    for (const e of left) expect(e.engines, e.id).not.toContain('webkit');
    expect(experiments.length + left.length).toBe(catalog.length);
  });

  it('DEVIATIONS.md names only catalog experiments in its WebKit section', () => {
    expect(documented.size).toBeGreaterThan(0);
    const ids = new Set(catalog.map((e) => e.id));
    expect([...documented].filter((id) => !ids.has(id))).toEqual([]);
  });

  const cases = [...experiments.map((experiment) => ({ title: experiment.id, experiment })), ...readmeExperiments()];
  for (const { title, experiment } of cases) {
    it.concurrent(title, async () => {
      const pool = poolFor(experiment);
      const slot = await pool.take();
      try {
        expect(await runInWebKit(experiment, slot)).toEqual([]);
      } finally {
        pool.give(slot);
      }
    }, paced(120_000));
  }
});
