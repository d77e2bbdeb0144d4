/**
 * The fix, held to the model: applied to the plan it must make every step
 * allowed, or it must say why no header can. Runs over the whole catalog, so
 * experiments added later are covered without a new test.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/index.ts';
import { resolveRequest, type ExperimentInput } from '../../format/schema.ts';
import { validateExperiments } from '../../format/validate.ts';
import { originMap, originsAtPortBase } from '../../plan/origins.ts';
import { applyFix, changeText, completeFixText, fixFor, fixForAsync, fixText } from './fix.ts';
import { predictExperiment, predictExperimentAsync } from './predict.ts';

const origins = originMap(originsAtPortBase(5310));
const experimentOf = (input: Omit<ExperimentInput, 'id' | 'title' | 'group'>) => validateExperiments({ id: 'x', title: 'x', group: 'simple', ...input }, 'test')[0]!;
const outcomes = (e: Parameters<typeof predictExperiment>[0]) => predictExperiment(e, origins).map((p) => p.outcome);

describe('the fix of every blocked catalog experiment', async () => {
  // Async: a `server.middleware` plan's replies come from running the real middleware.
  const predicted = await Promise.all(catalog.map((e) => predictExperimentAsync(e, origins)));
  const blocked = catalog.filter((_, i) => predicted[i]!.some((p) => p.outcome === 'blocked'));
  it('covers a real share of the catalog', () => expect(blocked.length).toBeGreaterThan(20));
  for (const experiment of blocked) {
    it(`${experiment.id}: applied, every step is allowed, or it says why no header helps`, async () => {
      const fix = await fixForAsync(experiment, origins);
      const after = (await predictExperimentAsync(applyFix(experiment, fix.changes), origins)).map((p) => p.outcome);
      if (fix.impossible === null) {
        expect(fix.changes.length).toBeGreaterThan(0);
        // Every step allowed; a no-cors step stays opaque by design.
        const want = [experiment.request, ...(experiment.then ?? []).map((s) => s.request)].map((_, k) => (resolveRequest(experiment.request, k === 0 ? undefined : experiment.then?.[k - 1]?.request).mode === 'no-cors' ? 'opaque' : 'allowed'));
        expect(after, after.join()).toEqual(want);
      } else {
        expect(fix.impossible).toMatch(/\w{3,}.*\./);
        expect(after).toContain('blocked');
      }
    });
  }
});

describe('the fix of a middleware plan changes its options', () => {
  const cases: Array<[string, string[]]> = [
    ['hono-cors-wildcard-with-credentials', ['hono/cors option origin: ["{page}"]']],
    ['hono-cors-origin-not-in-list', ['hono/cors option origin: ["{origin:partner}","{page}"]']],
    ['hono-cors-allow-methods', ['hono/cors option allowMethods: ["GET","POST","DELETE"]']],
    ['hono-cors-allow-headers-listed', ['hono/cors option allowHeaders: ["Content-Type","x-custom"]']],
    ['express-cors-credentials-with-default-origin', ['cors option origin: ["{page}"]']],
    ['express-cors-regex-anchored', ['cors option origin: ["/^http:\\\\/\\\\/localhost:\\\\d+$/","{page}"]']],
    ['express-cors-preflight-continue', ['cors option preflightContinue: false']],
    ['express-cors-allowed-headers-listed', ['cors option allowedHeaders: ["Content-Type","authorization"]']],
  ];
  for (const [id, want] of cases) {
    it(`${id}: ${want.join('; ')}`, async () => {
      const experiment = catalog.find((e) => e.id === id)!;
      const fix = await fixForAsync(experiment, origins);
      expect({ changes: fix.changes.map(changeText), impossible: fix.impossible }).toEqual({ changes: want, impossible: null });
      expect((await predictExperimentAsync(applyFix(experiment, fix.changes), origins)).map((p) => p.outcome)).toEqual(['allowed']);
    });
  }

  it('adds credentials: true when the request carries credentials and the options lack it', async () => {
    const experiment = experimentOf({ request: { target: 'api', credentials: 'include' }, server: { middleware: { name: 'hono/cors', options: { origin: ['{origin:partner}'] } } } });
    const fix = await fixForAsync(experiment, origins);
    expect(fix.changes.map(changeText)).toEqual(['hono/cors option origin: ["{origin:partner}","{page}"]', 'hono/cors option credentials: true']);
    expect((await predictExperimentAsync(applyFix(experiment, fix.changes), origins)).map((p) => p.outcome)).toEqual(['allowed']);
  });

  it('an allowed middleware experiment needs no fix (the synchronous model alone would see a stand-in reply)', async () => {
    expect(await fixForAsync(catalog.find((e) => e.id === 'hono-cors-default-wildcard')!, origins)).toEqual({ changes: [], impossible: null });
  });
});

describe('fixFor', () => {
  it("a request the page's own CSP refused: the fix names the page's policy, no answer header (fetch and image)", () => {
    for (const id of ['csp-connect-src-self-refuses-api', 'csp-default-src-refuses-img']) {
      const experiment = catalog.find((e) => e.id === id)!;
      const fix = fixFor(experiment, origins);
      expect(fix.changes, id).toEqual([]);
      expect(fix.impossible, id).toMatch(/connect-src|img-src/);
      expect(fix.impossible, id).not.toMatch(/fetch\(\) allows|no header change/);
    }
  });

  it("a WebSocket the page's own CSP refused: the policy names the ws: origin, not the server's accepted origins", () => {
    const experiment = catalog.find((e) => e.id === 'csp-connect-src-self-refuses-websocket')!;
    const fix = fixFor(experiment, origins);
    expect(fix.changes).toEqual([]);
    expect(fix.impossible).toMatch(/ws:\/\/localhost:5311 to connect-src/);
    expect(fix.impossible).not.toMatch(/acceptOrigins/);
  });

  it("a request the page's own CSP refused: the fix is the page's, said once in each language", () => {
    const experiment = catalog.find((e) => e.id === 'csp-connect-src-self-refuses-api')!;
    const tokens = { page: origins.app, reflect: origins.app };
    expect(fixFor(experiment, origins).pagePolicy).toBe(true);
    const english = fixText(fixFor(experiment, origins), tokens, 'en')!;
    expect(english).toMatch(/^Fix the page: add http:\/\/localhost:5311 to connect-src in the page's Content-Security/);
    expect(english.match(/header/g)).toHaveLength(1);
    const chinese = fixText(fixFor(experiment, origins, undefined, 'zh-CN'), tokens, 'zh-CN')!;
    expect(chinese).toMatch(/^修改页面：在页面的 Content-Security-Policy 的 connect-src 中加入/);
    expect(chinese.match(/响应头/g)).toHaveLength(1);
    // Any other block no header lifts keeps its lead.
    const mode = fixFor(catalog.find((e) => e.id === 'simple-same-origin-mode-blocked')!, origins);
    expect(mode.pagePolicy).toBeUndefined();
    expect(fixText(mode, tokens, 'en')).toMatch(/^No header change alone: /);
  });

  it('fixes the preflight and the actual answer, not just the first block (issue 8, item 6)', () => {
    const experiment = catalog.find((e) => e.id === 'preflight-put-missing-allow-methods')!;
    const fix = fixFor(experiment, origins);
    expect(fix.changes.map(changeText)).toEqual([
      'OPTIONS (preflight): Access-Control-Allow-Methods: PUT',
      'actual answer: Access-Control-Allow-Origin: {page}',
      'actual answer: Vary: Origin',
    ]);
    expect(fix.impossible).toBeNull();
  });

  it('with credentials: the exact origin and Allow-Credentials on both answers; * is literal in the lists', () => {
    const experiment = experimentOf({ request: { target: 'api', method: 'PUT', credentials: 'include' }, server: { preflight: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': '*' } } } });
    const fix = fixFor(experiment, origins);
    expect(fix.changes.map(changeText)).toEqual([
      'OPTIONS (preflight): Access-Control-Allow-Origin: {page}',
      'OPTIONS (preflight): Access-Control-Allow-Credentials: true',
      'OPTIONS (preflight): Access-Control-Allow-Methods: PUT',
      'actual answer: Access-Control-Allow-Origin: {page}',
      'actual answer: Vary: Origin',
      'actual answer: Access-Control-Allow-Credentials: true',
    ]);
    expect(outcomes(applyFix(experiment, fix.changes))).toEqual(['allowed']);
  });

  it('fixes each redirect hop, and reflects Origin on a preflight that answers the page and then "null"', () => {
    const experiment = experimentOf({ request: { target: 'api', method: 'PUT' }, server: { redirects: [{ status: 307, to: 'api2' }] } });
    const fix = fixFor(experiment, origins);
    const text = fix.changes.map(changeText);
    expect(text).toContain('redirect hop 0: Access-Control-Allow-Origin: {page}');
    expect(text).toContain('OPTIONS (preflight): Access-Control-Allow-Origin: {reflect}');
    expect(text).toContain('actual answer: Access-Control-Allow-Origin: *');
    expect(predictExperiment(applyFix(experiment, fix.changes), origins)[0]).toMatchObject({ outcome: 'allowed', originSeen: 'null' });
  });

  it('keeps what the allow-lists already held', () => {
    const experiment = experimentOf({ request: { target: 'api', method: 'PATCH', headers: { 'X-B': '1' } }, server: { preflight: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Methods': 'GET, DELETE', 'access-control-allow-headers': 'X-A' } }, actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } });
    const text = fixFor(experiment, origins).changes.map(changeText);
    expect(text).toEqual(['OPTIONS (preflight): Access-Control-Allow-Methods: GET, DELETE, PATCH', 'OPTIONS (preflight): Access-Control-Allow-Headers: X-A, x-b']);
  });

  it('says why no header helps where none can, and what would', () => {
    expect(fixFor(experimentOf({ request: { target: 'api', method: 'CONNECT' } }), origins)).toEqual({ changes: [], impossible: expect.stringMatching(/^the page refuses the request before sending it \(TypeError: 'CONNECT' HTTP method is unsupported\.\)/) });
    expect(fixFor(experimentOf({ request: { target: 'api', redirect: 'error' }, server: { redirects: [{ to: 'api2' }] } }), origins).impossible).toMatch(/^redirect "error" fails on any redirect/);
    const ftp = experimentOf({ request: { target: 'api' }, server: { actual: { status: 302, headers: { 'Access-Control-Allow-Origin': '*', Location: 'ftp://127.0.0.1/x' } } } });
    expect(fixFor(ftp, origins)).toEqual({ changes: [], impossible: expect.stringMatching(/^a CORS request may only fetch http: and https: URLs/) });
    const data = experimentOf({ request: { target: 'api', mode: 'no-cors' }, server: { actual: { status: 302, headers: { Location: 'data:,x' } } } });
    expect(fixFor(data, origins).impossible).toMatch(/^the browser never follows a redirect to data:/);
    // The changes found before the wall are kept: the hop needs Allow-Origin, then userinfo stops it.
    const userinfo = fixFor(experimentOf({ request: { target: 'api' }, server: { redirects: [{ to: 'api2', userinfo: 'u:p' }] } }), origins);
    expect(userinfo.changes.map(changeText)).toEqual(['redirect hop 0: Access-Control-Allow-Origin: {page}', 'redirect hop 0: Vary: Origin']);
    expect(userinfo.impossible).toMatch(/user:password@/);
  });

  it('a resource refused by its policy (or the page\'s COEP default) gets Cross-Origin-Resource-Policy, not "no header"', () => {
    for (const id of ['corp-same-origin-refuses-other-origin', 'isolation-coep-blocks-image-without-corp']) {
      const fix = fixFor(catalog.find((e) => e.id === id)!, origins);
      expect(fix.impossible, id).toBeNull();
      expect(fix.changes.map((c) => [c.header, c.value]), id).toEqual([['Cross-Origin-Resource-Policy', 'cross-origin']]);
    }
  });

  it('changes nothing when every step is allowed', () => {
    expect(fixFor(catalog.find((e) => e.id === 'preflight-put-allowed')!, origins)).toEqual({ changes: [], impossible: null });
  });

  it('applyFix leaves the experiment it was given untouched', () => {
    const experiment = catalog.find((e) => e.id === 'simple-get-no-acao')!;
    const before = JSON.stringify(experiment);
    applyFix(experiment, fixFor(experiment, origins).changes);
    expect(JSON.stringify(experiment)).toBe(before);
  });
});

describe('completeFixText (explanation.fix of run results)', () => {
  it('writes every change of every response with the page origin filled in', async () => {
    expect(await completeFixText(catalog.find((e) => e.id === 'preflight-put-missing-allow-methods')!, origins)).toBe(
      ['OPTIONS (preflight): Access-Control-Allow-Methods: PUT', `actual answer: Access-Control-Allow-Origin: ${origins.app}`, 'actual answer: Vary: Origin'].join('\n'),
    );
  });
  it('for a middleware plan, the options; where nothing suffices, why', async () => {
    expect(await completeFixText(catalog.find((e) => e.id === 'hono-cors-allow-methods')!, origins)).toBe('hono/cors option allowMethods: ["GET","POST","DELETE"]');
    expect(await completeFixText(catalog.find((e) => e.id === 'simple-same-origin-mode-blocked')!, origins)).toMatch(/^No header change alone: mode "same-origin" refuses another origin/);
    expect(await completeFixText(catalog.find((e) => e.id === 'simple-get-wildcard')!, origins)).toBeNull();
  });
});

describe('a preflight answered 401 or 404: the status change says what it means', () => {
  const whyOfStatus = (id: string) =>
    fixFor(catalog.find((e) => e.id === id)!, origins).changes.find((c) => c.status !== undefined)?.why;
  it('401: auth in front of CORS must let OPTIONS through', () => {
    const auth = /not 401: auth answers OPTIONS before CORS; .*let OPTIONS through unauthenticated/;
    expect(whyOfStatus('preflight-status-401-with-cors')).toMatch(auth);
    expect(whyOfStatus('preflight-status-401-no-cors')).toMatch(/not 401: auth answers OPTIONS before CORS/);
  });
  it('404: no OPTIONS route', () => {
    expect(whyOfStatus('preflight-status-404-with-cors')).toMatch(/not 404: nothing answers OPTIONS here/);
  });
  it('500: only the ok status', () => {
    expect(whyOfStatus('preflight-status-500')).toBe('a preflight answer needs an ok status (200-299)');
  });
});

describe('Vary: Origin is added to a Vary that lacks it, never repeated', () => {
  const base = { request: { target: 'api' as const } };
  const varyChange = (vary: string | undefined) => {
    const headers: Record<string, string> = vary === undefined ? {} : { Vary: vary };
    const experiment = experimentOf({ ...base, server: { actual: { headers } } });
    return fixFor(experiment, origins).changes.find((c) => c.header === 'Vary');
  };
  it('no Vary: Vary: Origin', () => expect(varyChange(undefined)?.value).toBe('Origin'));
  it('Vary: Accept-Encoding: both', () => expect(varyChange('Accept-Encoding')?.value).toBe('Accept-Encoding, Origin'));
  it('Vary: origin or *: nothing', () => {
    expect(varyChange('Accept-Encoding, origin')).toBeUndefined();
    expect(varyChange('*')).toBeUndefined();
  });
});
