/**
 * The Firefox driver in real Firefox: each step gets its own reason (also when Firefox logs it after the
 * page's promise settled), nothing of one step leaks into the next, and clearCookies empties a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import type { Experiment } from '../../format/schema.ts';
import { runnerUrl } from '../../plan/page-origin.ts';
import { experimentSteps, stepRequest } from '../steps.ts';
import { startLab, type Lab } from '../../servers/lab.ts';
import { originMap, type OriginMap } from '../../plan/origins.ts';
import { paced } from '../../test/pace/machine-pace.ts';
import type { EngineBrowser } from '../engine.ts';
import { launchFirefox } from './firefox-browser.ts';

let lab: Lab;
let origins: OriginMap;
let firefox: EngineBrowser;

const byId = (id: string): Experiment => {
  const found = catalog.find((e) => e.id === id);
  if (!found) throw new Error(`no catalog experiment ${id}`);
  return found;
};

beforeAll(async () => {
  lab = await startLab();
  origins = originMap(lab.origins);
  firefox = await launchFirefox();
}, paced(60_000));

afterAll(async () => {
  await firefox?.close();
  await lab?.close();
}, paced(30_000));

describe('launchFirefox', () => {
  it('names the engine and its version as run --json reports browsers', () => {
    expect(firefox.engine).toBe('firefox');
    expect(firefox.version).toMatch(/^firefox \d+\.\d+/);
    expect(firefox.sessionsAtOnce).toBeGreaterThan(0);
  });

  it('gives each blocked step its own reason and an allowed step none, run after run on one tab', async () => {
    const session = await firefox.newSession();
    try {
      const blocked = byId('simple-get-no-acao');
      const allowed = byId('simple-get-wildcard');
      const mismatch = byId('simple-get-other-origin');
      const tab = await session.openTab(runnerUrl('app', origins));
      const seen: string[] = [];
      for (let i = 0; i < 8; i++) {
        for (const experiment of [blocked, allowed, mismatch]) {
          const run = lab.newRunId();
          const request = stepRequest(experimentSteps(experiment)[0]!, experimentUrl(experiment, origins, run));
          const { seen: page, verdict } = await tab.run(request, `/__cl/${run}/`);
          seen.push(`${page.outcome} ${verdict.reason}`);
          if (verdict.console !== null) expect(verdict.console).toContain(run);
        }
      }
      const round = ['blocked CORSMissingAllowOrigin', 'allowed null', 'blocked CORSAllowOriginNotMatchingOrigin'];
      expect(seen).toEqual(Array.from({ length: 8 }, () => round).flat());
      const url = experimentUrl(blocked, origins, lab.newRunId());
      await expect(tab.run(stepRequest(experimentSteps(blocked)[0]!, url), '')).rejects.toThrow('marker is empty');
    } finally {
      await session.close();
    }
  }, paced(120_000));

  it('clears a session\'s cookies, and sessions do not share them', async () => {
    // api answers with a same-site cookie; the then step sends it back when the jar holds it.
    const experiment = byId('cookies-same-site-lax-3pc-blocked');
    const [first, again] = experimentSteps(experiment);
    const [one, two] = [await firefox.newSession(), await firefox.newSession()];
    try {
      const run = lab.newRunId();
      const url = experimentUrl(experiment, origins, run);
      const cookieOf = async (session: typeof one, step: typeof again): Promise<string | null> => {
        const tab = await session.openTab(runnerUrl('app', origins));
        const since = lab.journal.read(run).entries.length;
        await tab.run(stepRequest(step!, url), `/__cl/${run}/`);
        await tab.close();
        return lab.journal.read(run, since).entries.at(-1)?.cookie ?? null;
      };
      expect(await cookieOf(one, first)).toBeNull();
      expect(await cookieOf(one, again)).toMatch(/^cl-same-site-lax=1/);
      expect(await cookieOf(two, again)).toBeNull();
      await one.clearCookies();
      expect(await cookieOf(one, again)).toBeNull();
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, paced(120_000));
});
