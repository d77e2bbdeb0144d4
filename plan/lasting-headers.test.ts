/** Which planned lines outlive the response, and who gets them. */
import { describe, expect, it } from 'vitest';
import type { HeaderLines } from '../format/headers.ts';
import { notFetchOrXhr } from './fetch-destination.ts';
import { LASTING_HEADERS, limitLastingHeaders } from './lasting-headers.ts';

const NOW = Date.parse('2026-12-06T12:00:00Z');
const PLAN: HeaderLines = [
  ['Access-Control-Allow-Origin', '*'],
  ['Set-Cookie', 'a=1; Path=/; Max-Age=60'],
  ['Clear-Site-Data', '"cookies", "storage"'],
  ['Strict-Transport-Security', 'max-age=31536000'],
  ['Link', '</x>; rel=prefetch'],
  ['X-Custom', 'kept'],
];

describe('limitLastingHeaders', () => {
  it('sends the run its own fetch lines, cookies scoped, and never Clear-Site-Data or HSTS', () => {
    const { lines, withheld } = limitLastingHeaders(PLAN, 'r1', null, NOW);
    expect(lines).toEqual([
      ['Access-Control-Allow-Origin', '*'],
      ['Set-Cookie', 'a=1; Max-Age=60; Path=/__cl/r1/; Priority=Low'],
      ['Link', '</x>; rel=prefetch'],
      ['X-Custom', 'kept'],
    ]);
    expect(withheld).toEqual([
      { name: 'Set-Cookie', planned: 'a=1; Path=/; Max-Age=60', sent: 'a=1; Max-Age=60; Path=/__cl/r1/; Priority=Low', why: expect.stringMatching(/^Path \/ is outside this run: Path=\/__cl\/r1\/ · Priority=Low/) },
      { name: 'Clear-Site-Data', planned: '"cookies", "storage"', sent: null, why: expect.stringMatching(/^never sent: it would clear cookies of every localhost port/) },
      { name: 'Strict-Transport-Security', planned: 'max-age=31536000', sent: null, why: expect.stringMatching(/^never sent: HSTS/) },
    ]);
  });

  it('withholds every lasting line from a request that is not the run\'s fetch, and says why', () => {
    const why = 'the request is Sec-Fetch-Mode: navigate, not fetch() or XMLHttpRequest';
    const { lines, withheld } = limitLastingHeaders(PLAN, 'r1', why, NOW);
    expect(lines).toEqual([['Access-Control-Allow-Origin', '*'], ['X-Custom', 'kept']]);
    expect(withheld.map((w) => [w.name, w.sent])).toEqual([['Set-Cookie', null], ['Clear-Site-Data', null], ['Strict-Transport-Security', null], ['Link', null]]);
    expect(withheld[0]!.why).toBe(`not sent: cookies outlive the response, and ${why}`);
  });

  it('matches names case-insensitively and keeps repeated lines apart', () => {
    const lines1 = [['set-COOKIE', 'a=1; Max-Age=1; Priority=Low'], ['SET-cookie', 'b=1; Max-Age=1; Priority=Low']] as const;
    const { lines, withheld } = limitLastingHeaders([...lines1.map(([n, v]): [string, string] => [n, v]), ['clear-site-data', '"*"']], 'r1', null, NOW);
    expect(lines).toEqual(lines1);
    expect(withheld).toHaveLength(1);
  });

  it('every listed name is lower case, with a reason', () => {
    for (const [name, { why }] of LASTING_HEADERS) {
      expect(name).toBe(name.toLowerCase());
      expect(why.length).toBeGreaterThan(10);
    }
  });
});

describe('notFetchOrXhr', () => {
  it('accepts fetch() and XHR in every mode a run uses', () => {
    for (const mode of ['cors', 'no-cors', 'same-origin']) expect(notFetchOrXhr({ 'sec-fetch-mode': mode, 'sec-fetch-dest': 'empty', 'sec-fetch-site': 'cross-site' })).toBeNull();
    // No Fetch Metadata at all (an origin that is not potentially trustworthy): the run id decides.
    expect(notFetchOrXhr({ origin: 'http://app.test' })).toBeNull();
  });

  it('refuses navigations, frames, forms and subresources, naming the header', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }, /Sec-Fetch-Mode: navigate/],
      [{ 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' }, /Sec-Fetch-Mode: navigate/],
      [{ 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' }, /Sec-Fetch-Dest: image/],
      [{ 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' }, /Sec-Fetch-Dest: script/],
      [{ 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'object' }, /Sec-Fetch-Dest: object/],
      [{ 'sec-fetch-mode': 'websocket', 'sec-fetch-dest': 'websocket' }, /Sec-Fetch-Mode: websocket/],
      [{ 'sec-fetch-dest': 'frame' }, /Sec-Fetch-Dest: frame/],
      [{ 'sec-fetch-user': '?1' }, /Sec-Fetch-User/],
      // A navigation from a page that is not a secure context carries no Sec-Fetch-*, but this.
      [{ 'upgrade-insecure-requests': '1' }, /Upgrade-Insecure-Requests/],
    ];
    for (const [headers, why] of cases) expect(notFetchOrXhr(headers)).toMatch(why);
  });
});
