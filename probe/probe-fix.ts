/**
 * The fix of a probed request as data: the model's complete fix (experiments/model/fix.ts) over the headers the
 * server really sent, each change beside what the server sends now, and only the changes that change something.
 * Several probes (every `--method`, every `--origin`) merge into one change per header of each answer, so a probe
 * over GET, PUT and DELETE gives one `Access-Control-Allow-Methods` line. framework-fix.ts writes it out.
 * Exposed per probe (and per redirect hop, given that hop's replay): `probeFix`, then `mergeFixes`.
 */
import { fixFor } from '../experiments/model/fix.ts';
import { getDecodeSplit } from '../experiments/model/header-list.ts';
import { corsUnsafeRequestHeaderNames } from '../experiments/model/request-headers.ts';
import { isToken, type HeaderLines } from '../format/headers.ts';
import type { Replay } from './explain-probe.ts';
import type { WireResponse } from '../runner/cdp-watch.ts';
import type { ProbeRequest } from './probe-options.ts';

/** The answer a change is about: the preflight's, or the actual request's. */
export type FixResponse = 'preflight' | 'actual';

export interface ProbeChange {
  response: FixResponse;
  /** The header to send (`value`) or to remove (`value` null); absent for a status change. */
  header?: string;
  value?: string | null;
  /** Access-Control-Allow-Origin for several page origins: reflect the request's Origin when it is one of these. */
  reflectFrom?: string[];
  /** The status to answer with. */
  status?: number;
  /** What the server sends now: the header's value (lines joined with ", "), or null when it sends none. */
  sent: string | null;
  /** Whether the probe saw this answer at all (the actual answer is never seen after a failed preflight). */
  seen: boolean;
}

/** What the requests need and what the server already allows: a framework's options list both. */
export interface CorsNeeds {
  /** The page origins to allow (the probes', then any specific origin the server allows now). */
  origins: string[];
  credentials: boolean;
  methods: string[];
  /** Request header names a preflight asks for, lower-case. */
  headers: string[];
  /** Response header names the server exposes now. */
  exposed: string[];
  /** The preflight's Access-Control-Max-Age now, in seconds. */
  maxAge: number | null;
  /** Whether any request needs a preflight. */
  preflight: boolean;
}

export interface ProbeFix {
  changes: ProbeChange[];
  needs: CorsNeeds;
  /** The status the preflight got, when it got one: 401/403 and 404/405 say what is wrong on the server. */
  preflightStatus: number | null;
  /** Why no header change makes a request allowed (the model's words); empty when the changes suffice. */
  impossible: string[];
  /** The header lines of the answers the probe saw: another probe's unseen answer is judged by them. */
  answers: Partial<Record<FixResponse, HeaderLines>>;
}

/** Header names whose values are comma-separated lists; the methods' tokens are case-sensitive. */
const LIST_HEADERS = [
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
  'vary',
];
const CASE_SENSITIVE_LISTS = ['access-control-allow-methods'];

function sentValue(response: { headers: HeaderLines } | null | undefined, name: string): string | null {
  const values = (response?.headers ?? []).filter(([n]) => n.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
  return values.length ? values.join(', ') : null;
}

/** A list header's valid tokens (https://fetch.spec.whatwg.org/#extract-header-list-values), `*` left out. */
function tokens(value: string | null): string[] {
  return value === null ? [] : getDecodeSplit(value).filter((v) => v !== '*' && isToken(v));
}

/** The lists joined, first spelling kept; linear, so a hostile server's 100 000-name list costs no more than its size. */
function union(lists: ReadonlyArray<readonly string[]>, caseSensitive = false): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of lists.flat()) {
    const key = caseSensitive ? value : value.toLowerCase();
    if (!seen.has(key)) seen.add(key), out.push(value);
  }
  return out;
}

/** Whether sending `value` changes nothing: the same value, or the same list in any order. */
function sameValue(header: string, value: string | null, sent: string | null): boolean {
  if (value === null || sent === null) return value === sent;
  const name = header.toLowerCase();
  if (!LIST_HEADERS.includes(name)) return value === sent;
  const exact = CASE_SENSITIVE_LISTS.includes(name);
  const normal = (v: string): string =>
    getDecodeSplit(v).filter(Boolean).map((t) => (exact ? t : t.toLowerCase())).sort().join(',');
  return normal(value) === normal(sent);
}

/** A change is kept only when it changes what the server sends (a header it already sends right is never repeated). */
function changesSomething(change: ProbeChange): boolean {
  if (change.status !== undefined) return !change.seen || String(change.status) !== change.sent;
  // One fixed value cannot answer several origins: a reflected Origin always needs saying.
  const several = (change.reflectFrom?.length ?? 0) > 1;
  return !change.seen || several || !sameValue(`${change.header}`, change.value ?? null, change.sent);
}

/**
 * A serialized origin the server allows now by name (not `*`, not `null`, nothing else): the value goes into code
 * and configuration the user copies, so only a value that is exactly an origin is kept.
 * https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin
 */
function namedOrigin(value: string | null): string[] {
  // Host names as DNS writes them, or an IP address: the URL parser takes far more (quotes, parentheses).
  if (value === null || !/^https?:\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(:\d+)?$/i.test(value)) return [];
  try {
    return new URL(value).origin === value ? [value] : [];
  } catch {
    return [];
  }
}

/**
 * The fix of one probed request, from its replay (the model's plan of what the server sent) and the wire.
 * `{page}` and `{reflect}` become the page's origin: the user's server has no plan tokens.
 */
export function probeFix(
  replay: Replay,
  request: ProbeRequest,
  wire: { preflight: WireResponse | null; actual: WireResponse | null },
): ProbeFix {
  const fix = fixFor(replay.experiment, replay.origins);
  const changes: ProbeChange[] = [];
  for (const change of fix.changes) {
    // A probe's replay has no redirect hops (a followed redirect is not replayed) and no middleware options.
    if (change.response.kind === 'redirect' || change.option) continue;
    const response = change.response.kind;
    const answer = wire[response];
    const seen = answer !== null;
    if (change.status !== undefined) {
      changes.push({ response, status: change.status, sent: answer ? String(answer.status) : null, seen });
      continue;
    }
    if (change.header === undefined) continue;
    const value = change.value == null ? null : change.value.replace(/\{(page|reflect)\}/g, request.origin);
    const origin = change.header.toLowerCase() === 'access-control-allow-origin' && value === request.origin;
    const sent = sentValue(answer, change.header);
    const reflect = origin ? { reflectFrom: [request.origin] } : {};
    changes.push({ response, header: change.header, value, ...reflect, sent, seen });
  }
  const methods = tokens(sentValue(wire.preflight, 'access-control-allow-methods'));
  const unsafeHeaders = corsUnsafeRequestHeaderNames(request.headers);
  const maxAge = sentValue(wire.preflight, 'access-control-max-age');
  const allowOrigin = (a: WireResponse | null) => namedOrigin(sentValue(a, 'access-control-allow-origin'));
  const allowed = [wire.actual, wire.preflight].flatMap(allowOrigin);
  const preflight = replay.prediction.preflight || wire.preflight !== null;
  return {
    changes: changes.filter(changesSomething),
    needs: {
      origins: union([[request.origin], allowed]),
      credentials: request.credentials === 'include',
      methods: union([methods, preflight ? [request.method] : []], true),
      headers: union([tokens(sentValue(wire.preflight, 'access-control-allow-headers')), unsafeHeaders]),
      exposed: tokens(sentValue(wire.actual, 'access-control-expose-headers')),
      maxAge: maxAge !== null && /^\d+$/.test(maxAge) ? Number(maxAge) : null,
      preflight,
    },
    preflightStatus: wire.preflight?.status ?? null,
    impossible: fix.impossible ? [fix.impossible] : [],
    answers: {
      ...(wire.preflight ? { preflight: wire.preflight.headers } : {}),
      ...(wire.actual ? { actual: wire.actual.headers } : {}),
    },
  };
}

/** A change to an answer this probe never saw, judged by what another probe saw of the same answer. */
function judgedBy(change: ProbeChange, fixes: readonly ProbeFix[]): ProbeChange {
  if (change.seen || change.header === undefined) return change;
  const headers = fixes.map((f) => f.answers[change.response]).find((a) => a !== undefined);
  return headers ? { ...change, seen: true, sent: sentValue({ headers }, change.header) } : change;
}

const sameSlot = (a: ProbeChange, b: ProbeChange): boolean =>
  a.response === b.response &&
  (a.status !== undefined) === (b.status !== undefined) &&
  a.header?.toLowerCase() === b.header?.toLowerCase();

/** Two changes to one header of one answer, as one: lists joined, several origins reflected from a list. */
function mergeTwo(a: ProbeChange, b: ProbeChange): ProbeChange {
  const seen = a.seen && b.seen;
  const sent = a.seen ? a.sent : b.sent;
  if (a.status !== undefined) return { ...a, seen, sent };
  const name = `${a.header}`.toLowerCase();
  if (a.value == null || b.value == null) return { ...b, seen, sent };
  if (LIST_HEADERS.includes(name)) {
    const caseSensitive = CASE_SENSITIVE_LISTS.includes(name);
    const value = union([getDecodeSplit(a.value), getDecodeSplit(b.value)], caseSensitive).join(', ');
    return { ...a, value, seen, sent };
  }
  if (name === 'access-control-allow-origin' && a.value !== b.value && (a.reflectFrom || b.reflectFrom)) {
    return { ...a, value: '{reflect}', reflectFrom: union([a.reflectFrom ?? [], b.reflectFrom ?? []]), seen, sent };
  }
  return { ...b, seen, sent };
}

/** Several probes' fixes as one: one change per header (or status) of each answer, needs joined. */
export function mergeFixes(fixes: readonly ProbeFix[]): ProbeFix {
  const changes: ProbeChange[] = [];
  for (const change of fixes.flatMap((f) => f.changes).map((c) => judgedBy(c, fixes))) {
    const index = changes.findIndex((c) => sameSlot(c, change));
    if (index < 0) changes.push(change);
    else changes[index] = mergeTwo(changes[index] as ProbeChange, change);
  }
  const maxAges = fixes.map((f) => f.needs.maxAge).filter((m): m is number => m !== null);
  // The status the advice is about: a failing one first (the one a fix must change).
  const statuses = fixes.map((f) => f.preflightStatus).filter((s): s is number => s !== null);
  return {
    changes: changes.filter(changesSomething),
    needs: {
      origins: union(fixes.map((f) => f.needs.origins)),
      credentials: fixes.some((f) => f.needs.credentials),
      methods: union(fixes.map((f) => f.needs.methods), true),
      headers: union(fixes.map((f) => f.needs.headers)),
      exposed: union(fixes.map((f) => f.needs.exposed)),
      maxAge: maxAges.length ? Math.min(...maxAges) : null,
      preflight: fixes.some((f) => f.needs.preflight),
    },
    preflightStatus: statuses.find((s) => s < 200 || s > 299) ?? statuses[0] ?? null,
    impossible: union(fixes.map((f) => f.impossible), true),
    answers: Object.assign({}, ...fixes.map((f) => f.answers).reverse()),
  };
}
