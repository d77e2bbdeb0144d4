/**
 * What the answers to the scan's probes reveal: one finding per
 * misconfiguration class, with its evidence and the fix. A class that a
 * broader one already explains (everything, once any Origin is reflected) is
 * not repeated.
 */
import type { Answer } from './send.ts';
import type { TrustCheck } from './probes.ts';

export type FindingId = TrustCheck | 'wildcard-with-credentials' | 'missing-vary-origin';

/**
 * high: a hostile origin is trusted with credentials (it reads the user's
 * authenticated responses); medium: trusted without credentials (it reads
 * what needs no cookie, e.g. behind a firewall or IP allow-list); low: no
 * read for an attacker today, but a setting one step from it.
 */
export type Severity = 'high' | 'medium' | 'low';

export interface Finding {
  id: FindingId;
  severity: Severity;
  title: string;
  /** The Origin sent, for the classes found by one. */
  origin: string;
  evidence: { request: string[]; response: string[] };
  fix: string;
}

const ALLOW_LIST_FIX = 'Compare the Origin with an explicit list of exact origins (a Set of strings such as "https://app.example.com") and send Access-Control-Allow-Origin only on a match.';

const TRUST_TEXT: Record<TrustCheck, { title: string; fix: (origin: string) => string }> = {
  'origin-reflected': { title: 'Any Origin is reflected in Access-Control-Allow-Origin', fix: () => `Never echo the request's Origin unchecked. ${ALLOW_LIST_FIX}` },
  'null-trusted': {
    title: 'The origin "null" is trusted',
    fix: () => 'Remove "null" from the allowed origins: any page can send Origin: null from a sandboxed iframe or a data: URL.',
  },
  'prefix-match': { title: 'Origins that begin with the trusted origin are trusted', fix: (o) => `Compare whole origins, not with startsWith: ${o} begins with the trusted origin. ${ALLOW_LIST_FIX}` },
  'suffix-match': {
    title: 'Origins that end with the trusted domain are trusted',
    fix: (o) => `Compare whole origins, not with endsWith: anyone can register ${new URL(o).hostname}. To trust subdomains, parse the origin and require the host to equal the domain or end with "." plus the domain.`,
  },
  'substring-match': { title: 'Origins contained in the trusted origin are trusted', fix: (o) => `Check membership in a list, not as a substring of a string: ${o} is part of the trusted origin. ${ALLOW_LIST_FIX}` },
  'unescaped-dot': { title: 'A regular expression with an unescaped dot trusts look-alike domains', fix: (o) => `Escape the dots (\\.) and anchor the expression (^...$), or compare strings: ${new URL(o).hostname} matched.` },
  'any-subdomain': {
    title: 'Any subdomain is trusted',
    fix: () => 'Trust only the subdomains that call this API: script on any other subdomain (an XSS, a taken-over DNS entry) could otherwise read it.',
  },
  'http-trusted': { title: 'The http origin is trusted by an https API', fix: (o) => `Trust only https origins: anyone on the network path can run script on ${o}.` },
  'third-party-trusted': { title: 'An origin on third-party hosting is trusted', fix: (o) => `Trust only your own origins: anyone can publish a page on ${new URL(o).hostname.split('.').slice(1).join('.')}.` },
  'parser-bypass': {
    title: 'A special character in the host fools the origin check',
    fix: (o) => `Parse the Origin with a URL parser and compare the whole serialized origin: ${o} is the attacker's host, not yours.`,
  },
};

/** Classes a broader finding already explains: reflection trusts everything; startsWith trusts the special-character hosts; endsWith trusts subdomains and look-alikes. */
const IMPLIED_BY: Partial<Record<TrustCheck, readonly TrustCheck[]>> = {
  'origin-reflected': ['prefix-match', 'suffix-match', 'substring-match', 'unescaped-dot', 'any-subdomain', 'http-trusted', 'third-party-trusted', 'parser-bypass'],
  'prefix-match': ['parser-bypass'],
  'suffix-match': ['unescaped-dot', 'any-subdomain'],
};

const evidence = (answer: Answer): Finding['evidence'] => ({ request: answer.request, response: answer.response ?? [] });

/** Vary is a list of field names, or "*" (https://httpwg.org/specs/rfc9110.html#field.vary). */
const variesOnOrigin = (vary: string | null): boolean => (vary ?? '').split(',').some((name) => ['origin', '*'].includes(name.trim().toLowerCase()));

export function findingsOf(answers: readonly Answer[]): Finding[] {
  const found = new Map<TrustCheck, Answer>();
  for (const answer of answers) {
    const { check, origin } = answer.probe;
    if (check !== 'baseline' && !found.has(check) && answer.allowOrigin === origin) found.set(check, answer);
  }
  for (const [broad, narrower] of Object.entries(IMPLIED_BY) as Array<[TrustCheck, readonly TrustCheck[]]>) {
    if (found.has(broad)) for (const check of narrower) found.delete(check);
  }
  const findings: Finding[] = [...found].map(([check, answer]) => ({
    id: check,
    severity: answer.allowCredentials === 'true' ? 'high' : 'medium',
    title: TRUST_TEXT[check].title + (answer.allowCredentials === 'true' ? ', with credentials' : ''),
    origin: answer.probe.origin,
    evidence: evidence(answer),
    fix: TRUST_TEXT[check].fix(answer.probe.origin),
  }));

  const wildcard = answers.find((a) => a.allowOrigin === '*' && a.allowCredentials === 'true');
  if (wildcard) {
    findings.push({
      id: 'wildcard-with-credentials',
      severity: 'low',
      title: 'Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true',
      origin: wildcard.probe.origin,
      evidence: evidence(wildcard),
      fix: 'Browsers refuse this pair for credentialed requests (https://fetch.spec.whatwg.org/#cors-check), so it only shows that credentials were meant for everyone. Send the exact allowed origin with credentials, or drop Access-Control-Allow-Credentials.',
    });
  }

  // Access-Control-Allow-Origin depends on the Origin when two requests got different values; then caches must key on it.
  const answered = answers.filter((a) => a.response);
  const dynamic = new Set(answered.map((a) => a.allowOrigin)).size > 1;
  const unvaried = answered.find((a) => a.allowOrigin !== null && a.allowOrigin !== '*' && !variesOnOrigin(a.vary));
  if (dynamic && unvaried) {
    findings.push({
      id: 'missing-vary-origin',
      severity: 'low',
      title: 'Access-Control-Allow-Origin depends on the Origin, but the response has no Vary: Origin',
      origin: unvaried.probe.origin,
      evidence: evidence(unvaried),
      fix: 'Add Vary: Origin to every response whose Access-Control-Allow-Origin depends on the request, so a cache does not serve one origin\'s answer to another (https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches).',
    });
  }
  return findings;
}
