/**
 * The probe's requests as steps of the step engine (engines/steps.ts): the
 * probed request, then each `then` request in the same page (format 1.1
 * `then`). Every step asks for the user's URL, so the steps share the page's
 * preflight cache. The page-side request is the step engine's (stepRequest)
 * with one addition: the probe does not read the body, so a server dripping
 * it cannot hold the probe.
 */
import { stepRequest, type ExperimentStep } from '../engines/steps.ts';
import { headerMap, type HeaderLines } from '../format/headers.ts';
import type { ResolvedRequest } from '../format/format-defaults.ts';
import type { StepRequest } from '../runner-page/step.ts';
import type { ProbeRequest } from './probe-options.ts';

/** The probe's request as the step engine resolves one (the page is "app", the user's server stands in for "api"). */
function resolved(request: ProbeRequest, method: string, headers: HeaderLines): ResolvedRequest {
  const { body, mode, credentials } = request;
  const url = new URL(request.url);
  return {
    api: 'fetch', target: 'api', path: `${url.pathname}${url.search}`, method, headers: headerMap(headers), body,
    mode, credentials, redirect: 'follow', referrerPolicy: undefined, targetAddressSpace: undefined,
    crossorigin: undefined,
  };
}

export function probeSteps(request: ProbeRequest): [ExperimentStep, ...ExperimentStep[]] {
  const step = (index: number, method: string, headers: HeaderLines): ExperimentStep => ({
    index, title: undefined, page: 'app', delayMs: 0, request: resolved(request, method, headers), expect: undefined,
    path: index === 0 ? '' : `then[${index - 1}].`,
  });
  const then = request.then.map((next, i) => step(i + 1, next.method, next.headers));
  return [step(0, request.method, request.headers), ...then];
}

/** What the probe page runs for a step: the step engine's request for the user's URL, its body left unread. */
export function probeStepRequest(step: ExperimentStep, request: ProbeRequest): StepRequest {
  return { ...stepRequest(step, request.url), skipBody: true };
}
