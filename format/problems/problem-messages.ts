/**
 * What the checks of an experiment say when they refuse one (the wire rules of
 * headers.ts, the schema's custom checks, validate.ts) and what the runner
 * says when the browser and the model disagree (runner/compare.ts), as one
 * typed table per language (en.ts, zh-CN.ts). The checks keep a `Problem`
 * (a code and its params) beside their English text, so the CLI prints the
 * same English and the playground shows the reader's language. Field paths,
 * header names, values and JSON stay as they are in every language.
 */
import type { FRAMING_HEADERS } from '../headers.ts';
import type { LimitUnit } from '../limits.ts';

export interface ProblemMessages {
  emptyHeaderName: (p: object) => string;
  headerName: (p: { name: string }) => string;
  headerValueLine: (p: { value: string }) => string;
  headerValueBytes: (p: { value: string }) => string;
  framingHeader: (p: { name: string; framing: typeof FRAMING_HEADERS }) => string;
  pathStart: (p: object) => string;
  pathAscii: (p: { path: string }) => string;
  pathFragment: (p: { path: string }) => string;
  userinfo: (p: { userinfo: string }) => string;
  unknownOriginToken: (p: { name: string; known: readonly string[] }) => string;
  latin1Body: (p: object) => string;
  nullBody: (p: { status: number }) => string;
  unknownOrigin: (p: { origin: string; known: readonly string[]; orNull: boolean }) => string;
  method: (p: { method: string }) => string;
  statusWhole: (p: object) => string;
  statusRange: (p: { min: number; max: number }) => string;
  requestPath: (p: object) => string;
  tooManyRedirects: (p: { max: number }) => string;
  reason: (p: { reason: string }) => string;
  /** `expect.engines.<engine>.reason` outside that engine's list (format 1.2). */
  engineReason: (p: { engine: string; reason: string }) => string;
  headerNameToken: (p: object) => string;
  xhrMode: (p: object) => string;
  xhrRedirect: (p: object) => string;
  bodyWithGet: (p: object) => string;
  /** Format 1.2: `crossorigin` on a request that inserts no element. */
  crossoriginNotElement: (p: { api: string }) => string;
  /** Format 1.2: a `pageHeaders` line the lab does not put on its page. */
  pageHeaderName: (p: { name: string; allowed: readonly string[] }) => string;
  pageHeaderSize: (p: { max: number }) => string;
  /** Format 1.2 `form` and `beacon` (form-and-beacon.ts): what a page can choose of their request. */
  formMethod: (p: { method: string; allowed: readonly string[] }) => string;
  formEnctype: (p: { value: string; allowed: readonly string[] }) => string;
  beaconMethod: (p: { method: string }) => string;
  sendingHeader: (p: { api: string; name: string }) => string;
  sendingRedirects: (p: { api: string }) => string;
  formNullPage: (p: object) => string;
  /** Format 1.2 frames (frame-schema.ts): the field belongs to another API. */
  /** `hint`: why, where the field has a look-alike (an element's crossorigin; the referrerpolicy attribute). */
  fieldApi: (p: { field: string; apis: readonly string[]; api: string; hint?: 'crossorigin' | 'fetchOnly' }) => string;
  /** A framed target is the lab's own page: its behaviour is `server.actual.page`, never a planned body. */
  frameBody: (p: object) => string;
  /** Format 1.2: `request.noopener` on a postMessage that goes to a frame (`via` "iframe"), not to a popup. */
  noopenerFramed: (p: object) => string;
  targetOrigin: (p: { value: string }) => string;
  acceptedOrigins: (p: { max: number }) => string;
  /** Format 1.2: `server.actual.bodyBase64`. */
  bodyBase64: (p: object) => string;
  bodyBase64Size: (p: { max: number }) => string;
  acceptOriginsCount: (p: { max: number }) => string;
  socketRequestField: (p: { api: string; field: 'method' | 'headers' }) => string;
  bodyAndBodyBase64: (p: object) => string;
  /** format/limits.ts: a list over its bound (`then`, a header map, ...), the field named by its path. */
  tooMany: (p: { count: number; max: number; unit: LimitUnit }) => string;
  /** format/limits.ts: a string over its bound. */
  tooLong: (p: { length: number; max: number }) => string;
  /** format/script-body.ts: a step that loads code (api "script") and a planned answer body. */
  scriptBody: (p: { step: string }) => string;
  /** format/origin-pattern.ts: a `/pattern/flags` origin the linear-time engine does not take. */
  regexSyntax: (p: { pattern: string; message: string }) => string;
  regexFlag: (p: { pattern: string; flag: string }) => string;
  regexBackreference: (p: { pattern: string; construct: string }) => string;
  regexLookaround: (p: { pattern: string; construct: string }) => string;
  regexModifiers: (p: { pattern: string; construct: string }) => string;
  regexUnicodeProperty: (p: { pattern: string; construct: string }) => string;
  regexNonAscii: (p: { pattern: string; construct: string }) => string;
  regexRepeat: (p: { pattern: string; max: number }) => string;
  regexSize: (p: { pattern: string; max: number }) => string;
  /** zod's own checks, said again in another language (the English stays the schema's, validate.ts). */
  wrongType: (p: { expected: string }) => string;
  oneOf: (p: { values: readonly string[] }) => string;
  emptyFile: (p: object) => string;
  notAnObject: (p: object) => string;
  duplicateId: (p: { id: string; source: string }) => string;
  unknownFields: (p: { keys: readonly string[] }) => string;
  /** runner/compare.ts: a value the experiment expects and the browser did not show. */
  expected: (p: { field: string; want: string; got: string }) => string;
  expectedReadable: (p: { name: string }) => string;
  expectedHidden: (p: { name: string }) => string;
  /** runner/compare.ts: the model predicted one thing, the browser did another. */
  predicted: (p: { field: string; want: string; got: string }) => string;
  /** servers/journal.ts: a run's journal was evicted, so what the servers saw is unknown. */
  journalEvicted: (p: JournalEviction) => string;
}

/** Why a run's journal was evicted: the journal was full of runs or bytes (its client held most), or the run expired. */
export type JournalEviction =
  | { fullOf: { runs: number } | { megabytes: number }; client: string }
  | { expiredAfter: { minutes: number } };

export type ProblemCode = keyof ProblemMessages;
/** The codes whose words load with the schema, not in the playground's first load (limit-words.ts). */
export type LimitCode = 'tooMany' | 'tooLong' | 'scriptBody';
export type LimitMessages = Pick<ProblemMessages, LimitCode>;
/** A language's table of every other code (en.ts, zh-CN.ts). */
export type BaseMessages = Omit<ProblemMessages, LimitCode>;
/** One problem as data: its code and the params its message is written from. */
export type Problem = { [K in ProblemCode]: { code: K } & Parameters<ProblemMessages[K]>[0] }[ProblemCode];
