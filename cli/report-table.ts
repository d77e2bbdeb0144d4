/** The readable table `cors-lab run` prints at the end. */
import type { EngineName } from '../engines/engine.ts';
import type { EngineResult, ExperimentResult, RunReport } from '../engines/run-result.ts';
import { enginesOf } from './report-engines.ts';
import { count } from './plural.ts';
import { printableText } from '../format/terminal-text.ts';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

function row(result: ExperimentResult): string {
  const o = result.observed;
  const mark = result.pass ? 'PASS' : 'FAIL';
  const steps = result.steps.length ? ` (+${count(result.steps.length, 'step')})` : '';
  const model = result.predicted.outcome === undefined ? '-' : result.mismatches.some((m) => m.includes('predicted.')) ? 'differs' : 'agrees';
  return `${mark}  ${(result.id + steps).padEnd(52)} ${o.outcome.padEnd(8)} ${(o.reason ?? '-').padEnd(38)} ${yesNo(o.preflight).padEnd(9)} ${yesNo(o.reachedServer).padEnd(7)} ${model}`;
}

/** One engine's cell: its outcome and reason in its own words, FAIL when it failed there, '-' where it did not run. */
function cell(result: EngineResult | undefined): string {
  if (!result) return '-'.padEnd(ENGINE_COLUMN);
  const { outcome, reason } = result.observed;
  return `${result.pass ? '' : 'FAIL '}${outcome}${reason ? ` ${reason}` : ''}`.padEnd(ENGINE_COLUMN);
}

const ENGINE_COLUMN = 44;

/** Engines asked for and not installed, each named with the first line of why (the JSON and stderr say the rest). */
const skippedLines = (report: RunReport): string[] =>
  (report.skipped ?? []).map(({ engine, why }) => `${engine} skipped: ${why.split('\n')[0]}`);

/** A run in several engines (format 1.2): a column per engine, a summary line per engine, the engines skipped. */
function reportEngines(report: RunReport, engines: readonly EngineName[]): string[] {
  const lines = [`      ${'experiment'.padEnd(52)} ${engines.map((e) => e.padEnd(ENGINE_COLUMN)).join(' ')}`.trimEnd()];
  for (const result of report.results) {
    const steps = result.steps.length ? ` (+${count(result.steps.length, 'step')})` : '';
    const cells = engines.map((engine) => cell(result.engines?.[engine])).join(' ');
    lines.push(`${result.pass ? 'PASS' : 'FAIL'}  ${(result.id + steps).padEnd(52)} ${cells}`.trimEnd());
    for (const mismatch of result.mismatches) lines.push(`        ${mismatch}`);
  }
  lines.push('');
  engines.forEach((engine, i) => {
    const summary = report.summary.engines?.[engine];
    if (!summary) return;
    const version = report.browsers?.[i] ?? engine;
    const { total, passed, failed, seconds } = summary;
    lines.push(`${version}: ${count(total, 'experiment')} in ${seconds} s, ${passed} passed, ${failed} failed`);
  });
  lines.push(...skippedLines(report));
  const { passed, failed, seconds } = report.summary;
  lines.push(`${count(report.results.length, 'experiment')} in ${seconds} s, ${passed} passed, ${failed} failed`);
  return lines;
}

export function reportTable(report: RunReport): string {
  const engines = enginesOf(report);
  // Titles, reasons and console lines come from plans and from browsers: nothing in them may drive the terminal.
  if (engines.length > 0) return printableText(`${reportEngines(report, engines).join('\n')}\n`);
  const lines = [`      ${'experiment'.padEnd(52)} ${'outcome'.padEnd(8)} ${'reason (Chromium)'.padEnd(38)} ${'preflight'} reached model`];
  for (const result of report.results) {
    lines.push(row(result));
    for (const mismatch of result.mismatches) lines.push(`        ${mismatch}`);
    if (!result.pass && result.explanation) lines.push(`        model: ${result.explanation.verdict}`);
  }
  const { passed, failed, seconds } = report.summary;
  lines.push('', `${report.browser}, ${count(report.results.length, 'experiment')} in ${seconds} s`, `${passed} passed, ${failed} failed`);
  lines.push(...skippedLines(report));
  // Titles, reasons and console lines come from plans and from Chromium: nothing in them may drive the terminal.
  return printableText(`${lines.join('\n')}\n`);
}

export function progressLine(done: number, total: number, failed: number): string {
  return `running ${done}/${total}${failed ? `, ${failed} failed` : ''}`;
}
