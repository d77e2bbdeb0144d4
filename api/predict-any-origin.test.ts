/** predict() for the user's own origin and URL: no lab names in, no lab URLs out. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORIGIN_MAP } from '../plan/origins.ts';
import { explain, predict, PredictInputError, type AnyOriginInput } from './model.ts';

const PAGE = 'http://localhost:3000';
const API = 'https://api.example.com/users?page=2';
const ALLOW = { 'Access-Control-Allow-Origin': PAGE };
const LAB_PORTS = Object.values(DEFAULT_ORIGIN_MAP).map((origin) => new URL(origin).port);

describe('predict({ origin, request, response }) from any origin', () => {
  it("blocks a response without Access-Control-Allow-Origin, in Chromium's words with the user's URLs", async () => {
    const result = await predict({
      origin: PAGE,
      request: { url: API },
      response: { status: 200, headers: { 'Content-Type': 'application/json' } },
    });
    expect(result).toMatchObject({
      outcome: 'blocked',
      reason: 'MissingAllowOriginHeader',
      preflight: { needed: false, sent: false },
    });
    expect(result.console).toBe(
      `Access to fetch at '${API}' from origin '${PAGE}' has been blocked by CORS policy: ` +
        "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    );
    expect(result.fix).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    const words = JSON.stringify(explain(result));
    expect(words).toContain(API);
    for (const port of LAB_PORTS) expect(words).not.toContain(`:${port}`);
  });

  it('allows it once the header names the page, and reads only the safelisted and exposed headers', async () => {
    const result = await predict({
      origin: PAGE,
      request: { url: API, credentials: 'include' },
      response: {
        status: 200,
        headers: [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Credentials', 'true'],
          ['Content-Type', 'application/json'],
          ['X-Total-Count', '3'],
          ['Access-Control-Expose-Headers', 'x-request-id'],
        ],
      },
    });
    expect(result).toMatchObject({
      outcome: 'allowed',
      reason: null,
      status: 200,
      responseType: 'cors',
      cookies: 'sent',
      console: null,
      fix: null,
    });
    expect(result.readableHeaders).toEqual(['content-type']);
    expect(result.hiddenHeaders).toContain('x-total-count');
    expect(explain(result).verdict).toContain('1 header');
  });

  it('names the missing preflight answer instead of guessing it', async () => {
    const result = await predict({
      origin: PAGE,
      request: { url: API, method: 'PUT', headers: { 'X-Custom': '1', Accept: 'application/json' } },
      response: { status: 200, headers: ALLOW },
    });
    expect(result).toMatchObject({
      outcome: 'incomplete',
      missing: 'preflight',
      reason: null,
      preflight: { needed: true, requestMethod: 'PUT', requestHeaders: 'x-custom' },
    });
    expect(explain(result).verdict).toMatch(
      /preflight answer is missing.*OPTIONS https:\/\/api\.example\.com\/users\?page=2.*Request-Method: PUT/,
    );
  });

  it('judges the preflight answer when given: allowed, and blocked for the header it does not list', async () => {
    const preflight = (allowHeaders: string) => ({
      status: 204,
      headers: { ...ALLOW, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': allowHeaders },
    });
    const request = { url: API, method: 'PUT', headers: { 'X-Custom': '1' } };
    const allowed = await predict({
      origin: PAGE,
      request,
      preflight: preflight('X-Custom'),
      response: { status: 200, headers: ALLOW },
    });
    expect(allowed).toMatchObject({ outcome: 'allowed', preflight: { needed: true, sent: true } });
    const blocked = await predict({
      origin: PAGE,
      request,
      preflight: preflight('X-Other'),
      response: { status: 200, headers: ALLOW },
    });
    expect(blocked).toMatchObject({
      outcome: 'blocked',
      reason: 'HeaderDisallowedByPreflightResponse',
      failedParameter: 'x-custom',
      cookies: 'not-sent',
    });
  });

  it('tells a wildcard with credentials and two Allow-Origin lines apart', async () => {
    const wildcard = await predict({
      origin: PAGE,
      request: { url: API, credentials: 'include' },
      response: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    });
    expect(wildcard.reason).toBe('WildcardOriginNotAllowed');
    const twice = await predict({
      origin: PAGE,
      request: { url: API },
      response: { status: 200, headers: { 'Access-Control-Allow-Origin': [PAGE, 'https://other.example'] } },
    });
    expect(twice).toMatchObject({
      reason: 'MultipleAllowOriginValues',
      failedParameter: `${PAGE}, https://other.example`,
    });
  });

  it('a public page reaching localhost is stopped by Local Network Access unless the user granted it', async () => {
    const input: AnyOriginInput = {
      origin: 'https://app.example.com',
      request: { url: 'http://localhost:8080/x' },
      response: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    };
    expect(await predict(input)).toMatchObject({ outcome: 'blocked', reason: 'LocalNetworkAccessPermissionDenied' });
    expect(await predict({ ...input, browser: { localNetworkAccess: 'granted' } })).toMatchObject({
      outcome: 'allowed',
    });
    const local = await predict({ ...input, request: { url: 'https://192.168.1.20/x' } });
    expect(local.console).toContain('`local` address space');
    const mdns = await predict({ ...input, request: { url: 'https://printer.local/status' } });
    expect(mdns).toMatchObject({ reason: 'LocalNetworkAccessPermissionDenied' });
    expect(mdns.console).toContain('`local` address space');
    expect(await predict({ ...input, request: { url: 'https://api.example.com/x' } })).toMatchObject({
      outcome: 'allowed',
    });
    // A loopback page reaching a loopback API needs no permission.
    expect(await predict({ ...input, origin: PAGE })).toMatchObject({ outcome: 'allowed' });
  });

  it('an https page fetching http is mixed content, blocked before CORS; loopback http is not', async () => {
    const input: AnyOriginInput = {
      origin: 'https://app.example.com',
      request: { url: 'http://api.example.com/x' },
      response: { status: 200, headers: { 'Access-Control-Allow-Origin': '*' } },
    };
    expect(await predict(input)).toMatchObject({
      outcome: 'blocked',
      reason: 'mixed-content',
      preflight: { sent: false },
    });
    const put = await predict({ ...input, request: { url: 'http://api.example.com/x', method: 'PUT' } });
    expect(put).toMatchObject({ reason: 'mixed-content', preflight: { needed: true, sent: false } });
    // http://localhost is potentially trustworthy: no mixed content, Local Network Access decides instead.
    const loopback = await predict({ ...input, request: { url: 'http://localhost:8080/x' } });
    expect(loopback.reason).toBe('LocalNetworkAccessPermissionDenied');
    expect(await predict({ ...input, request: { url: 'https://api.example.com/x' } })).toMatchObject({
      outcome: 'allowed',
    });
  });

  it('stops at a redirect it was not given the next hop of, and names the Location', async () => {
    const result = await predict({
      origin: PAGE,
      request: { url: API },
      response: { status: 302, headers: { 'Access-Control-Allow-Origin': '*', Location: '/v2/users' } },
    });
    expect(result).toMatchObject({
      outcome: 'incomplete',
      missing: 'redirect',
      location: 'https://api.example.com/v2/users',
    });
  });

  it("a relative URL is the page's own origin: no CORS, cookies sent", async () => {
    expect(
      await predict({ origin: PAGE, request: { url: '/me' }, response: { status: 200, headers: { 'X-Id': '7' } } }),
    ).toMatchObject({
      outcome: 'allowed',
      responseType: 'basic',
      readableHeaders: ['x-id'],
      cookies: 'sent',
    });
  });

  it('a POST with a text body is a simple request: no preflight', async () => {
    const post = await predict({
      origin: PAGE,
      request: { url: API, method: 'POST', body: 'a=1' },
      response: { status: 201, headers: ALLOW },
    });
    expect(post).toMatchObject({ outcome: 'allowed', status: 201, preflight: { needed: false, sent: false } });
  });

  it('an opaque page (a sandboxed frame) sends Origin: null', async () => {
    const result = await predict({ origin: 'null', request: { url: API }, response: { status: 200, headers: ALLOW } });
    expect(result).toMatchObject({ reason: 'AllowOriginMismatch', failedParameter: PAGE });
    expect(result.console).toContain("from origin 'null'");
  });
});

describe('predict() with header names that are Object members', () => {
  const PREFLIGHT_ALL = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' };
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`a header named ${name} is a header like any other, in the request and in each answer`, async () => {
      // JSON.parse makes `__proto__` an own key, as a HAR or a config file would.
      const headers = (extra: Record<string, string>) => ({ ...JSON.parse(`{"${name}": "1"}`), ...extra });
      const request = { url: API, method: 'PUT', headers: headers({}) };
      const preflight = { status: 204, headers: headers({ ...PREFLIGHT_ALL, 'Access-Control-Allow-Headers': name }) };
      const response = { status: 200, headers: headers({ 'Access-Control-Allow-Origin': '*' }) };
      const result = await predict({ origin: PAGE, request, preflight, response });
      expect(result).toMatchObject({ outcome: 'allowed', preflight: { requestHeaders: name.toLowerCase() } });
      const refused = await predict({
        origin: PAGE,
        request,
        preflight: { status: 204, headers: PREFLIGHT_ALL },
        response,
      });
      expect(refused).toMatchObject({
        reason: 'HeaderDisallowedByPreflightResponse',
        failedParameter: name.toLowerCase(),
      });
    });
  }
});

describe('predict() input checks name the field', () => {
  const good = { origin: PAGE, request: { url: API }, response: { status: 200 } };
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'a header name with a space',
      { ...good, request: { url: API, headers: { 'x y': '1' } } },
      /^request\.headers\["x y"\]: not a header name$/,
    ],
    [
      'a header value with a line break',
      { ...good, response: { status: 200, headers: { A: ['ok', 'x\r\ny'] } } },
      /^response\.headers\["A"\]\[1\]: invalid header value "x\\r\\ny": CR and LF are not allowed$/,
    ],
    ['a misspelt field', { ...good, request: { url: API, heders: {} } }, /^request\.heders: unknown field/],
    ['an origin with a path', { ...good, origin: 'http://localhost:3000/app' }, /^origin: not an origin/],
    ['a lab origin name', { ...good, origin: 'app' }, /^origin: not an origin/],
    ['a status out of range', { ...good, response: { status: 0 } }, /^response\.status: 0 is not an HTTP status/],
    ['a preflight without status', { ...good, preflight: { headers: {} } }, /^preflight\.status:/],
    ['a method that is not a token', { ...good, request: { url: API, method: 'GE T' } }, /^request\.method:/],
    [
      'a credentials mode',
      { ...good, request: { url: API, credentials: 'yes' } },
      /^request\.credentials: "yes" is not one of omit, same-origin, include$/,
    ],
    [
      'a URL of another scheme',
      { ...good, request: { url: 'ftp://x.example/' } },
      /^request\.url: ftp: is not http: or https:$/,
    ],
    [
      'a response value the lab would read as a plan token',
      { ...good, response: { status: 200, headers: { 'Access-Control-Allow-Origin': '{reflect}' } } },
      /^response\.headers\["Access-Control-Allow-Origin"\]: holds \{page\}, \{reflect\}/,
    ],
    [
      'a value with an unknown origin token',
      { ...good, response: { status: 200, headers: [['X', '{origin:x}']] } },
      /^response\.headers\[0\]: holds/,
    ],
    [
      'a GET with a body',
      { ...good, request: { url: API, body: 'x' } },
      /^request\.body: a GET or HEAD request cannot have a body$/,
    ],
    ['another engine', { ...good, engine: 'gecko' }, /^engine: "gecko" is not one of chromium$/],
    ['no response', { origin: PAGE, request: { url: API } }, /^response: an object/],
  ];
  for (const [title, input, message] of cases) {
    it(`rejects ${title}`, async () => {
      const error = await predict(input as AnyOriginInput).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PredictInputError);
      expect((error as PredictInputError).message).toMatch(message);
    });
  }
});
