/**
 * The learner's engine from what a page sees: the engines' own features first, the user agent only
 * when none answers (and then iOS is WebKit whatever the browser's name). The features of real
 * Chromium and Firefox are read in those browsers (test/e2e/playground-engine-lines.spec.ts,
 * test/e2e/playground-engine-firefox.spec.ts); here, which clue wins and the fallback.
 */
import { describe, expect, it } from 'vitest';
import { detectEngine, type EngineClues } from './learner-engine.ts';

const none: EngineClues = { mozInnerScreenX: false, v8BreakIterator: false, gestureEvent: false, vendor: '', userAgent: '' };

const UA = {
  chrome: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 ' +
    'Safari/537.36 Edg/131.0.0.0',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 ' +
    'Safari/605.1.15',
  chromeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) ' +
    'CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  firefoxIos: 'Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/132.0 ' +
    'Mobile/15E148 Safari/605.1.15',
};

describe('detectEngine', () => {
  it('believes the engines\' own features over any user agent', () => {
    expect(detectEngine({ ...none, mozInnerScreenX: true, userAgent: UA.chrome })).toBe('firefox');
    expect(detectEngine({ ...none, v8BreakIterator: true, userAgent: UA.firefox })).toBe('chromium');
    expect(detectEngine({ ...none, gestureEvent: true, userAgent: UA.chrome })).toBe('webkit');
    expect(detectEngine({ ...none, vendor: 'Apple Computer, Inc.', userAgent: UA.firefox })).toBe('webkit');
  });

  it('Chrome and Firefox on iOS run WebKit: GestureEvent and no V8 or Gecko feature', () => {
    for (const userAgent of [UA.chromeIos, UA.firefoxIos]) {
      expect(detectEngine({ ...none, gestureEvent: true, vendor: 'Apple Computer, Inc.', userAgent })).toBe('webkit');
      expect(detectEngine({ ...none, userAgent }), userAgent).toBe('webkit');
    }
  });

  it('falls back to the user agent when no feature answers', () => {
    expect(detectEngine({ ...none, userAgent: UA.chrome })).toBe('chromium');
    expect(detectEngine({ ...none, userAgent: UA.edge })).toBe('chromium');
    expect(detectEngine({ ...none, userAgent: UA.firefox })).toBe('firefox');
    expect(detectEngine({ ...none, userAgent: UA.safari })).toBe('webkit');
  });

  it('says unknown rather than guess', () => {
    for (const userAgent of ['', 'curl/8.5.0', 'Mozilla/5.0 (compatible; Konqueror/4.5; Linux) KHTML/4.5.4 (like Gecko)']) {
      expect(detectEngine({ ...none, userAgent }), userAgent).toBe('unknown');
    }
  });
});
