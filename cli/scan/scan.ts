/**
 * Runs the scan of one URL: for each method, the baseline request from the trusted origin, then every
 * hostile Origin as the actual request and as its preflight, then the reflection preflights; one at a
 * time, to that URL only, within one deadline per URL. The baseline decides whether the scan tested
 * anything at all: an answer that is no CORS answer (an error, a redirect, a 401, a 404, a 5xx, no CORS
 * header) is said so, never called clean.
 */
import { REFLECTION_PROBE, SEVERITIES, type Finding, type Observation, type Purpose } from './finding.ts';
import { findingsOf } from './findings.ts';
import { probesFor, type Probe } from './probes.ts';
import { REQUEST_DEADLINE_MS, SCAN_DEADLINE_MS } from './deadlines.ts';
import { send, type Answer, type SentRequest } from './send.ts';
import { baselineProblem } from './baseline.ts';
import { corsUnsafeRequestHeaderNames } from '../../experiments/model/request-headers.ts';


export interface ScanDeadlines {
  requestMs: number;
  scanMs: number;
}

/** What the user asked for, the same for every URL. */
export interface ScanOptions {
  /** The origin the API is meant to trust; null: the URL's own is assumed, and the report says so. */
  trusted: URL | null;
  /** The methods of the actual requests (default GET). */
  methods: readonly string[];
  /** Headers sent with every actual request (-H), besides Origin and Cookie. */
  headers: Readonly<Record<string, string>>;
  cookie?: string;
  /** Hosting suffixes added to the built-in third-party list (--trusted-third-party). */
  thirdParty: readonly string[];
  deadlines?: ScanDeadlines;
}

export interface ScanReport {
  url: string;
  /** The origin the probes are built from. */
  trustedOrigin: string;
  /** True when no --origin was given and the URL's own origin was assumed trusted. */
  trustedOriginAssumed: boolean;
  methods: string[];
  requests: number;
  /** Why the scan of a method tested nothing ("GET: the baseline got 404 ..."): then no result is "clean". */
  testedNothing: string[];
  /** Probes that got no usable answer (connection reset, deadline, a redirect not followed): they tested nothing. */
  unanswered: Array<{ origin: string; method: string; error: string }>;
  /** Probes not sent because the scan's deadline had passed. */
  notSent: number;
  findings: Finding[];
}

const DEADLINES: ScanDeadlines = { requestMs: REQUEST_DEADLINE_MS, scanMs: SCAN_DEADLINE_MS };

/** Credentials a browser attaches on its own (the cookie) or that the user gave (an Authorization header). */
const AUTHORIZATION = /^authorization$/i;

interface Planned {
  probe: Probe;
  purpose: Purpose;
  request: SentRequest;
}

/** The requests for one method, the baseline first. */
function plan(url: URL, method: string, trusted: URL, options: ScanOptions): Planned[] {
  const headers = { ...options.headers };
  const credentials = options.cookie !== undefined || Object.keys(headers).some((name) => AUTHORIZATION.test(name));
  const cookie = options.cookie === undefined ? {} : { cookie: options.cookie };
  const actual = (probe: Probe): Planned => ({
    probe,
    purpose: 'request',
    request: { url: url.href, method, headers, origin: probe.origin, credentials, ...cookie },
  });
  // A preflight carries no credentials (https://fetch.spec.whatwg.org/#cors-preflight-fetch), and names the headers the
  // request will add.
  const names = corsUnsafeRequestHeaderNames(Object.entries(headers)).join(',');
  const preflight = (probe: Probe, purpose: Purpose, requestMethod: string, requestHeaders: string): Planned => ({
    probe,
    purpose,
    request: {
      url: url.href,
      method: 'OPTIONS',
      headers: {
        'Access-Control-Request-Method': requestMethod,
        ...(requestHeaders ? { 'Access-Control-Request-Headers': requestHeaders } : {}),
      },
      origin: probe.origin,
      credentials: false,
    },
  });
  const probes = probesFor(trusted, options.thirdParty);
  const [baseline, ...hostile] = probes;
  const withoutCredentials: Planned = {
    probe: baseline!,
    purpose: 'without-credentials',
    request: {
      url: url.href,
      method,
      headers: Object.fromEntries(Object.entries(headers).filter(([name]) => !AUTHORIZATION.test(name))),
      origin: baseline!.origin,
      credentials: false,
    },
  };
  return [
    actual(baseline!),
    preflight(baseline!, 'preflight', method, names),
    ...(credentials ? [withoutCredentials] : []),
    ...hostile.flatMap((probe) => [actual(probe), preflight(probe, 'preflight', method, names)]),
    preflight(baseline!, 'headers-reflection', method, [names, REFLECTION_PROBE.header].filter(Boolean).join(',')),
    preflight(baseline!, 'method-reflection', REFLECTION_PROBE.method, names),
  ];
}

/** Why an answer tested nothing, or null when it is a usable answer. */
function unusable(answer: Answer): string | null {
  if (answer.error) return answer.error;
  if (answer.redirect) return `redirected (${answer.redirect.status}) to ${answer.redirect.location}, not followed`;
  return null;
}

function severityRank(finding: Finding): number {
  return SEVERITIES.indexOf(finding.severity);
}

/** One finding per class across the methods: the most severe. */
function merged(findings: Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const finding of [...findings].sort((a, b) => severityRank(a) - severityRank(b)))
    if (!byId.has(finding.id)) byId.set(finding.id, finding);
  return [...byId.values()];
}

export async function scan(url: URL, options: ScanOptions): Promise<ScanReport> {
  const deadlines = options.deadlines ?? DEADLINES;
  const trusted = options.trusted ?? new URL(url.origin);
  const methods = options.methods.length ? [...options.methods] : ['GET'];
  const end = Date.now() + deadlines.scanMs;
  const observations: Observation[] = [];
  const testedNothing: string[] = [];
  let notSent = 0;
  for (const method of methods) {
    const steps = plan(url, method, trusted, options);
    const mine: Observation[] = [];
    for (const [index, step] of steps.entries()) {
      const left = end - Date.now();
      if (left <= 0) {
        notSent += steps.length - index;
        break;
      }
      const answer = await send(step.request, Math.min(deadlines.requestMs, left));
      mine.push({ probe: step.probe, purpose: step.purpose, answer });
      // The first request tells whether the API is there at all, and whether it is at this URL: if not, nothing else is
      // worth sending.
      if (mine.length === 1 && (answer.error || answer.redirect)) break;
    }
    observations.push(...mine);
    const problem = baselineProblem(mine, {
      url,
      trustedAssumed: options.trusted === null,
      credentialsGiven: mine[0]?.answer.request.credentials ?? false,
    });
    if (problem) testedNothing.push(methods.length > 1 ? `${method}: ${problem}` : problem);
    if (mine.length === 1 && mine[0]!.answer.error) break;
  }
  return {
    url: url.href,
    trustedOrigin: trusted.origin,
    trustedOriginAssumed: options.trusted === null,
    methods,
    requests: observations.length,
    testedNothing,
    // A baseline without an answer is in testedNothing already.
    unanswered: observations.flatMap(({ answer, probe, purpose }) => {
      const error = unusable(answer);
      const baseline = probe.check === 'baseline' && purpose === 'request';
      return error === null || baseline
        ? []
        : [{ origin: answer.request.origin, method: answer.request.method, error }];
    }),
    notSent,
    findings: merged(findingsOf(observations, options.thirdParty)),
  };
}
