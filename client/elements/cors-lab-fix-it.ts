import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Experiment } from '../../format/schema.ts';
import type { FixIt } from '../../lessons/schema.ts';
import { headersToText } from '../lab/header-text.ts';
import { ENGINE_TITLES } from '../lab/learner-engine.ts';
import { connectLab } from '../lab/lab-connection.ts';
import type { BrowserRun } from '../lab/run-in-browser.ts';
import { fixAttempt, fixVerdict } from '../lessons/fix-attempt.ts';
import { loadProgress, recordFixSolved } from '../lessons/progress.ts';
import { preflightShown, requestText, serverText } from '../lessons/setup-text.ts';
import { fixHint } from '../lessons/fix-hint.ts';
import { DEFAULT_ORIGIN_MAP, type OriginMap } from '../../plan/origins.ts';
import { lessonStyles, outcomeWords } from './lesson-styles.ts';
import { baseStyles } from './theme.ts';

/**
 * Fix it: a blocked experiment whose server headers the learner edits until
 * their own browser allows it. "Check my fix" runs it for real; only the
 * browser's verdict counts. A wrong attempt gets a graded hint (fix-hint.ts:
 * first which header, then the model's fix); a solve gets the lesson's one
 * line to take away. A solved fix-it is remembered (progress).
 */
@localized()
@customElement('cors-lab-fix-it')
export class CorsLabFixIt extends LitElement {
  static override styles = [baseStyles, lessonStyles, css`:host { display: block; }`];

  @property() lessonId = '';
  @property({ attribute: false }) fixIt?: FixIt;
  /** The blocked experiment, as the catalog has it. */
  @property({ attribute: false }) experiment?: Experiment;
  /** The neutral question the experiment is shown under (the lesson's `questions`). */
  @property() question = '';

  /** Checks that ran and did not fix it: the hint grows with them. */
  @state() private _misses = 0;
  @state() private _origins?: OriginMap;

  override connectedCallback(): void {
    super.connectedCallback();
    connectLab()
      .then((lab) => (this._origins = lab.origins))
      .catch(() => undefined); // "Check my fix" reports a lab that does not answer
  }

  @state() private _preflight: string | null = null;
  @state() private _actual: string | null = null;
  @state() private _problems: string[] = [];
  @state() private _run?: BrowserRun;
  /** Set with the first result: lesson-result-view.ts, downloaded during the first run. */
  #resultView?: typeof import('./lesson-result-view.ts');
  @state() private _running = false;
  @state() private _error = '';

  private get _texts(): { preflight: string; actual: string } {
    const server = this.experiment?.server;
    return { preflight: this._preflight ?? headersToText(server?.preflight?.headers), actual: this._actual ?? headersToText(server?.actual?.headers) };
  }

  private async _check(): Promise<void> {
    if (!this.experiment) return;
    const { preflight, actual } = this._texts;
    const attempt = await fixAttempt(this.experiment, preflight, actual);
    this._problems = attempt.problems;
    this._run = undefined;
    this._error = '';
    if (!attempt.experiment) return;
    this._running = true;
    try {
      const lab = await connectLab();
      // The diagram shows with the result, downloaded during the run, not on the lesson's first load.
      const [run, view] = await Promise.all([
        lab.run(attempt.experiment),
        import('./lesson-result-view.ts'),
      ]);
      this.#resultView = view;
      this._run = run;
      const verdict = this.fixIt ? fixVerdict(this._run, this.fixIt) : undefined;
      if (verdict?.fixed) recordFixSolved(this.lessonId);
      else if (verdict && !('failure' in verdict)) this._misses += 1;
    } catch (error) {
      this._error = String(error);
    } finally {
      this._running = false;
    }
    // "Check my fix" was disabled while the browser ran, which drops keyboard focus to <body>:
    // give it back, so the learner reads the verdict (a live status) and Shift+Tab reaches the fields.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('#check')?.focus();
  }

  private _reset(): void {
    this._preflight = null;
    this._actual = null;
    this._problems = [];
    this._run = undefined;
    this._misses = 0;
  }

  private _verdict(run: BrowserRun, fixIt: FixIt) {
    const verdict = fixVerdict(run, fixIt);
    let text;
    if (verdict.fixed) {
      text = html`<p class="allowed" role="status">${msg('✔ Fixed: your browser allowed it.', { id: 'lesson.fix.fixed' })}</p>
        <p data-testid="learned"><strong>${msg('What to take away:', { id: 'lesson.fix.learned' })}</strong> ${fixIt.learned}</p>`;
    }
    else if ('failure' in verdict && verdict.cannotRun) {
      text = html`<p role="alert" data-testid="cannot-run">${verdict.failure}</p>`;
    }
    else if ('failure' in verdict) text = html`<p role="alert">${msg(str`The runner page did not answer (${verdict.failure}). This is not a CORS verdict: check again.`, { id: 'lesson.fix.noAnswer' })}</p>`;
    else {
      const unreadable = verdict.unreadable.join(', ');
      // The reason of the model that judged the run: Firefox's words in Firefox (client/lab/engine-judge.ts).
      const reasonLabel = run.engine === 'chromium'
        ? msg('The model’s reason:', { id: 'lesson.fix.reason' })
        : msg(str`The ${ENGINE_TITLES[run.engine]} model’s reason:`, { id: 'lesson.fix.engineReason' });
      text = html`<p class="blocked" role="status">
        ${verdict.step === 0
          ? msg(str`Not yet: your browser says ${outcomeWords(verdict.outcome)}.`, { id: 'lesson.fix.notYet' })
          : msg(str`Not yet: at "then ${verdict.step}" your browser says ${outcomeWords(verdict.outcome)}.`, { id: 'lesson.fix.notYetThen' })}
        ${verdict.reason ? html`${reasonLabel} <code>${verdict.reason}</code>` : nothing}
        ${unreadable ? msg(str`The page cannot read ${unreadable} yet.`, { id: 'lesson.fix.unreadable' }) : nothing}
      </p>
      ${verdict.line ? this._printed(run, verdict.line) : nothing}`;
      const hint = fixHint(verdict, this._misses, run.steps[verdict.step]?.explanation.fix ?? null);
      if (hint?.level === 'header') text = html`${text}<p class="hint" data-testid="hint">${hint.text}</p>`;
      if (hint?.level === 'fix') text = html`${text}<p class="hint" data-testid="hint">${msg('Hint: the model’s fix for what your browser did:', { id: 'lesson.hint.fix' })}</p><pre>${hint.text}</pre>`;
    }
    const view = this.#resultView;
    return html`<section class="result" aria-label=${msg('Result of your fix', { id: 'lesson.fix.result' })} data-testid="fix-result">
      ${text}
      ${view ? run.steps.map((s, i) => html`<cors-lab-sequence .sequence=${view.observedSequence(run.experiment, i, s.serverSaw, s.seen, s.predicted)} filename=${`${run.id}-${i}`}></cors-lab-sequence>`) : nothing}
    </section>`;
  }

  /**
   * What the learner's Firefox or WebKit prints for the block (the judging model's line): in WebKit a sentence, which
   * says more than its id, so the learner can find it in their own console.
   */
  private _printed(run: BrowserRun, line: string) {
    const engine = ENGINE_TITLES[run.engine];
    return html`<p data-testid="engine-line">${msg(str`${engine} prints:`, { id: 'lesson.fix.enginePrints' })}</p>
      <p class="console">${line}</p>`;
  }

  override render() {
    const { experiment, fixIt } = this;
    if (!experiment || !fixIt) return nothing;
    const { preflight, actual } = this._texts;
    const solved = loadProgress()[this.lessonId]?.fixed === true;
    return html`
      <h3>${msg(str`${msg('Fix it', { id: 'lesson.fix.title' })}: ${this.question}`, { id: 'lesson.fix.heading' })}</h3>
      <p><strong>${fixIt.goal}</strong></p>
      ${solved ? html`<p class="note">${msg('You have solved this one before.', { id: 'lesson.fix.solvedBefore' })}</p>` : nothing}
      <div class="setup">
        <div><h4>${msg('What the page asks for', { id: 'lesson.request' })}</h4><pre>${requestText(experiment)}</pre></div>
        <div><h4>${msg('How the servers answer now', { id: 'lesson.fix.before' })}</h4><pre>${serverText(experiment, { origins: this._origins, preflight: preflightShown(experiment, false, this._origins ?? DEFAULT_ORIGIN_MAP) })}</pre></div>
      </div>
      <p class="hint">${msg('Edit the headers the server sends, one "Name: value" a line; {page} stands for the page’s origin.', { id: 'lesson.fix.how' })}</p>
      <label class="field" for="preflight">${msg('Preflight response headers (OPTIONS)', { id: 'lesson.fix.preflight' })}</label>
      <textarea id="preflight" spellcheck="false" .value=${preflight} @input=${(e: Event) => (this._preflight = (e.target as HTMLTextAreaElement).value)}></textarea>
      <label class="field" for="actual">${msg('Actual response headers', { id: 'lesson.fix.actual' })}</label>
      <textarea id="actual" spellcheck="false" .value=${actual} @input=${(e: Event) => (this._actual = (e.target as HTMLTextAreaElement).value)}></textarea>
      <div class="actions">
        <button id="check" type="button" @click=${() => void this._check()} ?disabled=${this._running}>${msg('Check my fix', { id: 'lesson.fix.check' })}</button>
        <button type="button" @click=${() => this._reset()}>${msg('Start over', { id: 'lesson.fix.reset' })}</button>
        ${this._running ? html`<span role="status">${msg('Running…', { id: 'lesson.running' })}</span>` : nothing}
      </div>
      ${this._problems.length ? html`<div role="alert">${this._problems.map((p) => html`<p>${p}</p>`)}</div>` : nothing}
      ${this._error ? html`<p role="alert">${msg(str`Could not run it: ${this._error}`, { id: 'lesson.error' })}</p>` : nothing}
      ${this._run ? this._verdict(this._run, fixIt) : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-fix-it': CorsLabFixIt;
  }
}
