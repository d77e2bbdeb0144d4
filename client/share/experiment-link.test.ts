/** A shared link's experiment is anyone's: bounded before the page checks, predicts and draws it. */
import { describe, expect, it } from 'vitest';
import { ExperimentError } from '../../format/experiment-error.ts';
import type { Experiment } from '../../format/schema.ts';
import { toBase64Url } from '../../plan/plan-url.ts';
import { MAX_STEPS } from '../../format/limits.ts';
import { MAX_LINK_CHARACTERS, experimentFromHash, experimentHash } from './experiment-link.ts';

const withSteps = (count: number) => ({
  id: 'many-steps', title: 'Many steps', group: 'simple', request: { target: 'api' },
  then: Array.from({ length: count }, () => ({ request: { method: 'PUT' } })),
});

async function problem(hash: string): Promise<string> {
  const error: unknown = await experimentFromHash(hash).then(() => null, (thrown: unknown) => thrown);
  if (!(error instanceof ExperimentError)) throw new Error(`expected an ExperimentError, got ${String(error)}`);
  return error.problems.join('; ');
}

describe('experimentFromHash bounds', () => {
  it(`reads a link of ${MAX_STEPS} then steps`, async () => {
    const hash = experimentHash(withSteps(MAX_STEPS) as Experiment);
    expect((await experimentFromHash(hash))?.then).toHaveLength(MAX_STEPS);
  });

  it(`refuses ${MAX_STEPS + 1} then steps, naming then`, async () => {
    const hash = experimentHash(withSteps(MAX_STEPS + 1) as Experiment);
    const count = MAX_STEPS + 1;
    expect(await problem(hash)).toBe(`link: then: ${count} steps; at most ${MAX_STEPS} (README: Limits)`);
  });

  it(`refuses a link over ${MAX_LINK_CHARACTERS} characters before reading it`, async () => {
    const token = toBase64Url(JSON.stringify({ ...withSteps(0), title: 'x'.repeat(MAX_LINK_CHARACTERS) }));
    const size = `${token.length} characters long`;
    expect(await problem(`#x=${token}`)).toBe(
      `link: the experiment in this link is ${size}; a link carries at most ${MAX_LINK_CHARACTERS}`,
    );
  });

  it('still reads a plain link, and null without one', async () => {
    expect((await experimentFromHash(experimentHash(withSteps(1) as Experiment)))?.id).toBe('many-steps');
    expect(await experimentFromHash('')).toBeNull();
    expect(await problem('#x=%%%')).toBe('link: the experiment in this link is not readable');
  });
});
