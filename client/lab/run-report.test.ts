import { describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { originsAtPortBase } from '../../plan/origins.ts';
import { browserName, experimentResult, runReport } from './run-report.ts';
import type { BrowserRun } from './run-in-browser.ts';

const origins = originsAtPortBase(5310);
const experiment = catalog.find((e) => e.id === 'simple-get-no-acao')!;
const silent: BrowserRun = { id: experiment.id, run: 'r1', experiment, startedAt: '2026-01-01T00:00:00.000Z', seconds: 2.01, url: 'http://localhost:5311/x', engine: 'chromium', steps: [], failure: 'the runner page for app did not answer within 2 s' };

describe('the playground log as a run report', () => {
  it('names the browser as the CLI does', () => {
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.8078.79 Safari/537.36')).toBe('chromium 156.0.8078.79');
    expect(browserName('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0')).toBe('firefox 153.0');
    const safari = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) '
      + 'Version/18.1 Safari/605.1.15';
    expect(browserName(safari)).toBe(safari);
  });
  it('a runner that did not answer is a failed result that says so, with no verdict observed', () => {
    const result = experimentResult(silent, origins);
    expect(result).toMatchObject({ id: experiment.id, title: experiment.title, group: experiment.group, pass: false, steps: [], seconds: 2.01 });
    expect(result.mismatches).toEqual(['run: could not finish: the runner page for app did not answer within 2 s']);
    expect(result.observed).toMatchObject({ reason: null, console: null, pageError: silent.failure, serverSaw: [] });
  });
  it('sums up like the CLI', () => {
    const report = runReport([silent, silent], origins, 'HeadlessChrome/156.0.1.2');
    expect(report.summary).toEqual({ total: 2, passed: 0, failed: 2, seconds: 4.02 });
    expect(report.origins).toEqual(origins);
    expect(report.browser).toBe('chromium 156.0.1.2');
  });
});
