/**
 * Checks on every answer the scan received, whatever Origin it sent: what the
 * CORS headers say on their own. The CORS check compares
 * Access-Control-Allow-Origin byte for byte with the request's serialized
 * origin, "*" or "null" (https://fetch.spec.whatwg.org/#cors-check), so any
 * other value is refused by every browser.
 */
import { evidenceOf, type Finding, type Observation } from './finding.ts';
import { onThirdPartyHosting } from './third-party-hosting.ts';

/** Vary is a list of field names, or "*" (https://httpwg.org/specs/rfc9110.html#field.vary). */
const variesOnOrigin = (vary: string | null): boolean =>
  (vary ?? '').split(',').some((name) => ['origin', '*'].includes(name.trim().toLowerCase()));

/** Why an Access-Control-Allow-Origin value can never pass the CORS check, or null when it can. */
export function invalidAllowOrigin(value: string, lines: number): string | null {
  if (lines > 1)
    return `${lines} Access-Control-Allow-Origin header lines (a browser reads them as one list, and refuses it)`;
  if (value === '*' || value === 'null') return null;
  if (value.includes(',') || /\s/.test(value))
    return 'a list of origins (the header holds exactly one origin, "*" or "null")';
  if (!URL.canParse(value) || new URL(value).origin === 'null') return 'not an origin';
  const serialized = new URL(value).origin;
  return serialized === value
    ? null
    : `not a serialized origin (a browser compares it with "${serialized}" byte for byte)`;
}

function finding(observation: Observation, fields: Pick<Finding, 'id' | 'severity' | 'title' | 'fix'>): Finding {
  const { answer, probe } = observation;
  return { ...fields, origin: probe.origin, request: answer.request, evidence: evidenceOf(answer) };
}

function wildcardWithCredentials(observations: readonly Observation[]): Finding[] {
  const wildcard = observations.find((o) => o.answer.allowOrigin === '*' && o.answer.allowCredentials === 'true');
  if (!wildcard) return [];
  return [
    finding(wildcard, {
      id: 'wildcard-with-credentials',
      severity: 'low',
      title: 'Access-Control-Allow-Origin: * together with Access-Control-Allow-Credentials: true',
      fix: 'Browsers refuse this pair for credentialed requests (https://fetch.spec.whatwg.org/#cors-check), ' +
        'so it only shows that credentials were meant for everyone. Send the exact allowed origin with ' +
          'credentials, or drop Access-Control-Allow-Credentials.',
    }),
  ];
}

/**
 * `*` is right for a public resource, not for one that needs the user's credentials: the answer to a request
 * that carried a cookie or an Authorization header came with `*`. The credentials themselves cannot be sent
 * with `*`, so no page reads it today; but the API declares private data public, and the usual "fix" when
 * credentialed calls then fail is to reflect the Origin.
 */
function wildcardOnAuthenticated(observations: readonly Observation[]): Finding[] {
  const authenticated = observations.find(
    (o) => o.purpose === 'request' && o.answer.request.credentials && o.answer.allowOrigin === '*',
  );
  if (!authenticated) return [];
  const anonymous = observations.find((o) => o.purpose === 'without-credentials');
  const refused = anonymous?.answer.status === 401 || anonymous?.answer.status === 403;
  const why = refused ? `, which answered ${anonymous!.answer.status} without them` : '';
  return [
    finding(authenticated, {
      id: 'wildcard-on-authenticated',
      severity: 'low',
      title: `Access-Control-Allow-Origin: * on a response to a request with credentials${why}`,
      fix: 'Answer authenticated requests with the exact trusted origin, Access-Control-Allow-Credentials: ' +
        'true and Vary: Origin; keep * for public resources only.',
    }),
  ];
}

function invalidValues(observations: readonly Observation[]): Finding[] {
  for (const observation of observations) {
    const { allowOrigin, allowOriginLines } = observation.answer;
    const why = allowOrigin === null ? null : invalidAllowOrigin(allowOrigin, allowOriginLines);
    if (why === null) continue;
    return [
      finding(observation, {
        id: 'invalid-allow-origin',
        severity: 'low',
        title: `Access-Control-Allow-Origin is ${why}`,
        fix: 'Send one Access-Control-Allow-Origin line holding the request\'s origin exactly as the browser ' +
          'serializes it (scheme://host[:port], no path, no trailing slash), or "*".',
      }),
    ];
  }
  return [];
}

/**
 * A fixed Access-Control-Allow-Origin (not the Origin sent) naming third-party hosting: whoever publishes there reads.
 */
export function fixedThirdParty(
  observations: readonly Observation[],
  added: readonly string[],
): Observation | undefined {
  return observations.find(({ answer, probe }) => {
    const value = answer.allowOrigin;
    return value !== null && value !== probe.origin && onThirdPartyHosting(value, added);
  });
}

function fixedThirdPartyFindings(observations: readonly Observation[], added: readonly string[]): Finding[] {
  const fixed = fixedThirdParty(observations, added);
  if (!fixed) return [];
  const credentials = fixed.answer.allowCredentials === 'true';
  return [
    finding(fixed, {
      id: 'fixed-third-party-origin',
      severity: credentials ? 'high' : 'low',
      title: `Access-Control-Allow-Origin names ${fixed.answer.allowOrigin}, on third-party hosting, ` +
        `${credentials ? 'with' : 'without'} credentials`,
      fix: `Name only origins you control: script on ${fixed.answer.allowOrigin} is whoever publishes there.`,
    }),
  ];
}

/**
 * Access-Control-Allow-Origin depends on the Origin when two requests got different values; then caches must key on
 * it.
 */
function missingVary(observations: readonly Observation[]): Finding[] {
  const answered = observations.filter((o) => o.purpose === 'request' && o.answer.response);
  const dynamic = new Set(answered.map((o) => o.answer.allowOrigin)).size > 1;
  const unvaried = answered.find(
    (o) => o.answer.allowOrigin !== null && o.answer.allowOrigin !== '*' && !variesOnOrigin(o.answer.vary),
  );
  if (!dynamic || !unvaried) return [];
  return [
    finding(unvaried, {
      id: 'missing-vary-origin',
      severity: 'low',
      title: 'Access-Control-Allow-Origin depends on the Origin, but the response has no Vary: Origin',
      fix: "Add Vary: Origin to every response whose Access-Control-Allow-Origin depends on the request, so a " +
        "cache does not serve one origin's answer to another " +
          "(https://fetch.spec.whatwg.org/#cors-protocol-and-http-caches).",
    }),
  ];
}

export function passiveFindings(observations: readonly Observation[], added: readonly string[]): Finding[] {
  return [
    ...wildcardWithCredentials(observations),
    ...wildcardOnAuthenticated(observations),
    ...invalidValues(observations),
    ...fixedThirdPartyFindings(observations, added),
    ...missingVary(observations),
  ];
}
