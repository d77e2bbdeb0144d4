/**
 * The projected window: a lesson view (`<cors-lab-lesson>`) kept on the
 * presenter's step. The lesson view's contract is small: a `step` property
 * (0 narrative, 1..n experiments, n+1 fix-it) and a `lesson-step` event
 * {lessonId, step} when the learner moves. This module adds the channel and
 * the stepping keys around it; the lesson view never holds speaker notes, so
 * the projected window cannot show them.
 */
import { PresenterLink, type ChannelPort } from './channel.ts';
import { clampStep, stepFrom, type Deck } from './deck.ts';
import { stepKeyDirection } from './keys.ts';

/** What the projected window needs of the lesson view. */
export interface SteppableLesson extends EventTarget {
  step: number;
}

export interface ProjectOptions {
  /** Where stepping keys are heard (the document). */
  keys: EventTarget;
  channel?: ChannelPort;
}

/** Keeps `view` in step with the presenter window of `deck`'s lesson; returns the function that stops it. */
export function projectLesson(view: SteppableLesson, deck: Deck, options: ProjectOptions): () => void {
  /** The step both windows agree on: a `lesson-step` for it is our own change coming back, not news. */
  let shown = clampStep(deck, view.step);
  const link = new PresenterLink({
    lessonId: deck.lessonId,
    role: 'projected',
    current: () => shown,
    onStep: (step) => {
      shown = clampStep(deck, step);
      view.step = shown;
    },
    ...(options.channel ? { channel: options.channel } : {}),
  });

  const moved = (step: number): void => {
    const next = clampStep(deck, step);
    if (next === shown) return;
    shown = next;
    link.step(next);
  };

  const onLessonStep = (event: Event): void => {
    const detail: unknown = (event as CustomEvent).detail;
    if (typeof detail !== 'object' || detail === null) return;
    const { lessonId, step } = detail as { lessonId?: unknown; step?: unknown };
    if (lessonId === deck.lessonId && typeof step === 'number') moved(step);
  };

  const onKey = (event: Event): void => {
    const direction = stepKeyDirection(event as KeyboardEvent);
    if (direction === null) return;
    event.preventDefault();
    const next = stepFrom(deck, shown, direction);
    view.step = next;
    moved(next);
  };

  view.addEventListener('lesson-step', onLessonStep);
  options.keys.addEventListener('keydown', onKey);
  link.hello();
  return () => {
    view.removeEventListener('lesson-step', onLessonStep);
    options.keys.removeEventListener('keydown', onKey);
    link.close();
  };
}
