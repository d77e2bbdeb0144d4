/** What a probe in another engine says about the layer that decided, and when the engines disagree. */
import { describe, expect, it } from 'vitest';
import { cannotTell, decidedInEngine, enginesDisagree } from './engine-probe-result.ts';

describe('decidedInEngine', () => {
  it('an allowed or opaque request, or a block with the engine\'s CORS reason, is CORS\'s verdict', () => {
    expect(decidedInEngine('allowed', null)).toBe('cors');
    expect(decidedInEngine('opaque', null)).toBe('cors');
    expect(decidedInEngine('blocked', 'CORSMissingAllowOrigin')).toBe('cors');
    expect(decidedInEngine('blocked', 'WebKitMethodNotAllowed')).toBe('cors');
  });

  it('a block with no reason, or Firefox\'s "CORS request did not succeed" alone, is the network\'s', () => {
    expect(decidedInEngine('blocked', null)).toBe('network');
    expect(decidedInEngine('blocked', 'CORSDidNotSucceed')).toBe('network');
  });
});

describe('enginesDisagree', () => {
  it('says nothing when the outcomes agree, whatever the reasons', () => {
    expect(enginesDisagree([
      { engine: 'chromium', outcome: 'blocked', reason: 'MissingAllowOriginHeader' },
      { engine: 'firefox', outcome: 'blocked', reason: 'CORSMissingAllowOrigin' },
    ])).toBeNull();
    expect(enginesDisagree([{ engine: 'webkit', outcome: 'allowed', reason: null }])).toBeNull();
  });

  it('names each engine\'s outcome and reason when they differ', () => {
    expect(enginesDisagree([
      { engine: 'chromium', outcome: 'allowed', reason: null },
      { engine: 'firefox', outcome: 'allowed', reason: null },
      { engine: 'webkit', outcome: 'blocked', reason: null },
    ])).toBe('engines disagree: Chromium allowed, Firefox allowed, WebKit blocked');
    expect(enginesDisagree([
      { engine: 'firefox', outcome: 'blocked', reason: 'CORSMissingAllowOrigin' },
      { engine: 'webkit', outcome: 'allowed', reason: null },
    ])).toBe('engines disagree: Firefox blocked (CORSMissingAllowOrigin), WebKit allowed');
  });
});

describe('cannotTell', () => {
  it('names the engine and the facts only Chromium\'s DevTools Protocol shows', () => {
    const told = cannotTell('firefox');
    expect(told[0]).toContain('Firefox shows a driver no network events');
    expect(told.join('\n')).toMatch(/preflight[\s\S]*redirect[\s\S]*Local Network Access[\s\S]*cookie/);
    expect(cannotTell('webkit')[0]).toContain('WebKit');
  });
});
