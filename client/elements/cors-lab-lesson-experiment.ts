import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { localized, msg, str } from '@lit/localize';
import type { Experiment } from '../../experiments/schema.ts';
import type { Outcome } from '../../experiments/reasons.ts';
import type { Prediction } from '../../lessons/schema.ts';
import { connectLab } from '../lab/lab-connection.ts';
import { markdownHtml } from '../lab/markdown.ts';
import { runInBrowser, type BrowserRun } from '../lab/run-in-browser.ts';
import { NO_ANSWER, asksReason, grade, isComplete, type Answer, type Graded, type Question } from '../lessons/grade.ts';
import { loadProgress, recordPrediction } from '../lessons/progress.ts';
import { requestText, serverText } from '../lessons/setup-text.ts';
import { observedSequence } from '../sequence/from-run.ts';
import './cors-lab-sequence.ts';
import { experimentLabel, lessonStyles, outcomeWords } from './lesson-styles.ts';
import { baseStyles } from './theme.ts';
import { explainIn, titleIn } from '../../experiments/catalog/prose-in.ts';
import { currentLanguage } from '../i18n/localize.ts';

function questionText(q: Question): string {
  if (q === 'preflight') return msg('Does the browser send a preflight first?', { id: 'lesson.ask.preflight' });
  if (q === 'reachedServer') return msg('Does the request itself reach the server?', { id: 'lesson.ask.reachedServer' });
  return msg('Does the request carry the cookie?', { id: 'lesson.ask.cookieSent' });
}

function outcomeChoice(outcome: Outcome): string {
  if (outcome === 'allowed') return msg('Allowed: the page reads the response', { id: 'lesson.choice.allowed' });
  if (outcome === 'blocked') return msg('Blocked: the page gets an error', { id: 'lesson.choice.blocked' });
  return msg('Opaque: the page gets a response it cannot read', { id: 'lesson.choice.opaque' });
}

const yesNo = (value: boolean): string => (value ? msg('yes', { id: 'lesson.yes' }) : msg('no', { id: 'lesson.no' }));

/**
 * Predict first: one experiment of a lesson. The learner reads what the page
 * asks for and how the servers answer, and answers the lesson's questions;
 * only then can it run, for real, in their browser, and only then do the
 * verdict, the sequence diagram, the explanation and the grading enter the
 * page (before that, none of it is in the DOM). Records progress.
 */
@localized()
@customElement('cors-lab-lesson-experiment')
export class CorsLabLessonExperiment extends LitElement {
  static override styles = [baseStyles, lessonStyles, css`:host { display: block; }`];

  /** The lesson this belongs to (progress is kept per lesson). */
  @property() lessonId = '';
  /** Its place in the lesson, from 1. */
  @property({ type: Number }) number = 1;
  @property({ attribute: false }) experiment?: Experiment;
  /** What the lesson asks the learner to predict. */
  @property({ attribute: false }) prediction?: Prediction;

  @state() private _answer: Answer = NO_ANSWER;
  @state() private _run?: BrowserRun;
  @state() private _running = false;
  @state() private _error = '';

  private _set(change: Partial<Answer>): void {
    this._answer = { ...this._answer, ...change };
  }

  private async _go(): Promise<void> {
    const { experiment, prediction } = this;
    if (!experiment || !prediction || !isComplete(prediction, this._answer)) return;
    this._running = true;
    this._error = '';
    try {
      const lab = await connectLab();
      const run = await runInBrowser(experiment, lab.origins, lab.frames);
      this._run = run;
      const graded = this._graded(run);
      if (!run.failure && graded.length > 0) recordPrediction(this.lessonId, experiment.id, graded.every((g) => g.right));
    } catch (error) {
      this._error = String(error);
    } finally {
      this._running = false;
    }
    // The run button was disabled while the browser ran, which drops keyboard focus to <body>:
    // land on what answers the learner (the verdict, or the error), so Tab goes on from there.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#result-heading, [role="alert"]')?.focus();
  }

  /**
   * Graded against what the browser and the servers observed; where this
   * browser cannot reproduce the experiment (a caveat: the lab's "public"
   * page is loopback here), against what Chromium does there, the model's.
   */
  private _graded(run: BrowserRun): Graded[] {
    const step = run.steps[this.prediction?.step ?? 0];
    if (!this.prediction || !step) return [];
    const p = step.predicted;
    const seen = step.caveat
      ? { outcome: p.outcome, preflight: p.preflight, reachedServer: p.reachedServer, cookieSent: p.cookieSent, readableHeaders: p.readableHeaders }
      : { outcome: step.seen.outcome, preflight: step.observed.preflight, reachedServer: step.observed.reachedServer, cookieSent: step.observed.cookieSent, readableHeaders: Object.keys(step.seen.readableHeaders) };
    return grade(this.prediction, this._answer, { ...seen, modelReason: p.reason });
  }

  private _radios<T extends string | boolean>(legend: string, name: string, choices: ReadonlyArray<[T, unknown]>, chosen: T | null | undefined, pick: (value: T) => void, locked: boolean, hidden = false) {
    return html`<fieldset ?disabled=${locked} ?hidden=${hidden} class=${name}>
      <legend>${legend}</legend>
      ${choices.map(
        ([value, label]) => html`<label class="choice"><input type="radio" name=${name} .checked=${chosen === value} @change=${() => pick(value)} /><span>${label}</span></label>`,
      )}
    </fieldset>`;
  }

  private _questions(prediction: Prediction, locked: boolean) {
    const a = this._answer;
    const yn = (value: boolean): [boolean, string] => [value, yesNo(value)];
    return html`
      ${prediction.step ? html`<p class="hint">${msg(str`These questions are about the later request ("then ${prediction.step}" above), not the first one.`, { id: 'lesson.laterStep' })}</p>` : nothing}
      ${this._radios(msg('What will your browser do?', { id: 'lesson.outcome.legend' }), 'outcome', prediction.outcomes.map((o): [Outcome, string] => [o, outcomeChoice(o)]), a.outcome, (outcome) => this._set({ outcome, reason: outcome === 'blocked' ? a.reason : null }), locked)}
      ${prediction.reasons
        ? // Asked on screen once the learner says blocked; always on a printed worksheet.
          this._radios(msg('Which check stops it?', { id: 'lesson.reason.legend' }), 'reason', prediction.reasons.map((r): [string, unknown] => [r, html`<code>${r}</code>`]), a.reason, (reason) => this._set({ reason }), locked, !asksReason(prediction, a))
        : nothing}
      ${(prediction.ask ?? []).map((q) => this._radios(questionText(q), q, [yn(true), yn(false)], a.ask[q], (value) => this._set({ ask: { ...a.ask, [q]: value } }), locked))}
      ${prediction.readable
        ? this._radios(msg(str`Can the page's JavaScript read the ${prediction.readable} header?`, { id: 'lesson.readable' }), 'readable', [yn(true), yn(false)], a.readable, (readable) => this._set({ readable }), locked)
        : nothing}
    `;
  }

  private _gradedLine(g: Graded) {
    const mark = g.right ? html`<span class="allowed">${msg('✔ right', { id: 'lesson.right' })}</span>` : html`<span class="blocked">${msg('✖ not this time', { id: 'lesson.wrong' })}</span>`;
    const shown = (v: string | boolean | null) => (typeof v === 'boolean' ? yesNo(v) : v === null ? '—' : g.question === 'outcome' ? outcomeWords(v as Outcome) : v);
    const what =
      g.question === 'outcome'
        ? msg('Outcome', { id: 'lesson.graded.outcome' })
        : g.question === 'reason'
          ? msg('Reason (the model’s: a browser does not tell the page why)', { id: 'lesson.graded.reason' })
          : g.question === 'readable'
            ? msg(str`Readable: ${this.prediction?.readable ?? ''}`, { id: 'lesson.graded.readable' })
            : questionText(g.question);
    return html`<li>${mark} <strong>${what}</strong> ${msg(str`You said ${shown(g.answered)}; the answer: ${shown(g.actual)}.`, { id: 'lesson.graded.line' })}</li>`;
  }

  private _result(run: BrowserRun) {
    const index = this.prediction?.step ?? 0;
    const step = run.steps[index];
    if (run.failure || !step) {
      return html`<p role="alert" tabindex="-1">${msg(str`The runner page did not answer (${run.failure ?? ''}). This is not a CORS verdict: run it again.`, { id: 'lesson.noAnswer' })}</p>`;
    }
    const graded = this._graded(run);
    const right = graded.every((g) => g.right);
    return html`<section class="result" aria-label=${msg('What your browser did', { id: 'lesson.result' })} data-testid="lesson-result">
      <h4 id="result-heading" tabindex="-1">${msg('What your browser did', { id: 'lesson.result' })}: <span class=${step.seen.outcome}>${outcomeWords(step.seen.outcome)}</span></h4>
      <p class=${right ? 'allowed' : 'blocked'} role="status">${right ? msg('Your prediction was right.', { id: 'lesson.allRight' }) : msg('Part of your prediction was off: the diagram and the explanation show why.', { id: 'lesson.someWrong' })}</p>
      ${step.caveat ? html`<p class="caveat" data-testid="caveat">ⓘ ${step.caveat} ${msg('Your answer is compared with what Chromium does there, as the model predicts it.', { id: 'lesson.gradedByModel' })}</p>` : nothing}
      <ul class="graded">${graded.map((g) => this._gradedLine(g))}</ul>
      <p>${step.explanation.verdict}</p>
      ${run.steps.map((s, i) => html`<cors-lab-sequence .sequence=${observedSequence(run.experiment, i, s.serverSaw, s.seen, s.predicted)} filename=${`${run.id}-${i}`}></cors-lab-sequence>`)}
      ${run.experiment.explain ? html`<h4>${msg('Why', { id: 'lesson.why' })}</h4><div class="markdown">${unsafeHTML(markdownHtml(explainIn(run.experiment.explain, currentLanguage())))}</div>` : nothing}
    </section>`;
  }

  override render() {
    const { experiment, prediction } = this;
    if (!experiment || !prediction) return nothing;
    const complete = isComplete(prediction, this._answer);
    const locked = this._run !== undefined || this._running;
    const before = loadProgress()[this.lessonId]?.experiments[experiment.id];
    return html`
      <h3>${experimentLabel(this.number)}: ${titleIn(experiment, currentLanguage())}</h3>
      ${before && !this._run ? html`<p class="note">${before.right ? msg('You predicted this one before, and were right.', { id: 'lesson.before.right' }) : msg('You predicted this one before; try again.', { id: 'lesson.before.wrong' })}</p>` : nothing}
      <div class="setup">
        <div><h4>${msg('What the page asks for', { id: 'lesson.request' })}</h4><pre>${requestText(experiment)}</pre></div>
        <div><h4>${msg('How the servers answer', { id: 'lesson.server' })}</h4><pre>${serverText(experiment)}</pre></div>
      </div>
      <form class="predict" aria-label=${msg(str`Your prediction: ${experimentLabel(this.number)}`, { id: 'lesson.prediction-for' })} @submit=${(e: Event) => (e.preventDefault(), void this._go())}>
        ${this._questions(prediction, locked)}
        <div class="actions">
          <button type="submit" ?disabled=${!complete || this._running}>${this._run ? msg('Run again', { id: 'lesson.runAgain' }) : msg('Run in my browser', { id: 'lesson.run' })}</button>
          ${this._running ? html`<span role="status">${msg('Running…', { id: 'lesson.running' })}</span>` : nothing}
          ${!complete ? html`<span class="note">${msg('Answer every question first: your browser’s answer comes after yours.', { id: 'lesson.answerFirst' })}</span>` : nothing}
        </div>
      </form>
      ${this._error ? html`<p role="alert" tabindex="-1">${msg(str`Could not run it: ${this._error}`, { id: 'lesson.error' })}</p>` : nothing}
      ${this._run ? this._result(this._run) : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-lesson-experiment': CorsLabLessonExperiment;
  }
}
