/**
 * `cors-lab COMMAND --help` loads no browser driver: each command's help runs in a node process where any import
 * of Playwright throws (test/package/forbid-playwright.mjs), from the sources. The hook bites: a probe past its
 * input checks does import playwright-core. (Speed: `npm run bench` prints every --help beside `node -e 0`.)
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOOK = fileURLToPath(new URL('../test/package/forbid-playwright.mjs', import.meta.url));
const run = promisify(execFile);
const COMMANDS = ['serve', 'origins', 'list', 'run', 'scan', 'probe', 'explain'];

function cli(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(process.execPath, ['--import', 'tsx', '--import', HOOK, 'cli/main.ts', ...args], { cwd: ROOT, timeout: 120_000 });
}

describe.concurrent('--help loads no Playwright', () => {
  for (const name of COMMANDS) {
    it(`cors-lab ${name} --help`, async () => {
      const { stdout, stderr } = await cli([name, '--help']);
      expect(stdout).toContain(`cors-lab ${name}`);
      expect(stderr).toBe('');
    }, 150_000);
  }

  it('cors-lab explain FILE.har runs offline without Playwright (the model alone)', async () => {
    const har = fileURLToPath(new URL('../har/fixtures/devtools-blocked.har', import.meta.url));
    const { stdout, stderr } = await cli(['explain', har]);
    expect(stdout).toContain('blocked: MissingAllowOriginHeader');
    expect(stderr).toBe('');
  }, 150_000);

  it('the hook bites: a probe with valid input loads playwright-core', async () => {
    // Port 9 on loopback: nothing is sent, the import fails first.
    const failed = await cli(['probe', 'http://127.0.0.1:9/', '--origin', 'http://localhost:3000']).then(() => null, (error: { stderr?: string }) => error.stderr ?? '');
    expect(failed).toContain('forbidden import of playwright-core');
  }, 150_000);
});
