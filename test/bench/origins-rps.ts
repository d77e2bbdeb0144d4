/**
 * Requests per second of an origin answering a planned URL, against a bare
 * Hono app with `hono/cors` answering a like response, both in their own
 * process, measured in alternating rounds of the same length at 100
 * concurrent keep-alive connections. Issue 7's target: ratio >= 0.9.
 */
import { encodePlan, plannedPath } from '../../plan/plan-url.ts';
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
    /** Only 200s count: a server answering errors fast would win the race. */
    const measure = async (port: number, target: string, host: string): Promise<number> => {
      const figures = await load({ port, host: '127.0.0.1', request: request(target, host), connections: CONNECTIONS, durationMs: ROUND_MS });
      if (figures.statuses[200] !== figures.requests || figures.errors) throw new Error(`${host}${target}: not all 200 (${JSON.stringify(figures.statuses)}, ${figures.errors} errors)`);
      return figures.rps;
    };
    for (let i = 0; i < ROUNDS; i++) {
      rounds.lab.push(await measure(lab.ports[1]!, path, lab.hosts[1]!));
      rounds.hono.push(await measure(hono.ports[0]!, '/anything', hono.hosts[0]!));
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
    return { lab: median(rounds.lab), hono: median(rounds.hono), ratio: median(rounds.lab) / median(rounds.hono) };
  } finally {
    await Promise.all([lab.stop(), hono.stop()]);
  }
}
