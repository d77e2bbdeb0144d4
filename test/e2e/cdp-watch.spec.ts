/**
 * The one CDP watcher (runner/cdp-watch.ts) in real Chromium: the runner's
 * tab gets Chromium's verdict and no wire view (it does not pay for what only
 * the probe needs); a tab that asks for the wire gets the preflight, the
 * request headers as sent and the raw answer, attributed to the step by the
 * same marker the runner uses (the run id in the URL).
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import type { Experiment } from '../../format/schema.ts';
import { runStep } from '../../engines/run-steps.ts';
import { experimentSteps, stepRequest } from '../../engines/steps.ts';
import { originMap } from '../../plan/origins.ts';
import { runnerUrl } from '../../plan/page-origin.ts';
import { PLAN_PREFIX } from '../../plan/routes.ts';
import { ChromiumTab } from '../../runner/chromium-tab.ts';
import { expect, test } from './lab-fixture.ts';

const byId = (id: string): Experiment => {
  const experiment = catalog.find((e) => e.id === id);
  if (!experiment) throw new Error(`no catalog experiment ${id}`);
  return experiment;
};

test.describe('one CDP watcher', () => {
  test.describe.configure({ mode: 'serial' });

  test("the runner's tab: Chromium's reason and console line, no wire view", async ({ lab, labBrowser }) => {
    const origins = originMap(lab.origins);
    const experiment = byId('simple-get-no-acao');
    const run = lab.newRunId();
    const context = await labBrowser.newContext();
    try {
      const tab = await ChromiumTab.open(await context.newPage(), runnerUrl('app', origins));
      const [step] = experimentSteps(experiment);
      if (!step) throw new Error('no step');
      const url = experimentUrl(experiment, origins, run);
      const done = await runStep(tab, stepRequest(step, url), `${PLAN_PREFIX}${run}/`);
      expect(done.seen.outcome).toBe('blocked');
      expect(done.verdict.reason).toBe('MissingAllowOriginHeader');
      expect(done.verdict.console).toMatch(/^Access to fetch at .*has been blocked by CORS policy/);
      expect(done.wire, 'the runner does not collect the wire').toBeUndefined();
      expect(done.span.end).toBeGreaterThanOrEqual(done.span.start);
    } finally {
      await context.close();
    }
  });

  test('a tab that asks for the wire: preflight, headers as sent, raw answer', async ({ lab, labBrowser }) => {
    const origins = originMap(lab.origins);
    const experiment = byId('preflight-put-allowed');
    const run = lab.newRunId();
    const context = await labBrowser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(runnerUrl('app', origins), { waitUntil: 'domcontentloaded' });
      const tab = await ChromiumTab.loaded(page, page, { wire: true, cachesOff: true });
      const [step] = experimentSteps(experiment);
      if (!step) throw new Error('no step');
      const url = experimentUrl(experiment, origins, run);
      const done = await runStep(tab, stepRequest(step, url), `${PLAN_PREFIX}${run}/`);
      expect(done.seen.outcome).toBe('allowed');
      expect(done.verdict.reason).toBeNull();
      const wire = done.wire;
      expect(wire, 'the wire view was asked for').toBeDefined();
      if (!wire) return;
      const sent = (headers: Record<string, string>, name: string) =>
        Object.entries(headers).find(([n]) => n.toLowerCase() === name)?.[1];
      expect(wire.preflight?.response?.status).toBe(204);
      expect(sent(wire.preflight?.requestHeaders ?? {}, 'access-control-request-method')).toBe('PUT');
      expect(wire.actual?.response?.status).toBe(200);
      expect(sent(wire.actual?.requestHeaders ?? {}, 'origin')).toBe(origins.app);
      const answer = wire.actual?.response?.headers ?? [];
      expect(answer.find(([n]) => n.toLowerCase() === 'access-control-allow-origin')?.[1]).toBe(origins.app);
      const hops = wire.hops.map((hop) => [hop.method, hop.url, hop.preflight?.response?.status]);
      expect(hops).toEqual([['PUT', url, 204]]);
    } finally {
      await context.close();
    }
  });

  test("a refused frame stays until the next step: its error page's process keeps the line to read", async ({ lab, labBrowser }) => {
    // Chromium writes a refused frame's line to the frame's error page, in a process of its own for another site;
    // removed with the step, it was lost now and then on a loaded machine (7 of 96, measured). Kept, it is not.
    const origins = originMap(lab.origins);
    const context = await labBrowser.newContext();
    try {
      const page = await context.newPage();
      const tab = await ChromiumTab.open(page, runnerUrl('app', origins));
      const frames = () => page.evaluate(() => document.querySelectorAll('iframe').length);
      const runOne = async (id: string) => {
        const experiment = byId(id);
        const run = lab.newRunId();
        const [step] = experimentSteps(experiment);
        if (!step) throw new Error('no step');
        return runStep(tab, stepRequest(step, experimentUrl(experiment, origins, run)), `${PLAN_PREFIX}${run}/`);
      };
      const refused = await runOne('frames-frame-ancestors-other-origin');
      expect(refused.seen.embedding?.framed).toBe(false);
      expect(refused.verdict.console).toMatch(/^Framing '.*' violates the following Content Security Policy directive/);
      expect(await frames(), 'the refused frame is still in the page').toBe(1);
      const next = await runOne('simple-get-no-acao');
      expect(next.verdict.reason).toBe('MissingAllowOriginHeader');
      expect(await frames(), 'the next step removed it').toBe(0);
      const rendered = await runOne('frames-cross-origin-not-readable');
      expect(rendered.seen.embedding?.framed).toBe(true);
      expect(await frames(), 'a frame that rendered goes with its step').toBe(0);
    } finally {
      await context.close();
    }
  });
});
