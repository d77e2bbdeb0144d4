/**
 * A second table of agreement cases after the web-platform-tests, for what
 * wpt-cases.ts leaves out: redirect chains of three and more hops mixing
 * origins (fetch/api/redirect/redirect-mode, cors/redirect-preflight), header
 * values with whitespace, case, commas, `null`, obs-text (cors/access-control-
 * allow-*-parsing), Allow-Credentials and the wildcards with credentials
 * (fetch/api/cors/cors-preflight-star), statuses without a Location
 * (fetch/api/redirect/redirect-location), no-cors methods and headers
 * (fetch/api/basic/mode-no-cors), XMLHttpRequest (xhr/access-control-*), and
 * cookie attributes Path, Domain, Expires and the name prefixes
 * (cookies/path, cookies/domain, cookies/prefix). No expectations: the model
 * must agree with real Chromium (test/e2e/model-agreement.spec.ts).
 */
import type { ExperimentInput } from '../../format/schema.ts';

const cases: ExperimentInput[] = [];
let n = 0;
const add = (group: string, title: string, rest: Omit<ExperimentInput, 'id' | 'title' | 'group'>): void => {
  cases.push({ id: `probe-more-${group}-${++n}`, title, group: `probe-more-${group}`, ...rest });
};

const ACAO_PAGE = { 'Access-Control-Allow-Origin': '{page}' };
const CREDENTIALED = { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true' };
const STAR = { 'Access-Control-Allow-Origin': '*' };

// Redirect chains of three and more hops. After the first hop to another
// origin the request is tainted and its Origin is `null` (https://fetch.spec.whatwg.org/#concept-http-redirect-fetch step 11).
type Hop = 'api' | 'api2' | 'app' | 'partner' | 'evil';
const chains: Hop[][] = [
  ['partner', 'api2', 'app'],
  ['api2', 'api', 'api2'],
  ['app', 'app', 'api'],
  ['partner', 'evil', 'partner', 'api'],
];
for (const chain of chains) {
  for (const [label, hop, final, credentials] of [
    ['* everywhere', STAR, STAR, 'omit'],
    ['reflect everywhere', { 'Access-Control-Allow-Origin': '{reflect}' }, { 'Access-Control-Allow-Origin': '{reflect}' }, 'omit'],
    ['reflect + credentials everywhere', { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Credentials': 'true' }, { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Credentials': 'true' }, 'include'],
    ['page everywhere', ACAO_PAGE, ACAO_PAGE, 'omit'],
  ] as Array<[string, Record<string, string>, Record<string, string>, 'omit' | 'include']>) {
    add('chains', `api -> ${chain.join(' -> ')}, ${label}`, {
      request: { target: 'api', credentials },
      server: { redirects: chain.map((to) => ({ to, headers: hop })), actual: { headers: final } },
    });
  }
}
add('chains', 'api -301-> api2 -303-> partner -307-> app, POST text/plain', {
  request: { target: 'api', method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } },
  server: { redirects: [{ status: 301, to: 'api2', headers: STAR }, { status: 303, to: 'partner', headers: STAR }, { status: 307, to: 'app', headers: STAR }], actual: { headers: STAR } },
});
add('chains', 'api -307-> api2 -307-> partner, PUT: a preflight at every origin', {
  request: { target: 'api', method: 'PUT', body: 'x' },
  server: {
    preflight: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Methods': 'PUT' } },
    redirects: [{ status: 307, to: 'api2', headers: { 'Access-Control-Allow-Origin': '{reflect}' } }, { status: 307, to: 'partner', headers: { 'Access-Control-Allow-Origin': '{reflect}' } }],
    actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}' } },
  },
});
add('chains', 'api -307-> api2 -307-> partner, PUT, preflights allow only the page', {
  request: { target: 'api', method: 'PUT', body: 'x' },
  server: {
    preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } },
    redirects: [{ status: 307, to: 'api2', headers: ACAO_PAGE }, { status: 307, to: 'partner', headers: ACAO_PAGE }],
    actual: { headers: ACAO_PAGE },
  },
});
add('chains', 'api -303-> api2 -308-> partner, PUT with JSON becomes a simple GET', {
  request: { target: 'api', method: 'PUT', body: '{}', headers: { 'Content-Type': 'application/json' } },
  server: {
    preflight: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'content-type' } },
    redirects: [{ status: 303, to: 'api2', headers: STAR }, { status: 308, to: 'partner', headers: STAR }],
    actual: { headers: STAR },
  },
});
add('chains', 'api -308-> api2, POST JSON: preflight again at api2 with Origin null', {
  request: { target: 'api', method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } },
  server: {
    preflight: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Headers': 'content-type' } },
    redirects: [{ status: 308, to: 'api2', headers: { 'Access-Control-Allow-Origin': '{reflect}' } }],
    actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}' } },
  },
});
add('chains', 'app -> app -> api: same-origin hops first, then the only cross-origin one', {
  request: { target: 'app', method: 'PUT', body: 'x' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'app' }, { status: 307, to: 'api' }], actual: { headers: ACAO_PAGE } },
});
add('chains', 'api -> api2 -> api2 -> api2: middle hop without ACAO', {
  request: { target: 'api' },
  server: { redirects: [{ to: 'api2', headers: STAR }, { to: 'api2' }, { to: 'api2', headers: STAR }], actual: { headers: STAR } },
});
add('chains', 'twenty redirects, the most Fetch follows', {
  request: { target: 'api' },
  server: { redirects: Array.from({ length: 20 }, (_, i) => ({ to: i % 2 ? ('api' as const) : ('api2' as const), headers: STAR })), actual: { headers: STAR } },
});
add('chains', 'redirect mode error on a same-origin hop', { request: { target: 'app', redirect: 'error' }, server: { redirects: [{ to: 'app' }] } });
add('chains', 'redirect mode manual, three hops', { request: { target: 'api', redirect: 'manual' }, server: { redirects: [{ to: 'api2', headers: STAR }, { to: 'partner', headers: STAR }, { to: 'app', headers: STAR }], actual: { headers: STAR } } });
add('chains', 'no-cors through three origins', { request: { target: 'api', mode: 'no-cors', method: 'POST', body: 'x' }, server: { redirects: [{ status: 307, to: 'partner' }, { status: 307, to: 'evil' }, { status: 307, to: 'app' }] } });

// Header values: whitespace, case, commas, `null`, obs-text.
const allowOrigins: Array<string | string[]> = ['\t{page}', '{page}\t', '{page}x', '{page}:80', 'null, null', ['*', '{page}'], ['{page}', ''], '\u00e9', '{page}/\u00e9', 'http://localhost:0', '*\t', 'Null'];
for (const allow of allowOrigins) {
  add('values', `Access-Control-Allow-Origin ${JSON.stringify(allow)}`, { request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': allow } } } });
}
for (const allow of ['\ttrue', 'true\t', 'true;', 'yes', 'tRuE', 'true,']) {
  add('values', `Access-Control-Allow-Credentials ${JSON.stringify(allow)}`, { request: { target: 'api', credentials: 'include' }, server: { actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': allow } } } });
}
add('values', 'two Access-Control-Allow-Credentials: true lines', { request: { target: 'api', credentials: 'include' }, server: { actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': ['true', 'true'] } } } });
add('values', 'preflight without ACAC, answer with it', {
  request: { target: 'api', method: 'PUT', credentials: 'include' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: CREDENTIALED } },
});
add('values', 'preflight allows *, answer allows the page', {
  request: { target: 'api', method: 'PUT', credentials: 'include' },
  server: { preflight: { headers: { ...STAR, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: CREDENTIALED } },
});

// Allow-Methods and the method tokens Fetch accepts.
const methodCases: Array<[string, string | string[], 'omit' | 'include']> = [
  ['PUT', '\tPUT\t', 'omit'], ['PUT', 'PUT\t,\tDELETE', 'omit'], ['PUT', ['GET', ''], 'omit'], ['PUT', ['', 'PUT'], 'omit'],
  ['PUT', '*', 'include'], ['PUT', '*, PUT', 'include'], ['*', '*', 'include'], ['*', '*', 'omit'],
  ['OPTIONS', 'OPTIONS', 'omit'], ['OPTIONS', '', 'omit'], ['options', 'OPTIONS', 'omit'], ['HEAD', '', 'omit'], ['head', '', 'omit'],
  ['M!#$%&', 'M!#$%&', 'omit'], ['PUT', 'P\u00dcT', 'omit'], ['PATCH', 'PATCH, \u00e9', 'omit'], ['DELETE', 'delete', 'omit'], ['track', '', 'omit'], ['CONNECT', 'CONNECT', 'omit'],
];
for (const [method, allow, credentials] of methodCases) {
  add('methods', `${method} vs Access-Control-Allow-Methods ${JSON.stringify(allow)}, credentials ${credentials}`, {
    request: { target: 'api', method, credentials },
    server: { preflight: { headers: { ...CREDENTIALED, 'Access-Control-Allow-Methods': allow } }, actual: { headers: CREDENTIALED } },
  });
}

// Allow-Headers lists, and which names Access-Control-Request-Headers carries.
const headerCases: Array<[Record<string, string>, string | string[], 'omit' | 'include']> = [
  [{ 'X-Custom': '1' }, '*', 'include'], [{ 'X-Custom': '1' }, '*, x-custom', 'include'], [{ 'X-Custom': '1' }, 'x-custom, *', 'omit'],
  [{ 'X-A': '1', 'X-B': '1' }, ['x-a', 'x-b'], 'omit'], [{ 'X-A': '1', 'X-B': '1' }, ['x-a', ''], 'omit'], [{ 'X-Custom': '1' }, 'X-Custom\t', 'omit'],
  [{ 'X-Custom': '' }, 'x-custom', 'omit'], [{ 'X-Z': '1', 'x-a': '1', 'X-m': '1' }, 'x-a, x-m, x-z', 'omit'],
  [{ 'Content-Type': 'application/json', 'X-A': '1' }, 'x-a', 'omit'], [{ 'Content-Type': 'application/json', 'X-A': '1' }, 'x-a, content-type', 'omit'],
  [{ 'Accept-Language': '\u00e9' }, '', 'omit'], [{ 'Content-Language': 'de, fr' }, '', 'omit'], [{ Accept: '\u00e9' }, '', 'omit'],
  [{ Authorization: 'x' }, 'authorization', 'include'], [{ Authorization: 'x' }, '*, authorization', 'omit'], [{ 'X-A!#': '1' }, 'x-a!#', 'omit'],
  [{ Range: 'bytes=0-1,2-3' }, 'range', 'omit'], [{ 'Content-Type': 'text/plain;boundary=\u00e9' }, '', 'omit'],
];
for (const [headers, allow, credentials] of headerCases) {
  add('headers', `${JSON.stringify(headers)} vs Access-Control-Allow-Headers ${JSON.stringify(allow)}, credentials ${credentials}`, {
    request: { target: 'api', headers, credentials },
    server: { preflight: { headers: { ...CREDENTIALED, 'Access-Control-Allow-Headers': allow } }, actual: { headers: CREDENTIALED } },
  });
}

// Statuses: a 3xx without Location is a response (https://fetch.spec.whatwg.org/#concept-http-fetch step 8), and bodies on odd statuses.
for (const status of [301, 302, 303, 307, 308]) {
  add('status', `actual ${status} without Location`, { request: { target: 'api' }, server: { actual: { status, headers: STAR, body: 'moved?' } } });
}
for (const status of [203, 226, 207, 451]) {
  add('status', `actual ${status} with a body`, { request: { target: 'api', method: 'POST', body: 'x' }, server: { actual: { status, headers: STAR, body: 'b' } } });
}
// 205 Reset Content has no body (the plan may not give one: RFC 9110 section 15.3.6).
add('status', 'actual 205 without a body', { request: { target: 'api', method: 'POST', body: 'x' }, server: { actual: { status: 205, headers: STAR } } });
add('status', 'preflight 200 with a body', { request: { target: 'api', method: 'PUT' }, server: { preflight: { status: 200, body: 'ok', headers: { ...STAR, 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: STAR } } });
add('status', 'preflight 303 redirecting elsewhere', { request: { target: 'api', method: 'PUT' }, server: { preflight: { status: 303, headers: { ...STAR, 'Access-Control-Allow-Methods': 'PUT', Location: '/other' } } } });

// no-cors: methods Fetch refuses, and request headers it drops (https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name).
for (const method of ['HEAD', 'head', 'post', 'OPTIONS', 'CHICKEN']) {
  add('no-cors', `no-cors ${method}`, { request: { target: 'api', mode: 'no-cors', method } });
}
for (const headers of [{ Range: 'bytes=0-1' }, { 'Accept-Language': '\u00e9' }, { 'Content-Language': 'de' }, { 'Content-Type': 'text/plain', 'X-A': '1' }, { Authorization: 'x' }] as Array<Record<string, string>>) {
  add('no-cors', `no-cors GET with ${JSON.stringify(headers)}`, { request: { target: 'api', mode: 'no-cors', headers } });
}
add('no-cors', 'no-cors with credentials sets a cookie, then a cors request sends it', {
  request: { target: 'api', mode: 'no-cors', credentials: 'include' },
  server: { actual: { headers: { ...CREDENTIALED, 'Set-Cookie': 'n=1; SameSite=Lax' } } },
  then: [{ request: { mode: 'cors' } }],
});

// XMLHttpRequest: statuses, redirects, preflights with credentials, headers through getAllResponseHeaders.
for (const status of [204, 404, 500]) {
  add('xhr', `status ${status}`, { request: { api: 'xhr', target: 'api' }, server: { actual: { status, headers: STAR } } });
}
add('xhr', 'three-hop redirect chain, * everywhere', { request: { api: 'xhr', target: 'api' }, server: { redirects: [{ to: 'partner', headers: STAR }, { to: 'api2', headers: STAR }, { to: 'app', headers: STAR }], actual: { headers: STAR } } });
add('xhr', 'redirect 303 of a POST', { request: { api: 'xhr', target: 'api', method: 'POST', body: 'x' }, server: { redirects: [{ status: 303, to: 'api2', headers: STAR }], actual: { headers: STAR } } });
add('xhr', 'redirect 307 of a PUT, preflight at both origins', {
  request: { api: 'xhr', target: 'api', method: 'PUT', body: 'x' },
  server: { preflight: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'api2', headers: { 'Access-Control-Allow-Origin': '{reflect}' } }], actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}' } } },
});
add('xhr', 'withCredentials, Allow-Methods * for PUT', {
  request: { api: 'xhr', target: 'api', method: 'PUT', credentials: 'include' },
  server: { preflight: { headers: { ...CREDENTIALED, 'Access-Control-Allow-Methods': '*' } }, actual: { headers: CREDENTIALED } },
});
add('xhr', 'withCredentials, Allow-Headers * for X-Custom', {
  request: { api: 'xhr', target: 'api', headers: { 'X-Custom': '1' }, credentials: 'include' },
  server: { preflight: { headers: { ...CREDENTIALED, 'Access-Control-Allow-Headers': '*' } }, actual: { headers: CREDENTIALED } },
});
add('xhr', 'Content-Type application/json needs a preflight', {
  request: { api: 'xhr', target: 'api', method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' } },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Headers': 'content-type' } }, actual: { headers: ACAO_PAGE } },
});
add('xhr', 'safelisted response headers without Expose-Headers', {
  request: { api: 'xhr', target: 'api' },
  server: { actual: { headers: { ...STAR, 'Cache-Control': 'no-store', 'Content-Language': 'de', Expires: '0', 'Last-Modified': 'Thu, 01 Jan 1970 00:00:00 GMT', Pragma: 'x', 'X-A': '1' } } },
});
add('xhr', 'Expose-Headers lists Set-Cookie', { request: { api: 'xhr', target: 'api' }, server: { actual: { headers: { ...STAR, 'Access-Control-Expose-Headers': 'set-cookie, x-a', 'Set-Cookie': 'q=1; Path=/nowhere', 'X-A': '1' } } } });
add('xhr', 'sandboxed page, withCredentials, ACAO null', { page: 'null', request: { api: 'xhr', target: 'api', credentials: 'include' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' } } } });

// Cookie attributes, set by a credentialed same-site response and checked by the next request.
const cookieLines: Array<string | string[]> = [
  'c=1; Path=/', 'c=1; Path=/nowhere', 'c=1; Path=nowhere', 'c=1; Domain=localhost', 'c=1; Domain=.localhost', 'c=1; Domain=LOCALHOST', 'c=1; Domain=localhost.', 'c=1; Domain=127.0.0.1', 'c=1; Domain=evil.localhost', 'c=1; Domain=example.com',
  'c=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'c=1; Expires=Fri, 01 Jan 2100 00:00:00 GMT', 'c=1; HttpOnly', '__Host-c=1; Path=/', '__Host-c=1; Secure; Path=/', '__Secure-c=1',
  '__Secure-c=1; Secure', 'c=1; Max-Age=-1', 'c', '=1', 'c=1; Max-Age=0; Max-Age=60', 'c=1; Max-Age=60; Expires=Thu, 01 Jan 1970 00:00:00 GMT', '__host-c=1; Path=/', '__Host-c=1; Secure; Path=/; Domain=localhost', ['c=1; Path=/', 'c=; Path=/; Max-Age=0'],
];
for (const line of cookieLines) {
  add('cookies', `Set-Cookie ${JSON.stringify(line)} from api, then again`, {
    request: { target: 'api', credentials: 'include' },
    server: { actual: { headers: { ...CREDENTIALED, 'Set-Cookie': line } } },
    then: [{}],
  });
}
// fetch/api/cors/cors-preflight-star: `*` is a wildcard only without credentials, and a literal `*` always matches itself.
const starCases: Array<[string, string, string, Record<string, string>, 'omit' | 'include']> = [
  ['get', 'x-test', 'GET', { 'X-Test': '1' }, 'omit'], ['*', 'x-test', 'SUPER', { 'X-Test': '1' }, 'omit'], ['*', '*', 'OK', { 'X-Test': '1' }, 'omit'],
  ['*', '*', 'OK', { 'X-Test': '1' }, 'include'], ['*', '', 'PUT', {}, 'include'], ['PUT', '*', 'PUT', {}, 'include'], ['get', '*', 'GET', { 'X-Test': '1' }, 'include'],
  ['*', '*', 'GET', { 'X-Test': '1' }, 'include'], ['*', '*', '*', { '*': '1' }, 'include'], ['put', '*', 'PUT', {}, 'include'],
];
for (const [allowMethods, allowHeaders, method, headers, credentials] of starCases) {
  add('star', `${method} ${JSON.stringify(headers)}, credentials ${credentials}, allowed methods ${allowMethods}, headers ${JSON.stringify(allowHeaders)}`, {
    request: { target: 'api', method, headers, credentials },
    server: { preflight: { headers: { ...CREDENTIALED, 'Access-Control-Allow-Methods': allowMethods, 'Access-Control-Allow-Headers': allowHeaders } }, actual: { headers: CREDENTIALED } },
  });
}

// fetch/api/cors/resources/not-cors-safelisted.json: each of these needs a preflight naming it.
const unsafe: Array<Record<string, string>> = [
  { Accept: '"' }, { 'Accept-Language': '@' }, { 'Content-Language': '@' }, { 'Content-Type': `text/plain; long=${'0123456789'.repeat(12)}` },
  { 'Last-Event-ID': '"' }, { 'Last-Event-ID': 'x' }, { Range: 'bytes 0-' }, { Test: 'hi' },
];
for (const headers of unsafe) {
  for (const allow of ['', Object.keys(headers)[0]!.toLowerCase()]) {
    add('headers', `${JSON.stringify(headers)} vs Access-Control-Allow-Headers ${JSON.stringify(allow)}`, {
      request: { target: 'api', method: 'POST', body: 'x', headers },
      server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Headers': allow } }, actual: { headers: ACAO_PAGE } },
    });
  }
}

// fetch/api/cors/cors-filtering: what a CORS response hides, and what Expose-Headers brings back (never Set-Cookie).
for (const expose of [null, 'age, server, warning, content-length, set-cookie, set-cookie2, content-type']) {
  add('values', `response header filtering, Expose-Headers ${JSON.stringify(expose)}`, {
    request: { target: 'api' },
    server: {
      actual: {
        headers: {
          ...STAR, ...(expose === null ? {} : { 'Access-Control-Expose-Headers': expose }), Age: '27', Server: 'lab', Warning: 'Mind the gap', 'Set-Cookie2': 'n=v', 'Set-Cookie': 'n=v; Path=/nowhere',
          'Content-Type': 'text/html', Expires: '04 May 1988 22:22:22 GMT', 'Last-Modified': '04 May 1988 22:22:22 GMT', Pragma: 'no-cache', 'Content-Language': 'fr', 'Cache-Control': 'no-cache',
        },
      },
    },
  });
}

// fetch/api/redirect/redirect-method: 301 and 302 turn POST into GET, 303 turns all but GET and HEAD into GET.
for (const [method, status] of [['HEAD', 303], ['HEAD', 301], ['POST', 301], ['PUT', 301], ['DELETE', 303], ['CHICKEN', 302]] as const) {
  add('redirect-method', `${method} api -${status}-> api2`, {
    request: { target: 'api', method, ...(method === 'HEAD' ? {} : { body: 'x' }) },
    server: {
      preflight: { headers: { ...STAR, 'Access-Control-Allow-Methods': 'PUT, DELETE, CHICKEN' } },
      redirects: [{ status, to: 'api2', headers: STAR }],
      actual: { headers: STAR },
    },
  });
}

// fetch/api/redirect/redirect-location and redirect-empty-location: a 3xx whose Location is empty, unparsable, or not HTTP(S).
for (const location of ['', 'http://:', 'data:text/plain,hi', 'ftp://127.0.0.1/x', 'http://[::1', 'about:blank', 'file:///nowhere', 'blob:http://localhost/x', 'javascript:void(0)', 'filesystem:http://localhost/temporary/x', 'ws://127.0.0.1:1/']) {
  for (const redirect of ['follow', 'manual', 'error'] as const) {
    add('redirect-location', `302 with Location ${JSON.stringify(location)}, redirect ${redirect}`, {
      request: { target: 'api', redirect },
      server: { actual: { status: 302, headers: { ...STAR, Location: location } } },
    });
  }
  add('redirect-location', `no-cors, 302 with Location ${JSON.stringify(location)}`, { request: { target: 'api', mode: 'no-cors' }, server: { actual: { status: 302, headers: { Location: location } } } });
  add('redirect-location', `same-origin start, 307 with Location ${JSON.stringify(location)}`, { request: { target: 'app' }, server: { actual: { status: 307, headers: { Location: location } } } });
}
for (const status of [301, 303, 308]) {
  add('redirect-location', `${status} with an empty Location`, { request: { target: 'api', method: 'POST', body: 'x' }, server: { actual: { status, headers: { ...STAR, Location: '' } } } });
}
add('redirect-location', 'XHR, 302 with an empty Location', { request: { api: 'xhr', target: 'api' }, server: { actual: { status: 302, headers: { ...STAR, Location: '' } } } });
add('redirect-location', 'XHR, 302 to a data: URL', { request: { api: 'xhr', target: 'api' }, server: { actual: { status: 302, headers: { ...STAR, Location: 'data:text/plain,hi' } } } });
add('redirect-location', 'XHR, 302 to ftp:', { request: { api: 'xhr', target: 'api' }, server: { actual: { status: 302, headers: { ...STAR, Location: 'ftp://127.0.0.1/x' } } } });

// Domain and IP addresses on the partner's site (127.0.0.1).
for (const line of ['c=1; Domain=127.0.0.1', 'c=1; Domain=.127.0.0.1', 'c=1; Domain=0.1', 'c=1; Domain=localhost']) {
  add('cookies', `Set-Cookie ${JSON.stringify(line)} from partner, page partner, then again`, {
    page: 'partner',
    request: { target: 'partner', credentials: 'include' },
    server: { actual: { headers: { 'Set-Cookie': line } } },
    then: [{}],
  });
}

// fetch/api/cors/cors-cookies-redirect: a Set-Cookie on a redirect hop, then a later hop that may carry it.
for (const credentials of ['include', 'same-origin'] as const) {
  for (const to of ['api2', 'partner'] as const) {
    add('cookies', `Set-Cookie Path=/ on the api redirect, then ${to}, credentials ${credentials}`, {
      request: { target: 'api', credentials },
      server: { redirects: [{ to, headers: { ...CREDENTIALED, 'Set-Cookie': 'r=1; Path=/' } }], actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Credentials': 'true' } } },
    });
  }
}

// fetch/local-network-access: no-cors, XHR, credentials and redirects that cross from the public page into loopback.
for (const localNetworkAccess of ['denied', 'granted'] as const) {
  const browser = { localNetworkAccess };
  add('lna', `public page, no-cors to api, permission ${localNetworkAccess}`, { page: 'public', browser, request: { target: 'api', mode: 'no-cors' } });
  add('lna', `public page, XHR to api, permission ${localNetworkAccess}`, { page: 'public', browser, request: { api: 'xhr', target: 'api' }, server: { actual: { headers: STAR } } });
  add('lna', `public page, credentials to api, permission ${localNetworkAccess}`, { page: 'public', browser, request: { target: 'api', credentials: 'include' }, server: { actual: { headers: CREDENTIALED } } });
  add('lna', `public page -> public, redirected to api, permission ${localNetworkAccess}`, { page: 'public', browser, request: { target: 'public' }, server: { redirects: [{ to: 'api', headers: STAR }], actual: { headers: STAR } } });
  add('lna', `public page -> public, 307 PUT redirected to api, permission ${localNetworkAccess}`, {
    page: 'public', browser, request: { target: 'public', method: 'PUT', body: 'x' },
    server: { preflight: { headers: { ...STAR, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'api', headers: STAR }], actual: { headers: STAR } },
  });
  add('lna', `public page -> api, redirected back to public, permission ${localNetworkAccess}`, { page: 'public', browser, request: { target: 'api' }, server: { redirects: [{ to: 'public', headers: STAR }], actual: { headers: STAR } } });
  add('lna', `public page -> public, no-cors redirected to api, permission ${localNetworkAccess}`, { page: 'public', browser, request: { target: 'public', mode: 'no-cors' }, server: { redirects: [{ to: 'api' }] } });
  add('lna', `public page, PUT to api, preflight with the old Allow-Private-Network, permission ${localNetworkAccess}`, {
    page: 'public', browser, request: { target: 'api', method: 'PUT' },
    server: { preflight: { headers: { ...STAR, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Private-Network': 'true' } }, actual: { headers: STAR } },
  });
  add('lna', `public page, api fails CORS, permission ${localNetworkAccess}`, { page: 'public', browser, request: { target: 'api' } });
}

// XMLHttpRequest odds: string bodies, Content-Type parameters, HEAD, and cookies on a redirect.
const xhrBodies: Array<[string, Record<string, string>]> = [
  ['POST', {}], ['POST', { 'Content-Type': 'text/plain;charset=latin1' }], ['POST', { 'Content-Type': 'application/x-www-form-urlencoded' }],
  ['POST', { 'Content-Type': 'application/json;charset=utf-8' }], ['POST', { 'Content-Type': 'multipart/form-data' }],
];
for (const [method, headers] of xhrBodies) {
  add('xhr', `XHR ${method} with a string body, ${JSON.stringify(headers)}`, {
    request: { api: 'xhr', target: 'api', method, body: 'x=1', headers },
    server: { preflight: { headers: ACAO_PAGE }, actual: { headers: ACAO_PAGE } },
  });
}
add('xhr', 'XHR HEAD', { request: { api: 'xhr', target: 'api', method: 'HEAD' }, server: { actual: { headers: { ...STAR, 'X-A': '1', 'Access-Control-Expose-Headers': 'x-a' } } } });
add('xhr', 'XHR withCredentials, Set-Cookie Path=/ on the redirect to api2', {
  request: { api: 'xhr', target: 'api', credentials: 'include' },
  server: { redirects: [{ to: 'api2', headers: { ...CREDENTIALED, 'Set-Cookie': 'x=1; Path=/' } }], actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Credentials': 'true' } } },
});
add('xhr', 'XHR from partner (another site), withCredentials', { page: 'partner', request: { api: 'xhr', target: 'api', credentials: 'include' }, server: { actual: { headers: { ...CREDENTIALED, 'Set-Cookie': 'x=1; SameSite=None; Secure' } } }, then: [{}] });

// fetch/api/basic/request-forbidden-headers: the browser drops these silently, so no preflight follows; the others need one.
const forbidden: Array<Record<string, string>> = [
  { 'Access-Control-Request-Headers': 'x' }, { 'Access-Control-Request-Method': 'PUT' }, { 'Accept-Charset': 'utf-8' }, { Expect: '100-continue' }, { Via: '1.1 x' },
  { Date: 'Thu, 01 Jan 1970 00:00:00 GMT' }, { 'Keep-Alive': 'timeout=5' }, { 'Set-Cookie': 'a=1' }, { Referer: 'http://localhost/' }, { TE: 'trailers' },
  { Trailer: 'x' }, { Upgrade: 'h2c' }, { Cookie2: 'a' }, { 'X-HTTP-Method': 'CONNECT' }, { 'X-HTTP-Method-Override': 'connect, get' }, { 'X-Method-Override': 'Trace' },
  { 'Sec-Custom': '1' }, { 'Proxy-Authorization': 'x' }, { 'Referrer-Policy': 'no-referrer' },
];
for (const headers of forbidden) {
  add('forbidden', `request header ${JSON.stringify(headers)}`, {
    request: { target: 'api', headers },
    server: { preflight: { headers: ACAO_PAGE }, actual: { headers: ACAO_PAGE } },
  });
}

// fetch/api/basic/mode-same-origin: a redirect out of the origin and back again.
add('forbidden', 'mode same-origin, app -> api -> app', { request: { target: 'app', mode: 'same-origin' }, server: { redirects: [{ to: 'api', headers: STAR }, { to: 'app' }] } });
add('forbidden', 'mode same-origin, app -> app -> app', { request: { target: 'app', mode: 'same-origin' }, server: { redirects: [{ to: 'app' }, { to: 'app' }], actual: { headers: { 'X-A': '1' } } } });

// fetch/api/cors/cors-preflight-cache: what a cached preflight covers (method case, header case, credentials, the wildcards).
const cached = (allow: Record<string, string>, first: Record<string, unknown>, next: Record<string, unknown>, title: string): void => {
  add('preflight-cache', title, {
    request: { target: 'api', ...first },
    server: { preflight: { headers: { ...CREDENTIALED, 'Access-Control-Max-Age': '600', ...allow } }, actual: { headers: CREDENTIALED } },
    then: [{ request: next }],
  });
};
cached({ 'Access-Control-Allow-Methods': 'PUT' }, { method: 'PUT' }, { method: 'put' }, 'PUT cached, then put (normalized to PUT)');
cached({ 'Access-Control-Allow-Methods': 'patch' }, { method: 'patch' }, { method: 'PATCH' }, 'patch cached, then PATCH');
cached({ 'Access-Control-Allow-Headers': 'X-A' }, { headers: { 'x-a': '1' } }, { headers: { 'X-A': '2' } }, 'header x-a cached, then X-A');
cached({ 'Access-Control-Allow-Headers': '*' }, { headers: { 'X-A': '1' } }, { headers: { 'X-B': '1' } }, 'Allow-Headers * cached, then another header');
cached({ 'Access-Control-Allow-Headers': '*' }, { headers: { 'X-A': '1' } }, { headers: { 'X-B': '1' }, credentials: 'include' }, 'Allow-Headers * cached without credentials, then another header with credentials');
cached({ 'Access-Control-Allow-Methods': '*' }, { method: 'PUT' }, { method: 'DELETE', credentials: 'include' }, 'Allow-Methods * cached without credentials, then DELETE with credentials');
cached({ 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-a' }, { method: 'PUT', headers: { 'X-A': '1' } }, { method: 'PUT', headers: { 'X-A': '1', 'Content-Type': 'application/json' }, body: '{}' }, 'PUT + x-a cached, then content-type too');
cached({ 'Access-Control-Allow-Methods': 'PUT' }, { method: 'PUT' }, { api: 'xhr', method: 'PUT' }, 'cached by fetch, then XHR');
cached({ 'Access-Control-Allow-Methods': 'PUT' }, { method: 'PUT', credentials: 'include' }, { method: 'PUT', credentials: 'include', headers: { 'X-A': '1' } }, 'PUT cached with credentials, then a new header');

// Request paths the WPT resources use: queries, escapes, dot segments, non-ASCII (the browser percent-encodes it).
for (const path of ['/x?y=1&z=%20', '/%7Euser/', '/\u00e9', '/a/../b', '/a/./b', '/x?', '/x;p=1', '/x?q=\u00e9', '/x%2Fy']) {
  add('paths', `path ${JSON.stringify(path)}, preflighted, with a redirect`, {
    request: { target: 'api', path, method: 'PUT' },
    server: { preflight: { headers: { ...STAR, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'api2', headers: STAR }], actual: { headers: STAR } },
  });
}

export const wptMoreCases: readonly ExperimentInput[] = cases;
