/**
 * Requests per second of an origin answering a planned URL, against a bare
 * Hono app with `hono/cors` answering a like response, both in their own
 * process, measured in alternating rounds of the same length at 100
 * concurrent keep-alive connections. Issue 7's target: ratio >= 0.9.
 */
import { encodePlan, plannedPath } from '../../servers/plan-url.ts';
import { startChild } from './child-server.ts';
import { load } from './load.ts';

const CONNECTIONS = 100;
const ROUND_MS = 3000;
const ROUNDS = 3;

export async function originsVersusHono(): Promise<{ lab: number; hono: number; ratio: number }> {
  const [lab, hono] = [await startChild('./lab-process.ts'), await startChild('./bare-hono-process.ts')];
  try {
    const path = plannedPath('bench', 0, encodePlan({ page: 'app', server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } } }), '/');
    const request = (target: string, host: string) => () => `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://localhost:5310\r\n\r\n`;
    const rounds = { lab: [] as number[], hono: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      rounds.lab.push((await load({ port: lab.ports[1]!, host: '127.0.0.1', request: request(path, lab.hosts[1]!), connections: CONNECTIONS, durationMs: ROUND_MS })).rps);
      rounds.hono.push((await load({ port: hono.ports[0]!, host: '127.0.0.1', request: request('/anything', hono.hosts[0]!), connections: CONNECTIONS, durationMs: ROUND_MS })).rps);
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    return { lab: median(rounds.lab), hono: median(rounds.hono), ratio: median(rounds.lab) / median(rounds.hono) };
  } finally {
    await Promise.all([lab.stop(), hono.stop()]);
  }
}
