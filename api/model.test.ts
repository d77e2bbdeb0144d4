/**
 * `cors-lab/model` loads no browser code: node runs with a hook that makes any import of Playwright throw,
 * and the entry still loads and predicts. The same hook makes the full `cors-lab` entry fail (the check bites).
 * From the sources (through tsx); test/package/run-example.sh checks the built entry from the tarball the same way.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOOK = fileURLToPath(new URL('../test/package/forbid-playwright.mjs', import.meta.url));
const run = promisify(execFile);

/** Imports `source` (a module path under ROOT) with Playwright forbidden; resolves with stdout or the error's stderr. */
async function importWithoutPlaywright(source: string, code: string): Promise<{ ok: boolean; output: string }> {
  const script = `const m = await import(${JSON.stringify(new URL(source, `file://${ROOT}`).href)}); ${code}`;
  const loader = source.endsWith('.ts') ? ['--import', 'tsx'] : [];
  try {
    const { stdout } = await run(process.execPath, [...loader, '--import', HOOK, '--input-type=module', '-e', script], { cwd: ROOT, timeout: 60_000 });
    return { ok: true, output: stdout };
  } catch (error) {
    return { ok: false, output: String((error as { stderr?: string }).stderr ?? error) };
  }
}

const PREDICT = `const [step] = await m.predict({ id: 'x', title: 'x', group: 'simple', request: { target: 'api' } }); console.log(step.reason);`;

describe('cors-lab/model', () => {
  it('loads and predicts with every import of Playwright forbidden (sources)', async () => {
    expect(await importWithoutPlaywright('api/model.ts', PREDICT)).toEqual({ ok: true, output: 'MissingAllowOriginHeader\n' });
  });

  it('the hook bites: the full library imports playwright-core', async () => {
    const full = await importWithoutPlaywright('api/index.ts', '');
    expect(full.ok).toBe(false);
    expect(full.output).toContain('forbidden import of playwright-core');
  });
});
