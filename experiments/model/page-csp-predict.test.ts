/**
 * The page's Content-Security-Policy in the model's steps (predict.ts with page-csp.ts): what a refused request
 * leaves the page and the servers, per API, on a redirect's hop, and in words (csp-explain.ts, csp-firefox.ts).
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentInput } from '../../format/schema.ts';
import { validateExperiments } from '../../format/validate.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { predictExperiment } from './predict.ts';
import { explain } from './explain.ts';
import { firefoxConsoleLines, firefoxPredictions } from './engine-firefox.ts';

function experimentOf(policy: string, input: Omit<ExperimentInput, 'id' | 'title' | 'group' | 'pageHeaders'>) {
  const [experiment] = validateExperiments(
    { id: 'x', title: 'x', group: 'csp', pageHeaders: { 'Content-Security-Policy': policy }, ...input }, 'csp.json');
  if (!experiment) throw new Error('no experiment');
  return experiment;
}

function predicted(policy: string, input: Omit<ExperimentInput, 'id' | 'title' | 'group' | 'pageHeaders'>) {
  const [step] = predictExperiment(experimentOf(policy, input), DEFAULT_ORIGIN_MAP);
  if (!step) throw new Error('no step');
  return step;
}

const context = (api: 'fetch' | 'img' | 'iframe', url: string) =>
  ({ url, pageOrigin: DEFAULT_ORIGIN_MAP.app, api, method: 'GET', credentialsInclude: false });

describe("the page's Content-Security-Policy in the model", () => {
  it('sends nothing it refuses, whatever the server would answer, and sends what it allows', () => {
    const server = { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } };
    expect(predicted("connect-src 'self'", { request: { target: 'api' }, server })).toMatchObject({
      outcome: 'blocked', reason: null, reachedServer: false, pageError: 'TypeError: Failed to fetch', requests: [],
    });
    expect(predicted("connect-src 'self' localhost:*", { request: { target: 'api' }, server }))
      .toMatchObject({ outcome: 'allowed', reachedServer: true });
  });

  it('gives XHR, elements and event streams the reason csp, and a refused element no load', () => {
    for (const api of ['xhr', 'eventsource'] as const) {
      expect(predicted("connect-src 'none'", { request: { api, target: 'api' } })).toMatchObject({ reason: 'csp' });
    }
    expect(predicted("img-src 'none'", { request: { api: 'img', target: 'partner' } }))
      .toMatchObject({ outcome: 'blocked', reason: 'csp', loaded: false, canvasTainted: null });
  });

  it('leaves a refused form or beacon blocked, not opaque: the page sees it was not sent', () => {
    expect(predicted("form-action 'self'", { request: { api: 'form', target: 'api', method: 'POST' } }))
      .toMatchObject({ outcome: 'blocked', reason: null, reachedServer: false });
    expect(predicted("form-action 'self' localhost:*", { request: { api: 'form', target: 'api', method: 'POST' } }))
      .toMatchObject({ outcome: 'opaque', reachedServer: true });
    expect(predicted("connect-src 'self'", { request: { api: 'beacon', target: 'api', body: 'x' } }))
      .toMatchObject({ outcome: 'blocked', reason: null, reachedServer: false });
  });

  it("refuses a frame, a message to a frame and a WebSocket, never a popup", () => {
    expect(predicted("frame-src 'self'", { request: { api: 'iframe', target: 'partner' } }))
      .toMatchObject({ outcome: 'blocked', reason: null, framed: false, domReadable: false, reachedServer: false });
    expect(predicted("child-src 'none'", { request: { api: 'postMessage', target: 'partner' } }))
      .toMatchObject({ outcome: 'blocked', framed: false, delivered: false });
    const socket = { request: { api: 'websocket' as const, target: 'api' }, server: { websocket: 'any' as const } };
    expect(predicted("connect-src 'self'", socket))
      .toMatchObject({ outcome: 'blocked', reason: null, opened: false, reachedServer: false });
    expect(predicted("default-src 'none'", { request: { api: 'window-open', target: 'partner' } }))
      .toMatchObject({ reachedServer: true });
  });

  it("checks a redirect's hop again: the first hop is sent, the refused one is not", () => {
    const server = {
      redirects: [{ status: 302 as const, to: 'partner', headers: { 'Access-Control-Allow-Origin': '*' } }],
      actual: { headers: { 'Access-Control-Allow-Origin': '*' } },
    };
    const step = predicted("connect-src 'self' localhost:*", { request: { api: 'xhr', target: 'api' }, server });
    expect(step).toMatchObject({ outcome: 'blocked', reason: 'csp' });
    expect(step.requests.map((r) => r.origin)).toEqual(['api']);
    expect(step.refusedByCsp?.url).toMatch(/^http:\/\/127\.0\.0\.1:5313\//);
  });

  it('says which directive refused it, the fallback, and the fix, in both languages', () => {
    const step = predicted("default-src 'self' 'unsafe-inline'", { request: { api: 'img', target: 'partner' } });
    const words = explain(step, context('img', 'http://127.0.0.1:5313/a.png'));
    expect(words.verdict).toBe("Blocked before sending: the page's own Content-Security-Policy says " +
      "\"default-src 'self' 'unsafe-inline'\", which does not allow this URL (no img-src directive, so it falls " +
      'back on this one). The server ' +
      'received nothing.');
    expect(words.fix).toMatch(/^add http:\/\/127\.0\.0\.1:5313 to img-src in the page's Content-Security-Policy/);
    expect(words.console).toBeNull();
    expect(explain(step, context('img', 'http://127.0.0.1:5313/a.png'), 'zh-CN').verdict)
      .toMatch(/^发送前被拦截：页面自己的 Content-Security-Policy 写着 .*（没有 img-src 指令，/);
  });

  it("predicts Chromium's console line for fetch and for a frame, as the lab reads them", () => {
    const fetched = predicted("connect-src 'self'", { request: { target: 'api' } });
    const url = fetched.refusedByCsp?.url ?? '';
    expect(explain(fetched, context('fetch', url)).console).toBe(
      `Fetch API cannot load ${url}. Refused to connect because it violates the document's Content Security Policy.`);
    const framed = predicted("default-src 'self' 'unsafe-inline'", { request: { api: 'iframe', target: 'partner' } });
    expect(explain(framed, context('iframe', framed.refusedByCsp?.url ?? '')).console).toBe(
      "Framing 'http://127.0.0.1:5313/' violates the following Content Security Policy directive: " +
      "\"default-src 'self' 'unsafe-inline'\". Note that 'frame-src' was not explicitly set, so 'default-src' " +
      'is used as a fallback. The ' +
      'request has been blocked.\n');
  });

  it("words Firefox's line with the API's directive and the policy's, and no reason for a beacon", () => {
    const beacon = { request: { api: 'beacon' as const, target: 'api', body: 'x' } };
    const experiment = experimentOf("default-src 'self' 'unsafe-inline'", beacon);
    const steps = firefoxPredictions(experiment, predictExperiment(experiment, DEFAULT_ORIGIN_MAP));
    expect(steps[0]).toMatchObject({ outcome: 'blocked', reason: null, failedParameter: null });
    const [line] = firefoxConsoleLines(steps, 'unused');
    expect(line).toMatch(new RegExp('^Content-Security-Policy: The page’s settings blocked the loading of a ' +
      'resource \\(connect-src\\) at http://localhost:5311/.* because it violates the following directive: ' +
      "“default-src 'self' " +
      "'unsafe-inline'”$"));
    const img = experimentOf('img-src http://127.0.0.1', { request: { api: 'img', target: 'partner' } });
    expect(firefoxPredictions(img, predictExperiment(img, DEFAULT_ORIGIN_MAP))[0])
      .toMatchObject({ reason: 'CSPGenericViolation', failedParameter: 'img-src http://127.0.0.1' });
  });
});
