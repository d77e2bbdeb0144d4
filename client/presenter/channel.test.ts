/**
 * The protocol over Node's own BroadcastChannel (the same HTML API as the
 * browser's): two windows' links and a raw sender in one process.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PRESENTER_CHANNEL, PROTOCOL_VERSION, PresenterLink, parsePresenterMessage, type PresenterRole } from './channel.ts';

const open: { close(): void }[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

/** A window's link, with the steps it received, in order. */
function windowOf(role: PresenterRole, lessonId: string, current = 0) {
  const received: { step: number; from: PresenterRole }[] = [];
  let notify = (): void => undefined;
  const link = new PresenterLink({ lessonId, role, current: () => current, onStep: (step, from) => (received.push({ step, from }), notify()) });
  open.push(link);
  /** Resolves once `count` steps have arrived (messages are delivered in order per sender). */
  const steps = (count: number) =>
    new Promise<typeof received>((resolve) => {
      notify = () => received.length >= count && resolve(received);
      notify();
    });
  return { link, received, steps };
}

function rawSender(): BroadcastChannel {
  const channel = new BroadcastChannel(PRESENTER_CHANNEL);
  open.push(channel);
  return channel;
}

const valid = { protocol: PRESENTER_CHANNEL, version: PROTOCOL_VERSION, role: 'presenter', lessonId: 'the-preflight', type: 'step', step: 3 };

describe('parsePresenterMessage', () => {
  it('accepts a step and a hello', () => {
    expect(parsePresenterMessage(valid)).toEqual(valid);
    const { step: _step, ...hello } = { ...valid, type: 'hello' };
    expect(parsePresenterMessage(hello)).toEqual(hello);
  });

  const broken: [string, unknown][] = [
    ['not an object', 'step 3'],
    ['null', null],
    ['another protocol', { ...valid, protocol: 'other-app' }],
    ['another version', { ...valid, version: 2 }],
    ['an unknown type', { ...valid, type: 'jump' }],
    ['an unknown role', { ...valid, role: 'audience' }],
    ['a step that is not a whole number', { ...valid, step: 1.5 }],
    ['a negative step', { ...valid, step: -1 }],
    ['a huge step', { ...valid, step: 1e9 }],
    ['a step as text', { ...valid, step: '3' }],
    ['a lesson id that is not kebab-case', { ...valid, lessonId: '../x' }],
    ['an extra field', { ...valid, html: '<img onerror=alert(1)>' }],
    ['a hello without a lesson', { protocol: PRESENTER_CHANNEL, version: PROTOCOL_VERSION, role: 'projected', type: 'hello' }],
  ];
  for (const [what, data] of broken) it(`ignores ${what}`, () => expect(parsePresenterMessage(data)).toBeNull());
});

describe('PresenterLink', () => {
  it('moves the other window of the same lesson, and says who moved', async () => {
    const presenter = windowOf('presenter', 'the-preflight');
    const projected = windowOf('projected', 'the-preflight');
    presenter.link.step(2);
    expect(await projected.steps(1)).toEqual([{ step: 2, from: 'presenter' }]);
    projected.link.step(1);
    expect(await presenter.steps(1)).toEqual([{ step: 1, from: 'projected' }]);
  });

  it('answers a hello with the step it shows, so a window opened late catches up', async () => {
    windowOf('projected', 'the-preflight', 4);
    const late = windowOf('presenter', 'the-preflight');
    late.link.hello();
    expect(await late.steps(1)).toEqual([{ step: 4, from: 'projected' }]);
  });

  it('ignores other lessons, and malformed or foreign messages, and still takes the next good one', async () => {
    const projected = windowOf('projected', 'the-preflight');
    const raw = rawSender();
    for (const junk of ['hello', { type: 'step', step: 2 }, { ...valid, step: -4 }, { ...valid, lessonId: 'redirects' }, { ...valid, version: 9 }]) raw.postMessage(junk);
    raw.postMessage(valid);
    expect(await projected.steps(1)).toEqual([{ step: 3, from: 'presenter' }]);
  });
});
