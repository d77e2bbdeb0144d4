/**
 * A step that loads code takes no planned answer body. The page that loads it is the runner page of a lab origin,
 * and `app`'s is a frame on the playground's own origin: a shared link's `server.actual.body` loaded as a script
 * would run its author's code there (every run's journal, the page itself). The servers refuse such a body when the
 * browser says it asks for code (`Sec-Fetch-Dest: script`, plan/answer.ts), but a browser sends no `Sec-Fetch-*` to
 * an origin that is not potentially trustworthy (class mode over http on a network address), so the format refuses
 * it first, for every way an experiment enters (files, the editor, links, `predict()`, `cors.run()`).
 * https://fetch.spec.whatwg.org/#request-destination-script-like
 * https://w3c.github.io/webappsec-fetch-metadata/#sec-fetch-dest-header
 * Plain code without zod, like frame-schema.ts's rules.
 */
import type { Problem } from './problems/index.ts';

/**
 * The APIs whose answer the browser runs as code: of the format's APIs, only the `script` element, the one whose
 * request destination is script-like (script-body.test.ts checks this against the model's destinations,
 * experiments/model/request-destination.ts, and the servers' SCRIPT_LIKE_DESTINATIONS, plan/answer.ts).
 */
export const CODE_APIS = ['script'] as const;

export function loadsCode(api: string): boolean {
  return (CODE_APIS as readonly string[]).includes(api);
}

interface ScriptBodyFields {
  request: { api?: string | undefined };
  server?: { actual?: { body?: string | undefined; bodyBase64?: string | undefined } | undefined } | undefined;
  then?: Array<{ request?: { api?: string | undefined } | undefined }> | undefined;
}

/** The planned body a code-loading step would be answered with, named by its field; none when there is none. */
export function scriptBodyProblems(exp: ScriptBodyFields): Array<{ problem: Problem; path: PropertyKey[] }> {
  const actual = exp.server?.actual;
  const field = actual?.body !== undefined ? 'body' : actual?.bodyBase64 !== undefined ? 'bodyBase64' : null;
  if (field === null) return [];
  const firstApi = exp.request.api ?? 'fetch';
  // A `then` step without its own api repeats the first request's: the first request then names the problem.
  const steps = [
    { api: firstApi, step: 'request.api' },
    ...(exp.then ?? []).map((step, i) => ({ api: step.request?.api ?? firstApi, step: `then[${i}].request.api` })),
  ];
  const loading = steps.find(({ api }) => loadsCode(api));
  return loading ? [{ problem: { code: 'scriptBody', step: loading.step }, path: ['server', 'actual', field] }] : [];
}
