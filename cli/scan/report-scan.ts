/**
 * The readable output of `cors-lab scan`, one block per URL. Everything the server sent is printed escaped:
 * it cannot drive the terminal.
 */
import { count } from '../plural.ts';
import { printableLine, printableText } from '../../format/terminal-text.ts';
import { misconfigurations, type Severity } from './finding.ts';
import { ORIGIN_INDEPENDENT, TRUST_CHECKS } from './probes.ts';
import type { ScanReport } from './scan.ts';

/**
 * What the scan of one URL comes to: `clean` only when the baseline was a CORS answer and every probe was
 * answered; `tested-nothing` when the baseline was not (a 401, a 404, no CORS header ...) or probes went
 * unanswered, and nothing was found in what came back.
 */
export type ScanVerdict = 'findings' | 'clean' | 'tested-nothing';

export function scanVerdict(report: ScanReport): ScanVerdict {
  if (misconfigurations(report.findings).length) return 'findings';
  return report.testedNothing.length || report.unanswered.length || report.notSent ? 'tested-nothing' : 'clean';
}

/** Exit codes: 0 every URL clean, 1 findings, 3 no findings but some URL tested nothing (2 is for bad input). */
export const SCAN_EXIT = { clean: 0, findings: 1, 'tested-nothing': 3 } as const;

export function scanExitCode(reports: readonly ScanReport[]): number {
  const verdicts = reports.map(scanVerdict);
  if (verdicts.includes('findings')) return SCAN_EXIT.findings;
  return verdicts.includes('tested-nothing') ? SCAN_EXIT['tested-nothing'] : SCAN_EXIT.clean;
}

function trustedLine(report: ScanReport): string {
  if (!report.trustedOriginAssumed) return `trusted origin: ${report.trustedOrigin} (--origin)`;
  const dependent = TRUST_CHECKS.filter((check) => !ORIGIN_INDEPENDENT.includes(check));
  return (
    `trusted origin: ${report.trustedOrigin}, assumed (the API's own): ${dependent.join(', ')} test that origin; ` +
    "pass --origin with your web app's origin"
  );
}

/** Why a URL tested nothing (or not everything), in words. */
export function untestedReasons(report: ScanReport): string[] {
  const untested = report.unanswered.length + report.notSent;
  return [...report.testedNothing, ...(untested ? [`${count(untested, 'probe')} got no answer or were not sent`] : [])];
}

function untestedLine(report: ScanReport): string {
  return `tested nothing: ${untestedReasons(report).join('; ')}`;
}

function reportOne(report: ScanReport): string[] {
  const methods = report.methods.join(', ');
  const lines = [
    `cors-lab scan ${printableLine(report.url)} (${methods}): ${count(report.requests, 'request')}`,
    trustedLine(report),
    '',
  ];
  for (const f of report.findings) {
    lines.push(`${f.severity.toUpperCase().padEnd(6)} ${f.id}: ${printableLine(f.title)}`);
    for (const line of f.evidence.request) lines.push(`         > ${printableLine(line)}`);
    for (const line of f.evidence.response) lines.push(`         < ${printableLine(line)}`);
    lines.push(`         fix: ${printableLine(f.fix)}`, '');
  }
  for (const u of report.unanswered)
    lines.push(`no usable answer for ${u.method} from Origin: ${printableLine(u.origin)} (${printableLine(u.error)})`);
  if (report.notSent) lines.push(`${count(report.notSent, 'probe')} not sent: the scan's deadline passed`);
  const verdict = scanVerdict(report);
  const by = (severity: Severity): number => report.findings.filter((f) => f.severity === severity).length;
  const notes = by('info') ? `; ${count(by('info'), 'hardening note')} (info)` : '';
  if (verdict === 'findings') {
    const found = misconfigurations(report.findings).length;
    lines.push(`${count(found, 'finding')}: ${by('high')} high, ${by('medium')} medium, ${by('low')} low${notes}`);
    // Findings are real even when the baseline was not a CORS answer; what was not tested is still said.
    if (report.testedNothing.length) lines.push(`not tested: ${printableLine(report.testedNothing.join('; '))}`);
  } else if (verdict === 'clean') {
    lines.push(`No CORS misconfiguration found.${notes ? ` (${notes.slice(2)} above)` : ''}`);
  }
  else lines.push(printableLine(untestedLine(report)));
  return lines;
}

export function reportScan(reports: readonly ScanReport[]): string {
  const blocks = reports.map((report) => reportOne(report).join('\n'));
  if (reports.length > 1) {
    const verdicts = reports.map(scanVerdict);
    const n = (verdict: ScanVerdict): number => verdicts.filter((v) => v === verdict).length;
    blocks.push(
      `${count(reports.length, 'URL')}: ${n('findings')} with findings, ${n('clean')} clean, ` +
        `${n('tested-nothing')} tested nothing`,
    );
  }
  return printableText(`${blocks.join('\n\n')}\n`);
}
