/**
 * The fixture respects the user's browser settings: a project whose config names its own Chromium
 * (`use.launchOptions.executablePath`, own-browser/playwright.config.ts) runs cors.probe() in that browser,
 * with the user's launch arguments kept; a project naming a channel (`use.channel`) launches that channel,
 * here one that does not exist, so the launch fails naming it. Run as a Playwright process of its own.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test, expect } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'node_modules/@playwright/test/cli.js');

test("a user's executablePath and launch arguments are the fixture's browser", async () => {
  test.setTimeout(240_000);
  const folder = mkdtempSync(join(tmpdir(), 'cors-lab-own-browser-'));
  const marker = join(folder, 'started');
  const config = 'test/e2e/own-browser/playwright.config.ts';
  const env = { ...process.env, OWN_BROWSER_MARKER: marker };
  const run = promisify(execFile)(process.execPath, [CLI, 'test', '-c', config], { cwd: ROOT, env, timeout: 200_000 });
  // The own-channel project fails by design, so the process exits 1.
  const output = await run.then(
    () => 'exit code 0: the own-channel project should have failed',
    (error: { code?: number; stdout?: string; stderr?: string }) => `exit ${error.code}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`,
  );
  expect(output).toContain('exit 1');
  expect(output).toContain('1 passed');
  expect(output).toContain('1 failed');
  expect(output).toContain('[own-channel]');
  expect(output).toContain('chrome-cors-lab-absent');
  try {
    expect(existsSync(marker)).toBe(true);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
