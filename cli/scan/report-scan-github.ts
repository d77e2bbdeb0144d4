/**
 * `cors-lab scan --github`: GitHub Actions workflow commands after the table, one annotation per finding
 * (`::error` for high, `::warning` for medium, `::notice` for low and info) and a `::warning` for each URL that tested
 * nothing. Escaped as `run --reporter github` escapes (cli/report-github.ts).
 * https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands
 */
import { escapeData, escapeProperty } from '../report-github.ts';
import type { Severity } from './finding.ts';
import { scanVerdict, untestedReasons } from './report-scan.ts';
import type { ScanReport } from './scan.ts';

const COMMAND: Record<Severity, string> = { high: 'error', medium: 'warning', low: 'notice', info: 'notice' };

export function reportScanGithub(reports: readonly ScanReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const title = escapeProperty(`cors-lab scan ${f.id} (${f.severity}): ${report.url}`);
      lines.push(`::${COMMAND[f.severity]} title=${title}::${escapeData(`${f.title}\nfix: ${f.fix}`)}`);
    }
    if (scanVerdict(report) === 'tested-nothing') {
      const why = untestedReasons(report);
      lines.push(
        `::warning title=${escapeProperty(`cors-lab scan tested nothing: ${report.url}`)}::` +
          escapeData(why.join('\n')),
      );
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
