/**
 * Request-side rules: methods, forbidden and CORS-safelisted request headers.
 * https://fetch.spec.whatwg.org/#methods
 * https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 */

/** https://fetch.spec.whatwg.org/#cors-safelisted-method */
export function isSafelistedMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'POST';
}

/** https://fetch.spec.whatwg.org/#forbidden-method */
export function isForbiddenMethod(method: string): boolean {
  return ['CONNECT', 'TRACE', 'TRACK'].includes(method.toUpperCase());
}

/** https://fetch.spec.whatwg.org/#concept-method-normalize */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(upper) ? upper : method;
}

const FORBIDDEN_NAMES = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method', 'connection',
  'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin', 'referer', 'set-cookie',
  'te', 'trailer', 'transfer-encoding', 'upgrade', 'via',
]);

/**
 * https://fetch.spec.whatwg.org/#forbidden-request-header: the page cannot set
 * these; fetch() and XHR drop them silently.
 */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (FORBIDDEN_NAMES.has(lower) || lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  if (['x-http-method', 'x-http-method-override', 'x-method-override'].includes(lower)) {
    return value.split(',').some((m) => isForbiddenMethod(m.trim()));
  }
  return false;
}

/**
 * How an engine's safelist differs from the standard's (engine-rules.ts gives each engine's): absent, Chromium's.
 * `clientHints`: Chromium also safelists the client-hint names (DPR, Width, Save-Data, ...); Firefox and WebKit do
 * not. `highBytesUnsafe`: a byte beyond ASCII is a CORS-unsafe byte (Firefox, whose byte test reads a signed char).
 * `rangeUnitAnyCase`: `Range: BYTES=0-1` is safelisted (WebKit matches the unit case-insensitively).
 */
export interface SafelistRules {
  clientHints?: boolean;
  highBytesUnsafe?: boolean;
  rangeUnitAnyCase?: boolean;
}

/** https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte */
function hasUnsafeByte(value: string, rules: SafelistRules): boolean {
  for (const ch of value) {
    const c = ch.charCodeAt(0);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f || '"():<>?@[\\]{}'.includes(ch)) return true;
    if (c > 0x7f && rules.highBytesUnsafe === true) return true;
  }
  return false;
}

/** Essence of a MIME type, or null when it does not parse. https://mimesniff.spec.whatwg.org/#parse-a-mime-type */
function mimeEssence(value: string): string | null {
  const match = /^[\t\n\r ]*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\/([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[\t\n\r ]*(;.*)?$/s.exec(value);
  return match ? `${match[1]}/${match[2]}`.toLowerCase() : null;
}

/**
 * The client-hint names Chromium safelists beside the standard's, each with the values it takes
 * (services/network/public/cpp/cors/cors.cc). Keyed by lower-case name; no prototype, so only these names match.
 */
const decimal = (value: string): boolean => /^\d+(\.\d+)?$/.test(value);
const whole = (value: string): boolean => /^\d+$/.test(value);
const CLIENT_HINTS: Readonly<Record<string, (value: string) => boolean>> = Object.assign(Object.create(null) as object, {
  'device-memory': decimal,
  dpr: decimal,
  downlink: decimal,
  width: whole,
  'viewport-width': whole,
  rtt: whole,
  ect: (value: string) => ['slow-2g', '2g', '3g', '4g'].includes(value),
  'save-data': (value: string) => value.toLowerCase() === 'on',
  intervention: () => true,
});

const SAFELISTED_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * https://fetch.spec.whatwg.org/#cors-safelisted-request-header, plus the
 * client-hint names Chromium also safelists (a documented deviation).
 */
export function isSafelistedRequestHeader(name: string, value: string, rules: SafelistRules = {}): boolean {
  if (value.length > 128) return false;
  const lower = name.toLowerCase();
  const clientHint = CLIENT_HINTS[lower];
  if (clientHint) return rules.clientHints !== false && clientHint(value);
  switch (lower) {
    case 'accept':
      return !hasUnsafeByte(value, rules);
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value);
    case 'content-type': {
      if (hasUnsafeByte(value, rules)) return false;
      const essence = mimeEssence(value);
      return essence !== null && SAFELISTED_CONTENT_TYPES.includes(essence);
    }
    case 'range':
      // https://fetch.spec.whatwg.org/#simple-range-header-value: one range, start given, no spaces.
      // "bytes" is matched case-sensitively.
      return (rules.rangeUnitAnyCase === true ? /^bytes=\d+-\d*$/i : /^bytes=\d+-\d*$/).test(value) && (() => {
        const [start, end] = value.slice(6).split('-');
        return end === '' || Number(start) <= Number(end);
      })();
    default:
      return false;
  }
}


/** https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header-name */
export function isNoCorsSafelistedName(name: string): boolean {
  return ['accept', 'accept-language', 'content-language', 'content-type'].includes(name.toLowerCase());
}

/**
 * https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names: lower-cased,
 * sorted, deduplicated; if the safelisted values add up to more than 1024
 * bytes, they count as unsafe too.
 */
export function corsUnsafeRequestHeaderNames(headers: ReadonlyArray<[string, string]>, rules: SafelistRules = {}): string[] {
  const unsafe = new Set<string>();
  const potentially = new Set<string>();
  let safelistValueSize = 0;
  for (const [name, value] of headers) {
    if (isSafelistedRequestHeader(name, value, rules)) {
      potentially.add(name.toLowerCase());
      safelistValueSize += value.length;
    } else unsafe.add(name.toLowerCase());
  }
  if (safelistValueSize > 1024) for (const name of potentially) unsafe.add(name);
  return [...unsafe].sort();
}

/**
 * The header list a page's request ends up with: `Headers` semantics
 * (values trimmed, same names combined with ", " in first-seen order),
 * forbidden names dropped, and in no-cors mode only no-CORS-safelisted
 * headers kept. https://fetch.spec.whatwg.org/#headers-class
 */
export function requestHeaderList(lines: ReadonlyArray<[string, string]>, mode: 'cors' | 'no-cors' | 'same-origin'): Array<[string, string]> {
  const combined = new Map<string, [string, string]>();
  for (const [name, raw] of lines) {
    const value = raw.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
    if (isForbiddenRequestHeader(name, value)) continue;
    const key = name.toLowerCase();
    const existing = combined.get(key);
    const next: [string, string] = existing ? [existing[0], `${existing[1]}, ${value}`] : [key, value];
    if (mode === 'no-cors' && !(isNoCorsSafelistedName(key) && isSafelistedRequestHeader(key, next[1]))) continue;
    combined.set(key, next);
  }
  return [...combined.values()];
}
