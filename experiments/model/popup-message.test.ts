/**
 * Format 1.2, `postMessage` to a popup (`request.via: "window-open"`), in Node: the schema of `via` and of
 * `noopener` beside it, and the model's `delivered`, `openerKept` and `domReadable`, as measured in Chromium 156:
 * the page posts once the popup says it runs; without a live handle (noopener, COOP on either side) nothing is
 * delivered and nothing is reported.
 */
import { describe, expect, it } from 'vitest';
import type { ExperimentInput } from '../../format/schema.ts';
import { ExperimentError } from '../../format/experiment-error.ts';
import { validateExperiments } from '../../format/validate.ts';
import { resolveRequest } from '../../format/format-defaults.ts';
import { problemText } from '../../format/problems/index.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { predictExperiment } from './predict.ts';
import { explainStep } from './explain-context.ts';
import { fixFor } from './fix.ts';

type Fields = Omit<ExperimentInput, 'id' | 'title' | 'group' | 'request'>;

function experiment(input: object) {
  const [one] = validateExperiments({ id: 'x', title: 'x', group: 'postmessage', ...input }, 'popup.json');
  if (!one) throw new Error('no experiment');
  return one;
}
const popupMessage = (fields: Fields = {}, request: Partial<ExperimentInput['request']> = {}) =>
  experiment({ ...fields, request: { api: 'postMessage', via: 'window-open', target: 'partner', ...request } });
function predicted(fields: Fields = {}, request: Partial<ExperimentInput['request']> = {}) {
  const [step] = predictExperiment(popupMessage(fields, request), DEFAULT_ORIGIN_MAP);
  if (!step) throw new Error('no step');
  return step;
}
function problem(input: object): string {
  try {
    experiment(input);
  } catch (error) {
    if (error instanceof ExperimentError) return error.message;
    throw error;
  }
  return 'valid';
}
const context = { url: `${DEFAULT_ORIGIN_MAP.partner}/`, pageOrigin: DEFAULT_ORIGIN_MAP.app, request: { api: 'postMessage' as const, method: 'GET', credentials: 'same-origin' as const, targetAddressSpace: undefined } };

describe('the schema of request.via', () => {
  it('takes "iframe" and "window-open" for postMessage, noopener only with a popup', () => {
    expect(problem({ request: { api: 'postMessage', target: 'partner', via: 'window-open', noopener: true } })).toBe('valid');
    expect(problem({ request: { api: 'postMessage', target: 'partner', via: 'iframe' } })).toBe('valid');
    expect(problem({ request: { api: 'postMessage', target: 'partner', via: 'window-open' }, then: [{ request: { noopener: true } }] })).toBe('valid');
  });

  it('names the field of each misuse, in English and Chinese', () => {
    expect(problem({ request: { api: 'postMessage', target: 'partner', via: 'popup' } })).toMatch(/request\.via: via is one of iframe, window-open/);
    expect(problem({ request: { target: 'api', via: 'window-open' } })).toMatch(/request\.via: via applies to postMessage, not to fetch/);
    expect(problem({ request: { api: 'window-open', target: 'api', via: 'window-open' } })).toMatch(/request\.via: via applies to postMessage, not to window-open/);
    expect(problem({ request: { api: 'postMessage', target: 'partner', noopener: true } }))
      .toMatch(/request\.noopener: noopener applies to a popup: api "window-open", or "postMessage" with via "window-open"/);
    expect(problem({ request: { api: 'postMessage', target: 'partner', via: 'window-open' }, then: [{ request: { via: 'iframe', noopener: false } }] }))
      .toMatch(/then\[0\]\.request\.noopener: noopener applies to a popup/);
    expect(problem({ request: { target: 'api', noopener: true } })).toMatch(/request\.noopener: noopener applies to window-open and postMessage, not to fetch/);
    expect(problemText({ code: 'noopenerFramed' }, 'zh-CN')).toMatch(/^request\.noopener 只用于弹出窗口/);
  });

  it('resolves via to "iframe" for postMessage alone, and noopener for a popup alone', () => {
    expect(resolveRequest({ api: 'postMessage', target: 'partner' })).toMatchObject({ via: 'iframe', noopener: undefined });
    expect(resolveRequest({ api: 'postMessage', target: 'partner', via: 'window-open' })).toMatchObject({ via: 'window-open', noopener: false });
    expect(resolveRequest({ target: 'partner' })).toMatchObject({ via: undefined, noopener: undefined });
  });
});

describe('postMessage to a popup', () => {
  it('is delivered with the popup\'s exact origin, as a top-level window (no framing checks, not framed)', () => {
    expect(predicted({}, { targetOrigin: '{origin:partner}' }))
      .toMatchObject({ outcome: 'allowed', reason: null, delivered: true, openerKept: true, domReadable: false, framed: null });
    expect(predicted({ server: { actual: { headers: { 'X-Frame-Options': 'DENY' } } } })).toMatchObject({ outcome: 'allowed', delivered: true });
    const step = predicted();
    expect(step.requests.map((r) => [r.origin, r.method, r.originHeader])).toEqual([['partner', 'GET', null]]);
    expect(step.requests[0]?.responseHeaders.find(([name]) => name === 'Content-Type')?.[1]).toBe('text/html; charset=utf-8');
  });

  it('is dropped, silently, when targetOrigin is another origin; the words say popup, not frame', () => {
    const step = predicted({}, { targetOrigin: '{origin:api}' });
    expect(step).toMatchObject({ outcome: 'blocked', reason: null, delivered: false, openerKept: true });
    expect(explainStep(step, context)).toMatchObject({ console: null, verdict: expect.stringMatching(/since the popup is not on targetOrigin/) });
    expect(explainStep(step, context, 'zh-CN').verdict).toMatch(/^未送达：弹出窗口不在 targetOrigin 上/);
    expect(fixFor(popupMessage({}, { targetOrigin: '{origin:api}' }), DEFAULT_ORIGIN_MAP))
      .toEqual({ changes: [], impossible: expect.stringMatching(/the popup is really on/) });
  });

  it('is never posted when COOP on either side severs the opener, nor with noopener: no reason, no error', () => {
    const coop = { 'Cross-Origin-Opener-Policy': 'same-origin' };
    const severed = [predicted({ server: { actual: { headers: coop } } }), predicted({ pageHeaders: coop }), predicted({}, { noopener: true })];
    for (const step of severed) expect(step).toMatchObject({ outcome: 'blocked', reason: null, delivered: false, openerKept: false, domReadable: false });
    expect(predicted({ pageHeaders: { 'Cross-Origin-Opener-Policy': 'same-origin-allow-popups' } })).toMatchObject({ delivered: true, openerKept: true });
    expect(explainStep(severed[0]!, context).verdict).toMatch(/no live handle on the popup/);
    expect(explainStep(severed[0]!, context, 'zh-CN').verdict).toMatch(/^未送达：页面没有弹出窗口的有效句柄/);
    expect(fixFor(popupMessage({ server: { actual: { headers: coop } } }), DEFAULT_ORIGIN_MAP))
      .toEqual({ changes: [], impossible: expect.stringMatching(/open it without "noopener"/) });
  });

  it('reads a same-origin popup and posts with "/"; the receiver\'s check of event.origin still decides', () => {
    expect(predicted({}, { target: 'app', targetOrigin: '/' })).toMatchObject({ delivered: true, openerKept: true, domReadable: true });
    expect(predicted({ server: { actual: { page: { acceptMessagesFrom: ['{origin:evil}'] } } } })).toMatchObject({ outcome: 'blocked', delivered: false, openerKept: true });
    expect(predicted({ server: { actual: { page: { acceptMessagesFrom: ['{page}'] } } } })).toMatchObject({ outcome: 'allowed', delivered: true });
  });
});
