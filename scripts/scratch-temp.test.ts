import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keptCaches, makeScratch } from './scratch-temp.ts';

describe('the test run\'s scratch temp folder', () => {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('holds what the run leaves, links the kept caches, and goes at the end without them', () => {
    const system = mkdtempSync(join(tmpdir(), 'cors-lab-system-'));
    made.push(system);
    mkdirSync(join(system, 'tsx-7'));
    writeFileSync(join(system, 'tsx-7', 'cached.json'), '{}');
    const scratch = makeScratch(system, keptCaches(7));
    expect(readdirSync(scratch.dir).sort()).toEqual(['playwright-transform-cache-7', 'tsx-7']);
    // A job writes through the link into the kept cache, and leaves a folder of its own.
    writeFileSync(join(scratch.dir, 'playwright-transform-cache-7', 'entry'), 'x');
    mkdirSync(join(scratch.dir, 'cors-lab-input-abc', 'deep'), { recursive: true });
    const said: string[] = [];
    scratch.remove((text) => said.push(text));
    expect(said).toEqual([]);
    expect(existsSync(scratch.dir)).toBe(false);
    expect(readdirSync(join(system, 'tsx-7'))).toEqual(['cached.json']);
    expect(readdirSync(join(system, 'playwright-transform-cache-7'))).toEqual(['entry']);
  });
});
