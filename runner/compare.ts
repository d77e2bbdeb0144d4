/**
 * Compares what happened with what the experiment expects, and with what the
 * model predicted. Each difference is one line: `observed.reason: expected X, got Y`.
 */
import { problemText, type Problem } from '../format/problems/index.ts';
import type { Expectation, PageOrigin } from '../format/schema.ts';
import { expandTokens } from '../plan/answer.ts';
import type { OriginMap } from '../plan/origins.ts';
import type { Observation, Prediction } from '../engines/run-result.ts';
import { EMBEDDING_FIELDS } from '../format/embedding.ts';
import { SERVER_FIELDS } from '../engines/engine-expectation.ts';
import { consoleAgrees } from './agreement.ts';

/** Strings as they are (the contract's `expected X, got Y`), everything else as JSON. */
const show = (value: unknown): string => (value === undefined ? 'nothing' : typeof value === 'string' ? value : JSON.stringify(value));

/** The facts only the journal tells: unknown, not false, when a run's journal was evicted. */
export const JOURNAL_FIELDS: ReadonlySet<string> = new Set([
  'preflight',
  'reachedServer',
  'originSeen',
  'requestHeadersSeen',
  'cookieSent',
  'serverStatus',
]);

/** Problems about a field nothing observed (JOURNAL_FIELDS after an eviction) are left out. */
const known = (unknown: ReadonlySet<string>) => (p: Problem) => !('field' in p && unknown.has(p.field));

/** `unknown`: fields not compared because nothing observed them. */
export function compareExpectation(
  expect: Expectation | undefined,
  observed: Observation,
  context: { page: PageOrigin; origins: OriginMap },
  prefix = '',
  unknown: ReadonlySet<string> = new Set(),
): string[] {
  return expectationDifferences(expect, observed, context).filter(known(unknown)).map((p) => prefix + problemText(p));
}

/** The differences as data (codes `expected`, `expectedReadable`, `expectedHidden`), for a reader in another language. */
export function expectationDifferences(expect: Expectation | undefined, observed: Observation, context: { page: PageOrigin; origins: OriginMap }): Problem[] {
  if (!expect) return [];
  const out: Problem[] = [];
  const check = (field: string, want: unknown, got: unknown): void => {
    if (want !== undefined && want !== got) out.push({ code: 'expected', field, want: show(want), got: show(got) });
  };
  check('outcome', expect.outcome, observed.outcome);
  check('reason', expect.reason, observed.reason);
  check('preflight', expect.preflight, observed.preflight);
  check('reachedServer', expect.reachedServer, observed.reachedServer);
  check('status', expect.status, observed.status);
  check('responseType', expect.responseType, observed.responseType);
  check('cookieSent', expect.cookieSent, observed.cookieSent);
  check('serverStatus', expect.serverStatus, observed.serverStatus);
  check('requestHeadersSeen', expect.requestHeadersSeen, observed.requestHeadersSeen);
  for (const field of EMBEDDING_FIELDS) check(field, expect[field], observed[field]);
  check('protocol', expect.protocol, observed.protocol);
  if (expect.originSeen !== undefined) {
    const want = expect.originSeen === null ? null : expandTokens(expect.originSeen, 'expect.originSeen', { page: context.page, origins: context.origins, requestOrigin: undefined });
    check('originSeen', want, observed.originSeen);
  }
  const readable = Object.keys(observed.readableHeaders);
  for (const name of expect.readableHeaders ?? []) {
    if (!readable.includes(name.toLowerCase())) out.push({ code: 'expectedReadable', name: name.toLowerCase() });
  }
  for (const name of expect.hiddenHeaders ?? []) {
    if (readable.includes(name.toLowerCase())) out.push({ code: 'expectedHidden', name: name.toLowerCase() });
  }
  return out;
}

/** The model must agree with the browser on outcome, reason, preflight and reachedServer, and (format 1.2) what the page saw of an element and of itself. */
export const PREDICTED_FIELDS = ['outcome', 'reason', 'preflight', 'reachedServer', ...EMBEDDING_FIELDS] as const;

export function comparePrediction(
  predicted: Prediction,
  observed: Observation,
  prefix = '',
  unknown: ReadonlySet<string> = new Set(),
): string[] {
  return predictionDifferences(predicted, observed).filter(known(unknown)).map((p) => prefix + problemText(p));
}

/** The disagreements as data (code `predicted`) on `fields`, for a reader in another language. */
export function predictionDifferences(
  predicted: Prediction,
  observed: Observation,
  fields: ReadonlyArray<(typeof PREDICTED_FIELDS)[number] | (typeof SERVER_FIELDS)[number]> = PREDICTED_FIELDS,
): Problem[] {
  const out: Problem[] = [];
  for (const field of fields) {
    const want = predicted[field];
    if (want !== undefined && want !== observed[field]) out.push({ code: 'predicted', field, want: show(want), got: show(observed[field]) });
  }
  return out;
}

/** `unknown` and the facts the engine did not report in time: a lost reason leaves its line unknown too. */
export function withUnreported(unknown: ReadonlySet<string>, observed: Observation): ReadonlySet<string> {
  const lost = observed.unreported ?? [];
  if (lost.length === 0) return unknown;
  return new Set([...unknown, ...lost, ...(lost.includes('reason') ? ['console'] : [])]);
}

export interface MoreFields {
  /** Before each line: the step's path (`then[0].`). */
  prefix?: string;
  /** Fields nothing observed (an evicted journal; an event the engine did not report): not compared. */
  unknown?: ReadonlySet<string>;
  /**
   * The model's console line, compared verbatim (consoleAgrees: Chromium names one of several missing request
   * headers in an order of its own); absent, the line is not compared. Firefox's and WebKit's runs compare it:
   * they run the Debian builds their models were measured on. Chromium's run does not: it runs whatever Chromium
   * the user has (a Playwright project's own build in `cors.run`), whose words may differ from the measured
   * build's; test/e2e/model-agreement.spec.ts holds the model's lines to the measured build.
   */
  console?: string | null;
}

/** Beyond PREDICTED_FIELDS, for every engine: what the servers saw and the page read (SERVER_FIELDS), and the console line when asked. */
export function compareServerAndConsole(predicted: Prediction | undefined, observed: Observation, more: MoreFields = {}): string[] {
  if (!predicted) return [];
  const unknown = more.unknown ?? new Set<string>();
  const out = predictionDifferences(predicted, observed, SERVER_FIELDS).filter(known(unknown));
  if (more.console !== undefined && !unknown.has('console') && !consoleAgrees(predicted, more.console, observed)) {
    out.push({ code: 'predicted', field: 'console', want: show(more.console), got: show(observed.console) });
  }
  return out.map((p) => (more.prefix ?? '') + problemText(p));
}
