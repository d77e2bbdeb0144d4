import { stat, writeFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { appliesTo } from '../../format/format-defaults.ts';
import type { Experiment } from '../../format/schema.ts';
import type { Lab } from '../../servers/lab.ts';
import { DEFAULT_CONCURRENCY } from '../../runner/concurrency.ts';
import { BROWSER_CHOICES, browserEngines } from '../browser-option.ts';
import { CliError } from '../cli-error.ts';
import { closest } from '../did-you-mean.ts';
import type { Io } from '../io.ts';
import { parse, wholeNumber } from '../options.ts';
import { progressLine } from '../report-table.ts';
import { REPORTERS, reporterNamed } from '../reporters.ts';

export const RUN_HELP = `cors-lab run [FILES|DIRS|IDS...] [--browser B] [--filter TEXT] [--json OUT] [--reporter R] [--concurrency N]
  Runs experiments in headless browsers (the whole catalog when no files are
  given) on origins of its own, on free ports. An argument that is no file or
  folder but a catalog id (cors-lab list) runs that experiment. Exit 0 when
  all pass, 1 when any fails, 2 for bad input, 130 on Ctrl+C (SIGINT), 143 on SIGTERM.
  --browser B       ${BROWSER_CHOICES}, or a comma list (default chromium): each
                    experiment runs in each engine it applies to; an engine
                    that is not installed is skipped and named with what to
                    install (exit 2 when none of those named is installed)
  --filter TEXT     only experiments whose id, title or group contains TEXT
  --json OUT        write the result (the contract's format) to OUT
  --reporter R      what stdout gets: ${Object.keys(REPORTERS).join(' | ')} (default table;
                    json is the --json format, junit is JUnit XML, github is
                    GitHub Actions annotations on the experiment's file and line)
  --concurrency N   experiments at once in Chromium (default ${DEFAULT_CONCURRENCY}; Firefox and
                    WebKit run as many as their drivers' sessions)`;

/** Whether nothing is at `path` (any other problem, such as a permission, is the loader's to name). */
async function absent(path: string): Promise<boolean> {
  return stat(path).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT' || error.code === 'ENOTDIR',
  );
}

/**
 * Files and folders to load, and catalog experiments named by id: an argument that is no file or folder
 * but a catalog id runs that experiment (a file of that name wins). A missing path close to an id says so.
 */
async function splitArguments(
  positionals: readonly string[],
  catalog: readonly Experiment[],
): Promise<{ paths: string[]; ids: Experiment[] }> {
  const paths: string[] = [];
  const ids: Experiment[] = [];
  for (const argument of positionals) {
    const byId = catalog.find((e) => e.id === argument);
    if (!(await absent(argument))) paths.push(argument);
    else if (byId) ids.push(byId);
    else {
      const near = closest(argument, catalog.map((e) => e.id));
      if (near) {
        const hint = `did you mean ${near}? (cors-lab run ${near})`;
        throw new CliError(`${argument}: no such file or folder, nor a catalog experiment; ${hint}`);
      }
      paths.push(argument);
    }
  }
  return { paths, ids };
}

export async function runCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(
    'run',
    args,
    {
      browser: { type: 'string' }, filter: { type: 'string' }, json: { type: 'string' }, reporter: { type: 'string' },
      concurrency: { type: 'string' }, help: { type: 'boolean' },
    },
    true,
  );
  if (values.help) return void io.out(`${RUN_HELP}\n`), 0;
  const reporter = reporterNamed('--reporter', values.reporter);
  const asked = browserEngines(values.browser);
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : wholeNumber('--concurrency', values.concurrency, 1, 64);
  if (values.json === '') throw new CliError('--json: needs a file name');
  // Loaded after --help: the catalog, the loader (the schema) and the servers are not needed to print it.
  const [{ catalog }, { loadExperimentSources }, { startLab }] = await Promise.all([
    import('../../experiments/catalog/index.ts'),
    import('../../format/load-files.ts'),
    import('../../servers/lab.ts'),
  ]);
  const { paths, ids } = await splitArguments(positionals, catalog);
  const loaded = paths.length ? await loadExperimentSources(paths) : [];
  const sources = new Map(loaded.map(({ experiment, file, line }) => [experiment.id, { file, line }]));
  let experiments: readonly Experiment[] = positionals.length ? [...ids, ...loaded.map((l) => l.experiment)] : catalog;
  if (values.filter !== undefined) {
    const text = values.filter.toLowerCase();
    experiments = experiments.filter((e) => [e.id, e.title, e.group].some((s) => s.toLowerCase().includes(text)));
    if (experiments.length === 0) throw new CliError(`--filter: no experiment matches ${JSON.stringify(values.filter)}`);
  }
  if (values.json) {
    // Find an unwritable output before the run, not after it.
    await writeFile(values.json, '').catch((error: NodeJS.ErrnoException) => {
      throw new CliError(`--json: cannot write ${values.json}: ${error.code ?? error.message}`);
    });
  }
  // Loaded once the input is checked: bad input never loads the browser drivers (playwright-core) either.
  const [{ launchChromium }, { runInBrowsers }, { missingEngine }] = await Promise.all([
    import('../../runner/launch.ts'),
    import('../../runner/run-browsers.ts'),
    import('../../runner/engine-launchers.ts'),
  ]);
  if (!experiments.some((e) => asked.engines.some((engine) => appliesTo(e, engine)))) {
    const named = asked.engines.join(', ');
    throw new CliError(`--browser: no experiment chosen applies to ${named} (their "engines" field)`);
  }
  const skipped = asked.engines.flatMap((engine) => {
    const why = missingEngine(engine);
    return why === null ? [] : [{ engine, why }];
  });
  const engines = asked.engines.filter((engine) => !skipped.some((s) => s.engine === engine));
  const skipText = skipped.map((s) => `${s.engine} skipped: ${s.why}`).join('\n');
  if (engines.length === 0) throw new CliError(`--browser: ${skipText}`);
  // stderr: stdout may be a machine-read format. Said before the run, so a long run does not hide it.
  if (skipText) io.err(`${skipText}\n`);
  let lab: Lab | undefined;
  let browser: Browser | undefined;
  try {
    // The lab first: the browser must know the public origin's port (Local Network Access).
    lab = await startLab({ clientDir: null });
    if (engines.includes('chromium')) browser = await launchChromium(lab.origins);
    let failed = 0;
    const report = await runInBrowsers(engines, experiments, lab, {
      ...(browser ? { chromium: browser } : {}),
      concurrency,
      skipped,
      onResult: (engine, result, done, total) => {
        if (!result.pass) failed++;
        const line = progressLine(done, total, failed);
        const progress = engines.length > 1 ? `${line} (${engine})` : line;
        if (io.interactive) io.err(`\r\x1b[K${progress}`);
      },
    });
    if (io.interactive) io.err('\r\x1b[K');
    io.out(REPORTERS[reporter](report, sources));
    if (values.json) {
      await writeFile(values.json, REPORTERS.json(report));
      // stderr: stdout may be a machine-read format.
      io.err(`wrote ${values.json}\n`);
    }
    return report.summary.failed === 0 ? 0 : 1;
  } finally {
    await Promise.all([browser?.close(), lab?.close()]);
  }
}
