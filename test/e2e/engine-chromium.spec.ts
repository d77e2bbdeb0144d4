/**
 * The Chromium driver (runner/chromium-browser.ts) behind the seam of
 * engines/engine.ts, driving the one step loop (engines/run-steps.ts) as any
 * engine's driver will: a session, a tab per page origin, each step's verdict
 * from real Chromium. Allowed and blocked cases in pairs, and a two-step
 * experiment whose second step runs on another page origin.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { predictExperimentAsync, experimentUrl } from '../../experiments/model/predict.ts';
import type { Experiment, PageOrigin } from '../../format/schema.ts';
import type { EngineBrowser, EngineSession, EngineTab } from '../../engines/engine.ts';
import { runSteps, type StepRun } from '../../engines/run-steps.ts';
import { originMap } from '../../plan/origins.ts';
import { runnerUrl } from '../../plan/page-origin.ts';
import { comparePrediction } from '../../runner/compare.ts';
import { launchChromiumEngine } from '../../runner/chromium-browser.ts';
import type { Lab } from '../../servers/lab.ts';
import { expect, test } from './lab-fixture.ts';

const byId = (id: string): Experiment => {
  const experiment = catalog.find((e) => e.id === id);
  if (!experiment) throw new Error(`no catalog experiment ${id}`);
  return experiment;
};

async function runThrough(session: EngineSession, lab: Lab, experiment: Experiment): Promise<StepRun[]> {
  const origins = originMap(lab.origins);
  const run = lab.newRunId();
  const tabs = new Map<PageOrigin, Promise<EngineTab>>();
  const driver = {
    tab: (page: PageOrigin) => {
      const tab = tabs.get(page) ?? session.openTab(runnerUrl(page, origins));
      tabs.set(page, tab);
      return tab;
    },
    journal: async (id: string, since: number) => lab.journal.read(id, since),
    pause: (delayMs: number) => new Promise<void>((resolve) => setTimeout(resolve, delayMs)),
  };
  const predictions = await predictExperimentAsync(experiment, origins, run);
  const url = experimentUrl(experiment, origins, run);
  const steps: StepRun[] = [];
  for await (const step of runSteps({ experiment, origins, run, url, predictions }, driver)) steps.push(step);
  await Promise.all([...tabs.values()].map(async (tab) => (await tab).close()));
  return steps;
}

test.describe('the Chromium driver through the step loop', () => {
  test.describe.configure({ mode: 'serial' });
  // One browser for the three: each experiment gets a session of its own (a fresh browser context).
  let browser: EngineBrowser;
  test.beforeAll(async ({ lab }) => {
    browser = await launchChromiumEngine(lab.origins);
  });
  test.afterAll(async () => browser.close());

  for (const id of ['simple-get-no-acao', 'simple-get-exact-origin', 'cache-poisoning-missing-vary']) {
    test(`${id}: Chromium's verdict per step, as the catalog expects and the model predicts`, async ({ lab }) => {
      const session = await browser.newSession();
      try {
        expect(browser.engine).toBe('chromium');
        expect(browser.version).toMatch(/^chromium \d+\./);
        const experiment = byId(id);
        const steps = await runThrough(session, lab, experiment);
        expect(steps.map((s) => s.step.index)).toEqual([0, ...(experiment.then ?? []).map((_, i) => i + 1)]);
        for (const { step, observed, prediction, explanation } of steps) {
          const want = step.expect ?? {};
          if (want.outcome !== undefined) expect(observed.outcome, `${step.path}outcome`).toBe(want.outcome);
          if (want.reason !== undefined) expect(observed.reason, `${step.path}reason`).toBe(want.reason);
          expect(comparePrediction(prediction ?? {}, observed, step.path), 'the model agrees').toEqual([]);
          expect(explanation?.verdict, 'explained once').toBeTruthy();
          if (observed.outcome === 'blocked' && observed.reason) {
            expect(observed.console, "Chromium's own console line").toMatch(/^Access to fetch at /);
          } else {
            expect(observed.console).toBeNull();
          }
        }
      } finally {
        await session.close();
      }
    });
  }
});
