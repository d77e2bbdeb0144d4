/**
 * `cors-lab run --reporter junit`: JUnit XML as CI systems read it (Jenkins,
 * GitLab, Azure, the GitHub test-report actions): one `testsuite` per group,
 * one `testcase` per experiment with the group as `classname`, and a
 * `failure` carrying the mismatches. Schema followed: the Ant/Surefire form
 * most readers accept, https://github.com/testmoapp/junitxml. A run in several
 * engines has a test case per experiment and engine, named `id [engine]`.
 */
import type { ExperimentResult, RunReport } from '../engines/run-result.ts';
import { perEngineResults } from './report-engines.ts';
import { printableText, unicodeEscape } from '../format/terminal-text.ts';

/**
 * Characters XML 1.0 cannot hold at all, even escaped (https://www.w3.org/TR/xml/#charsets), such as lone surrogates:
 * written as visible \uXXXX text, as the control characters a terminal would act on are.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return printableText(text)
    .replace(NOT_XML, unicodeEscape)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Attribute values also escape quotes, and line breaks and tabs, which attribute normalisation would turn into spaces. */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const seconds = (value: number): string => value.toFixed(3);

function details(result: ExperimentResult): string {
  const o = result.observed;
  return [
    `${result.title}`,
    `observed: ${o.outcome}${o.reason ? `, ${o.reason}` : ''}${o.preflight ? ', preflight' : ''}`,
    ...(o.console ? [`console: ${o.console}`] : []),
    ...(result.explanation ? [`model: ${result.explanation.verdict}`] : []),
    ...(result.explanation?.fix ? [`fix: ${result.explanation.fix}`] : []),
  ].join('\n');
}

function testcase(result: ExperimentResult): string {
  const open = `    <testcase name="${xmlAttribute(result.id)}" classname="${xmlAttribute(result.group)}" time="${seconds(result.seconds)}">`;
  const body = result.pass
    ? ''
    : `\n      <failure message="${xmlAttribute(result.mismatches[0] ?? 'failed')}" type="mismatch">${xmlText([...result.mismatches, '', details(result)].join('\n'))}</failure>`;
  return `${open}${body}\n      <system-out>${xmlText(details(result))}</system-out>\n    </testcase>`;
}

export function reportJunit(report: RunReport): string {
  const groups = new Map<string, ExperimentResult[]>();
  // Several engines: a test case per experiment and engine, `id [engine]`.
  const results = perEngineResults(report);
  for (const result of results) groups.set(result.group, [...(groups.get(result.group) ?? []), result]);
  const suites = [...groups].map(([group, results]) => {
    const failures = results.filter((r) => !r.pass).length;
    const time = results.reduce((sum, r) => sum + r.seconds, 0);
    return [
      `  <testsuite name="${xmlAttribute(group)}" tests="${results.length}" failures="${failures}" errors="0" skipped="0" time="${seconds(time)}">`,
      ...results.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  const total = results.length;
  const failed = results.filter((r) => !r.pass).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="cors-lab" tests="${total}" failures="${failed}" errors="0" time="${seconds(report.summary.seconds)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
