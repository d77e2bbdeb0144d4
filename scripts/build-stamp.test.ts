import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { staleBecause, writeStamp, type Build } from './build-stamp.ts';

const BUILD: Build = { stamp: 'dist/stamp.json', output: 'dist/out/index.html', always: ['config.ts'] };

describe('whether a build is current with its sources', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'cors-lab-stamp-'));
    await mkdir(join(root, 'src/lessons'), { recursive: true });
    await mkdir(join(root, 'dist/out'), { recursive: true });
    await writeFile(join(root, 'config.ts'), 'export default {};');
    await writeFile(join(root, 'src/main.ts'), 'main');
    await writeFile(join(root, 'src/lessons/01.md'), '# one');
    await writeFile(join(root, 'dist/out/index.html'), '<!doctype html>');
    await writeStamp(root, BUILD, [join(root, 'src/main.ts'), `${join(root, 'src/lessons/01.md')}?raw`, '/elsewhere/node.js', join(root, 'node_modules/lit/index.js')]);
  });

  it('is current right after the build', async () => expect(await staleBecause(root, BUILD)).toBeNull());

  it('is stale when a bundled file changes, even to the same size', async () => {
    await writeFile(join(root, 'src/main.ts'), 'MAIN');
    const later = new Date(Date.now() + 5_000);
    await utimes(join(root, 'src/main.ts'), later, later);
    expect(await staleBecause(root, BUILD)).toBe('src/main.ts changed since the last build');
  });

  it('is stale when a file the build always reads changes', async () => {
    await writeFile(join(root, 'config.ts'), 'export default { changed: true };');
    expect(await staleBecause(root, BUILD)).toBe('config.ts changed since the last build');
  });

  it('is stale when a file appears in or leaves a folder it bundled from', async () => {
    await writeFile(join(root, 'src/lessons/02.md'), '# two');
    const later = new Date(Date.now() + 5_000);
    await utimes(join(root, 'src/lessons'), later, later);
    expect(await staleBecause(root, BUILD)).toBe('src/lessons/ changed since the last build');
  });

  it('is stale without a record, or without the output', async () => {
    await rm(join(root, 'dist/out/index.html'));
    expect(await staleBecause(root, BUILD)).toBe('dist/out/index.html is missing');
    await rm(join(root, 'dist/stamp.json'));
    expect(await staleBecause(root, BUILD)).toBe('no record of a build here (dist/stamp.json)');
  });
});
