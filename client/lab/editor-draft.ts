/**
 * The editor's draft: every field of an experiment as the text a person
 * types, and the way back to an experiment through the schema. A problem is
 * reported against the field that holds it, so the editor can show it there.
 */
import { msg, str } from '@lit/localize';
import type { Experiment, ExperimentInput } from '../../format/schema.ts';
import { resolveRequest } from '../../format/format-defaults.ts';
import { problemText } from '../../format/problems/index.ts';
import { ExperimentError } from '../../format/experiment-error.ts';
import { takesField } from '../../format/api-fields.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { editedTitle } from './edited-title.ts';
import { headerLineNumber, headersToText, textToHeaders } from './header-text.ts';

export interface Draft {
  page: string;
  api: string;
  target: string;
  method: string;
  path: string;
  mode: string;
  credentials: string;
  redirect: string;
  referrerPolicy: string;
  targetAddressSpace: string;
  /** Format 1.2: the element's crossorigin attribute ('' for none). */
  crossorigin: string;
  /** Format 1.2 frames: postMessage's targetOrigin, where it goes (`via`), and window.open's noopener ('' for none). */
  targetOrigin: string;
  via: string;
  noopener: string;
  requestHeaders: string;
  body: string;
  preflightStatus: string;
  preflightHeaders: string;
  actualStatus: string;
  actualHeaders: string;
  actualBody: string;
  actualBodyBase64: string;
  redirects: string;
  middleware: string;
  /** Format 1.2: `server.websocket` as JSON ('' for none: every handshake refused). */
  websocket: string;
  /** Format 1.2 frames: `server.actual.page`, what the lab's target page does, as JSON ('' for none). */
  targetPage: string;
  browser: string;
  /** Format 1.2: the page's own header lines, `Name: value` a line. */
  pageHeaders: string;
  expect: string;
  then: string;
}

export type DraftField = keyof Draft;
/** Problems by field; `general` holds what belongs to no single field. */
export type DraftProblems = Partial<Record<DraftField | 'general', string[]>>;

const json = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value, null, 1));

export function draftOf(e: Experiment): Draft {
  const r = e.request;
  return {
    page: e.page ?? 'app',
    api: r.api ?? 'fetch',
    target: r.target,
    method: resolveRequest(r).method,
    path: r.path ?? '/',
    mode: r.mode ?? 'cors',
    credentials: r.credentials ?? 'same-origin',
    redirect: r.redirect ?? 'follow',
    referrerPolicy: r.referrerPolicy ?? '',
    targetAddressSpace: r.targetAddressSpace ?? '',
    crossorigin: r.crossorigin ?? '',
    targetOrigin: r.targetOrigin ?? '',
    via: r.via ?? '',
    noopener: r.noopener === undefined ? '' : String(r.noopener),
    requestHeaders: headersToText(r.headers),
    body: r.body ?? '',
    preflightStatus: String(e.server?.preflight?.status ?? 204),
    preflightHeaders: headersToText(e.server?.preflight?.headers),
    actualStatus: String(e.server?.actual?.status ?? 200),
    actualHeaders: headersToText(e.server?.actual?.headers),
    actualBody: e.server?.actual?.body ?? '',
    actualBodyBase64: e.server?.actual?.bodyBase64 ?? '',
    redirects: e.server?.redirects?.length ? json(e.server.redirects) : '',
    middleware: json(e.server?.middleware),
    // One line: a one-line field.
    websocket: e.server?.websocket === undefined ? '' : JSON.stringify(e.server.websocket),
    targetPage: e.server?.actual?.page === undefined ? '' : JSON.stringify(e.server.actual.page),
    browser: json(e.browser),
    pageHeaders: headersToText(e.pageHeaders),
    expect: json(e.expect),
    then: e.then?.length ? json(e.then) : '',
  };
}

/** Which field holds a schema path such as `server.actual.headers["X Bad"]`. */
const FIELD_OF_PATH: ReadonlyArray<[RegExp, DraftField]> = [
  [/^page\b/, 'page'],
  [/^request\.api\b/, 'api'],
  [/^request\.target\b/, 'target'],
  [/^request\.method\b/, 'method'],
  [/^request\.path\b/, 'path'],
  [/^request\.mode\b/, 'mode'],
  [/^request\.credentials\b/, 'credentials'],
  [/^request\.redirect\b/, 'redirect'],
  [/^request\.referrerPolicy\b/, 'referrerPolicy'],
  [/^request\.targetAddressSpace\b/, 'targetAddressSpace'],
  [/^request\.crossorigin\b/, 'crossorigin'],
  [/^request\.targetOrigin\b/, 'targetOrigin'],
  [/^request\.via\b/, 'via'],
  [/^request\.noopener\b/, 'noopener'],
  [/^request\.headers\b/, 'requestHeaders'],
  [/^request\.body\b/, 'body'],
  [/^server\.preflight\.status\b/, 'preflightStatus'],
  [/^server\.preflight\b/, 'preflightHeaders'],
  [/^server\.actual\.status\b/, 'actualStatus'],
  [/^server\.actual\.bodyBase64\b/, 'actualBodyBase64'],
  [/^server\.actual\.body\b/, 'actualBody'],
  [/^server\.actual\.page\b/, 'targetPage'],
  [/^server\.actual\b/, 'actualHeaders'],
  [/^server\.redirects\b/, 'redirects'],
  [/^server\.middleware\b/, 'middleware'],
  [/^server\.websocket\b/, 'websocket'],
  [/^browser\b/, 'browser'],
  [/^pageHeaders\b/, 'pageHeaders'],
  [/^expect\b/, 'expect'],
  [/^then\b/, 'then'],
];

export function fieldOfPath(path: string): DraftField | 'general' {
  return FIELD_OF_PATH.find(([pattern]) => pattern.test(path))?.[1] ?? 'general';
}

function add(problems: DraftProblems, field: DraftField | 'general', message: string): void {
  (problems[field] ??= []).push(message);
}

function parseJson(text: string, field: DraftField, shape: string, problems: DraftProblems): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    // The parser's own words stay as the engine gives them.
    const detail = error instanceof SyntaxError ? error.message : String(error);
    add(problems, field, msg(str`not valid JSON (${shape}): ${detail}`, { id: 'editor.problem.json' }));
    return undefined;
  }
}

const SOURCE = 'editor';

const HEADER_FIELDS: ReadonlyArray<DraftField | 'general'> = ['requestHeaders', 'preflightHeaders', 'actualHeaders', 'pageHeaders'];

/**
 * The line of a header text a schema path such as `request.headers["X Bad"]`
 * or `server.actual.headers.Vary[1]` (or `pageHeaders["Set-Cookie"]`) points at, so the problem names it.
 */
function headerLineOfPath(text: string, path: string): number | null {
  const match = /(?:\.headers|^pageHeaders)(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])/.exec(path);
  if (!match) return null;
  const name = match[1] ?? (JSON.parse(match[2] ?? '""') as string);
  return headerLineNumber(text, name);
}

/**
 * Whether an experiment's title is the one the editor writes from its setup
 * (so the next edit writes it again), rather than a title its author chose.
 */
function hasEditedTitle(e: Experiment): boolean {
  return e.title === editedTitle(draftOf(e));
}

/** `{ [field]: value }` where the api takes the field or the value is not its default; else nothing. */
function stated<K extends 'method' | 'mode' | 'credentials' | 'redirect', V extends string>(api: string, field: K, value: V, byDefault: string): Partial<Record<K, V>> {
  return takesField(api, field) || value.toUpperCase() !== byDefault.toUpperCase() ? ({ [field]: value } as Record<K, V>) : {};
}

/**
 * The experiment the draft describes, or the problems by field. An edited
 * catalog experiment becomes a custom one (`custom-<id>`) titled from its
 * setup; the catalog's prose is left behind, as it describes the original
 * (the prediction explains the edited one from the model's own checks).
 * A custom experiment keeps its author's title and prose. The schema (zod) downloads with the
 * first edit, not with the playground.
 */
export async function experimentFromDraft(d: Draft, source: Experiment): Promise<{ experiment?: Experiment; problems: DraftProblems }> {
  const problems: DraftProblems = {};
  const headers = {
    requestHeaders: textToHeaders(d.requestHeaders), preflightHeaders: textToHeaders(d.preflightHeaders), actualHeaders: textToHeaders(d.actualHeaders),
    pageHeaders: textToHeaders(d.pageHeaders),
  };
  for (const [field, parsed] of Object.entries(headers) as Array<[DraftField, ReturnType<typeof textToHeaders>]>) {
    for (const message of parsed.problems) add(problems, field, message);
  }
  const redirects = parseJson(d.redirects, 'redirects', msg('an array like [{"to": "api2"}]', { id: 'editor.shape.redirects' }), problems);
  const middleware = parseJson(d.middleware, 'middleware', msg('an object like {"name": "hono/cors", "options": {"origin": "{page}"}}', { id: 'editor.shape.middleware' }), problems);
  const websocket = parseJson(d.websocket, 'websocket', msg('"any", or an object like {"acceptOrigins": ["{page}"]}', { id: 'editor.shape.websocket' }), problems);
  const targetPageShape = msg('an object like {"acceptMessagesFrom": ["{page}"]}', { id: 'editor.shape.target-page' });
  const targetPage = parseJson(d.targetPage, 'targetPage', targetPageShape, problems);
  const browser = parseJson(d.browser, 'browser', msg('an object like {"thirdPartyCookies": "allowed"}', { id: 'editor.shape.browser' }), problems);
  const expect = parseJson(d.expect, 'expect', msg('an object like {"outcome": "allowed"}', { id: 'editor.shape.expect' }), problems);
  const then = parseJson(d.then, 'then', msg('an array like [{"request": {"method": "GET"}}]', { id: 'editor.shape.then' }), problems);
  if (Object.keys(problems).length) return { problems };
  const custom = source.group === 'custom';
  // The CSRF Origin check has no input in the editor yet: kept from the experiment being edited.
  const carriedOrigins = source.server?.acceptOrigins === undefined ? {} : { acceptOrigins: source.server.acceptOrigins };
  const input: ExperimentInput = {
    id: custom ? source.id : `custom-${source.id}`.slice(0, 80),
    title: custom && !hasEditedTitle(source) ? source.title : editedTitle(d),
    group: 'custom',
    ...(custom && source.explain ? { explain: source.explain } : {}),
    page: d.page as ExperimentInput['page'],
    request: {
      api: d.api as 'fetch',
      target: d.target as 'api',
      // A field the api does not take is written only when it says more than the default, so the schema names it
      // (format/request-fields.ts): an image experiment keeps no fetch options it never had.
      ...stated(d.api, 'method', d.method, 'GET'),
      path: d.path,
      ...stated(d.api, 'mode', d.mode as 'cors', 'cors'),
      ...stated(d.api, 'credentials', d.credentials as 'omit', 'same-origin'),
      ...stated(d.api, 'redirect', d.redirect as 'follow', 'follow'),
      ...(d.referrerPolicy ? { referrerPolicy: d.referrerPolicy as 'origin' } : {}),
      ...(d.targetAddressSpace ? { targetAddressSpace: d.targetAddressSpace as 'loopback' } : {}),
      ...(d.crossorigin ? { crossorigin: d.crossorigin as 'anonymous' } : {}),
      ...(d.targetOrigin ? { targetOrigin: d.targetOrigin } : {}),
      ...(d.via ? { via: d.via as 'iframe' } : {}),
      ...(d.noopener ? { noopener: d.noopener === 'true' } : {}),
      ...(takesField(d.api, 'headers') || Object.keys(headers.requestHeaders.headers).length > 0
        ? { headers: headers.requestHeaders.headers } : {}),
      ...(takesField(d.api, 'body') || d.body !== '' ? { body: d.body === '' ? null : d.body } : {}),
    },
    server: {
      preflight: { status: Number(d.preflightStatus), headers: headers.preflightHeaders.headers },
      actual: {
        status: Number(d.actualStatus), headers: headers.actualHeaders.headers, ...(d.actualBody ? { body: d.actualBody } : {}),
        ...(d.actualBodyBase64 ? { bodyBase64: d.actualBodyBase64 } : {}),
        ...(targetPage === undefined ? {} : { page: targetPage as object }),
      },
      ...carriedOrigins,
      ...(redirects === undefined ? {} : { redirects: redirects as [] }),
      ...(middleware === undefined ? {} : { middleware: middleware as { name: 'hono/cors' } }),
      ...(websocket === undefined ? {} : { websocket: websocket as 'any' }),
    },
    ...(browser === undefined ? {} : { browser: browser as object }),
    // A page header holds one line: a repeated name's lines are refused by the schema, named by field.
    ...(Object.keys(headers.pageHeaders.headers).length ? { pageHeaders: headers.pageHeaders.headers as Record<string, string> } : {}),
    ...(expect === undefined ? {} : { expect: expect as object }),
    ...(then === undefined ? {} : { then: then as [] }),
  };
  const { validateExperiments } = await import('../../format/validate.ts');
  try {
    return { experiment: validateExperiments(input, SOURCE)[0], problems };
  } catch (error) {
    if (!(error instanceof ExperimentError)) throw error;
    // The field path stays as written; the words follow the reader's language where the check gave its problem as data.
    const lang = currentLanguage();
    for (const { path, problem, text } of error.found) {
      const field = fieldOfPath(path);
      const words = problem ? problemText(problem, lang) : text;
      const line = HEADER_FIELDS.includes(field) ? headerLineOfPath(d[field as DraftField], path) : null;
      add(problems, field, line === null ? `${path}: ${words}` : msg(str`${path} (line ${line}): ${words}`, { id: 'editor.problem.at-line' }));
    }
    return { problems };
  }
}
