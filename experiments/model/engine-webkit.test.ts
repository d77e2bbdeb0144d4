/**
 * The model for WebKit, without a browser (runner/run-browsers.test.ts, `run --browser webkit`, holds it to WebKitGTK itself):
 * each WEBKIT_RULES difference changes what the model predicts, and WebKit's words follow its own order of checks.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/index.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import { serializedPageOrigin } from '../../plan/page-origin.ts';
import { experimentSteps } from '../../engines/steps.ts';
import { validateExperiments } from '../../format/validate.ts';
import type { Experiment } from '../../format/schema.ts';
import { WEBKIT_RULES, webkitPredictions } from './engine-webkit.ts';
import { predictExperimentAsync } from './predict.ts';

const origins = originMap(originsAtPortBase(5310));

function catalogExperiment(id: string): Experiment {
  const found = catalog.find((e) => e.id === id);
  if (!found) throw new Error(`no catalog experiment ${id}`);
  return found;
}

function experiment(input: Record<string, unknown>): Experiment {
  const [one] = validateExperiments({ id: 'x', title: 'x', group: 'simple', ...input }, 'engine-webkit.test.ts');
  if (!one) throw new Error('no experiment');
  return one;
}

async function inWebKit(e: Experiment) {
  const pages = experimentSteps(e).map((step) => serializedPageOrigin(step.page, origins));
  return webkitPredictions(e, await predictExperimentAsync(e, origins, 'run', 'en', undefined, WEBKIT_RULES), pages);
}

describe('the model for WebKit: its flow', () => {
  it('shares the HTTP cache between sites (cache-poisoning-other-site-partition)', async () => {
    const e = catalogExperiment('cache-poisoning-other-site-partition');
    const chromium = await predictExperimentAsync(e, origins, 'run');
    const webkit = await inWebKit(e);
    expect(chromium[1]).toMatchObject({ outcome: 'allowed', reachedServer: true });
    const blocked = { outcome: 'blocked', reachedServer: false, reason: 'WebKitAllowOriginNotAllowed' };
    expect(webkit[1]).toMatchObject(blocked);
    const sentence = `Origin ${origins.partner} is not allowed by Access-Control-Allow-Origin. Status code: 200`;
    expect(webkit[1]?.console).toBe(`CONSOLE SECURITY ERROR ${sentence}`);
  });

  it('never sends back a Secure cookie set over http (cookies-cross-site-none-secure-3pc-allowed)', async () => {
    const e = catalogExperiment('cookies-cross-site-none-secure-3pc-allowed');
    expect((await predictExperimentAsync(e, origins, 'run'))[1]?.cookieSent).toBe(true);
    expect((await inWebKit(e))[1]?.cookieSent).toBe(false);
  });

  it('keeps SameSite=None without Secure, and a cookie without SameSite is None', async () => {
    expect((await inWebKit(catalogExperiment('cookies-none-without-secure-3pc-blocked')))[1]?.cookieSent).toBe(true);
    const unset = catalogExperiment('cookies-cross-site-default-samesite-3pc-allowed');
    expect((await inWebKit(unset))[1]?.cookieSent).toBe(true);
  });

  it('reuses a preflight for an opaque origin (null-origin-preflight-never-cached)', async () => {
    const steps = await inWebKit(catalogExperiment('null-origin-preflight-never-cached'));
    expect(steps.map((s) => s.preflight)).toEqual([true, false]);
  });
});

describe('the model for WebKit: mixed content', () => {
  it("blocks an https page's fetch of http://localhost, not its image (mixed-content-*)", async () => {
    const fetched = catalogExperiment('mixed-content-https-page-fetches-loopback-http-api');
    expect((await predictExperimentAsync(fetched, origins, 'run'))[0]).toMatchObject({ outcome: 'allowed' });
    const [blocked] = await inWebKit(fetched);
    expect(blocked).toMatchObject({ outcome: 'blocked', reason: null, reachedServer: false, console: null });
    expect(blocked?.requests).toEqual([]);
    const image = await inWebKit(catalogExperiment('mixed-content-https-page-img-from-http'));
    expect(image[0]).toMatchObject({ outcome: 'allowed', loaded: true });
    // From an http page the same fetch is no mixed content.
    expect((await inWebKit(catalogExperiment('mixed-content-lax-cookie-http-page-to-http-api')))[0]?.outcome)
      .toBe('allowed');
  });
});

describe('the model for WebKit: its words', () => {
  it('isolates a COOP and COEP page without SharedArrayBuffer, and reads credentialless as no policy', async () => {
    const isolated = (await inWebKit(catalogExperiment('isolation-coop-and-coep-isolate')))[0];
    expect(isolated).toMatchObject({ crossOriginIsolated: true, sharedArrayBuffer: false });
    const credentialless = (await inWebKit(catalogExperiment('isolation-coep-credentialless-loads-image')))[0];
    expect(credentialless).toMatchObject({ outcome: 'allowed', crossOriginIsolated: false, sharedArrayBuffer: false });
    // Without the policy nothing defaults to same-origin: an image without CORP still loads.
    const noCorp = { ...catalogExperiment('isolation-coep-blocks-image-without-corp') };
    noCorp.pageHeaders = { 'Cross-Origin-Embedder-Policy': 'credentialless' };
    expect((await inWebKit(noCorp))[0]).toMatchObject({ outcome: 'allowed', reason: null, loaded: true });
    // Chromium's model gives the isolated page SharedArrayBuffer.
    const chromium = await predictExperimentAsync(catalogExperiment('isolation-coop-and-coep-isolate'), origins, 'run');
    expect(chromium[0]).toMatchObject({ crossOriginIsolated: true, sharedArrayBuffer: true });
  });

  it('mutes a no-cors script\'s errors, as Chromium does', async () => {
    expect((await inWebKit(catalogExperiment('errors-muted-for-no-cors-script')))[0]?.scriptErrorMuted).toBe(true);
  });

  it('says a COEP refusal in its CORP sentence', async () => {
    const [step] = await inWebKit(catalogExperiment('isolation-coep-blocks-image-without-corp'));
    expect(step).toMatchObject({ outcome: 'blocked', reason: 'WebKitResourcePolicy' });
    expect(step?.console).toMatch(/^CONSOLE SECURITY ERROR Cancelled load to http:\/\/127\.0\.0\.1:5313\/.* because it violates/);
  });

  it('says nothing for an allowed step', async () => {
    const [step] = await inWebKit(experiment({
      request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    }));
    expect(step).toMatchObject({ outcome: 'allowed', reason: null, console: null });
  });

  it('checks a preflight\'s status first', async () => {
    const e = experiment({ request: { target: 'api', method: 'PUT' }, server: { preflight: { status: 404 } } });
    expect((await predictExperimentAsync(e, origins, 'run'))[0]?.reason).toBe('PreflightMissingAllowOriginHeader');
    const [step] = await inWebKit(e);
    expect(step?.reason).toBe('WebKitPreflightNotSuccessful');
    expect(step?.console).toBe('CONSOLE SECURITY ERROR Preflight response is not successful. Status code: 404');
  });

  it('calls two Access-Control-Allow-Origin values "more than one origin"', async () => {
    const [step] = await inWebKit(experiment({
      request: { target: 'api' },
      server: { actual: { headers: { 'Access-Control-Allow-Origin': ['{page}', '{page}'] } } },
    }));
    expect(step?.reason).toBe('WebKitMultipleAllowOrigins');
  });

  it.each([
    ['fetch', 'X-Custom', 'x-custom'],
    ['fetch', 'authorization', 'Authorization'],
    ['xhr', 'X-Custom', 'X-Custom'],
  ])('names the header %s sent as %s: %s', async (api, header, printed) => {
    const [step] = await inWebKit(experiment({
      request: { target: 'api', api, headers: { [header]: '1' } },
      server: { preflight: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    }));
    const sentence = `Request header field ${printed} is not allowed by Access-Control-Allow-Headers.`;
    expect(step?.console).toBe(`CONSOLE SECURITY ERROR ${sentence}`);
  });
  it("prints a beacon's CORS failure, which its page never sees, with no reason (beacon-json-blob-*)", async () => {
    const first = async (id: string) => (await inWebKit(catalogExperiment(id)))[0];
    const unanswered = await first('beacon-json-blob-preflight-unanswered');
    expect(unanswered).toMatchObject({ outcome: 'opaque', reason: null });
    const evil = `Origin ${origins.evil} is not allowed by Access-Control-Allow-Origin. Status code: 204`;
    expect(unanswered?.console).toBe(`CONSOLE SECURITY ERROR ${evil}`);
    const wildcard = await first('beacon-json-blob-wildcard');
    expect(wildcard?.console).toBe(
      'CONSOLE SECURITY ERROR Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.',
    );
    expect(await first('beacon-text-no-preflight')).toMatchObject({ outcome: 'opaque', reason: null, console: null });
  });
});
