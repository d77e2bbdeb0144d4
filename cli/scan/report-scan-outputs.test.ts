/**
 * `cors-lab scan --sarif/--junit/--github`: each format as its readers require it, for a URL with findings, a
 * clean one and one that tested nothing (which no format may show as clean).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import type { Log } from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, type CliRun } from '../cli-in-memory.ts';
import { CLASS_IDS } from './classes.ts';
import { startScanTestApi, TRUSTED, type ScanTestApi } from '../../test/scan/scan-test-api.ts';

let api: ScanTestApi;
let run: CliRun;
let files: { sarif: string; junit: string };
beforeAll(async () => {
  api = await startScanTestApi();
  const dir = await mkdtemp(join(tmpdir(), 'cors-lab-scan-out-'));
  files = { sarif: join(dir, 'scan.sarif'), junit: join(dir, 'scan.xml') };
  const urls = ['/vulnerable/origin-reflected', '/fixed/origin-reflected', '/tested-nothing/not-found'].map(
    (path) => `${api.url}${path}`,
  );
  run = await cli('scan', ...urls, '--origin', TRUSTED, '--sarif', files.sarif, '--junit', files.junit, '--github');
});
afterAll(() => api.close());

/**
 * The properties the SARIF 2.1.0 schema requires (sarif-schema-2.1.0.json, "required" of each definition):
 * sarifLog: version, runs; run: tool; tool: driver; toolComponent: name; reportingDescriptor: id; result:
 * message; message: text or id; invocation: executionSuccessful; notification: message;
 * multiformatMessageString: text; physicalLocation: artifactLocation or address.
 */
function sarifProblems(log: Log): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string): void => void (ok || problems.push(what));
  need(log.version === '2.1.0', 'version is "2.1.0"');
  need(Array.isArray(log.runs), 'runs is an array');
  for (const [r, run] of (log.runs ?? []).entries()) {
    need(typeof run.tool?.driver?.name === 'string', `runs[${r}].tool.driver.name`);
    const rules = run.tool.driver.rules ?? [];
    for (const [i, rule] of rules.entries()) {
      need(typeof rule.id === 'string', `rules[${i}].id`);
      need(
        rule.shortDescription === undefined || typeof rule.shortDescription.text === 'string',
        `rules[${i}].shortDescription.text`,
      );
    }
    for (const [i, result] of (run.results ?? []).entries()) {
      need(typeof result.message?.text === 'string' || typeof result.message?.id === 'string', `results[${i}].message`);
      need(['none', 'note', 'warning', 'error', undefined].includes(result.level), `results[${i}].level`);
      need(
        result.ruleIndex === undefined || rules[result.ruleIndex]?.id === result.ruleId,
        `results[${i}].ruleIndex points at its rule`,
      );
      for (const location of result.locations ?? [])
        need(location.physicalLocation?.artifactLocation !== undefined, `results[${i}] location`);
    }
    for (const [i, invocation] of (run.invocations ?? []).entries()) {
      need(typeof invocation.executionSuccessful === 'boolean', `invocations[${i}].executionSuccessful`);
      for (const n of invocation.toolExecutionNotifications ?? [])
        need(typeof n.message?.text === 'string', `invocations[${i}] notification message`);
    }
  }
  return problems;
}

describe('cors-lab scan outputs', () => {
  it('exits 1 (a finding) and prints the three URLs and the count', () => {
    expect(run.code).toBe(1);
    expect(run.out).toContain('3 URLs: 1 with findings, 1 clean, 1 tested nothing');
  });

  it('--sarif: SARIF 2.1.0 with every required property, one rule per class, a result per finding, tested ' +
    'nothing as a failed invocation', async () => {
    const log = JSON.parse(await readFile(files.sarif, 'utf8')) as Log;
    expect(sarifProblems(log)).toEqual([]);
    const [sarifRun] = log.runs;
    expect(sarifRun!.tool.driver.rules!.map((r) => r.id)).toEqual(CLASS_IDS);
    expect(
      sarifRun!.results!.map((r) => [r.ruleId, r.level, r.locations![0]!.physicalLocation!.artifactLocation!.uri]),
    ).toEqual([
      ['origin-reflected', 'error', `${api.url}/vulnerable/origin-reflected`],
      ['null-trusted', 'error', `${api.url}/vulnerable/origin-reflected`],
    ]);
    expect(sarifRun!.invocations![0]!.executionSuccessful).toBe(false);
    expect(sarifRun!.invocations![0]!.toolExecutionNotifications![0]!.message.text).toContain(
      `${api.url}/tested-nothing/not-found: tested nothing: the baseline GET got 404`,
    );
  });

  it('the SARIF check fails on a log missing what the schema requires', () => {
    const broken = {
      version: '2.1.0',
      runs: [{ tool: { driver: { rules: [{}] } }, results: [{ ruleId: 'x', ruleIndex: 0 }] }],
    } as unknown as Log;
    expect(sarifProblems(broken)).toEqual([
      'runs[0].tool.driver.name',
      'rules[0].id',
      'results[0].message',
      'results[0].ruleIndex points at its rule',
    ]);
  });

  it('--junit: a suite per URL, a case per class; findings fail, a URL that tested nothing skips all', async () => {
    const xml = await readFile(files.junit, 'utf8');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toMatch(
      new RegExp(
        `^<\\?xml version="1.0" encoding="UTF-8"\\?>\n<testsuites name="cors-lab scan" ` +
          `tests="${CLASS_IDS.length * 3}" failures="2" errors="0">`,
      ),
    );
    const suites = [
      ...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)" errors="0" skipped="(\d+)">/g),
    ].map((m) => m.slice(1));
    const n = String(CLASS_IDS.length);
    expect(suites).toEqual([
      [`${api.url}/vulnerable/origin-reflected`, n, '2', '0'],
      [`${api.url}/fixed/origin-reflected`, n, '0', '0'],
      [`${api.url}/tested-nothing/not-found`, n, '0', n],
    ]);
    expect(xml).toContain(
      '<failure message="high: Any Origin is reflected in Access-Control-Allow-Origin, with credentials" type="high">',
    );
    expect(xml.match(/<skipped message="tested nothing: the baseline GET got 404/g)).toHaveLength(CLASS_IDS.length);
  });

  it('--github: an annotation per finding by severity, a warning for the URL that tested nothing', () => {
    const annotations = run.out.split('\n').filter((line) => line.startsWith('::'));
    expect(annotations).toEqual([
      expect.stringMatching(
        /^::error title=cors-lab scan origin-reflected \(high\)%3A http%3A\/\/127\.0\.0\.1%3A\d+\/[a-z/-]+::Any/,
      ),
      expect.stringMatching(/^::error title=cors-lab scan null-trusted \(high\)/),
      expect.stringMatching(
        /^::warning title=cors-lab scan tested nothing%3A .*\/tested-nothing\/not-found::the baseline GET got 404/,
      ),
    ]);
  });
});
