/**
 * `cors-lab scan --sarif FILE`: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html),
 * as GitHub code scanning and other SARIF viewers read it: one rule per class (all of them, found or not), one
 * result per finding, located at the scanned URL. A URL that tested nothing is an invocation notification and
 * makes `executionSuccessful` false: a viewer must not show it as clean.
 */
import type { Invocation, Log, ReportingDescriptor, Result } from 'sarif';
import { CLASS_IDS, CLASSES } from './classes.ts';
import { redactedRequest, type Severity } from './finding.ts';
import { scanVerdict, untestedReasons } from './report-scan.ts';
import type { ScanReport } from './scan.ts';
import { packageVersion } from '../version.ts';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, Result.level> = { high: 'error', medium: 'warning', low: 'note', info: 'none' };
/**
 * GitHub's security-severity: high 7.0-8.9, medium 4.0-6.9, low 0.1-3.9 (docs.github.com, SARIF support for code
 * scanning).
 */
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.0', medium: '5.0', low: '2.0', info: '0.0' };

const RULES: ReportingDescriptor[] = CLASS_IDS.map((id) => ({
  id,
  name: id.replace(/(^|-)([a-z])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
  shortDescription: { text: CLASSES[id] },
  properties: { tags: ['security', 'cors'] },
}));

function results(report: ScanReport): Result[] {
  return report.findings.map((finding) => ({
    ruleId: finding.id,
    ruleIndex: CLASS_IDS.indexOf(finding.id),
    level: LEVEL[finding.severity],
    message: { text: `${finding.title}. Fix: ${finding.fix}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: report.url } } }],
    properties: {
      'security-severity': SECURITY_SEVERITY[finding.severity],
      origin: finding.origin,
      request: redactedRequest(finding.request),
      evidence: finding.evidence,
    },
  }));
}

function invocation(reports: readonly ScanReport[]): Invocation {
  const untested = reports.filter((r) => scanVerdict(r) === 'tested-nothing');
  return {
    executionSuccessful: untested.length === 0,
    toolExecutionNotifications: untested.map((r) => ({
      level: 'warning',
      message: { text: `${r.url}: tested nothing: ${untestedReasons(r).join('; ')}` },
      locations: [{ physicalLocation: { artifactLocation: { uri: r.url } } }],
    })),
  };
}

export function reportScanSarif(reports: readonly ScanReport[]): Log {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'cors-lab scan', version: packageVersion(), rules: RULES } },
        invocations: [invocation(reports)],
        results: reports.flatMap(results),
      },
    ],
  };
}
