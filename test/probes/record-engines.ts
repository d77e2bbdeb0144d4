/**
 * Writes test/probes/engines-observed.json, what Firefox and WebKit observed on the WPT-derived tables the recording
 * covers (ENGINE_TABLES: wpt-cases.ts, wpt-more-cases.ts, elements-cases.ts, navigation-cases.ts), from a run of them:
 *
 *   npx tsx test/probes/record-engines.ts              # writes the tables to tmp/, runs them, records
 *   npx tsx test/probes/record-engines.ts REPORT.json...  # records runs of those tables made before
 *
 * It runs `cors-lab run --browser firefox,webkit --json` (the built CLI: `npm run build` first) and keeps, per case
 * and engine, each step's RECORDED_FIELDS with the lab's origins and the run's id as tokens
 * (engine-tokens.ts), so that engines-tables.test.ts can hold each engine's model to it without a browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ENGINE_TABLES, RECORDED_FIELDS, recordedStep, type EngineRecording } from './engine-tokens.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tmp = `${root}tmp/record-engines/`;
mkdirSync(tmp, { recursive: true });
const tables = ENGINE_TABLES.map(({ name, cases }) => {
  writeFileSync(`${tmp}${name}.json`, JSON.stringify(cases));
  return `${tmp}${name}.json`;
});
const given = process.argv.slice(2);
const out = `${tmp}run.json`;
if (given.length === 0) {
  rmSync(out, { force: true });
  try {
    execFileSync(process.execPath, [
      `${root}bin/cors-lab.js`, 'run', ...tables,
      '--browser', 'firefox,webkit', '--json', out,
    ], { stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    // Exit 1: some case's prediction disagrees; the recording is what the engines did, whatever the model says.
    // Anything else (no build, bad input, an engine missing) records nothing.
    if ((error as { status?: number }).status !== 1 || !existsSync(out)) throw error;
  }
}

interface Report {
  browsers: string[];
  origins: Array<{ name: string; url: string }>;
  results: Array<{ id: string; engines: Record<string, { observed: Record<string, unknown>; steps: Array<{ observed: Record<string, unknown> }> }> }>;
}
const reports = (given.length > 0 ? given : [out]).map((file) => JSON.parse(readFileSync(file, 'utf8')) as Report);
const browsers = reports[0]?.browsers.filter((b) => !b.startsWith('chromium')) ?? [];
const recording: EngineRecording = {
  recorded: `${new Date().toISOString().slice(0, 10)}, cors-lab run --browser firefox,webkit (test/probes/record-engines.ts)`,
  browsers,
  fields: [...RECORDED_FIELDS],
  cases: Object.fromEntries(reports.flatMap((report) => {
    const origins = Object.fromEntries(report.origins.map((o) => [o.name, o.url]));
    return report.results.map((result) => [result.id, Object.fromEntries(
      Object.entries(result.engines).filter(([engine]) => engine !== 'chromium').map(([engine, run]) => [
        engine, [run.observed, ...run.steps.map((step) => step.observed)].map((seen) => recordedStep(seen, origins)),
      ]),
    )]);
  })),
};
const file = fileURLToPath(new URL('./engines-observed.json', import.meta.url));
// One line per case: a re-recording's diff names the cases that changed.
const lines = Object.entries(recording.cases).map(([id, engines]) => `  ${JSON.stringify(id)}: ${JSON.stringify(engines)}`);
writeFileSync(file, `{\n "recorded": ${JSON.stringify(recording.recorded)},\n "browsers": ${JSON.stringify(recording.browsers)},\n "fields": ${JSON.stringify(recording.fields)},\n "cases": {\n${lines.join(',\n')}\n }\n}\n`);
console.log(`recorded ${lines.length} cases in ${file}`);
