/** The readable output of `cors-lab scan`. */
import { count } from '../plural.ts';
import type { ScanReport } from './scan.ts';

export function reportScan(report: ScanReport): string {
  const lines = [`cors-lab scan ${report.url}, trusted origin ${report.trustedOrigin}: ${count(report.requests, 'request')}`, ''];
  for (const f of report.findings) {
    lines.push(`${f.severity.toUpperCase().padEnd(6)} ${f.id}: ${f.title}`);
    for (const line of f.evidence.request) lines.push(`         > ${line}`);
    for (const line of f.evidence.response) lines.push(`         < ${line}`);
    lines.push(`         fix: ${f.fix}`, '');
  }
  for (const u of report.unanswered) lines.push(`no answer for Origin: ${u.origin} (${u.error})`);
  if (report.findings.length === 0) lines.push('No CORS misconfiguration found.');
  else {
    const by = (severity: string): number => report.findings.filter((f) => f.severity === severity).length;
    lines.push(`${count(report.findings.length, 'finding')}: ${by('high')} high, ${by('medium')} medium, ${by('low')} low`);
  }
  return `${lines.join('\n')}\n`;
}
