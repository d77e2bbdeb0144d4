/**
 * explain on a HAR in the shape Chrome DevTools saves (pages titled with their URL, `_resourceType`,
 * preflight entries, `_error`, HTTP/2 pseudo-headers). Written by hand from the HAR 1.2 spec and those
 * extension fields; the HAR Chromium really records (Playwright) is tested in test/e2e/explain-har.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { explainHar } from './explain-har.ts';
import { HarError, parseHar } from './har-file.ts';

const PAGE = 'https://app.example.com';
const API = 'https://api.example.com';
const h = (headers: Record<string, string>) => Object.entries(headers).map(([name, value]) => ({ name, value }));

function entry(
  type: string,
  method: string,
  url: string,
  request: Record<string, string>,
  status: number,
  response: Record<string, string>,
  extra: object = {},
) {
  return {
    pageref: 'page_1',
    _resourceType: type,
    request: { method, url, headers: h(request), cookies: [] },
    response: { status, headers: h(response) },
    ...extra,
  };
}

const ENTRIES = [
  entry('document', 'GET', `${PAGE}/`, {}, 200, { 'content-type': 'text/html' }),
  entry('fetch', 'GET', `${API}/missing`, { Origin: PAGE }, 200, { 'content-type': 'application/json' }),
  entry(
    'preflight',
    'OPTIONS',
    `${API}/items`,
    { 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-custom', Origin: PAGE },
    204,
    {
      'access-control-allow-origin': PAGE,
      'access-control-allow-methods': 'GET, POST',
    },
  ),
  entry('fetch', 'PUT', `${API}/items`, { 'X-Custom': '1' }, 0, {}, { _error: 'net::ERR_FAILED' }),
  entry('xhr', 'GET', `${API}/me`, { Origin: PAGE, Cookie: 'sid=1' }, 200, { 'access-control-allow-origin': '*' }),
  entry('fetch', 'GET', `${PAGE}/same`, {}, 200, {}),
  entry('script', 'GET', 'https://cdn.example.net/app.js', {}, 200, {}),
  entry(
    'fetch',
    'GET',
    `${API}/h2`,
    {
      ':authority': 'api.example.com',
      ':path': '/h2',
      'user-agent': 'Chrome',
      'cache-control': 'no-cache',
      pragma: 'no-cache',
    },
    200,
    {
      ':status': '200',
      'access-control-allow-origin': PAGE,
      'x-total-count': '3',
    },
  ),
  entry('fetch', 'GET', `${API}/lost`, {}, 0, {}),
];
const HAR = { log: { version: '1.2', pages: [{ id: 'page_1', title: `${PAGE}/` }], entries: ENTRIES } };

describe('explainHar', () => {
  it('explains each cross-origin fetch and XHR, with its preflight; leaves same-origin and scripts out', async () => {
    const report = await explainHar(parseHar(JSON.stringify(HAR)));
    expect(report.findings.map((f) => [f.entry, f.method, f.outcome, f.reason])).toEqual([
      [1, 'GET', 'blocked', 'MissingAllowOriginHeader'],
      [3, 'PUT', 'blocked', 'MethodDisallowedByPreflightResponse'],
      [4, 'GET', 'blocked', 'WildcardOriginNotAllowed'],
      [7, 'GET', 'allowed', null],
      [8, 'GET', 'unknown', null],
    ]);
    const [missing, put] = report.findings;
    expect(missing).toMatchObject({ pageOrigin: PAGE, pageOriginFrom: 'Origin header', preflightEntry: null });
    expect(missing?.console).toBe(
      `Access to fetch at '${API}/missing' from origin '${PAGE}' has been blocked by CORS policy: ` +
        "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    );
    expect(missing?.fix).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    // The preflight answered, the actual request left no response: the verdict rests on the preflight alone.
    expect(put).toMatchObject({
      preflightEntry: 2,
      pageOriginFrom: 'page document',
      failure: 'net::ERR_FAILED',
      failedParameter: 'PUT',
    });
    expect(put?.fix).toContain('PUT');
  });

  it("does not count headers the browser or DevTools add as the page's: no preflight for the HTTP/2 GET", async () => {
    const report = await explainHar(parseHar(JSON.stringify(HAR)));
    expect(report.findings.find((f) => f.entry === 7)).toMatchObject({ preflightNeeded: false, outcome: 'allowed' });
  });

  it('says what the HAR lacks instead of a reason when the answer is not in it', async () => {
    const lost = (await explainHar(parseHar(JSON.stringify(HAR)))).findings.find((f) => f.entry === 8);
    expect(lost?.verdict).toContain('holds no response');
    expect(lost?.console).toBeNull();
  });

  it('finds the page origin from the Referer when nothing else says it, and skips what it cannot place', async () => {
    const lone = {
      log: {
        entries: [
          entry('fetch', 'GET', `${API}/a`, { Referer: `${PAGE}/shop?x=1` }, 200, {}),
          entry('fetch', 'GET', `${API}/b`, {}, 200, {}),
        ],
      },
    };
    const report = await explainHar(parseHar(JSON.stringify(lone)));
    expect(report.findings).toMatchObject([
      { entry: 0, pageOrigin: PAGE, pageOriginFrom: 'Referer header', reason: 'MissingAllowOriginHeader' },
    ]);
    expect(report.skipped).toEqual([{ entry: 1, url: `${API}/b`, why: expect.stringContaining('no page origin') }]);
  });
});

describe('explainHar on entries the model cannot take whole', () => {
  it('a redirect hop is incomplete, naming its Location; a value it cannot carry is named, no crash', async () => {
    const har = {
      log: {
        entries: [
          entry('fetch', 'GET', `${API}/old`, { Origin: PAGE }, 302, {
            'access-control-allow-origin': '*',
            location: '/new',
          }),
          entry('fetch', 'GET', `${API}/euro`, { Origin: PAGE }, 200, { 'x-price': '5 \u20ac' }),
        ],
      },
    };
    const [redirect, euro] = (await explainHar(parseHar(JSON.stringify(har)))).findings;
    expect(redirect).toMatchObject({ outcome: 'incomplete', reason: null });
    expect(redirect?.verdict).toContain(`redirects to ${API}/new`);
    expect(euro).toMatchObject({ outcome: 'unknown', reason: null });
    expect(euro?.verdict).toBe(
      'Cannot read this entry: response.headers[0]: invalid header value "5 \u20ac": ' +
        'only tab, printable ASCII and bytes 0x80-0xFF are allowed',
    );
  });
});

describe('parseHar names what is wrong by its JSON path', () => {
  const cases: Array<[string, string, string]> = [
    ['not JSON', '{"log": ', 'not JSON'],
    ['no log', '{"entries": []}', 'log: expected an object'],
    ['entries not an array', '{"log": {"entries": {}}}', 'log.entries: expected an array'],
    [
      'a URL that is not a string',
      JSON.stringify({
        log: { entries: [ENTRIES[0], { ...ENTRIES[1], request: { method: 'GET', url: 7, headers: [] } }] },
      }),
      'log.entries[1].request.url: expected a string',
    ],
    [
      'a header without value',
      JSON.stringify({ log: { entries: [{ ...ENTRIES[1], response: { status: 200, headers: [{ name: 'a' }] } }] } }),
      'log.entries[0].response.headers[0].value: expected a string',
    ],
  ];
  for (const [title, text, message] of cases) {
    it(title, () => {
      expect(() => parseHar(text)).toThrow(HarError);
      expect(() => parseHar(text)).toThrow(message);
    });
  }
});
