/**
 * A room of attendees on one class-mode lab, from the origins' side: each
 * simulated attendee replays the requests a browser sends for every
 * experiment it runs (preflights, actual requests, each redirect hop, the
 * `then` steps, exactly as the model predicts them: what the playground's
 * browser would send), then reads the run's journal as the playground does.
 * All attendees at once, each running a few experiments at a time as the
 * playground does. Raw HTTP/1.1 over keep-alive sockets to the lab's loopback
 * ports (methods go on the wire exactly as written, `patch` stays lower case),
 * with the advertised names in `Host`. Bounded: every exchange times out, and
 * the whole load has a deadline.
 *
 * A step fails when any answer differs from the model's (status and every
 * header line), or when the run's journal differs from what this attendee
 * sent: another attendee's request in it, or one of its own missing. Delays
 * between steps (`delayMs`) are the browser waiting, so they are skipped.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { catalog } from '../../experiments/catalog/index.ts';
import { EVENT_STREAM } from '../../format/sockets.ts';
import { headerLines } from '../../format/headers.ts';
import { isElementApi } from '../../format/embedding.ts';
import { elementFetch } from '../../experiments/model/element-load.ts';
import type { Experiment } from '../../format/schema.ts';
import { predictExperimentAsync, type StepPrediction } from '../../experiments/model/predict.ts';
import { resolveRequest } from '../../format/schema.ts';
import type { JournalEntry } from '../../plan/journal-entry.ts';
import type { Lab } from '../../servers/lab.ts';
import { originMap, type OriginName } from '../../plan/origins.ts';

/**
 * Names as a room would have them (pages on one name, partner and evil on two
 * other sites), all loopback so the load never leaves this machine.
 */
export const CLASS_LOOPBACK_NAMES: Partial<Record<OriginName, string>> = {
  app: 'class.localhost',
  api: 'class.localhost',
  api2: 'class.localhost',
  partner: '127.0.0.1',
  public: '127.0.0.1',
  evil: 'evil-room.localhost',
  // As class mode names it (servers/class-names.ts): the page's host, which its certificate does not name.
  secure: 'class.localhost',
};

export interface ClassLoadOptions {
  lab: Pick<Lab, 'origins' | 'bound' | 'certificates'>;
  experiments: readonly Experiment[];
  attendees: number;
  /** Experiments each attendee runs at once (the playground runs 4). */
  concurrency?: number;
  /** One request and its answer. */
  exchangeTimeoutMs?: number;
  /** The whole load; experiments not started by then count as failures. */
  deadlineMs: number;
  /** The run id of each experiment an attendee runs (default: one the lab issues from /__lab/run-ids, as the playground asks). */
  runId?: (attendee: number, experimentId: string) => string;
}

export interface ClassLoadFigures {
  attendees: number;
  experiments: number;
  steps: number;
  /** Requests sent, journal reads included. */
  requests: number;
  /** One line per failed step: attendee, experiment, step, what differed. */
  failures: string[];
  /** Time of one step (its requests in order, then the journal read), in ms. */
  stepMs: { p50: number; p99: number; max: number };
  ms: number;
}

interface Answer {
  status: number;
  lines: Array<[string, string]>;
  body: string;
}

/** An idle keep-alive socket per port and attendee, reused as a browser reuses its connections. */
class Connections {
  readonly #idle = new Map<number, Socket[]>();
  /**
   * `tls`: the `secure` origin's port and the lab's CA. Its certificate names localhost only, not a class name
   * (class mode says so to attendees), so the CA is pinned and the name is not checked: HTTP/1.1 over TLS, as a
   * browser that trusts the lab's CA would speak it without HTTP/2.
   */
  constructor(
    private readonly address: (port: number) => string,
    private readonly timeoutMs: number,
    private readonly tls: { port: number; ca: string } | null = null,
  ) {}

  #connect(port: number): Socket {
    const host = this.address(port);
    if (port !== this.tls?.port) return connect(port, host);
    return connectTls({ port, host, ca: this.tls.ca, ALPNProtocols: ['http/1.1'], checkServerIdentity: () => undefined });
  }

  /**
   * The server ends idle connections (its keep-alive timeout): a closed one is
   * skipped, and a reused one that fails before any byte of the answer sends
   * the request again on a new one, as Chromium does
   * (HttpNetworkTransaction::ShouldResendRequest). The journal check would see
   * a request that reached the server twice.
   */
  async exchange(port: number, bytes: Buffer, method: string): Promise<Answer> {
    const pool = this.#idle.get(port) ?? [];
    let idle = pool.pop();
    while (idle && (idle.destroyed || idle.readyState !== 'open')) idle = pool.pop();
    if (idle) {
      const answer = await this.#attempt(idle, port, bytes, method).catch((error: Error & { beforeAnswer?: boolean }) => {
        if (error.beforeAnswer) return null;
        throw error;
      });
      if (answer) return answer;
    }
    return this.#attempt(this.#connect(port).setNoDelay(true), port, bytes, method);
  }

  #attempt(socket: Socket, port: number, bytes: Buffer, method: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      let buffer: Buffer = Buffer.alloc(0);
      const done = (error: Error | null, answer?: Answer): void => {
        clearTimeout(timer);
        socket.off('data', onData).off('error', onError).off('close', onClose);
        if (error) return socket.destroy(), reject(Object.assign(error, { beforeAnswer: buffer.length === 0 && !('timedOut' in error) }));
        resolve(answer!);
      };
      const timer = setTimeout(() => done(Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { timedOut: true })), this.timeoutMs);
      const onError = (error: Error): void => done(error);
      const onClose = (): void => done(new Error('connection closed before the answer'));
      const onData = (chunk: Buffer): void => {
        buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const [statusLine = '', ...rest] = buffer.toString('latin1', 0, end).split('\r\n');
        // The lab writes `Name: value` with the value exactly as planned (padding kept).
        const lines = rest.map((line): [string, string] => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]);
        const status = Number(statusLine.slice(9, 12));
        const length = method === 'HEAD' || status === 204 || status === 304 ? 0 : Number(lines.find(([name]) => name.toLowerCase() === 'content-length')?.[1].trim() ?? 0);
        if (buffer.length < end + 4 + length) return;
        const answer = { status, lines, body: buffer.toString('utf8', end + 4, end + 4 + length) };
        done(null, answer);
        // A WebSocket handshake's 101 ends HTTP on this connection: it is not reused.
        if (status === 101 || lines.some(([name, value]) => name.toLowerCase() === 'connection' && value.trim().toLowerCase() === 'close')) socket.destroy();
        else this.#idle.set(port, [...(this.#idle.get(port) ?? []), socket]);
      };
      socket.on('data', onData).on('error', onError).on('close', onClose);
      socket.write(bytes);
    });
  }

  close(): void {
    for (const sockets of this.#idle.values()) for (const socket of sockets) socket.destroy();
    this.#idle.clear();
  }
}

/** The request bytes as a browser sends them: request line, Host, the headers, the body. */
function requestBytes(method: string, url: URL, headers: Array<[string, string]>, body: string | null): Buffer {
  const payload = body === null ? null : Buffer.from(body, 'utf8');
  const lines = [`${method} ${url.pathname}${url.search} HTTP/1.1`, `Host: ${url.host}`, ...headers.map(([name, value]) => `${name}: ${value}`)];
  if (payload) lines.push(`Content-Length: ${payload.length}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return payload ? Buffer.concat([head, payload]) : head;
}

const PLACEHOLDER_RUN = 'class-load-run';

/** A browser's WebSocket handshake lines (RFC 6455 §4.1), with the standard's example key. */
const WEBSOCKET_HANDSHAKE: Array<[string, string]> = [
  ['Upgrade', 'websocket'], ['Connection', 'Upgrade'], ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='], ['Sec-WebSocket-Version', '13'],
];

/** Both header lists, for a failure message, when they differ (names, values, order). */
function headerDifference(expected: ReadonlyArray<readonly [string, string]>, got: ReadonlyArray<readonly [string, string]>): string | null {
  const show = (lines: ReadonlyArray<readonly [string, string]>): string => lines.map(([n, v]) => `${n}: ${v}`).join(' | ');
  return show(expected) === show(got) ? null : `headers: expected ${show(expected)}; got ${show(got)}`;
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

export async function classLoad(options: ClassLoadOptions): Promise<ClassLoadFigures> {
  const { lab, experiments, attendees, concurrency = 4, exchangeTimeoutMs = 10_000, deadlineMs, runId } = options;
  const origins = originMap(lab.origins);
  const app = new URL(origins.app);
  const addressOf = new Map(lab.bound.map((b) => [b.port, b.address]));
  const securePort = lab.bound.find((b) => b.name === 'secure')?.port;
  const tls = securePort === undefined ? null : { port: securePort, ca: readFileSync(lab.certificates.caPath, 'utf8') };
  // The model once per experiment; each run then puts its own id in the URLs.
  const predicted = await Promise.all(experiments.map((e) => predictExperimentAsync(e, origins, PLACEHOLDER_RUN)));
  const figures: ClassLoadFigures = { attendees, experiments: 0, steps: 0, requests: 0, failures: [], stepMs: { p50: NaN, p99: NaN, max: NaN }, ms: 0 };
  const stepTimes: number[] = [];
  const started = performance.now();

  async function attendee(n: number): Promise<void> {
    const connections = new Connections((port) => addressOf.get(port) ?? '127.0.0.1', exchangeTimeoutMs, tls);
    // The browser's User-Agent says which attendee sent a request: the journal must hold only this one's.
    const userAgent = `cors-lab-attendee/${n}`;
    const cookie = `attendee=${n}`;
    let next = 0;
    const send = async (method: string, url: URL, headers: Array<[string, string]>, body: string | null): Promise<Answer> => {
      figures.requests++;
      return connections.exchange(Number(url.port), requestBytes(method, url, [['User-Agent', userAgent], ...headers], body), method);
    };

    async function step(experiment: Experiment, index: number, prediction: StepPrediction, run: string, seen: number): Promise<number> {
      const label = `attendee ${n}, ${experiment.id}${index ? ` then[${index - 1}]` : ''}`;
      const overrides = index === 0 ? undefined : experiment.then?.[index - 1]?.request;
      const request = resolveRequest(experiment.request, overrides);
      const withRun = (text: string): string => text.split(`/__cl/${PLACEHOLDER_RUN}/`).join(`/__cl/${run}/`);
      const t0 = performance.now();
      for (const hop of prediction.requests) {
        const url = new URL(withRun(hop.url));
        const headers: Array<[string, string]> = [];
        if (hop.originHeader !== null) headers.push(['Origin', hop.originHeader]);
        if (hop.kind === 'preflight') {
          headers.push(['Access-Control-Request-Method', hop.accessControlRequestMethod ?? request.method]);
          if (hop.accessControlRequestHeaders !== null) headers.push(['Access-Control-Request-Headers', hop.accessControlRequestHeaders]);
        } else {
          headers.push(...headerLines(request.headers));
          if (hop.cookieSent) headers.push(['Cookie', cookie]);
          // An element's request says what it is for, as the browser's does; the lab's default body follows it.
          if (isElementApi(request.api)) {
            headers.push(['Sec-Fetch-Dest', elementFetch(request.api, request.crossorigin).destination]);
          }
          // Format 1.2: a frame's or a popup's navigation, and a form's (into a popup), as the browser names them: the
          // lab answers a navigation with its own target page.
          if (request.api === 'iframe' || request.api === 'postMessage') headers.push(['Sec-Fetch-Dest', 'iframe']);
          if (request.api === 'window-open' || request.api === 'form') headers.push(['Sec-Fetch-Dest', 'document']);
          // Format 1.2: an EventSource asks for an event stream; a WebSocket's handshake asks for the upgrade.
          if (request.api === 'eventsource') headers.push(['Accept', EVENT_STREAM]);
          if (request.api === 'websocket') headers.push(...WEBSOCKET_HANDSHAKE);
        }
        const body = hop.kind === 'actual' && request.body !== null && hop.method !== 'GET' && hop.method !== 'HEAD' ? request.body : null;
        const answer = await send(hop.method, url, headers, body).catch((error: Error) => {
          throw new Error(`${label}: ${hop.kind} ${hop.method} hop ${hop.hop}: ${error.message}`);
        });
        if (answer.status !== hop.status) throw new Error(`${label}: ${hop.kind} ${hop.method} hop ${hop.hop}: status ${answer.status}, the model says ${hop.status} (${answer.body.slice(0, 200)})`);
        // The model leaves out Sec-WebSocket-Accept, which hashes the handshake's key (plan/websocket-handshake.ts).
        const lines = answer.lines.filter(([name]) => name.toLowerCase() !== 'sec-websocket-accept');
        const differs = headerDifference(hop.responseHeaders.map(([name, value]) => [name, withRun(value)]), lines);
        if (differs) throw new Error(`${label}: ${hop.kind} ${hop.method} hop ${hop.hop}: ${differs}`);
      }
      const journalUrl = new URL(`/__journal/${run}?since=${seen}`, app);
      const answer = await send('GET', journalUrl, [], null).catch((error: Error) => {
        throw new Error(`${label}: journal read: ${error.message}`);
      });
      stepTimes.push(performance.now() - t0);
      if (answer.status !== 200) throw new Error(`${label}: journal read answered ${answer.status}`);
      const entries = (JSON.parse(answer.body) as { entries: JournalEntry[] }).entries;
      const expected = prediction.requests.map((r) => `${r.kind} ${r.method} ${r.origin} hop ${r.hop}`);
      const got = entries.map((e) => `${e.kind} ${e.method} ${e.origin} hop ${e.hop}`);
      if (got.join(', ') !== expected.join(', ')) throw new Error(`${label}: the journal holds [${got.join(', ')}], this attendee sent [${expected.join(', ')}]`);
      const foreign = entries.find((e) => e.requestHeaders['user-agent'] !== userAgent || (e.cookie !== null && e.cookie !== cookie));
      if (foreign) throw new Error(`${label}: the journal holds a request from ${foreign.requestHeaders['user-agent']} (Cookie ${foreign.cookie})`);
      return seen + entries.length;
    }

    /**
     * A run id the lab issued (servers/run-ids.ts): only its requests get a plan's cookies, as the model
     * predicts. Asked for in batches, as the playground does.
     */
    const unusedIds: string[] = [];
    async function issuedRunId(): Promise<string> {
      if (unusedIds.length === 0) {
        const answer = await send('GET', new URL(`/__lab/run-ids?count=${Math.min(64, experiments.length)}`, app), [], null);
        const runs = answer.status === 200 ? (JSON.parse(answer.body) as { runs?: unknown[] }).runs : undefined;
        if (!runs?.every((run) => typeof run === 'string')) throw new Error(`/__lab/run-ids answered ${answer.status}`);
        unusedIds.push(...(runs as string[]));
      }
      const run = unusedIds.shift();
      if (run === undefined) throw new Error('/__lab/run-ids answered no id');
      return run;
    }

    async function worker(): Promise<void> {
      while (next < experiments.length) {
        const i = next++;
        const experiment = experiments[i]!;
        if (performance.now() - started > deadlineMs) {
          figures.failures.push(`attendee ${n}, ${experiment.id}: not started within the ${deadlineMs} ms deadline`);
          continue;
        }
        figures.experiments++;
        let run: string;
        try {
          run = runId ? runId(n, experiment.id) : await issuedRunId();
        } catch (error) {
          figures.failures.push(`attendee ${n}, ${experiment.id}: run id: ${(error as Error).message}`);
          continue;
        }
        let seen = 0;
        for (const [index, prediction] of predicted[i]!.entries()) {
          figures.steps++;
          try {
            seen = await step(experiment, index, prediction, run, seen);
          } catch (error) {
            figures.failures.push((error as Error).message);
            break;
          }
        }
      }
    }

    try {
      await Promise.all(Array.from({ length: Math.min(concurrency, experiments.length) }, worker));
    } finally {
      connections.close();
    }
  }

  await Promise.all(Array.from({ length: attendees }, (_, n) => attendee(n)));
  figures.ms = performance.now() - started;
  const sorted = stepTimes.sort((a, b) => a - b);
  figures.stepMs = { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
  return figures;
}

/** Attendees in the bench: a full room, every one running the whole catalog at the same time. */
const BENCH_ATTENDEES = 60;

/**
 * `npm run bench`: the room's load on a class-mode lab in its own process (as
 * on the teacher's machine, where the browsers are elsewhere), and the time of
 * one step under it.
 */
export async function classLoadBench(): Promise<ClassLoadFigures> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./class-lab-process.ts', import.meta.url))], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const line = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`class-lab-process.ts exited (${code}) before it was ready`)));
    });
    const lab = JSON.parse(line) as ClassLoadOptions['lab'];
    return await classLoad({ lab, experiments: catalog, attendees: BENCH_ATTENDEES, exchangeTimeoutMs: 30_000, deadlineMs: 300_000 });
  } finally {
    child.kill('SIGTERM');
  }
}
