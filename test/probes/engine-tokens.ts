/**
 * The recorded shape of an engine's step (engines-observed.json): the fields every engine's run is held to, what an
 * element, frame or window told, and its console line, with the lab's origins written `{origin:NAME}` and a run's id `{run}`, so that a recording made on
 * any ports compares with a prediction made on the default origins.
 */
import type { ExperimentInput } from '../../format/schema.ts';
import { DEFAULT_ORIGIN_MAP, type OriginMap } from '../../plan/origins.ts';
import { EMBEDDING_FIELDS } from '../../format/embedding.ts';
import { elementsCases } from './elements-cases.ts';
import { navigationCases } from './navigation-cases.ts';
import { wptCases } from './wpt-cases.ts';
import { wptMoreCases } from './wpt-more-cases.ts';

/** The tables engines-observed.json records (the third has a recording of its own: wpt-third-observed.json). */
export const ENGINE_TABLES: ReadonlyArray<{ name: string; file: string; cases: readonly ExperimentInput[] }> = [
  { name: 'wpt-cases', file: 'test/probes/wpt-cases.ts', cases: wptCases },
  { name: 'wpt-more-cases', file: 'test/probes/wpt-more-cases.ts', cases: wptMoreCases },
  { name: 'elements-cases', file: 'test/probes/elements-cases.ts', cases: elementsCases },
  { name: 'navigation-cases', file: 'test/probes/navigation-cases.ts', cases: navigationCases },
];

/** The facts every engine's run is held to (runner/agreement.ts holds Chromium to more). */
export const ENGINE_FIELDS = [
  'outcome', 'reason', 'preflight', 'reachedServer', 'status', 'originSeen', 'requestHeadersSeen', 'cookieSent',
] as const;

/** What a recording keeps of a step: those facts, what an element, frame or window told, the console line. */
export const RECORDED_FIELDS = [...ENGINE_FIELDS, 'console', ...EMBEDDING_FIELDS] as const;

/**
 * Each recorded field's value when a step has nothing to tell: no embedding fact, and the lab's page is not cross-origin
 * isolated (its own page tells that for every step).
 */
const COMMON: Readonly<Record<string, unknown>> = { crossOriginIsolated: false, sharedArrayBuffer: false };
const DEFAULTS: readonly unknown[] = RECORDED_FIELDS.map((field) => (field in COMMON ? COMMON[field] : null));

/** One step: the values of RECORDED_FIELDS, in order, without the defaults at its end. */
export type RecordedStep = unknown[];

export interface EngineRecording {
  recorded: string;
  browsers: string[];
  fields: string[];
  cases: Record<string, Record<string, RecordedStep[]>>;
}

/** A value with origins and the run's id as tokens (a port is matched whole: one origin may prefix another's text). */
export function tokens(value: unknown, origins: Readonly<Record<string, string>> = DEFAULT_ORIGIN_MAP): unknown {
  if (typeof value !== 'string') return value;
  const named = Object.entries(origins).reduce((text, [name, url]) => {
    const { protocol, host } = new URL(url);
    // With any userinfo a redirect's Location carried (`http://user:pass@host`), kept beside the name. Every lab
    // origin has a port of its own, so `(?![0-9])` keeps :5311 from matching :53110. Only strings hold origins.
    const at = new RegExp(`${protocol}//([^@/\\s]*@)?${host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9])`, 'g');
    return text.replace(at, (_, userinfo: string | undefined) => `{origin:${name}${userinfo ? `|${userinfo}` : ''}}`);
  }, value);
  // A planned path is /__cl/RUN/HOP/PLAN/ (plan/plan-url.ts): the run differs between a run and a prediction, and
  // the plan is the experiment's own, the same on every hop (its hop number stays).
  return named.replace(/\/__cl\/[^/\s]+\/(\d+)\/[^/\s]+\//g, '/__cl/{run}/$1/{plan}/');
}

/** A step's observation (or prediction) as the recording keeps it. */
export function recordedStep(seen: object, origins: Readonly<Record<string, string>> | OriginMap): RecordedStep {
  const fields = seen as Readonly<Record<string, unknown>>;
  const values = RECORDED_FIELDS.map((field) => tokens(fields[field] ?? null, origins));
  while (values.length > 0 && values.at(-1) === DEFAULTS[values.length - 1]) values.pop();
  return values;
}

/** A recorded step with every field: the defaults its end left out put back. */
export function fullStep(values: RecordedStep): RecordedStep {
  return DEFAULTS.map((fallback, k) => (k < values.length ? values[k] : fallback));
}
