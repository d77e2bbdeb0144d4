import { describe, expect, it } from 'vitest';
import type { WireHop } from '../runner/cdp-watch.ts';
import { probeRequest } from './probe-options.ts';
import { chainOf, explainChain } from './redirect-chain.ts';
import { resolveFramework } from './framework.ts';
import { withHopFixes } from './hop-fix.ts';

const PAGE = 'http://localhost:3000';
const A = 'http://127.0.0.1:8080';
const B = 'http://127.0.0.1:9090';

function hop(method: string, url: string, origin: string, status: number, headers: Array<[string, string]>): WireHop {
  const response = { status, headers, addressSpace: 'Loopback' };
  return { method, url, requestHeaders: { Origin: origin }, response, preflight: null, cookies: [] };
}

const fixOf = (request: ReturnType<typeof probeRequest>, wire: WireHop[], framework: 'headers' | 'express') => {
  const hops = withHopFixes(request, chainOf(request, wire), wire, resolveFramework(framework, []));
  return { hops, fix: explainChain(request, hops, 'blocked').fix };
};

describe('withHopFixes', () => {
  it("a redirect without CORS headers gets the single probe's merged fix, what is wrong beside what is sent", () => {
    const request = probeRequest({ url: `${A}/x`, origin: PAGE, credentials: 'include' });
    const wire = [
      hop('GET', `${A}/x`, PAGE, 302, [['Location', `${A}/y`], ['Access-Control-Allow-Origin', '*']]),
      hop('GET', `${A}/y`, PAGE, 200, [['Access-Control-Allow-Origin', PAGE]]),
    ];
    const { hops, fix } = fixOf(request, wire, 'headers');
    expect(hops[0]?.fix).toContain(`redirect: Access-Control-Allow-Origin: ${PAGE} (instead of *)`);
    expect(hops[0]?.fix.join('\n')).toContain('Access-Control-Allow-Credentials: true');
    expect(hops[1]?.fix).toContain('actual answer: Access-Control-Allow-Credentials: true');
    expect(hops[1]?.fix.join('\n')).not.toContain('Access-Control-Allow-Origin:');
    expect(fix).toMatch(new RegExp(`^hop 1 \\(GET ${A}/x\\) `, 'm'));
  });

  it('writes a hop fix in the framework chosen, and leaves a tainted hop to the honest options', () => {
    const request = probeRequest({ url: `${A}/x`, origin: PAGE });
    const wire = [
      hop('GET', `${A}/x`, PAGE, 307, [['Location', `${B}/y`]]),
      hop('GET', `${B}/y`, 'null', 200, [['Access-Control-Allow-Origin', PAGE]]),
    ];
    const { hops, fix } = fixOf(request, wire, 'express');
    expect(hops[0]?.fix.join('\n')).toContain("  app.use(cors({\n    origin: ['http://localhost:3000'],");
    expect(hops[1]?.fix).toEqual([]);
    expect(fix).not.toContain('hop 2');
    expect(fix).toContain(`point the client at ${B}/y`);
    expect(fix).toContain('do not answer Access-Control-Allow-Origin: null');
  });

  it('a hop that already passes needs no fix', () => {
    const request = probeRequest({ url: `${A}/x`, origin: PAGE });
    const wire = [
      hop('GET', `${A}/x`, PAGE, 308, [['Location', `${A}/y`], ['Access-Control-Allow-Origin', PAGE]]),
      hop('GET', `${A}/y`, PAGE, 200, []),
    ];
    const { hops } = fixOf(request, wire, 'headers');
    expect(hops[0]?.fix).toEqual([]);
    expect(hops[1]?.fix.join('\n')).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
  });
});
