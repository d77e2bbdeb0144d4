/**
 * The model of frames (format 1.2), in Node: X-Frame-Options as HTML processes it, CSP frame-ancestors,
 * COEP and CORP of a framed document, postMessage delivery, and the schema's rules for the new fields.
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentInput } from '../../format/schema.ts';
import { ExperimentError } from '../../format/experiment-error.ts';
import { validateExperiments } from '../../format/validate.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { predictExperiment } from './predict.ts';
import { explainStep } from './explain-context.ts';
import { fixFor } from './fix.ts';
import { frameAncestorsAllow, messageTaken, xFrameOptionsAllow } from './frame-load.ts';

const APP = DEFAULT_ORIGIN_MAP.app;
const API = DEFAULT_ORIGIN_MAP.api;
const PARTNER = DEFAULT_ORIGIN_MAP.partner;

function validated(input: Omit<ExperimentInput, 'id' | 'title' | 'group'>) {
  const [experiment] = validateExperiments({ id: 'x', title: 'x', group: 'frames', ...input }, 'frames.json');
  if (!experiment) throw new Error('no experiment');
  return experiment;
}
function predicted(input: Omit<ExperimentInput, 'id' | 'title' | 'group'>) {
  const [step] = predictExperiment(validated(input), DEFAULT_ORIGIN_MAP);
  if (!step) throw new Error('no step');
  return step;
}

describe('X-Frame-Options', () => {
  it('DENY refuses every ancestor, its own origin included; SAMEORIGIN only other origins', () => {
    expect(xFrameOptionsAllow([['X-Frame-Options', 'DENY']], [API], `${API}/`)).toBe(false);
    expect(xFrameOptionsAllow([['X-Frame-Options', 'sameorigin']], [API], `${API}/`)).toBe(true);
    expect(xFrameOptionsAllow([['X-Frame-Options', 'SAMEORIGIN']], [APP], `${API}/`)).toBe(false);
  });

  it('ignores what it does not know (ALLOW-FROM, a typo) and refuses conflicting values', () => {
    for (const value of ['ALLOW-FROM http://localhost', 'denyy', 'ALLOWALL']) expect(xFrameOptionsAllow([['X-Frame-Options', value]], [APP], `${API}/`), value).toBe(true);
    expect(xFrameOptionsAllow([['X-Frame-Options', 'DENY, SAMEORIGIN']], [API], `${API}/`)).toBe(false);
    expect(xFrameOptionsAllow([['X-Frame-Options', 'sameorigin'], ['x-frame-options', 'SAMEORIGIN']], [API], `${API}/`)).toBe(true);
  });
});

describe('CSP frame-ancestors', () => {
  const csp = (value: string) => [['Content-Security-Policy', value]] as Array<[string, string]>;
  it('does not apply without the directive, and lists the page by origin, host, wildcard port, self, *', () => {
    expect(frameAncestorsAllow(csp("default-src 'self'"), [APP], `${PARTNER}/`)).toBeNull();
    expect(frameAncestorsAllow(csp(`frame-ancestors ${APP}`), [APP], `${PARTNER}/`)).toBe(true);
    expect(frameAncestorsAllow(csp('frame-ancestors localhost:*'), [APP], `${PARTNER}/`)).toBe(true);
    expect(frameAncestorsAllow(csp('frame-ancestors *'), [APP], `${PARTNER}/`)).toBe(true);
    expect(frameAncestorsAllow(csp("frame-ancestors 'self'"), [APP], `${APP}/`)).toBe(true);
    expect(frameAncestorsAllow(csp("frame-ancestors 'self'"), [APP], `${PARTNER}/`)).toBe(false);
    expect(frameAncestorsAllow(csp("frame-ancestors 'none'"), [APP], `${APP}/`)).toBe(false);
    expect(frameAncestorsAllow(csp(`frame-ancestors ${API}`), [APP], `${PARTNER}/`)).toBe(false);
  });

  it('needs every policy with the directive to allow the page, and no opaque ancestor passes', () => {
    const two: Array<[string, string]> = [['Content-Security-Policy', `frame-ancestors ${APP}`], ['Content-Security-Policy', "frame-ancestors 'none'"]];
    expect(frameAncestorsAllow(two, [APP], `${PARTNER}/`)).toBe(false);
    expect(frameAncestorsAllow(csp(`frame-ancestors *, frame-ancestors ${API}`), [APP], `${PARTNER}/`)).toBe(false);
    expect(frameAncestorsAllow(csp('frame-ancestors *'), ['null'], `${PARTNER}/`)).toBe(false);
  });
});

describe('a frame step', () => {
  it('is a navigation: no Origin, no preflight, the plan\'s framing headers on the answer', () => {
    // A frame takes no method or headers (format/request-fields.ts); a then step inherits the first step's.
    const [experiment] = validateExperiments({
      id: 'x', title: 'x', group: 'frames',
      request: { target: 'partner', method: 'PUT', headers: { 'X-Custom': '1' } }, then: [{ request: { api: 'iframe' } }],
    }, 'frames.json');
    const step = predictExperiment(experiment!, DEFAULT_ORIGIN_MAP)[1]!;
    expect(step).toMatchObject({ outcome: 'allowed', reason: null, framed: true, domReadable: false, preflight: false, originSeen: null, reachedServer: true });
    expect(step.requests.map((r) => r.method)).toEqual(['GET']);
  });

  it('refuses by frame-ancestors before X-Frame-Options, which it then ignores', () => {
    expect(predicted({ request: { api: 'iframe', target: 'api' }, server: { actual: { headers: { 'X-Frame-Options': 'DENY', 'Content-Security-Policy': 'frame-ancestors {page}' } } } }))
      .toMatchObject({ outcome: 'allowed', framed: true });
    expect(predicted({ request: { api: 'iframe', target: 'api' }, server: { actual: { headers: { 'Content-Security-Policy': "frame-ancestors 'none'" } } } }))
      .toMatchObject({ outcome: 'blocked', reason: 'other', framed: false, domReadable: false, delivered: null });
  });

  it('under the page\'s COEP checks CORP first, then the document\'s own COEP; a secure page only', () => {
    const coep = { 'Cross-Origin-Embedder-Policy': 'require-corp' };
    expect(predicted({ pageHeaders: coep, request: { api: 'iframe', target: 'partner' } }).reason).toBe('corp-not-same-origin-after-defaulted-to-same-origin-by-coep');
    expect(predicted({ pageHeaders: coep, request: { api: 'iframe', target: 'partner' }, server: { actual: { headers: { 'Cross-Origin-Resource-Policy': 'cross-origin' } } } }).reason)
      .toBe('coep-frame-resource-needs-coep-header');
    // The same page reached over http:// by a class name is no secure context: COEP does not apply.
    const [step] = predictExperiment(validated({ pageHeaders: coep, request: { api: 'iframe', target: 'partner' } }), { ...DEFAULT_ORIGIN_MAP, app: 'http://lab.example:5310' });
    expect(step?.framed).toBe(true);
  });

  it('follows redirects: the frame ends where the last hop is, and only its own origin is readable', () => {
    const step = predicted({ request: { api: 'iframe', target: 'api' }, server: { redirects: [{ to: 'app' }] } });
    expect(step).toMatchObject({ framed: true, domReadable: true });
    expect(step.requests.map((r) => r.origin)).toEqual(['api', 'app']);
  });

  it('explains and fixes a refused frame in both languages, the fix being a header the model checks', () => {
    const experiment = validated({ request: { api: 'iframe', target: 'api' }, server: { actual: { headers: { 'X-Frame-Options': 'SAMEORIGIN' } } } });
    const [step] = predictExperiment(experiment, DEFAULT_ORIGIN_MAP);
    const context = { url: `${API}/`, pageOrigin: APP, request: { api: 'iframe' as const, method: 'GET', credentials: 'same-origin' as const, targetAddressSpace: undefined } };
    expect(explainStep(step!, context).verdict).toMatch(/X-Frame-Options refuses this page/);
    expect(explainStep(step!, context, 'zh-CN').verdict).toMatch(/^拦截：/);
    const fix = fixFor(experiment, DEFAULT_ORIGIN_MAP);
    expect(fix).toEqual({ changes: [expect.objectContaining({ header: 'Content-Security-Policy', value: "frame-ancestors 'self' {page}" })], impossible: null });
  });
});

describe('postMessage', () => {
  it('arrives for "*", "/" to its own origin, or the frame\'s exact origin; is taken as the receiver accepts', () => {
    expect(messageTaken('*', PARTNER, APP, '*')).toEqual({ arrives: true, taken: true });
    expect(messageTaken('/', APP, APP, '*')).toEqual({ arrives: true, taken: true });
    expect(messageTaken('/', PARTNER, APP, '*')).toEqual({ arrives: false, taken: false });
    expect(messageTaken(`${PARTNER}/some/path`, PARTNER, APP, '*')).toEqual({ arrives: true, taken: true });
    expect(messageTaken(API, PARTNER, APP, '*')).toEqual({ arrives: false, taken: false });
    expect(messageTaken('*', PARTNER, DEFAULT_ORIGIN_MAP.evil, [APP])).toEqual({ arrives: true, taken: false });
  });

  it('predicts delivered with no reason either way; a dropped message has no header fix', () => {
    const dropped = validated({ request: { api: 'postMessage', target: 'partner', targetOrigin: '{origin:api}' } });
    expect(predictExperiment(dropped, DEFAULT_ORIGIN_MAP)[0]).toMatchObject({ outcome: 'blocked', reason: null, framed: true, delivered: false });
    expect(fixFor(dropped, DEFAULT_ORIGIN_MAP)).toEqual({ changes: [], impossible: expect.stringMatching(/targetOrigin/) });
    expect(predicted({ request: { api: 'postMessage', target: 'partner', targetOrigin: '{page}' } }).delivered).toBe(false);
    expect(predicted({ request: { api: 'postMessage', target: 'app', targetOrigin: '{page}' } }).delivered).toBe(true);
  });
});

describe('the schema of the frame fields', () => {
  const problem = (input: object): string => {
    try {
      validateExperiments({ id: 'x', title: 'x', group: 'frames', ...input }, 'frames.json');
    } catch (error) {
      if (error instanceof ExperimentError) return error.message;
      throw error;
    }
    return 'valid';
  };
  it('names the field of each misuse', () => {
    expect(problem({ request: { target: 'api', targetOrigin: '*' } })).toMatch(/request\.targetOrigin: targetOrigin applies to postMessage, not to fetch/);
    expect(problem({ request: { api: 'postMessage', target: 'api', targetOrigin: 'evil' } })).toMatch(/request\.targetOrigin: targetOrigin is "\*", "\/" or an origin/);
    expect(problem({ request: { api: 'postMessage', target: 'api', targetOrigin: '{origin:nope}' } })).toMatch(/request\.targetOrigin/);
    expect(problem({ request: { target: 'api' }, server: { actual: { page: { acceptMessagesFrom: '*' } } } })).toMatch(/server\.actual\.page: server\.actual\.page applies to iframe, postMessage and window-open, not to fetch/);
    expect(problem({ request: { api: 'iframe', target: 'api' }, server: { actual: { body: '<script>1</script>' } } })).toMatch(/server\.actual\.body: a framed target is the lab's own page/);
    expect(problem({ request: { api: 'postMessage', target: 'api' }, server: { actual: { page: { acceptMessagesFrom: ['javascript:alert(1)'] } } } })).toMatch(/acceptMessagesFrom/);
    expect(problem({ request: { api: 'postMessage', target: 'api' }, server: { actual: { page: { acceptMessagesFrom: Array(9).fill('{page}') } } } })).toMatch(/at most 8/);
    expect(problem({ request: { api: 'postMessage', target: 'api', targetOrigin: '/' }, server: { actual: { page: { acceptMessagesFrom: ['{page}', 'http://127.0.0.1:9'] } } } })).toBe('valid');
  });
});

describe('a popup (window-open)', () => {
  const popup = (input: Omit<ExperimentInput, 'id' | 'title' | 'group' | 'request'>, request: Partial<ExperimentInput['request']> = {}) =>
    predicted({ ...input, request: { api: 'window-open', target: 'partner', ...request } });
  it('keeps its opener unless noopener or COOP on either side severs it; opaque, no reason, X-Frame-Options not involved', () => {
    expect(popup({ server: { actual: { headers: { 'X-Frame-Options': 'DENY' } } } })).toMatchObject({ outcome: 'opaque', reason: null, openerKept: true, domReadable: false, framed: null });
    expect(popup({}, { noopener: true }).openerKept).toBe(false);
    expect(popup({ server: { actual: { headers: { 'Cross-Origin-Opener-Policy': 'same-origin' } } } }).openerKept).toBe(false);
    expect(popup({ pageHeaders: { 'Cross-Origin-Opener-Policy': 'same-origin' } }).openerKept).toBe(false);
    expect(popup({ pageHeaders: { 'Cross-Origin-Opener-Policy': 'same-origin-allow-popups' } }).openerKept).toBe(true);
    expect(popup({}, { target: 'app' })).toMatchObject({ openerKept: true, domReadable: true });
  });

  it('asks the origin as a window (Sec-Fetch-Dest: document) and so gets the lab\'s target page', () => {
    const step = popup({});
    expect(step.requests[0]?.responseHeaders.find(([name]) => name === 'Content-Type')?.[1]).toBe('text/html; charset=utf-8');
  });

  it('takes noopener only for window-open, naming the field', () => {
    expect(() => validated({ request: { api: 'iframe', target: 'api', noopener: true } })).toThrow(/request\.noopener: noopener applies to window-open and postMessage, not to iframe/);
  });
});
