import { describe, expect, it } from 'vitest';
import { StepTurns } from './step-turns.ts';

/** A piece of work that records when it starts and ends, and ends when the test says so. */
function work(name: string, trace: string[]) {
  let finish!: () => void;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async (): Promise<string> => {
      trace.push(`start ${name}`);
      await ended;
      trace.push(`end ${name}`);
      return name;
    },
    finish,
  };
}

/** Lets every promise callback that is ready run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('StepTurns', () => {
  it('runs ordinary steps side by side', async () => {
    const turns = new StepTurns();
    const trace: string[] = [];
    const [a, b] = [work('a', trace), work('b', trace)];
    const done = [turns.take(false, a.run), turns.take(false, b.run)];
    await settle();
    expect(trace).toEqual(['start a', 'start b']);
    b.finish();
    a.finish();
    expect(await Promise.all(done)).toEqual(['a', 'b']);
  });

  it('starts a window step when nothing else runs, and the steps asked for after it when it ends', async () => {
    const turns = new StepTurns();
    const trace: string[] = [];
    const [a, popup, c] = [work('a', trace), work('popup', trace), work('c', trace)];
    const done = [turns.take(false, a.run), turns.take(true, popup.run), turns.take(false, c.run)];
    await settle();
    expect(trace).toEqual(['start a']);
    a.finish();
    await settle();
    expect(trace).toEqual(['start a', 'end a', 'start popup']);
    c.finish();
    await settle();
    expect(trace).toEqual(['start a', 'end a', 'start popup']);
    popup.finish();
    expect(await Promise.all(done)).toEqual(['a', 'popup', 'c']);
    expect(trace).toEqual(['start a', 'end a', 'start popup', 'end popup', 'start c', 'end c']);
  });

  it('runs two window steps one after the other', async () => {
    const turns = new StepTurns();
    const trace: string[] = [];
    const [first, second] = [work('first', trace), work('second', trace)];
    const done = [turns.take(true, first.run), turns.take(true, second.run)];
    await settle();
    expect(trace).toEqual(['start first']);
    first.finish();
    second.finish();
    await Promise.all(done);
    expect(trace).toEqual(['start first', 'end first', 'start second', 'end second']);
  });

  it('gives the turn on when a step fails', async () => {
    const turns = new StepTurns();
    const failing = turns.take(true, () => Promise.reject(new Error('the runner page did not answer')));
    const next = turns.take(true, async () => 'next');
    await expect(failing).rejects.toThrow('did not answer');
    expect(await next).toBe('next');
  });
});
