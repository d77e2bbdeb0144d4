import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { localized, msg, str } from '@lit/localize';
import type { Experiment } from '../../format/schema.ts';
import type { Outcome } from '../../format/reasons.ts';
import { lessonEntries } from '../lessons/course.ts';
import type { ShownLesson } from '../../lessons/shown-lesson.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { STORED_THEME, baseStyles, pagePalette, rememberedTheme, type Theme } from '../elements/theme.ts';
import { PresenterLink } from './channel.ts';
import { titleIn } from '../../experiments/catalog/prose-in.ts';
import { clampStep, deckOf, parseStoredStep, solutionLines, stepFrom, type Deck, type DeckStep } from './deck.ts';
import { stepKeyDirection } from './keys.ts';
import { presenterUrl, projectedUrl } from './presenter-urls.ts';
import { clockText, elapsedMs, paceOf, parseTimer, pauseTimer, resumeTimer, startTimer, type TimerState } from './timer.ts';

/** The projected window is a link's named target: a second click reuses it instead of opening another, and no popup blocker stands in the way. */
const PROJECTED_WINDOW = 'cors-lab-projected';
const timerKey = (lessonId: string) => `cors-lab:presenter-timer:${lessonId}`;

function storedTimer(lessonId: string): TimerState | null {
  try {
    return parseTimer(sessionStorage.getItem(timerKey(lessonId)));
  } catch {
    return null;
  }
}

/** The step per lesson, so a reloaded presenter window with no projected window to ask goes on where it was. */
const stepKey = (lessonId: string) => `cors-lab:presenter-step:${lessonId}`;

function storedStep(deck: Deck): number | null {
  try {
    return parseStoredStep(deck, sessionStorage.getItem(stepKey(deck.lessonId)));
  } catch {
    return null;
  }
}

function storeStep(lessonId: string, step: number): void {
  try {
    sessionStorage.setItem(stepKey(lessonId), String(step));
  } catch {
    // storage disabled: a reload starts at the first step, or wherever the projected window is
  }
}

function storeTimer(lessonId: string, timer: TimerState): void {
  try {
    sessionStorage.setItem(timerKey(lessonId), JSON.stringify(timer));
  } catch {
    // storage disabled: the clock restarts on reload
  }
}

/**
 * The presenter window of one lesson: speaker notes, the current and the
 * next step with what only the presenter may see (the answer, the fix-it's
 * solution), the time against the plan, and stepping that moves the
 * projected window too (BroadcastChannel, see channel.ts).
 */
@localized()
@customElement('cors-lab-presenter')
export class CorsLabPresenter extends LitElement {
  static override styles = [
    baseStyles,
    pagePalette,
    css`
      :host { --cl-font-size: 17px; }
      header { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: center; padding: 0.6em 1em; border-bottom: 1px solid var(--cl-border); }
      h1 { font-size: 1.25em; margin: 0; flex: 1 1 14em; }
      h2 { font-size: 1.05em; margin: 0 0 0.4em; }
      h3 { font-size: 1.2em; margin: 0.2em 0; }
      /* Wide: steps on the left, notes beside them. Narrow: the notes right after the current step. */
      main {
        display: grid; gap: 1em 1.5em; padding: 1em; align-items: start;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.2fr); grid-template-rows: auto auto auto 1fr;
        grid-template-areas: 'stepper notes' 'now notes' 'next notes' 'steps notes';
      }
      main > * { min-width: 0; }
      .stepper { grid-area: stepper; } #now-section { grid-area: now; } #next-section { grid-area: next; } #steps-section { grid-area: steps; } .notes { grid-area: notes; }
      section { border: 1px solid var(--cl-border); border-radius: 6px; padding: 0.7em 0.9em; }
      .timer { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; }
      a.open { border: 1px solid var(--cl-accent); border-radius: 4px; padding: 0.2em 0.5em; }
      .clock { font-size: 1.6em; font-variant-numeric: tabular-nums; font-weight: 600; }
      .over { color: var(--cl-blocked); }
      .closing { color: var(--cl-opaque); }
      .stepper { display: flex; gap: 0.6em; }
      .stepper button { flex: 1; font-size: 1.1em; padding: 0.5em; }
      .notes li { margin: 0.35em 0; }
      .notes li p { margin: 0; }
      ol.steps { padding-left: 1.6em; margin: 0; }
      ol.steps button { border: none; background: none; padding: 0.15em 0.3em; text-align: start; vertical-align: top; }
      ol.steps button[aria-current='step'] { background: var(--cl-selected-bg); outline: 2px solid var(--cl-accent); font-weight: 600; }
      .answer { font-weight: 600; }
      pre { background: var(--cl-field-bg); border: 1px solid var(--cl-border); padding: 0.3em 0.5em; }
      @media (max-width: 760px) { main { grid-template-columns: minmax(0, 1fr); grid-template-rows: none; grid-template-areas: 'stepper' 'now' 'notes' 'next' 'steps'; } }
    `,
  ];

  /** The lesson to present, by id (from `?presenter=`); an unknown id shows the lessons to choose from. */
  @property({ attribute: 'lesson-id' }) lessonId = '';
  /**
   * The lesson `lessonId` in the window's language, downloaded by main.ts before the window
   * renders; none for an unknown id.
   */
  @property({ attribute: false }) lesson: ShownLesson | undefined;
  /** The catalog experiments the lesson names, downloaded with it by main.ts (client/lessons/lesson-plans.ts). */
  @property({ attribute: false }) experiments: readonly Experiment[] = [];
  /** Said when the experiments' plans did not download: the steps then show ids and no answers. */
  @property({ attribute: false }) plansFailed = '';
  /** Follows the theme chosen in the playground, also while both windows are open. */
  @property({ reflect: true }) theme: Theme = rememberedTheme();

  @state() private _step = 0;
  @state() private _timer: TimerState = startTimer(Date.now());
  @state() private _now = Date.now();

  #link?: PresenterLink;
  #tick?: ReturnType<typeof setInterval>;

  private get _lesson(): ShownLesson | undefined {
    return this.lesson;
  }

  private get _deck(): Deck | undefined {
    const lesson = this._lesson;
    const titled = this.experiments.map((e) => ({ ...e, title: titleIn(e, currentLanguage()) }));
    return lesson ? deckOf(lesson, titled) : undefined;
  }

  #onKey = (event: KeyboardEvent): void => {
    const direction = stepKeyDirection(event);
    const deck = this._deck;
    if (direction === null || !deck) return;
    event.preventDefault();
    this._go(stepFrom(deck, this._step, direction));
  };

  /** The theme switched in another window of the lab (the projected one): a storage event. */
  #onStorage = (event: StorageEvent): void => {
    if (event.key === STORED_THEME) this.theme = rememberedTheme();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('storage', this.#onStorage);
    // An unknown lesson shows the list of lessons: nothing to step through or time.
    const deck = this._deck;
    if (!deck) return;
    this._step = storedStep(deck) ?? 0;
    document.addEventListener('keydown', this.#onKey);
    this._timer = storedTimer(this.lessonId) ?? startTimer(Date.now());
    storeTimer(this.lessonId, this._timer);
    this.#tick = setInterval(() => (this._now = Date.now()), 1000);
    this.#link = new PresenterLink({
      lessonId: this.lessonId,
      role: 'presenter',
      current: () => this._step,
      onStep: (step) => {
        const deck = this._deck;
        if (!deck) return;
        this._step = clampStep(deck, step);
        storeStep(this.lessonId, this._step);
      },
    });
    this.#link.hello();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('storage', this.#onStorage);
    document.removeEventListener('keydown', this.#onKey);
    clearInterval(this.#tick);
    this.#link?.close();
    this.#link = undefined;
  }

  /** Moves here and tells the projected window. */
  private _go(step: number): void {
    if (step === this._step) return;
    this._step = step;
    storeStep(this.lessonId, step);
    this.#link?.step(step);
  }

  private _setTimer(timer: TimerState): void {
    this._timer = timer;
    this._now = Date.now();
    storeTimer(this.lessonId, timer);
  }

  private _kindText(step: DeckStep): string {
    if (step.kind === 'narrative') return msg('Narrative', { id: 'presenter.kind.narrative' });
    if (step.kind === 'experiment') return msg('Experiment: predict, then run', { id: 'presenter.kind.experiment' });
    return msg('Fix it', { id: 'presenter.kind.fixIt' });
  }

  private _outcomeText(outcome: Outcome): string {
    if (outcome === 'allowed') return msg('allowed', { id: 'presenter.outcome.allowed' });
    if (outcome === 'blocked') return msg('blocked', { id: 'presenter.outcome.blocked' });
    return msg('opaque', { id: 'presenter.outcome.opaque' });
  }

  /** What only the presenter sees about a step: the answer the room predicts, or the fix-it's solution. */
  private _secret(step: DeckStep) {
    if (step.kind === 'experiment') {
      if (!step.answer) return html`<p class="muted">${msg('The catalog records no answer for this step.', { id: 'presenter.noAnswer' })}</p>`;
      const word = this._outcomeText(step.answer.outcome);
      return html`<p><span class="answer ${step.answer.outcome}">${msg(str`Answer: ${word}`, { id: 'presenter.answer' })}</span>${step.answer.reason ? html` <code>${step.answer.reason}</code>` : nothing}</p>`;
    }
    if (step.kind === 'fix-it') {
      const lines = solutionLines(step.solution);
      return html`
        <p>${msg(str`Goal: ${step.goal}`, { id: 'presenter.goal' })}</p>
        ${(['preflight', 'actual'] as const).map((answer) => {
          const own = lines.filter((l) => l.answer === answer);
          if (own.length === 0) return nothing;
          const label = answer === 'preflight' ? msg('One solution, preflight answer:', { id: 'presenter.solution.preflight' }) : msg('One solution, actual answer:', { id: 'presenter.solution.actual' });
          return html`<p>${label}</p><pre>${own.map((l) => (l.removed ? `${l.line}: ${msg('(removed)', { id: 'presenter.solution.removed' })}` : l.line)).join('\n')}</pre>`;
        })}
      `;
    }
    return nothing;
  }

  private _unknownLesson() {
    const lang = currentLanguage();
    return html`
      <header><h1>${msg('Presenter', { id: 'presenter.title' })}</h1></header>
      <main>
        <div>
          ${this.lessonId ? html`<p role="alert">${msg(str`No lesson "${this.lessonId}" (the presenter parameter). Choose one:`, { id: 'presenter.unknownLesson' })}</p>` : html`<p>${msg('Choose the lesson to present:', { id: 'presenter.chooseLesson' })}</p>`}
          <ol>
            ${lessonEntries(lang).map((l) => html`<li><a href=${presenterUrl(l.id, lang)}>${l.title}</a></li>`)}
          </ol>
        </div>
      </main>
    `;
  }

  /** The window's title names the lesson, so the presenter finds it among the windows. */
  override updated(): void {
    const deck = this._deck;
    document.title = deck ? msg(str`Presenter: ${deck.title}`, { id: 'presenter.heading' }) : msg('Presenter', { id: 'presenter.title' });
  }

  override render() {
    const deck = this._deck;
    if (!deck) return this._unknownLesson();
    const step = clampStep(deck, this._step);
    const current = deck.steps[step]!;
    const next = deck.steps[step + 1];
    const total = deck.steps.length;
    const elapsed = elapsedMs(this._timer, this._now);
    const pace = paceOf(elapsed, deck.minutes);
    const paused = this._timer.pausedAt !== null;
    return html`
      ${this.plansFailed ? html`<p role="alert">${this.plansFailed}</p>` : nothing}
      <header>
        <h1>${msg(str`Presenter: ${deck.title}`, { id: 'presenter.heading' })}</h1>
        <div class="timer" role="group" aria-label=${msg('Timer', { id: 'presenter.timer' })}>
          <span class="clock ${pace === 'on-time' ? '' : pace}" role="timer" aria-label=${msg('Elapsed time', { id: 'presenter.elapsed' })}>${clockText(elapsed)}</span>
          <span class=${pace === 'over' ? 'over' : 'muted'}>${pace === 'over' ? msg(str`over the planned ${deck.minutes} min`, { id: 'presenter.over' }) : msg(str`of ${deck.minutes} min planned`, { id: 'presenter.planned' })}</span>
          <button @click=${() => this._setTimer(paused ? resumeTimer(this._timer, Date.now()) : pauseTimer(this._timer, Date.now()))}>${paused ? msg('Resume', { id: 'presenter.resume' }) : msg('Pause', { id: 'presenter.pause' })}</button>
          <button @click=${() => this._setTimer(startTimer(Date.now()))}>${msg('Restart', { id: 'presenter.restart' })}</button>
        </div>
        <a class="open" href=${projectedUrl(this.lessonId, currentLanguage())} target=${PROJECTED_WINDOW}>${msg('Open the projected window', { id: 'presenter.openProjected' })}</a>
      </header>
      <main>
          <div class="stepper">
            <button @click=${() => this._go(stepFrom(deck, step, -1))} ?disabled=${step === 0}>← ${msg('Previous', { id: 'presenter.previous' })}</button>
            <button @click=${() => this._go(stepFrom(deck, step, 1))} ?disabled=${step === total - 1}>${msg('Next', { id: 'presenter.next' })} →</button>
          </div>
          <section id="now-section" aria-labelledby="now">
            <h2 id="now" aria-live="polite">${msg(str`Now: step ${step + 1} of ${total}`, { id: 'presenter.now' })}</h2>
            <p class="label">${this._kindText(current)}</p>
            <h3>${current.title}</h3>
            ${this._secret(current)}
          </section>
          <section id="next-section" aria-labelledby="next">
            <h2 id="next">${msg('Next', { id: 'presenter.next' })}</h2>
            ${next ? html`<p class="label">${this._kindText(next)}</p><p>${next.title}</p>` : html`<p>${msg('End of the lesson.', { id: 'presenter.end' })}</p>`}
          </section>
          <section id="steps-section" aria-labelledby="steps">
            <h2 id="steps">${msg('All steps', { id: 'presenter.steps' })}</h2>
            <ol class="steps">
              ${deck.steps.map((s, i) => html`<li><button aria-current=${i === step ? 'step' : 'false'} @click=${() => this._go(i)}>${s.kind === 'fix-it' ? msg(str`Fix it: ${s.title}`, { id: 'presenter.fixItTitle' }) : s.title}</button></li>`)}
            </ol>
          </section>
        <section class="notes" aria-labelledby="notes">
          <h2 id="notes">${msg('Speaker notes', { id: 'presenter.notes' })}</h2>
          <ol class="markdown">
            ${deck.notesHtml.map((note) => html`<li>${unsafeHTML(note)}</li>`)}
          </ol>
          <p class="muted">${msg('Keys: → PageDown Space next, ← PageUp previous; in this window and the projected one.', { id: 'presenter.keys' })}</p>
        </section>
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-presenter': CorsLabPresenter;
  }
}
