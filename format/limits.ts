/**
 * The format's upper bounds, every one defined here: every list and string an experiment's author controls,
 * so that a file, an editor's draft or a shared link cannot make the lab do unbounded work (check, predict and
 * draw thousands of steps, frame hundreds of pages, send megabyte headers). Generous: the catalog's largest
 * values are a small fraction of each (format/limits.test.ts says how small). The schema (schema.ts and the
 * modules it uses) checks them, the share link (client/share/experiment-link.ts) refuses an over-long `then`
 * before it loads the schema, and README's "Limits" table lists them all (format/limits.test.ts checks the
 * table against FORMAT_LIMITS). Plain code without zod or imports, so the playground's first load can use it.
 */

/** `then` steps of one experiment (the first request is not counted). */
export const MAX_STEPS = 32;
/**
 * Steps (the first request counted) that put a page in a frame or a window: iframe, postMessage, window-open, and
 * form, which submits into a popup of its own (frames.ts's isFrameApi and opensWindow).
 */
export const MAX_FRAME_STEPS = 8;
/**
 * Of those, steps that open a window (frames.ts's opensWindow: window-open, postMessage via window-open, form):
 * windows are heavier.
 */
export const MAX_POPUP_STEPS = 4;
/** Steps that open a WebSocket or an EventSource; the lab keeps at most 64 sockets open for everyone (sockets.ts). */
export const MAX_SOCKET_STEPS = 8;
/**
 * The longest `then[].delayMs`: long enough to outlive `Access-Control-Max-Age: 1` or Chromium's 5 s default,
 * short enough to keep a run quick.
 */
export const MAX_STEP_DELAY_MS = 6000;
/** All `then[].delayMs` of one experiment together: five times the longest one step may wait. */
export const MAX_TOTAL_DELAY_MS = 5 * MAX_STEP_DELAY_MS;

/** Lines of one header map (a name with an array of values is one line a value), request or response. */
export const MAX_HEADER_LINES = 32;
/** Characters of one header name. */
export const MAX_HEADER_NAME = 256;
/**
 * Characters of one header value, and of the strings that stand for one: `expect.originSeen`,
 * `expect.requestHeadersSeen`, and an origin (`acceptOrigins`, `acceptMessagesFrom`, `targetOrigin`).
 */
export const MAX_HEADER_VALUE = 4096;
/**
 * `Set-Cookie` lines of one planned answer (Chromium keeps 180 cookies a domain; a run needs one or two). The
 * servers also bound their bytes once `{page}` and the other tokens are expanded (plan/cookie-scope.ts).
 */
export const MAX_COOKIES_PER_RESPONSE = 8;
/** Lines of `pageHeaders` (a name may be written in several cases, each a line). */
export const MAX_PAGE_HEADER_LINES = 8;
/** The longest value of one page header line: a policy, not a payload. */
export const MAX_PAGE_HEADER_VALUE = 512;
/** Entries of a list of names: `expect.readableHeaders`, `hiddenHeaders`, a middleware's methods and headers. */
export const MAX_NAME_LIST = 32;
/**
 * Entries of a middleware's `origin` list: an allowlist as a real server keeps one (their patterns are bounded
 * together as well, origin-pattern.ts). The plan travels in the URL, which bounds what the servers take anyway.
 */
export const MAX_MIDDLEWARE_ORIGINS = 512;

/**
 * The most characters and classes, counts expanded (`a{1000}` is 1000), that all the `/regular expression/`
 * origins of one plan may hold (origin-pattern.ts). Compiling costs time in proportion (some microseconds
 * each), paid by every request that carries the plan: this bound keeps that small and the same on every run.
 * 300 origin patterns of 30 fit.
 */
export const MAX_PATTERN_SIZE = 10_000;

/** Characters of `title` and of a step's `title`. */
export const MAX_TITLE = 300;
/** Characters of `explain`. */
export const MAX_EXPLAIN = 4000;
/** Characters of `id` and `group`. */
export const MAX_ID = 100;
/** Characters of a method. */
export const MAX_METHOD = 32;
/** Characters of a request path, a redirect's path or its userinfo (both go into the Location URL). */
export const MAX_PATH = 2048;
/** Characters of the body the page sends (`request.body`). */
export const MAX_REQUEST_BODY = 8192;
/**
 * The most bytes `bodyBase64` may decode to: an icon or a script, not a download. The plan travels in the
 * request URL (plan/plan-url.ts), base64 twice over, and Node takes at most 16 KiB of request head.
 */
export const MAX_BODY_BASE64_BYTES = 4096;
/** Characters of a planned answer's `body`: like `bodyBase64`, it travels in the request URL (plan/plan-url.ts). */
export const MAX_ANSWER_BODY = MAX_BODY_BASE64_BYTES;

/** Fetch's redirect limit: "If request's redirect count is 20, return a network error".
 * https://fetch.spec.whatwg.org/#http-redirect-fetch */
export const MAX_REDIRECTS = 20;
/** The most origins one plan's `server.acceptOrigins` may list (plan/origin-check.ts): a list, not a database. */
export const MAX_ACCEPT_ORIGINS = 16;
/** The most origins one `server.websocket.acceptOrigins` may list: a policy, not a payload. */
export const MAX_SOCKET_ACCEPT_ORIGINS = 8;
/** The most origins `server.actual.page.acceptMessagesFrom` may list (frames.ts): a policy, not a payload. */
export const MAX_ACCEPTED_ORIGINS = 8;

/** What a limit counts, for its message (problems/en.ts and zh-CN.ts say each unit in words). */
export type LimitUnit =
  'steps' | 'frameSteps' | 'popupSteps' | 'socketSteps' | 'lines' | 'cookies' | 'entries' | 'delay';

/** One row of README's "Limits" table. */
export interface FormatLimit {
  /** The field or fields, as README writes them. */
  fields: string;
  max: number;
  /** What is counted, in README's words. */
  counted: string;
}

/** Every bound of the format, in README's order: format/limits.test.ts checks README's table against it. */
export const FORMAT_LIMITS: readonly FormatLimit[] = [
  { fields: 'then', max: MAX_STEPS, counted: 'steps' },
  {
    fields: 'request.api iframe, postMessage, window-open, form', max: MAX_FRAME_STEPS,
    counted: 'steps, the first request counted',
  },
  { fields: 'request.api window-open, postMessage via window-open, form', max: MAX_POPUP_STEPS, counted: 'steps' },
  { fields: 'request.api websocket, eventsource', max: MAX_SOCKET_STEPS, counted: 'steps' },
  { fields: 'then[].delayMs', max: MAX_STEP_DELAY_MS, counted: 'milliseconds a step' },
  { fields: 'then[].delayMs, all steps', max: MAX_TOTAL_DELAY_MS, counted: 'milliseconds together' },
  { fields: 'headers (request, then, preflight, actual, redirects)', max: MAX_HEADER_LINES, counted: 'lines a map' },
  { fields: 'a header name', max: MAX_HEADER_NAME, counted: 'characters' },
  {
    fields: 'a header value, expect.originSeen, expect.requestHeadersSeen, '
      + 'an origin in acceptOrigins, acceptMessagesFrom or targetOrigin',
    max: MAX_HEADER_VALUE, counted: 'characters',
  },
  { fields: 'Set-Cookie in one answer', max: MAX_COOKIES_PER_RESPONSE, counted: 'lines' },
  { fields: 'pageHeaders', max: MAX_PAGE_HEADER_LINES, counted: 'lines' },
  { fields: 'a pageHeaders value', max: MAX_PAGE_HEADER_VALUE, counted: 'characters' },
  {
    fields: 'expect.readableHeaders, expect.hiddenHeaders, '
      + 'a middleware\'s method and header lists (a string split at commas)',
    max: MAX_NAME_LIST,
    counted: 'entries',
  },
  { fields: 'server.middleware.options.origin', max: MAX_MIDDLEWARE_ORIGINS, counted: 'entries' },
  {
    fields: 'server.middleware.options.origin, its "/regular expressions/" together', max: MAX_PATTERN_SIZE,
    counted: 'characters and classes, counts expanded',
  },
  { fields: 'server.redirects', max: MAX_REDIRECTS, counted: 'redirects' },
  { fields: 'server.acceptOrigins', max: MAX_ACCEPT_ORIGINS, counted: 'origins' },
  { fields: 'server.websocket.acceptOrigins', max: MAX_SOCKET_ACCEPT_ORIGINS, counted: 'origins' },
  { fields: 'server.actual.page.acceptMessagesFrom', max: MAX_ACCEPTED_ORIGINS, counted: 'origins' },
  { fields: 'title, then[].title', max: MAX_TITLE, counted: 'characters' },
  { fields: 'explain', max: MAX_EXPLAIN, counted: 'characters' },
  { fields: 'id, group', max: MAX_ID, counted: 'characters' },
  { fields: 'request.method, then[].request.method', max: MAX_METHOD, counted: 'characters' },
  {
    fields: 'request.path, server.redirects[].path, server.redirects[].userinfo', max: MAX_PATH,
    counted: 'characters',
  },
  { fields: 'request.body, then[].request.body', max: MAX_REQUEST_BODY, counted: 'characters' },
  { fields: 'server.preflight.body, server.actual.body', max: MAX_ANSWER_BODY, counted: 'characters' },
  { fields: 'server.actual.bodyBase64', max: MAX_BODY_BASE64_BYTES, counted: 'bytes decoded' },
];
