/**
 * Adversarial cases derived from the web-platform-tests CORS suite
 * (fetch/api/cors, fetch/api/redirect) and the Fetch standard, built as data
 * by small tables. No expectations: they exist to check that the model
 * agrees with real Chromium (test/e2e/model-agreement.spec.ts).
 */
import type { ExperimentInput } from '../../experiments/schema.ts';
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

export const wptCases: readonly ExperimentInput[] = [...cases, ...settingsCases];
