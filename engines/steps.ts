/**
 * The steps of an experiment, defaults resolved once: the experiment's own
 * request and each `then` step (format 1.1), with its page origin, its wait,
 * its request (the contract's defaults and the step's overrides applied) and
 * its expectation. Every way of running (headless Chromium, the playground's
 * frames, the other engines' drivers) runs these, through run-steps.ts.
 */
import { headerLines } from '../format/headers.ts';
import { pageOf, resolveRequest, type ResolvedRequest } from '../format/format-defaults.ts';
import type { Expectation, Experiment, PageOrigin } from '../format/schema.ts';
import type { StepRequest } from '../runner-page/step.ts';
import type { OriginMap } from '../plan/origins.ts';
import { expandTargetOrigin } from '../plan/target-page.ts';

export interface ExperimentStep {
  /** 0: the experiment's own request; i: `then[i - 1]`. */
  index: number;
  /** A `then` step's title (the first step has none). */
  title: string | undefined;
  page: PageOrigin;
  /** How long to wait before the step (the preflight cache's expiry, format 1.1 `delayMs`). */
  delayMs: number;
  request: ResolvedRequest;
  expect: Expectation | undefined;
  /** Where the step sits in the experiment, before a field name in mismatches: '' or 'then[0].' */
  path: string;
}

export function experimentSteps(experiment: Experiment): ExperimentStep[] {
  const page = pageOf(experiment);
  const first: ExperimentStep = {
    index: 0, title: undefined, page, delayMs: 0, request: resolveRequest(experiment.request),
    expect: experiment.expect, path: '',
  };
  return [
    first,
    ...(experiment.then ?? []).map((step, i): ExperimentStep => ({
      index: i + 1,
      title: step.title,
      page: step.page ?? page,
      delayMs: step.delayMs ?? 0,
      request: resolveRequest(experiment.request, step.request),
      expect: step.expect,
      path: `then[${i}].`,
    })),
  ];
}

/**
 * What the runner page executes for a step. Every step of a run asks for the same URL, so `then` steps
 * share the preflight cache and cookies.
 */
export function stepRequest(step: ExperimentStep, url: string, origins?: OriginMap): StepRequest {
  const r = step.request;
  const targetOrigin = r.targetOrigin === undefined ? undefined : expandTargetOrigin(r.targetOrigin, step.page, origins);
  return {
    api: r.api, url, method: r.method, headers: headerLines(r.headers), body: r.body, mode: r.mode,
    credentials: r.credentials, redirect: r.redirect, referrerPolicy: r.referrerPolicy,
    ...(r.targetAddressSpace ? { targetAddressSpace: r.targetAddressSpace } : {}),
    ...(r.crossorigin ? { crossorigin: r.crossorigin } : {}),
    ...(targetOrigin === undefined ? {} : { targetOrigin }),
    ...(r.noopener === undefined ? {} : { noopener: r.noopener }),
    ...(r.via === 'window-open' ? { via: r.via } : {}),
  };
}
