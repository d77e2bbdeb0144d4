/**
 * Adversarial cases derived from the web-platform-tests CORS suite
 * (fetch/api/cors, fetch/api/redirect) and the Fetch standard, built as data
 * by small tables. No expectations: they exist to check that the model
 * agrees with real Chromium (test/e2e/model-agreement.spec.ts).
 */
import type { ExperimentInput } from '../../format/schema.ts';
import { settingsCases } from './settings-cases.ts';

const cases: ExperimentInput[] = [];
let n = 0;
const add = (group: string, title: string, rest: Omit<ExperimentInput, 'id' | 'title' | 'group'>): void => {
  cases.push({ id: `probe-${group}-${++n}`, title, group: `probe-${group}`, ...rest });
};

const ACAO_PAGE = { 'Access-Control-Allow-Origin': '{page}' };
const long = (c: string, length: number): string => c.repeat(length);

// Safelisted request headers: a preflight that allows the origin but no header
// tells a safelisted header (no preflight, allowed) from an unsafe one (blocked).
const headerCases: Array<Record<string, string | string[]>> = [
  { Accept: '*/*' }, { Accept: 'text/html, application/json;q=0.9' }, { Accept: 'a"b' }, { Accept: 'a(b' }, { Accept: 'a{b' }, { Accept: 'x@y' },
  { Accept: long('a', 128) }, { Accept: long('a', 129) }, { Accept: ['text/html', 'text/plain'] }, { Accept: [long('a', 100), long('b', 100)] },
  { 'Accept-Language': 'en-US,fr;q=0.5' }, { 'Accept-Language': 'en@x' }, { 'Accept-Language': 'de_DE' }, { 'Accept-Language': '*' },
  { 'Content-Language': 'de' }, { 'Content-Language': 'de/at' },
  { 'Content-Type': 'text/plain' }, { 'Content-Type': 'TEXT/PLAIN; charset=utf-8' }, { 'Content-Type': 'application/json' }, { 'Content-Type': 'text/plain;' },
  { 'Content-Type': 'multipart/form-data; boundary=x' }, { 'Content-Type': 'application/x-www-form-urlencoded' }, { 'Content-Type': 'text/plain, application/json' },
  { 'Content-Type': 'text/plain;charset="x"' }, { 'Content-Type': 'text /plain' }, { 'Content-Type': 'text/plain ' }, { 'Content-Type': 'text/html' }, { 'Content-Type': 'text' },
  { Range: 'bytes=0-' }, { Range: 'bytes=0-10' }, { Range: 'bytes=-5' }, { Range: 'bytes=5-2' }, { Range: 'bytes=0-1,2-3' }, { Range: 'bytes= 0-1' }, { Range: 'items=0-1' }, { Range: 'BYTES=0-1' },
  { DPR: '2' }, { DPR: '2.5' }, { DPR: 'x' }, { 'Save-Data': 'on' }, { 'Save-Data': 'off' }, { Width: '10' }, { Width: '1.5' }, { ECT: '4g' }, { ECT: '5g' }, { 'Device-Memory': '0.5' }, { Intervention: 'anything' },
  { 'X-Custom': '1' }, { 'x-custom': '' }, { Cookie: 'a=1' }, { 'Sec-Fetch-Foo': '1' }, { 'Proxy-Foo': '1' }, { Host: 'example.com' }, { 'Accept-Encoding': 'br' }, { Origin: 'http://x.example' },
  { 'X-HTTP-Method-Override': 'TRACE' }, { 'X-HTTP-Method-Override': 'PUT' }, { 'X-Method-Override': 'get, connect' }, { DNT: '1' }, { 'Content-Length': '5' },
  { 'Content-Type': 'text/plain', 'X-B': '1', 'x-a': '2' },
  {
    Intervention: long('i', 128), Accept: long('a', 128), 'Accept-Language': long('e', 128), 'Content-Language': long('d', 128), Width: long('1', 128),
    RTT: long('2', 128), 'Viewport-Width': long('3', 128), DPR: long('4', 128), 'Device-Memory': long('5', 128),
  },
];
for (const headers of headerCases) {
  add('safelist', `request headers ${JSON.stringify(Object.keys(headers))}`, {
    request: { target: 'api', headers },
    server: { preflight: { headers: ACAO_PAGE }, actual: { headers: ACAO_PAGE } },
  });
}
add('safelist', 'no-cors drops a non-safelisted header', { request: { target: 'api', mode: 'no-cors', headers: { 'X-Custom': '1', 'Content-Type': 'application/json' } } });
add('safelist', 'no-cors keeps a safelisted header', { request: { target: 'api', mode: 'no-cors', method: 'POST', body: 'x', headers: { 'Content-Type': 'text/plain' } } });
add('safelist', 'no-cors refuses PUT', { request: { target: 'api', mode: 'no-cors', method: 'PUT' } });
add('safelist', 'forbidden method TRACE', { request: { target: 'api', method: 'TRACE' } });

// Methods against Access-Control-Allow-Methods values.
const methods = ['PUT', 'put', 'patch', 'PATCH', 'CHICKEN', 'chicken', 'get', 'Delete', 'post'];
const allowMethods = ['PATCH', 'patch', '*', 'PUT, DELETE', 'put', '', 'PUT,,DELETE , CHICKEN', ',PUT', 'PUT DELETE', 'PUT;', '"PUT"'];
for (const method of methods) {
  for (const allow of allowMethods) {
    add('methods', `${method} vs Access-Control-Allow-Methods: ${allow}`, {
      request: { target: 'api', method },
      server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': allow } }, actual: { headers: ACAO_PAGE } },
    });
  }
}
add('methods', 'PUT, credentials, Allow-Methods *', { request: { target: 'api', method: 'PUT', credentials: 'include' }, server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': '*' } }, actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true' } } } });
add('methods', 'two Allow-Methods lines', { request: { target: 'api', method: 'PUT' }, server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': ['GET', 'PUT'] } }, actual: { headers: ACAO_PAGE } } });

// Access-Control-Allow-Headers parsing.
const allowHeaders = ['x-custom', 'X-CUSTOM', 'x-custom,', ',x-custom', 'x-custom, x-other', 'x-custom x-other', '*', 'x-custom;', '', 'x-custom,,x-other', 'x-other', '"x-custom"', 'x-custom\t,\tx-other'];
for (const allow of allowHeaders) {
  for (const headers of [{ 'X-Custom': '1' }, { 'X-Custom': '1', 'X-Other': '2' }] as Array<Record<string, string>>) {
    add('allow-headers', `${Object.keys(headers).join('+')} vs Access-Control-Allow-Headers: ${allow}`, {
      request: { target: 'api', headers },
      server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Headers': allow } }, actual: { headers: ACAO_PAGE } },
    });
  }
}
for (const credentials of ['omit', 'include'] as const) {
  add('allow-headers', `Authorization vs * (credentials ${credentials})`, {
    request: { target: 'api', headers: { Authorization: 'x' }, credentials },
    server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Headers': '*' } }, actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true' } } },
  });
}

// Access-Control-Allow-Origin and -Credentials values, for a page and a sandboxed page, with and without credentials.
const allowOrigins: Array<string | string[]> = ['*', '  *  ', '{page}', '{page}/', ' {page} ', 'null', 'NULL', '{page}, {page}', ['{page}', '{page}'], ['*', '*'], '', 'http://localhost', 'localhost', '**', '{origin:api}', 'HTTP://LOCALHOST', '{reflect}', 'http://*'];
for (const page of ['app', 'null', 'partner'] as const) {
  for (const credentials of ['omit', 'include'] as const) {
    for (const allow of allowOrigins) {
      add('allow-origin', `page ${page}, credentials ${credentials}, Access-Control-Allow-Origin: ${JSON.stringify(allow)}`, {
        page,
        request: { target: 'api', credentials },
        server: { actual: { headers: { 'Access-Control-Allow-Origin': allow, 'Access-Control-Allow-Credentials': 'true' } } },
      });
    }
  }
}
for (const allow of ['true', 'TRUE', 'True', ' true ', 'true, true', '1', '', 'false']) {
  for (const method of ['GET', 'PUT']) {
    add('allow-credentials', `${method} with Access-Control-Allow-Credentials: ${JSON.stringify(allow)}`, {
      request: { target: 'api', method, credentials: 'include' },
      server: {
        preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': allow, 'Access-Control-Allow-Methods': 'PUT' } },
        actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': allow } },
      },
    });
  }
}

// Status codes of the actual answer and of the preflight.
for (const status of [200, 201, 204, 206, 299, 300, 304, 400, 401, 404, 418, 500, 503, 599]) {
  add('status', `actual status ${status}`, { request: { target: 'api' }, server: { actual: { status, headers: { 'Access-Control-Allow-Origin': '*' } } } });
  add('status', `actual status ${status}, no ACAO`, { request: { target: 'api' }, server: { actual: { status } } });
  add('status', `preflight status ${status}`, {
    request: { target: 'api', method: 'PUT' },
    server: { preflight: { status, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
  });
}
add('status', 'preflight 500 without ACAO', { request: { target: 'api', method: 'PUT' }, server: { preflight: { status: 500 } } });
add('status', 'preflight 301 with Location, no ACAO', { request: { target: 'api', method: 'PUT' }, server: { preflight: { status: 301, headers: { Location: '/elsewhere' } } } });
add('status', 'preflight 302 without Location', { request: { target: 'api', method: 'PUT' }, server: { preflight: { status: 302, headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT' } } } });

// Redirects.
const redirectTargets = ['api', 'api2', 'app', 'partner'] as const;
for (const to of redirectTargets) {
  for (const status of [301, 302, 303, 307, 308] as const) {
    for (const method of ['GET', 'POST', 'PUT']) {
      add('redirect', `${method} api -${status}-> ${to}, * everywhere`, {
        request: { target: 'api', method, ...(method === 'GET' ? {} : { body: 'x' }) },
        server: {
          preflight: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT, POST' } },
          redirects: [{ status, to, headers: { 'Access-Control-Allow-Origin': '*' } }],
          actual: { headers: { 'Access-Control-Allow-Origin': '*' } },
        },
      });
    }
  }
  for (const [hopAcao, finalAcao] of [['{page}', '{page}'], ['*', 'null'], [null, '*'], ['{page}', '{reflect}']] as const) {
    for (const credentials of ['omit', 'include'] as const) {
      const creds: Record<string, string> = credentials === 'include' ? { 'Access-Control-Allow-Credentials': 'true' } : {};
      add('redirect', `GET api -> ${to}, redirect ACAO ${hopAcao}, final ACAO ${finalAcao}, credentials ${credentials}`, {
        request: { target: 'api', credentials },
        server: { redirects: [{ to, headers: hopAcao ? { 'Access-Control-Allow-Origin': hopAcao, ...creds } : {} }], actual: { headers: { 'Access-Control-Allow-Origin': finalAcao, ...creds } } },
      });
    }
  }
}
for (const userinfo of ['user', 'user:pass', ':pass']) {
  for (const to of ['api', 'app'] as const) {
    add('redirect', `redirect to ${to} with userinfo ${userinfo}`, { request: { target: 'api' }, server: { redirects: [{ to, userinfo, headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } });
  }
  add('redirect', `same-origin start, redirect to api with userinfo ${userinfo}`, { request: { target: 'app' }, server: { redirects: [{ to: 'api', userinfo, headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } });
}
for (const redirect of ['error', 'manual'] as const) {
  for (const acao of [true, false]) {
    for (const mode of ['cors', 'no-cors', 'same-origin'] as const) {
      for (const target of ['api', 'app'] as const) {
        add('redirect', `redirect ${redirect}, mode ${mode}, start ${target}, ACAO on redirect ${acao}`, {
          request: { target, redirect, mode },
          server: { redirects: [{ to: 'api2', headers: acao ? { 'Access-Control-Allow-Origin': '*' } : {} }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
        });
      }
    }
  }
}
add('redirect', 'same-origin start, redirect to api, final allows page', { request: { target: 'app' }, server: { redirects: [{ to: 'api' }], actual: { headers: ACAO_PAGE } } });
add('redirect', 'same-origin start, redirect to api, then back to app', { request: { target: 'app' }, server: { redirects: [{ to: 'api', headers: ACAO_PAGE }, { to: 'app', headers: ACAO_PAGE }], actual: { headers: { 'Access-Control-Allow-Origin': 'null' } } } });
add('redirect', 'mode same-origin redirected cross-origin', { request: { target: 'app', mode: 'same-origin' }, server: { redirects: [{ to: 'api' }] } });
add('redirect', 'no-cors follows a cross-origin redirect', { request: { target: 'api', mode: 'no-cors' }, server: { redirects: [{ to: 'api2' }] } });
add('redirect', 'preflighted, redirect 303 turns PUT into GET', { request: { target: 'api', method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' }, server: { preflight: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'content-type' } }, redirects: [{ status: 303, to: 'api2', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } });
add('redirect', 'POST with JSON, 302 drops the body headers', { request: { target: 'api', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }, server: { preflight: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'content-type' } }, redirects: [{ status: 302, to: 'api2', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } });
add('redirect', 'POST with X-Custom, 302 keeps X-Custom', { request: { target: 'api', method: 'POST', headers: { 'X-Custom': '1' }, body: 'x' }, server: { preflight: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'x-custom' } }, redirects: [{ status: 302, to: 'api2', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } });

// Access-Control-Expose-Headers.
const exposeCases: Array<[string | string[], boolean]> = [['*', false], ['*', true], ['X-A', false], ['x-a, x-b', false], ['X-A,,', false], ['x a', false], [['x-a', 'x-b'], false], ['set-cookie', false], ['x-a', true], ['*, x-b', true]];
for (const [expose, include] of exposeCases) {
  add('expose', `Expose-Headers ${JSON.stringify(expose)}, credentials ${include}`, {
    request: { target: 'api', credentials: include ? 'include' : 'omit' },
    server: { actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Expose-Headers': expose, 'X-A': '1', 'X-B': '2', 'Set-Cookie': 'probe=1; Path=/nowhere', 'Cache-Control': 'no-store' } } },
  });
}

// Preflight cache.
const cacheCases: Array<[string | null, string]> = [['600', 'same'], ['0', 'same'], [null, 'same'], ['abc', 'same'], ['-1', 'same'], ['600', 'other-method'], ['600', 'new-header'], ['600', 'credentials']];
for (const [maxAge, next] of cacheCases) {
  const headers = { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x-a', 'Access-Control-Allow-Credentials': 'true', ...(maxAge === null ? {} : { 'Access-Control-Max-Age': maxAge }) };
  const step = next === 'other-method' ? { method: 'DELETE' } : next === 'new-header' ? { headers: { 'X-A': '1', 'X-B': '1' } } : next === 'credentials' ? { credentials: 'include' as const } : {};
  add('cache', `Max-Age ${maxAge}, then ${next}`, {
    request: { target: 'api', method: 'PUT', headers: { 'X-A': '1' } },
    server: { preflight: { headers }, actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true' } } },
    then: [{ request: step }],
  });
}
add('cache', 'Allow-Methods * cached, then PATCH', { request: { target: 'api', method: 'PUT' }, server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': '*', 'Access-Control-Max-Age': '600' } }, actual: { headers: ACAO_PAGE } }, then: [{ request: { method: 'PATCH' } }] });
add('cache', 'credentialed entry serves a request without credentials', { request: { target: 'api', method: 'PUT', credentials: 'include' }, server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '600' } }, actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true' } } }, then: [{ request: { credentials: 'omit' } }] });
add('cache', 'failed preflight is not cached', { request: { target: 'api', method: 'PUT' }, server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Max-Age': '600' } }, actual: { headers: ACAO_PAGE } }, then: [{ request: {} }] });

// Modes, APIs and the Origin header.
for (const api of ['fetch', 'xhr'] as const) {
  for (const credentials of ['omit', 'same-origin', 'include'] as const) {
    add('modes', `${api}, credentials ${credentials}, wildcard answer`, { request: { api, target: 'api', credentials }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } });
  }
  add('modes', `${api} same-origin request`, { request: { api, target: 'app', method: 'PUT' } });
  add('modes', `${api} PUT with body`, { request: { api, target: 'api', method: 'PUT', body: 'x' }, server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: ACAO_PAGE } } });
}
for (const referrerPolicy of ['no-referrer', 'same-origin', 'origin', 'unsafe-url'] as const) {
  for (const mode of ['no-cors', 'cors'] as const) {
    add('modes', `POST ${mode} with referrerPolicy ${referrerPolicy}`, { request: { target: 'api', method: 'POST', body: 'x', mode, referrerPolicy }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } });
  }
  add('modes', `same-origin POST with referrerPolicy ${referrerPolicy}`, { request: { target: 'app', method: 'POST', body: 'x', referrerPolicy } });
}
for (const page of ['api', 'partner', 'evil', 'null'] as const) {
  add('modes', `page ${page} to api`, { page, request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '{page}' } } } });
}

// Cookies.
for (const [target, page] of [['api', 'app'], ['app', 'app'], ['partner', 'app'], ['api', 'evil']] as const) {
  for (const credentials of ['include', 'same-origin', 'omit'] as const) {
    add('cookies', `cookie set by ${target} for page ${page}, then sent with ${credentials}`, {
      page,
      request: { target, credentials: 'include' },
      server: { actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true', 'Set-Cookie': 'c=1; SameSite=Lax' } } },
      then: [{ request: { credentials } }],
    });
  }
}
add('cookies', 'SameSite=None without Secure is refused', { request: { target: 'api', credentials: 'include' }, server: { actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true', 'Set-Cookie': 'c=1; SameSite=None' } } }, then: [{}] });
add('cookies', 'Max-Age=0 deletes', { request: { target: 'api', credentials: 'include' }, server: { actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true', 'Set-Cookie': ['c=1', 'c=; Max-Age=0'] } } }, then: [{}] });

// Access-Control-Expose-Headers parsing, after WPT cors/access-control-expose-headers-parsing
// (a list with one invalid element exposes nothing; quoted strings are one element), through fetch and XHR.
const exposeParsing: Array<string | string[]> = [
  'x-a, x b', '"x-a", x-b', '"x-a, x-b"', 'x-b, "x-a"', 'x-a;, x-b', ['x-a', 'x b'], ['x-a', 'x-b'], '*, x b', 'x-a, "unterminated', '\tx-a\t,  x-b ',
  'x-a, ,', 'x-a,"x-b"x', '"x-a"', 'x-a, *', 'x-\u00e9, x-b', 'content-language, x-a;', 'x-a\\, x-b', ',,,', '', 'X-B', 'x-a x-b, content-language',
];
for (const api of ['fetch', 'xhr'] as const) {
  for (const expose of exposeParsing) {
    add('expose-parsing', `${api}: Access-Control-Expose-Headers ${JSON.stringify(expose)}`, {
      request: { api, target: 'api' },
      server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': expose, 'Content-Language': 'sure', 'X-A': '1', 'X-B': '2' } } },
    });
  }
}
for (const expose of ['*', 'x-a', '"x-a"', '*, x-a']) {
  add('expose-parsing', `xhr withCredentials: Access-Control-Expose-Headers ${JSON.stringify(expose)}`, {
    request: { api: 'xhr', target: 'api', credentials: 'include' },
    server: { actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Expose-Headers': expose, 'X-A': '1', 'X-B': '2' } } },
  });
}

// Access-Control-Max-Age values: an immediate repeat tells "cached" (any positive or unparsable value) from "not cached".
for (const maxAge of ['0', '00', '-0', '-5', '0.5', ' 0', '0, 600', '600, 0', 'abc', '', '+600', '1e3', '7201', '600']) {
  add('cache', `Access-Control-Max-Age ${JSON.stringify(maxAge)}, then the same request`, {
    request: { target: 'api', method: 'PUT' },
    server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': maxAge } }, actual: { headers: ACAO_PAGE } },
    then: [{}],
  });
}
for (const [maxAge, delayMs] of [['1', 1200], ['3', 1200]] as const) {
  add('cache', `Access-Control-Max-Age ${maxAge}, then the same request after ${delayMs} ms`, {
    request: { target: 'api', method: 'PUT' },
    server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': maxAge } }, actual: { headers: ACAO_PAGE } },
    then: [{ delayMs }],
  });
}
for (const page of ['api2', 'partner'] as const) {
  add('cache', `preflight cached for app, then the same request from ${page}`, {
    request: { target: 'api', method: 'PUT' },
    server: { preflight: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '600' } }, actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    then: [{ page }],
  });
}

// The HTTP cache under CORS: freshness, Vary, partitions, permanent redirects.
const cacheControls = ['max-age=60', 'max-age=0', 'no-cache', 'no-store', 'private, max-age=60', 'max-age="60"', 's-maxage=60', 'MAX-AGE=60', 'max-age=60, no-store', 'public'];
for (const cacheControl of cacheControls) {
  add('http-cache', `Cache-Control ${cacheControl}, then again from the same page`, {
    request: { target: 'api' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': cacheControl } } },
    then: [{}],
  });
}
// Pages of the same site share the cache; each step on another page costs a navigation, so the matrix stays small.
for (const vary of [null, 'Origin', 'origin', '*', 'Accept', 'Cookie', 'Accept, Origin', '']) {
  for (const page of vary === null || vary === 'Origin' ? (['api2', 'partner', 'null', 'app'] as const) : (['api2', 'app'] as const)) {
    add('http-cache', `reflected origin, Vary ${JSON.stringify(vary)}, cached for app, then from ${page}`, {
      request: { target: 'api' },
      server: { actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Cache-Control': 'max-age=60', ...(vary === null ? {} : { Vary: vary }) } } },
      then: [{ page }],
    });
  }
}
add('http-cache', 'a sandboxed page does not reuse its own cached answer', { page: 'null', request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'max-age=60' } } }, then: [{}] });
add('http-cache', 'no-cors first, then cors, no Vary', { request: { target: 'api', mode: 'no-cors' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Cache-Control': 'max-age=60' } } }, then: [{ request: { mode: 'cors' } }] });
add('http-cache', 'cors first, then no-cors', { request: { target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Cache-Control': 'max-age=60' } } }, then: [{ request: { mode: 'no-cors' } }] });
add('http-cache', 'credentials include first, then omit', { request: { target: 'api', credentials: 'include' }, server: { actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true', 'Cache-Control': 'max-age=60' } } }, then: [{ request: { credentials: 'omit' } }] });
add('http-cache', 'POST is not served from the cache', { request: { target: 'api', method: 'POST', body: 'x' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'max-age=60' } } }, then: [{}] });
add('http-cache', 'XHR, then fetch, share the cache', { request: { api: 'xhr', target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'max-age=60' } } }, then: [{ request: { api: 'fetch' } }] });
for (const status of [301, 302, 303, 307, 308] as const) {
  add('http-cache', `a ${status} redirect without Cache-Control, then again`, {
    request: { target: 'api' },
    server: { redirects: [{ status, to: 'api2', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    then: [{}],
  });
}
add('http-cache', 'a 301 with Cache-Control: no-store, then again', { request: { target: 'api' }, server: { redirects: [{ status: 301, to: 'api2', headers: { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } }, then: [{}] });

// Cross-Origin-Resource-Policy against modes and pages.
for (const policy of ['same-origin', 'same-site', 'cross-origin', 'SAME-ORIGIN', 'same-origin, same-site', 'bogus']) {
  for (const page of ['app', 'partner', 'null'] as const) {
    for (const mode of ['no-cors', 'cors'] as const) {
      add('modes', `CORP ${policy}, page ${page}, mode ${mode}`, { page, request: { target: 'api', mode }, server: { actual: { headers: { 'Cross-Origin-Resource-Policy': policy, 'Access-Control-Allow-Origin': '*' } } } });
    }
  }
  add('modes', `CORP ${policy}, same-origin request`, { request: { target: 'app', mode: 'no-cors' }, server: { actual: { headers: { 'Cross-Origin-Resource-Policy': policy } } } });
}
add('modes', 'CORP same-origin on a no-cors redirect hop', { request: { target: 'api', mode: 'no-cors' }, server: { redirects: [{ to: 'api2', headers: { 'Cross-Origin-Resource-Policy': 'same-origin' } }] } });
add('modes', 'CORP same-site after a no-cors redirect to another site', { request: { target: 'api', mode: 'no-cors' }, server: { redirects: [{ to: 'partner' }], actual: { headers: { 'Cross-Origin-Resource-Policy': 'same-site' } } } });
for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'patch']) {
  add('modes', `no-cors ${method}`, { request: { target: 'api', mode: 'no-cors', method } });
}
for (const headers of [{ 'Content-Type': 'application/json' }, { 'Content-Type': 'text/plain' }, { Accept: 'x@y' }, { 'X-A': '1', Accept: 'text/html' }] as Array<Record<string, string>>) {
  add('modes', `no-cors POST with ${JSON.stringify(headers)}`, { request: { target: 'api', mode: 'no-cors', method: 'POST', body: 'x', headers } });
}
add('modes', 'same-origin mode, own origin', { request: { target: 'app', mode: 'same-origin' }, server: { actual: { headers: { 'X-A': '1' } } } });

// The null origin: sandboxed pages, preflights and credentials, and redirects that produce it.
for (const acao of ['null', '*', '{reflect}', '{origin:app}', 'NULL', ' null ']) {
  add('null-origin', `sandboxed page, PUT, preflight and answer allow ${JSON.stringify(acao)}`, {
    page: 'null',
    request: { target: 'api', method: 'PUT' },
    server: { preflight: { headers: { 'Access-Control-Allow-Origin': acao, 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: { 'Access-Control-Allow-Origin': acao } } },
  });
  add('null-origin', `sandboxed page, credentials, answer allows ${JSON.stringify(acao)}`, {
    page: 'null',
    request: { target: 'api', credentials: 'include' },
    server: { actual: { headers: { 'Access-Control-Allow-Origin': acao, 'Access-Control-Allow-Credentials': 'true' } } },
  });
}
add('null-origin', 'sandboxed page to its own host origin', { page: 'null', request: { target: 'app' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': 'null' } } } });
add('null-origin', 'sandboxed page, POST carries Origin null', { page: 'null', request: { target: 'api', method: 'POST', body: 'x' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': 'null' } } } });
add('null-origin', 'sandboxed page, no-cors', { page: 'null', request: { target: 'api', mode: 'no-cors' } });
add('null-origin', 'sandboxed page, redirect to another origin', { page: 'null', request: { target: 'api' }, server: { redirects: [{ to: 'api2', headers: { 'Access-Control-Allow-Origin': 'null' } }], actual: { headers: { 'Access-Control-Allow-Origin': 'null' } } } });
add('null-origin', 'sandboxed page, preflight cached? then again', { page: 'null', request: { target: 'api', method: 'PUT' }, server: { preflight: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '600' } }, actual: { headers: { 'Access-Control-Allow-Origin': '*' } } }, then: [{}] });
for (const to of ['api2', 'partner', 'app'] as const) {
  add('null-origin', `app -> api -> ${to}, final answer allows null`, { request: { target: 'api', method: 'PUT' }, server: { preflight: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to, headers: { 'Access-Control-Allow-Origin': '{reflect}' } }], actual: { headers: { 'Access-Control-Allow-Origin': 'null' } } } });
}

// XMLHttpRequest: the same checks, its own console wording, withCredentials, redirects always followed.
for (const withCredentials of [false, true]) {
  const credentials = withCredentials ? ('include' as const) : ('omit' as const);
  const acac = { 'Access-Control-Allow-Credentials': 'true' };
  for (const acao of ['*', '{page}', '{origin:api2}', 'null', ['{page}', '{page}']] as Array<string | string[]>) {
    add('xhr', `withCredentials ${withCredentials}, ACAO ${JSON.stringify(acao)}`, { request: { api: 'xhr', target: 'api', credentials }, server: { actual: { headers: { 'Access-Control-Allow-Origin': acao, ...acac } } } });
  }
  add('xhr', `withCredentials ${withCredentials}, preflight without ACAC`, { request: { api: 'xhr', target: 'api', credentials, method: 'DELETE' }, server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'DELETE' } }, actual: { headers: { ...ACAO_PAGE, ...acac } } } });
  add('xhr', `withCredentials ${withCredentials}, redirect to api2`, { request: { api: 'xhr', target: 'api', credentials }, server: { redirects: [{ to: 'api2', headers: { 'Access-Control-Allow-Origin': '{reflect}', ...acac } }], actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}', ...acac } } } });
  add('xhr', `withCredentials ${withCredentials}, cookie round trip`, { request: { api: 'xhr', target: 'api', credentials }, server: { actual: { headers: { ...ACAO_PAGE, ...acac, 'Set-Cookie': 'x=1; SameSite=Lax' } } }, then: [{}] });
}
for (const [method, allow] of [['PUT', 'PUT'], ['PUT', 'put'], ['patch', 'PATCH'], ['DELETE', '*'], ['CHICKEN', 'CHICKEN']] as const) {
  add('xhr', `${method} vs Access-Control-Allow-Methods: ${allow}`, { request: { api: 'xhr', target: 'api', method }, server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': allow } }, actual: { headers: ACAO_PAGE } } });
}
add('xhr', 'X-Requested-With without Allow-Headers', { request: { api: 'xhr', target: 'api', headers: { 'X-Requested-With': 'XMLHttpRequest' } }, server: { preflight: { headers: ACAO_PAGE }, actual: { headers: ACAO_PAGE } } });
add('xhr', 'forbidden method TRACE', { request: { api: 'xhr', target: 'api', method: 'TRACE' } });
add('xhr', 'preflight 500', { request: { api: 'xhr', target: 'api', method: 'PUT' }, server: { preflight: { status: 500, headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } } } });
add('xhr', 'redirect with userinfo', { request: { api: 'xhr', target: 'api' }, server: { redirects: [{ to: 'api2', userinfo: 'u:p', headers: { 'Access-Control-Allow-Origin': '*' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } });
add('xhr', 'sandboxed page', { page: 'null', request: { api: 'xhr', target: 'api' }, server: { actual: { headers: { 'Access-Control-Allow-Origin': 'null' } } } });
add('xhr', 'same-origin', { request: { api: 'xhr', target: 'app' }, server: { actual: { headers: { 'X-A': '1' } } } });

export const wptCases: readonly ExperimentInput[] = [...cases, ...settingsCases];
