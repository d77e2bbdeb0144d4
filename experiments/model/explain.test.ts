import { describe, expect, it } from 'vitest';
import { validateExperiments } from '../../format/validate.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import { explain } from './explain.ts';
import { experimentUrl, predictExperiment } from './predict.ts';

const origins = originMap(originsAtPortBase(5310));
const APP = 'http://localhost:5310';

function explained(input: Record<string, unknown>, api: 'fetch' | 'xhr' = 'fetch') {
  const [experiment] = validateExperiments({ id: 'x', title: 'x', group: 'simple', ...input }, 'test');
  const p = predictExperiment(experiment!, origins, 'r1')[0]!;
  const url = experimentUrl(experiment!, origins, 'r1');
  return { url, e: explain(p, { url, pageOrigin: APP, api, method: String((input.request as { method?: string }).method ?? 'GET'), credentialsInclude: (input.request as { credentials?: string }).credentials === 'include' }) };
}

describe('explain', () => {
  it('says where a preflight stopped, prints Chromium\'s line, and names the header that fixes it', () => {
    const { url, e } = explained({ request: { target: 'api', method: 'PUT' }, server: { preflight: { headers: { 'Access-Control-Allow-Origin': '{page}' } } } });
    expect(e.verdict).toBe('Blocked at the preflight: PUT is not in Access-Control-Allow-Methods.');
    expect(e.console).toBe(`Access to fetch at '${url}' from origin '${APP}' has been blocked by CORS policy: Method PUT is not allowed by Access-Control-Allow-Methods in preflight response.`);
    expect(e.fix).toBe('Access-Control-Allow-Methods: PUT');
    expect(e.mdn).toBe('https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors/CORSMethodNotFound');
    expect(e.firefox).toContain('(Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’).');
  });

  it('tells that a blocked simple request still reached the server', () => {
    const { e } = explained({ request: { target: 'api' } });
    expect(e.verdict).toBe('Blocked after the response arrived: the answer has no Access-Control-Allow-Origin header (the server still ran the request).');
    expect(e.fix).toContain(`Access-Control-Allow-Origin: ${APP}`);
  });

  it('fixes a credentialed wildcard with the origin and Allow-Credentials, in XHR words for XHR', () => {
    const { e } = explained({ request: { api: 'xhr', target: 'api', credentials: 'include' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } }, 'xhr');
    expect(e.fix).toBe(`Access-Control-Allow-Origin: ${APP}\nAccess-Control-Allow-Credentials: true\nVary: Origin`);
    expect(e.console).toMatch(/^Access to XMLHttpRequest at .* controlled by the withCredentials attribute\.$/);
    expect(e.firefox).toContain('Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’');
  });

  it('writes a header value beyond ASCII as Chromium\'s console does (\\u00E9)', () => {
    const { e } = explained({ request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '\u00e9' } } } });
    expect(e.console).toContain("contains the invalid value '\\u00E9'.");
  });

  it('names the hop Local Network Access refused, and its address space, after a redirect', () => {
    const { url, e } = explained({ page: 'public', request: { target: 'public' }, server: { redirects: [{ to: 'api', headers: { 'Access-Control-Allow-Origin': '*' } }] } });
    expect(e.console).toContain(`at 'http://localhost:5311/`);
    expect(e.console).toContain(`(redirected from '${url}')`);
    expect(e.console).toContain('access the `loopback` address space.');
  });

  it('names the redirect in the console line when a later hop fails', () => {
    const { url, e } = explained({ request: { target: 'api' }, server: { redirects: [{ to: 'api2', headers: { 'Access-Control-Allow-Origin': '*' } }] } });
    expect(e.console).toContain(`(redirected from '${url}') from origin '${APP}'`);
  });

  it('says what JavaScript can read when allowed, and that opaque means nothing readable', () => {
    expect(explained({ request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } }).e).toMatchObject({ verdict: expect.stringMatching(/^Allowed: the answer passed the CORS check; JavaScript can read status 200 and \d+ headers?\.$/), console: null, fix: null });
    // One readable header is "1 header".
    const [one] = validateExperiments({ id: 'x', title: 'x', group: 'simple', request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } }, 'test');
    const p = predictExperiment(one!, origins, 'r1')[0]!;
    expect(explain({ ...p, readableHeaders: ['content-length'] }, { url: experimentUrl(one!, origins, 'r1'), pageOrigin: APP, api: 'fetch', method: 'GET', credentialsInclude: false }).verdict).toMatch(/ and 1 header\.$/);
    expect(explained({ request: { target: 'api', mode: 'no-cors' } }).e.verdict).toBe('Opaque: mode "no-cors" skips the CORS check; JavaScript sees status 0, no headers and no body.');
  });
});
