/**
 * README.md is the user doc: every ```json block in it must be right.
 * Experiments run through the headless runner and must pass; the result
 * format example must have the shape `cors-lab run --json` really writes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalog } from '../../experiments/catalog/index.ts';
import { validateExperiments } from '../../format/validate.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { expect, test } from './lab-fixture.ts';

const README = fileURLToPath(new URL('../../README.md', import.meta.url));

/** Each ```json block with the line it starts on. */
function jsonBlocks(markdown: string): Array<{ line: number; text: string }> {
  return [...markdown.matchAll(/^```json\n([\s\S]*?)^```$/gm)].map((m) => ({ line: markdown.slice(0, m.index).split('\n').length, text: m[1] ?? '' }));
}

/**
 * Where `example` and `real` differ in shape: a key the example shows that
 * the real value lacks, a type that differs, or a key the real value has that
 * the example leaves out (unless the example says `"...": "..."` there).
 */
function shapeProblems(example: unknown, real: unknown, path: string): string[] {
  if (example === null || example === '...') return [];
  if (Array.isArray(example)) {
    if (!Array.isArray(real)) return [`${path}: an array in the README, ${typeof real} in a real report`];
    return example.length && real.length ? shapeProblems(example[0], real[0], `${path}[0]`) : [];
  }
  if (typeof example !== 'object') return typeof example === typeof real || real === null ? [] : [`${path}: ${typeof example} in the README, ${typeof real} in a real report`];
  if (typeof real !== 'object' || real === null || Array.isArray(real)) return [`${path}: an object in the README, not in a real report`];
  const shown = example as Record<string, unknown>;
  const actual = real as Record<string, unknown>;
  const missing = Object.keys(shown).filter((k) => k !== '...' && !(k in actual)).map((k) => `${path}.${k}: in the README, not in a real report`);
  const undocumented = '...' in shown ? [] : Object.keys(actual).filter((k) => !(k in shown)).map((k) => `${path}.${k}: in a real report, not in the README`);
  return [...missing, ...undocumented, ...Object.keys(shown).filter((k) => k in actual).flatMap((k) => shapeProblems(shown[k], actual[k], `${path}.${k}`))];
}

// labBrowser: a Chromium that trusts the lab's https origin by its key hash, as `cors-lab run` launches it.
test('every JSON example in README.md is valid, and its experiments pass in Chromium', async ({ lab, labBrowser: browser }) => {
  const blocks = jsonBlocks(readFileSync(README, 'utf8'));
  expect(blocks.length, 'README.md has JSON examples').toBeGreaterThanOrEqual(2);
  const parsed = blocks.map((b) => {
    try {
      return { ...b, value: JSON.parse(b.text) as unknown };
    } catch (error) {
      throw new Error(`README.md:${b.line}: not JSON: ${String(error)}`);
    }
  });
  const isReport = (v: unknown) => typeof v === 'object' && v !== null && 'results' in v;
  const experiments = parsed.filter((b) => !isReport(b.value)).flatMap((b) => validateExperiments(b.value, `README.md:${b.line}`));
  const reports = parsed.filter((b) => isReport(b.value));
  expect(experiments.length, 'experiment examples').toBeGreaterThan(0);
  expect(reports.length, 'result-format examples').toBeGreaterThan(0);

  // The result example shows a blocked simple GET: compare with a real one.
  const blockedGet = catalog.find((e) => e.id === 'simple-get-no-acao')!;
  const report = await runExperiments([...experiments, blockedGet], lab, browser);
  for (const result of report.results) expect(result.mismatches, result.id).toEqual([]);
  const real = { ...report, results: report.results.slice(-1) };
  for (const example of reports) expect(shapeProblems(example.value, JSON.parse(JSON.stringify(real)), `README.md:${example.line}`)).toEqual([]);
  // The example's fix is the complete fix run results carry (every response), "..." standing for what varies.
  for (const example of reports) {
    const shown = (example.value as { results: Array<{ explanation: { fix: string } }> }).results[0]!.explanation.fix;
    const pattern = new RegExp(`^${shown.split('...').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
    expect(real.results[0]!.explanation?.fix, `README.md:${example.line}: explanation.fix`).toMatch(pattern);
  }
});
