/**
 * The model's words for a refused frame in Firefox and WebKit: the lines each engine printed in the catalog run
 * (Firefox 153.8 ESR, WebKitGTK 2.50.6), with this run's URLs; an allowed frame and a COEP refusal get none.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/index.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { ENGINE_MODELS } from '../../runner/engine-models.ts';
import { experimentUrl } from './predict.ts';

const byId = (id: string) => {
  const found = catalog.find((e) => e.id === id);
  if (!found) throw new Error(`no catalog experiment ${id}`);
  return found;
};

async function predicted(engine: 'firefox' | 'webkit', id: string) {
  const experiment = byId(id);
  const url = experimentUrl(experiment, DEFAULT_ORIGIN_MAP, 'run');
  const [step] = await ENGINE_MODELS[engine]!(experiment, DEFAULT_ORIGIN_MAP, 'run', url);
  return { url, reason: step?.reason, console: step?.console };
}

describe('a refused frame in Firefox', () => {
  it('X-Frame-Options: its value lower-cased, the frame\'s full URL', async () => {
    const { url, reason, console } = await predicted('firefox', 'frames-xfo-deny');
    expect(reason).toBe('XFrameOptionsDeny');
    expect(console).toBe(`The loading of “${url}” in a frame is denied by “X-Frame-Options“ directive set to “deny“.`);
    expect((await predicted('firefox', 'frames-xfo-sameorigin-other-origin')).console).toContain('set to “sameorigin“.');
  });

  it('frame-ancestors: the directive that refused the page, and no URL', async () => {
    const { reason, console } = await predicted('firefox', 'frames-frame-ancestors-other-origin');
    expect(reason).toBe('CSPGenericViolation');
    expect(console).toBe('Content-Security-Policy: The page’s settings blocked the loading of a resource (frame-ancestors) ' +
      `at <unknown> because it violates the following directive: “frame-ancestors ${DEFAULT_ORIGIN_MAP.api}”`);
  });
});

describe('a refused frame in WebKit', () => {
  it('X-Frame-Options: its value as sent', async () => {
    const { url, reason, console } = await predicted('webkit', 'frames-xfo-deny');
    expect(reason).toBe('WebKitFrameOptionsRefused');
    expect(console).toBe(`CONSOLE SECURITY ERROR Refused to display '${url}' in a frame because it set 'X-Frame-Options' to 'DENY'.`);
  });

  it('frame-ancestors: the frame\'s URL', async () => {
    const { url, reason, console } = await predicted('webkit', 'frames-frame-ancestors-other-origin');
    expect(reason).toBe('WebKitFrameAncestorsRefused');
    expect(console).toBe(`CONSOLE SECURITY ERROR Refused to load ${url} because it does not appear in the ` +
      'frame-ancestors directive of the Content Security Policy.');
  });
});

describe('frames no header refused', () => {
  for (const id of ['frames-frame-ancestors-over-xfo', 'frames-xfo-sameorigin-own-origin', 'frames-coep-page-frames-without-coep']) {
    for (const engine of ['firefox', 'webkit'] as const) {
      it(`${id} in ${engine}: no frame line`, async () => {
        const { reason, console } = await predicted(engine, id);
        expect(reason).toBeNull();
        expect(console).toBeNull();
      });
    }
  }
});
