/**
 * How the three floors take their work (floor-schedule.mjs), with a session that records what it is asked: every
 * step once, on the runner page it needs, a page kept per runner URL, one spare page for experiments with page
 * headers, the jar cleared after an experiment that sets cookies, and the browser allowing third-party cookies
 * started when the engine's run starts its own.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { ORIGIN_NAMES } from '../../format/origin-names.ts';
import { floorExperiments, floorStepCount, type FloorExperiment } from './floor-steps.ts';

interface Step { api: string; url: string; closePopups?: boolean }
interface Session {
  newPage(): Promise<string>;
  goto(page: string, url: string): Promise<void>;
  run(page: string, step: Step): Promise<void>;
  clearCookies(): Promise<void>;
  close(): Promise<void>;
}
type Work = { experiments: FloorExperiment[]; base: Record<string, string>; stepFields?: { closePopups: boolean } };
type RunFloorWork = (
  work: Work, main: Array<Promise<Session>>, openAllowing: (count: number) => Promise<Session[]>,
  allowingAt: 'start' | 'after-first',
) => Promise<Map<string, { steps: number; ms: number }>>;

// Plain JavaScript for the floors' child processes: loaded by its path, typed here by what the floors use of it.
const MODULE = fileURLToPath(new URL('./floor-schedule.mjs', import.meta.url));
const { runFloorWork } = (await import(MODULE)) as { runFloorWork: RunFloorWork };

const base = Object.fromEntries(ORIGIN_NAMES.map((name) => [name, `http://${name}.floor`]));
const floor = floorExperiments(catalog);
const pick = (keep: (e: FloorExperiment) => boolean): FloorExperiment => {
  const found = floor.find(keep);
  if (!found) throw new Error('no such experiment in the catalog');
  return found;
};
const plain = (e: FloorExperiment): boolean =>
  e.pageHeaders === null && !e.setsCookies && e.browser.thirdPartyCookies === 'blocked';
const experiments = [
  pick((e) => plain(e) && e.steps[0]?.page === 'app'),
  pick((e) => e.setsCookies && e.browser.thirdPartyCookies === 'blocked'),
  pick((e) => e.pageHeaders !== null),
  pick((e) => e.browser.thirdPartyCookies === 'allowed'),
  pick((e) => plain(e) && e.steps.some((s) => s.api === 'window-open')),
  floor.filter((e) => plain(e) && e.steps[0]?.page === 'app')[1] as FloorExperiment,
  floor.filter((e) => e.pageHeaders !== null)[1] as FloorExperiment,
];

/** A session that records every call in `log`, named `name`. */
function recording(name: string, log: string[]): Session {
  let pages = 0;
  return {
    newPage: async () => `${name}/page${++pages}`,
    goto: async (page, url) => void log.push(`${page} goto ${url}`),
    run: async (page, step) => {
      log.push(`${page} run ${step.api} ${step.url}${step.closePopups ? ' closes' : ''}`);
    },
    clearCookies: async () => void log.push(`${name} clear`),
    close: async () => void log.push(`${name} close`),
  };
}

describe('the floors take their work as the lab does', () => {
  it('runs every step once, a page per runner URL, a spare for page headers, the jar cleared', async () => {
    const log: string[] = [];
    const opened: number[] = [];
    const openAllowing = async (count: number): Promise<Session[]> => {
      opened.push(count);
      return [recording('allowing', log)];
    };
    const work = { experiments, base, stepFields: { closePopups: true } };
    const perApi = await runFloorWork(work, [Promise.resolve(recording('main', log))], openAllowing, 'start');

    const runs = log.filter((line) => line.includes(' run '));
    expect(runs).toHaveLength(floorStepCount(experiments));
    expect([...perApi.values()].reduce((sum, { steps }) => sum + steps, 0)).toBe(runs.length);
    // One fresh URL per experiment, shared by its steps; a popup's closes itself when the page has no handle to it.
    experiments.forEach((e, index) => {
      const own = runs.filter((line) => line.includes(`/floor/${index}?`));
      expect(own).toHaveLength(e.steps.length);
      for (const line of own) expect(line.endsWith(' closes')).toBe(true);
    });
    expect(runs.some((line) => /\?k=page&close closes$/.test(line))).toBe(true);
    // Third-party cookies allowed: its own session, opened for the one experiment needing it.
    expect(opened).toEqual([1]);
    expect(runs.filter((line) => line.startsWith('allowing/'))).toHaveLength(experiments[3]?.steps.length ?? 0);
    // The two experiments with page headers share one spare page, navigated to each one's own runner URL.
    const ownGotos = log.filter((line) => / goto .*\/runner\?h=/.test(line));
    expect(ownGotos).toHaveLength(2);
    expect(new Set(ownGotos.map((line) => line.split(' ')[0])).size).toBe(1);
    // The two plain experiments on app's page run in the same page, navigated once.
    const appRunner = `${base.app}/runner?`;
    expect(log.filter((line) => line.startsWith('main/') && line.endsWith(` goto ${appRunner}`))).toHaveLength(1);
    // The jar is cleared after the experiment that set cookies, before the next one runs.
    const setter = log.findLastIndex((line) => line.includes('/floor/1?'));
    const cleared = log.indexOf('main clear');
    expect(cleared).toBeGreaterThan(setter);
    expect(log.slice(setter + 1, cleared).some((line) => line.includes(' run '))).toBe(false);
    expect(log).toContain('main close');
    expect(log).toContain('allowing close');
  });

  it("starts the allowing browser beside the first (Firefox, WebKit) or after the main ones' first run", async () => {
    for (const allowingAt of ['start', 'after-first'] as const) {
      const log: string[] = [];
      const openAllowing = async (): Promise<Session[]> => {
        log.push('open allowing');
        return [recording('allowing', log)];
      };
      await runFloorWork({ experiments, base }, [Promise.resolve(recording('main', log))], openAllowing, allowingAt);
      const firstRun = log.findIndex((line) => line.startsWith('main/') && line.includes(' run '));
      const open = log.indexOf('open allowing');
      if (allowingAt === 'start') expect(open).toBeLessThan(firstRun);
      else expect(open).toBeGreaterThan(firstRun);
    }
  });
});
