/**
 * The model, rule by rule, each case tied to the section of the Fetch
 * standard it follows, allowed and blocked side by side; and the whole
 * catalog predicted without a browser.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/index.ts';
import type { ExperimentInput } from '../../format/schema.ts';
import { validateExperiments } from '../../format/validate.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import { compareExpectation } from '../../runner/compare.ts';
import type { Observation } from '../../engines/run-result.ts';
import { MODEL_REASONS, UNREPRODUCIBLE } from './model-reasons.ts';
import { predictExperiment, predictExperimentAsync, type StepPrediction } from './predict.ts';

const origins = originMap(originsAtPortBase(5310));

function predict(input: Omit<ExperimentInput, 'id' | 'title' | 'group'>): StepPrediction[] {
  return predictExperiment(validateExperiments({ id: 'x', title: 'x', group: 'simple', ...input }, 'test')[0]!, origins);
}
const first = (input: Omit<ExperimentInput, 'id' | 'title' | 'group'>): StepPrediction => predict(input)[0]!;

const ACAO = { 'Access-Control-Allow-Origin': '{page}' };
const preflighted = (headers: Record<string, string>, allow: Record<string, string>) => first({ request: { target: 'api', headers }, server: { preflight: { headers: { ...ACAO, ...allow } }, actual: { headers: ACAO } } });

function asObservation(p: StepPrediction): Observation {
  return { ...p, readableHeaders: Object.fromEntries(p.readableHeaders.map((n) => [n, ''])), console: null, serverSaw: [] };
}

describe('the catalog, predicted without a browser', () => {
  for (const experiment of catalog) {
    it(`${experiment.id}: prediction = expectation, every step`, async () => {
      const steps = await predictExperimentAsync(experiment, origins);
      const expects = [experiment.expect, ...(experiment.then ?? []).map((s) => s.expect)];
      expect(steps).toHaveLength(expects.length);
      const pages = [experiment.page, ...(experiment.then ?? []).map((s) => s.page ?? experiment.page)];
      steps.forEach((step, i) => expect(compareExpectation(expects[i], asObservation(step), { page: pages[i] ?? 'app', origins })).toEqual([]));
    });
  }
});

describe('§4.? CORS-safelisted method (https://fetch.spec.whatwg.org/#cors-safelisted-method)', () => {
  it('POST goes without a preflight', () => expect(first({ request: { target: 'api', method: 'POST', body: 'x' } }).preflight).toBe(false));
  it('PUT needs a preflight, with Access-Control-Request-Method: PUT', () => {
    const p = first({ request: { target: 'api', method: 'put' } });
    expect(p.requests[0]).toMatchObject({ kind: 'preflight', accessControlRequestMethod: 'PUT' });
  });
  it('a method outside the normalized six is sent as written (patch stays lower-case)', () => {
    expect(first({ request: { target: 'api', method: 'patch' } }).requests[0]?.accessControlRequestMethod).toBe('patch');
  });
  it('a forbidden method (TRACE) fails in the page before anything is sent', () => {
    const p = first({ request: { target: 'api', method: 'TRACE' } });
    expect(p).toMatchObject({ outcome: 'blocked', reason: null, requests: [] });
  });
});

describe('CORS-safelisted request-header (https://fetch.spec.whatwg.org/#cors-safelisted-request-header)', () => {
  const cases: Array<[string, Record<string, string>, boolean]> = [
    ['Accept: */*', { Accept: '*/*' }, true],
    ['Accept with an unsafe byte "@"', { Accept: 'a@b' }, false],
    ['Accept of 128 bytes', { Accept: 'a'.repeat(128) }, true],
    ['Accept of 129 bytes', { Accept: 'a'.repeat(129) }, false],
    ['Accept-Language: en-US,fr;q=0.5', { 'Accept-Language': 'en-US,fr;q=0.5' }, true],
    ['Accept-Language with "_"', { 'Accept-Language': 'de_DE' }, false],
    ['Content-Type: text/plain; charset=utf-8', { 'Content-Type': 'TEXT/plain; charset=utf-8' }, true],
    ['Content-Type: application/json', { 'Content-Type': 'application/json' }, false],
    ['Content-Type with a quote', { 'Content-Type': 'text/plain;charset="x"' }, false],
    ['Range: bytes=0-', { Range: 'bytes=0-' }, true],
    ['Range: bytes=-5 (suffix range)', { Range: 'bytes=-5' }, false],
    ['Range: BYTES=0-1 ("bytes" is case-sensitive)', { Range: 'BYTES=0-1' }, false],
    ['X-Custom', { 'X-Custom': '1' }, false],
    ['Cookie (forbidden: dropped, so no preflight)', { Cookie: 'a=1' }, true],
    ['Sec-Anything (forbidden prefix)', { 'Sec-X': '1' }, true],
    ['X-HTTP-Method-Override: TRACE (forbidden)', { 'X-HTTP-Method-Override': 'TRACE' }, true],
    ['X-HTTP-Method-Override: PUT', { 'X-HTTP-Method-Override': 'PUT' }, false],
    ['Chromium: DPR: 2 (client hint)', { DPR: '2' }, true],
    ['Chromium: DPR: x', { DPR: 'x' }, false],
  ];
  for (const [title, headers, safe] of cases) {
    it(`${title}: ${safe ? 'no preflight, allowed' : 'preflight, blocked by an answer that allows no header'}`, () => {
      const p = preflighted(headers, {});
      expect(p.preflight).toBe(!safe);
      expect(p.outcome).toBe(safe ? 'allowed' : 'blocked');
      if (!safe) expect(p.reason).toBe('HeaderDisallowedByPreflightResponse');
    });
  }
  it('over 1024 bytes of safelisted values makes them all unsafe, names sorted and lower-cased', () => {
    const big = { Accept: 'a'.repeat(128), 'Accept-Language': 'b'.repeat(128), 'Content-Language': 'c'.repeat(128), Intervention: 'i'.repeat(128), Width: '1'.repeat(128), RTT: '2'.repeat(128), 'Viewport-Width': '3'.repeat(128), DPR: '4'.repeat(128), 'Device-Memory': '5'.repeat(128) };
    expect(preflighted(big, {}).requestHeadersSeen).toBe('accept,accept-language,content-language,device-memory,dpr,intervention,rtt,viewport-width,width');
    expect(preflighted({ Accept: 'a'.repeat(128) }, {}).preflight).toBe(false);
  });
  it('Access-Control-Request-Headers is sorted, lower-cased and deduplicated', () => {
    expect(preflighted({ 'X-B': '1', 'x-a': '2', 'X-A': '3' } as Record<string, string>, {}).requestHeadersSeen).toBe('x-a,x-b');
  });
});

describe('CORS check (https://fetch.spec.whatwg.org/#cors-check)', () => {
  const get = (acao: string | string[] | undefined, credentials: 'omit' | 'include' = 'omit', acac?: string, page: 'app' | 'null' = 'app') =>
    first({ page, request: { target: 'api', credentials }, server: { actual: { headers: { ...(acao === undefined ? {} : { 'Access-Control-Allow-Origin': acao }), ...(acac === undefined ? {} : { 'Access-Control-Allow-Credentials': acac }) } } } });
  it.each([
    ['the exact origin', '{page}', 'omit', undefined, 'app', null],
    ['* without credentials', '*', 'omit', undefined, 'app', null],
    ['" * " (white space is trimmed)', '  *  ', 'omit', undefined, 'app', null],
    ['no header', undefined, 'omit', undefined, 'app', 'MissingAllowOriginHeader'],
    ['another origin', '{origin:api2}', 'omit', undefined, 'app', 'AllowOriginMismatch'],
    ['the origin with a trailing slash', '{page}/', 'omit', undefined, 'app', 'AllowOriginMismatch'],
    ['two lines', ['{page}', '{page}'], 'omit', undefined, 'app', 'MultipleAllowOriginValues'],
    ['a bare host', 'localhost', 'omit', undefined, 'app', 'InvalidAllowOriginValue'],
    ['"null" for a real origin', 'null', 'omit', undefined, 'app', 'AllowOriginMismatch'],
    ['"null" for an opaque page', 'null', 'omit', undefined, 'null', null],
    ['* with credentials', '*', 'include', 'true', 'app', 'WildcardOriginNotAllowed'],
    ['the origin with credentials and ACAC true', '{page}', 'include', 'true', 'app', null],
    ['the origin with credentials, no ACAC', '{page}', 'include', undefined, 'app', 'InvalidAllowCredentials'],
    ['the origin with credentials, ACAC "True"', '{page}', 'include', 'True', 'app', 'InvalidAllowCredentials'],
  ] as const)('%s -> %s', (_title, acao, credentials, acac, page, reason) => {
    const p = get(acao as string | string[] | undefined, credentials, acac, page);
    expect(p.reason).toBe(reason);
    expect(p.outcome).toBe(reason ? 'blocked' : 'allowed');
    expect(p.reachedServer).toBe(true);
  });
});

describe('CORS-preflight fetch (https://fetch.spec.whatwg.org/#cors-preflight-fetch)', () => {
  const put = (preflight: { status?: number; headers: Record<string, string | string[]> }, credentials: 'omit' | 'include' = 'omit', method = 'PUT') =>
    first({ request: { target: 'api', method, credentials }, server: { preflight, actual: { headers: { ...ACAO, 'Access-Control-Allow-Credentials': 'true' } } } });
  it.each([
    ['allowed method', { headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' } }, 'omit', 'PUT', null],
    ['method not listed', { headers: ACAO }, 'omit', 'PUT', 'MethodDisallowedByPreflightResponse'],
    ['empty list elements are skipped', { headers: { ...ACAO, 'Access-Control-Allow-Methods': ',,PUT,' } }, 'omit', 'PUT', null],
    ['an element that is not a token', { headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT DELETE' } }, 'omit', 'PUT', 'InvalidAllowMethodsPreflightResponse'],
    ['method compared byte for byte (patch vs PATCH)', { headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PATCH' } }, 'omit', 'patch', 'MethodDisallowedByPreflightResponse'],
    ['* allows any method without credentials', { headers: { ...ACAO, 'Access-Control-Allow-Methods': '*' } }, 'omit', 'PUT', null],
    ['* is literal with credentials', { headers: { ...ACAO, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': '*' } }, 'include', 'PUT', 'MethodDisallowedByPreflightResponse'],
    ['status 500', { status: 500, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' } }, 'omit', 'PUT', 'PreflightInvalidStatus'],
    ['status 299', { status: 299, headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' } }, 'omit', 'PUT', null],
    ['a redirect', { status: 307, headers: { ...ACAO, Location: '/x' } }, 'omit', 'PUT', 'PreflightDisallowedRedirect'],
    ['no ACAO', { headers: { 'Access-Control-Allow-Methods': 'PUT' } }, 'omit', 'PUT', 'PreflightMissingAllowOriginHeader'],
    ['ACAO * with credentials', { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' } }, 'include', 'PUT', 'PreflightWildcardOriginNotAllowed'],
    ['no ACAC with credentials', { headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' } }, 'include', 'PUT', 'PreflightInvalidAllowCredentials'],
  ] as const)('%s -> %s', (_title, preflight, credentials, method, reason) => {
    const p = put(preflight as { headers: Record<string, string> }, credentials, method);
    expect(p.preflight).toBe(true);
    expect(p.reason).toBe(reason);
    expect(p.reachedServer).toBe(reason === null);
  });
  it.each([
    ['x-custom', 'X-CUSTOM', null],
    ['x-custom', 'x-custom x-other', 'InvalidAllowHeadersPreflightResponse'],
    ['x-custom', 'x-other', 'HeaderDisallowedByPreflightResponse'],
    ['x-custom', '*', null],
    ['authorization', '*', null],
  ] as const)('header %s vs Access-Control-Allow-Headers: %s -> %s', (name, allow, reason) => {
    expect(preflighted({ [name]: '1' }, { 'Access-Control-Allow-Headers': allow }).reason).toBe(reason);
  });
});

describe('CORS-preflight cache (https://fetch.spec.whatwg.org/#cors-preflight-cache)', () => {
  const twice = (maxAge: string | undefined, page: 'app' | 'null' = 'app', step: Record<string, unknown> = {}) =>
    predict({ page, request: { target: 'api', method: 'PUT' }, server: { preflight: { headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT', ...(maxAge === undefined ? {} : { 'Access-Control-Max-Age': maxAge }) } }, actual: { headers: ACAO } }, then: [{ request: step }] })[1]!;
  it('Max-Age 600: the second request skips the preflight', () => expect(twice('600').preflight).toBe(false));
  it('no Max-Age: cached for 5 s, so an immediate repeat skips it', () => expect(twice(undefined).preflight).toBe(false));
  it('Max-Age 0: not cached', () => expect(twice('0').preflight).toBe(true));
  it('a method the entry does not cover needs a new preflight', () => expect(twice('600', 'app', { method: 'DELETE' })).toMatchObject({ preflight: true, reason: 'MethodDisallowedByPreflightResponse' }));
  it('Chromium: an opaque (null) page never reuses a preflight', () => expect(twice('600', 'null').preflight).toBe(true));
});

describe('HTTP-redirect fetch (https://fetch.spec.whatwg.org/#http-redirect-fetch)', () => {
  const STAR = { 'Access-Control-Allow-Origin': '*' };
  it('a cross-origin redirect taints the origin: the next hop sees Origin: null', () => {
    const p = first({ request: { target: 'api' }, server: { redirects: [{ to: 'api2', headers: STAR }], actual: { headers: STAR } } });
    expect(p.requests.map((r) => [r.origin, r.hop, r.originHeader])).toEqual([['api', 0, origins.app], ['api2', 1, 'null']]);
    expect(p.outcome).toBe('allowed');
  });
  it('after tainting, allowing the page origin fails', () => {
    expect(first({ request: { target: 'api' }, server: { redirects: [{ to: 'api2', headers: ACAO }], actual: { headers: ACAO } } }).reason).toBe('AllowOriginMismatch');
  });
  it('the redirect answer itself is CORS-checked', () => {
    expect(first({ request: { target: 'api' }, server: { redirects: [{ to: 'api2' }], actual: { headers: STAR } } })).toMatchObject({ reason: 'MissingAllowOriginHeader', reachedServer: false });
  });
  it('a redirect to a URL with credentials fails', () => {
    expect(first({ request: { target: 'api' }, server: { redirects: [{ to: 'api2', userinfo: 'u:p', headers: STAR }] } }).reason).toBe('RedirectContainsCredentials');
  });
  it('303 turns PUT into GET, so the next hop needs no preflight', () => {
    const p = first({ request: { target: 'api', method: 'PUT' }, server: { preflight: { headers: { ...STAR, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 303, to: 'api2', headers: STAR }], actual: { headers: STAR } } });
    expect(p.requests.map((r) => `${r.origin}:${r.method}`)).toEqual(['api:OPTIONS', 'api:PUT', 'api2:GET']);
  });
  it('307 keeps PUT, and the new origin gets a second preflight', () => {
    const p = first({ request: { target: 'api', method: 'PUT' }, server: { preflight: { headers: { ...STAR, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'api2', headers: STAR }], actual: { headers: STAR } } });
    expect(p.requests.map((r) => `${r.origin}:${r.method}`)).toEqual(['api:OPTIONS', 'api:PUT', 'api2:OPTIONS', 'api2:PUT']);
  });
  it('redirect "error" fails with net::ERR_FAILED; "manual" gives an opaque redirect', () => {
    const server = { redirects: [{ to: 'api2' as const, headers: STAR }] };
    expect(first({ request: { target: 'api', redirect: 'error' }, server }).reason).toBe('net::ERR_FAILED');
    expect(first({ request: { target: 'api', redirect: 'manual' }, server })).toMatchObject({ outcome: 'opaque', responseType: 'opaqueredirect', status: 0 });
  });
});

describe('Location values (https://fetch.spec.whatwg.org/#http-redirect-fetch step 6; Chromium 156, test/probes/wpt-more-cases.ts)', () => {
  const to = (location: string, request: Record<string, unknown> = {}): StepPrediction =>
    first({ request: { target: 'api', ...request }, server: { actual: { status: 302, headers: { 'Access-Control-Allow-Origin': '*', Location: location } } } });
  it('Chromium: an empty Location is no redirect, except under redirect "manual"', () => {
    expect(to('')).toMatchObject({ outcome: 'allowed', status: 302 });
    expect(to('', { redirect: 'error' })).toMatchObject({ outcome: 'allowed', status: 302 });
    expect(to('', { redirect: 'manual' })).toMatchObject({ outcome: 'opaque', responseType: 'opaqueredirect' });
  });
  it.each(['data:text/plain,hi', 'about:blank', 'file:///x', 'blob:http://localhost/x', 'filesystem:http://localhost/temporary/x'])('%s: net::ERR_UNSAFE_REDIRECT, also with redirect "error" and in no-cors', (location) => {
    expect(to(location).reason).toBe('net::ERR_UNSAFE_REDIRECT');
    expect(to(location, { redirect: 'error' }).reason).toBe('net::ERR_UNSAFE_REDIRECT');
    expect(to(location, { mode: 'no-cors' }).reason).toBe('net::ERR_UNSAFE_REDIRECT');
    expect(to(location, { redirect: 'manual' }).responseType).toBe('opaqueredirect');
  });
  it('another scheme: CorsDisabledScheme, no-cors net::ERR_UNKNOWN_URL_SCHEME, redirect "error" net::ERR_FAILED', () => {
    expect(to('ftp://127.0.0.1/x')).toMatchObject({ reason: 'CorsDisabledScheme', failedParameter: null, refusedLocation: 'ftp://127.0.0.1/x' });
    expect(to('javascript:void(0)').reason).toBe('CorsDisabledScheme');
    expect(to('ftp://127.0.0.1/x', { mode: 'no-cors' }).reason).toBe('net::ERR_UNKNOWN_URL_SCHEME');
    expect(to('ftp://127.0.0.1/x', { redirect: 'error' }).reason).toBe('net::ERR_FAILED');
  });
  it('Chromium: ws: after a cross-origin CORS check is an unknown scheme; from a same-origin start a CORS error', () => {
    expect(to('ws://127.0.0.1:1/').reason).toBe('net::ERR_UNKNOWN_URL_SCHEME');
    expect(to('ws://127.0.0.1:1/', { target: 'app' }).reason).toBe('CorsDisabledScheme');
  });
});

describe('modes (https://fetch.spec.whatwg.org/#main-fetch)', () => {
  it('no-cors: opaque, status 0, no headers, custom headers dropped', () => {
    expect(first({ request: { target: 'api', mode: 'no-cors', headers: { 'X-Custom': '1' } } })).toMatchObject({ outcome: 'opaque', status: 0, readableHeaders: [], preflight: false });
  });
  it('same-origin mode to another origin: DisallowedByMode, nothing sent', () => {
    expect(first({ request: { target: 'api', mode: 'same-origin' } })).toMatchObject({ reason: 'DisallowedByMode', requests: [] });
  });
  it('same-origin request: basic, every header but Set-Cookie readable, no Origin on GET', () => {
    const p = first({ request: { target: 'app' }, server: { actual: { headers: { 'X-A': '1', 'Set-Cookie': 'a=1' } } } });
    expect(p).toMatchObject({ outcome: 'allowed', responseType: 'basic', originSeen: null });
    expect(p.readableHeaders).toContain('x-a');
    expect(p.readableHeaders).not.toContain('set-cookie');
  });
});

describe('readable response headers (https://fetch.spec.whatwg.org/#concept-filtered-response-cors)', () => {
  const read = (expose: string, credentials: 'omit' | 'include') =>
    first({ request: { target: 'api', credentials }, server: { actual: { headers: { ...ACAO, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Expose-Headers': expose, 'X-A': '1' } } } }).readableHeaders;
  it('safelisted names only by default', () => expect(read('', 'omit')).toEqual(['content-length', 'content-type']));
  it('exposed names too', () => expect(read('X-A', 'omit')).toContain('x-a'));
  it('* exposes all without credentials', () => expect(read('*', 'omit')).toContain('x-a'));
  it('* is literal with credentials', () => expect(read('*', 'include')).not.toContain('x-a'));
});

describe('Access-Control-Expose-Headers parsing (https://fetch.spec.whatwg.org/#extract-header-list-values)', () => {
  const read = (expose: string | string[]) =>
    first({ request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': expose, 'X-A': '1', 'X-B': '2' } } } }).readableHeaders;
  it.each([
    ['x-a, x-b', ['x-a', 'x-b']],
    ['x-a,, ,x-b', ['x-a', 'x-b']],
    [['x-a', 'x-b'], ['x-a', 'x-b']],
    ['x-a, x b', []],
    ['"x-a", x-b', []],
    ['"x-a, x-b"', []],
    ['*, x b', []],
  ] as const)('%j exposes %j', (expose, exposed) => {
    expect(read(expose as string | string[]).filter((n) => n.startsWith('x-'))).toEqual(exposed);
  });
});

describe('preflight cache expiry (then[].delayMs)', () => {
  const after = (maxAge: string, delayMs: number) =>
    predict({ request: { target: 'api', method: 'PUT' }, server: { preflight: { headers: { ...ACAO, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': maxAge } }, actual: { headers: ACAO } }, then: [{ delayMs }] })[1]!.preflight;
  it('Max-Age 1: still cached after 999 ms', () => expect(after('1', 999)).toBe(false));
  it('Max-Age 1: expired after 1000 ms', () => expect(after('1', 1000)).toBe(true));
});

describe('HTTP cache (https://httpwg.org/specs/rfc9111.html), partitioned by page site', () => {
  const twice = (headers: Record<string, string>, then: Record<string, unknown> = {}) =>
    predict({ request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}', ...headers } } }, then: [then] })[1]!;
  it('a fresh answer is reused without reaching the server, its Origin-specific headers included', () => {
    expect(twice({ 'Cache-Control': 'max-age=60' }, { page: 'api2' })).toMatchObject({ reachedServer: false, outcome: 'blocked', reason: 'AllowOriginMismatch', requests: [] });
  });
  it('Vary: Origin stores one answer per Origin', () => expect(twice({ 'Cache-Control': 'max-age=60', Vary: 'Origin' }, { page: 'api2' })).toMatchObject({ reachedServer: true, outcome: 'allowed' }));
  it('the same Origin reuses the Vary: Origin answer', () => expect(twice({ 'Cache-Control': 'max-age=60', Vary: 'Origin' }).reachedServer).toBe(false));
  it('Vary: * is never reused', () => expect(twice({ 'Cache-Control': 'max-age=60', Vary: '*' }).reachedServer).toBe(true));
  it('another site has its own partition', () => expect(twice({ 'Cache-Control': 'max-age=60' }, { page: 'partner' }).reachedServer).toBe(true));
  it('a sandboxed page caches nothing', () => {
    expect(predict({ page: 'null', request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'max-age=60' } } }, then: [{}] })[1]!.reachedServer).toBe(true);
  });
  it.each([['no-store'], ['no-cache'], ['max-age=0'], ['max-age="60"']])('Cache-Control: %s is not reused', (cc) => expect(twice({ 'Cache-Control': cc }).reachedServer).toBe(true));
  it('expires after max-age', () => expect(twice({ 'Cache-Control': 'max-age=1' }, { delayMs: 1000 }).reachedServer).toBe(true));
  it('Chromium: a 301 without Cache-Control is reused for ever; a 302 is not', () => {
    const redirectThenAgain = (status: 301 | 302) =>
      predict({ request: { target: 'api' }, server: { redirects: [{ status, to: 'api2', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } }, then: [{}] })[1]!.requests.map((r) => r.origin);
    expect(redirectThenAgain(301)).toEqual(['api2']);
    expect(redirectThenAgain(302)).toEqual(['api', 'api2']);
  });
});

describe('Cross-Origin-Resource-Policy (https://fetch.spec.whatwg.org/#cross-origin-resource-policy-check)', () => {
  const load = (policy: string, page: 'app' | 'partner' | 'null', mode: 'no-cors' | 'cors' = 'no-cors') =>
    first({ page, request: { target: 'api', mode }, server: { actual: { headers: { 'Cross-Origin-Resource-Policy': policy, 'Access-Control-Allow-Origin': '*' } } } });
  it.each([
    ['same-origin', 'app', 'corp-not-same-origin'],
    ['same-site', 'app', null],
    ['same-site', 'partner', 'corp-not-same-site'],
    ['cross-origin', 'partner', null],
    ['SAME-ORIGIN', 'partner', null],
    ['same-origin', 'null', 'corp-not-same-origin'],
    ['same-site', 'null', null],
  ] as const)('%s from page %s -> %s', (policy, page, reason) => {
    const p = load(policy, page);
    expect(p).toMatchObject({ reason, outcome: reason ? 'blocked' : 'opaque', reachedServer: true });
  });
  it('does not apply to mode "cors"', () => expect(load('same-origin', 'partner', 'cors').outcome).toBe('allowed'));
});

describe('cookies (https://fetch.spec.whatwg.org/#http-network-or-cache-fetch)', () => {
  const server = { actual: { headers: { ...ACAO, 'Access-Control-Allow-Credentials': 'true', 'Set-Cookie': 'c=1' } } };
  it('a same-site cookie comes back with credentials "include"', () => {
    expect(predict({ request: { target: 'api', credentials: 'include' }, server, then: [{}] }).map((s) => s.cookieSent)).toEqual([false, true]);
  });
  it('not with the default "same-origin" to another origin', () => {
    expect(predict({ request: { target: 'api', credentials: 'include' }, server, then: [{ request: { credentials: 'same-origin' } }] })[1]?.cookieSent).toBe(false);
  });
  it('Chromium: not for a cross-site page (third-party cookies blocked)', () => {
    expect(predict({ page: 'evil', request: { target: 'api', credentials: 'include' }, server, then: [{}] })[1]?.cookieSent).toBe(false);
  });
});

describe('reasons', () => {
  const reproduced = new Set(catalog.flatMap((e) => [e.expect?.reason, ...(e.then ?? []).map((s) => s.expect?.reason)]));
  for (const reason of MODEL_REASONS) {
    it(`${reason}: reproduced by a catalog experiment, or noted as unreproducible`, () => {
      expect(reproduced.has(reason) || UNREPRODUCIBLE[reason] !== undefined).toBe(true);
    });
  }
});
