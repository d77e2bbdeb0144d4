/**
 * What the answers to the scan's probes reveal: one finding per
 * misconfiguration class, with the request that showed it, its evidence and
 * the fix. A class that a broader one already explains (everything, once any
 * Origin is reflected) is not repeated.
 */
import { evidenceOf, REFLECTION_PROBE, type Finding, type Observation, type Severity } from './finding.ts';
import type { TrustCheck } from './probes.ts';
import { fixedThirdParty, passiveFindings } from './passive-checks.ts';

/** The finding's types live in finding.ts (shared with the passive checks); imported from here too, as before. */
export type { Finding, FindingId, Severity } from './finding.ts';

const ALLOW_LIST_FIX =
  'Compare the Origin with an explicit list of exact origins (a Set of strings such as ' +
    '"https://app.example.com") and send Access-Control-Allow-Origin only on a match.';

const TRUST_TEXT: Record<TrustCheck, { title: string; fix: (origin: string) => string }> = {
  'origin-reflected': {
    title: 'Any Origin is reflected in Access-Control-Allow-Origin',
    fix: () => `Never echo the request's Origin unchecked. ${ALLOW_LIST_FIX}`,
  },
  'null-trusted': {
    title: 'The origin "null" is trusted',
    fix: () =>
      'Remove "null" from the allowed origins: any page can send Origin: null from a sandboxed iframe or a data: URL.',
  },
  'prefix-match': {
    title: 'Origins that begin with the trusted origin are trusted',
    fix: (o) => `Compare whole origins, not with startsWith: ${o} begins with the trusted origin. ${ALLOW_LIST_FIX}`,
  },
  'suffix-match': {
    title: 'Origins that end with the trusted domain are trusted',
    fix: (o) =>
      `Compare whole origins, not with endsWith: anyone can register ${new URL(o).hostname}. To trust ` +
        `subdomains, parse the origin and require the host to equal the domain or end with "." plus the domain.`,
  },
  'substring-match': {
    title: 'Origins contained in the trusted origin are trusted',
    fix: (o) =>
      `Check membership in a list, not as a substring of a string: ${o} is part of the trusted origin. ` +
        `${ALLOW_LIST_FIX}`,
  },
  'unescaped-dot': {
    title: 'A regular expression with an unescaped dot trusts look-alike domains',
    fix: (o) =>
      `Escape the dots (\\.) and anchor the expression (^...$), or compare strings: ${new URL(o).hostname} matched.`,
  },
  'any-subdomain': {
    title: 'Any subdomain is trusted',
    fix: () =>
      'Trust only the subdomains that call this API: script on any other subdomain (an XSS, a taken-over DNS ' +
        'entry) could otherwise read it.',
  },
  'http-trusted': {
    title: 'The http origin is trusted by an https API',
    fix: (o) => `Trust only https origins: anyone on the network path can run script on ${o}.`,
  },
  'third-party-trusted': {
    title: 'An origin on third-party hosting is trusted',
    fix: (o) => `Trust only your own origins: anyone can publish a page on ${o}'s hosting.`,
  },
  'parser-bypass': {
    title: 'A special character in the host fools the origin check',
    fix: (o) =>
      `Parse the Origin with a URL parser and compare the whole serialized origin: ${o} is the attacker's ` +
        `host, not yours.`,
  },
};

/**
 * Classes a broader finding already explains: reflection trusts everything; startsWith trusts the special-character
 * hosts; endsWith trusts subdomains and look-alikes.
 */
const IMPLIED_BY: Partial<Record<TrustCheck, readonly TrustCheck[]>> = {
  'origin-reflected': [
    'prefix-match',
    'suffix-match',
    'substring-match',
    'unescaped-dot',
    'any-subdomain',
    'http-trusted',
    'third-party-trusted',
    'parser-bypass',
  ],
  'prefix-match': ['parser-bypass'],
  'suffix-match': ['unescaped-dot', 'any-subdomain'],
};

/** The severity of a hostile origin being trusted: by what the attacker's page can then do (see Severity). */
function trustSeverity(observation: Observation): Severity {
  const credentials = observation.answer.allowCredentials === 'true';
  if (observation.purpose === 'preflight') return credentials ? 'medium' : 'low';
  return credentials ? 'high' : 'low';
}

function trustTitle(check: TrustCheck, observation: Observation): string {
  const credentials = observation.answer.allowCredentials === 'true' ? ', with credentials' : ', without credentials';
  const preflight =
    observation.purpose === 'preflight' ? ' (by the preflight only: it may send the request, not read the answer)' : '';
  return TRUST_TEXT[check].title + credentials + preflight;
}

function trustFindings(observations: readonly Observation[]): Finding[] {
  const found = new Map<TrustCheck, Observation>();
  // An actual response read by the attacker says more than a preflight letting the request through: those first.
  const ordered = [
    ...observations.filter((o) => o.purpose === 'request'),
    ...observations.filter((o) => o.purpose === 'preflight'),
  ];
  for (const observation of ordered) {
    const { check, origin } = observation.probe;
    if (check !== 'baseline' && !found.has(check) && observation.answer.allowOrigin === origin)
      found.set(check, observation);
  }
  for (const [broad, narrower] of Object.entries(IMPLIED_BY) as Array<[TrustCheck, readonly TrustCheck[]]>) {
    if (found.has(broad)) for (const check of narrower) found.delete(check);
  }
  return [...found].map(([check, observation]) => ({
    id: check,
    severity: trustSeverity(observation),
    title: trustTitle(check, observation),
    origin: observation.probe.origin,
    request: observation.answer.request,
    evidence: evidenceOf(observation.answer),
    fix: TRUST_TEXT[check].fix(observation.probe.origin),
  }));
}

/** A comma-separated header value as lower-case names or tokens. */
const listed = (value: string | null): string[] => (value ?? '').split(',').map((item) => item.trim().toLowerCase());

/**
 * Preflights asking for a header and a method no server allows on purpose: allowed, they are echoed
 * (https://fetch.spec.whatwg.org/#http-access-control-request-headers). The echo is what hono/cors and the
 * Express cors package do by default; it reaches only the origins the server trusts, so it is info while
 * those are right, and low beside a hostile origin trusted (every header and method is then the attacker's).
 */
function reflectionFindings(observations: readonly Observation[], hostileTrusted: boolean): Finding[] {
  const severity: Severity = hostileTrusted ? 'low' : 'info';
  const findings: Finding[] = [];
  const headers = observations.find(
    (o) => o.purpose === 'headers-reflection' && listed(o.answer.allowHeaders).includes(REFLECTION_PROBE.header),
  );
  if (headers) {
    findings.push({
      id: 'request-headers-reflected',
      severity,
      title: 'Access-Control-Request-Headers is echoed in Access-Control-Allow-Headers: every header is allowed',
      origin: headers.probe.origin,
      request: headers.answer.request,
      evidence: evidenceOf(headers.answer),
      fix: 'List the headers your API reads (Access-Control-Allow-Headers: Content-Type, Authorization): an ' +
        'echo also allows any header a check relies on being unsendable cross-origin (X-Requested-With, X-CSRF-Token).',
    });
  }
  const method = observations.find(
    (o) =>
      o.purpose === 'method-reflection' &&
      listed(o.answer.allowMethods).includes(REFLECTION_PROBE.method.toLowerCase()),
  );
  if (method) {
    findings.push({
      id: 'request-method-reflected',
      severity,
      title: 'Access-Control-Request-Method is echoed in Access-Control-Allow-Methods: every method is allowed',
      origin: method.probe.origin,
      request: method.answer.request,
      evidence: evidenceOf(method.answer),
      fix: 'List the methods your API has (Access-Control-Allow-Methods: GET, POST): an echo lets a trusted ' +
        'origin send PUT, DELETE or any other method.',
    });
  }
  return findings;
}

export function findingsOf(observations: readonly Observation[], addedThirdParty: readonly string[] = []): Finding[] {
  // A fixed Allow-Origin naming a third-party origin also "trusts" that origin when it is one of the probes: one
  // finding says it.
  const fixed = fixedThirdParty(observations, addedThirdParty)?.answer.allowOrigin;
  const trust = trustFindings(observations).filter((f) => !(f.id === 'third-party-trusted' && f.origin === fixed));
  const reflection = reflectionFindings(observations, trust.length > 0);
  return [...trust, ...reflection, ...passiveFindings(observations, addedThirdParty)];
}
