import { describe, expect, it } from 'vitest';
import { ExperimentError, validateExperiments } from './validate.ts';
import { refusals } from '../test/schema-refusals.ts';

const base = { id: 'x', title: 'x', group: 'simple', request: { target: 'api' } };

const problems = (data: unknown): string[] => refusals(data, 'experiments.json');

describe('validateExperiments', () => {
  it('accepts a minimal experiment and fills nothing it was not given', () => {
    expect(validateExperiments(base, 'f.json')).toEqual([base]);
  });

  it('names the file, the JSON path and the known origins for an unknown origin (the contract example)', () => {
    const list = [base, base, base, { ...base, id: 'y', server: { redirects: [{ to: 'apii' }] } }].map((e, i) => ({ ...e, id: `e${i}` }));
    expect(problems(list)).toEqual(['experiments.json: [3].server.redirects[0].to: unknown origin "apii"; known: app, api, api2, partner, evil, public, secure']);
  });

  for (const [name, problem] of [
    ['X Custom', 'invalid header name "X Custom"'],
    ['X:Y', 'invalid header name "X:Y"'],
    ['', 'empty header name'],
  ] as const) {
    it(`refuses the header name ${JSON.stringify(name)}`, () => {
      expect(problems({ ...base, request: { target: 'api', headers: { [name]: '1' } } })[0]).toContain(problem);
    });
  }

  it('refuses CR/LF in a header value and names the array element', () => {
    expect(problems({ ...base, server: { actual: { headers: { 'Access-Control-Allow-Origin': ['*', 'a\r\nSet-Cookie: x=1'] } } } })).toEqual([
      'experiments.json: server.actual.headers["Access-Control-Allow-Origin"][1]: invalid header value "a\\r\\nSet-Cookie: x=1": CR and LF are not allowed',
    ]);
  });

  it('refuses characters beyond Latin-1 in a header value', () => {
    expect(problems({ ...base, server: { actual: { headers: { 'X-A': 'snow ☃' } } } })[0]).toContain('only tab, printable ASCII and bytes 0x80-0xFF');
  });

  it('keeps leading and trailing spaces in a value (they are sent as written)', () => {
    const [exp] = validateExperiments({ ...base, server: { actual: { headers: { 'Access-Control-Allow-Origin': '  *  ' } } } }, 'f');
    expect(exp?.server?.actual?.headers?.['Access-Control-Allow-Origin']).toBe('  *  ');
  });

  it('names unknown fields, so a typo never passes silently', () => {
    expect(problems({ ...base, request: { target: 'api', heders: {} } })).toEqual(['experiments.json: request: unknown field "heders"']);
  });

  it('refuses duplicate ids', () => {
    expect(problems([base, base])).toEqual(['experiments.json: [1].id: duplicate id "x" (also in experiments.json)']);
  });

  it.each([
    [{ ...base, id: 'Not Kebab' }, 'id: id is kebab-case'],
    [{ ...base, page: 'nowhere' }, 'page: unknown origin "nowhere"; known: app, api, api2, partner, evil, public, secure, or "null" for a sandboxed page'],
    [{ ...base, request: { target: 'api', method: 'GE T' } }, 'request.method: invalid method "GE T"'],
    [{ ...base, request: { target: 'api', api: 'xhr', mode: 'no-cors' } }, 'request.mode: XMLHttpRequest always uses mode "cors"'],
    [{ ...base, request: { target: 'api', body: 'x' } }, 'request.body: a GET or HEAD request cannot have a body'],
    [{ ...base, server: { actual: { status: 99 } } }, 'server.actual.status: status must be 200-599'],
    [{ ...base, server: { redirects: [{ to: 'api', status: 200 }] } }, 'server.redirects[0].status: a redirect status is one of 301, 302, 303, 307, 308'],
    [{ ...base, expect: { reason: 'MissingAllowOrigin' } }, 'expect.reason: unknown reason "MissingAllowOrigin"'],
    [{ ...base, then: [{ request: { target: 'api2' } }] }, 'then[0].request: unknown field "target"'],
    [{ ...base, server: { actual: { headers: { 'X-A': 5 } } } }, 'server.actual.headers["X-A"]: a header value is a string, or an array of strings'],
    [[], '(top level): no experiments'],
    [{ ...base, server: { actual: { headers: { 'X-A': '{origin:apii}' } } } }, 'server.actual.headers["X-A"]: {origin:apii}: unknown origin "apii"'],
    [{ ...base, expect: { originSeen: '{origin:moon}' } }, 'expect.originSeen: {origin:moon}: unknown origin "moon"'],
    [{ ...base, server: { actual: { body: 'snow ☃' } } }, 'server.actual.body: a body may hold only characters up to U+00FF'],
    [[1], '[0]: an experiment is a JSON object'],
    [{ ...base, then: [{ delayMs: 6001 }] }, 'then[0].delayMs: delayMs must be 0-6000'],
    [{ ...base, then: [{ delayMs: -1 }] }, 'then[0].delayMs: delayMs must be 0-6000'],
    [{ ...base, then: [{ delayMs: 1.5 }] }, 'then[0].delayMs: delayMs is a whole number of milliseconds'],
    [{ ...base, then: [{ delayMs: '100' }] }, 'then[0].delayMs: delayMs is a number of milliseconds'],
    [{ ...base, then: [{ page: 'moon' }] }, 'then[0].page: unknown origin "moon"; known: app, api, api2, partner, evil, public, secure, or "null" for a sandboxed page'],
  ])('refuses %j', (data, message) => {
    expect(problems(data).join('\n')).toContain(message);
  });

  it('accepts a then step on another page after a delay', () => {
    expect(validateExperiments({ ...base, then: [{ page: 'null', delayMs: 1200 }, { page: 'api2', delayMs: 0 }] }, 'f.json')[0]?.then).toEqual([{ page: 'null', delayMs: 1200 }, { page: 'api2', delayMs: 0 }]);
  });

  it('accepts net:: texts and blocked reasons as reasons', () => {
    expect(() => validateExperiments([{ ...base, expect: { reason: 'net::ERR_FAILED' } }, { ...base, id: 'y', expect: { reason: 'corp-not-same-origin' } }], 'f')).not.toThrow();
  });
});

describe('problems as data', () => {
  it('keeps the problem each check found beside its English, so a reader in another language gets the same facts', () => {
    const bad = { id: 'x', title: 'x', group: 'g', colour: 1, request: { target: 'api', headers: { 'X Bad': '1' } }, server: { actual: { headers: { 'Content-Length': '1', 'X-Ok': '{origin:apii}' } } } };
    let error: unknown;
    try {
      validateExperiments(bad, 'a.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExperimentError);
    const { found, problems } = error as ExperimentError;
    expect(found.map((f) => [f.path, f.problem?.code])).toEqual(
      expect.arrayContaining([
        ['request.headers["X Bad"]', 'headerName'],
        ['server.actual.headers["Content-Length"]', 'framingHeader'],
        ['server.actual.headers["X-Ok"]', 'unknownOriginToken'],
        ['(top level)', 'unknownFields'],
      ]),
    );
    expect(problems).toEqual(found.map((f) => `a.json: ${f.path}: ${f.text}`));
  });
});
