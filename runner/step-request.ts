/** Builds the request a runner page executes from an experiment step. */
import { headerLines } from '../experiments/headers.ts';
import { resolveRequest } from '../experiments/format-defaults.ts';
import type { Experiment, RequestOverrides } from '../experiments/schema.ts';
import type { StepRequest } from '../runner-page/step.ts';

/** The exact URL is shared by every step of a run (so `then` steps share the preflight cache and cookies). */
export function stepRequest(experiment: Experiment, url: string, overrides?: RequestOverrides): StepRequest {
  const r = resolveRequest(experiment.request, overrides);
  return { api: r.api, url, method: r.method, headers: headerLines(r.headers), body: r.body, mode: r.mode, credentials: r.credentials, redirect: r.redirect, referrerPolicy: r.referrerPolicy, ...(r.targetAddressSpace ? { targetAddressSpace: r.targetAddressSpace } : {}) };
}
