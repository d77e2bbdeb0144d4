/**
 * The projected window's side of the protocol, with a stand-in for the
 * lesson view (an EventTarget with a `step`, the whole contract) and Node's
 * BroadcastChannel. The real lesson view is covered by the Playwright test.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { catalog } from '../../experiments/catalog/index.ts';
import { lessons } from '../../lessons/index.ts';
import { renderLesson } from '../../lessons/render-lesson.ts';
import { PresenterLink } from './channel.ts';
import { deckOf } from './deck.ts';
import { projectLesson, type SteppableLesson } from './projected.ts';

const deck = deckOf(renderLesson(lessons.en.find((l) => l.id === 'the-preflight')!), catalog);
const last = deck.steps.length - 1;
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

class LessonView extends EventTarget implements SteppableLesson {
  step = 0;
  /** What the real view does when the learner moves. */
  learnerMoves(step: number): void {
    this.step = step;
    this.dispatchEvent(new CustomEvent('lesson-step', { detail: { lessonId: deck.lessonId, step } }));
  }
}

function key(name: string): Event {
  return Object.assign(new Event('keydown', { cancelable: true }), { key: name, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, isComposing: false });
}

/** A presenter window at `current`: it steps with `go`, records the steps it hears, and `nth(n)` waits for n of them. */
function presenter(current = 0) {
  const heard: number[] = [];
  let wake = (): void => undefined;
  const link = new PresenterLink({ lessonId: deck.lessonId, role: 'presenter', current: () => current, onStep: (s) => ((current = s), heard.push(s), wake()) });
  stops.push(() => link.close());
  const nth = (n: number) => new Promise<number[]>((resolve) => ((wake = () => heard.length >= n && resolve(heard)), wake()));
  const go = (step: number) => ((current = step), link.step(step));
  return { go, heard, nth };
}

function project(view: LessonView, keys = new EventTarget()) {
  stops.push(projectLesson(view, deck, { keys }));
  return keys;
}

/** Resolves when `view.step` becomes `step` (channel messages arrive asynchronously). */
async function stepBecomes(view: LessonView, step: number): Promise<void> {
  for (let i = 0; i < 200 && view.step !== step; i++) await new Promise((r) => setTimeout(r, 5));
  expect(view.step).toBe(step);
}

describe('projectLesson', () => {
  it("catches up with an open presenter's step when it opens", async () => {
    presenter(3);
    const view = new LessonView();
    project(view);
    await stepBecomes(view, 3);
  });

  it('follows the presenter, clamped to the lesson', async () => {
    const p = presenter();
    const view = new LessonView();
    project(view);
    p.go(2);
    await stepBecomes(view, 2);
    p.go(40);
    await stepBecomes(view, last);
  });

  it('tells the presenter when the learner moves or a stepping key is pressed, once each', async () => {
    const p = presenter(1);
    const view = new LessonView();
    const keys = project(view);
    await stepBecomes(view, 1); // the presenter's answer to the projected window's hello
    view.learnerMoves(4);
    const right = key('ArrowRight');
    keys.dispatchEvent(right);
    expect(right.defaultPrevented).toBe(true);
    expect(view.step).toBe(5);
    keys.dispatchEvent(key('PageUp'));
    keys.dispatchEvent(key('Enter'));
    expect(await p.nth(3)).toEqual([4, 5, 4]);
  });

  it('does not echo a step it was given back to the presenter', async () => {
    const p = presenter();
    const view = new LessonView();
    project(view);
    p.go(2);
    await stepBecomes(view, 2);
    view.learnerMoves(2); // a view that fires lesson-step for any change of step
    view.learnerMoves(3);
    // Messages from one sender arrive in order: an echoed 2 would come first.
    expect(await p.nth(1)).toEqual([3]);
  });

  it('stops listening when stopped', async () => {
    const p = presenter();
    const view = new LessonView();
    const keys = new EventTarget();
    const stop = projectLesson(view, deck, { keys });
    stop();
    keys.dispatchEvent(key('ArrowRight'));
    p.go(3);
    await new Promise((r) => setTimeout(r, 50));
    expect(view.step).toBe(0);
  });
});
