/**
 * What Simplified Chinese text in cors-lab may and may not say: the team's
 * glossary (summed up in the README, "Language", **In Chinese**) as checks.
 * One module for the Vitest checks of the text tables (client, model,
 * problems, catalog, lessons, facilitator guide) and for the Playwright walk of a Chinese page, so both hold the same rule.
 *
 * English on a Chinese page is allowed only for names of things a reader
 * types or the browser shows: header names, code, URLs, reason names
 * (CorsError and BlockedReason names), HTTP methods, origin names, the
 * browser's own console lines, product names and JSON field names.
 */
import { ORIGIN_NAMES } from '../origin-names.ts';
import { BLOCKED_REASONS, CORS_ERRORS } from '../reasons.ts';

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

export const PRODUCT_NAMES = [
  'Chromium', 'Chrome', 'Firefox', 'Safari', 'WebKit', 'DevTools', 'Express', 'Fastify', 'Hono', 'nginx', 'Node.js',
  'cors-lab', 'Playwright', 'MDN', 'JavaScript', 'Spectre', 'Service Worker', 'Wi-Fi', 'sslip.io', 'nip.io',
  'macOS', 'iOS', 'Linux', 'Avahi', 'Windows', 'Android', 'dnsmasq', 'unbound', 'Vite', 'Lit', 'npm', 'npx', 'curl',
  'Node', 'Stack Overflow', 'Postman', 'webpack', 'Angular', 'Web', 'Promise',
  // Standards, named as their documents are: the Fetch standard, the feature Chromium ships.
  'Fetch', 'Local Network Access', 'Private Network Access',
] as const;

/** Header names of one word (the hyphenated ones are recognised by their shape). */
const ONE_WORD_HEADERS = [
  'Origin', 'Vary', 'Cookie', 'Location', 'Authorization', 'Host', 'Referer', 'Accept', 'Range', 'Expires', 'Pragma',
  'Link', 'Date', 'Allow', 'Connection', 'Upgrade', 'Trailer',
];

/** Cookie attributes and the values of fetch()'s and the lab's JSON fields: code, named as a reader writes them. */
const CODE_WORDS = [
  'SameSite', 'Secure', 'Partitioned', 'HttpOnly', 'Strict', 'Lax', 'None', 'Path', 'Domain',
  'fetch', 'null', 'true', 'false', 'mode', 'credentials', 'include', 'omit', 'cors', 'navigate', 'redirect',
  'follow', 'manual', 'error', 'onerror', 'onload', 'ftp', 'http', 'https', 'ok', 'localhost', 'status', 'then', 'xhr',
  'XMLHttpRequest', 'iframe', 'img', 'script', 'link', 'Name: value', 'id', 'userinfo', 'latin1', 'body',
  'loopback', 'local', 'private', // the address spaces of Local Network Access, as targetAddressSpace names them
  'token', // the grammar production of HTTP field names (RFC 9110 section 5.6.2)
  // Format 1.2: the embedding elements, their attribute and its values, the canvas (HTML names them so)
  'crossorigin', 'anonymous', 'stylesheet', 'canvas', 'base64', 'credentialless',
  // Format 1.2: the form and beacon APIs as the format names them, the form's attribute, the Blob a beacon sends
  'form', 'enctype', 'beacon', 'sendBeacon', 'Blob', 'CSRF',
] as const;

/**
 * Lines the browser itself prints or shows (console lines, a permission prompt),
 * quoted as they appear: the learner meets them in English in any language.
 */
export const BROWSER_LINES = [
  'TypeError: Failed to fetch',
  'Access to XMLHttpRequest at ...',
  'Access to fetch at ...',
  '... wants to look for and connect to any device on your local network',
  'Disable cache', // DevTools' Network panel checkbox
  '"local network access"', // the permission's name in Chrome's site settings
  "set the request's mode to 'no-cors'",
  'redirected from',
  'is controlled by the withCredentials attribute',
  'Cross origin requests are only supported for protocol schemes: ..., http, https, ...',
  'Cross-Origin Request Blocked: ... (Reason: ...)', // Firefox's console
  'Script error.', // what onerror says of a muted script error
] as const;

/** Words that stay as they are in every language, beyond the shapes recognised below. */
export const ALLOWED_TERMS: readonly string[] = [
  ...CORS_ERRORS, ...BLOCKED_REASONS, ...ORIGIN_NAMES, ...HTTP_METHODS, ...PRODUCT_NAMES,
  // Header names are case-insensitive; Access-Control-Request-Headers lists those a page sets in lower case.
  ...ONE_WORD_HEADERS, 'authorization', 'cookie', 'accept', 'range',
  ...CODE_WORDS,
];

const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longest first, so `Node.js` goes before `Node` could; never inside a longer Latin word. */
const ALLOWED = new RegExp(
  `(?<![A-Za-z0-9-])(?:${[...ALLOWED_TERMS].sort((a, b) => b.length - a.length).map(escape).join('|')})` +
    '(?![A-Za-z0-9])',
  'g',
);

/**
 * Placeholders of the English catalog and their Chinese: a learner copies the
 * line and replaces the placeholder, so it is read, not typed as it is.
 * catalog-zh.test.ts compares code spans through this table.
 */
export const PLACEHOLDERS_ZH: Readonly<Record<string, string>> = {
  '<the page origin>': '<页面的源>',
  '<page origin>': '<页面的源>',
};

/**
 * A placeholder written in English inside code (`<the page origin>`): prose the
 * learner reads, even between backticks. HTML tags (`<iframe sandbox>`) are code.
 */
const ENGLISH_PLACEHOLDER = /<(?!(?:iframe|img|form|script|a|link|meta|input|style)\b)[A-Za-z]+(?: [A-Za-z]+)+>/g;

/** Shapes that are names, not prose. Each replaced by a space, in this order. */
const NAMES: readonly RegExp[] = [
  /```[^]*?```/g, // a fenced code block
  /`[^`\n]*`/g, // a code span
  /(?:https?|wss?|data|file|chrome):\/\/?[^\s，。；：）」”]*/g, // a URL (ws: and wss: too: a WebSocket's)
  /\b[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:\/\S*)?/g, // a host name, a file name (package.json), an address with a port
  /\bcors-lab [a-z]+/g, // a command of the CLI (cors-lab run)
  /^[ \t]*[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+: [^\n]*$/gm, // a header line, name and value (Keep-Alive: timeout=5)
  /\{[^{}\u4e00-\u9fff]*\}/g, // a JSON object or a plan token ({origin:api2}, {"outcome": "blocked"})
  // a media type or a module (application/json, application/x-www-form-urlencoded, hono/cors), before its hyphens
  /\b[a-z]+\/[a-z0-9.+-]+\b/g,
  // a header name, a mode, an experiment id (Access-Control-Allow-Origin, no-cors)
  /\b[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+\b/g,
  /\b[a-z]+[A-Z][A-Za-z0-9]*\b/g, // an identifier in camelCase (withCredentials, grantPermissions)
  /\b[A-Z][a-z0-9]+[A-Z][A-Za-z0-9]*\b/g, // one in PascalCase (XMLHttpRequest, TypeError)
  /\b[A-Z]{2,}[0-9]*s?\b/g, // an abbreviation (CORS, URL, JSON, CSRF)
  /\b[A-Za-z_.]+\([^()\u4e00-\u9fff]*\)/g, // a call (cors(), fetch(url, { mode: 'cors' }))
  /\b0x[0-9A-Fa-f]+\b/g, // a byte in hexadecimal
  /\bU\+[0-9A-F]{4,6}\b/g, // a code point
  /\bnet::[A-Z_]*/g, // a Chromium network error (net::ERR_FAILED)
  /--[a-z][\w-]*/g, // a command-line flag
  /(?<![\w/])\/[\w./-]+/g, // a path (/__lab/origins, /anything)
  /\?[a-z]+=[\w-]*/g, // a query parameter (?lang=xx)
  /\b\d+xx\b/g, // a status class (2xx)
  /\b\w+:\w+@/g, // a URL's user information (user:pass@)
  /\b\d{3}(?: [A-Z][a-z]+)+/g, // a status line's code and phrase (204 No Content)
  /"[\w.:/=&+%-]*"|'[\w.:/=&+%-]*'|“[\w.:/=&+%-]*”/g, // a quoted value ("basic", 'True', “True”, "transfer=100")
  /\b(?:data|about|http|https|ftp|file|blob):(?!\/)/g, // a scheme named alone (data: URL)
];

/**
 * The English words of a Chinese text once the allowed kinds are taken out,
 * in the order they appear: [] when the text keeps to the rule.
 */
export function englishWords(text: string): string[] {
  const placeholders = text.match(ENGLISH_PLACEHOLDER) ?? [];
  let rest = BROWSER_LINES.reduce((t, line) => t.replaceAll(line, ' '), text);
  for (const shape of NAMES) rest = rest.replace(shape, ' ');
  rest = rest.replace(ALLOWED, ' ');
  return [...placeholders, ...(rest.match(/[A-Za-z]{2,}/g) ?? [])];
}

/** One glossary rule: what it finds and what the text should say instead. */
interface GlossaryRule {
  find: RegExp;
  use: string;
}

/**
 * The glossary as patterns over prose (code spans taken out first). 跨域 is
 * allowed only quoted, as the word people search for (Lesson 1 says so once;
 * the callers count it). 阻止 is never used: the verdict is 拦截, and "to
 * prevent" reads 防止 or 挡住, so a learner never meets two words for one
 * verdict. 允许 stays for what a header permits, never for the verdict.
 */
export const GLOSSARY_RULES: readonly GlossaryRule[] = [
  { find: /跨域资源共享/g, use: 'CORS（跨源资源共享）' },
  { find: /(?<!“)跨域|跨域(?!”)/g, use: '跨源 (跨域 only quoted, as the common imprecise word, in Lesson 1)' },
  { find: /凭证/g, use: '凭据' },
  { find: /阻止/g, use: '拦截 for the verdict; 防止 or 挡住 for "to prevent"' },
  {
    find: new RegExp(
      [
        '[✔✓]\\s*允许', '“允许”', '结果是\\s*\\*?允许', '允许[、和与或]\\s*“?拦截', '拦截”?[、和与或]\\s*“?允许', '\\d\\s*个允许',
        '浏览器允许', '^允许(?:$|：)', '(?:请求就?|都)会被允许', '不会被允许',
      ].join('|'),
      'gm',
    ),
    use: '放行 (the verdict)',
  },
  { find: /\p{Script=Han}[:,;!?()]/gu, use: 'full-width punctuation after a Han character: ：，；！？（）' },
  { find: /\(\s*\p{Script=Han}/gu, use: 'a full-width （ before Chinese text' },
  { find: /^#+ .*\p{Script=Han}.*:\s*$/gmu, use: 'a heading ends with a full-width ：' },
];

/** Every place a Chinese text breaks the glossary or its punctuation, one line each: [] when it keeps to them. */
export function glossaryProblems(text: string): string[] {
  const prose = text.replace(/```[^]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  return GLOSSARY_RULES.flatMap(({ find, use }) =>
    [...prose.matchAll(find)].map((m) => `"${m[0]}" in "${around(prose, m.index)}": use ${use}`),
  );
}

/**
 * A heading (or a legend, a summary) in Chinese: an ASCII colon after Chinese
 * text or after a number in it (实验 1: …) is the half-width mark the glossary
 * rules out; header lines inside it (`Access-Control-Allow-Methods: *`) stay.
 */
export function headingProblems(text: string): string[] {
  if (!/\p{Script=Han}/u.test(text)) return [];
  const colons = [...text.matchAll(/[\p{Script=Han}\d]\s*:(?=\s|$)/gu)];
  return colons.map((m) => `"${m[0]}" in the heading "${text.trim()}": use a full-width ：`);
}

/** A few characters either side of a match, so a message points at the place. */
function around(text: string, index: number): string {
  return text.slice(Math.max(0, index - 12), index + 14).replace(/\s+/g, ' ').trim();
}
