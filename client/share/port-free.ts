/**
 * An experiment as it travels (a downloaded JSON file, a share link): every
 * origin of the running lab written as a token (`{page}`, `{origin:api2}`)
 * where the plan expands tokens, so the file means the same on a lab with
 * other ports. `cors-lab run` starts its origins on free ports: a literal
 * `http://localhost:5312` typed in the page would name no origin of its lab,
 * and the file would judge another experiment than the page ran.
 * Tokens are expanded in response header values, the middleware's `origin`
 * option and `expect.originSeen` (servers/answer.ts expandTokens,
 * runner/compare.ts), so only those are rewritten.
 */
import { pageOf, type Experiment, type Expectation } from '../../experiments/schema.ts';
import { ORIGIN_NAMES, type OriginMap } from '../../servers/origins.ts';

type Rewrite = (value: string) => string;

/** Each origin of the lab, longest first, replaced where no further port digit or host character follows. */
function tokenizer(experiment: Experiment, origins: OriginMap): Rewrite {
  const page = pageOf(experiment);
  const names = [...ORIGIN_NAMES].sort((a, b) => origins[b].length - origins[a].length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(${names.map((n) => escape(origins[n])).join('|')})(?![\\w.:-])`, 'g');
  const tokenOf = (origin: string): string => {
    const name = names.find((n) => origins[n] === origin);
    if (!name) return origin;
    return page !== 'null' && name === page ? '{page}' : `{origin:${name}}`;
  };
  return (value) => value.replace(pattern, tokenOf);
}

function headersWith<T extends Record<string, string | string[]> | undefined>(headers: T, rewrite: Rewrite): T {
  if (!headers) return headers;
  const entries = Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.map(rewrite) : rewrite(value)]);
  return Object.fromEntries(entries) as T;
}

function expectWith(expect: Expectation | undefined, rewrite: Rewrite): Expectation | undefined {
  if (!expect || typeof expect.originSeen !== 'string') return expect;
  return { ...expect, originSeen: rewrite(expect.originSeen) };
}

export function portFreeExperiment(experiment: Experiment, origins: OriginMap): Experiment {
  const rewrite = tokenizer(experiment, origins);
  const server = experiment.server;
  const middleware = server?.middleware;
  const origin = middleware?.options?.origin;
  const rewrittenOrigin = typeof origin === 'string' ? rewrite(origin) : Array.isArray(origin) ? origin.map(rewrite) : origin;
  const out: Experiment = {
    ...experiment,
    ...(server
      ? {
          server: {
            ...server,
            ...(server.preflight ? { preflight: { ...server.preflight, headers: headersWith(server.preflight.headers, rewrite) } } : {}),
            ...(server.actual ? { actual: { ...server.actual, headers: headersWith(server.actual.headers, rewrite) } } : {}),
            ...(server.redirects ? { redirects: server.redirects.map((hop) => ({ ...hop, headers: headersWith(hop.headers, rewrite) })) } : {}),
            ...(middleware?.options && origin !== undefined ? { middleware: { ...middleware, options: { ...middleware.options, origin: rewrittenOrigin } } } : {}),
          } as Experiment['server'],
        }
      : {}),
    ...(experiment.expect ? { expect: expectWith(experiment.expect, rewrite) } : {}),
    ...(experiment.then ? { then: experiment.then.map((step) => (step.expect ? { ...step, expect: expectWith(step.expect, rewrite) } : step)) } : {}),
  };
  return JSON.parse(JSON.stringify(out)) as Experiment;
}
