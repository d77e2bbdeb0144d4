/**
 * Which prose still describes an experiment. The catalog's prose is written
 * for the catalog experiment as it stands; once the request or the server plan
 * is edited it may say the opposite of what now happens, so only the model's
 * own steps explain it. Prose that is not the catalog's (a user's own, e.g.
 * from a shared link) belongs to the user and is kept.
 */
import { pageOf, resolveRequest } from './format-defaults.ts';
import type { Experiment } from './schema.ts';

/** What decides the experiment's outcome, with every default filled in, keys sorted. */
function substance(e: Experiment): string {
  const server = e.server ?? {};
  const answer = (a: { status?: number; headers?: object; body?: string; bodyBase64?: string } | undefined, status: number) =>
    ({ status: a?.status ?? status, headers: a?.headers ?? {}, body: a?.body ?? '', bodyBase64: a?.bodyBase64 ?? '' });
  const value = {
    page: pageOf(e),
    request: resolveRequest(e.request),
    // The middleware's options and the browser's settings decide as much as the headers do.
    server: { preflight: answer(server.preflight, 204), actual: answer(server.actual, 200), redirects: server.redirects ?? [], middleware: server.middleware ?? null },
    browser: e.browser ?? {},
    pageHeaders: e.pageHeaders ?? {},
    then: (e.then ?? []).map((s) => ({ ...s.request, page: s.page, delayMs: s.delayMs })),
  };
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b))) : v));
}

/**
 * The prose to show: the catalog's, for the catalog experiment it was written for; or the experiment's
 * own text, with `sameAs` the catalog experiment of its id and setup when the catalog given carries no
 * explain to compare it with (the browser's: the text may be that experiment's, spelled out in a link).
 */
export type ProseOf = { kind: 'catalog'; source: Experiment } | { kind: 'own'; text: string; sameAs?: Experiment };

/**
 * The prose that still holds for `experiment`, or null. Its catalog experiment is the one of its id
 * when it carries no explain (the browser's catalog carries none: its prose downloads by id), else
 * the one whose explain it carries (a file or a link that spells the catalog's prose out).
 */
export function proseOf(experiment: Experiment, catalog: readonly Experiment[]): ProseOf | null {
  const own = experiment.explain;
  const source = own ? catalog.find((c) => c.explain === own) : catalog.find((c) => c.id === experiment.id);
  if (!source) {
    if (!own) return null;
    const sameId = catalog.find((c) => c.id === experiment.id && c.explain === undefined);
    const sameSetup = sameId !== undefined && substance(sameId) === substance(experiment);
    return sameSetup ? { kind: 'own', text: own, sameAs: sameId } : { kind: 'own', text: own };
  }
  return substance(experiment) === substance(source) ? { kind: 'catalog', source } : null;
}
