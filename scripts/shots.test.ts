import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { shotsFolder } from '../test/e2e/shots-folder.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('screenshots, only when asked', () => {
  it('CORS_LAB_SHOTS: unset, empty or 0 takes none; 1 is the work tree\'s tmp/shots/; a folder is that folder', () => {
    expect([undefined, '', '0'].map(shotsFolder)).toEqual([undefined, undefined, undefined]);
    expect(shotsFolder('1')).toBe(`${root}tmp/shots/`);
    expect(shotsFolder('/tmp/look')).toBe('/tmp/look/');
    expect(shotsFolder('/tmp/look/')).toBe('/tmp/look/');
  });

  it('npm run shots runs the specs that take screenshots, and only those', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/shots.ts', '--list'], { cwd: root });
    const files = new Set([...stdout.matchAll(/(\S+\.spec\.ts):\d+:\d+/g)].map((m) => m[1]));
    expect(files).toContain('presenter.spec.ts');
    expect(files).toContain('lesson-engine-webkit.spec.ts');
    expect(files).not.toContain('lessons.spec.ts');
  });
});
