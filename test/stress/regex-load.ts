/**
 * Issue 15's figures for origin patterns: ordinary requests' p50, measured
 * one after another, with nothing else running; while 12 backtracking-pattern
 * requests are in flight every 100 ms (a page firing 12 fetches a tick); and
 * while 12 clients send them back to back, beside the same 12 clients sending
 * the same plan with an Origin that backtracks nowhere (so the figure shows
 * what backtracking adds, not what 12 busy clients cost), in latency and in
 * the lab's own CPU time per request (which the machine's load hardly moves).
 * On the lab's linear-time engine (format/origin-pattern.ts) it adds
 * nothing; under the old 100 ms budget each such request held the event loop
 * up to 200 ms. All on loopback, bounded in count.
 */
import { readFileSync } from 'node:fs';
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';
import { parseResponses, rawExchange } from '../fuzz/raw-client.ts';

/** 2^40 backtracking steps for /^http:\/\/(a+)+$/ on JavaScript's engine: hours. */
export const HOSTILE_ORIGIN = `http://${'a'.repeat(40)}!`;
export const BACKTRACKING_PATTERN = '/^http:\\/\\/(a+)+$/';
const IN_FLIGHT = 12;
/** Requests per CPU-time sample: the /proc clock counts 10 ms steps, these take some hundreds of ms. */
const CPU_REQUESTS = 300;

export interface LabAddress {
  ports: readonly number[];
  hosts: readonly string[];
  /** The lab's process, whose CPU time is read from /proc (Linux). */
  pid: number;
}

export interface RegexLoadFigures {
  /** Ordinary requests' p50 with nothing else running. */
  idleMs: number;
  /** With 12 backtracking-pattern requests in flight every 100 ms. */
  pacedMs: number;
  /** With 12 clients sending backtracking-pattern requests back to back. */
  hostileMs: number;
  /** With the same 12 clients, the same plan, an Origin on which no pattern backtracks. */
  harmlessMs: number;
  /**
   * The lab's CPU time for each request of the same plan, sent back to back by 12 clients, in
   * microseconds: with a backtracking Origin, and with one on which no pattern backtracks. Unlike
   * latency, a process's own CPU time hardly moves with how busy the machine is.
   */
  hostileCpuUs: number;
  harmlessCpuUs: number;
  /** Hostile requests answered while measuring, and how many distinct answers (status and headers) they got. */
  hostileAnswered: number;
  hostileAnswers: string[];
}

const ordinaryPlan = encodePlan({
  page: 'app',
  server: { actual: { headers: { 'Access-Control-Allow-Origin': '{reflect}' } } },
});
const patterns = Array<string>(8).fill(BACKTRACKING_PATTERN);
const patternPlan = encodePlan({
  page: 'app',
  server: { middleware: { name: 'cors', options: { origin: ['http://localhost:1', ...patterns] } } },
});
/** As long as HOSTILE_ORIGIN; /^http:\/\/(a+)+$/ fails on it at the first "b", in any engine. */
const HARMLESS_ORIGIN = `http://${'b'.repeat(40)}!`;

function request(lab: LabAddress, plan: string, run: string, origin: string): string {
  const target = plannedPath(run, 0, plan, '/');
  const lines = [`GET ${target} HTTP/1.1`, `Host: ${lab.hosts[1]}`, `Origin: ${origin}`, 'Connection: close'];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

async function send(lab: LabAddress, bytes: string): Promise<string> {
  const { text } = await rawExchange(lab.ports[1]!, [bytes], { deadlineMs: 60_000 });
  return text;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The times of `count` ordinary requests sent one after another. */
async function ordinaryTimes(lab: LabAddress, count: number, tag: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const text = await send(lab, request(lab, ordinaryPlan, `ordinary-${tag}-${i}`, 'http://localhost:5310'));
    times.push(performance.now() - started);
    if (parseResponses(text)[0]?.status !== 200) {
      throw new Error(`an ordinary request got ${text.slice(0, 40) || 'no answer'}`);
    }
  }
  return times;
}

/**
 * Runs `IN_FLIGHT` clients sending `bytes`, back to back or each at most once
 * per `tickMs`, while `during` runs; returns its result and their answers' heads.
 */
async function whileInFlight<T>(
  lab: LabAddress,
  bytes: (i: number) => string,
  tickMs: number,
  during: () => Promise<T>,
): Promise<{ result: T; heads: string[] }> {
  let stop = false;
  const heads: string[] = [];
  let sent = 0;
  const clients = Array.from({ length: IN_FLIGHT }, async () => {
    while (!stop) {
      const tick = new Promise((resolve) => setTimeout(resolve, tickMs));
      heads.push(parseResponses(await send(lab, bytes(sent++)))[0]?.head ?? 'no answer');
      await tick;
    }
  });
  try {
    return { result: await during(), heads };
  } finally {
    stop = true;
    await Promise.all(clients);
  }
}

/** The process's CPU time so far (user and system), in microseconds: /proc/PID/stat fields 14 and 15. */
function cpuUs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // Fields 14 and 15 of the line, counted from 1, are the 12th and 13th after the command name's ")".
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / CLOCK_TICKS;
}
/** Linux's USER_HZ, the unit of /proc times, is 100 on every architecture Node runs on. */
const CLOCK_TICKS = 100;

/** The lab's CPU time for each of `count` requests, sent by IN_FLIGHT clients back to back. */
async function cpuPerRequest(
  lab: LabAddress,
  bytes: (i: number) => string,
  count: number,
): Promise<{ us: number; heads: string[] }> {
  const heads: string[] = [];
  let next = 0;
  const before = cpuUs(lab.pid);
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) heads.push(parseResponses(await send(lab, bytes(next++)))[0]?.head ?? 'no answer');
    }),
  );
  return { us: (cpuUs(lab.pid) - before) / count, heads };
}

/**
 * The four conditions take turns, `rounds` times, `perRound` ordinary requests
 * each, so a machine that gets busier or calmer meanwhile (other work) weighs
 * on all four alike; each figure is the p50 of all its rounds.
 */
export async function regexLoadFigures(lab: LabAddress, rounds = 4, perRound = 10): Promise<RegexLoadFigures> {
  // Warm up both paths (module loading, the first compile), as any running lab is.
  for (let i = 0; i < 20; i++) {
    await send(lab, request(lab, patternPlan, 'warm', i % 2 ? HOSTILE_ORIGIN : HARMLESS_ORIGIN));
    await ordinaryTimes(lab, 1, `warm-${i}`);
  }
  const hostile = (i: number): string => request(lab, patternPlan, `hostile-${i % 100}`, HOSTILE_ORIGIN);
  const harmless = (i: number): string => request(lab, patternPlan, `harmless-${i % 100}`, HARMLESS_ORIGIN);
  const times = { idle: [] as number[], paced: [] as number[], hostile: [] as number[], harmless: [] as number[] };
  const cpu = { hostile: 0, harmless: 0 };
  const heads: string[] = [];
  // Round -1 warms every path (the lab's JIT, the compiled patterns, the sockets) and is not counted.
  for (let round = -1; round < rounds; round++) {
    const tag = (name: string): string => `${name}-${round}`;
    times.idle.push(...(await ordinaryTimes(lab, perRound, tag('idle'))));
    const paced = await whileInFlight(lab, hostile, 100, () => ordinaryTimes(lab, perRound, tag('paced')));
    const calm = await whileInFlight(lab, harmless, 0, () => ordinaryTimes(lab, perRound, tag('harmless')));
    const flood = await whileInFlight(lab, hostile, 0, () => ordinaryTimes(lab, perRound, tag('hostile')));
    const hostileCpu = await cpuPerRequest(lab, hostile, CPU_REQUESTS);
    const harmlessCpu = await cpuPerRequest(lab, harmless, CPU_REQUESTS);
    if (round < 0) continue;
    cpu.hostile += hostileCpu.us / rounds;
    cpu.harmless += harmlessCpu.us / rounds;
    heads.push(...hostileCpu.heads);
    times.paced.push(...paced.result);
    times.harmless.push(...calm.result);
    times.hostile.push(...flood.result);
    heads.push(...paced.heads, ...flood.heads);
  }
  return {
    idleMs: median(times.idle),
    pacedMs: median(times.paced),
    hostileMs: median(times.hostile),
    harmlessMs: median(times.harmless),
    hostileCpuUs: cpu.hostile,
    harmlessCpuUs: cpu.harmless,
    hostileAnswered: heads.length,
    hostileAnswers: [...new Set(heads)],
  };
}
