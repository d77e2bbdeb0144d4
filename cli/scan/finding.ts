/** A finding of `cors-lab scan`, what it is made from, and how bad each is. */
import type { Answer, SentRequest } from './send.ts';
import type { Probe, TrustCheck } from './probes.ts';

/** Classes seen in the answer to one request, whatever its Origin, and in preflights. */
export const OTHER_CHECKS = [
  'wildcard-with-credentials',
  'wildcard-on-authenticated',
  'invalid-allow-origin',
  'fixed-third-party-origin',
  'missing-vary-origin',
  'request-headers-reflected',
  'request-method-reflected',
] as const;
export type FindingId = TrustCheck | (typeof OTHER_CHECKS)[number];

/**
 * What makes a class exploitable (see the README's table): high when a hostile origin reads responses with
 * the user's credentials (Access-Control-Allow-Credentials: true on the actual response); medium when it
 * may send credentialed requests it could not send otherwise (a preflight lets it through) but not read
 * the answer; low when it reads only what it could fetch itself (no credentials: it matters only for an
 * API reachable from the victim's network alone), or for a setting one step from a read; info for hardening
 * that gives an attacker nothing while the allowed origins are right (every header or method allowed to them):
 * reported, but not a misconfiguration (it does not change the exit code).
 */
export type Severity = 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['high', 'medium', 'low', 'info'];

/** The findings that are misconfigurations: all but the info notes. */
export const misconfigurations = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.severity !== 'info');

export interface Finding {
  id: FindingId;
  severity: Severity;
  title: string;
  /** The Origin sent. */
  origin: string;
  /** The request that showed the finding, as `scan --prove` replays it. */
  request: SentRequest;
  evidence: { request: string[]; response: string[] };
  fix: string;
}

/** Why the scan sent a request: the actual request, its preflight, or one of the extra checks. */
export type Purpose = 'request' | 'preflight' | 'without-credentials' | 'headers-reflection' | 'method-reflection';

export interface Observation {
  probe: Probe;
  purpose: Purpose;
  answer: Answer;
}

/** The header name and the method the reflection preflights ask for: no server allows them on purpose. */
export const REFLECTION_PROBE = { header: 'x-cors-lab-probe', method: 'CORSLABPROBE' } as const;

export const evidenceOf = (answer: Answer): Finding['evidence'] => ({
  request: answer.requestLines,
  response: answer.response ?? [],
});

/**
 * The request as written to a file (--json, --sarif): the cookie's and the Authorization header's values
 * become "..." (names kept), so a report kept as a CI artifact holds no session. In memory, `scan --prove`
 * gets them whole.
 */
export function redactedRequest(request: SentRequest): SentRequest {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, /^authorization$/i.test(name) ? '...' : value]),
  );
  const cookie = request.cookie
    ?.split('; ')
    .map((pair) => `${pair.split('=')[0]}=...`)
    .join('; ');
  return { ...request, headers, ...(cookie === undefined ? {} : { cookie }) };
}

/** A report's findings as written to a file: requests redacted. */
export const redactedFinding = (finding: Finding): Finding => ({
  ...finding,
  request: redactedRequest(finding.request),
});
