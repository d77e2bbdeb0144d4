/**
 * The app's hook for the projected window (`?lesson=<id>&present`): once the
 * app has rendered its `<cors-lab-lesson>`, keep it on the presenter's step
 * (projected.ts), with stepping keys on the whole document.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadLessonWithPlans } from '../lessons/lesson-plans.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { deckOf } from './deck.ts';
import { projectLesson } from './projected.ts';

export class ProjectedLessonController implements ReactiveController {
  /** The app: its lesson element is its light-DOM child (slotted), so the skip link's #lesson resolves in the document. */
  readonly #host: ReactiveControllerHost & ParentNode;
  readonly #lessonId: string;
  #view: Element | null = null;
  #stop?: () => void;

  constructor(host: ReactiveControllerHost & ParentNode, lessonId: string) {
    this.#host = host;
    this.#lessonId = lessonId;
    host.addController(this);
  }

  hostUpdated(): void {
    const view = this.#host.querySelector('cors-lab-lesson');
    if (view === this.#view) return;
    this.hostDisconnected();
    if (!view) return;
    this.#view = view;
    // The lesson view downloads the same lesson and plans (once: they are kept), and shows them.
    void loadLessonWithPlans(currentLanguage(), this.#lessonId).then((shown) => {
      // An unknown lesson id: the lesson view says so, and there is nothing to step through.
      if (this.#view !== view || !shown) return;
      this.#stop = projectLesson(view, deckOf(shown.lesson, shown.experiments), { keys: document });
    }, () => undefined); // the lesson view says what did not load
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
    this.#view = null;
  }
}
