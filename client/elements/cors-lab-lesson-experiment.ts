import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Experiment } from '../../format/schema.ts';
import type { Outcome } from '../../format/reasons.ts';
import type { Prediction } from '../../lessons/schema.ts';
import { connectLab } from '../lab/lab-connection.ts';
import type { BrowserRun } from '../lab/run-in-browser.ts';
import { NO_ANSWER, asksReason, grade, isComplete, type Answer, type Graded, type Question } from '../lessons/grade.ts';
import { loadProgress, recordPrediction } from '../lessons/progress.ts';
import { preflightShown, requestText, serverText } from '../lessons/setup-text.ts';
import { receivedLine } from '../lessons/received-text.ts';
import { reasonDescription } from '../../experiments/model/messages/index.ts';
import { DEFAULT_ORIGIN_MAP, type OriginMap } from '../../plan/origins.ts';
import { experimentLabel, lessonStyles, outcomeName, outcomeWords } from './lesson-styles.ts';
import { baseStyles } from './theme.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { ENGINE_TITLES } from '../lab/learner-engine.ts';
import { engineDifferences, lessonStepSeen } from '../lessons/lesson-reasons.ts';
import type { BrowserStep } from '../lab/run-in-browser.ts';

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

/** Stand-in origins for the setup text until the running lab's are known (only names matter for a preflight). */

/**
 * Predict first: one experiment of a lesson, under its neutral question (a
 * title that names the setup, never the result). The learner reads what the
 * page asks for and how the servers answer, and answers the lesson's
 * questions; only then can it run, for real, in their browser, and only then
 * do the verdict, the sequence diagram, the explanation, what the servers
 * received and the grading enter the page (before that, none of it is in the
 * DOM). After the run every choice says whether it was the answer and the
 * learner's pick: a wrong pick is never marked right. Records progress.
 */
@localized()
@customElement('cors-lab-lesson-experiment')
export class CorsLabLessonExperiment extends LitElement {
  static override styles = [
    baseStyles,
    lessonStyles,
    // Reason names are long words (CORSMissingAllowHeaderFromPreflight): they wrap rather than leave a phone's screen.
    css`:host { display: block; } .graded li, .engine-note { overflow-wrap: anywhere; }`,
  ];

  /** The lesson this belongs to (progress is kept per lesson). */
  @property() lessonId = '';
  /** Its place in the lesson, from 1. */
  @property({ type: Number }) number = 1;
  @property({ attribute: false }) experiment?: Experiment;
  /** What the lesson asks the learner to predict. */
  @property({ attribute: false }) prediction?: Prediction;
  /** The neutral question the experiment is shown under (the lesson's `questions`). */
  @property() question = '';

  /** The running lab's origins, for the setup text: the plan's tokens shown as real origins. */
  @state() private _origins?: OriginMap;

  override connectedCallback(): void {
    super.connectedCallback();
    connectLab()
      .then((lab) => (this._origins = lab.origins))
      .catch(() => undefined); // the run reports a lab that does not answer; the setup keeps the tokens
  }

  @state() private _answer: Answer = NO_ANSWER;
  @state() private _run?: BrowserRun;
  /** Set with the first result: lesson-result-view.ts, downloaded during the first run. */
  #resultView?: typeof import('./lesson-result-view.ts');
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
      // The diagram and the "Why" show with the result, downloaded during the run, not on the first load.
      const resultView = import('./lesson-result-view.ts').then(async (module) => {
        await module.loadEnglishHtml(experiment.group);
        return module;
      });
      const [run, view] = await Promise.all([lab.run(experiment), resultView]);
      this.#resultView = view;
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
   * Graded against what the browser and the servers observed, the reason against the model of the learner's engine
   * (lesson-reasons.ts); where this browser cannot reproduce the experiment (a caveat: the lab's "public" page is
   * loopback here), against what that engine does there, as its model predicts it.
   */
  private _graded(run: BrowserRun): Graded[] {
    const step = run.steps[this.prediction?.step ?? 0];
    if (!this.prediction || !step) return [];
    return grade(this.prediction, this._answer, lessonStepSeen(step, run.engine, this.prediction.reasons));
  }

  /** Whose model the reason is held to: the learner's engine's (lesson-reasons.ts). */
  private get _reasonLabel(): string {
    const engine = this._run?.engine;
    if (engine && engine !== 'chromium') {
      return msg(str`Reason (the ${ENGINE_TITLES[engine]} model’s: a browser does not tell the page why)`, {
        id: 'lesson.graded.engineReason',
      });
    }
    return msg('Reason (the model’s: a browser does not tell the page why)', { id: 'lesson.graded.reason' });
  }

  /** The reason choices that are right in the engine that judged the run (none before a run). */
  private get _reasonAnswers(): readonly string[] {
    const run = this._run;
    const step = run?.steps[this.prediction?.step ?? 0];
    if (!run || !step || run.failure) return [];
    return lessonStepSeen(step, run.engine, this.prediction?.reasons).reasonAnswers ?? [];
  }

  /**
   * One question's choices. Once run, `answer` is the right one: it is marked
   * "the answer", the learner's pick "your pick" with ✔ or ✖, in words
   * beside the choice and as the radio's description (colour never alone).
   * A choice's meaning (a reason's one line) is its description too.
   */
  private _radios<T extends string | boolean>(
    legend: string,
    name: string,
    choices: ReadonlyArray<{ value: T; label: unknown; meaning?: string | null }>,
    chosen: T | null | undefined,
    pick: (value: T) => void,
    locked: boolean,
    options: { hidden?: boolean; answer?: T | undefined; answers?: readonly T[] } = {},
  ) {
    const { answer } = options;
    // Several choices can be right: Firefox gives one name to checks Chromium names apart (lesson-reasons.ts).
    const isAnswer = (value: T): boolean => value === answer || (options.answers ?? []).includes(value);
    const mark = (value: T): string => {
      if (answer === undefined && options.answers === undefined) return '';
      if (isAnswer(value)) {
        if (value === chosen) return msg('✔ your pick, the answer', { id: 'lesson.mark.rightPick' });
        return msg('✔ the answer', { id: 'lesson.mark.answer' });
      }
      return value === chosen ? msg('✖ your pick', { id: 'lesson.mark.wrongPick' }) : '';
    };
    return html`<fieldset ?disabled=${locked} ?hidden=${options.hidden ?? false} class=${name}>
      <legend>${legend}</legend>
      ${choices.map(({ value, label, meaning }, i) => {
        const id = `${name}-${i}`;
        const said = mark(value);
        const described = [meaning ? `${id}-meaning` : '', said ? `${id}-mark` : ''].filter(Boolean).join(' ');
        return html`<div class="choice ${said ? (isAnswer(value) ? 'is-answer' : 'is-wrong') : ''}">
          <input type="radio" id=${id} name=${name} .checked=${chosen === value} aria-describedby=${described || nothing} @change=${() => pick(value)} />
          <span><label for=${id}>${label}</label> ${said ? html`<strong class="mark" id=${`${id}-mark`}>${said}</strong>` : nothing}</span>
          ${meaning ? html`<span class="meaning" id=${`${id}-meaning`}>${meaning}</span>` : nothing}
        </div>`;
      })}
    </fieldset>`;
  }

  private _questions(prediction: Prediction, locked: boolean, graded: readonly Graded[]) {
    const a = this._answer;
    const yn = (value: boolean) => ({ value, label: yesNo(value) });
    const yesOrNo = [yn(true), yn(false)];
    const answerOf = <T,>(question: Graded['question']): T | undefined => graded.find((g) => g.question === question)?.actual as T | undefined;
    const lang = currentLanguage();
    return html`
      ${prediction.step ? html`<p class="hint">${msg(str`These questions are about the later request ("then ${prediction.step}" above), not the first one.`, { id: 'lesson.laterStep' })}</p>` : nothing}
      ${this._radios(msg('What will your browser do?', { id: 'lesson.outcome.legend' }), 'outcome', prediction.outcomes.map((o) => ({ value: o, label: outcomeChoice(o) })), a.outcome, (outcome) => this._set({ outcome, reason: outcome === 'blocked' ? a.reason : null }), locked, { answer: answerOf<Outcome>('outcome') })}
      ${prediction.reasons
        ? // Asked on screen once the learner says blocked; always on a printed worksheet.
          this._radios(
            msg('Which check stops it?', { id: 'lesson.reason.legend' }),
            'reason',
            prediction.reasons.map((r) => ({ value: r, label: html`<code>${r}</code>`, meaning: reasonDescription(r, lang) })),
            a.reason,
            (reason) => this._set({ reason }),
            locked,
            {
              hidden: !asksReason(prediction, a),
              answers: graded.some((g) => g.question === 'reason') ? this._reasonAnswers : undefined,
            },
          )
        : nothing}
      ${(prediction.ask ?? []).map((q) => this._radios(questionText(q), q, yesOrNo, a.ask[q], (value) => this._set({ ask: { ...a.ask, [q]: value } }), locked, { answer: answerOf<boolean>(q) }))}
      ${prediction.readable
        ? this._radios(msg(str`Can the page's JavaScript read the ${prediction.readable} header?`, { id: 'lesson.readable' }), 'readable', yesOrNo, a.readable, (readable) => this._set({ readable }), locked, { answer: answerOf<boolean>('readable') })
        : nothing}
    `;
  }

  private _gradedLine(g: Graded) {
    const mark = g.right ? html`<span class="allowed">${msg('✔ right', { id: 'lesson.right' })}</span>` : html`<span class="blocked">${msg('✖ not this time', { id: 'lesson.wrong' })}</span>`;
    // Plain words here: an icon beside what the learner said would put a ✔ on a wrong pick.
    const shown = (v: string | boolean | null) => (typeof v === 'boolean' ? yesNo(v) : v === null ? '—' : g.question === 'outcome' ? outcomeName(v as Outcome) : v);
    const what =
      g.question === 'outcome'
        ? msg('Outcome', { id: 'lesson.graded.outcome' })
        : g.question === 'reason'
          ? this._reasonLabel
          : g.question === 'readable'
            ? msg(str`Readable: ${this.prediction?.readable ?? ''}`, { id: 'lesson.graded.readable' })
            : questionText(g.question);
    return html`<li>${mark} <strong>${what}</strong> ${msg(str`You said ${shown(g.answered)}; the answer: ${shown(g.actual)}.`, { id: 'lesson.graded.line' })}</li>`;
  }

  private _result(run: BrowserRun) {
    const index = this.prediction?.step ?? 0;
    const step = run.steps[index];
    // A browser that does not trust the lab's https origin ran nothing: say so and how to trust it, no verdict.
    // An experiment for other engines than the learner's ran nothing either: no verdict, so nothing is graded.
    if (run.cannotRun) {
      const ungraded = msg('Your prediction is not graded.', { id: 'lesson.cannotRun.ungraded' });
      return html`<p role="alert" tabindex="-1" data-testid="cannot-run">${run.cannotRun} ${ungraded}</p>`;
    }
    if (run.failure || !step) {
      return html`<p role="alert" tabindex="-1">${msg(str`The runner page did not answer (${run.failure ?? ''}). This is not a CORS verdict: run it again.`, { id: 'lesson.noAnswer' })}</p>`;
    }
    const graded = this._graded(run);
    const right = graded.every((g) => g.right);
    const view = this.#resultView;
    const why = view ? view.experimentProseView(run.experiment, currentLanguage()) : null;
    return html`<section class="result" aria-label=${msg('What your browser did', { id: 'lesson.result' })} data-testid="lesson-result">
      <h4 id="result-heading" tabindex="-1">${msg('What your browser did', { id: 'lesson.result' })}${msg(': ', { id: 'app.colon' })}<span class=${step.seen.outcome}>${outcomeWords(step.seen.outcome)}</span></h4>
      <p class=${right ? 'allowed' : 'blocked'} role="status">${right ? msg('Your prediction was right.', { id: 'lesson.allRight' }) : msg('Part of your prediction was off: the diagram and the explanation show why.', { id: 'lesson.someWrong' })}</p>
      ${step.caveat ? html`<p class="caveat" data-testid="caveat">ⓘ ${step.caveat} ${msg(
        str`Your answer is compared with what ${ENGINE_TITLES[run.engine]} does there, as its model predicts it.`,
        { id: 'lesson.gradedByEngineModel' },
      )}</p>` : nothing}
      ${this._engineNote(run, step)}
      <ul class="graded">${graded.map((g) => this._gradedLine(g))}</ul>
      <p>${step.explanation.verdict}</p>
      ${view ? run.steps.map((s, i) => html`<cors-lab-sequence .sequence=${view.observedSequence(run.experiment, i, s.serverSaw, s.seen, s.predicted)} filename=${`${run.id}-${i}`}></cors-lab-sequence>`) : nothing}
      ${why === null ? nothing : html`<h4>${msg('Why', { id: 'lesson.why' })}</h4><div class="markdown">${why}</div>`}
      ${this._received(run)}
    </section>
    ${view
      ? html`<cors-lab-engine-lines .run=${run} .step=${index} .origins=${this._origins}></cors-lab-engine-lines>`
      : nothing}`;
  }

  /**
   * Where the learner's engine does otherwise than Chromium (DEVIATIONS.md), the lesson says so: the run is graded
   * by that engine's model, and what Chromium does is beside it (the lesson's text speaks of Chromium).
   */
  private _engineNote(run: BrowserRun, step: BrowserStep) {
    const differences = engineDifferences(step);
    if (run.engine === 'chromium' || differences.length === 0) return nothing;
    const engine = ENGINE_TITLES[run.engine];
    const said = (value: string | boolean | null) =>
      typeof value === 'boolean' ? yesNo(value) : value === null ? '—' : value;
    const fields = differences.map((field) => {
      const name = field === 'outcome' ? msg('Outcome', { id: 'lesson.graded.outcome' })
        : field === 'reason' ? msg('reason', { id: 'engines.reason' }) : questionText(field);
      const [theirs, chromium] = [said(step.judged[field]), said(step.predicted[field])];
      return html`<li>${name}${msg(': ', { id: 'app.colon' })}${engine} <code>${theirs}</code>, Chromium <code>${
        chromium}</code></li>`;
    });
    const intro = msg(str`Graded by the ${engine} model: here ${engine} does not do what Chromium does.`, {
      id: 'lesson.engineDiffers',
    });
    return html`<div class="caveat engine-note" role="note" data-testid="engine-note">
      <p>ⓘ ${intro}</p><ul>${fields}</ul>${this._sharedWords(run)}</div>`;
  }

  /**
   * Where the learner's engine says several of the offered checks in the same words (WebKit one sentence for a
   * missing, mismatched or invalid Access-Control-Allow-Origin; Firefox one name for a preflight's and a response's
   * missing header), its words cannot tell them apart: each is right, and the note says so.
   */
  private _sharedWords(run: BrowserRun) {
    const answers = this._reasonAnswers;
    if (answers.length < 2 || !this._asked('reason')) return nothing;
    const engine = ENGINE_TITLES[run.engine];
    const said = run.engine === 'webkit'
      ? msg(str`${engine} prints the same sentence for each of these checks, so each is right:`, {
        id: 'lesson.engineSameSentence',
      })
      : msg(str`${engine} gives each of these checks the same name, so each is right:`, {
        id: 'lesson.engineSameName',
      });
    // Listed as each language lists words: Chinese with its enumeration comma, and no space after its colon.
    const zh = currentLanguage() === 'zh-CN';
    const checks = answers.map((check, i) => html`${i > 0 ? (zh ? '、' : ', ') : ''}<code>${check}</code>`);
    return html`<p data-testid="same-words">${said}${zh ? '' : ' '}${checks}</p>`;
  }

  /** Whether the run's grading asks this question (the reason only once the learner said blocked). */
  private _asked(question: Graded['question']): boolean {
    return this._run !== undefined && this._graded(this._run).some((g) => g.question === question);
  }

  /** What each server received, from the lab's journal: the lessons' "see what arrived" (the playground calls it the log). */
  private _received(run: BrowserRun) {
    const label = msg('What the servers received', { id: 'lesson.received' });
    return html`<h4 id="received-heading">${label}</h4>
      ${run.steps.map(
        (s, i) => html`${run.steps.length > 1 ? html`<p class="note">${i === 0 ? msg('The request', { id: 'lesson.received.first' }) : `then ${i}`}</p>` : nothing}
          ${s.serverSaw.length === 0
            ? html`<p>${msg('No server received anything.', { id: 'lesson.received.none' })}</p>`
            : html`<ol class="received" aria-label=${i === 0 ? label : `${label}: then ${i}`}>${s.serverSaw.map((entry) => html`<li><code>${receivedLine(entry)}</code></li>`)}</ol>`}`,
      )}`;
  }

  override render() {
    const { experiment, prediction } = this;
    if (!experiment || !prediction) return nothing;
    const complete = isComplete(prediction, this._answer);
    const locked = this._run !== undefined || this._running;
    const before = loadProgress()[this.lessonId]?.experiments[experiment.id];
    const graded = this._run && !this._run.failure ? this._graded(this._run) : [];
    const origins = this._origins ?? DEFAULT_ORIGIN_MAP;
    const preflight = preflightShown(experiment, (prediction.ask ?? []).includes('preflight') && !prediction.step, origins);
    return html`
      <h3>${msg(str`${experimentLabel(this.number)}: ${this.question}`, { id: 'lesson.experiment.heading' })}</h3>
      ${before && !this._run ? html`<p class="note">${before.right ? msg('You predicted this one before, and were right.', { id: 'lesson.before.right' }) : msg('You predicted this one before; try again.', { id: 'lesson.before.wrong' })}</p>` : nothing}
      <div class="setup">
        <div><h4>${msg('What the page asks for', { id: 'lesson.request' })}</h4><pre>${requestText(experiment)}</pre></div>
        <div><h4>${msg('How the servers answer', { id: 'lesson.server' })}</h4><pre>${serverText(experiment, { origins: this._origins, preflight })}</pre></div>
      </div>
      <form class="predict" aria-label=${msg(str`Your prediction: ${experimentLabel(this.number)}`, { id: 'lesson.prediction-for' })} @submit=${(e: Event) => (e.preventDefault(), void this._go())}>
        ${this._questions(prediction, locked, graded)}
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
