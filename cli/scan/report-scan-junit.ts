/**
 * `cors-lab scan --junit FILE`: one `testsuite` per URL, one `testcase` per class with the class as its name:
 * a finding is a `failure`; a URL that tested nothing has every case `skipped` with the reason (a CI page
 * must not show green for it). Same XML form as `run --reporter junit` (cli/report-junit.ts).
 */
import { xmlAttribute, xmlText } from '../report-junit.ts';
import { CLASS_IDS, CLASSES } from './classes.ts';
import { scanVerdict, untestedReasons } from './report-scan.ts';
import type { ScanReport } from './scan.ts';

function suite(report: ScanReport): string {
  const untested = scanVerdict(report) === 'tested-nothing';
  const why = untestedReasons(report).join('; ');
  const cases = CLASS_IDS.map((id) => {
    const open = `    <testcase name="${xmlAttribute(id)}" classname="${xmlAttribute(report.url)}">`;
    const finding = report.findings.find((f) => f.id === id);
    if (finding) {
      const body = [
        `${finding.severity}: ${finding.title}`,
        ...finding.evidence.request.map((l) => `> ${l}`),
        ...finding.evidence.response.map((l) => `< ${l}`),
        `fix: ${finding.fix}`,
      ];
      return `${open}\n      <failure message="${xmlAttribute(`${finding.severity}: ${finding.title}`)}" ` +
        `type="${finding.severity}">${xmlText(body.join('\n'))}</failure>\n    </testcase>`;
    }
    if (untested)
      return `${open}\n      <skipped message="${xmlAttribute(`tested nothing: ${why}`)}"/>\n    </testcase>`;
    return `${open}\n      <system-out>${xmlText(CLASSES[id])}</system-out>\n    </testcase>`;
  });
  const failures = report.findings.length;
  const skipped = untested && !failures ? CLASS_IDS.length : untested ? CLASS_IDS.length - failures : 0;
  return [
    `  <testsuite name="${xmlAttribute(report.url)}" tests="${CLASS_IDS.length}" failures="${failures}" ` +
      `errors="0" skipped="${skipped}">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
}

export function reportScanJunit(reports: readonly ScanReport[]): string {
  const failures = reports.reduce((sum, r) => sum + r.findings.length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cors-lab scan" tests="${CLASS_IDS.length * reports.length}" failures="${failures}" errors="0">`,
    ...reports.map(suite),
    '</testsuites>',
    '',
  ].join('\n');
}
