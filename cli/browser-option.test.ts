/** `--browser`: the engines a run uses; a bad value names the flag and lists the engines. */
import { describe, expect, it } from 'vitest';
import { browserEngines } from './browser-option.ts';
import { CliError } from './cli-error.ts';

describe('--browser', () => {
  it('defaults to chromium', () => {
    expect(browserEngines(undefined)).toEqual({ engines: ['chromium'], all: false });
  });

  it('takes one engine, a comma list in its order, each once, and all', () => {
    expect(browserEngines('firefox').engines).toEqual(['firefox']);
    expect(browserEngines('webkit, Chromium,webkit').engines).toEqual(['webkit', 'chromium']);
    expect(browserEngines('all')).toEqual({ engines: ['chromium', 'firefox', 'webkit'], all: true });
    expect(browserEngines('firefox,all').engines).toEqual(['firefox', 'chromium', 'webkit']);
  });

  for (const value of ['safari', 'firefox,', '', 'chrome', 'webkit;firefox']) {
    it(`refuses ${JSON.stringify(value)}, naming the flag and the engines`, () => {
      expect(() => browserEngines(value)).toThrow(CliError);
      const message = /^--browser: unknown engine ".*" \(chromium, firefox, webkit, all\)(; did you mean \w+\?)?$/;
      expect(() => browserEngines(value)).toThrow(message);
    });
  }

  it('suggests the engine meant', () => {
    const safari = '--browser: unknown engine "safari" (chromium, firefox, webkit, all)';
    expect(() => browserEngines('safari')).toThrow(safari);
    expect(() => browserEngines('firefx')).toThrow('did you mean firefox?');
  });
});
