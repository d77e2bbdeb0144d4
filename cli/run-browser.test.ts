/**
 * `cors-lab run --browser`: an engine that is not installed is named and skipped with what to install, never
 * silently; a run that has no engine left, or no experiment for the engines named, is bad input (exit 2).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunReport } from '../engines/run-result.ts';
import { FIREFOX_PATH_ENV } from '../engines/firefox/find-firefox.ts';
import { paced } from '../test/pace/machine-pace.ts';
import { cli } from './cli-in-memory.ts';

describe('run --browser, Firefox not installed', () => {
  const before = process.env[FIREFOX_PATH_ENV];
  beforeEach(() => void (process.env[FIREFOX_PATH_ENV] = '/nonexistent/firefox'));
  afterEach(() => {
    if (before === undefined) delete process.env[FIREFOX_PATH_ENV];
    else process.env[FIREFOX_PATH_ENV] = before;
  });

  it('--browser firefox alone exits 2, naming Firefox and how to install it per OS', async () => {
    const { code, out, err } = await cli('run', 'simple-get-no-acao', '--browser', 'firefox');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('--browser: firefox skipped: FIREFOX_PATH=/nonexistent/firefox does not exist.');
    expect(err).toContain('sudo apt-get install -y --no-install-recommends firefox-esr');
    expect(err).toContain('macOS, Windows: install Firefox from https://www.mozilla.org/firefox/');
  });

  it('runs the engines that are there and says which it skipped, in the output and the JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-lab-browser-'));
    const json = join(dir, 'run.json');
    const { code, out, err } = await cli('run', 'simple-get-no-acao', '--browser', 'chromium,firefox', '--json', json);
    expect(code, err).toBe(0);
    expect(err).toContain('firefox skipped: FIREFOX_PATH=/nonexistent/firefox does not exist.');
    expect(out).toContain('firefox skipped: FIREFOX_PATH=/nonexistent/firefox does not exist.');
    const report = JSON.parse(await readFile(json, 'utf8')) as RunReport;
    expect(report.skipped).toEqual([{ engine: 'firefox', why: expect.stringContaining('firefox-esr') }]);
    expect(report.results.map((r) => [r.id, r.pass])).toEqual([['simple-get-no-acao', true]]);
    expect(report.browser).toMatch(/^chromium \d+/);
  }, paced(120_000));
});

describe('run --browser, bad input', () => {
  it('a bad value names the flag and lists the engines', async () => {
    const { code, err } = await cli('run', 'simple-get-no-acao', '--browser', 'safari');
    expect(code).toBe(2);
    expect(err).toContain('--browser: unknown engine "safari" (chromium, firefox, webkit, all)');
  });

  it('no experiment chosen applies to the engines named', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-lab-browser-'));
    const file = join(dir, 'lna.json');
    const experiment = {
      id: 'only-chromium', title: 'Chromium only', group: 'mine', engines: ['chromium'],
      request: { target: 'api' }, expect: { outcome: 'blocked' },
    };
    await writeFile(file, JSON.stringify([experiment]));
    const { code, err } = await cli('run', file, '--browser', 'firefox,webkit');
    expect(code).toBe(2);
    expect(err).toContain('--browser: no experiment chosen applies to firefox, webkit');
  });
});
