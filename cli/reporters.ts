/** The output formats of `cors-lab run --reporter`. */
import type { RunReport } from '../engines/run-result.ts';
import { CliError } from './cli-error.ts';
import { reportGithub, type ExperimentSources } from './report-github.ts';
import { reportJunit } from './report-junit.ts';
import { reportTable } from './report-table.ts';
import { printableJson } from '../format/terminal-text.ts';

export const REPORTERS = {
  table: (report: RunReport) => reportTable(report),
  json: (report: RunReport) => printableJson(report),
  junit: (report: RunReport) => reportJunit(report),
  github: (report: RunReport, sources: ExperimentSources) => reportGithub(report, sources),
} as const;

export type ReporterName = keyof typeof REPORTERS;
export const DEFAULT_REPORTER: ReporterName = 'table';

export function reporterNamed(flag: string, value: string | undefined): ReporterName {
  if (value === undefined) return DEFAULT_REPORTER;
  if (Object.hasOwn(REPORTERS, value)) return value as ReporterName;
  throw new CliError(`${flag}: unknown reporter ${JSON.stringify(value)}; known: ${Object.keys(REPORTERS).join(', ')}`);
}
