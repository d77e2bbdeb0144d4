/**
 * `cors-lab scan --junit FILE`: one `testsuite` per URL, one `testcase` per class with the class as its name:
 * a finding is a `failure` (an info note passes, carrying it); a URL that tested nothing has every case
 * `skipped` with the reason (a CI page must not show green for it). Same XML form as `run --reporter junit`
 * (cli/report-junit.ts).
 */
import { xmlAttribute, xmlText } from '../report-junit.ts';
import { CLASS_IDS, CLASSES } from './classes.ts';
import { scanVerdict, untestedReasons } from './report-scan.ts';
import type { ScanReport } from './scan.ts';
import type { FindingId } from './finding.ts';

type Case = { kind: 'failure' | 'skipped' | 'passed'; xml: string };

function testcase(report: ScanReport, id: FindingId, untested: string | null): Case {
  const open = `    <testcase name="${xmlAttribute(id)}" classname="${xmlAttribute(report.url)}">`;
  const close = '\n    </testcase>';
  const finding = report.findings.find((f) => f.id === id);
  const lines = finding
    ? [
        `${finding.severity}: ${finding.title}`,
        ...finding.evidence.request.map((l) => `> ${l}`),
        ...finding.evidence.response.map((l) => `< ${l}`),
        `fix: ${finding.fix}`,
      ]
    : [CLASSES[id]];
  if (finding && finding.severity !== 'info') {
    const message = xmlAttribute(`${finding.severity}: ${finding.title}`);
    const failure = `<failure message="${message}" type="${finding.severity}">${xmlText(lines.join('\n'))}</failure>`;
    return { kind: 'failure', xml: `${open}\n      ${failure}${close}` };
  }
  if (untested !== null) {
    const skipped = `<skipped message="${xmlAttribute(`tested nothing: ${untested}`)}"/>`;
    return { kind: 'skipped', xml: `${open}\n      ${skipped}${close}` };
  }
  // An info note is no failure: the case passes and carries it.
  return { kind: 'passed', xml: `${open}\n      <system-out>${xmlText(lines.join('\n'))}</system-out>${close}` };
}

function suite(report: ScanReport): { xml: string; failures: number } {
  const untested = scanVerdict(report) === 'tested-nothing' ? untestedReasons(report).join('; ') : null;
  const cases = CLASS_IDS.map((id) => testcase(report, id, untested));
  const failures = cases.filter((c) => c.kind === 'failure').length;
  const skipped = cases.filter((c) => c.kind === 'skipped').length;
  const xml = [
    `  <testsuite name="${xmlAttribute(report.url)}" tests="${CLASS_IDS.length}" failures="${failures}" ` +
      `errors="0" skipped="${skipped}">`,
    ...cases.map((c) => c.xml),
    '  </testsuite>',
  ].join('\n');
  return { xml, failures };
}

export function reportScanJunit(reports: readonly ScanReport[]): string {
  const suites = reports.map(suite);
  const failures = suites.reduce((sum, s) => sum + s.failures, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cors-lab scan" tests="${CLASS_IDS.length * reports.length}" failures="${failures}" errors="0">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}
