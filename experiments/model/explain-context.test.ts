import { describe, expect, it } from 'vitest';
import { resolveRequest } from '../../format/format-defaults.ts';
import { validateExperiments } from '../../format/validate.ts';
import { DEFAULT_ORIGIN_MAP } from '../../plan/origins.ts';
import { explain } from './explain.ts';
import { explainContext } from './explain-context.ts';
import { experimentUrl, predictExperiment } from './predict.ts';

const origins = DEFAULT_ORIGIN_MAP;

function stepOf(method: string, allowMethods: string | null) {
  const headers: Record<string, string> = { 'Access-Control-Allow-Origin': '*' };
  if (allowMethods) headers['Access-Control-Allow-Methods'] = allowMethods;
  const [experiment] = validateExperiments(
    {
      id: 'x', title: 'x', group: 'preflight', request: { target: 'api', method },
      server: { preflight: { headers }, actual: { headers } },
    },
    'test',
  );
  const [prediction] = predictExperiment(experiment!, origins);
  const url = experimentUrl(experiment!, origins, 'predicted');
  const context = { url, pageOrigin: origins.app, request: resolveRequest(experiment!.request) };
  return { prediction: prediction!, context };
}

describe('explainContext', () => {
  it('names the method as the preflight carried it: Fetch normalizes `put` to PUT, as Chromium prints it', () => {
    const { prediction, context } = stepOf('put', null);
    expect(prediction.reason).toBe('MethodDisallowedByPreflightResponse');
    const explained = explain(prediction, explainContext(prediction, context));
    expect(explainContext(prediction, context).method).toBe('PUT');
    expect(explained.console).toContain('Method PUT is not allowed by Access-Control-Allow-Methods in preflight');
  });

  it('keeps a method Fetch does not normalize as the page wrote it', () => {
    const { prediction, context } = stepOf('patch', null);
    expect(explainContext(prediction, context).method).toBe('patch');
  });

  it('uses the request\'s method when the step ended on the actual request', () => {
    const { prediction, context } = stepOf('put', 'PUT');
    expect(prediction.outcome).toBe('allowed');
    expect(explainContext(prediction, context)).toEqual({
      url: context.url, pageOrigin: origins.app, api: 'fetch', method: 'put', credentialsInclude: false,
      targetAddressSpace: undefined,
    });
  });
});
