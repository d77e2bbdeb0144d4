/** The model over headers a real server sent: the same checks as Chromium, without a browser. */
import { describe, expect, it } from 'vitest';
import type { HeaderLines } from '../format/headers.ts';
import { explainCors, replayWire, withProbeFix } from './explain-probe.ts';
import { probeFix } from './probe-fix.ts';

const predictFromWire = (...args: Parameters<typeof replayWire>) => replayWire(...args)?.prediction ?? null;
import { probeRequest, type ProbeOptions } from './probe-options.ts';

const ORIGIN = 'http://localhost:3000';
const request = (options: Partial<ProbeOptions> = {}) => probeRequest({ url: 'http://127.0.0.1:8080/items', origin: ORIGIN, ...options });
const answer = (status: number, headers: HeaderLines) => ({ status, headers, addressSpace: 'Loopback' });

describe('replayWire', () => {
  it('two Access-Control-Allow-Origin lines: MultipleAllowOriginValues', () => {
    const p = predictFromWire(request(), { preflight: null, actual: answer(200, [['Access-Control-Allow-Origin', ORIGIN], ['Date', 'x'], ['Access-Control-Allow-Origin', ORIGIN]]) });
    expect(p?.reason).toBe('MultipleAllowOriginValues');
  });

  it('the replayed plan is what the server sent, CORS headers only, repeated lines kept', () => {
    const replay = replayWire(request(), { preflight: null, actual: answer(201, [['Access-Control-Allow-Origin', ORIGIN], ['Date', 'x'], ['Access-Control-Allow-Origin', ORIGIN]]) });
    expect(replay?.experiment.server?.actual).toEqual({ status: 201, headers: { 'Access-Control-Allow-Origin': [ORIGIN, ORIGIN] } });
    expect([replay?.origins.app, replay?.origins.api]).toEqual([ORIGIN, 'http://127.0.0.1:8080']);
  });

  it('a preflight without the method: MethodDisallowedByPreflightResponse, the actual request never sent', () => {
    const p = predictFromWire(request({ method: 'PUT' }), { preflight: answer(204, [['Access-Control-Allow-Origin', ORIGIN]]), actual: null });
    expect([p?.reason, p?.failedParameter, p?.preflight, p?.reachedServer]).toEqual(['MethodDisallowedByPreflightResponse', 'PUT', true, false]);
  });

  it('a redirected preflight: PreflightDisallowedRedirect', () => {
    const p = predictFromWire(request({ method: 'PUT' }), { preflight: answer(302, [['Location', '/login'], ['Access-Control-Allow-Origin', ORIGIN]]), actual: null });
    expect(p?.reason).toBe('PreflightDisallowedRedirect');
  });

  it('headers the CORS check does not read are left out (framing headers never reach the plan)', () => {
    const p = predictFromWire(request(), { preflight: null, actual: answer(200, [['Access-Control-Allow-Origin', '*'], ['Content-Length', '2'], ['Transfer-Encoding', 'chunked']]) });
    expect(p?.outcome).toBe('allowed');
  });

  it('a followed redirect or a plan token in a value cannot be replayed', () => {
    expect(predictFromWire(request(), { preflight: null, actual: answer(302, [['Location', 'http://elsewhere.example/']]) })).toBeNull();
    expect(predictFromWire(request(), { preflight: null, actual: answer(200, [['Access-Control-Allow-Origin', '{page}']]) })).toBeNull();
  });

  it("the model's URLs are the user's, so the explanation's console line names the real URL", () => {
    const r = request();
    const p = predictFromWire(r, { preflight: null, actual: answer(200, []) });
    const e = explainCors(r, { ...(p as NonNullable<typeof p>), responseType: null, readableHeaders: [] }, p);
    expect(e.console).toBe("Access to fetch at 'http://127.0.0.1:8080/items' from origin 'http://localhost:3000' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    expect(e.fix).toContain(`Access-Control-Allow-Origin: ${ORIGIN}`);
  });

  it('a blocked probe gets the complete fix: the preflight\'s missing method and the actual answer it never reached', () => {
    const r = request({ method: 'PUT' });
    const wire = { preflight: answer(204, [['Access-Control-Allow-Origin', ORIGIN]]), actual: null };
    const replay = replayWire(r, wire);
    const p = replay?.prediction ?? null;
    const e = explainCors(r, { ...(p as NonNullable<typeof p>), responseType: null, readableHeaders: [] }, p);
    const fixed = withProbeFix(e, probeFix(replay!, r, wire), { name: 'headers', guessed: false, basis: null }, r.url);
    expect(fixed.fix?.split('\n')).toEqual([
      'OPTIONS (preflight): Access-Control-Allow-Methods: PUT',
      `actual answer: Access-Control-Allow-Origin: ${ORIGIN} (not reached, so unchecked: send it there too)`,
      'actual answer: Vary: Origin (not reached, so unchecked: send it there too)',
    ]);
    // No fix (an allowed probe): the explanation stays as it is.
    expect(withProbeFix(e, null, { name: 'headers', guessed: false, basis: null }, r.url)).toBe(e);
  });
});
