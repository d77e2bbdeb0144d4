import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { localized, msg, str } from '@lit/localize';
import { Task } from '@lit/task';
import type { Experiment } from '../../format/schema.ts';
import type { ShownLesson } from '../../lessons/shown-lesson.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { LANGUAGES } from '../../format/i18n/languages.ts';
import { lessonEntries, loadedLesson } from '../lessons/course.ts';
import { loadLessonWithPlans, type LessonWithPlans } from '../lessons/lesson-plans.ts';
import { CatalogPlansError, catalogPlansFailedText } from '../lab/catalog-plans.ts';
import { lessonHref, unknownLanguageFrom } from '../lessons/lesson-link.ts';
import { narrativeChunks } from '../lessons/narrative-markers.ts';
import { connectLab } from '../lab/lab-connection.ts';
import type { LabOrigin } from '../../plan/origins.ts';
import './cors-lab-origins.ts';
import './cors-lab-fix-it.ts';
import './cors-lab-lesson-experiment.ts';
import { experimentLabel, lessonStyles } from './lesson-styles.ts';
import { baseStyles } from './theme.ts';

/** The element that has focus, looked for through open shadow roots (the skip link is in the app's). */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** `detail` of the `lesson-step` event. */
export interface LessonStepDetail {
  lessonId: string;
  step: number;
}

/**
 * One lesson: the narrative, each experiment predicted first and then run,
 * and the fix-it. Its steps are 0 (the narrative), 1..n (the experiments in
 * order) and n+1 (the fix-it). Setting `step` scrolls to and highlights that
 * step; when the learner moves to another step (focus or click inside it),
 * the element fires `lesson-step` with `{ lessonId, step }` (bubbles,
 * composed) and updates `step` itself. Printing gives a worksheet.
 */
// customElement last to run (outermost): the app may create this element before main.ts has loaded
// it, and define() upgrades that one at once, so @localized must already have added its controller.
@customElement('cors-lab-lesson')
@localized()
export class CorsLabLesson extends LitElement {
  static override styles = [
    baseStyles,
    lessonStyles,
    css`
      :host { display: block; min-width: 0; }
      header { display: flex; flex-wrap: wrap; gap: 0.3em 1em; align-items: baseline; }
      h2 { font-size: 1.35em; margin: 0.2em 0; overflow-wrap: anywhere; }
      section { border: 1px solid var(--cl-border); border-radius: 6px; padding: 0.5em 0.9em; margin: 0.9em 0; scroll-margin-top: 0.5em; min-width: 0; }
      section[aria-current='step'] { outline: 3px solid var(--cl-accent); outline-offset: 2px; }
      .narrative { line-height: 1.6; }
      .narrative :is(p, ul, ol) { margin: 0.6em 0; }
      /* A wide table scrolls inside its own box; the page never scrolls sideways. */
      .narrative table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; }
      .narrative :is(th, td) { border: 1px solid var(--cl-border); padding: 0.2em 0.5em; text-align: left; }
      .narrative pre { background: var(--cl-button-bg); border-radius: 4px; padding: 0.4em 0.6em; }
      .print-only { display: none; }
      footer { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5em; }
      @media print {
        :host { break-before: page; }
        section { border: none; padding: 0; outline: none !important; }
        /* The worksheet's own address already drops the unknown language: the notice is for the screen. */
        footer, header a, header button, .lang-notice { display: none; }
        .print-only { display: block; }
      }
    `,
  ];

  /** The lesson's id (the same in every language); it is shown in the current language. */
  @property({ attribute: 'lesson-id' }) lessonId = '';
  /** The step shown: 0 the narrative, 1..n the experiments, n+1 the fix-it. */
  @property({ type: Number, reflect: true }) step = 0;

  /** Set while `step` changes because the learner moved: then the page is not scrolled under them. */
  #movedByLearner = false;

  /** The running lab's origins, for the narrative's `{{origins}}` table. */
  @state() private _origins: LabOrigin[] = [];

  /**
   * The lesson in the current language, downloaded when first shown (client/lessons/course.ts), with its
   * experiments' plans (client/lessons/lesson-plans.ts); again on a switch.
   */
  readonly #lesson = new Task(this, {
    task: ([lang, id]) => loadLessonWithPlans(lang, id),
    args: () => [currentLanguage(), this.lessonId] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    connectLab()
      .then((lab) => (this._origins = lab.list))
      .catch(() => undefined); // the table stays empty; a run names the lab that does not answer
  }

  /** The narrative, its claims as "see it" links and `{{origins}}` as the running lab's origins. */
  private _narrative(lesson: ShownLesson, experiments: readonly Experiment[]) {
    const chunks = narrativeChunks(lesson, experiments, location.search);
    return chunks.map((chunk) => ('html' in chunk ? unsafeHTML(chunk.html) : html`<cors-lab-origins .origins=${this._origins}></cors-lab-origins>`));
  }

  /** The lesson in the current language, or undefined for an unknown id or while its language downloads. */
  get lesson(): ShownLesson | undefined {
    return loadedLesson(currentLanguage(), this.lessonId);
  }

  /**
   * Focus goes to the lesson's heading (the playground's skip link lands here). Asked before the lesson has
   * downloaded (a keyboard user is quicker than a busy laptop), it lands when the heading is rendered, unless the
   * learner has moved focus on meanwhile.
   */
  override focus(options?: FocusOptions): void {
    const heading = this.renderRoot.querySelector<HTMLElement>('#lesson-title');
    if (heading) heading.focus(options);
    else this.#focusPending = { options, from: deepActiveElement() };
  }

  #focusPending: { options: FocusOptions | undefined; from: Element | null } | undefined;

  /** A step set from outside whose section was not rendered yet: scrolled to once it is (updated). */
  #scrollPending = false;

  private _moveTo(step: number): void {
    if (step === this.step) return;
    this.#movedByLearner = true;
    this.#scrollPending = false;
    this.step = step;
    this.dispatchEvent(new CustomEvent<LessonStepDetail>('lesson-step', { detail: { lessonId: this.lessonId, step }, bubbles: true, composed: true }));
  }

  protected override updated(changed: PropertyValues<this>): void {
    const heading = this.#focusPending && this.renderRoot.querySelector<HTMLElement>('#lesson-title');
    if (this.#focusPending && heading) {
      if (deepActiveElement() === this.#focusPending.from) heading.focus(this.#focusPending.options);
      this.#focusPending = undefined;
    }
    const before = changed.get('step');
    if (changed.has('step') && !this.#movedByLearner && (before !== undefined || this.step !== 0)) {
      this.#scrollPending = true;
    }
    this.#movedByLearner = false;
    // A step set while the lesson is still loading (a presenter's window on a busy laptop) has no section yet:
    // the scroll waits for the render that brings it.
    if (!this.#scrollPending) return;
    const section = this.renderRoot.querySelector<HTMLElement>(`section[data-step="${this.step}"]`);
    if (!section) return;
    this.#scrollPending = false;
    section.scrollIntoView({ block: 'start', behavior: 'instant' });
  }

  private _section(step: number, label: string, content: unknown) {
    return html`<section data-step=${step} aria-label=${label} aria-current=${step === this.step ? 'step' : 'false'} @focusin=${() => this._moveTo(step)} @click=${() => this._moveTo(step)}>${content}</section>`;
  }

  override render() {
    return this.#lesson.render({
      // While another language downloads, the lesson stays as it was: its cards keep their answers and runs.
      pending: () => {
        const shown = this.#lesson.value;
        if (shown?.lesson.id === this.lessonId) return this._lessonView(shown);
        return html`<p role="status">${msg('Loading the lesson…', { id: 'lesson.loading' })}</p>`;
      },
      complete: (shown) => this._lessonView(shown),
      error: (error) => {
        const text = error instanceof CatalogPlansError ? catalogPlansFailedText(error) : msg(
          'The lesson did not load: is the lab still running? Reload the page to try again.',
          { id: 'lesson.load-failed' },
        );
        return html`<p role="alert">${text}</p>`;
      },
    });
  }

  private _lessonView(shown: LessonWithPlans | undefined) {
    if (!shown) {
      return html`<p role="alert">${msg(str`There is no lesson "${this.lessonId}". Pick one from the lessons list.`, { id: 'lesson.unknown' })}</p>`;
    }
    const { lesson, experiments } = shown;
    const course = lessonEntries(lesson.lang);
    const askedLanguage = unknownLanguageFrom(location.search);
    const next = course[lesson.order];
    const previous = course[lesson.order - 2];
    const fixExperiment = experiments.find((e) => e.id === lesson.fixIt.experiment);
    // Another lesson in the same element gets fresh cards: answers and runs belong to their lesson.
    const steps = keyed(
      lesson.id,
      html`${lesson.experiments.map((id, i) =>
        this._section(
          i + 1,
          experimentLabel(i + 1),
          html`<cors-lab-lesson-experiment .lessonId=${lesson.id} .number=${i + 1}
            .experiment=${experiments.find((e) => e.id === id)} .prediction=${lesson.predict[id]}
            .question=${lesson.questions[id] ?? id}></cors-lab-lesson-experiment>`,
        ),
      )}
      ${this._section(lesson.experiments.length + 1, msg('Fix it', { id: 'lesson.fix.title' }), html`<cors-lab-fix-it .lessonId=${lesson.id} .fixIt=${lesson.fixIt} .experiment=${fixExperiment} .question=${lesson.questions[lesson.fixIt.experiment] ?? lesson.fixIt.experiment}></cors-lab-fix-it>`)}`,
    );
    return html`<article aria-labelledby="lesson-title">
      <header>
        <h2 id="lesson-title" tabindex="-1">${msg(str`Lesson ${lesson.order}: ${lesson.title}`, { id: 'lesson.heading' })}</h2>
        <span class="note">${msg(str`about ${lesson.minutes} minutes`, { id: 'lesson.minutes' })}</span>
        <a href=${lessonHref(null, location.search)}>${msg('All experiments (the playground)', { id: 'lesson.playground' })}</a>
        <button type="button" @click=${() => window.print()}>${msg('Print this lesson', { id: 'lesson.print' })}</button>
        ${askedLanguage === null ? nothing : html`<p class="lang-notice" role="status">${msg(str`?lang=${askedLanguage} is not a language of this lab; it has ${LANGUAGES.join(', ')}. Choose one in the Language menu.`, { id: 'lesson.unknownLanguage' })}</p>`}
        <p class="print-only">${msg(str`Online: ${`${location.origin}${location.pathname}${lessonHref(lesson.id, location.search)}`}`, { id: 'lesson.online' })}</p>
      </header>
      ${this._section(0, msg('Narrative', { id: 'lesson.narrative' }),
        html`<div class="narrative markdown">${this._narrative(lesson, experiments)}</div>`)}
      ${steps}
      <footer>
        ${previous ? html`<a href=${lessonHref(previous.id, location.search)} rel="prev">← ${previous.title}</a>` : html`<span></span>`}
        ${next ? html`<a href=${lessonHref(next.id, location.search)} rel="next">${next.title} →</a>` : nothing}
      </footer>
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-lesson': CorsLabLesson;
  }
  interface HTMLElementEventMap {
    'lesson-step': CustomEvent<LessonStepDetail>;
  }
}
