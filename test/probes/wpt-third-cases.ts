/**
 * A third table of cases after the web-platform-tests (fetch/api/cors, fetch/api/redirect, xhr), for combinations
 * the first two leave out: the preflight's own Access-Control-Allow-Origin values, the values of a redirect hop,
 * preflighted and credentialed requests across a redirect, same-origin redirects to another path, header values
 * that are empty or repeated in two cases, statuses that are not redirects although they carry a Location.
 */
import type { ExperimentInput } from '../../format/schema.ts';

const cases: ExperimentInput[] = [];
let n = 0;
const add = (group: string, title: string, rest: Omit<ExperimentInput, 'id' | 'title' | 'group'>): void => {
  cases.push({ id: `probe-third-${group}-${++n}`, title, group: `probe-third-${group}`, ...rest });
};

const ACAO_PAGE = { 'Access-Control-Allow-Origin': '{page}' };
const REFLECT = { 'Access-Control-Allow-Origin': '{reflect}' };
const CREDENTIALED = { 'Access-Control-Allow-Origin': '{reflect}', 'Access-Control-Allow-Credentials': 'true' };

// fetch/api/cors/cors-preflight-response-validation: the preflight's Access-Control-Allow-Origin, value by value.
const preflightOrigins: Array<string | string[]> = ['NULL', '{page}/', '', 'http://*', ['*', '*'], '{page}, {page}', ' {page} ', '*\t', '{origin:api2}', 'null', ['{page}', '']];
for (const allow of preflightOrigins) {
  add('preflight-origin', `PUT, preflight Access-Control-Allow-Origin ${JSON.stringify(allow)}`, {
    request: { target: 'api', method: 'PUT' },
    server: { preflight: { headers: { 'Access-Control-Allow-Origin': allow, 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: ACAO_PAGE } },
  });
}
for (const [allow, credentialsHeader] of [['*', 'true'], ['{page}', 'TRUE'], ['{page}', null], ['null', 'true']] as const) {
  add('preflight-origin', `PUT with credentials, preflight ACAO ${allow}, ACAC ${credentialsHeader}`, {
    request: { target: 'api', method: 'PUT', credentials: 'include' },
    server: {
      preflight: { headers: { 'Access-Control-Allow-Origin': allow, 'Access-Control-Allow-Methods': 'PUT', ...(credentialsHeader ? { 'Access-Control-Allow-Credentials': credentialsHeader } : {}) } },
      actual: { headers: CREDENTIALED },
    },
  });
}

// fetch/api/cors/cors-redirect: the redirect hop's own CORS headers are checked like a response's.
const hopValues: Array<[string, Record<string, string | string[]>, 'omit' | 'include']> = [
  ['NULL', { 'Access-Control-Allow-Origin': 'NULL' }, 'omit'], ['empty', { 'Access-Control-Allow-Origin': '' }, 'omit'],
  ['two lines', { 'Access-Control-Allow-Origin': ['{page}', '{page}'] }, 'omit'], ['a list', { 'Access-Control-Allow-Origin': '{page}, {page}' }, 'omit'],
  ['another origin', { 'Access-Control-Allow-Origin': '{origin:api2}' }, 'omit'], ['* with credentials', { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }, 'include'],
  ['no ACAC with credentials', ACAO_PAGE, 'include'], ['ACAC TRUE with credentials', { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'TRUE' }, 'include'],
  ['nothing with credentials', {}, 'include'],
];
for (const [label, headers, credentials] of hopValues) {
  add('redirect-hop', `GET api -302-> api2, hop ${label}, credentials ${credentials}`, {
    request: { target: 'api', credentials },
    server: { redirects: [{ to: 'api2', headers }], actual: { headers: CREDENTIALED } },
  });
}

// fetch/api/cors/cors-redirect-preflight and cors-redirect-credentials: a preflight at the next origin, Origin null.
add('redirect-preflight', 'PUT with credentials, api -307-> api2, everything reflects with ACAC', {
  request: { target: 'api', method: 'PUT', body: 'x', credentials: 'include' },
  server: { preflight: { headers: { ...CREDENTIALED, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'api2', headers: CREDENTIALED }], actual: { headers: CREDENTIALED } },
});
add('redirect-preflight', 'PUT, api -307-> api2, preflights allow only the page', {
  request: { target: 'api', method: 'PUT', body: 'x' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'api2', headers: ACAO_PAGE }], actual: { headers: REFLECT } },
});
add('redirect-preflight', 'GET with X-Custom, api -303-> api2: the header stays, so api2 is preflighted', {
  request: { target: 'api', headers: { 'X-Custom': '1' } },
  server: { preflight: { headers: { ...REFLECT, 'Access-Control-Allow-Headers': 'x-custom' } }, redirects: [{ status: 303, to: 'api2', headers: REFLECT }], actual: { headers: REFLECT } },
});
add('redirect-preflight', 'POST with X-Custom, api -303-> api2 turns it into GET, X-Custom stays', {
  request: { target: 'api', method: 'POST', body: 'x', headers: { 'X-Custom': '1' } },
  server: { preflight: { headers: { ...REFLECT, 'Access-Control-Allow-Headers': 'x-custom' } }, redirects: [{ status: 303, to: 'api2', headers: REFLECT }], actual: { headers: REFLECT } },
});
for (const status of [307, 308] as const) {
  add('redirect-preflight', `PUT, api -${status}-> api at another path: a new URL, so a new preflight?`, {
    request: { target: 'api', method: 'PUT', body: 'x' },
    server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status, to: 'api', path: '/moved', headers: ACAO_PAGE }], actual: { headers: ACAO_PAGE } },
  });
}
add('redirect-preflight', 'PUT, api -307-> api at the same path', {
  request: { target: 'api', method: 'PUT', body: 'x' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'api', headers: ACAO_PAGE }], actual: { headers: ACAO_PAGE } },
});
add('redirect-preflight', 'PUT, api -307-> api at another path, preflight for /moved lacks the method', {
  request: { target: 'api', method: 'PUT', body: 'x', path: '/start' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '600' } }, redirects: [{ status: 307, to: 'api', path: '/moved', headers: ACAO_PAGE }], actual: { headers: ACAO_PAGE } },
  then: [{}],
});
add('redirect-preflight', 'DELETE with credentials, app -307-> api: Origin is still the page', {
  request: { target: 'app', method: 'DELETE', credentials: 'include' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': 'DELETE' } }, redirects: [{ status: 307, to: 'api' }], actual: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Credentials': 'true' } } },
});
add('redirect-preflight', 'sandboxed page, PUT, api -307-> api2, null everywhere', {
  page: 'null',
  request: { target: 'api', method: 'PUT', body: 'x' },
  server: { preflight: { headers: { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'api2', headers: { 'Access-Control-Allow-Origin': 'null' } }], actual: { headers: { 'Access-Control-Allow-Origin': 'null' } } },
});

// Methods: the six Fetch normalizes by case, and the ones it does not.
for (const [method, allow] of [['Put', 'PUT'], ['pAtCh', 'PATCH'], ['pAtCh', 'pAtCh'], ['Options', 'OPTIONS'], ['dElEtE', 'DELETE'], ['HEAD', '']] as const) {
  add('methods', `${method} vs Access-Control-Allow-Methods ${JSON.stringify(allow)}, with X-Custom`, {
    request: { target: 'api', method, headers: { 'X-Custom': '1' } },
    server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': allow, 'Access-Control-Allow-Headers': 'x-custom' } }, actual: { headers: ACAO_PAGE } },
  });
}

// Request headers: empty values, one name in two cases, a method that alone needs the preflight.
const requestHeaders: Array<Record<string, string>> = [
  { 'Content-Type': '' }, { Range: '' }, { 'Accept-Language': '' }, { 'Content-Language': '' }, { Accept: '' },
  { 'X-A': '1', 'x-a': '2' }, { 'Content-Type': 'Text/Plain;Charset=UTF-8' }, { 'Content-Type': 'text/plain;charset=utf-8;charset=x' },
  { 'Content-Type': 'application/x-www-form-urlencoded;' }, { 'Content-Type': ';text/plain' },
];
for (const headers of requestHeaders) {
  add('request-headers', `POST with ${JSON.stringify(headers)}, preflight allows no header`, {
    request: { target: 'api', method: 'POST', body: 'x', headers },
    server: { preflight: { headers: ACAO_PAGE }, actual: { headers: ACAO_PAGE } },
  });
}
add('request-headers', 'PUT with Content-Type text/plain: Access-Control-Request-Headers names nothing', {
  request: { target: 'api', method: 'PUT', body: 'x', headers: { 'Content-Type': 'text/plain' } },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: ACAO_PAGE } },
});

// Statuses with a Location that are not redirects (https://fetch.spec.whatwg.org/#redirect-status).
for (const status of [300, 304, 201, 305, 306]) {
  add('status', `actual ${status} with a Location`, { request: { target: 'api' }, server: { actual: { status, headers: { 'Access-Control-Allow-Origin': '*', Location: '/elsewhere' } } } });
}

// Response headers: what a CORS response shows without Access-Control-Expose-Headers, and Expose on the preflight only.
add('expose', 'Content-Length, Content-Type and the CORS headers themselves', {
  request: { target: 'api' },
  server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'text/plain', 'X-A': '1' }, body: 'hello' } },
});
add('expose', 'Expose-Headers on the preflight only', {
  request: { target: 'api', method: 'PUT' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Expose-Headers': 'x-a' } }, actual: { headers: { ...ACAO_PAGE, 'X-A': '1' } } },
});
add('expose', 'Expose-Headers names Access-Control-Allow-Origin', {
  request: { target: 'api' },
  server: { actual: { headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'access-control-allow-origin, x-a', 'X-A': '1' } } },
});
add('expose', 'Expose-Headers on the redirect hop only', {
  request: { target: 'api' },
  server: { redirects: [{ to: 'api2', headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Expose-Headers': 'x-a' } }], actual: { headers: { 'Access-Control-Allow-Origin': '*', 'X-A': '1' } } },
});

// XMLHttpRequest: the same preflighted and credentialed redirects.
add('xhr', 'XHR PUT withCredentials, api -307-> api2, reflect with ACAC', {
  request: { api: 'xhr', target: 'api', method: 'PUT', body: 'x', credentials: 'include' },
  server: { preflight: { headers: { ...CREDENTIALED, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'api2', headers: CREDENTIALED }], actual: { headers: CREDENTIALED } },
});
add('xhr', 'XHR withCredentials, redirect hop with * ', {
  request: { api: 'xhr', target: 'api', credentials: 'include' },
  server: { redirects: [{ to: 'api2', headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' } }], actual: { headers: CREDENTIALED } },
});
add('xhr', 'XHR preflight ACAO NULL', {
  request: { api: 'xhr', target: 'api', method: 'PUT' },
  server: { preflight: { headers: { 'Access-Control-Allow-Origin': 'NULL', 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: ACAO_PAGE } },
});
add('xhr', 'XHR Put normalized to PUT', {
  request: { api: 'xhr', target: 'api', method: 'Put' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: ACAO_PAGE } },
});


// fetch/api/cors/cors-preflight-response-validation: a list that does not parse fails even when the request needs nothing from it.
add('preflight-lists', 'GET with X-Custom, Access-Control-Allow-Methods "PUT;" (not a token)', {
  request: { target: 'api', headers: { 'X-Custom': '1' } },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT;', 'Access-Control-Allow-Headers': 'x-custom' } }, actual: { headers: ACAO_PAGE } },
});
add('preflight-lists', 'PUT, Access-Control-Allow-Headers "x;" (not a token)', {
  request: { target: 'api', method: 'PUT' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': 'x;' } }, actual: { headers: ACAO_PAGE } },
});
add('preflight-lists', 'PUT, Access-Control-Allow-Headers "\\"x\\"" and Allow-Methods PUT', {
  request: { target: 'api', method: 'PUT' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Allow-Headers': '"x"' } }, actual: { headers: ACAO_PAGE } },
});
add('preflight-lists', 'POST with X-Custom, Access-Control-Allow-Methods "PUT DELETE" (not a list)', {
  request: { target: 'api', method: 'POST', body: 'x', headers: { 'X-Custom': '1' } },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT DELETE', 'Access-Control-Allow-Headers': 'x-custom' } }, actual: { headers: ACAO_PAGE } },
});

// fetch/api/cors/cors-preflight-cache after a redirect: the second origin's preflight was made with Origin null.
add('redirect-cache', 'PUT api -307-> api2, Max-Age 600 everywhere, then the same request', {
  request: { target: 'api', method: 'PUT', body: 'x' },
  server: { preflight: { headers: { ...REFLECT, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '600' } }, redirects: [{ status: 307, to: 'api2', headers: REFLECT }], actual: { headers: REFLECT } },
  then: [{}],
});
add('redirect-cache', 'PUT app -307-> api, Max-Age 600, then the same request', {
  request: { target: 'app', method: 'PUT', body: 'x' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '600' } }, redirects: [{ status: 307, to: 'api' }], actual: { headers: ACAO_PAGE } },
  then: [{}],
});

// A preflight is sent without credentials: its Set-Cookie (https://fetch.spec.whatwg.org/#cors-preflight-fetch).
add('preflight-cookie', 'the preflight answer sets a cookie, then a credentialed GET', {
  request: { target: 'api', method: 'PUT', credentials: 'include' },
  server: {
    preflight: { headers: { ...CREDENTIALED, 'Access-Control-Allow-Methods': 'PUT', 'Set-Cookie': 'p=1; Path=/' } },
    actual: { headers: CREDENTIALED },
  },
  then: [{ request: { method: 'GET' } }],
});
add('preflight-cookie', 'same-site API: the preflight answer sets a SameSite=Lax cookie, then a credentialed GET', {
  request: { target: 'api', method: 'DELETE', credentials: 'include' },
  server: {
    preflight: { headers: { ...CREDENTIALED, 'Access-Control-Allow-Methods': 'DELETE', 'Set-Cookie': 'p=1; Path=/; SameSite=Lax' } },
    actual: { headers: CREDENTIALED },
  },
  then: [{ request: { method: 'GET' } }],
});

// Redirect modes with a preflighted request.
for (const redirect of ['manual', 'error'] as const) {
  add('redirect-mode', `PUT, redirect ${redirect}, api answers 307 to api2`, {
    request: { target: 'api', method: 'PUT', body: 'x', redirect },
    server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'api2', headers: ACAO_PAGE }], actual: { headers: ACAO_PAGE } },
  });
}

// XMLHttpRequest: a Content-Type on a GET is still sent, and still needs the preflight.
add('xhr', 'XHR GET with Content-Type application/json', {
  request: { api: 'xhr', target: 'api', headers: { 'Content-Type': 'application/json' } },
  server: { preflight: { headers: ACAO_PAGE }, actual: { headers: ACAO_PAGE } },
});
add('xhr', 'fetch GET with Content-Type application/json', {
  request: { target: 'api', headers: { 'Content-Type': 'application/json' } },
  server: { preflight: { headers: ACAO_PAGE }, actual: { headers: ACAO_PAGE } },
});

// fetch/cross-origin-embedder-policy with fetch(): CORP defaults, credentialless, and CORS responses that need no CORP.
const COEP = (value: string): Record<string, string> => ({ 'Cross-Origin-Embedder-Policy': value });
add('coep', 'require-corp page, no-cors fetch to api without CORP', { pageHeaders: COEP('require-corp'), request: { target: 'api', mode: 'no-cors' } });
add('coep', 'require-corp page, cors fetch to api with ACAO, no CORP', { pageHeaders: COEP('require-corp'), request: { target: 'api' }, server: { actual: { headers: ACAO_PAGE } } });
add('coep', 'require-corp page, no-cors fetch to api with CORP same-site', { pageHeaders: COEP('require-corp'), request: { target: 'api', mode: 'no-cors' }, server: { actual: { headers: { 'Cross-Origin-Resource-Policy': 'same-site' } } } });
add('coep', 'credentialless page, no-cors fetch without credentials', { pageHeaders: COEP('credentialless'), request: { target: 'partner', mode: 'no-cors' } });
add('coep', 'credentialless page, no-cors fetch with credentials include', { pageHeaders: COEP('credentialless'), request: { target: 'partner', mode: 'no-cors', credentials: 'include' } });
add('coep', 'credentialless page, cors fetch with credentials include, no CORP', { pageHeaders: COEP('credentialless'), request: { target: 'api', credentials: 'include' }, server: { actual: { headers: CREDENTIALED } } });
add('coep', 'require-corp page, no-cors fetch redirected to partner, CORP cross-origin only on the last hop', {
  pageHeaders: COEP('require-corp'), request: { target: 'api', mode: 'no-cors' },
  server: { redirects: [{ to: 'partner' }], actual: { headers: { 'Cross-Origin-Resource-Policy': 'cross-origin' } } },
});
add('coep', 'require-corp page, XHR to api with ACAO', { pageHeaders: COEP('require-corp'), request: { api: 'xhr', target: 'api' }, server: { actual: { headers: ACAO_PAGE } } });


// An empty or blank Access-Control-Allow-Origin, and values with a byte beyond ASCII (cors/access-control-allow-origin-parsing).
const blankOrigins: Array<[string, Record<string, string | string[]>, 'fetch' | 'xhr', 'omit' | 'include']> = [
  ['empty', { 'Access-Control-Allow-Origin': '' }, 'fetch', 'omit'], ['empty', { 'Access-Control-Allow-Origin': '' }, 'xhr', 'omit'],
  ['empty, credentials', { 'Access-Control-Allow-Origin': '', 'Access-Control-Allow-Credentials': 'true' }, 'fetch', 'include'],
  ['the page and an empty line', { 'Access-Control-Allow-Origin': ['{page}', ''] }, 'fetch', 'omit'], ['a space', { 'Access-Control-Allow-Origin': ' ' }, 'fetch', 'omit'],
  ['the page, then /\u00e9x', { 'Access-Control-Allow-Origin': '{page}/\u00e9x' }, 'fetch', 'omit'], ['x\u00e9y', { 'Access-Control-Allow-Origin': 'x\u00e9y' }, 'fetch', 'omit'],
  ['the page, empty Allow-Credentials', { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': '' }, 'fetch', 'include'],
];
for (const [label, headers, api, credentials] of blankOrigins) {
  add('blank-origin', `${api}, answer with Access-Control-Allow-Origin ${label}`, { request: { api, target: 'api', credentials }, server: { actual: { headers } } });
}
add('blank-origin', 'PUT, preflight with Access-Control-Allow-Origin " "', {
  request: { target: 'api', method: 'PUT' },
  server: { preflight: { headers: { 'Access-Control-Allow-Origin': ' ', 'Access-Control-Allow-Methods': 'PUT' } } },
});

// Cross-Origin-Resource-Policy on a redirect's own answer (fetch/cross-origin-resource-policy), fetch and <img>.
add('corp-redirect', 'no-cors api -> api2, the redirect says CORP same-origin', { request: { target: 'api', mode: 'no-cors' }, server: { redirects: [{ to: 'api2', headers: { 'Cross-Origin-Resource-Policy': 'same-origin' } }] } });
for (const [hop, final] of [[null, 'cross-origin'], ['cross-origin', 'cross-origin']] as const) {
  add('corp-redirect', `require-corp page, img api -> partner, CORP on the redirect ${hop}, on the answer ${final}`, {
    pageHeaders: COEP('require-corp'), request: { api: 'img', target: 'api' },
    server: { redirects: [{ to: 'partner', ...(hop ? { headers: { 'Cross-Origin-Resource-Policy': hop } } : {}) }], actual: { headers: { 'Cross-Origin-Resource-Policy': final } } },
  });
}
for (const hop of ['same-origin', 'same-site']) {
  add('corp-redirect', `img api -> api2, the redirect says CORP ${hop}`, { request: { api: 'img', target: 'api' }, server: { redirects: [{ to: 'api2', headers: { 'Cross-Origin-Resource-Policy': hop } }] } });
}

// fetch/api/redirect/redirect-method: which methods a redirect from the page's own origin to api keeps, and the preflight there.
const sameOriginStart: Array<[string, 'omit' | 'include', string | null, Record<string, string>]> = [
  ['PUT', 'omit', 'PUT', {}], ['POST', 'omit', null, { 'X-Custom': '1' }], ['PUT', 'omit', null, {}], ['GET', 'omit', null, { 'X-Custom': '1' }],
  ['DELETE', 'include', 'DELETE', {}], ['DELETE', 'omit', 'DELETE', {}], ['DELETE', 'omit', null, {}], ['PUT', 'include', 'PUT', {}],
];
for (const [method, credentials, allowMethod, headers] of sameOriginStart) {
  const allow: Record<string, string> = { ...(allowMethod ? { 'Access-Control-Allow-Methods': allowMethod } : {}), ...(headers['X-Custom'] ? { 'Access-Control-Allow-Headers': 'x-custom' } : {}) };
  const creds: Record<string, string> = credentials === 'include' ? { 'Access-Control-Allow-Credentials': 'true' } : {};
  add('same-origin-start', `${method} ${JSON.stringify(headers)}, credentials ${credentials}, app -307-> api, preflight allows ${allowMethod ?? 'no method'}`, {
    request: { target: 'app', method, credentials, headers, ...(['GET', 'DELETE'].includes(method) ? {} : { body: 'x' }) },
    server: { preflight: { headers: { ...ACAO_PAGE, ...creds, ...allow } }, redirects: [{ status: 307, to: 'api' }], actual: { headers: { ...ACAO_PAGE, ...creds } } },
  });
}
add('same-origin-start', 'PUT, app -307-> app -307-> api', {
  request: { target: 'app', method: 'PUT', body: 'x' },
  server: { preflight: { headers: { ...ACAO_PAGE, 'Access-Control-Allow-Methods': 'PUT' } }, redirects: [{ status: 307, to: 'app' }, { status: 307, to: 'api' }], actual: { headers: ACAO_PAGE } },
});
add('same-origin-start', 'XHR PUT, app -307-> api, the preflight refuses', {
  request: { api: 'xhr', target: 'app', method: 'PUT', body: 'x' },
  server: { preflight: { headers: ACAO_PAGE }, redirects: [{ status: 307, to: 'api' }], actual: { headers: ACAO_PAGE } },
});
add('same-origin-start', 'PUT, app -307-> api, the preflight has no ACAO', { request: { target: 'app', method: 'PUT', body: 'x' }, server: { redirects: [{ status: 307, to: 'api' }] } });

export const wptThirdCases: readonly ExperimentInput[] = cases;
