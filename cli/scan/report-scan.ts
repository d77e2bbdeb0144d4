/**
 * The readable output of `cors-lab scan`. Everything the server sent is printed escaped:
 * it cannot drive the terminal.
 */
import { count } from '../plural.ts';
import { printableLine, printableText } from '../../experiments/terminal-text.ts';
import type { ScanReport } from './scan.ts';

/** Whether the scan tested every probe it meant to: only then is "nothing found" a result. */
export function scanComplete(report: ScanReport): boolean {
  return report.unanswered.length === 0 && report.notSent === 0;
}

export function reportScan(report: ScanReport): string {
  const head = `cors-lab scan ${printableLine(report.url)}, trusted origin ${report.trustedOrigin}`;
  const lines = [`${head}: ${count(report.requests, 'request')}`, ''];
  for (const f of report.findings) {
    lines.push(`${f.severity.toUpperCase().padEnd(6)} ${f.id}: ${f.title}`);
    for (const line of f.evidence.request) lines.push(`         > ${printableLine(line)}`);
    for (const line of f.evidence.response) lines.push(`         < ${printableLine(line)}`);
    lines.push(`         fix: ${printableLine(f.fix)}`, '');
  }
  for (const u of report.unanswered) lines.push(`no usable answer for Origin: ${u.origin} (${printableLine(u.error)})`);
  if (report.notSent) lines.push(`${count(report.notSent, 'probe')} not sent: the scan's deadline passed`);
  if (report.findings.length) {
    const by = (severity: string): number => report.findings.filter((f) => f.severity === severity).length;
    lines.push(`${count(report.findings.length, 'finding')}: ${by('high')} high, ${by('medium')} medium, ${by('low')} low`);
  } else if (scanComplete(report)) lines.push('No CORS misconfiguration found.');
  else {
    const untested = count(report.unanswered.length + report.notSent, 'probe');
    lines.push(`Incomplete: no misconfiguration in the answers received, but ${untested} tested nothing (above).`);
  }
  return printableText(`${lines.join('\n')}\n`);
}
