/**
 * The bare floor's work follows the catalog's own steps: one floor step per experiment step, with the step's api,
 * page, target and request, and what each experiment's semantics need of the browser.
 */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../../engines/engine.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { experimentSteps } from '../../engines/steps.ts';
import { appliesTo } from '../../format/schema.ts';
import { floorExperiments, floorExperimentsFor, floorStepCount } from './floor-steps.ts';

describe('the floor derived from the catalog', () => {
  const floor = floorExperiments(catalog);

  it('has every step of every experiment, with its api, page, target, method and headers', () => {
    expect(floor).toHaveLength(catalog.length);
    catalog.forEach((experiment, i) => {
      const steps = experimentSteps(experiment);
      expect(floor[i]?.steps.map((s) => [s.api, s.sandboxed ? 'null' : s.page, s.target, s.method])).toEqual(
        steps.map((s) => [s.request.api, s.page, s.request.target, s.request.method]),
      );
      const headers = steps.map((s) => Object.keys(s.request.headers).length);
      expect(floor[i]?.steps.map((s) => s.headers.length)).toEqual(headers);
    });
    expect(floorStepCount(floor)).toBe(catalog.reduce((sum, e) => sum + 1 + (e.then?.length ?? 0), 0));
  });

  it('covers the apis beyond fetch: elements, frames, popups, forms, beacons, sockets', () => {
    const apis = new Set(floor.flatMap((e) => e.steps.map((s) => s.api)));
    for (const api of ['img', 'script', 'stylesheet', 'iframe', 'postMessage', 'window-open', 'form', 'beacon']) {
      expect(apis).toContain(api);
    }
    expect(apis).toContain('websocket');
    expect(apis).toContain('eventsource');
    expect(floor.some((e) => e.steps.some((s) => s.api === 'postMessage' && s.via === 'window-open'))).toBe(true);
    expect(floor.some((e) => e.steps.some((s) => s.api === 'window-open' && s.noopener === true))).toBe(true);
  });

  it('carries what the experiment needs of the browser: page headers, a cleared jar, its settings', () => {
    const byId = new Map(catalog.map((e, i) => [e.id, floor[i]]));
    expect(byId.get('isolation-coop-and-coep-isolate')?.pageHeaders).toEqual({
      'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp',
    });
    expect(floor.filter((e) => e.pageHeaders !== null).length).toBe(catalog.filter((e) => e.pageHeaders).length);
    const cookieSetters = catalog.filter((e) => JSON.stringify(e.server ?? {}).toLowerCase().includes('set-cookie'));
    expect(floor.filter((e) => e.setsCookies).length).toBe(cookieSetters.length);
    expect(floor.some((e) => e.browser.thirdPartyCookies === 'allowed')).toBe(true);
    expect(floor.some((e) => e.browser.localNetworkAccess === 'granted')).toBe(true);
    expect(floor.some((e) => e.steps.some((s) => s.sandboxed))).toBe(true);
  });

  it('gives a form its encoding and fields, split as the page splits them', () => {
    const form = floor.flatMap((e) => e.steps).find((s) => s.api === 'form' && (s.fields?.length ?? 0) > 0);
    expect(form?.enctype).toMatch(/^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)$/);
    expect(form?.fields?.every(([name]) => typeof name === 'string')).toBe(true);
  });
});

describe("each engine's floor", () => {
  for (const engine of ENGINES) {
    it(`${engine}: the experiments that apply to it, in order, each with all its steps`, () => {
      const applying = catalog.filter((e) => appliesTo(e, engine));
      const floor = floorExperimentsFor(engine, catalog);
      expect(floor).toEqual(floorExperiments(applying));
      expect(floorStepCount(floor)).toBe(applying.reduce((sum, e) => sum + 1 + (e.then?.length ?? 0), 0));
    });
  }

  it("leaves Chromium's own experiments (Local Network Access) to Chromium, every api to Firefox and WebKit", () => {
    const chromiumOnly = catalog.filter((e) => e.engines?.length === 1 && e.engines[0] === 'chromium');
    expect(chromiumOnly.map((e) => e.group)).toContain('local-network-access');
    expect(floorExperimentsFor('chromium', chromiumOnly)).toHaveLength(chromiumOnly.length);
    const apis = (floor: ReturnType<typeof floorExperiments>): Set<string> =>
      new Set(floor.flatMap((e) => e.steps.map((s) => s.api)));
    for (const engine of ['firefox', 'webkit'] as const) {
      expect(floorExperimentsFor(engine, chromiumOnly)).toEqual([]);
      expect(floorExperimentsFor(engine, catalog)).toHaveLength(catalog.length - chromiumOnly.length);
      const floor = floorExperimentsFor(engine, catalog);
      expect(floor.some((e) => e.browser.localNetworkAccess === 'granted')).toBe(false);
      expect(apis(floor)).toEqual(apis(floorExperiments(catalog)));
      expect(floor.some((e) => e.browser.thirdPartyCookies === 'allowed')).toBe(true);
    }
  });
});
