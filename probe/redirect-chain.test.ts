import { describe, expect, it } from 'vitest';
import type { WireHop } from '../runner/cdp-watch.ts';
import { probeRequest } from './probe-options.ts';
import { chainOf, explainChain, isRedirectChain, methodChangeOf, taintedHop } from './redirect-chain.ts';

const PAGE = 'http://localhost:3000';
const A = 'http://127.0.0.1:8080';
const B = 'http://127.0.0.1:9090';

function hop(method: string, url: string, origin: string | null, status: number, headers: Array<[string, string]>): WireHop {
  return {
    method,
    url,
    requestHeaders: origin === null ? {} : { Origin: origin },
    response: { status, headers, addressSpace: 'Loopback' },
    preflight: null,
    cookies: [],
  };
}

describe('chainOf', () => {
  it('names a POST that a 301 turned into a GET, and never calls the POST allowed', () => {
    const request = probeRequest({ url: `${A}/old`, origin: PAGE, method: 'POST', body: 'x' });
    const hops = chainOf(request, [
      hop('POST', `${A}/old`, PAGE, 301, [['Location', '/new'], ['Access-Control-Allow-Origin', PAGE], ['Date', 'x']]),
      hop('GET', `${A}/new`, PAGE, 200, [['Access-Control-Allow-Origin', PAGE]]),
    ]);
    expect(hops[0]?.answer?.corsHeaders).toEqual([['Location', '/new'], ['Access-Control-Allow-Origin', PAGE]]);
    expect(methodChangeOf(hops)).toEqual({ from: 'POST', to: 'GET', status: 301 });
    expect(hops.map((h) => h.fix)).toEqual([[], []]);
    const { verdict, fix } = explainChain(request, hops, 'allowed');
    expect(verdict).toMatch(/^Allowed as GET, not as POST: the 301 redirect turned the POST into a GET/);
    expect(fix).toContain('answer 307 or 308 instead');
  });

  it('after a cross-origin redirect: Origin null, no fix naming the page there, the honest options', () => {
    for (const credentials of ['omit', 'include'] as const) {
      const request = probeRequest({ url: `${A}/x`, origin: PAGE, credentials });
      const hops = chainOf(request, [
        hop('GET', `${A}/x`, PAGE, 307, [['Location', `${B}/y`], ['Access-Control-Allow-Origin', PAGE]]),
        hop('GET', `${B}/y`, 'null', 200, [['Access-Control-Allow-Origin', PAGE]]),
      ]);
      expect(taintedHop(hops)?.url).toBe(`${B}/y`);
      const { verdict, fix } = explainChain(request, hops, 'blocked');
      expect(verdict).toContain(`${B}/y received Origin: null`);
      expect(fix).not.toContain(`hop 2`);
      expect(fix).toContain(`point the client at ${B}/y`);
      expect(fix).toContain('do not answer Access-Control-Allow-Origin: null');
      if (credentials === 'include') {
        expect(fix).toContain('with credentials, Access-Control-Allow-Origin: * is refused');
        // The first hop's redirect also lacks Allow-Credentials.
        expect(fix).toContain(`hop 1 (GET ${A}/x) redirect: Access-Control-Allow-Credentials: true`);
      } else {
        expect(fix).toContain(`Access-Control-Allow-Origin: * at ${B}/y`);
      }
    }
  });

  it('a same-origin first hop needs no CORS headers; the cross-origin hop after it does', () => {
    const request = probeRequest({ url: `${PAGE}/go`, origin: PAGE });
    const hops = chainOf(request, [hop('GET', `${PAGE}/go`, null, 302, [['Location', `${A}/y`]]), hop('GET', `${A}/y`, PAGE, 200, [])]);
    expect(hops.map((h) => [h.corsChecked, h.fix])).toEqual([
      [false, []],
      [true, [`answer: Access-Control-Allow-Origin: ${PAGE}`]],
    ]);
  });

  it('one hop is a chain only when its answer is a redirect', () => {
    const request = probeRequest({ url: `${A}/x`, origin: PAGE });
    expect(isRedirectChain(chainOf(request, [hop('GET', `${A}/x`, PAGE, 200, [])]))).toBe(false);
    expect(isRedirectChain(chainOf(request, [hop('GET', `${A}/x`, PAGE, 302, [['Location', '/y']])]))).toBe(true);
    expect(() => explainChain(request, chainOf(request, [hop('GET', `${A}/x`, PAGE, 200, [])]), 'allowed')).toThrow(/not a redirect chain/);
  });
});
