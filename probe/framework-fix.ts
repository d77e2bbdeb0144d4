/**
 * A probe's fix (probe-fix.ts) written in the terms of the user's server: plain header lines, the options of
 * Express's `cors`, `@fastify/cors` or `hono/cors`, or nginx's `add_header ... always` with an OPTIONS block.
 * Option names as each package documents them (experiments/model/cors-middleware-options.ts); nginx:
 * https://nginx.org/en/docs/http/ngx_http_headers_module.html#add_header
 * A preflight answered 401/403 or 404/405 is explained in the same terms: auth that runs before CORS, or no
 * OPTIONS route.
 */
import { OPTION_NAMES, optionFor, type OptionHeader } from '../experiments/model/cors-middleware-options.ts';
import { frameworkNote, MIDDLEWARE_OF, type Framework, type FrameworkUsed } from './framework.ts';
import type { CorsNeeds, FixResponse, ProbeChange, ProbeFix } from './probe-fix.ts';

export interface FrameworkFix {
  used: FrameworkUsed;
  /** Lines before the code: the guess, what the preflight's status means, which options change. */
  intro: string[];
  /** The import the code needs, as printed ('' when none). */
  setup: string;
  /** The code (or nginx configuration) to put in the server, exactly as printed; '' for plain headers. */
  code: string;
  /** Plain header lines, and why no header change alone helps, when so. */
  lines: string[];
}

const WHERE: Record<FixResponse, string> = { preflight: 'OPTIONS (preflight)', actual: 'actual answer' };

const SETUP: Record<Framework, string> = {
  headers: '',
  express: "import cors from 'cors';",
  fastify: "import cors from '@fastify/cors';",
  hono: "import { cors } from 'hono/cors';",
  nginx: '',
};

/** A preflight never carries cookies or Authorization, so auth in front of it always refuses it. */
const AUTH_FIRST: Record<Framework, string> = {
  headers: 'Answer OPTIONS before the auth check, with 204 and the headers below.',
  express:
    'Mount cors before your auth middleware: app.use(cors(...)) first, then app.use(auth); ' +
    'cors answers the preflight and ends it.',
  fastify:
    'Register @fastify/cors before your auth hook (its onRequest hook answers the preflight, but an auth hook added ' +
    "earlier runs first), or skip auth when request.method === 'OPTIONS'.",
  hono:
    'Put the app.use(..., cors(...)) line before your auth middleware: ' +
    'hono/cors answers OPTIONS with 204 without calling next().',
  nginx:
    'Put the if ($request_method = OPTIONS) block below at the top of the location: its return runs in the rewrite ' +
    'phase, before auth_basic and auth_request (the access phase).',
};

const NO_ROUTE: Record<Framework, string> = {
  headers: 'Add an OPTIONS route for this URL, answering 204 with the headers below.',
  express:
    'app.use(cors(...)) answers OPTIONS on every path it is mounted on ' +
    '(a cors() given to app.get or app.post only does not).',
  fastify:
    '@fastify/cors adds a wildcard OPTIONS route (its preflight option, true by default): ' +
    'register it in the scope of this route.',
  hono: 'app.use(path, cors(...)) answers OPTIONS itself: mount it with app.use on a path that covers this URL.',
  nginx: 'The if ($request_method = OPTIONS) block below answers the preflight itself.',
};

/** What a preflight's status says about the server, in the framework's terms; null for an ok or other status. */
export function preflightStatusAdvice(status: number | null, framework: Framework): string | null {
  // https://fetch.spec.whatwg.org/#cors-preflight-fetch: sent without credentials, it needs an ok status.
  if (status === 401 || status === 403) {
    return (
      `The preflight got ${status}: an auth layer answers OPTIONS before CORS does. ` +
      'A preflight never carries cookies ' +
      `or an Authorization header (https://fetch.spec.whatwg.org/#cors-preflight-fetch), so it cannot pass auth: ` +
      `let OPTIONS through unauthenticated. ${AUTH_FIRST[framework]}`
    );
  }
  if (status !== null && status >= 300 && status <= 399) {
    // https://fetch.spec.whatwg.org/#cors-preflight-fetch: a preflight's response must not be a redirect.
    return (
      `The preflight got ${status}: something redirects OPTIONS (a login redirect, a trailing-slash rule), and a ` +
      'preflight may not be redirected: answer OPTIONS at this URL itself, before whatever redirects it' +
      (framework === 'headers' || framework === 'nginx' ? '.' : ' (mount the CORS middleware before it).')
    );
  }
  if (status === 404 || status === 405) {
    const what = `The preflight got ${status}: nothing answers OPTIONS at this URL (no OPTIONS route).`;
    return `${what} ${NO_ROUTE[framework]}`;
  }
  return null;
}

function headerLine(change: ProbeChange): string {
  const where = WHERE[change.response];
  const unseen = change.seen ? '' : ' (not reached, so unchecked: send it there too)';
  if (change.status !== undefined) {
    return `${where}: status ${change.status}${change.seen ? ` (instead of ${change.sent})` : unseen}`;
  }
  if (change.value == null) return `${where}: remove ${change.header}`;
  const several = (change.reflectFrom?.length ?? 0) > 1;
  const value = several ? `the request's Origin, when it is one of ${change.reflectFrom?.join(', ')}` : change.value;
  const instead = change.seen && change.sent !== null ? ` (instead of ${change.sent})` : '';
  return `${where}: ${change.header}: ${value}${instead}${unseen}`;
}

const quoted = (value: string): string => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const list = (values: readonly string[]): string => `[${values.map(quoted).join(', ')}]`;

/** Whether the fix allows any origin (`*`, possible only without credentials) rather than origins by name. */
function allowsAnyOrigin(fix: ProbeFix): boolean {
  const star = fix.changes.some((c) => c.header?.toLowerCase() === 'access-control-allow-origin' && c.value === '*');
  return star && !fix.needs.credentials;
}

const originOption = (fix: ProbeFix): string => (allowsAnyOrigin(fix) ? quoted('*') : list(fix.needs.origins));

/** The options object of a JavaScript middleware, one option a line; only options that matter to these requests. */
function jsOptions(fix: ProbeFix, names: Record<OptionHeader, string>): string {
  const n: CorsNeeds = fix.needs;
  const option = (header: OptionHeader) => names[header];
  const lines = [`${option('access-control-allow-origin')}: ${originOption(fix)},`];
  if (n.credentials) lines.push(`${option('access-control-allow-credentials')}: true,`);
  if (n.preflight && n.methods.length) lines.push(`${option('access-control-allow-methods')}: ${list(n.methods)},`);
  if (n.preflight && n.headers.length) lines.push(`${option('access-control-allow-headers')}: ${list(n.headers)},`);
  if (n.exposed.length) lines.push(`${option('access-control-expose-headers')}: ${list(n.exposed)},`);
  if (n.maxAge !== null) lines.push(`${option('access-control-max-age')}: ${n.maxAge},`);
  return `{\n${lines.map((l) => `  ${l}`).join('\n')}\n}`;
}

/** hono's app.use path: the URL's first path segment and below, or every path. */
function honoPath(url: string): string {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  if (segments.length === 0) return '*';
  return segments.length === 1 ? `/${segments[0]}` : `/${segments[0]}/*`;
}

/** nginx expands `$name` inside a string: a name from the server that holds `$` is left out of its configuration. */
const nginxSafe = (values: readonly string[]): string[] => values.filter((v) => !v.includes('$'));

function nginxConfig(fix: ProbeFix, url: string): string {
  const needs = fix.needs;
  const n = { ...needs, methods: nginxSafe(needs.methods), headers: nginxSafe(needs.headers), exposed: nginxSafe(needs.exposed) };
  const any = allowsAnyOrigin(fix);
  const several = n.origins.length > 1 && !any;
  const value = any ? '"*"' : several ? '$cors_origin' : `"${n.origins[0] ?? ''}"`;
  const add = (name: string, v: string) => `add_header ${name} ${v} always;`;
  const both = [add('Access-Control-Allow-Origin', value)];
  if (n.credentials) both.push(add('Access-Control-Allow-Credentials', '"true"'));
  if (!any) both.push(add('Vary', '"Origin"'));
  const options = [...both];
  if (n.methods.length) options.push(add('Access-Control-Allow-Methods', `"${n.methods.join(', ')}"`));
  if (n.headers.length) options.push(add('Access-Control-Allow-Headers', `"${n.headers.join(', ')}"`));
  if (n.maxAge !== null) options.push(add('Access-Control-Max-Age', `"${n.maxAge}"`));
  const actual = [...both];
  if (n.exposed.length) actual.push(add('Access-Control-Expose-Headers', `"${n.exposed.join(', ')}"`));
  const map = several
    ? [
        '# in the http block: $cors_origin is the request\'s Origin when it is allowed, else empty (no header sent)',
        'map $http_origin $cors_origin {',
        '    default "";',
        ...n.origins.map((o) => `    "${o}" $http_origin;`),
        '}',
        '',
      ]
    : [];
  return [
    ...map,
    `location ${new URL(url).pathname} {`,
    '    # add_header in an if block replaces the ones outside it, so the preflight gets its own set',
    '    if ($request_method = OPTIONS) {',
    ...options.map((l) => `        ${l}`),
    '        return 204;',
    '    }',
    ...actual.map((l) => `    ${l}`),
    '    # if the app behind proxy_pass sends CORS headers too, drop them:',
    '    # proxy_hide_header Access-Control-Allow-Origin;',
    '    # ... your proxy_pass or root, as before',
    '}',
  ].join('\n');
}

function code(fix: ProbeFix, framework: Framework, url: string): string {
  switch (framework) {
    case 'headers':
      return '';
    case 'express':
      return `app.use(cors(${jsOptions(fix, OPTION_NAMES[MIDDLEWARE_OF.express])}));`;
    case 'fastify':
      return `await fastify.register(cors, ${jsOptions(fix, OPTION_NAMES[MIDDLEWARE_OF.fastify])});`;
    case 'hono':
      return `app.use(${quoted(honoPath(url))}, cors(${jsOptions(fix, OPTION_NAMES[MIDDLEWARE_OF.hono])}));`;
    case 'nginx':
      return nginxConfig(fix, url);
  }
}

/** Which of the framework's options the fix changes (from the header changes). */
function changedOptions(fix: ProbeFix, framework: Exclude<Framework, 'headers' | 'nginx'>): string[] {
  const middleware = MIDDLEWARE_OF[framework];
  const options = fix.changes.map((c) => (c.header === undefined ? undefined : optionFor(middleware, c.header)));
  return [...new Set(options.filter((o): o is string => o !== undefined))];
}

const LABEL: Record<Framework, string> = {
  headers: 'headers',
  express: 'Express cors',
  fastify: '@fastify/cors',
  hono: 'hono/cors',
  nginx: 'nginx',
};

/** The fix in the framework's terms; null when there is nothing to change and nothing to say. */
export function frameworkFix(fix: ProbeFix, used: FrameworkUsed, url: string): FrameworkFix | null {
  const framework = used.name;
  const advice = preflightStatusAdvice(fix.preflightStatus, framework);
  const impossible = fix.impossible.map((why) => `No header change alone: ${why}`);
  if (fix.changes.length === 0 && advice === null) {
    return impossible.length ? { used, intro: [], setup: '', code: '', lines: impossible } : null;
  }
  const intro = [frameworkNote(used), advice].filter((l): l is string => l !== null);
  if (framework === 'headers') {
    return { used, intro, setup: '', code: '', lines: [...fix.changes.map(headerLine), ...impossible] };
  }
  if (framework !== 'nginx') {
    const changed = changedOptions(fix, framework);
    const which = changed.length ? ` (changed: ${changed.join(', ')})` : '';
    intro.push(`${LABEL[framework]}: these options allow these requests and keep what your server allows now${which}.`);
  } else {
    intro.push('nginx: the CORS headers of this location (they replace what it sends now).');
  }
  return { used, intro, setup: SETUP[framework], code: code(fix, framework, url), lines: impossible };
}

/** The fix as printed: intro, import, code, lines. */
export function frameworkFixText(fix: FrameworkFix): string {
  return [...fix.intro, fix.setup, fix.code, ...fix.lines].filter((part) => part !== '').join('\n');
}
