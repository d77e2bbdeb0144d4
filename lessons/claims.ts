/**
 * A lesson says how a browser behaves only where it cites the catalog
 * experiment that shows it, with the outcome and reason it claims, inline
 * in the narrative where the claim is made:
 *
 *     ... the reason is `PreflightMissingAllowOriginHeader`
 *     {{see preflight-status-404-no-cors: blocked PreflightMissingAllowOriginHeader}}.
 *
 * A claim about a later step names it (`then 1`), and one about the cookie
 * says whether the step carried it (`cookie`, `no-cookie`):
 *
 *     {{see cookies-cross-site-none-secure-3pc-blocked then 1: allowed no-cookie}}
 *
 * Beyond fetch (format 1.2), what the page itself observes of an element or of
 * itself is claimed by the observation's name and value, as `expect` spells it;
 * the outcome alone would not say that an image that loaded tainted the canvas:
 *
 *     {{see canvas-tainted-by-no-cors-image: allowed canvasTainted=true}}
 *
 * The learner sees "see it: run preflight-status-404-no-cors" (a link that
 * opens it in the playground); catalog-check.ts holds each claim to the
 * experiment's `expect` and the model, and test/e2e/catalog.spec.ts runs
 * every cited experiment in Chromium and holds the claim to what it did (test/e2e/lesson-claims.ts).
 */
import { EMBEDDING_FIELDS } from '../format/embedding.ts';
import { CORS_ERRORS, OUTCOMES, isReason, type Outcome } from '../format/reasons.ts';

/** An observation a claim may name: what the page saw of an element or of itself (format/embedding.ts). */
export type ClaimedObservation = (typeof EMBEDDING_FIELDS)[number];

export interface Claim {
  /** The catalog experiment that shows it. */
  experiment: string;
  /** Which step: 0 the request, 1 its first `then` step. */
  step: number;
  outcome: Outcome;
  /** The Chromium reason claimed for a block, or null when none is claimed. */
  reason: string | null;
  /** Whether the step carried the cookie, or null when the claim says nothing of cookies. */
  cookieSent: boolean | null;
  /** The page's observations the claim names (`canvasTainted=true`); absent when it names none. */
  observations?: Partial<Record<ClaimedObservation, boolean>>;
  /** Line of the marker within the narrative, from 0. */
  line: number;
}

/** Anything that starts like a marker: a malformed one is reported, never shown raw. */
const MARKER_START = /\{\{\s*see\b/g;
/** `{{see <id>[ then <n>]: <outcome>[ <Reason>][ cookie|no-cookie][ <observation>=true|false ...]}}` */
const MARKER = /\{\{see ([a-z0-9]+(?:-[a-z0-9]+)*)(?: then ([1-9]\d*))?: ([^{}\n]*)\}\}/y;
const COOKIE: Record<string, boolean> = { cookie: true, 'no-cookie': false };
/** `canvasTainted=true`: an observation's name, as the format's `expect` spells it, and its value. */
const OBSERVATION = /^([A-Za-z]+)=(true|false)$/;

export type MarkerPart = { text: string } | { claim: Claim };
export interface MarkerProblem {
  /** Line within the narrative, from 0. */
  line: number;
  message: string;
}

const MARKER_FORMAT =
  'a claim marker is written {{see experiment-id[ then N]: outcome[ Reason][ cookie|no-cookie][ observation=true|false]}}, ' +
  'e.g. {{see preflight-no-acao: blocked PreflightMissingAllowOriginHeader}}';

/** The narrative cut into text and claims, with the problems of malformed markers. */
export function splitClaims(narrative: string): { parts: MarkerPart[]; problems: MarkerProblem[] } {
  const parts: MarkerPart[] = [];
  const problems: MarkerProblem[] = [];
  let at = 0;
  for (const start of narrative.matchAll(MARKER_START)) {
    if (start.index < at) continue;
    const line = narrative.slice(0, start.index).split('\n').length - 1;
    MARKER.lastIndex = start.index;
    const match = MARKER.exec(narrative);
    if (!match) {
      problems.push({ line, message: MARKER_FORMAT });
      continue;
    }
    const [whole, experiment = '', then, said = ''] = match;
    const [outcome = '', ...rest] = said.trim().split(/\s+/);
    const cookieWord = rest.find((word) => word in COOKIE);
    const observed = rest.filter((word) => OBSERVATION.test(word));
    const others = rest.filter((word) => word !== cookieWord && !observed.includes(word));
    const observations = observationsOf(observed);
    if (typeof observations === 'string') {
      problems.push({ line, message: `claim of ${experiment}: ${observations}` });
      continue;
    }
    const reason = others[0];
    if (others.length > 1) {
      problems.push({ line, message: `claim of ${experiment}: "${others.slice(1).join(' ')}" after the reason; ${MARKER_FORMAT}` });
      continue;
    }
    if (!(OUTCOMES as readonly string[]).includes(outcome)) {
      const message = `claim of ${experiment}: unknown outcome "${outcome}"; use ${OUTCOMES.join(', ')}`;
      problems.push({ line, message });
      continue;
    }
    if (reason !== undefined && !isReason(reason)) {
      const message = `claim of ${experiment}: unknown reason "${reason}": use a Chromium Network.CorsError name`;
      problems.push({ line, message });
      continue;
    }
    parts.push({ text: narrative.slice(at, start.index) });
    const cookieSent = cookieWord === undefined ? null : (COOKIE[cookieWord] ?? null);
    const claim: Claim = { experiment, step: then ? Number(then) : 0, outcome: outcome as Outcome, reason: reason ?? null, cookieSent, line };
    parts.push({ claim: Object.keys(observations).length > 0 ? { ...claim, observations } : claim });
    at = start.index + whole.length;
  }
  parts.push({ text: narrative.slice(at) });
  return { parts, problems };
}

/** The observations named in a marker (`canvasTainted=true`), or a message naming the unknown one. */
function observationsOf(words: readonly string[]): Partial<Record<ClaimedObservation, boolean>> | string {
  const observations: Partial<Record<ClaimedObservation, boolean>> = {};
  for (const word of words) {
    const [, name = '', value] = OBSERVATION.exec(word) ?? [];
    const known = EMBEDDING_FIELDS.find((field) => field === name);
    if (known === undefined) return `unknown observation "${name}"; use ${EMBEDDING_FIELDS.join(', ')}`;
    observations[known] = value === 'true';
  }
  return observations;
}

/** The claims of a narrative, in order. */
export function claimsOf(narrative: string): Claim[] {
  return splitClaims(narrative).parts.flatMap((p) => ('claim' in p ? [p.claim] : []));
}

/**
 * Every Chromium reason a paragraph names is claimed in that paragraph by
 * an experiment that shows it: the reasons are the lessons' statements of
 * browser behaviour that can be checked word for word. Fenced code is skipped.
 */
export function unbackedReasons(narrative: string): Array<{ line: number; reason: string }> {
  const found: Array<{ line: number; reason: string }> = [];
  let line = 0;
  for (const paragraph of narrative.split(/\n[ \t]*\n/)) {
    if (!paragraph.trimStart().startsWith('```')) {
      const claimed = new Set(claimsOf(paragraph).map((c) => c.reason));
      const prose = paragraph.replace(/\{\{see [^}]*\}\}/g, '');
      for (const reason of CORS_ERRORS) {
        const at = prose.indexOf(`\`${reason}\``);
        if (at === -1 || claimed.has(reason)) continue;
        found.push({ line: line + prose.slice(0, at).split('\n').length - 1, reason });
      }
    }
    line += paragraph.split('\n').length + 1;
  }
  return found;
}
