/** The expectation an engine other than Chromium is held to (format 1.2 `expect.engines`), and its step clock. */
import { describe, expect, it } from 'vitest';
import type { Expectation } from '../format/schema.ts';
import { runInEngine } from './run-in-engine.ts';
import { expectationFor } from '../engines/engine-expectation.ts';
import type { EngineBrowser, EngineSession, EngineTab } from '../engines/engine.ts';
import type { PageSeen } from '../runner-page/step.ts';
import { catalog } from '../experiments/catalog/index.ts';
import { validateExperiments } from '../format/validate.ts';
import { DEFAULT_PORT_BASE, originMap, originsAtPortBase } from '../plan/origins.ts';
import { ENGINE_MODELS } from './engine-models.ts';
import { PAGE_HEADERS_QUERY, RUNNER_PATH, RUN_QUERY } from '../plan/routes.ts';

const main: Expectation = {
  outcome: 'allowed', reason: null, status: 302, responseType: 'cors', preflight: false,
  engines: { firefox: { outcome: 'blocked', reason: 'CORSDidNotSucceed', status: null } },
};

describe('expectationFor', () => {
  it('leaves Chromium\'s expectation as written', () => {
    expect(expectationFor('chromium', main)).toBe(main);
  });

  it('puts the engine\'s own fields over the main ones and drops Chromium\'s reason', () => {
    expect(expectationFor('firefox', main)).toEqual({
      outcome: 'blocked', reason: 'CORSDidNotSucceed', status: null, responseType: 'cors', preflight: false,
    });
    expect(expectationFor('webkit', main)).toEqual({ outcome: 'allowed', status: 302, responseType: 'cors', preflight: false });
  });

  it('leaves out the main fields where the engine\'s model deviates from Chromium\'s, never the engine\'s own', () => {
    const deviating = new Set(['outcome', 'status', 'responseType']);
    expect(expectationFor('webkit', main, deviating)).toEqual({ preflight: false });
    expect(expectationFor('firefox', main, deviating)).toEqual({
      outcome: 'blocked', reason: 'CORSDidNotSucceed', status: null, preflight: false,
    });
  });

  it('has nothing to hold when the experiment expects nothing', () => {
    expect(expectationFor('firefox', undefined)).toBeUndefined();
  });
});

/**
 * A step's `delayMs` measured, not trusted: an engine (a fake of the driver seam, with the real Firefox model) whose
 * first step's call settles late makes the second step come after the preflight cache's 5 s default, so the run
 * tells nothing of what the experiment asks; the experiment runs again, and after three such runs fails saying
 * why. Steps on time give no timing problem. No wall clock decides: the spans are the driver's own.
 */
describe('runInEngine: the time between steps is measured', () => {
  const experiment = validateExperiments(catalog.filter((e) => e.id === 'cache-default-five-seconds'), 'test')[0];
  const origins = originMap(originsAtPortBase(DEFAULT_PORT_BASE));

  function fakeEngine(lateMs: number): { launch: () => Promise<EngineBrowser>; runs: () => number } {
    let steps = 0;
    const seen: PageSeen = {
      outcome: 'allowed', status: 200, responseType: 'cors', readableHeaders: {}, body: 'ok', error: null,
      pageOrigin: 'http://localhost:5310',
    };
    const tab: EngineTab = {
      url: 'runner',
      // The first step of each run settles `lateMs` after it began: the call took that long.
      run: async () => {
        const late = steps++ % 2 === 0 ? lateMs : 0;
        return { seen, verdict: { reason: null, console: null }, settled: performance.now() + late };
      },
      close: async () => undefined,
    };
    const session: EngineSession = {
      openTab: async () => tab, clearCookies: async () => undefined, close: async () => undefined,
    };
    const browser: EngineBrowser = {
      engine: 'firefox', version: 'firefox (fake)', sessionsAtOnce: 1,
      newSession: async () => session, close: async () => undefined,
    };
    return { launch: async () => browser, runs: () => steps / 2 };
  }

  let ids = 0;
  const lab = { newRunId: () => `timing${++ids}`, journal: { read: () => ({ entries: [], dropped: 0 }) } };

  it('runs an experiment whose steps came late three times, then fails it with the measured time', async () => {
    if (!experiment) throw new Error('cache-default-five-seconds is not in the catalog');
    const engine = fakeEngine(6_000);
    const options = { launch: engine.launch, model: ENGINE_MODELS.firefox };
    const run = await runInEngine('firefox', [experiment], lab, origins, options);
    expect(engine.runs()).toBe(3);
    const [result] = run.results;
    expect(result?.pass).toBe(false);
    expect(result?.mismatches.at(-1)).toMatch(
      new RegExp(
        '^timing: then\\[0\\] ran -?\\d+-\\d+ ms after the first request, not the 0 ms the experiment means, ' +
          '.*\\(3 attempts on a busy machine\\)$',
      ),
    );
  });

  it('takes a run whose steps came on time as it is, once', async () => {
    if (!experiment) throw new Error('cache-default-five-seconds is not in the catalog');
    const engine = fakeEngine(0);
    const options = { launch: engine.launch, model: ENGINE_MODELS.firefox };
    const run = await runInEngine('firefox', [experiment], lab, origins, options);
    expect(engine.runs()).toBe(1);
    expect(run.results[0]?.mismatches.filter((m) => m.startsWith('timing:'))).toEqual([]);
  });
});

/**
 * Format 1.2 `pageHeaders` in an engine: the run's steps run on a runner page of its own, whose URL carries the run
 * id and the header lines (as Chromium's runner does), and that tab is closed after the run; a run without page
 * headers keeps using the shared runner page.
 */
describe('runInEngine: a run with page headers has its own runner page', () => {
  const origins = originMap(originsAtPortBase(DEFAULT_PORT_BASE));
  const byId = (id: string) => validateExperiments(catalog.filter((e) => e.id === id), 'test')[0];

  it('opens the run\'s own page with its headers, closes it after, and keeps the plain page', async () => {
    const isolated = byId('isolation-coop-and-coep-isolate');
    const plain = byId('isolation-none-no-shared-array-buffer');
    if (!isolated || !plain) throw new Error('the isolation experiments are not in the catalog');
    const opened: string[] = [];
    const closed: string[] = [];
    const seen: PageSeen = {
      outcome: 'allowed', status: 200, responseType: 'basic', readableHeaders: {}, body: 'ok', error: null,
      pageOrigin: origins.app,
    };
    const session: EngineSession = {
      openTab: async (url) => {
        opened.push(url);
        return {
          url,
          run: async () => ({ seen, verdict: { reason: null, console: null } }),
          close: async () => void closed.push(url),
        };
      },
      clearCookies: async () => undefined,
      close: async () => undefined,
    };
    const browser: EngineBrowser = {
      engine: 'webkit', version: 'webkit (fake)', sessionsAtOnce: 1,
      newSession: async () => session, close: async () => undefined,
    };
    const lab = { newRunId: () => 'run-with-headers', journal: { read: () => ({ entries: [], dropped: 0 }) } };
    await runInEngine('webkit', [isolated, plain, plain], lab, origins, { launch: async () => browser });
    const [own, shared, ...more] = opened;
    expect(more).toEqual([]);
    const url = new URL(own ?? '');
    expect(url.searchParams.get(RUN_QUERY)).toBe('run-with-headers');
    expect(JSON.parse(Buffer.from(url.searchParams.get(PAGE_HEADERS_QUERY) ?? '', 'base64url').toString())).toEqual({
      'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    expect(shared).toBe(`${origins.app}${RUNNER_PATH}`);
    expect(closed).toEqual([own]);
  });
});
