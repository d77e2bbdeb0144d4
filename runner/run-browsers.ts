/**
 * `cors-lab run --browser`: the experiments in each engine named, one engine after the other (each
 * gets the machine to itself, so its times mean something), each experiment only in the engines it
 * applies to (format 1.2 `engines`). Chromium runs on its own scheduler (run-experiments.ts), the
 * others through their drivers (run-in-engine.ts). One result per experiment: the first engine's
 * observation on top, every engine's under `engines`; it passes when it passed in each.
 */
import type { Browser } from 'playwright-core';
import type { EngineName } from '../engines/engine.ts';
import type { EngineResult, EngineSummary, ExperimentResult, RunReport, SkippedEngine } from '../engines/run-result.ts';
import { appliesTo, type Experiment } from '../format/schema.ts';
import { originMap } from '../plan/origins.ts';
import type { Lab } from '../servers/lab.ts';
import { LAUNCHERS } from './engine-launchers.ts';
import { secureOriginTrust } from '../engines/secure-origin-trust.ts';
import { ENGINE_MODELS } from './engine-models.ts';
import { runInEngine } from './run-in-engine.ts';
import { runExperiments } from './run-experiments.ts';

export interface BrowsersRunOptions {
  /** Chromium, launched knowing the lab's public origin (launchChromium(lab.origins)); needed when `chromium` runs. */
  chromium?: Browser;
  concurrency?: number;
  /** Engines asked for that are not installed, reported beside the results. */
  skipped?: SkippedEngine[];
  onResult?: (engine: EngineName, result: EngineResult, done: number, total: number) => void;
}

interface EngineRunOf {
  engine: EngineName;
  version: string;
  /** By experiment index; absent where the experiment does not apply. */
  results: Map<number, EngineResult>;
  seconds: number;
}

function summaryOf({ results: byIndex, seconds }: EngineRunOf): EngineSummary {
  const results = [...byIndex.values()];
  const passed = results.filter((r) => r.pass).length;
  return { total: results.length, passed, failed: results.length - passed, seconds };
}

const asEngineResult = (result: ExperimentResult): EngineResult => {
  const { predicted, observed, explanation, steps, pass, mismatches, seconds } = result;
  return {
    predicted, observed, ...(explanation ? { explanation } : {}), steps, pass, mismatches, seconds,
  };
};

export async function runInBrowsers(
  engines: readonly EngineName[],
  experiments: readonly Experiment[],
  lab: Lab,
  options: BrowsersRunOptions = {},
): Promise<RunReport> {
  const started = performance.now();
  const origins = originMap(lab.origins);
  const applying = (engine: EngineName): number[] => experiments.flatMap((e, i) => (appliesTo(e, engine) ? [i] : []));
  const total = engines.reduce((sum, engine) => sum + applying(engine).length, 0);
  let done = 0;
  const runs: EngineRunOf[] = [];
  for (const engine of engines) {
    const indexes = applying(engine);
    const chosen = indexes.map((i) => experiments[i] as Experiment);
    const results = new Map<number, EngineResult>();
    if (engine === 'chromium') {
      if (!options.chromium) throw new Error('runInBrowsers: chromium needs options.chromium');
      const report = await runExperiments(chosen, lab, options.chromium, {
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
        browserKnowsPublic: true,
        onResult: (result) => options.onResult?.(engine, asEngineResult(result), ++done, total),
      });
      report.results.forEach((result, j) => results.set(indexes[j] as number, asEngineResult(result)));
      runs.push({ engine, version: report.browser, results, seconds: report.summary.seconds });
    } else {
      const run = await runInEngine(engine, chosen, lab, origins, {
        // The lab's https origin, trusted for its own certificate alone (engines/secure-origin-trust.ts).
        launch: (cookies) => LAUNCHERS[engine](cookies, secureOriginTrust(lab.origins, lab.certificates.served)),
        model: ENGINE_MODELS[engine],
        onResult: (_index, result) => options.onResult?.(engine, result, ++done, total),
      });
      run.results.forEach((result, j) => results.set(indexes[j] as number, result));
      runs.push({ engine, version: run.version || engine, results, seconds: run.seconds });
    }
  }
  const onlyChromium = engines.length === 1 && engines[0] === 'chromium';
  const results = experiments.flatMap((experiment, i): ExperimentResult[] => {
    const ran = runs.flatMap((r) => {
      const result = r.results.get(i);
      return result ? [{ engine: r.engine, result }] : [];
    });
    const [first] = ran;
    if (!first) return [];
    const { predicted, observed, explanation, steps, seconds } = first.result;
    return [{
      id: experiment.id, title: experiment.title, group: experiment.group, predicted, observed,
      ...(explanation ? { explanation } : {}), steps,
      pass: ran.every(({ result }) => result.pass),
      mismatches: ran.flatMap(({ engine, result }) =>
        result.mismatches.map((m) => (engine === first.engine ? m : `${engine}: ${m}`)),
      ),
      seconds: onlyChromium ? seconds : Number(ran.reduce((sum, { result }) => sum + result.seconds, 0).toFixed(3)),
      ...(onlyChromium ? {} : { engines: Object.fromEntries(ran.map(({ engine, result }) => [engine, result])) }),
    }];
  });
  const passed = results.filter((r) => r.pass).length;
  const seconds = Number(((performance.now() - started) / 1000).toFixed(2));
  return {
    browser: runs[0]?.version ?? '',
    ...(onlyChromium ? {} : { browsers: runs.map((r) => r.version) }),
    origins: lab.origins,
    results,
    summary: {
      total: results.length, passed, failed: results.length - passed, seconds,
      ...(onlyChromium ? {} : { engines: Object.fromEntries(runs.map((r) => [r.engine, summaryOf(r)])) }),
    },
    ...(options.skipped?.length ? { skipped: options.skipped } : {}),
  };
}
