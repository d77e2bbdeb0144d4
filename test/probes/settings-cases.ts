/**
 * Agreement cases for the browser settings of format 1.1, in the style of
 * wpt-cases.ts: cookie attributes (after the web-platform-tests `cookies/`
 * samesite, partitioned and secure tables) on same-site and cross-site
 * credentialed fetches under both third-party cookie settings, and Local
 * Network Access from the public page; and the real CORS middleware (hono/cors
 * and the Express package) under a table of options and requests. No expectations: the model must agree
 * with real Chromium (test/e2e/model-agreement.spec.ts).
 */
import { THIRD_PARTY_COOKIES, type ExperimentInput } from '../../format/schema.ts';

const cases: ExperimentInput[] = [];
let n = 0;
const add = (group: string, title: string, rest: Omit<ExperimentInput, 'id' | 'title' | 'group'>): void => {
  cases.push({ id: `probe-${group}-${++n}`, title, group: `probe-${group}`, ...rest });
};

const CREDENTIALED = { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true' };
const ATTRIBUTES = ['', 'SameSite=Lax', 'SameSite=Strict', 'SameSite=None', 'SameSite=None; Secure', 'Secure', 'SameSite=None; Secure; Partitioned', 'Secure; Partitioned', 'SameSite=None; Partitioned', 'SameSite=Lax; Secure; Partitioned'];
for (const thirdPartyCookies of THIRD_PARTY_COOKIES) {
  for (const target of ['api', 'partner'] as const) {
    for (const attributes of ATTRIBUTES) {
      add(`cookie-policy-${thirdPartyCookies}`, `Set-Cookie "c=1; ${attributes}" from ${target}, third-party cookies ${thirdPartyCookies}`, {
        browser: { thirdPartyCookies },
        request: { target, credentials: 'include' },
        server: { actual: { headers: { ...CREDENTIALED, 'Set-Cookie': `c=1; ${attributes}` } } },
        then: [{}],
      });
    }
  }
  add(`cookie-policy-${thirdPartyCookies}`, `a cross-site cookie set without credentials, then sent with them, third-party cookies ${thirdPartyCookies}`, {
    browser: { thirdPartyCookies },
    request: { target: 'partner', credentials: 'same-origin' },
    server: { actual: { headers: { ...CREDENTIALED, 'Set-Cookie': 'c=1; SameSite=None; Secure' } } },
    then: [{ request: { credentials: 'include' } }],
  });
}

const WILDCARD = { 'Access-Control-Allow-Origin': '*' };
for (const localNetworkAccess of ['denied', 'granted'] as const) {
  for (const targetAddressSpace of [undefined, 'loopback', 'local'] as const) {
    for (const method of ['GET', 'PUT'] as const) {
      for (const target of ['api', 'partner'] as const) {
        add(`lna-${localNetworkAccess}`, `public page ${method} to ${target}, targetAddressSpace ${targetAddressSpace ?? 'unset'}, permission ${localNetworkAccess}`, {
          page: 'public',
          browser: { localNetworkAccess },
          request: { target, method, ...(targetAddressSpace ? { targetAddressSpace } : {}) },
          server: { preflight: { headers: { ...WILDCARD, 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: WILDCARD } },
        });
      }
    }
  }
  for (const targetAddressSpace of [undefined, 'loopback', 'local'] as const) {
    for (const method of ['GET', 'PUT'] as const) {
      const request = { method, ...(targetAddressSpace ? { targetAddressSpace } : {}) };
      const server = { preflight: { headers: { ...WILDCARD, 'Access-Control-Allow-Methods': 'PUT' } }, actual: { headers: WILDCARD } };
      add(`lna-${localNetworkAccess}`, `public page ${method} to itself, targetAddressSpace ${targetAddressSpace ?? 'unset'}, permission ${localNetworkAccess}`, { page: 'public', browser: { localNetworkAccess }, request: { target: 'public', ...request }, server });
      add(`lna-${localNetworkAccess}`, `loopback page ${method} to api, targetAddressSpace ${targetAddressSpace ?? 'unset'}, permission ${localNetworkAccess}`, { browser: { localNetworkAccess }, request: { target: 'api', ...request }, server });
    }
  }
}

// The real middleware: options a user might paste, against simple, preflighted and credentialed requests.
const MIDDLEWARE: Array<NonNullable<NonNullable<ExperimentInput['server']>['middleware']>> = [
  { name: 'hono/cors' as const, options: {} },
  { name: 'hono/cors' as const, options: { origin: '{page}', credentials: true } },
  { name: 'hono/cors' as const, options: { origin: ['{origin:partner}'] } },
  { name: 'hono/cors' as const, options: { origin: '*', credentials: true, allowHeaders: ['X-A'], allowMethods: ['PUT'], maxAge: 60 } },
  { name: 'cors' as const, options: {} },
  { name: 'cors' as const, options: { origin: true, credentials: true } },
  { name: 'cors' as const, options: { origin: '/^http:\\/\\/localhost:\\d+$/', credentials: true, allowedHeaders: 'X-A', methods: ['GET', 'PUT'] } },
  { name: 'cors' as const, options: { origin: ['{origin:partner}', '/evil/'], exposedHeaders: ['X-Total'], preflightContinue: true } },
];
const REQUESTS: Array<ExperimentInput['request']> = [
  { target: 'api' as const },
  { target: 'api' as const, credentials: 'include' as const },
  { target: 'api' as const, method: 'PUT', headers: { 'X-A': '1' } },
  { target: 'api' as const, method: 'DELETE', headers: { 'X-B': '1' }, credentials: 'include' as const },
];
for (const middleware of MIDDLEWARE) {
  for (const request of REQUESTS) {
    for (const page of ['app', 'evil'] as const) {
      add('middleware', `${middleware.name} ${JSON.stringify(middleware.options)}: ${request.method ?? 'GET'} from ${page}${request.credentials ? ' with credentials' : ''}`, {
        page,
        request,
        server: { middleware, preflight: { status: 204 }, actual: { headers: { 'X-Total': '1' } } },
      });
    }
  }
}

export const settingsCases: readonly ExperimentInput[] = cases;
