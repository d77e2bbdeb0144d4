/** The library's one predict(): the model, with a plan's middleware run for real. */
import { describe, expect, it } from 'vitest';
import { ExperimentError, predict } from './index.ts';

describe('predict()', () => {
  it('runs hono/cors and Express cors as the lab does: allowed where the middleware allows', async () => {
    const [hono] = await predict({ id: 'h', title: 'h', group: 'hono-cors', request: { target: 'api' }, server: { middleware: { name: 'hono/cors', options: {} } } });
    expect(hono).toMatchObject({ outcome: 'allowed', preflight: false, reachedServer: true });
    const express = await predict({ id: 'e', title: 'e', group: 'express-cors', request: { target: 'api', method: 'PATCH', body: 'x' }, server: { middleware: { name: 'cors', options: {} } } });
    expect(express[0]).toMatchObject({ outcome: 'allowed', preflight: true, reachedServer: true });
  });

  it('blocks where the middleware refuses, with the browser\'s reason', async () => {
    const [step] = await predict({ id: 'w', title: 'w', group: 'hono-cors', request: { target: 'api', credentials: 'include' }, server: { middleware: { name: 'hono/cors', options: { origin: '*', credentials: true } } } });
    expect(step).toMatchObject({ outcome: 'blocked', reason: 'WildcardOriginNotAllowed' });
  });

  it('predicts a plan without middleware, each then step included', async () => {
    const steps = await predict({ id: 'x', title: 'x', group: 'simple', request: { target: 'api' }, then: [{}] });
    expect(steps.map((s) => s.reason)).toEqual(['MissingAllowOriginHeader', 'MissingAllowOriginHeader']);
  });

  it('rejects a bad experiment with the JSON path of the field', async () => {
    await expect(predict({ id: 'x', title: 'x', group: 'simple', request: { target: 'nowhere' } } as never)).rejects.toThrow(ExperimentError);
    await expect(predict({ id: 'x', title: 'x', group: 'simple', request: { target: 'nowhere' } } as never)).rejects.toThrow(/request\.target/);
  });
});
