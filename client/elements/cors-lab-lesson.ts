import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { localized, msg, str } from '@lit/localize';
import { catalog } from '../../experiments/catalog/index.ts';
import { lessons } from '../../lessons/index.ts';
import type { Lesson } from '../../lessons/schema.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { narrativeHtml } from '../lab/markdown.ts';
import { lessonHref } from '../lessons/lesson-link.ts';
import './cors-lab-fix-it.ts';
import './cors-lab-lesson-experiment.ts';
import { lessonStyles } from './lesson-styles.ts';
import { baseStyles } from './theme.ts';

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
@localized()
@customElement('cors-lab-lesson')
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
      .narrative pre { background: var(--cl-button-bg); border-radius: 4px; padding: 0.4em 0.6em; }
      footer { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.5em; }
      @media print {
        :host { break-before: page; }
        section { border: none; padding: 0; outline: none !important; }
        section + section { break-before: page; }
        footer, header a, header button { display: none; }
      }
    `,
  ];

  /** The lesson's id (the same in every language); it is shown in the current language. */
  @property({ attribute: 'lesson-id' }) lessonId = '';
  /** The step shown: 0 the narrative, 1..n the experiments, n+1 the fix-it. */
  @property({ type: Number, reflect: true }) step = 0;

  /** Set while `step` changes because the learner moved: then the page is not scrolled under them. */
  #movedByLearner = false;

  /** The lesson in the current language, or undefined for an unknown id. */
  get lesson(): Lesson | undefined {
    return lessons[currentLanguage()].find((l) => l.id === this.lessonId);
  }

  /** How many steps the lesson has: the narrative, its experiments, the fix-it. */
  get stepCount(): number {
    return (this.lesson?.experiments.length ?? 0) + 2;
  }

  private _moveTo(step: number): void {
    if (step === this.step) return;
    this.#movedByLearner = true;
    this.step = step;
    this.dispatchEvent(new CustomEvent<LessonStepDetail>('lesson-step', { detail: { lessonId: this.lessonId, step }, bubbles: true, composed: true }));
  }

  protected override updated(changed: PropertyValues<this>): void {
    const before = changed.get('step');
    if (changed.has('step') && !this.#movedByLearner && (before !== undefined || this.step !== 0)) {
      this.renderRoot.querySelector<HTMLElement>(`section[data-step="${this.step}"]`)?.scrollIntoView({ block: 'start', behavior: 'instant' });
    }
    this.#movedByLearner = false;
  }

  private _section(step: number, label: string, content: unknown) {
    return html`<section data-step=${step} aria-label=${label} aria-current=${step === this.step ? 'step' : 'false'} @focusin=${() => this._moveTo(step)} @click=${() => this._moveTo(step)}>${content}</section>`;
  }

  override render() {
    const lesson = this.lesson;
    if (!lesson) {
      return html`<p role="alert">${msg(str`There is no lesson "${this.lessonId}". Pick one from the lessons list.`, { id: 'lesson.unknown' })}</p>`;
    }
    const course = lessons[currentLanguage()];
    const next = course[lesson.order];
    const previous = course[lesson.order - 2];
    const fixExperiment = catalog.find((e) => e.id === lesson.fixIt.experiment);
    return html`<article aria-labelledby="lesson-title">
      <header>
        <h2 id="lesson-title" tabindex="-1">${msg(str`Lesson ${lesson.order}: ${lesson.title}`, { id: 'lesson.heading' })}</h2>
        <span class="note">${msg(str`about ${lesson.minutes} minutes`, { id: 'lesson.minutes' })}</span>
        <a href=${lessonHref(null, location.search)}>${msg('All experiments (the playground)', { id: 'lesson.playground' })}</a>
        <button type="button" @click=${() => window.print()}>${msg('Print this lesson', { id: 'lesson.print' })}</button>
      </header>
      ${this._section(0, msg('Narrative', { id: 'lesson.narrative' }), html`<div class="narrative markdown">${unsafeHTML(narrativeHtml(lesson.narrative))}</div>`)}
      ${lesson.experiments.map((id, i) => {
        const experiment = catalog.find((e) => e.id === id);
        return this._section(
          i + 1,
          msg(str`Experiment ${i + 1}`, { id: 'lesson.experiment' }),
          html`<cors-lab-lesson-experiment .lessonId=${lesson.id} .number=${i + 1} .experiment=${experiment} .prediction=${lesson.predict[id]}></cors-lab-lesson-experiment>`,
        );
      })}
      ${this._section(lesson.experiments.length + 1, msg('Fix it', { id: 'lesson.fix.title' }), html`<cors-lab-fix-it .lessonId=${lesson.id} .fixIt=${lesson.fixIt} .experiment=${fixExperiment}></cors-lab-fix-it>`)}
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
