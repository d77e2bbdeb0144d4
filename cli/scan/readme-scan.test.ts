/**
 * The README's `cors-lab scan` tables are run: each example against the scan test APIs must exit as its
 * table says (1 for the classes, 3 for "tested nothing") and print what the last column shows; each class's
 * `/fixed/` twin must come out clean; every class has a row.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../cli-in-memory.ts';
import { CLASS_IDS } from './classes.ts';
import { startScanTestApi, type ScanTestApi } from '../../test/scan/scan-test-api.ts';

const README = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
const SECTION = README.slice(README.indexOf('## Scanning your API'), README.indexOf('## Use cors-lab on your own API'));

interface Example {
  line: number;
  first: string;
  command: string;
  prints: string;
  exit: number;
}

/**
 * Table rows whose example cell is a `cors-lab scan ...` command; a table whose header says "(exit 3)" expects 3,
 * an INFO note 0 (it is no misconfiguration), the other classes 1.
 */
function examples(): Example[] {
  const offset = README.slice(0, README.indexOf(SECTION)).split('\n').length;
  const rows: Example[] = [];
  let exit = 1;
  for (const [index, line] of SECTION.split('\n').entries()) {
    if (line.startsWith('| ') && line.includes('| prints')) exit = line.includes('(exit 3)') ? 3 : 1;
    const cells = line.split(/(?<!`)\|(?!`)/).map((cell) => cell.trim());
    const command = cells.map((cell) => /^`(cors-lab scan [^`]+)`$/.exec(cell)?.[1]).find((c) => c !== undefined);
    if (!line.startsWith('|') || command === undefined) continue;
    const prints = /^`(.+)`$/.exec(cells.at(-2) ?? '')?.[1] ?? '';
    rows.push({ line: offset + index, first: cells[1]!, command, prints, exit: prints.startsWith('INFO ') ? 0 : exit });
  }
  return rows;
}

let api: ScanTestApi;
beforeAll(async () => void (api = await startScanTestApi()));
afterAll(() => api.close());

describe('README: the scan examples', () => {
  const all = examples();

  it('has an example for every class, and the tested-nothing table', () => {
    expect(all.filter((e) => e.exit !== 3).map((e) => e.first.replace(/`/g, ''))).toEqual(
      expect.arrayContaining(CLASS_IDS),
    );
    expect(all.filter((e) => e.exit === 3).length).toBeGreaterThanOrEqual(5);
  });

  for (const example of all) {
    it(`README.md:${example.line}: ${example.command}`, async () => {
      const argv = example.command.replaceAll('$API', api.url).split(/\s+/).slice(1);
      expect(argv.join(' '), 'no quoting in a README example: it is split on spaces').not.toMatch(/['"]/);
      const { code, out } = await cli(...argv);
      expect(out).toContain(example.prints.replaceAll('$API', api.url));
      expect(code).toBe(example.exit);
      if (example.exit !== 3 && example.command.includes('/vulnerable/')) {
        const twin = await cli(...argv.map((arg) => arg.replace('/vulnerable/', '/fixed/')));
        expect(twin.out).toContain('No CORS misconfiguration found.');
        expect(twin.code).toBe(0);
      }
    });
  }
});
