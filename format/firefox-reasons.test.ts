import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIREFOX_REASON_WHEN } from './firefox-reason-notes.ts';
import { FIREFOX_REASONS, FIREFOX_REASON_TABLE, isFirefoxReason, readFirefoxConsole } from './firefox-reasons.ts';

const URL_AT = 'http://localhost:5311/__cl/abc-def/0/eyJwIjoiYXBwIn0';
const BLOCKED = 'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at';
const line = (words: string, tail = ''): string => `${BLOCKED} ${URL_AT}. (Reason: ${words}).${tail}`;

describe('readFirefoxConsole', () => {
  it('has one row per reason, in the list order', () => {
    expect(FIREFOX_REASON_TABLE.map((r) => r.name)).toEqual([...FIREFOX_REASONS]);
  });

  for (const { name, words } of FIREFOX_REASON_TABLE) {
    it(`reads ${name} and the URL it names`, () => {
      const filled = words.replaceAll('%', 'x-test');
      expect(readFirefoxConsole(line(filled, ' Status code: 200.'))).toEqual({ reason: name, url: URL_AT });
      expect(readFirefoxConsole(line(filled))).toEqual({ reason: name, url: URL_AT });
    });
  }

  it('reads lines as Firefox 153 printed them in the catalog run', () => {
    const measured: Array<[string, string]> = [
      ['CORS header ‘Access-Control-Allow-Origin’ does not match ‘http://localhost:40295’',
        'CORSAllowOriginNotMatchingOrigin'],
      ['CORS request did not succeed', 'CORSDidNotSucceed'],
      ['header ‘x-custom’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight' +
        ' response',
        'CORSMissingAllowHeaderFromPreflight'],
    ];
    for (const [words, name] of measured) {
      expect(readFirefoxConsole(line(words, ' Status code: (null).'))?.reason).toBe(name);
    }
  });

  it('keeps the URL of a line whose words it does not know, with no reason', () => {
    expect(readFirefoxConsole(line('Something new'))).toEqual({ reason: null, url: URL_AT });
  });

  for (const text of [
    '',
    'TypeError: NetworkError when attempting to fetch resource.',
    `uncaught exception: ${line('CORS disabled')}`,
    `Error: ${line('CORS disabled')}`,
    'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at',
    'Cross-Origin Request Blocked: (Reason: CORS disabled).',
  ]) {
    it(`reads no reason from ${JSON.stringify(text.slice(0, 60))}`, () => {
      expect(readFirefoxConsole(text)).toBeNull();
    });
  }

  it('is the table README.md shows, row for row', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const { name, words } of FIREFOX_REASON_TABLE) {
      expect(readme).toContain(`| \`${name}\` | ${words.replaceAll('%', '…')} | ${FIREFOX_REASON_WHEN[name]} |`);
    }
  });

  it('tells Firefox reasons from other names', () => {
    expect(isFirefoxReason('CORSMissingAllowOrigin')).toBe(true);
    for (const name of ['MissingAllowOriginHeader', 'CORSMissingAllowCredentials', 'corsmissingalloworigin', '']) {
      expect(isFirefoxReason(name), name).toBe(false);
    }
  });
});
