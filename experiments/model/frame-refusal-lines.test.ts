/**
 * The model's words for a refused frame in Firefox and WebKit: the lines each engine printed in the catalog run
 * (Firefox 153.8 ESR, WebKitGTK 2.50.6), with this run's URLs; an allowed frame and a COEP refusal get none.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/index.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { ENGINE_MODELS } from '../../runner/engine-models.ts';
import { experimentUrl } from './predict.ts';
import type { Experiment } from '../../format/schema.ts';
import { validateExperiments } from '../../format/validate.ts';

const api = DEFAULT_ORIGIN_MAP.api;

const byId = (id: string) => {
  const found = catalog.find((e) => e.id === id);
  if (!found) throw new Error(`no catalog experiment ${id}`);
  return found;
};

async function predicted(engine: 'firefox' | 'webkit', id: string | Experiment) {
  const experiment = typeof id === 'string' ? byId(id) : id;
  const url = experimentUrl(experiment, DEFAULT_ORIGIN_MAP, 'run');
  const [step] = await ENGINE_MODELS[engine]!(experiment, DEFAULT_ORIGIN_MAP, 'run', url);
  return { url, reason: step?.reason, console: step?.console };
}

describe('a refused frame in Firefox', () => {
  it('X-Frame-Options: its value lower-cased, the frame\'s full URL', async () => {
    const { url, reason, console } = await predicted('firefox', 'frames-xfo-deny');
    expect(reason).toBe('XFrameOptionsDeny');
    expect(console).toBe(
      `The loading of “${url}” in a frame is denied by “X-Frame-Options“ directive set to “deny“.`,
    );
    const sameOrigin = await predicted('firefox', 'frames-xfo-sameorigin-other-origin');
    expect(sameOrigin.console).toContain('set to “sameorigin“.');
  });

  it('frame-ancestors: the directive that refused the page, and no URL', async () => {
    const { reason, console } = await predicted('firefox', 'frames-frame-ancestors-other-origin');
    expect(reason).toBe('CSPGenericViolation');
    expect(console).toBe('Content-Security-Policy: The page’s settings blocked the loading of a resource ' +
      `(frame-ancestors) at <unknown> because it violates the following directive: “frame-ancestors ${api}”`);
  });
});

describe('a refused frame in WebKit', () => {
  it('X-Frame-Options: its value as sent', async () => {
    const { url, reason, console } = await predicted('webkit', 'frames-xfo-deny');
    expect(reason).toBe('WebKitFrameOptionsRefused');
    expect(console).toBe(
      `CONSOLE SECURITY ERROR Refused to display '${url}' in a frame because it set 'X-Frame-Options' to 'DENY'.`,
    );
  });

  it('frame-ancestors: the frame\'s URL', async () => {
    const { url, reason, console } = await predicted('webkit', 'frames-frame-ancestors-other-origin');
    expect(reason).toBe('WebKitFrameAncestorsRefused');
    expect(console).toBe(`CONSOLE SECURITY ERROR Refused to load ${url} because it does not appear in the ` +
      'frame-ancestors directive of the Content Security Policy.');
  });
});

describe('frames no header refused', () => {
  const allowedOrCoep = [
    'frames-frame-ancestors-over-xfo', 'frames-xfo-sameorigin-own-origin', 'frames-coep-page-frames-without-coep',
  ];
  for (const id of allowedOrCoep) {
    for (const engine of ['firefox', 'webkit'] as const) {
      it(`${id} in ${engine}: no frame line`, async () => {
        const { reason, console } = await predicted(engine, id);
        expect(reason).toBeNull();
        expect(console).toBeNull();
      });
    }
  }
});

/** Framing headers beyond the catalog's, as Firefox 153 and WebKitGTK 2.50.6 printed them (measured once each). */
describe('other framing headers', () => {
  const framing = (target: string, headers: Record<string, string | string[]>): Experiment => validateExperiments(
    { id: 'x', title: 'x', group: 'frames', request: { api: 'iframe', target }, server: { actual: { headers } } }, 'test',
  )[0] as Experiment;

  it('several X-Frame-Options values: Firefox calls the header invalid, WebKit prints the values as sent', async () => {
    for (const value of ['DENY, SAMEORIGIN', ['SAMEORIGIN', 'DENY']]) {
      const experiment = framing('api', { 'X-Frame-Options': value });
      const firefox = await predicted('firefox', experiment);
      expect(firefox.reason).toBe('XFrameOptionsInvalid');
      expect(firefox.console).toBe(
        `Invalid X-Frame-Options header was found when loading “${firefox.url}”: “invalid” is not a valid directive.`,
      );
      const webkit = await predicted('webkit', experiment);
      expect(webkit.console).toContain(`'X-Frame-Options' to '${[value].flat().join(', ')}'.`);
    }
  });

  it("frame-ancestors 'none', and the policy that refused among two", async () => {
    const none = framing('partner', { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'" });
    expect((await predicted('firefox', none)).console).toMatch(/directive: “frame-ancestors 'none'”$/);
    const two = framing('partner', { 'Content-Security-Policy': "frame-ancestors {page}, frame-ancestors 'self'" });
    expect((await predicted('firefox', two)).console).toMatch(/directive: “frame-ancestors 'self'”$/);
    expect((await predicted('webkit', two)).reason).toBe('WebKitFrameAncestorsRefused');
  });
});
