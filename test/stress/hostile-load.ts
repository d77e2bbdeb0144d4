/**
 * `npm run stress`: issue 7's figures against a lab in its own process, all
 * on loopback, bounded in count and time.
 *   1. 10,000 fuzzed requests over all origins: crashes, hangs, unasked 5xx,
 *      refused plans without a 400 JSON naming the field.
 *   2. 100,000 requests with 48 KB of headers through the raw-packet path.
 *   3. 1,000,000 ordinary planned requests (journaled under 20,000 runs).
 *   4. Ordinary requests' p50 beside 12 backtracking-pattern requests in
 *      flight (issue 15: within 2x of idle; regex-load.ts).
 * Resident memory is sampled throughout; the lab must stay under 400 MB and
 * answer everything. Counts can be lowered for a quick look:
 * STRESS_SCALE=0.1 npm run stress. Exit code 1 when a figure misses.
 */
import { encodePlan, plannedPath } from '../../servers/plan-url.ts';
import { startChild } from '../bench/child-server.ts';
import { load } from '../bench/load.ts';
import { fuzzCases, runFuzz } from '../fuzz/plan-fuzzer.ts';
import { rawExchange } from '../fuzz/raw-client.ts';
import { regexLoadFigures } from './regex-load.ts';

const SCALE = Number(process.env.STRESS_SCALE ?? '1');
const FUZZ = Math.round(10_000 * SCALE);
const BIG = Math.round(100_000 * SCALE);
const ORDINARY = Math.round(1_000_000 * SCALE);
const RSS_LIMIT_MB = 400;

const lab = await startChild('../bench/lab-process.ts');
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

  // 4. Backtracking origin patterns in flight (Express cors, on the linear-time engine).
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
