/**
 * `npm run stress`: issue 7's figures against a lab in its own process, all
 * on loopback, bounded in count and time.
 *   1. 10,000 fuzzed requests over all origins: crashes, hangs, unasked 5xx,
 *      refused plans without a 400 JSON naming the field.
 *   2. 100,000 requests with 48 KB of headers through the raw-packet path.
 *   3. 1,000,000 ordinary planned requests (journaled under 20,000 runs).
 *   4. 20,000 requests with a 14 KB header value the journal cuts to 2,048
 *      characters (enough to fill its 64 MB budget).
 *   5. A class: 10,000 new runs from one client (127.0.0.2) between the two
 *      steps of another attendee's run (127.0.0.3), which must stay whole.
 *   6. Ordinary requests' p50 beside 12 backtracking-pattern requests in
 *      flight (issue 15: within 2x of idle; regex-load.ts).
 * Resident memory is sampled throughout; the lab must stay under 400 MB and
 * answer everything. At the end the journal's counter is printed beside the
 * heap it really holds (V8's heap in use after a full collection, less the
 * same before any load): a cut value must not keep its whole parent alive. Counts can be lowered for a quick look:
 * STRESS_SCALE=0.1 npm run stress. Exit code 1 when a figure misses.
 */
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';
import { startChild } from '../bench/child-server.ts';
import { load } from '../bench/load.ts';
import { fuzzCases, runFuzz } from '../fuzz/plan-fuzzer.ts';
import { parseResponses, rawExchange, requestBytes } from '../fuzz/raw-client.ts';
import type { JournalRead } from '../../plan/journal-entry.ts';
import { regexLoadFigures } from './regex-load.ts';

const SCALE = Number(process.env.STRESS_SCALE ?? '1');
const FUZZ = Math.round(10_000 * SCALE);
const BIG = Math.round(100_000 * SCALE);
const ORDINARY = Math.round(1_000_000 * SCALE);
const CUT = Math.round(20_000 * SCALE);
/** The issue's figure at any scale: enough to fill the journal's 5,000 runs twice, and a few seconds of load. */
const CLASS_FLOOD = 10_000;
const RSS_LIMIT_MB = 400;
/** The heap the journal holds may exceed its counter by this factor (V8 object headers) plus what the lab itself grows. */
const HEAP_PER_COUNTED = 1.25;
const OTHER_HEAP_MB = 8;

interface HeapFigures {
  heapUsed: number;
  journalBytes: number;
}
const MB = 1024 * 1024;

const lab = await startChild('../bench/lab-process.ts', ['--expose-gc']);
const heap = async (): Promise<HeapFigures> => JSON.parse(await lab.ask('heap')) as HeapFigures;
const idle = await heap();
let peakMb = lab.rssMb();
const sampler = setInterval(() => (peakMb = Math.max(peakMb, lab.rssMb())), 250);
let crashed = false;
lab.process.once('exit', () => (crashed = true));
const problems: string[] = [];
const print = (line: string): void => void process.stdout.write(`${line}\n`);

try {
  // 1. Fuzz.
  const fuzz = await runFuzz(fuzzCases(2024, FUZZ), lab.ports, 32);
  const unasked = fuzz.failures.filter((f) => f.problem.startsWith('unasked'));
  print(`fuzz: ${fuzz.requests} requests in ${(fuzz.ms / 1000).toFixed(1)} s; statuses ${JSON.stringify(fuzz.byStatus)}`);
  print(`  crashes ${crashed ? 1 : 0}, hangs ${fuzz.hangs}, unasked 5xx ${unasked.length}, other failures ${fuzz.failures.length - unasked.length - fuzz.hangs}`);
  for (const failure of fuzz.failures.slice(0, 5)) print(`  e.g. ${failure.kind} ${failure.method}: ${failure.problem}`);
  if (fuzz.failures.length || crashed) problems.push('fuzz');

  // 2. 48 KB of headers on the raw-packet path, 50 connections at a time.
  const bigHeaders = Array.from({ length: 48 }, (_, i) => `X-Pad-${i}: ${'a'.repeat(1000)}`).join('\r\n');
  const bigStatuses: Record<string, number> = {};
  let next = 0;
  const bigStarted = performance.now();
  await Promise.all(
    Array.from({ length: 50 }, async () => {
      while (next < BIG) {
        const i = next++;
        const port = lab.ports[i % lab.ports.length]!;
        const target = plannedPath(`big-${i % 1000}`, 0, encodePlan({ page: 'app', server: {} }), '/');
        const { text } = await rawExchange(port, [`CHICKEN ${target} HTTP/1.1\r\nHost: ${lab.hosts[i % lab.hosts.length]}\r\n${bigHeaders}\r\n\r\n`], { deadlineMs: 10_000 });
        const status = text.slice(9, 12) || 'none';
        bigStatuses[status] = (bigStatuses[status] ?? 0) + 1;
      }
    }),
  );
  print(`48 KB headers, raw path: ${BIG} requests in ${((performance.now() - bigStarted) / 1000).toFixed(1)} s; statuses ${JSON.stringify(bigStatuses)}; RSS now ${lab.rssMb().toFixed(0)} MB`);
  if (bigStatuses['431'] !== BIG) problems.push('48 KB headers: not every request got 431');

  // 3. Ordinary requests, keep-alive, 100 connections, on the api origin.
  const plan = encodePlan({ page: 'app', server: { actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}', 'X-Pad': 'p'.repeat(200) } } } });
  const ordinary = await load({
    port: lab.ports[1]!,
    host: '127.0.0.1',
    connections: 100,
    total: ORDINARY,
    request: (i) => `GET ${plannedPath(`load-${i % 20_000}`, 0, plan, `/item/${i}`)} HTTP/1.1\r\nHost: ${lab.hosts[1]}\r\nOrigin: http://localhost:5310\r\nX-Client-Pad: ${'c'.repeat(500)}\r\n\r\n`,
  });
  print(`ordinary: ${ordinary.requests} requests in ${(ordinary.ms / 1000).toFixed(1)} s (${ordinary.rps.toFixed(0)} rps); statuses ${JSON.stringify(ordinary.statuses)}; connection errors ${ordinary.errors}`);
  if (ordinary.statuses[200] !== ORDINARY) problems.push('ordinary: not every request got 200');

  // 4. Values the journal cuts: each keeps 2,048 characters of a 14 KB header (Node takes 16 KB of head).
  const cutPlan = encodePlan({ page: 'app', server: { actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}' } } } });
  const long = 'l'.repeat(14 * 1024);
  const cut = await load({
    port: lab.ports[1]!,
    host: '127.0.0.1',
    connections: 50,
    total: CUT,
    request: (i) => `GET ${plannedPath(`cut-${i % 5000}`, 0, cutPlan, `/cut/${i}`)} HTTP/1.1\r\nHost: ${lab.hosts[1]}\r\nOrigin: http://localhost:5310\r\nX-Long: ${long}\r\n\r\n`,
  });
  print(`cut values: ${cut.requests} requests in ${(cut.ms / 1000).toFixed(1)} s; statuses ${JSON.stringify(cut.statuses)}; connection errors ${cut.errors}`);
  if (cut.statuses[200] !== CUT) problems.push('cut values: not every request got 200');

  // 5. One attendee floods the lab between the two steps of another's run.
  const attendee = (target: string): Promise<string> =>
    rawExchange(lab.ports[1]!, [requestBytes('GET', target, lab.hosts[1]!)], { localAddress: '127.0.0.3' }).then((r) => r.text);
  const attendeeStep = plannedPath('attendee', 0, cutPlan, '/step');
  await attendee(attendeeStep);
  const flood = await load({
    port: lab.ports[1]!,
    host: '127.0.0.1',
    localAddress: '127.0.0.2',
    connections: 20,
    total: CLASS_FLOOD,
    request: (i) => `GET ${plannedPath(`flood-${i}`, 0, cutPlan, '/')} HTTP/1.1\r\nHost: ${lab.hosts[1]}\r\n\r\n`,
  });
  await attendee(attendeeStep);
  const read = await rawExchange(lab.ports[0]!, [requestBytes('GET', '/__journal/attendee', lab.hosts[0]!)], { localAddress: '127.0.0.3' });
  const attendeeRun = JSON.parse(parseResponses(read.text)[0]?.body ?? '{}') as Partial<JournalRead>;
  const kept = attendeeRun.entries?.length ?? 0;
  print(`class: ${flood.requests} new runs from 127.0.0.2 in ${(flood.ms / 1000).toFixed(1)} s; the attendee on 127.0.0.3 reads ${kept} of its 2 entries${attendeeRun.evicted ? ` (${attendeeRun.evicted})` : ''}`);
  if (kept !== 2 || attendeeRun.evicted) problems.push('class: the flood evicted another attendee\'s run');

  const full = await heap();
  const countedMb = full.journalBytes / MB;
  const heldMb = (full.heapUsed - idle.heapUsed) / MB;
  print(`journal: counted ${countedMb.toFixed(1)} MB of its 64 MB budget; heap held ${heldMb.toFixed(1)} MB beyond the idle lab's ${(idle.heapUsed / MB).toFixed(1)} MB (after a full collection; limit ${HEAP_PER_COUNTED} x counted + ${OTHER_HEAP_MB} MB)`);
  if (heldMb > HEAP_PER_COUNTED * countedMb + OTHER_HEAP_MB) problems.push(`journal heap ${heldMb.toFixed(0)} MB for ${countedMb.toFixed(0)} MB counted`);

  // 6. Backtracking origin patterns in flight (Express cors, on the linear-time engine).
  const regex = await regexLoadFigures({ ...lab, pid: lab.process.pid! }, Math.max(1, Math.round(8 * SCALE)));
  const ms = (value: number): string => `${value.toFixed(2)} ms`;
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}x`;
  print(
    `regex: ordinary p50 idle ${ms(regex.idleMs)}; with 12 backtracking requests in flight every 100 ms ` +
      `${ms(regex.pacedMs)} (${ratio(regex.pacedMs, regex.idleMs)}); 12 clients back to back: backtracking ` +
      `${ms(regex.hostileMs)}, same plan without backtracking ${ms(regex.harmlessMs)} ` +
      `(${ratio(regex.hostileMs, regex.harmlessMs)}); the lab's CPU a request: backtracking ${regex.hostileCpuUs.toFixed(0)} µs, ` +
      `without ${regex.harmlessCpuUs.toFixed(0)} µs (${ratio(regex.hostileCpuUs, regex.harmlessCpuUs)}); ` +
      `${regex.hostileAnswered} backtracking requests, ${regex.hostileAnswers.length} distinct answer(s)`,
  );
  if (regex.pacedMs > 2 * regex.idleMs + 10 || regex.hostileCpuUs > 2 * regex.harmlessCpuUs) {
    problems.push('regex: backtracking requests slowed ordinary ones');
  }
  if (regex.hostileAnswers.length !== 1) problems.push('regex: the same backtracking request got different answers');

  const alive = await rawExchange(lab.ports[0]!, [`GET /__lab/origins HTTP/1.1\r\nHost: ${lab.hosts[0]}\r\nConnection: close\r\n\r\n`]);
  print(`after: the lab answers (${alive.text.slice(0, 15)}), crashed ${crashed}, peak RSS ${peakMb.toFixed(0)} MB (limit ${RSS_LIMIT_MB} MB), RSS now ${lab.rssMb().toFixed(0)} MB`);
  if (!alive.text.startsWith('HTTP/1.1 200')) problems.push('the lab stopped answering');
  if (peakMb >= RSS_LIMIT_MB) problems.push(`peak RSS ${peakMb.toFixed(0)} MB`);
} finally {
  clearInterval(sampler);
  await lab.stop();
}
print(problems.length ? `FAILED: ${problems.join('; ')}` : 'all figures met');
process.exitCode = problems.length ? 1 : 0;
