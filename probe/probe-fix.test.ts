/** A probe's fix as data: only what is missing or wrong, and several probes merged into one change per header. */
import { describe, expect, it } from 'vitest';
import type { HeaderLines } from '../format/headers.ts';
import { MAX_HEADER_VALUE } from '../format/limits.ts';
import { replayWire } from './explain-probe.ts';
import { frameworkFix, frameworkFixText } from './framework-fix.ts';
import type { WireResponse } from '../runner/cdp-watch.ts';
import { mergeFixes, probeFix, type ProbeFix } from './probe-fix.ts';
import { probeRequest, type ProbeOptions } from './probe-options.ts';

const ORIGIN = 'http://localhost:3000';
const URL = 'http://127.0.0.1:8080/items';
const answer = (status: number, headers: HeaderLines): WireResponse => ({ status, headers, addressSpace: 'Loopback' });

type Wire = { preflight: WireResponse | null; actual: WireResponse | null };

function fixOf(options: Partial<ProbeOptions>, wire: Wire): ProbeFix {
  const request = probeRequest({ url: URL, origin: ORIGIN, ...options });
  const replay = replayWire(request, wire);
  if (!replay) throw new Error('not replayable');
  return probeFix(replay, request, wire);
}

const headerText = (fix: ProbeFix): string[] =>
  frameworkFixText(frameworkFix(fix, { name: 'headers', guessed: false, basis: null }, URL)!).split('\n');

/** A server that allows the page and GET on its preflight, and sends the right actual answer. */
const PREFLIGHT_GET = answer(204, [['Access-Control-Allow-Origin', ORIGIN], ['Access-Control-Allow-Methods', 'GET']]);
const ACTUAL_OK = answer(200, [['Access-Control-Allow-Origin', ORIGIN], ['Vary', 'Origin']]);
/** That preflight, which stopped the request: the actual answer never seen. */
const NO_ACTUAL: Wire = { preflight: PREFLIGHT_GET, actual: null };

describe('probeFix: only what is missing or wrong', () => {
  it('a header the server already sends right is never repeated: only Allow-Credentials', () => {
    const fix = fixOf({ credentials: 'include' }, { preflight: null, actual: ACTUAL_OK });
    expect(headerText(fix)).toEqual(['actual answer: Access-Control-Allow-Credentials: true']);
  });

  it('a header present but wrong says what to change it to', () => {
    const actual = answer(200, [['Access-Control-Allow-Origin', 'https://app.example'], ['Vary', 'Origin']]);
    const fix = fixOf({}, { preflight: null, actual });
    expect(headerText(fix)).toEqual([
      `actual answer: Access-Control-Allow-Origin: ${ORIGIN} (instead of https://app.example)`,
    ]);
  });

  it('a Vary without Origin gets Origin added to what it lists', () => {
    const fix = fixOf({}, { preflight: null, actual: answer(200, [['Vary', 'Accept-Encoding']]) });
    expect(headerText(fix)).toContain('actual answer: Vary: Accept-Encoding, Origin (instead of Accept-Encoding)');
  });

  it('an allowed probe has a fix with no changes, and nothing to print', () => {
    const fix = fixOf({}, { preflight: null, actual: ACTUAL_OK });
    expect(fix.changes).toEqual([]);
    expect(frameworkFix(fix, { name: 'headers', guessed: false, basis: null }, URL)).toBeNull();
  });
});

describe('mergeFixes: one line per header', () => {
  it('GET, PUT and DELETE: one Access-Control-Allow-Methods line; the actual answer GET saw is not repeated', () => {
    const fixes = [
      fixOf({ method: 'GET' }, { preflight: null, actual: ACTUAL_OK }),
      fixOf({ method: 'PUT' }, NO_ACTUAL),
      fixOf({ method: 'DELETE' }, NO_ACTUAL),
    ];
    // Alone, each blocked probe asks for its own method and for the actual answer it never saw.
    const methods = 'OPTIONS (preflight): Access-Control-Allow-Methods:';
    expect(headerText(fixes[1]!)[0]).toBe(`${methods} GET, PUT (instead of GET)`);
    expect(headerText(mergeFixes(fixes))).toEqual([`${methods} GET, PUT, DELETE (instead of GET)`]);
  });

  it('two page origins: one reflected Access-Control-Allow-Origin from the list, one Vary', () => {
    const other = 'http://127.0.0.1:4000';
    const fixes = [ORIGIN, other].map((origin) => {
      const request = probeRequest({ url: URL, origin });
      const wire = { preflight: null, actual: answer(200, []) };
      return probeFix(replayWire(request, wire)!, request, wire);
    });
    expect(headerText(mergeFixes(fixes))).toEqual([
      `actual answer: Access-Control-Allow-Origin: the request's Origin, when it is one of ${ORIGIN}, ${other}`,
      'actual answer: Vary: Origin',
    ]);
  });

  it('the needs join every probe: origins, methods, request headers, credentials', () => {
    const merged = mergeFixes([
      fixOf({ method: 'PUT', headers: { Authorization: 'x' }, credentials: 'include' }, NO_ACTUAL),
      fixOf({ method: 'DELETE', headers: { 'X-Trace': '1' } }, NO_ACTUAL),
    ]);
    expect(merged.needs).toMatchObject({
      origins: [ORIGIN],
      credentials: true,
      methods: ['GET', 'PUT', 'DELETE'],
      headers: ['authorization', 'x-trace'],
      preflight: true,
    });
  });

  it('a preflight answered 401 is kept as the status the advice is about', () => {
    const fix = fixOf({ method: 'PUT' }, { preflight: answer(401, []), actual: null });
    expect(fix.preflightStatus).toBe(401);
    expect(headerText(fix)[0]).toMatch(/^The preflight got 401: an auth layer answers OPTIONS before CORS does\./);
    expect(headerText(fix)).toContain('OPTIONS (preflight): status 204 (instead of 401)');
  });
});

describe('a hostile server', () => {
  /** `count` method names, as short as they come, in one Access-Control-Allow-Methods line. */
  const wireWith = (count: number): Wire => ({
    preflight: answer(204, [
      ['Access-Control-Allow-Origin', ORIGIN],
      ['Access-Control-Allow-Methods', Array.from({ length: count }, (_, i) => `M${i}`).join(',')],
    ]),
    actual: null,
  });

  it('an Access-Control-Allow-Methods as long as the format takes is merged, each name once', () => {
    // As many names as fit the format's longest header value (format/limits.ts): "M0,M1,…".
    let count = 0;
    while (wireWith(count + 1).preflight!.headers[1]![1].length <= MAX_HEADER_VALUE) count += 1;
    expect(count).toBeGreaterThan(700);
    const fix = mergeFixes([fixOf({ method: 'PUT' }, wireWith(count)), fixOf({ method: 'DELETE' }, wireWith(count))]);
    const methods = fix.changes.find((c) => c.header === 'Access-Control-Allow-Methods')?.value?.split(', ');
    expect(methods?.length).toBe(count + 2);
    expect(methods?.slice(-2)).toEqual(['PUT', 'DELETE']);
    expect(fix.needs.methods.length).toBe(count + 2);
  });

  it('a 100 000-name Access-Control-Allow-Methods, beyond what the format takes, is not replayed in the model', () => {
    // The probe then explains from Chromium's own report alone (explain-probe.ts), with no model-made fix.
    const request = probeRequest({ url: URL, origin: ORIGIN, method: 'PUT' });
    expect(replayWire(request, wireWith(100_000))).toBeNull();
  });
});
