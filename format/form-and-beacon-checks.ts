/**
 * What the schema refuses in a `form` or `beacon` step (format 1.2): a page chooses only the method and the
 * Content-Type of these requests, so anything else in the experiment would be a request the browser never
 * sends. Each problem comes with its JSON path below the step's `request` (schema.ts adds the rest).
 */
import type { Problem } from './problems/index.ts';
import { FORM_ENCTYPES, FORM_METHODS, SENDING_HEADER, isSendingApi } from './form-and-beacon.ts';

export interface SendingStep {
  api: string;
  method: string | undefined;
  headers: Record<string, string | string[]> | undefined;
}

export interface PlacedProblem {
  problem: Problem;
  /** Below the step's request; [] for the step itself. */
  path: PropertyKey[];
}

export function sendingStepProblems(step: SendingStep, page: string, hasRedirects: boolean): PlacedProblem[] {
  const { api } = step;
  if (!isSendingApi(api)) return [];
  const out: PlacedProblem[] = [];
  const method = step.method?.toUpperCase();
  if (api === 'form' && method !== undefined && !(FORM_METHODS as readonly string[]).includes(method)) {
    out.push({ problem: { code: 'formMethod', method: step.method ?? '', allowed: FORM_METHODS }, path: ['method'] });
  }
  if (api === 'beacon' && method !== undefined && method !== 'POST') {
    out.push({ problem: { code: 'beaconMethod', method: step.method ?? '' }, path: ['method'] });
  }
  for (const [name, value] of Object.entries(step.headers ?? {})) {
    if (name.toLowerCase() !== SENDING_HEADER) {
      out.push({ problem: { code: 'sendingHeader', api, name }, path: ['headers', name] });
      continue;
    }
    const first = Array.isArray(value) ? value[0] : value;
    if (api === 'form' && !(FORM_ENCTYPES as readonly string[]).includes((first ?? '').toLowerCase())) {
      const problem = { code: 'formEnctype', value: first ?? '', allowed: FORM_ENCTYPES } as const;
      out.push({ problem, path: ['headers', name] });
    }
  }
  if (hasRedirects) out.push({ problem: { code: 'sendingRedirects', api }, path: [] });
  if (api === 'form' && page === 'null') out.push({ problem: { code: 'formNullPage' }, path: [] });
  return out;
}
