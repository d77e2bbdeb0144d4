/**
 * Each engine's catalog time (`run --browser <engine>`'s work: lab start, browser launch, every experiment
 * that applies, close) beside a bare floor for that engine in the same run, with nothing of cors-lab in it: every
 * step's own browser work, api by api, with the isolation the experiments need, in that engine, driven as the lab
 * drives it and as many sessions at once (floor.ts says exactly what each floor holds). Catalog and floor alternate,
 * so both see the same machine load. It measures, it does not judge.
 *
 *   tsx test/bench/engine-bench.ts [--engine chromium|firefox|webkit]... [--every N] [--limit N] [--rounds N]
 *
 * `--every N` takes every Nth experiment that applies (the first, the N+1th, ...: a sample of every group), then
 * `--limit N` the first N of those (a small run on a shared machine); run-bench.ts runs every engine over the whole
 * catalog.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ENGINES, type EngineName } from '../../engines/engine.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { appliesTo, type Experiment } from '../../format/schema.ts';
import { missingEngine } from '../../runner/engine-launchers.ts';
import { launchChromium } from '../../runner/launch.ts';
import { runInBrowsers } from '../../runner/run-browsers.ts';
import { startLab } from '../../servers/lab.ts';
import { floorMs } from './floor.ts';
import { floorExperimentsFor, floorStepCount } from './floor-steps.ts';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function catalogRun(
  engine: EngineName,
  experiments: readonly Experiment[],
): Promise<{ ms: number; passed: number }> {
  const started = performance.now();
  const lab = await startLab({ clientDir: null });
  const chromium = engine === 'chromium' ? await launchChromium(lab.origins) : undefined;
  try {
    const report = await runInBrowsers([engine], experiments, lab, chromium ? { chromium } : {});
    return { ms: performance.now() - started, passed: report.summary.passed };
  } finally {
    await Promise.all([chromium?.close(), lab.close()]);
  }
}

export async function engineBench(
  engines: readonly EngineName[], limit: number, rounds: number, every = 1,
): Promise<string[]> {
  const lines: string[] = [];
  for (const engine of engines) {
    const missing = missingEngine(engine);
    if (missing !== null) {
      lines.push(`  ${engine}: skipped, ${missing.split('\n')[0]}`);
      continue;
    }
    const experiments = catalog.filter((e) => appliesTo(e, engine)).filter((_, i) => i % every === 0).slice(0, limit);
    const steps = floorStepCount(floorExperimentsFor(engine, experiments));
    const runs: number[] = [];
    const floors: number[] = [];
    let passed = 0;
    for (let i = 0; i < rounds; i++) {
      const run = await catalogRun(engine, experiments);
      runs.push(run.ms);
      passed = run.passed;
      floors.push(floorMs(engine, experiments));
    }
    const ratio = `${(median(runs) / median(floors)).toFixed(2)}x`;
    lines.push(
      `  ${engine}: ${experiments.length} experiments (${steps} steps), ${passed} passed: ${seconds(median(runs))}` +
        ` beside its bare floor ${seconds(median(floors))}: ${ratio}` +
        `${engine === 'chromium' ? ' (target <= 1.5x)' : ''}   (rounds: ${runs.map(seconds).join(', ')})`,
    );
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', multiple: true },
      every: { type: 'string' },
      limit: { type: 'string' },
      rounds: { type: 'string' },
    },
  });
  const engines = (values.engine ?? [...ENGINES]).map((name) => {
    if (!(ENGINES as readonly string[]).includes(name)) {
      throw new Error(`--engine: unknown engine ${JSON.stringify(name)}; engines: ${ENGINES.join(', ')}`);
    }
    return name as EngineName;
  });
  const whole = (flag: string, text: string | undefined, fallback: number): number => {
    if (text === undefined) return fallback;
    if (!/^[1-9]\d*$/.test(text)) {
      throw new Error(`${flag}: expected a whole number from 1, got ${JSON.stringify(text)}`);
    }
    return Number(text);
  };
  const limit = whole('--limit', values.limit, Number.MAX_SAFE_INTEGER);
  const rounds = whole('--rounds', values.rounds, 3);
  const every = whole('--every', values.every, 1);
  console.log(`engines: catalog beside a bare floor per engine (median of ${rounds} rounds):`);
  for (const line of await engineBench(engines, limit, rounds, every)) console.log(line);
}
