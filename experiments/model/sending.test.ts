/**
 * The model of a form and a beacon (sending.ts), against what Chromium 156 did in the measurements behind the
 * csrf and beacon groups: a beacon's mode from its Content-Type, a form's Origin and cookies on a top-level
 * navigation, and an outcome the page never sees past `opaque`.
 */
import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../format/format-defaults.ts';
import type { Experiment } from '../../format/schema.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { CookieJar } from './cookie-jar.ts';
import { predictExperiment } from './predict.ts';
import { beaconFetch, formSubmission } from './sending.ts';
import { explainStep } from './explain-context.ts';
import { experimentUrl } from './predict.ts';

describe('beaconFetch', () => {
  it.each([
    [undefined, 'text/plain;charset=UTF-8', 'no-cors'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded', 'no-cors'],
    ['text/plain', 'text/plain', 'no-cors'],
    ['application/json', 'application/json', 'cors'],
  ] as const)('Content-Type %s: sends %s in mode %s, credentials included, POST', (type, sent, mode) => {
    const beacon = beaconFetch(resolveRequest({ api: 'beacon', target: 'api', ...(type ? { headers: { 'Content-Type': type } } : {}) }));
    expect(beacon).toMatchObject({ contentType: sent, mode, credentials: 'include', method: 'POST' });
  });
});

describe('formSubmission', () => {
  it('a POST carries the page\'s Origin; a GET navigation carries none (measured)', () => {
    expect(formSubmission(resolveRequest({ api: 'form', target: 'api', method: 'post' }), 'http://evil.localhost:5314')).toEqual({
      method: 'POST', enctype: 'application/x-www-form-urlencoded', originHeader: 'http://evil.localhost:5314',
    });
    expect(formSubmission(resolveRequest({ api: 'form', target: 'api' }), 'http://evil.localhost:5314').originHeader).toBeNull();
  });
});

describe('CookieJar.sendsOnNavigation', () => {
  const target = new URL('http://localhost:5311/__cl/r/0/p/transfer');
  const LOCALHOST = 'http://localhost';
  const EVIL = 'http://evil.localhost';
  // Measured in Chromium 156 through a popup: SameSite by the initiator's site, third-party blocking irrelevant.
  it.each([
    ['SameSite=Lax', EVIL, 'POST', false],
    ['SameSite=Lax', EVIL, 'GET', true],
    ['SameSite=Strict', EVIL, 'GET', false],
    ['SameSite=Strict', LOCALHOST, 'POST', true],
    ['SameSite=None; Secure', EVIL, 'POST', true],
    // Chromium's Lax-allowing-unsafe: a cookie without SameSite, set under 2 minutes ago, goes on a cross-site POST.
    ['HttpOnly', EVIL, 'POST', true],
  ])('%s from %s with %s: sent %s', (attributes, initiator, method, sent) => {
    const jar = new CookieJar('blocked');
    jar.store([`c=1; ${attributes}`], target, LOCALHOST, LOCALHOST);
    expect(jar.sendsOnNavigation(target, initiator, LOCALHOST, method)).toBe(sent);
  });

  it('an opaque initiator is cross-site to everything', () => {
    const jar = new CookieJar('blocked');
    jar.store(['c=1; SameSite=Lax'], target, LOCALHOST, LOCALHOST);
    expect(jar.sendsOnNavigation(target, null, LOCALHOST, 'POST')).toBe(false);
  });
});

const login = { page: 'app', request: { target: 'api', path: '/t', credentials: 'include' } } as const;
function withCookie(cookie: string, attack: NonNullable<Experiment['then']>[number]): Experiment {
  return {
    id: 'x', title: 'x', group: 'csrf', ...login,
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true', 'Set-Cookie': `s=1; ${cookie}` } } },
    then: [attack],
  } as Experiment;
}

describe('predicting a form and a beacon', () => {
  it('a forged form POST is opaque to the page, reaches the server with a None cookie and without a Lax one', () => {
    const form = { page: 'evil', request: { api: 'form', method: 'POST', body: 'a=1' } } as const;
    const [, none] = predictExperiment(withCookie('SameSite=None; Secure', form), DEFAULT_ORIGIN_MAP);
    expect(none).toMatchObject({ outcome: 'opaque', reason: null, status: null, preflight: false, reachedServer: true, cookieSent: true, serverStatus: 200, originSeen: DEFAULT_ORIGIN_MAP.evil });
    const [, lax] = predictExperiment(withCookie('SameSite=Lax', form), DEFAULT_ORIGIN_MAP);
    expect(lax).toMatchObject({ outcome: 'opaque', reachedServer: true, cookieSent: false });
  });

  it('an Origin check answers the forged form 403 and the own page 200', () => {
    const experiment = (page: 'evil' | 'app'): Experiment => ({
      ...withCookie('SameSite=None; Secure', { page, request: { api: 'form', method: 'POST' } }),
      server: { acceptOrigins: ['{page}'], actual: { headers: { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true' } } },
    });
    expect(predictExperiment(experiment('evil'), DEFAULT_ORIGIN_MAP)[1]).toMatchObject({ reachedServer: true, serverStatus: 403 });
    expect(predictExperiment(experiment('app'), DEFAULT_ORIGIN_MAP)[1]).toMatchObject({ reachedServer: true, serverStatus: 200 });
  });

  it('a beacon whose preflight fails never sends its POST, stays opaque, and explains the console line Chromium prints', () => {
    const experiment = { id: 'x', title: 'x', group: 'beacon', page: 'evil', request: { api: 'beacon', target: 'api', headers: { 'Content-Type': 'application/json' }, body: '{}' } } as Experiment;
    const [step] = predictExperiment(experiment, DEFAULT_ORIGIN_MAP);
    expect(step).toMatchObject({ outcome: 'opaque', reason: null, preflight: true, reachedServer: false, serverStatus: null });
    const url = experimentUrl(experiment, DEFAULT_ORIGIN_MAP, 'predicted');
    const explanation = explainStep(step!, { url, pageOrigin: DEFAULT_ORIGIN_MAP.evil, request: resolveRequest(experiment.request) });
    expect(explanation.console).toBe(
      `Access to resource at '${url}' from origin '${DEFAULT_ORIGIN_MAP.evil}' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
    );
    expect(explanation.verdict).toMatch(/never reached the server/);
  });

  it('a text beacon is no-cors: no preflight, delivered, no console line', () => {
    const experiment = { id: 'x', title: 'x', group: 'beacon', page: 'evil', request: { api: 'beacon', target: 'api', body: 'a' } } as Experiment;
    const [step] = predictExperiment(experiment, DEFAULT_ORIGIN_MAP);
    expect(step).toMatchObject({ outcome: 'opaque', preflight: false, reachedServer: true, originSeen: DEFAULT_ORIGIN_MAP.evil });
    expect(step!.unseenFailure).toBeUndefined();
  });
});
