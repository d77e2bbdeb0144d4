/**
 * A step that loads code takes no planned body (script-body.ts), by every way an experiment enters: a file (the CLI,
 * `cors.run()`), the schema's check (links, the editor, `predict()`), a share link and the playground's editor.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { predict } from '../api/model.ts';
import { catalog } from '../experiments/catalog/index.ts';
import { experimentFromHash, experimentHash } from '../client/share/experiment-link.ts';
import { draftOf, experimentFromDraft } from '../client/lab/editor-draft.ts';
import { API, type Experiment, type ExperimentInput } from './schema.ts';
import { CODE_APIS, loadsCode } from './script-body.ts';
import { POST_MESSAGE_VIA } from './frames.ts';
import { requestDestination } from '../experiments/model/request-destination.ts';
import { SCRIPT_LIKE_DESTINATIONS } from '../plan/answer.ts';
import { loadExperimentSources } from './load-files.ts';
import { problemText } from './problems/index.ts';
import { validateExperiments } from './validate.ts';
import { refusals } from '../test/schema-refusals.ts';

const PAYLOAD = "parent.document.title = 'owned'";
const base = { id: 'script-body', title: 'A script with a body', group: 'resources' };
const scriptWith = (actual: object): ExperimentInput =>
  ({ ...base, request: { api: 'script', target: 'app' }, server: { actual } }) as ExperimentInput;

/** The problems of an experiment, as the CLI prints them. */
const problems = (input: unknown, source = 'x.json'): string[] => refusals(input, source);

const said = (field: string, step: string, source = 'x.json'): string =>
  `${source}: server.actual.${field}: ${problemText({ code: 'scriptBody', step })}`;

describe('a step that loads code takes no planned body', () => {
  it('knows which of the format\'s APIs load code: those whose request the servers see as script-like', () => {
    // The model's destination for each step (what it sends as Sec-Fetch-Dest) against the destinations the servers
    // refuse a planned body for (plan/answer.ts): a third list, not CODE_APIS itself, so the two cannot drift.
    for (const api of API) {
      for (const via of api === 'postMessage' ? POST_MESSAGE_VIA : [undefined]) {
        const destination = requestDestination({ api, via });
        expect(loadsCode(api), `${api}${via ? ` via ${via}` : ''}: "${destination}"`)
          .toBe(SCRIPT_LIKE_DESTINATIONS.has(destination));
      }
    }
    expect(CODE_APIS).toEqual(['script']);
  });

  for (const [field, actual] of [['body', { body: PAYLOAD }], ['bodyBase64', { bodyBase64: btoa(PAYLOAD) }]] as const) {
    it(`refuses server.actual.${field} for a script request, naming the field and the step`, () => {
      expect(problems(scriptWith(actual))).toEqual([said(field, 'request.api')]);
      const typed = scriptWith({ ...actual, headers: { 'Content-Type': 'text/javascript' } });
      expect(problems(typed)).toEqual([said(field, 'request.api')]);
      const words = problemText({ code: 'scriptBody', step: 'request.api' });
      expect(problems([scriptWith(actual)], 'list.json')).toEqual([`list.json: [0].server.actual.${field}: ${words}`]);
    });
  }

  it('refuses it when only a then step loads the script, or when a step inherits script from the first', () => {
    const fetchThenScript = {
      ...base, request: { target: 'app', method: 'POST', body: 'x' }, server: { actual: { body: PAYLOAD } },
      then: [{ request: { api: 'fetch' } }, { request: { api: 'script', method: 'GET', body: null } }] };
    expect(problems(fetchThenScript)).toEqual([said('body', 'then[1].request.api')]);
    const inherited = { ...scriptWith({ body: PAYLOAD }), then: [{ title: 'again' }] };
    expect(problems(inherited)).toEqual([said('body', 'request.api')]);
  });

  it('refuses it behind a middleware and after redirects, where the final hop answers with the same body', () => {
    const middleware = { name: 'hono/cors', options: { origin: '*' } };
    const script = { ...base, request: { api: 'script', target: 'api' } };
    expect(problems({ ...script, server: { middleware, actual: { body: PAYLOAD } } }))
      .toEqual([said('body', 'request.api')]);
    expect(problems({ ...script, server: { redirects: [{ to: 'app' }], actual: { body: PAYLOAD } } }))
      .toEqual([said('body', 'request.api')]);
  });

  it('accepts a script without a body, and a body for every API that does not run it as code', () => {
    expect(problems(scriptWith({ headers: { 'Access-Control-Allow-Origin': '*' } }))).toEqual([]);
    for (const api of ['fetch', 'xhr', 'img', 'stylesheet', 'eventsource'] as const) {
      const served = { ...base, request: { api, target: 'api' }, server: { actual: { body: PAYLOAD } } };
      expect(problems(served), api).toEqual([]);
    }
    expect(catalog.filter((e) => [e.request, ...(e.then ?? []).map((s) => ({ ...e.request, ...s.request }))]
      .some((r) => loadsCode(r.api ?? 'fetch')))).not.toEqual([]);
    expect(validateExperiments(catalog, 'catalog')).toHaveLength(catalog.length);
  });

  it('is refused in a file with its name, by the library\'s predict(), in a share link and in the editor', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cors-lab-script-body-'));
    try {
      const file = join(folder, 'hostile.json');
      await writeFile(file, JSON.stringify([scriptWith({ body: PAYLOAD })], null, 2));
      await expect(loadExperimentSources([file])).rejects.toThrow(
        `${file}: [0].server.actual.body: ${problemText({ code: 'scriptBody', step: 'request.api' })}`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    await expect(predict(scriptWith({ body: PAYLOAD }))).rejects.toThrow(said('body', 'request.api', 'predict()'));
    await expect(experimentFromHash(experimentHash(scriptWith({ bodyBase64: btoa(PAYLOAD) }) as Experiment)))
      .rejects.toThrow(said('bodyBase64', 'request.api', 'link'));
    const script = catalog.find((e) => e.request.api === 'script' && !e.then)!;
    const drafted = await experimentFromDraft({ ...draftOf(script), actualBody: PAYLOAD }, script);
    expect(drafted.experiment).toBeUndefined();
    const words = problemText({ code: 'scriptBody', step: 'request.api' });
    expect(drafted.problems.actualBody).toEqual([`server.actual.body: ${words}`]);
  });
});
