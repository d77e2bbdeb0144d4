/**
 * `cors-lab run --reporter github`: GitHub Actions workflow commands, one
 * `::error` annotation per failed experiment, placed on its file and line
 * when it came from a file.
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#setting-an-error-message
 */
import { isAbsolute, relative } from 'node:path';
import type { ExperimentResult, RunReport } from '../engines/run-result.ts';
import { count } from './plural.ts';
import { perEngineResults } from './report-engines.ts';
import { printableText } from '../format/terminal-text.ts';

/** Where an experiment was written (absent for the built-in catalog). */
export type ExperimentSources = ReadonlyMap<string, { file: string; line: number }>;

/**
 * The message part: % and line breaks are encoded (as @actions/core's escapeData does), and every other
 * control character is written as visible text, since the runner's log is a terminal too.
 */
export function escapeData(text: string): string {
  return printableText(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A property value also encodes the separators `:` and `,` (as @actions/core's escapeProperty does). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub places annotations by a path from the repository root: the working directory of a workflow step. */
export function annotationPath(file: string, cwd = process.cwd()): string {
  const fromCwd = relative(cwd, file);
  return isAbsolute(file) && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : file;
}

function annotation(result: ExperimentResult, sources: ExperimentSources): string {
  // `id [engine]` in a run in several engines (ids are kebab-case: never ' ['): the experiment's id finds its file.
  const source = sources.get(result.id.replace(/ \[[a-z]+\]$/, ''));
  const properties = [...(source ? [`file=${escapeProperty(annotationPath(source.file))}`, `line=${source.line}`] : []), `title=${escapeProperty(`cors-lab ${result.id}: ${result.title}`)}`];
  const fix = result.explanation?.fix;
  const message = [...result.mismatches, ...(result.observed.console ? [`console: ${result.observed.console}`] : []), ...(fix ? [`fix: ${fix}`] : [])].join('\n');
  return `::error ${properties.join(',')}::${escapeData(message)}`;
}

export function reportGithub(report: RunReport, sources: ExperimentSources): string {
  // Several engines: an annotation per engine an experiment failed in, its title naming the engine.
  const lines = perEngineResults(report).filter((r) => !r.pass).map((r) => annotation(r, sources));
  const { passed, failed, seconds } = report.summary;
  lines.push(`cors-lab: ${count(report.results.length, 'experiment')} in ${seconds} s, ${passed} passed, ${failed} failed`);
  return printableText(`${lines.join('\n')}\n`);
}
