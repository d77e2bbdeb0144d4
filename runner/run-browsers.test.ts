/**
 * `cors-lab run --browser firefox,webkit` over the whole catalog and README.md's experiment examples, in real
 * Firefox and WebKitGTK: every experiment that applies to an engine is observed in it and passes there
 * (its `expect`, `expect.engines`, and the engine's model on outcome, reason, console line verbatim and what
 * the servers received). Chromium's run of the catalog is test/e2e's. Each difference between an engine's
 * model and Chromium's is a deviation DEVIATIONS.md names with its experiment (checked in Node, no browser).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../engines/run-result.ts';
import { catalog } from '../experiments/catalog/index.ts';
import { EMBEDDING_FIELDS } from '../format/embedding.ts';
import { appliesTo, type Experiment } from '../format/schema.ts';
import { predictExperimentAsync } from '../experiments/model/predict.ts';
import { validateExperiments } from '../format/validate.ts';
import { DEFAULT_ORIGIN_MAP } from '../plan/origins.ts';
import { cli } from '../cli/cli-in-memory.ts';
import { paced } from '../test/pace/machine-pace.ts';
import { ENGINE_MODELS } from './engine-models.ts';
import { wptCases } from '../test/probes/wpt-cases.ts';
import { wptMoreCases } from '../test/probes/wpt-more-cases.ts';
import { wptThirdCases } from '../test/probes/wpt-third-cases.ts';
import { elementsCases } from '../test/probes/elements-cases.ts';
import { navigationCases } from '../test/probes/navigation-cases.ts';

const ENGINES = ['firefox', 'webkit'] as const;
/** The facts where an engine's flow, or what its page sees (format 1.2), may differ from Chromium's. */
const FLOW_FIELDS = [
  'outcome', 'preflight', 'reachedServer', 'status', 'originSeen', 'cookieSent', ...EMBEDDING_FIELDS,
] as const;

/** README.md's experiment examples (its ```json blocks that are no run report), each written to a file of its own. */
async function readmeFiles(dir: string): Promise<{ files: string[]; experiments: Experiment[] }> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/^```json\n([\s\S]*?)^```$/gm)].flatMap((block) => {
    const value: unknown = JSON.parse(block[1] ?? '');
    if (typeof value === 'object' && value !== null && 'results' in value) return [];
    const line = readme.slice(0, block.index).split('\n').length;
    return [{ line, text: block[1] ?? '', experiments: validateExperiments(value, `README.md:${line}`) }];
  });
  const files = await Promise.all(blocks.map(async ({ line, text }) => {
    const file = join(dir, `readme-${line}.json`);
    await writeFile(file, text);
    return file;
  }));
  return { files, experiments: blocks.flatMap((b) => b.experiments) };
}

/**
 * The catalog ids (kebab-case, a hyphen at least: not an origin's name) a section of DEVIATIONS.md names in its
 * table's last column.
 */
function documented(engine: string): Set<string> {
  const text = readFileSync(new URL('../experiments/model/DEVIATIONS.md', import.meta.url), 'utf8');
  const section = text.split(/^## /m).find((part) => part.toLowerCase().startsWith(engine)) ?? '';
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  const ids = (cell: string): string[] => [...cell.matchAll(/`([a-z0-9]+(?:-[a-z0-9]+)+)`/g)].map((m) => m[1] ?? '');
  return new Set(rows.flatMap((row) => ids(row.split('|').at(-2) ?? '')));
}

describe('run --browser firefox,webkit: the catalog in each engine', () => {
  it('observes every experiment in each engine it applies to, and each passes there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-lab-engines-'));
    const readme = await readmeFiles(dir);
    const out = join(dir, 'run.json');
    const ids = catalog.map((e) => e.id);
    const { code, err } = await cli('run', ...ids, ...readme.files, '--browser', 'firefox,webkit', '--json', out);
    const report = JSON.parse(await readFile(out, 'utf8')) as RunReport;
    const failures = report.results.filter((r) => !r.pass).map((r) => `${r.id}: ${r.mismatches.join('; ')}`);
    expect(failures).toEqual([]);
    expect(code, err).toBe(0);
    expect(report.skipped).toBeUndefined();
    expect(report.browsers).toEqual([expect.stringMatching(/^firefox \d+/), expect.stringMatching(/^webkit \d+/)]);
    const all = [...catalog, ...readme.experiments];
    const applying = all.filter((e) => ENGINES.some((engine) => appliesTo(e, engine)));
    expect(report.results.map((r) => r.id)).toEqual(applying.map((e) => e.id));
    for (const [i, result] of report.results.entries()) {
      const experiment = applying[i] as Experiment;
      const ran = ENGINES.filter((engine) => appliesTo(experiment, engine));
      expect(Object.keys(result.engines ?? {}), result.id).toEqual(ran);
    }
    for (const engine of ENGINES) {
      const total = all.filter((e) => appliesTo(e, engine)).length;
      expect(report.summary.engines?.[engine]).toMatchObject({ total, passed: total, failed: 0 });
    }
    // The engines' own words reached the report: Firefox's reasons are MDN's names, WebKit's ids its own.
    const reasons = (engine: (typeof ENGINES)[number]) =>
      new Set(report.results.map((r) => r.engines?.[engine]?.observed.reason));
    expect(reasons('firefox')).toContain('CORSMissingAllowOrigin');
    expect(reasons('firefox')).toContain('CORPBlocked');
    expect(reasons('webkit')).toContain('WebKitAllowOriginNotAllowed');
  }, paced(900_000));

  for (const engine of ENGINES) {
    it(`DEVIATIONS.md names each catalog experiment where the model for ${engine} differs from Chromium's`, async () => {
      const named = documented(engine);
      expect(named.size).toBeGreaterThan(0);
      // Every name is an experiment: of the catalog, or of the WPT-derived tables (test/probes) that showed it.
      const known = new Set([...catalog, ...wptCases, ...wptMoreCases, ...wptThirdCases, ...elementsCases, ...navigationCases].map((e) => e.id));
      expect([...named].filter((id) => !known.has(id))).toEqual([]);
      const model = ENGINE_MODELS[engine];
      if (!model) throw new Error(`no model for ${engine}`);
      const undocumented: string[] = [];
      for (const experiment of catalog.filter((e) => appliesTo(e, engine))) {
        const [own, chromium] = await Promise.all([
          model(experiment, DEFAULT_ORIGIN_MAP, 'run', 'http://localhost/run'),
          predictExperimentAsync(experiment, DEFAULT_ORIGIN_MAP, 'run'),
        ]);
        const differs = own.some((step, i) =>
          FLOW_FIELDS.some((f) => step[f] !== chromium[i]?.[f]),
        );
        if (differs && !named.has(experiment.id)) undocumented.push(experiment.id);
      }
      expect(undocumented).toEqual([]);
    }, paced(120_000));
  }
});
