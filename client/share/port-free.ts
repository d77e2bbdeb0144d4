/**
 * An experiment as it travels (a downloaded JSON file, a share link): every
 * origin of the running lab written as a token (`{page}`, `{origin:api2}`)
 * where the plan expands tokens, so the file means the same on a lab with
 * other ports. `cors-lab run` starts its origins on free ports: a literal
 * `http://localhost:5312` typed in the page would name no origin of its lab,
 * and the file would judge another experiment than the page ran.
 * Tokens are expanded in response header values, the middleware's `origin`
 * option and `expect.originSeen` (plan/answer.ts expandTokens,
 * runner/compare.ts), so only those are rewritten.
 */
import { pageOf } from '../../format/format-defaults.ts';
import type { Experiment } from '../../format/schema.ts';
import { ORIGIN_NAMES, type OriginMap } from '../../plan/origins.ts';

type Rewrite = (value: string) => string;

/** Each origin of the lab, longest first, replaced where no further port digit or host character follows. */
function tokenizer(experiment: Experiment, origins: OriginMap): Rewrite {
  const page = pageOf(experiment);
  const names = [...ORIGIN_NAMES].sort((a, b) => origins[b].length - origins[a].length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = names.map((n) => escape(origins[n])).join('|');
  const pattern = new RegExp(`(${alternatives})(?![\\w.:-])`, 'g');
  const tokenOf = (origin: string): string => {
    const name = names.find((n) => origins[n] === origin);
    if (!name) return origin;
    return page !== 'null' && name === page ? '{page}' : `{origin:${name}}`;
  };
  return (value) => value.replace(pattern, tokenOf);
}

function headersWith<T extends Record<string, string | string[]>>(headers: T, rewrite: Rewrite): T {
  const entries = Object.entries(headers).map(([name, value]) => [
    name,
    Array.isArray(value) ? value.map(rewrite) : rewrite(value),
  ]);
  return Object.fromEntries(entries) as T;
}

export function portFreeExperiment(experiment: Experiment, origins: OriginMap): Experiment {
  const rewrite = tokenizer(experiment, origins);
  // A copy (without undefined fields, as a file holds it), rewritten in place.
  const out = JSON.parse(JSON.stringify(experiment)) as Experiment;
  const server = out.server;
  for (const answer of [server?.preflight, server?.actual, ...(server?.redirects ?? [])]) {
    if (answer?.headers) answer.headers = headersWith(answer.headers, rewrite);
  }
  // Each middleware has its own options; `origin` is the one the plan expands tokens in.
  const options = server?.middleware?.options as { origin?: unknown } | undefined;
  if (typeof options?.origin === 'string') options.origin = rewrite(options.origin);
  else if (options && Array.isArray(options.origin)) {
    options.origin = options.origin.map((o: unknown) => (typeof o === 'string' ? rewrite(o) : o));
  }
  for (const expect of [out.expect, ...(out.then ?? []).map((step) => step.expect)]) {
    if (expect && typeof expect.originSeen === 'string') expect.originSeen = rewrite(expect.originSeen);
  }
  return out;
}
