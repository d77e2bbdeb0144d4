/**
 * A fourth table of agreement cases, for requests beyond fetch after the web-platform-tests that load them
 * (html/semantics/embedded-content/the-img-element, html/cross-origin-embedder-policy's script and stylesheet
 * tests, eventsource/eventsource-cors, beacon/headers): an element with each `crossorigin` value against each
 * Access-Control-Allow-* answer, from the page's own origin, another origin of its site and another site, and from
 * a sandboxed page; an EventSource with and without credentials; a beacon of each body type. No expectations: the
 * model must agree with each engine (test/e2e/model-agreement.spec.ts in Chromium, engines-tables.test.ts for
 * Firefox and WebKit).
 */
import type { ExperimentInput } from '../../format/schema.ts';

const cases: ExperimentInput[] = [];
let n = 0;
const add = (group: string, title: string, rest: Omit<ExperimentInput, 'id' | 'title' | 'group'>): void => {
  cases.push({ id: `probe-elements-${group}-${++n}`, title, group: `probe-elements-${group}`, ...rest });
};

const ANSWERS = {
  none: {},
  star: { 'Access-Control-Allow-Origin': '*' },
  page: { 'Access-Control-Allow-Origin': '{page}' },
  'page+credentials': { 'Access-Control-Allow-Origin': '{page}', 'Access-Control-Allow-Credentials': 'true' },
  'star+credentials': { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' },
} as const;
type Answer = keyof typeof ANSWERS;
const ALL = Object.keys(ANSWERS) as Answer[];

for (const api of ['img', 'script', 'stylesheet'] as const) {
  for (const crossorigin of [undefined, 'anonymous', 'use-credentials'] as const) {
    for (const target of ['app', 'api', 'partner'] as const) {
      // Without the attribute the load is no-cors: only whether an answer has the header can matter.
      for (const answer of crossorigin ? ALL : (['none', 'star'] as const)) {
        add(api, `<${api}> crossorigin=${crossorigin ?? '(none)'} of ${target}, answer ${answer}`, {
          request: { api, target, ...(crossorigin ? { crossorigin } : {}) },
          server: { actual: { headers: ANSWERS[answer] } },
        });
      }
    }
  }
}
for (const api of ['img', 'script'] as const) {
  for (const crossorigin of ['anonymous', 'use-credentials'] as const) {
    for (const answer of ['star', 'page', 'page+credentials'] as const) {
      add('sandboxed', `sandboxed page: <${api}> crossorigin=${crossorigin} of api, answer ${answer}`, {
        page: 'null', request: { api, target: 'api', crossorigin }, server: { actual: { headers: ANSWERS[answer] } },
      });
    }
  }
}
for (const target of ['app', 'api', 'partner'] as const) {
  for (const credentials of ['same-origin', 'include'] as const) {
    for (const answer of ALL) {
      add('eventsource', `EventSource of ${target}, credentials ${credentials}, answer ${answer}`, {
        request: { api: 'eventsource', target, credentials },
        server: { actual: { headers: { ...ANSWERS[answer], 'Content-Type': 'text/event-stream' }, body: 'data: hi\n\n' } },
      });
    }
  }
}
for (const target of ['api', 'partner'] as const) {
  for (const type of [undefined, 'text/plain', 'application/json', 'application/x-www-form-urlencoded'] as const) {
    for (const answer of ['none', 'star', 'page+credentials'] as const) {
      const headers = ANSWERS[answer];
      add('beacon', `beacon to ${target}, Content-Type ${type ?? '(string body)'}, answer ${answer}`, {
        request: { api: 'beacon', target, method: 'POST', body: 'x', ...(type ? { headers: { 'Content-Type': type } } : {}) },
        server: { preflight: { headers: { ...headers, 'Access-Control-Allow-Headers': 'content-type' } }, actual: { headers } },
      });
    }
  }
}

export const elementsCases: readonly ExperimentInput[] = cases;
