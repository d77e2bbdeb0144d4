/**
 * Firefox's reasons for a blocked CORS request, under the names MDN gives them
 * (https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors). Firefox never
 * names a reason to the page (it sees "TypeError: NetworkError when attempting to fetch
 * resource."); it prints one console line per blocked request:
 *   Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource
 *   at URL. (Reason: WORDS). Status code: N.
 * The words come from Firefox's dom/locales/en-US/chrome/security/security.properties (the
 * `CORS*` strings); each pattern below matches the words of one reason.
 */

/** One Firefox reason: MDN's name, and the words of its console line (`%` stands for a value Firefox fills in). */
export interface FirefoxReasonEntry {
  name: FirefoxReason;
  words: string;
}

export const FIREFOX_REASONS = [
  'CORSDisabled',
  'CORSDidNotSucceed',
  'CORSOriginHeaderNotAdded',
  'CORSExternalRedirectNotAllowed',
  'CORSRequestNotHttp',
  'CORSMissingAllowOrigin',
  'CORSAllowOriginNotMatchingOrigin',
  'CORSNotSupportingCredentials',
  'CORSMethodNotFound',
  // MDN's page for this reason is spelled so, with a capital I (its URL and its name in MDN's list).
  'CORSMIssingAllowCredentials',
  'CORSPreflightDidNotSucceed',
  'CORSInvalidAllowMethod',
  'CORSInvalidAllowHeader',
  'CORSMissingAllowHeaderFromPreflight',
  'CORSMultipleAllowOriginNotAllowed',
] as const;
export type FirefoxReason = (typeof FIREFOX_REASONS)[number];

/** The words in "(Reason: ...)" per reason, in the console's typographic quotes (‘ ’). */
export const FIREFOX_REASON_TABLE: readonly FirefoxReasonEntry[] = [
  { name: 'CORSDisabled', words: 'CORS disabled' },
  { name: 'CORSDidNotSucceed', words: 'CORS request did not succeed' },
  { name: 'CORSOriginHeaderNotAdded', words: 'CORS header ‘Origin’ cannot be added' },
  { name: 'CORSExternalRedirectNotAllowed', words: 'CORS request external redirect not allowed' },
  { name: 'CORSRequestNotHttp', words: 'CORS request not HTTP' },
  { name: 'CORSMissingAllowOrigin', words: 'CORS header ‘Access-Control-Allow-Origin’ missing' },
  { name: 'CORSAllowOriginNotMatchingOrigin', words: 'CORS header ‘Access-Control-Allow-Origin’ does not match ‘%’' },
  {
    name: 'CORSNotSupportingCredentials',
    words: 'Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’',
  },
  { name: 'CORSMethodNotFound', words: 'Did not find method in CORS header ‘Access-Control-Allow-Methods’' },
  { name: 'CORSMIssingAllowCredentials', words: 'expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’' },
  { name: 'CORSPreflightDidNotSucceed', words: 'CORS preflight response did not succeed' },
  { name: 'CORSInvalidAllowMethod', words: 'invalid token ‘%’ in CORS header ‘Access-Control-Allow-Methods’' },
  { name: 'CORSInvalidAllowHeader', words: 'invalid token ‘%’ in CORS header ‘Access-Control-Allow-Headers’' },
  {
    name: 'CORSMissingAllowHeaderFromPreflight',
    words: 'header ‘%’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response',
  },
  {
    name: 'CORSMultipleAllowOriginNotAllowed',
    words: 'Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed',
  },
];

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Each reason's words as a pattern anchored at "(Reason: " and its closing ")". */
const PATTERNS = FIREFOX_REASON_TABLE.map(({ name, words }) => ({
  name,
  pattern: new RegExp(`\\(Reason: ${words.split('%').map(escape).join('.*?')}\\)`),
}));

/** The line starts so; the URL follows "remote resource at " and ends at ". (Reason:". */
const BLOCKED = 'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at';
/** The URL follows "at ", in ‘quotes’ for some reasons (CORSNotSupportingCredentials), and ends at ". (Reason:". */
const BLOCKED_LINE = new RegExp(`^${escape(BLOCKED)} ‘?(.+?)’?\\. \\(Reason: `);

/** Reasons whose line puts the URL in quotes (measured in Firefox 153). */
const QUOTED_URL: ReadonlySet<FirefoxReason> = new Set(['CORSNotSupportingCredentials']);

/**
 * The line Firefox prints for a blocked request: `value` fills the words' `%`, `status` is the
 * "Status code" Firefox adds for some reasons (the answer's status, or "(null)" with no answer).
 */
export function firefoxConsoleLine(reason: FirefoxReason, url: string, value: string, status: string | null): string {
  const words = FIREFOX_REASON_TABLE.find((entry) => entry.name === reason)?.words.replaceAll('%', value) ?? reason;
  const at = QUOTED_URL.has(reason) ? `‘${url}’` : url;
  return `${BLOCKED} ${at}. (Reason: ${words}).${status === null ? '' : ` Status code: ${status}.`}`;
}

export interface FirefoxConsoleReason {
  reason: FirefoxReason | null;
  /** The URL the line names; the driver attributes the line to a step by it. */
  url: string;
}

/** Reads a Firefox console line; null when it is not a CORS block line. A line with unknown words keeps reason null. */
export function readFirefoxConsole(line: string): FirefoxConsoleReason | null {
  const blocked = BLOCKED_LINE.exec(line);
  if (!blocked?.[1]) return null;
  const match = PATTERNS.find(({ pattern }) => pattern.test(line));
  return { reason: match?.name ?? null, url: blocked[1] };
}

export function isFirefoxReason(value: string): value is FirefoxReason {
  return (FIREFOX_REASONS as readonly string[]).includes(value);
}
