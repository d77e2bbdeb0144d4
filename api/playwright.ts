/**
 * `cors-lab/playwright`: Playwright's `test` with a `cors` fixture and
 * `expect` with CORS matchers.
 *
 *   cors.probe(options)  a real request from any origin to your URL, in the test's browser
 *   cors.run(what)       experiments on the lab's own origins (started once per worker, on first use)
 *
 * Every result is attached to the test (name "cors-lab"), which is how
 * `cors-lab/reporter` finds the reason and fix of a failed test.
 * https://playwright.dev/docs/test-fixtures
 */
import { test as base, expect as baseExpect, type LaunchOptions } from '@playwright/test';
import type { Browser as CoreBrowser } from 'playwright-core';
import type { ExperimentInput } from '../format/schema.ts';
import { loadExperimentFiles } from '../format/load-files.ts';
import { validateExperiments } from '../format/validate.ts';
import { LOCAL_NETWORK_ACCESS, probe, type LocalNetworkAccess } from '../probe/probe.ts';
import type { ProbeOptions } from '../probe/probe-options.ts';
import type { ProbeResult } from '../probe/probe-result.ts';
import type { EngineBrowser } from '../engines/engine.ts';
import type { EngineProbeResult, OtherEngine } from '../probe/engine-probe-result.ts';
import { probeInEngine } from '../probe/probe-in-engine.ts';
import { probeRequest } from '../probe/probe-options.ts';
import { LAUNCHERS } from '../runner/engine-launchers.ts';
import { QUIET_ARGS, findChromium } from '../runner/find-browser.ts';
import type { ExperimentResult } from '../engines/run-result.ts';
import { runExperiments } from '../runner/run-experiments.ts';
import { startLab, type Lab } from '../servers/lab.ts';
import { corsMatchers } from './matchers.ts';

export interface FixtureProbeOptions extends ProbeOptions {
  /**
   * Default `granted`: the page keeps the address space of your API (an attacker's page on a public origin
   * gets the user's local network access permission), so CORS alone decides and a test of your CORS headers
   * cannot pass because Local Network Access blocked the request. `denied`: the page is in its origin's
   * address space and Chromium refuses local network access, as for a user who said no; the result's
   * `decidedBy` is then `local-network-access` and `withPermission` holds CORS's verdict.
   */
  localNetworkAccess?: LocalNetworkAccess;
}

export interface CorsFixture {
  /**
   * Probes one request from a page on `options.origin` to `options.url`: in the test's Chromium, or with
   * `browser: 'firefox' | 'webkit'` in that engine through cors-lab's driver (started once per worker), with its
   * reason and console line (`localNetworkAccess` is Chromium's alone).
   */
  probe(options: FixtureProbeOptions & { browser: OtherEngine }): Promise<EngineProbeResult>;
  probe(options: FixtureProbeOptions & { browser?: 'chromium' }): Promise<ProbeResult>;
  probe(options: FixtureProbeOptions): Promise<ProbeResult | EngineProbeResult>;
  /** Runs experiments on the lab's own origins: a file or folder path, one experiment, or an array. */
  run(what: string | ExperimentInput | readonly ExperimentInput[]): Promise<ExperimentResult[]>;
}

/** The name results are attached under; the reporter reads it. */
export const ATTACHMENT = 'cors-lab';

interface Worker {
  /** The lab's origins, started on first use and closed with the worker. */
  corsLab: { get(): Promise<Lab> };
  /** Firefox and WebKit through cors-lab's drivers, each started on first use and closed with the worker. */
  corsEngines: { get(engine: OtherEngine): Promise<EngineBrowser> };
}

export const test = base.extend<{ cors: CorsFixture }, Worker>({
  // Chromium is found as the CLI finds it (and gets the CLI's quiet flags), unless the config names a browser:
  // `use.launchOptions.executablePath`, or a channel (`use.channel` in the config, or `use.launchOptions.channel`).
  launchOptions: [
    async ({ launchOptions, browserName }, use, workerInfo) => {
      if (browserName !== 'chromium') return use(launchOptions);
      // `use.channel` is read from the project: the `channel` fixture itself depends on this one.
      const channel = launchOptions.channel ?? workerInfo.project.use.channel;
      const named = launchOptions.executablePath !== undefined || channel !== undefined;
      const options: LaunchOptions = named ? launchOptions : { ...launchOptions, executablePath: findChromium() };
      await use({ ...options, args: [...QUIET_ARGS, ...(options.args ?? [])] });
    },
    { scope: 'worker' },
  ],
  corsLab: [
    async ({}, use) => {
      let lab: Promise<Lab> | undefined;
      await use({ get: () => (lab ??= startLab({ clientDir: null })) });
      if (lab) await (await lab).close();
    },
    { scope: 'worker' },
  ],
  corsEngines: [
    async ({}, use) => {
      const started = new Map<OtherEngine, Promise<EngineBrowser>>();
      await use({
        get: (engine) => {
          let launched = started.get(engine);
          if (!launched) {
            launched = LAUNCHERS[engine]('blocked');
            started.set(engine, launched);
          }
          return launched;
        },
      });
      await Promise.all([...started.values()].map(async (b) => (await b.catch(() => null))?.close()));
    },
    { scope: 'worker' },
  ],
  cors: async ({ browser, browserName, corsLab, corsEngines }, use, testInfo) => {
    const chromium = (): CoreBrowser => {
      if (browserName !== 'chromium') throw new Error(`cors-lab needs Chromium (it reads Chromium's reasons over the DevTools Protocol); this project uses ${browserName}`);
      return browser as unknown as CoreBrowser;
    };
    const attach = (name: string, value: unknown): Promise<void> => testInfo.attach(`${ATTACHMENT}: ${name}`, { body: JSON.stringify(value, null, 2), contentType: 'application/json' });
    async function probeIn(given: FixtureProbeOptions) {
      const { localNetworkAccess = 'granted', ...options } = given;
      if (options.browser === 'firefox' || options.browser === 'webkit') {
        // Local Network Access is Chromium's policy: a test that asks for it in another engine would assert nothing.
        if (given.localNetworkAccess !== undefined) {
          throw new TypeError(`cors.probe(): localNetworkAccess: Chromium's only, not ${options.browser}'s`);
        }
        // Bad input is refused before the engine starts (a missing engine throws what to install).
        probeRequest(options);
        const result = await probeInEngine(options, await corsEngines.get(options.browser));
        const { method, url, origin } = result.request;
        await attach(`probe ${method} ${url} from ${origin} in ${result.engine}`, result);
        return result;
      }
      if (!LOCAL_NETWORK_ACCESS.includes(localNetworkAccess)) {
        const allowed = LOCAL_NETWORK_ACCESS.join(', ');
        const got = JSON.stringify(localNetworkAccess);
        throw new TypeError(`cors.probe(): localNetworkAccess: expected one of ${allowed}, got ${got}`);
      }
      const result = await probe(options, chromium(), localNetworkAccess);
      await attach(`probe ${result.request.method} ${result.request.url} from ${result.request.origin}`, result);
      return result;
    }
    await use({
      // One implementation of the overloads: the engine asked for decides the result's shape.
      probe: probeIn as CorsFixture['probe'],
      async run(what) {
        const experiments = typeof what === 'string' ? await loadExperimentFiles([what]) : validateExperiments(what, 'cors.run()');
        const report = await runExperiments(experiments, await corsLab.get(), chromium());
        await attach(`run ${typeof what === 'string' ? what : `${experiments.length} experiment(s)`}`, report.results);
        return report.results;
      },
    });
  },
});

export const expect = baseExpect.extend(corsMatchers);

export type { ProbeOptions, ThenStep } from '../probe/probe-options.ts';
export type { Framework, FrameworkChoice, FrameworkUsed } from '../probe/framework.ts';
export type { ProbeResult, DecidedBy } from '../probe/probe-result.ts';
export type { EngineProbeResult, EngineThenResult, OtherEngine } from '../probe/engine-probe-result.ts';
export type { EngineName } from '../engines/engine.ts';
export type { Reason } from '../format/reasons.ts';
export type { LocalNetworkAccess } from '../probe/probe.ts';
export type { ExperimentResult } from '../engines/run-result.ts';
