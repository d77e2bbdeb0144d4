/** The readable table `cors-lab run` prints at the end. */
import type { ExperimentResult, RunReport } from '../engines/run-result.ts';
import { count } from './plural.ts';
import { printableText } from '../experiments/terminal-text.ts';

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

function row(result: ExperimentResult): string {
  const o = result.observed;
  const mark = result.pass ? 'PASS' : 'FAIL';
  const steps = result.steps.length ? ` (+${count(result.steps.length, 'step')})` : '';
  const model = result.predicted.outcome === undefined ? '-' : result.mismatches.some((m) => m.includes('predicted.')) ? 'differs' : 'agrees';
  return `${mark}  ${(result.id + steps).padEnd(52)} ${o.outcome.padEnd(8)} ${(o.reason ?? '-').padEnd(38)} ${yesNo(o.preflight).padEnd(9)} ${yesNo(o.reachedServer).padEnd(7)} ${model}`;
}

export function reportTable(report: RunReport): string {
  const lines = [`      ${'experiment'.padEnd(52)} ${'outcome'.padEnd(8)} ${'reason (Chromium)'.padEnd(38)} ${'preflight'} reached model`];
  for (const result of report.results) {
    lines.push(row(result));
    for (const mismatch of result.mismatches) lines.push(`        ${mismatch}`);
    if (!result.pass && result.explanation) lines.push(`        model: ${result.explanation.verdict}`);
  }
  const { passed, failed, seconds } = report.summary;
  lines.push('', `${report.browser}, ${count(report.results.length, 'experiment')} in ${seconds} s`, `${passed} passed, ${failed} failed`);
  // Titles, reasons and console lines come from plans and from Chromium: nothing in them may drive the terminal.
  return printableText(`${lines.join('\n')}\n`);
}

export function progressLine(done: number, total: number, failed: number): string {
  return `running ${done}/${total}${failed ? `, ${failed} failed` : ''}`;
}
