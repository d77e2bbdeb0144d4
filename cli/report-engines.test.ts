/** A run in several engines (format 1.2): the table's column per engine, JUnit and GitHub per engine. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { EngineResult, ExperimentResult, Observation, RunReport } from '../engines/run-result.ts';
import { reportGithub } from './report-github.ts';
import { reportJunit } from './report-junit.ts';
import { reportTable } from './report-table.ts';

function engineResult(reason: string | null, mismatches: string[] = []): EngineResult {
  const observed: Observation = {
    outcome: reason ? 'blocked' : 'allowed', reason, failedParameter: null, preflight: false, reachedServer: true,
    status: reason ? null : 200, responseType: null, readableHeaders: {}, originSeen: null, requestHeadersSeen: null,
    cookieSent: false, pageError: null, console: reason ? `console of ${reason}` : null, serverSaw: [],
  };
  return { predicted: {}, observed, steps: [], pass: mismatches.length === 0, mismatches, seconds: 0.5 };
}

const chromiumOnly = engineResult('InsecureLocalNetwork');
const noAcao = {
  chromium: engineResult('MissingAllowOriginHeader'),
  firefox: engineResult('CORSMissingAllowOrigin'),
  webkit: engineResult('WebKitAllowOriginNotAllowed', ['observed.outcome: expected allowed, got blocked']),
};

const RESULTS: ExperimentResult[] = [
  {
    id: 'no-acao', title: 'no header', group: 'simple', ...noAcao.chromium, pass: false,
    mismatches: ['webkit: observed.outcome: expected allowed, got blocked'], engines: noAcao,
  },
  { id: 'lna', title: 'local network', group: 'lna', ...chromiumOnly, engines: { chromium: chromiumOnly } },
];

const REPORT: RunReport = {
  browser: 'chromium 156', browsers: ['chromium 156', 'firefox 153', 'webkit 2.50'], origins: [], results: RESULTS,
  summary: {
    total: 2, passed: 1, failed: 1, seconds: 3,
    engines: {
      chromium: { total: 2, passed: 2, failed: 0, seconds: 1 },
      firefox: { total: 1, passed: 1, failed: 0, seconds: 1 },
      webkit: { total: 1, passed: 0, failed: 1, seconds: 1 },
    },
  },
};

describe('reporters, a run in several engines', () => {
  it('table: a column per engine, each engine\'s reason in its own words, - where it did not run', () => {
    const lines = reportTable(REPORT).split('\n');
    expect(lines[0]).toMatch(/^ +experiment +chromium +firefox +webkit$/);
    const noAcaoRow = lines.find((l) => l.includes(' no-acao'));
    expect(noAcaoRow).toMatch(
      /^FAIL +no-acao +blocked MissingAllowOriginHeader +blocked CORSMissingAllowOrigin +FAIL blocked WebKitAllowOriginNotAllowed$/,
    );
    expect(lines.find((l) => l.includes(' lna'))).toMatch(/^PASS +lna +blocked InsecureLocalNetwork +- +-$/);
    expect(lines).toContain('        webkit: observed.outcome: expected allowed, got blocked');
    expect(lines).toContain('webkit 2.50: 1 experiment in 1 s, 0 passed, 1 failed');
    expect(lines).toContain('chromium 156: 2 experiments in 1 s, 2 passed, 0 failed');
  });

  it('table: names an engine skipped and what to install', () => {
    const report = { ...REPORT, skipped: [{ engine: 'firefox' as const, why: 'No Firefox found.\nInstall Firefox' }] };
    expect(reportTable(report).split('\n')).toContain('firefox skipped: No Firefox found.');
  });

  it('junit: a testcase per experiment and engine it ran in, the failure on the engine that failed', () => {
    const xml = reportJunit(REPORT);
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'testsuite' || n === 'testcase' }).parse(xml) as {
      testsuites: { '@_tests': string; '@_failures': string; testsuite: Array<{ testcase: Array<{ '@_name': string; failure?: unknown }> }> };
    };
    const cases = parsed.testsuites.testsuite.flatMap((s) => s.testcase);
    expect(cases.map((c) => [c['@_name'], c.failure !== undefined])).toEqual([
      ['no-acao [chromium]', false], ['no-acao [firefox]', false], ['no-acao [webkit]', true], ['lna [chromium]', false],
    ]);
    expect([parsed.testsuites['@_tests'], parsed.testsuites['@_failures']]).toEqual(['4', '1']);
  });

  it('github: an annotation per engine that failed, on the experiment\'s file, its title naming the engine', () => {
    const sources = new Map([['no-acao', { file: 'mine.json', line: 3 }]]);
    const errors = reportGithub(REPORT, sources).split('\n').filter((l) => l.startsWith('::error'));
    expect(errors).toEqual([
      '::error file=mine.json,line=3,title=cors-lab no-acao [webkit]%3A no header::observed.outcome: expected allowed, got blocked'
        + '%0Aconsole: console of WebKitAllowOriginNotAllowed',
    ]);
  });
});
