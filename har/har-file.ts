/**
 * A HAR 1.2 file, as Chrome DevTools saves it (Network, "Save all as HAR") and as Playwright's
 * `recordHar` writes it: the fields `cors-lab explain` reads, checked, each problem named by its
 * JSON path. http://www.softwareishard.com/blog/har-12-spec/
 */

export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  /** Its place in `log.entries`, for messages. */
  index: number;
  pageref: string | null;
  /** Playwright's: the frame that made the request. */
  frameref: string | null;
  /** DevTools' and Playwright's resource type: document, fetch, xhr, preflight, script... */
  resourceType: string | null;
  request: { method: string; url: string; headers: HarHeader[]; cookieCount: number };
  /** Status 0 (DevTools) or -1 (Playwright) when no response was recorded. */
  response: { status: number; headers: HarHeader[] };
  /** Why the request failed: DevTools' `_error`, Playwright's `_failureText`. */
  failure: string | null;
}

export interface HarPage {
  id: string;
  /** DevTools writes the page's URL here; Playwright its document title. */
  title: string;
}

export interface Har {
  pages: HarPage[];
  entries: HarEntry[];
}

/** The file is not a HAR `cors-lab explain` can read; `path` is the JSON path of the first problem. */
export class HarError extends Error {
  override readonly name = 'HarError';
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(path ? `${path}: ${problem}` : problem);
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function objectAt(value: unknown, path: string): Json {
  if (!isObject(value)) throw new HarError(path, 'expected an object (not a HAR 1.2 file?)');
  return value;
}

function arrayAt(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new HarError(path, 'expected an array (not a HAR 1.2 file?)');
  return value;
}

function stringAt(value: unknown, path: string): string {
  if (typeof value !== 'string') throw new HarError(path, 'expected a string');
  return value;
}

function numberAt(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new HarError(path, 'expected a number');
  return value;
}

const optionalString = (value: unknown, path: string): string | null =>
  value === undefined || value === null ? null : stringAt(value, path);

function headersAt(value: unknown, path: string): HarHeader[] {
  return arrayAt(value, path).map((header, i) => {
    const at = objectAt(header, `${path}[${i}]`);
    return { name: stringAt(at['name'], `${path}[${i}].name`), value: stringAt(at['value'], `${path}[${i}].value`) };
  });
}

function entryAt(value: unknown, index: number): HarEntry {
  const path = `log.entries[${index}]`;
  const entry = objectAt(value, path);
  const request = objectAt(entry['request'], `${path}.request`);
  const response = objectAt(entry['response'], `${path}.response`);
  const cookies = request['cookies'] === undefined ? [] : arrayAt(request['cookies'], `${path}.request.cookies`);
  return {
    index,
    pageref: optionalString(entry['pageref'], `${path}.pageref`),
    frameref: optionalString(entry['_frameref'], `${path}._frameref`),
    resourceType: optionalString(entry['_resourceType'], `${path}._resourceType`),
    request: {
      method: stringAt(request['method'], `${path}.request.method`),
      url: stringAt(request['url'], `${path}.request.url`),
      headers: headersAt(request['headers'], `${path}.request.headers`),
      cookieCount: cookies.length,
    },
    response: {
      status: numberAt(response['status'], `${path}.response.status`),
      headers: headersAt(response['headers'], `${path}.response.headers`),
    },
    failure:
      optionalString(entry['_error'], `${path}._error`) ??
      optionalString(response['_failureText'], `${path}.response._failureText`),
  };
}

/** Parses and checks a HAR's text; a HarError names the JSON path of what is wrong. */
export function parseHar(text: string): Har {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new HarError('', `not JSON: ${(error as Error).message}`);
  }
  const log = objectAt(objectAt(json, '')['log'], 'log');
  const pages = log['pages'] === undefined ? [] : arrayAt(log['pages'], 'log.pages');
  return {
    pages: pages.map((page, i) => {
      const at = objectAt(page, `log.pages[${i}]`);
      return {
        id: stringAt(at['id'], `log.pages[${i}].id`),
        title: optionalString(at['title'], `log.pages[${i}].title`) ?? '',
      };
    }),
    entries: arrayAt(log['entries'], 'log.entries').map(entryAt),
  };
}
