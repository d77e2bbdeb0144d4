/**
 * The plain predict() agrees with the lab's prediction on the whole catalog: each experiment that a
 * user could describe as one request and its answers (no `then` steps, no redirect chain, no declared
 * address space) is turned into the plain form, with the answers the lab's servers give (middleware
 * run for real), and both predictions must say the same.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../experiments/catalog/index.ts';
import { predictExperimentAsync } from '../experiments/model/predict.ts';
import type { PredictedRequest } from '../experiments/model/prediction.ts';
import type { Experiment } from '../format/schema.ts';
import { DEFAULT_ORIGIN_MAP, type OriginName } from '../plan/origins.ts';
import { predict } from './model.ts';
import type { AnyOriginInput } from './predict-input.ts';

const origins = DEFAULT_ORIGIN_MAP;

/**
 * The lab's `public` origin is 127.0.0.1, declared public to Chromium by a flag; a user's public page
 * has a public host name. Every other lab origin is a loopback one, as its host says.
 */
const plainApi = (api: Experiment['request']['api']): 'fetch' | 'xhr' | undefined | null =>
  api === undefined || api === 'fetch' || api === 'xhr' ? api : null;

const plainOrigin = (name: OriginName): string => (name === 'public' ? 'http://public.example' : origins[name]);

/** Whether a user could describe the experiment as one request and its answers. */
function isPlain(experiment: Experiment): boolean {
  // Not: then steps (they share caches and cookies), a redirect chain, a declared target address space,
  // an element load or page headers (format 1.2: predict() takes a fetch or an XHR).
  return !experiment.then && !experiment.server?.redirects && !experiment.request.targetAddressSpace &&
    plainApi(experiment.request.api) !== null && !experiment.pageHeaders;
}

/** A response that redirects to itself (a loop) is a chain too: the lab followed it. */
const followedRedirect = (requests: readonly PredictedRequest[]): boolean =>
  requests.filter((r) => r.kind === 'actual').length > 1;

const answerOf = (request: PredictedRequest | undefined) =>
  request ? { status: request.status, headers: request.responseHeaders } : undefined;

function plainFormOf(experiment: Experiment, requests: readonly PredictedRequest[]): AnyOriginInput {
  const page = experiment.page ?? 'app';
  const { method, headers, body, credentials, mode, redirect } = experiment.request;
  const api = plainApi(experiment.request.api);
  if (api === null) throw new Error(`${experiment.id}: not a fetch or an XHR`);
  const preflight = answerOf(requests.find((r) => r.kind === 'preflight'));
  return {
    origin: page === 'null' ? 'null' : plainOrigin(page),
    request: {
      url: plainOrigin(experiment.request.target) + (experiment.request.path ?? '/'),
      api,
      method,
      headers,
      body,
      credentials,
      mode,
      redirect,
    },
    ...(preflight ? { preflight } : {}),
    // A request stopped before its actual request went out: any answer, which the model never reads.
    response: answerOf(requests.find((r) => r.kind === 'actual')) ?? { status: 200, headers: [] },
    ...(experiment.browser?.localNetworkAccess
      ? { browser: { localNetworkAccess: experiment.browser.localNetworkAccess } }
      : {}),
  };
}

const plain = catalog.filter(isPlain);

describe('predict() in plain form = the lab prediction, over the catalog', () => {
  it('most of the catalog\'s fetch and XHR experiments have a plain form (the comparison below is not vacuous)', () => {
    // predict() takes a fetch or an XHR: format 1.2's other APIs (elements, forms, beacons, frames, sockets) are not
    // counted against it.
    expect(plain.length).toBeGreaterThan(catalog.filter((e) => plainApi(e.request.api) !== null).length / 2);
  });

  for (const experiment of plain) {
    it(`${experiment.id}: same outcome, reason, preflight, status and readable headers`, async () => {
      const [lab] = await predictExperimentAsync(experiment, origins);
      if (!lab) throw new Error(`${experiment.id}: the lab predicted no step`);
      if (followedRedirect(lab.requests)) {
        // Told apart, not guessed: the plain form of one hop says the next one is missing.
        expect(await predict(plainFormOf(experiment, lab.requests))).toMatchObject({
          outcome: 'incomplete',
          missing: 'redirect',
        });
        return;
      }
      const result = await predict(plainFormOf(experiment, lab.requests));
      expect({
        outcome: result.outcome,
        reason: result.reason,
        failedParameter: result.failedParameter,
        preflightSent: result.preflight.sent,
        status: result.status,
        responseType: result.responseType,
        readableHeaders: result.readableHeaders,
        pageError: result.pageError,
      }).toEqual({
        outcome: lab.outcome,
        reason: lab.reason,
        failedParameter: lab.failedParameter,
        preflightSent: lab.preflight,
        status: lab.status,
        responseType: lab.responseType,
        readableHeaders: lab.readableHeaders,
        pageError: lab.pageError,
      });
    });
  }
});
