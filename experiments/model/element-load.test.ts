/**
 * The model of element loads (format 1.2), in Node: what the crossorigin attribute makes of the request,
 * what a no-cors load from another origin still keeps from the page, and what COEP and COOP on the page do.
 */
import { describe, expect, it } from 'vitest';
import type { Experiment, ExperimentInput } from '../../format/schema.ts';
import { validateExperiments } from '../../format/validate.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { predictExperiment } from './predict.ts';
import { explain } from './explain.ts';

function predicted(input: Omit<ExperimentInput, 'id' | 'title' | 'group'>) {
  const [experiment] = validateExperiments({ id: 'x', title: 'x', group: 'resources', ...input }, 'model.json');
  if (!experiment) throw new Error('no experiment');
  const [step] = predictExperiment(experiment, DEFAULT_ORIGIN_MAP);
  if (!step) throw new Error('no step');
  return step;
}

const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

describe('element loads', () => {
  it('explain a loaded element by whether the page may read it, in both languages', () => {
    const [experiment] = validateExperiments({ id: 'x', title: 'x', group: 'resources', request: { api: 'img', target: 'partner' } }, 'm.json');
    const [step] = predictExperiment(experiment!, DEFAULT_ORIGIN_MAP);
    const context = { url: 'http://127.0.0.1:5313/', pageOrigin: DEFAULT_ORIGIN_MAP.app, api: 'img' as const, method: 'GET', credentialsInclude: true };
    expect(explain(step!, context).verdict).toMatch(/^Allowed: the element loaded without CORS .* cannot read it/);
    expect(explain(step!, context, 'zh-CN').verdict).toMatch(/^放行：元素不经 CORS 加载/);
  });

  it('an img without crossorigin loads from another site, no Origin sent, and taints the canvas', () => {
    const step = predicted({ request: { api: 'img', target: 'partner' } });
    expect(step).toMatchObject({ outcome: 'allowed', reason: null, loaded: true, canvasTainted: true, originSeen: null, preflight: false });
    expect(step.requests[0]?.responseHeaders).toContainEqual(['Content-Type', 'image/png']);
  });

  it('an img with crossorigin anonymous needs Access-Control-Allow-Origin, and then the canvas stays clean', () => {
    expect(predicted({ request: { api: 'img', target: 'partner', crossorigin: 'anonymous' } })).toMatchObject({
      outcome: 'blocked', reason: 'MissingAllowOriginHeader', loaded: false, canvasTainted: null, originSeen: DEFAULT_ORIGIN_MAP.app,
    });
    const allowed = { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } };
    expect(predicted({ request: { api: 'img', target: 'partner', crossorigin: 'anonymous' }, server: allowed })).toMatchObject({
      outcome: 'allowed', loaded: true, canvasTainted: false,
    });
  });

  it('use-credentials refuses the wildcard, as a credentialed fetch does', () => {
    const allowed = { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } };
    expect(predicted({ request: { api: 'script', target: 'api', crossorigin: 'use-credentials' }, server: allowed })).toMatchObject({
      outcome: 'blocked', reason: 'WildcardOriginNotAllowed', loaded: false,
    });
  });

  it('a script\'s error is muted unless it was a CORS load; a planned body is refused (plan/answer.ts)', () => {
    expect(predicted({ request: { api: 'script', target: 'api' } })).toMatchObject({ loaded: true, scriptErrorMuted: true });
    const cors = { actual: { headers: { 'Access-Control-Allow-Origin': '{page}' } } };
    expect(predicted({ request: { api: 'script', target: 'api', crossorigin: 'anonymous' }, server: cors })).toMatchObject({ scriptErrorMuted: false });
    expect(predicted({ request: { api: 'script', target: 'app' } })).toMatchObject({ scriptErrorMuted: false, originSeen: null });
    // The format refuses a planned body for a script step (format/script-body.ts); the servers refuse it again
    // (it would run with a lab origin): 400, and the load fails. The model, asked without the format's check,
    // predicts the 400.
    const unchecked = {
      id: 'x', title: 'x', group: 'resources',
      request: { api: 'script', target: 'api' }, server: { actual: { body: '1;' } },
    };
    expect(() => validateExperiments(unchecked, 'model.json'))
      .toThrow('model.json: server.actual.body: request.api loads a script');
    const [step] = predictExperiment(unchecked as Experiment, DEFAULT_ORIGIN_MAP);
    const refused = { outcome: 'blocked', reason: 'net::ERR_ABORTED', loaded: false, scriptErrorMuted: null };
    expect(step).toMatchObject(refused);
  });

  it('a stylesheet\'s rules are readable only from a CORS or same-origin load; a 404 stylesheet does not load', () => {
    expect(predicted({ request: { api: 'stylesheet', target: 'api' } })).toMatchObject({ loaded: true, cssRulesReadable: false });
    expect(predicted({ request: { api: 'stylesheet', target: 'app' } })).toMatchObject({ loaded: true, cssRulesReadable: true });
    expect(predicted({ request: { api: 'stylesheet', target: 'app' }, server: { actual: { status: 404 } } })).toMatchObject({
      outcome: 'blocked', reason: 'net::ERR_ABORTED', loaded: false,
    });
  });

  it('CORP same-site refuses a no-cors image from another site, not from the same site', () => {
    const corp = { actual: { headers: { 'Cross-Origin-Resource-Policy': 'same-site' } } };
    expect(predicted({ request: { api: 'img', target: 'partner' }, server: corp })).toMatchObject({ outcome: 'blocked', reason: 'corp-not-same-site' });
    expect(predicted({ request: { api: 'img', target: 'api' }, server: corp })).toMatchObject({ outcome: 'allowed', loaded: true });
  });

  it('COEP require-corp blocks a no-cors image without CORP; CORP cross-origin or crossorigin lets it load', () => {
    expect(predicted({ pageHeaders: ISOLATED, request: { api: 'img', target: 'partner' } })).toMatchObject({
      outcome: 'blocked', reason: 'corp-not-same-origin-after-defaulted-to-same-origin-by-coep', crossOriginIsolated: true, sharedArrayBuffer: true,
    });
    const corp = { actual: { headers: { 'Cross-Origin-Resource-Policy': 'cross-origin' } } };
    expect(predicted({ pageHeaders: ISOLATED, request: { api: 'img', target: 'partner' }, server: corp })).toMatchObject({ loaded: true, canvasTainted: true });
    const cors = { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } };
    expect(predicted({ pageHeaders: ISOLATED, request: { api: 'img', target: 'partner', crossorigin: 'anonymous' }, server: cors })).toMatchObject({
      loaded: true, canvasTainted: false,
    });
  });

  it('COEP credentialless loads a no-cors image without CORP, and isolates the page with COOP', () => {
    const pageHeaders = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' };
    expect(predicted({ pageHeaders, request: { api: 'img', target: 'partner' } })).toMatchObject({ loaded: true, crossOriginIsolated: true, cookieSent: false });
  });

  it('isolation needs both COOP same-origin and COEP; fetch steps report it too', () => {
    const halves: Array<Record<string, string> | undefined> = [undefined, { 'Cross-Origin-Embedder-Policy': 'require-corp' }, { 'Cross-Origin-Opener-Policy': 'same-origin' }];
    for (const pageHeaders of halves) {
      expect(predicted({ ...(pageHeaders ? { pageHeaders } : {}), request: { target: 'app' } })).toMatchObject({
        crossOriginIsolated: false, sharedArrayBuffer: false, loaded: null,
      });
    }
    expect(predicted({ pageHeaders: ISOLATED, request: { target: 'app' } })).toMatchObject({ crossOriginIsolated: true, sharedArrayBuffer: true });
  });
});
