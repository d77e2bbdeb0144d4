/** `cors-lab run --reporter`: JUnit XML a real parser reads, GitHub annotations, escaping of hostile text. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { ExperimentResult, Observation, RunReport } from '../engines/run-result.ts';
import { annotationPath, escapeData, escapeProperty, reportGithub } from './report-github.ts';
import { reportJunit } from './report-junit.ts';
import { cli } from './cli-in-memory.ts';

interface JunitCase {
  '@_name': string;
  '@_classname': string;
  failure?: { '@_message': string; '#text': string };
}

function testcases(xml: string): JunitCase[] {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml) as {
    testsuites: { testsuite: Array<{ testcase: JunitCase[] }> };
  };
  return parsed.testsuites.testsuite.flatMap((suite) => suite.testcase);
}

const HOSTILE = 'a<b>&"c\' %25 50%\r\nline two\t\u0000\u001b[31m\ud800 ]]> :,';

function result(id: string, group: string, mismatches: string[]): ExperimentResult {
  const observed: Observation = {
    outcome: 'blocked', reason: 'MissingAllowOriginHeader', failedParameter: null, preflight: false, reachedServer: true, status: null, responseType: null,
    readableHeaders: {}, originSeen: null, requestHeadersSeen: null, cookieSent: false, pageError: null, console: `Access to fetch ${HOSTILE}`, serverSaw: [],
  };
  return { id, title: `title ${HOSTILE}`, group, predicted: {}, observed, steps: [], pass: mismatches.length === 0, mismatches, seconds: 0.25 };
}

const REPORT: RunReport = {
  browser: 'chromium test',
  origins: [],
  results: [result('one', 'simple', []), result('two', 'simple', [`observed.reason: expected ${HOSTILE}, got X`, 'second']), result('three', `g${HOSTILE}`, [])],
  summary: { total: 3, passed: 2, failed: 1, seconds: 1.5 },
};

describe('junit reporter', () => {
  it('writes well-formed XML with one testcase per experiment, classname = group, escaped text', () => {
    const cases = testcases(reportJunit(REPORT));
    expect(cases.map((c) => [c['@_name'], c['@_classname']])).toEqual([['one', 'simple'], ['two', 'simple'], ['three', expect.stringMatching(/^ga<b>&"c'/)]]);
    const failure = cases[1]!.failure!;
    // The parser decodes entities: the text comes back as written, except characters XML cannot hold.
    expect(failure['@_message']).toContain('expected a<b>&"c\' %25 50%');
    expect(failure['#text']).toContain('second');
    expect(failure['#text']).toContain('\\u0000\\u001b[31m\\ud800 ]]>');
    expect(cases[0]!.failure).toBeUndefined();
  });
});

describe('github reporter', () => {
  it('encodes %, CR and LF in messages, and : and , in properties', () => {
    expect(escapeData('100% a\r\nb')).toBe('100%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('writes paths from the working directory, where a workflow step runs', () => {
    expect(annotationPath('/repo/experiments/a.json', '/repo')).toBe('experiments/a.json');
    expect(annotationPath('experiments/a.json', '/repo')).toBe('experiments/a.json');
    expect(annotationPath('/elsewhere/a.json', '/repo')).toBe('/elsewhere/a.json');
  });

  it('annotates each failure on its file and line, one line per annotation', () => {
    const out = reportGithub(REPORT, new Map([['two', { file: 'exp/my, file.json', line: 7 }]]));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=exp\/my%2C file\.json,line=7,title=cors-lab two%3A title a<b>&"c' %2525 50%25%0D%0Aline two/);
    expect(lines[0]).toContain('::observed.reason: expected a<b>&"c\' %2525 50%25%0D%0Aline two');
    expect(lines[1]).toBe('cors-lab: 3 experiments in 1.5 s, 2 passed, 1 failed');
  });
});

describe.concurrent('run --reporter, in Chromium', () => {
  async function experimentsFile(): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'cors-lab-reporter-'));
    const file = join(dir, 'mine.json');
    const base = { group: 'simple', request: { target: 'api' } };
    // The third expects the wrong outcome on purpose: a failure to report.
    const experiments = [
      { ...base, id: 'mine-blocked', title: 'no ACAO', expect: { outcome: 'blocked', reason: 'MissingAllowOriginHeader' } },
      { ...base, id: 'mine-allowed', title: 'ACAO *', server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } }, expect: { outcome: 'allowed' } },
      { ...base, id: 'mine-wrong', title: 'wrong expectation', expect: { outcome: 'allowed' } },
    ];
    await writeFile(file, `[\n${experiments.map((e) => `  ${JSON.stringify(e)}`).join(',\n')}\n]\n`);
    return file;
  }

  it('junit: one testcase per experiment, the failure carries the mismatch', async () => {
    const file = await experimentsFile();
    const { code, out } = await cli('run', file, '--reporter', 'junit');
    expect(code).toBe(1);
    const cases = testcases(out);
    expect(cases.map((c) => c['@_name'])).toEqual(['mine-blocked', 'mine-allowed', 'mine-wrong']);
    expect(cases.filter((c) => c.failure).map((c) => c['@_name'])).toEqual(['mine-wrong']);
    expect(cases[2]!.failure!['@_message']).toBe('observed.outcome: expected allowed, got blocked');
  }, 60_000);

  it('github: an annotation on the failing experiment\'s file and line', async () => {
    const file = await experimentsFile();
    const { code, out } = await cli('run', file, '--reporter', 'github');
    expect(code).toBe(1);
    expect(out.split('\n').filter((l) => l.startsWith('::error'))).toEqual([expect.stringMatching(new RegExp(`^::error file=${file.replace(/[.]/g, '\\.')},line=4,title=cors-lab mine-wrong%3A wrong expectation::observed\\.outcome: expected allowed, got blocked`))]);
  }, 60_000);
});
