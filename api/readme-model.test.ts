/**
 * README's `predict()` example for any origin runs as written (its import pointed at the sources) and
 * prints exactly the lines the README shows below it.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const MODEL = new URL('./model.ts', import.meta.url).href;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** README's fenced blocks in order, each with its language. */
const blocks = [...README.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ language: m[1], text: m[2] ?? '' }));

/** The ```ts block that predicts from http://localhost:3000 with cors-lab/model, and the ```text block after it. */
function example(): { code: string; output: string } {
  const at = blocks.findIndex(
    (b) => b.language === 'ts' && b.text.includes("from 'cors-lab/model'") && b.text.includes('http://localhost:3000'),
  );
  const output = blocks[at + 1];
  if (at < 0 || output?.language !== 'text')
    throw new Error('README.md: no cors-lab/model example with http://localhost:3000 followed by its output');
  return { code: blocks[at]?.text ?? '', output: output.text };
}

it('README: predict() from http://localhost:3000 prints what the README says', async () => {
  const { code, output } = example();
  const file = join(await mkdtemp(join(tmpdir(), 'cors-lab-readme-')), 'example.mjs');
  await writeFile(file, code.replace("'cors-lab/model'", JSON.stringify(MODEL)));
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', file], {
    cwd: ROOT,
    timeout: 60_000,
  });
  expect(stdout).toBe(output);
});
