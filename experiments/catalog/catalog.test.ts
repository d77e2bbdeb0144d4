import { isSocketApi } from '../../format/sockets.ts';
import { describe, expect, it } from 'vitest';
import { ExperimentError, validateExperiments } from '../../format/validate.ts';
import { CATALOG_SOURCE, catalog } from './index.ts';

describe('the catalog', () => {
  // The catalog is not validated when it loads (the playground's first load has no zod): this is its check.
  it('passes the experiment schema unchanged, ids unique', () => {
    expect(validateExperiments(catalog, CATALOG_SOURCE)).toEqual(catalog);
  });
  it('would fail that check for one broken experiment', () => {
    const broken = [...catalog, { ...catalog[0], id: 'broken', request: { ...catalog[0]!.request, target: 'apii' } }];
    expect(() => validateExperiments(broken, CATALOG_SOURCE)).toThrow(ExperimentError);
    expect(() => validateExperiments([...catalog, catalog[0]], CATALOG_SOURCE)).toThrow(/duplicate|already/i);
  });

  it('holds at least 130 experiments', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(130);
  });

  for (const group of ['simple', 'preflight', 'credentials']) {
    it(`has at least 12 "${group}" experiments, allowed and blocked cases both`, () => {
      const inGroup = catalog.filter((e) => e.group === group);
      expect(inGroup.length).toBeGreaterThanOrEqual(12);
      const outcomes = new Set(inGroup.map((e) => e.expect?.outcome));
      expect(outcomes).toContain('allowed');
      expect(outcomes).toContain('blocked');
    });
  }

  for (const group of ['expose', 'redirect', 'cache', 'no-cors', 'null-origin', 'xhr', 'cache-poisoning']) {
    it(`has at least 6 "${group}" experiments, with an allowed and a blocked step`, () => {
      const inGroup = catalog.filter((e) => e.group === group);
      expect(inGroup.length).toBeGreaterThanOrEqual(6);
      const outcomes = new Set(inGroup.flatMap((e) => [e.expect?.outcome, ...(e.then ?? []).map((s) => s.expect?.outcome)]));
      expect(outcomes).toContain('allowed');
      expect(outcomes).toContain('blocked');
    });
  }

  it('reproduces at least 26 distinct Chromium reasons', () => {
    const reasons = new Set(catalog.flatMap((e) => [e.expect?.reason, ...(e.then ?? []).map((s) => s.expect?.reason)]).filter(Boolean));
    expect(reasons.size).toBeGreaterThanOrEqual(26);
  });

  it('gives every experiment an expectation and an explanation with a why', () => {
    for (const e of catalog) {
      expect(e.expect?.outcome, e.id).toBeDefined();
      expect(e.explain?.length ?? 0, e.id).toBeGreaterThan(40);
    }
  });

  it('shows that blocked simple requests still reach the server', () => {
    expect(catalog.some((e) => e.group === 'simple' && e.expect?.outcome === 'blocked' && e.expect.reachedServer === true)).toBe(true);
  });

  it('states a reason for every blocked expectation, then steps included; null only when nothing was sent', () => {
    for (const e of catalog) {
      const steps = [{ expect: e.expect, api: e.request.api }, ...(e.then ?? []).map((s) => ({ expect: s.expect, api: s.request?.api ?? e.request.api }))];
      for (const { expect: expect_, api } of steps) {
        if (expect_?.outcome !== 'blocked') continue;
        expect(expect_.reason, e.id).not.toBeUndefined();
        // A page that throws before sending (fetch() refusing a no-cors PUT) leaves Chromium nothing to report; nor does
        // a message the browser or the receiver drops (format 1.2: the observation `delivered` tells), nor a socket API
        // the server itself failed (a refused WebSocket, an event stream that is none).
        if (expect_.reason === null && e.request.api !== 'postMessage' && !isSocketApi(api ?? 'fetch')) expect([expect_.preflight, expect_.reachedServer], e.id).toEqual([false, false]);
      }
    }
  });
});
