/**
 * The model for Firefox without a browser: each measured difference (DEVIATIONS.md, "Firefox") on the
 * catalog experiment that shows it. runner/run-browsers.test.ts (`run --browser firefox`) holds the same predictions
 * to real Firefox.
 */
import { isFirefoxFrameReason } from '../../format/firefox-frame-lines.ts';
import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog/index.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { FIREFOX_REASON_TABLE, isFirefoxReason } from '../../format/firefox-reasons.ts';
import { isFirefoxCorpReason } from '../../format/firefox-corp.ts';
import { firefoxConsoleLines, predictFirefox } from './engine-firefox.ts';
import { explain } from './explain.ts';
import { validateExperiments } from '../../format/validate.ts';
import { experimentUrl, predictExperimentAsync } from './predict.ts';

const origins = DEFAULT_ORIGIN_MAP;
const experiment = (id: string) => {
  const found = catalog.find((e) => e.id === id);
  if (!found) throw new Error(`no catalog experiment ${id}`);
  return found;
};
const firefox = (id: string) => predictFirefox(experiment(id), origins, 'r');
const chromium = (id: string) => predictExperimentAsync(experiment(id), origins, 'r');

describe('the model for Firefox', () => {
  it('speaks only Firefox reasons in the whole catalog, naming a value only where its words have one', async () => {
    const withValue = new Set(FIREFOX_REASON_TABLE.filter((r) => r.words.includes('%')).map((r) => r.name));
    for (const e of catalog) {
      for (const step of await predictFirefox(e, origins, 'r')) {
        // Its CORS reasons, its CORP line, or a frame refusal (firefox-frame-lines.ts), whose line always names a value.
        const frame = step.reason !== null && isFirefoxFrameReason(step.reason);
        const own = step.reason !== null && (isFirefoxReason(step.reason) || isFirefoxCorpReason(step.reason) || frame);
        if (step.reason !== null) expect(own, `${e.id}: ${step.reason}`).toBe(true);
        const named = frame || (step.reason !== null && isFirefoxReason(step.reason) && withValue.has(step.reason));
        expect(step.failedParameter !== null, `${e.id}: ${step.reason} ${step.failedParameter}`).toBe(named);
      }
    }
  });

  it('writes the console lines Firefox prints, with the URL, the value and the status code', async () => {
    const url = (id: string) => experimentUrl(experiment(id), origins, 'r');
    const lineOf = async (id: string, i = 0) => firefoxConsoleLines(await firefox(id), url(id))[i];
    const at = 'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at';
    expect(await lineOf('simple-get-no-acao')).toBe(
      `${at} ${url('simple-get-no-acao')}. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing).` +
        ' Status code: 200.',
    );
    expect(await lineOf('credentials-wildcard-origin')).toMatch(/ at ‘http:.*’\. \(Reason: Credential is not/);
    expect(await lineOf('preflight-status-500')).toMatch(/response did not succeed\)\. Status code: 500\.$/);
    expect(await lineOf('preflight-allow-methods-invalid')).toContain('(Reason: invalid token ‘PUT DELETE’ in CORS');
    expect(await lineOf('redirect-userinfo')).toMatch(/request did not succeed\)\. Status code: \(null\)\.$/);
    expect(await lineOf('cache-poisoning-no-cors-first', 1)).toMatch(/missing\)\. Status code: 200\.$/);
    expect(await lineOf('simple-get-wildcard')).toBeNull();
    // A CORP refusal, by a header and by COEP's default: Firefox's own line, no "Cross-Origin Request Blocked".
    for (const id of ['corp-same-origin-refuses-script', 'isolation-coep-blocks-same-site-image']) {
      expect(await lineOf(id)).toBe(
        `The resource at “${url(id)}” was blocked due to its Cross-Origin-Resource-Policy header (or lack thereof).` +
          ' See https://developer.mozilla.org/docs/Web/HTTP/Cross-Origin_Resource_Policy_(CORP)#',
      );
    }
    expect(await lineOf('redirect-mode-error')).toBeNull();
  });

  for (const [id, reason] of [
    ['simple-get-no-acao', 'CORSMissingAllowOrigin'],
    ['simple-get-two-acao-lines', 'CORSMultipleAllowOriginNotAllowed'],
    ['simple-get-acao-list', 'CORSAllowOriginNotMatchingOrigin'],
    ['simple-get-acao-host-only', 'CORSAllowOriginNotMatchingOrigin'],
    ['preflight-two-acao-lines', 'CORSMultipleAllowOriginNotAllowed'],
    ['preflight-status-500', 'CORSPreflightDidNotSucceed'],
    ['preflight-redirected', 'CORSExternalRedirectNotAllowed'],
    ['credentials-missing-allow-credentials', 'CORSMIssingAllowCredentials'],
    ['redirect-userinfo', 'CORSDidNotSucceed'],
    ['redirect-to-ftp-cors', 'CORSDidNotSucceed'],
    ['redirect-mode-error', null],
    ['simple-same-origin-mode-blocked', null],
    ['no-cors-corp-same-origin', 'CORPBlocked'],
    ['corp-same-site-refuses-other-site', 'CORPBlocked'],
    ['isolation-coep-blocks-image-without-corp', 'CORPBlocked'],
    ['corp-same-site-allows-same-site', null],
  ] as const) {
    it(`words ${id} as ${reason}`, async () => {
      expect((await firefox(id))[0]?.reason).toBe(reason);
    });
  }

  it('gives the explanation the same Firefox line and MDN page where the flows agree', async () => {
    const ids = [
      'simple-get-no-acao', 'preflight-custom-header-missing', 'redirect-userinfo',
      'credentials-wildcard-origin',
    ];
    for (const id of ids) {
      const url = experimentUrl(experiment(id), origins, 'r');
      const [step] = await chromium(id);
      const context = { url, pageOrigin: origins.app, api: 'fetch', method: 'GET', credentialsInclude: false } as const;
      const explained = explain(step!, context);
      const [line] = firefoxConsoleLines(await firefox(id), url);
      expect(explained.firefox, id).toBe(line);
      const reason = (await firefox(id))[0]?.reason;
      expect(explained.mdn, id).toBe(`https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS/Errors/${reason}`);
    }
  });

  it('calls an empty cached Access-Control-Allow-Origin missing', async () => {
    expect((await firefox('cache-poisoning-no-cors-first'))[1]?.reason).toBe('CORSMissingAllowOrigin');
  });

  it('follows an empty Location to the redirect limit, where Chromium takes the 3xx as the answer', async () => {
    const [step] = await firefox('redirect-empty-location');
    expect(step).toMatchObject({ outcome: 'blocked', reason: 'CORSDidNotSucceed', status: null, reachedServer: true });
    expect(step?.requests).toHaveLength(21);
    expect((await chromium('redirect-empty-location'))[0]).toMatchObject({ outcome: 'allowed', status: 302 });
  });

  it('preflights every hop after a cross-origin redirect with the page\'s origin', async () => {
    const [get] = await firefox('redirect-301-post-becomes-get');
    expect(get?.requests.map((r) => `${r.hop} ${r.method} ${r.originHeader}`)).toEqual([
      '0 OPTIONS http://localhost:5310', '0 POST http://localhost:5310',
      '1 OPTIONS http://localhost:5310', '1 GET null',
    ]);
    const [put] = await firefox('redirect-second-preflight-refused');
    expect(put).toMatchObject({
      outcome: 'blocked', reason: 'CORSAllowOriginNotMatchingOrigin', reachedServer: true, originSeen: 'null',
    });
  });

  it('keys the preflight cache as the standard does: by credentials, and by the header names a * was for', async () => {
    for (const id of ['cache-credentialed-entry-without-credentials', 'cache-wildcard-headers-new-name']) {
      expect((await firefox(id)).map((s) => s.preflight), id).toEqual([true, true]);
      expect((await chromium(id)).map((s) => s.preflight), id).toEqual([true, false]);
    }
    expect((await firefox('cache-max-age-reuse')).map((s) => s.preflight)).toEqual([true, false]);
  });

  it('reuses a preflight for the same opaque page origin', async () => {
    expect((await firefox('null-origin-preflight-never-cached')).map((s) => s.preflight)).toEqual([true, false]);
    expect((await chromium('null-origin-preflight-never-cached')).map((s) => s.preflight)).toEqual([true, true]);
  });

  it('lets a no-cors script\'s errors through unmuted, where Chromium mutes them', async () => {
    expect((await firefox('errors-muted-for-no-cors-script'))[0]?.scriptErrorMuted).toBe(false);
    expect((await chromium('errors-muted-for-no-cors-script'))[0]?.scriptErrorMuted).toBe(true);
    expect((await firefox('errors-full-for-cors-script'))[0]?.scriptErrorMuted).toBe(false);
  });

  it('isolates a page with COOP and COEP, credentialless too, and gives it SharedArrayBuffer', async () => {
    for (const id of ['isolation-coop-and-coep-isolate', 'isolation-coep-credentialless-loads-image']) {
      expect((await firefox(id))[0], id).toMatchObject({ crossOriginIsolated: true, sharedArrayBuffer: true });
    }
    expect((await firefox('isolation-coep-alone-not-enough'))[0]).toMatchObject({ crossOriginIsolated: false });
  });

  it('refuses partitioned cookies when third-party ones are blocked; sends SameSite-less ones cross-site', async () => {
    expect((await firefox('cookies-cross-site-partitioned-3pc-blocked'))[1]?.cookieSent).toBe(false);
    expect((await firefox('cookies-cross-site-partitioned-3pc-allowed'))[1]?.cookieSent).toBe(true);
    expect((await firefox('cookies-cross-site-default-samesite-3pc-allowed'))[1]?.cookieSent).toBe(true);
    expect((await firefox('cookies-cross-site-default-samesite-3pc-blocked'))[1]?.cookieSent).toBe(false);
  });
  it("prints a beacon's CORS failure, which its page never sees, with no reason (beacon-json-blob-*)", async () => {
    const url = (id: string) => experimentUrl(experiment(id), origins, 'r');
    const beacon = async (id: string) => {
      const [step] = await firefox(id);
      return { reason: step?.reason, outcome: step?.outcome, line: firefoxConsoleLines(await firefox(id), url(id))[0] };
    };
    const unanswered = await beacon('beacon-json-blob-preflight-unanswered');
    expect(unanswered).toMatchObject({ reason: null, outcome: 'opaque' });
    expect(unanswered.line).toMatch(/\(Reason: CORS header ‘Access-Control-Allow-Origin’ missing\)\. Status code: 204\.$/);
    expect((await beacon('beacon-json-blob-wildcard')).line).toMatch(/\(Reason: Credential is not supported if/);
    // The POST's answer has no Access-Control-Allow-Origin: Firefox says so with the POST's status.
    expect((await beacon('beacon-json-blob-credentialed-preflight')).line).toMatch(/missing\)\. Status code: 200\.$/);
    expect(await beacon('beacon-text-no-preflight')).toMatchObject({ reason: null, outcome: 'opaque', line: null });
  });
  it("nulls Origin by referrer policy for a fetch only: a later beacon step inherits no policy (sendBeacon has none)", async () => {
    const [input] = validateExperiments([{
      id: 'x', title: 'x', group: 'x',
      request: { target: 'api', method: 'POST', body: 'a', mode: 'no-cors', referrerPolicy: 'no-referrer' },
      then: [{ request: { api: 'beacon' } }],
    }], 'test');
    const [fetchStep, beaconStep] = await predictFirefox(input!, origins, 'r');
    // Measured in Firefox 153 and WebKitGTK 2.50 (cors-lab run --browser firefox,webkit): null, then the page's.
    expect(fetchStep?.originSeen).toBe('null');
    expect(beaconStep?.originSeen).toBe(origins.app);
  });
});
