/**
 * Every class `cors-lab scan` reports, in one line each: the rules of its SARIF output, the test cases of its
 * JUnit output and the README's table are all this list. From CORScanner's and Corsy's test lists and
 * PortSwigger's CORS labs (https://portswigger.net/web-security/cors).
 */
import type { FindingId } from './finding.ts';

export const CLASSES: Record<FindingId, string> = {
  'origin-reflected': 'Any Origin is echoed in Access-Control-Allow-Origin.',
  'null-trusted': 'The origin "null" (sandboxed iframes, data: URLs, some redirects) is trusted.',
  'prefix-match': 'Origins that begin with the trusted origin are trusted (startsWith).',
  'suffix-match': 'Origins that end with the trusted domain are trusted (endsWith without the dot).',
  'substring-match': 'Origins contained in the trusted origin are trusted (includes, indexOf).',
  'unescaped-dot': 'A regular expression with an unescaped dot trusts look-alike hosts.',
  'any-subdomain': 'Every subdomain of the trusted domain is trusted.',
  'http-trusted': 'The http:// origin is trusted by an https API.',
  'third-party-trusted': 'An origin on third-party hosting (github.io, jsfiddle.net, ...) is trusted.',
  'parser-bypass': 'A special character in the host fools a lenient origin parser.',
  'wildcard-with-credentials': 'Access-Control-Allow-Origin: * is sent with Access-Control-Allow-Credentials: true.',
  'wildcard-on-authenticated': 'Access-Control-Allow-Origin: * is sent on a response to a request with credentials.',
  'invalid-allow-origin': 'Access-Control-Allow-Origin holds a value no browser accepts (a list, a path, two lines).',
  'fixed-third-party-origin': 'Access-Control-Allow-Origin always names an origin on third-party hosting.',
  'missing-vary-origin': 'Access-Control-Allow-Origin depends on the Origin but the response has no Vary: Origin.',
  'request-headers-reflected': 'Access-Control-Request-Headers is echoed in Access-Control-Allow-Headers.',
  'request-method-reflected': 'Access-Control-Request-Method is echoed in Access-Control-Allow-Methods.',
};

export const CLASS_IDS = Object.keys(CLASSES) as FindingId[];
