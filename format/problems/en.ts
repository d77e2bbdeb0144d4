/** The checks' messages in English: what the CLI, the library and the servers print, word for word. */
import type { BaseMessages } from './problem-messages.ts';

const q = (value: string): string => JSON.stringify(value);
/** "a", "a and b", "a, b and c". */
const listed = (items: readonly string[]): string => (items.length < 3 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const FIELD_HINTS = {
  crossorigin: ": an element's mode and credentials come from its crossorigin attribute",
  fetchOnly: ': the lab sets it on fetch() only (an element\'s referrerpolicy attribute is not in the format)',
} as const;
const LINEAR = 'origin patterns run on a linear-time engine (RE2), so no Origin can stall the lab';

export const en = {
  emptyHeaderName: () => 'empty header name',
  headerName: ({ name }) => `invalid header name ${q(name)}: a name is a token (letters, digits and !#$%&'*+-.^_\`|~)`,
  headerValueLine: ({ value }) => `invalid header value ${q(value)}: CR and LF are not allowed`,
  headerValueBytes: ({ value }) => `invalid header value ${q(value)}: only tab, printable ASCII and bytes 0x80-0xFF are allowed`,
  framingHeader: ({ name, framing }) =>
    `${name} is framing: the server sets it from the body and the request (a planned one could desynchronise a keep-alive connection, one response swallowing the next), so plans may not send ${framing.join(', ')}`,
  pathStart: () => 'a path starts with "/"',
  pathAscii: ({ path }) => `invalid path ${q(path)}: only visible ASCII (percent-encode spaces, control and non-ASCII characters)`,
  pathFragment: ({ path }) => `invalid path ${q(path)}: no "#" (a fragment never reaches the server)`,
  userinfo: ({ userinfo }) => `invalid userinfo ${q(userinfo)}: "user" or "user:pass" in visible ASCII without "@", "/", "?", "#"`,
  unknownOriginToken: ({ name, known }) => `{origin:${name}}: unknown origin ${q(name)}; known: ${known.join(', ')}`,
  latin1Body: () => 'a body may hold only characters up to U+00FF (latin1); encode anything else',
  nullBody: ({ status }) => `a ${status} response has no body (https://httpwg.org/specs/rfc9110.html#status.${status})`,
  unknownOrigin: ({ origin, known, orNull }) => `unknown origin ${q(origin)}; known: ${known.join(', ')}${orNull ? ', or "null" for a sandboxed page' : ''}`,
  method: ({ method }) => `invalid method ${q(method)}: a method is a token`,
  statusWhole: () => 'status is a whole number',
  statusRange: ({ min, max }) => `status must be ${min}-${max}`,
  requestPath: () => 'path starts with "/" and holds no spaces or "#"',
  tooManyRedirects: ({ max }) => `at most ${max} redirects (Fetch gives up after ${max})`,
  engineReason: ({ engine, reason }) => `unknown ${engine} reason ${q(reason)}: use a name of the ${engine} reasons table (README)`,
  reason: ({ reason }) => `unknown reason ${q(reason)}: use a Chromium Network.CorsError name, a Network.BlockedReason, or a net:: error text`,
  headerNameToken: () => 'a header name is a token',
  xhrMode: () => 'XMLHttpRequest always uses mode "cors"',
  xhrRedirect: () => 'XMLHttpRequest always follows redirects',
  bodyWithGet: () => 'a GET or HEAD request cannot have a body',
  crossoriginNotElement: ({ api }) => `crossorigin is an attribute of img, script and stylesheet elements, not of ${api}`,
  pageHeaderName: ({ name, allowed }) => `${q(name)} cannot be a page header: the lab's page takes only ${allowed.join(', ')}`,
  formMethod: ({ method, allowed }) => `a form submits with ${allowed.join(' or ')}, not ${q(method)}`,
  formEnctype: ({ value, allowed }) => `a form's Content-Type is its enctype: one of ${allowed.join(', ')}, not ${q(value)}`,
  beaconMethod: ({ method }) => `sendBeacon always sends POST, not ${q(method)}: leave method out or write "POST"`,
  sendingHeader: ({ api, name }) => `a ${api} cannot send ${q(name)}: its only request header is Content-Type`,
  sendingRedirects: ({ api }) => `the lab does not model redirects of a ${api}: remove server.redirects`,
  formNullPage: () => 'a sandboxed ("null") page may not submit forms or open popups: use a named page',
  pageHeaderSize: ({ max }) => `a page header value holds at most ${max} characters`,
  fieldApi: ({ field, apis, api, hint }) => `${field} applies to ${listed(apis)}, not to ${api}${hint ? FIELD_HINTS[hint] : ''}`,
  frameBody: () => "a framed target is the lab's own page: say what it does in server.actual.page, not with a body",
  noopenerFramed: () => 'noopener applies to a popup: api "window-open", or "postMessage" with via "window-open"; this postMessage goes to a frame (via "iframe", the default)',
  targetOrigin: ({ value }) => `targetOrigin is "*", "/" or an origin such as {page} or {origin:api}, not ${q(value)}`,
  acceptedOrigins: ({ max }) => `acceptMessagesFrom is "*" or a list of at most ${max} origins ({page}, {origin:NAME} or http(s)://host:port)`,
  bodyBase64: () => 'bodyBase64 is standard base64 (A-Z, a-z, 0-9, +, / and = padding)',
  bodyBase64Size: ({ max }) => `bodyBase64 decodes to at most ${max} bytes (the plan travels in the URL)`,
  acceptOriginsCount: ({ max }) => `acceptOrigins lists at most ${max} origins`,
  socketRequestField: ({ api, field }) => `${api} cannot set ${field}: new ${api === 'websocket' ? 'WebSocket' : 'EventSource'}(url) sends a GET with the browser's own headers`,
  bodyAndBodyBase64: () => 'give body or bodyBase64, not both',
  regexSyntax: ({ pattern, message }) => `invalid regular expression ${pattern}: ${message}`,
  regexFlag: ({ pattern, flag }) =>
    flag === 'v'
      ? `${pattern}: flag v (set notation) is not supported; ${LINEAR}`
      : `${pattern}: flag ${flag} makes RegExp#test remember lastIndex, so a real server would answer one request one way and the next another; drop it`,
  regexBackreference: ({ pattern, construct }) =>
    `${pattern}: ${construct} is a backreference (or a legacy octal escape), which needs backtracking; ${LINEAR}`,
  regexLookaround: ({ pattern, construct }) => `${pattern}: ${construct} is lookaround, which needs backtracking; ${LINEAR}`,
  regexModifiers: ({ pattern, construct }) => `${pattern}: ${construct} modifier groups are not supported; use the flags after the last /`,
  regexUnicodeProperty: ({ pattern, construct }) => `${pattern}: ${construct} is a Unicode property; an origin is ASCII, so use a class such as [a-z0-9-]`,
  regexNonAscii: ({ pattern, construct }) => `${pattern}: ${q(construct)} is not ASCII; a serialized origin is ASCII (Punycode hosts), so write the host as the browser sends it`,
  regexSize: ({ pattern, max }) =>
    `${pattern}: the plan's patterns hold more than ${max} characters and classes (counts expanded: a{100} is 100); compiling them would slow every request that carries the plan`,
  regexRepeat: ({ pattern, max }) => `${pattern}: a repetition count (nested counts multiplied) above ${max}; ${LINEAR}, which allows up to ${max}`,
  wrongType: ({ expected }) => `expected ${expected}`,
  oneOf: ({ values }) => `one of ${values.join(', ')}`,
  emptyFile: () => 'no experiments: the file holds an empty array',
  notAnObject: () => 'an experiment is a JSON object',
  duplicateId: ({ id, source }) => `duplicate id ${q(id)} (also in ${source})`,
  unknownFields: ({ keys }) => `unknown field${keys.length > 1 ? 's' : ''} ${keys.map(q).join(', ')}`,
  expected: ({ field, want, got }) => `observed.${field}: expected ${want}, got ${got}`,
  expectedReadable: ({ name }) => `observed.readableHeaders: expected ${q(name)} to be readable, it was not`,
  expectedHidden: ({ name }) => `observed.readableHeaders: expected ${q(name)} to be hidden, it was readable`,
  predicted: ({ field, want, got }) => `predicted.${field}: predicted ${want}, observed ${got}`,
  journalEvicted: (p) =>
    'expiredAfter' in p
      ? `this run's journal was evicted: runs are kept for ${p.expiredAfter.minutes} minute${p.expiredAfter.minutes === 1 ? '' : 's'}`
      : `this run's journal was evicted: the journal was full (${'runs' in p.fullOf ? `${p.fullOf.runs} runs` : `${p.fullOf.megabytes} MB`}) and the client that made this run (${p.client}) held the largest share, so its oldest runs made room`,
} satisfies BaseMessages;
