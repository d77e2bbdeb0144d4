import { LitElement, css, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { LabOrigin } from '../../plan/origins.ts';
import type { BrowserRun } from '../lab/run-in-browser.ts';
import type { StepPrediction } from '../../experiments/model/prediction.ts';
import type { ExperimentResult } from '../../engines/run-result.ts';
import './cors-lab-sequence.ts';
import { observedSequence } from '../sequence/from-run.ts';
import { baseStyles, outcomeLabel } from './theme.ts';
import { stepTitleIn, titleIn } from '../../experiments/catalog/prose-in.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { ENGINE_TITLES } from '../lab/learner-engine.ts';
import type { BrowserStep } from '../lab/run-in-browser.ts';

const FILTERS = ['all', 'allowed', 'blocked', 'opaque', 'disagreements', 'no answer'] as const;
type Filter = (typeof FILTERS)[number];
const FILTER_NAMES: Record<Filter, () => string> = {
  all: () => msg('all', { id: 'log.filter.all' }),
  allowed: () => msg('allowed', { id: 'log.filter.allowed' }),
  blocked: () => msg('blocked', { id: 'log.filter.blocked' }),
  opaque: () => msg('opaque', { id: 'log.filter.opaque' }),
  disagreements: () => msg('disagreements', { id: 'log.filter.disagreements' }),
  'no answer': () => msg('no answer', { id: 'log.filter.no-answer' }),
};
const ORDERS = {
  newest: () => msg('newest first', { id: 'log.order.newest' }),
  catalog: () => msg('catalog order', { id: 'log.order.catalog' }),
} as const;
type Order = keyof typeof ORDERS;

/**
 * The code only a row runs, the engines' console lines (cors-lab-engine-lines.ts), what the servers received
 * (cors-lab-timeline.ts) and the verdict the row and the export share (run-report.ts), downloads with the first run,
 * not with the page: the playground's first load stays small (test/e2e/initial-javascript.spec.ts). The app awaits
 * it with the run before it adds the run's row, so no row shows without it; a failed download is tried again by the
 * next run. Lit keeps the properties set on an element before its definition arrives.
 */
let rowCode: Promise<unknown> | undefined;
let report: typeof import('../lab/run-report.ts') | undefined;

export function loadRowCode(): Promise<unknown> {
  rowCode ??= Promise.all([
    import('./cors-lab-engine-lines.ts'),
    import('./cors-lab-timeline.ts'),
    import('../lab/run-report.ts').then((module) => (report = module)),
  ]);
  rowCode.catch(() => (rowCode = undefined));
  return rowCode;
}

function loadedReport(): typeof import('../lab/run-report.ts') {
  if (!report) throw new Error('cors-lab-log: a run was shown before its rows\' code loaded (loadRowCode)');
  return report;
}

const runCount = (n: number): string => (n === 1 ? msg('1 run', { id: 'log.one-run' }) : msg(str`${n} runs`, { id: 'log.runs' }));

/** What a batch of runs ("Run all", a group) came to. */
export interface RunSummary {
  total: number;
  allowed: number;
  blocked: number;
  opaque: number;
  disagreements: number;
  noAnswer: number;
}

export function summarize(runs: readonly BrowserRun[]): RunSummary {
  const count = (f: (r: BrowserRun) => boolean) => runs.filter(f).length;
  const outcome = (r: BrowserRun) => (r.failure ? null : r.steps[0]?.seen.outcome);
  return {
    total: runs.length,
    allowed: count((r) => outcome(r) === 'allowed'),
    blocked: count((r) => outcome(r) === 'blocked'),
    opaque: count((r) => outcome(r) === 'opaque'),
    disagreements: count((r) => r.steps.some((s) => s.disagreements.length > 0)),
    noAnswer: count((r) => Boolean(r.failure)),
  };
}

/** A prediction in a row: its reason, or its outcome where it gives none (allowed, opaque). */
const reasonOrOutcome = (p: StepPrediction) => html`<code>${p.reason ?? outcomeLabel(p.outcome)}</code>`;

/**
 * Which engine's model judged the run (client/lab/engine-judge.ts) and, in another engine than Chromium, what
 * Chromium's model says of the same step, beside it.
 */
function judgedBy(run: BrowserRun, step: BrowserStep | undefined) {
  const name = ENGINE_TITLES[run.engine];
  const judged = msg(str`Judged by the ${name} model.`, { id: 'log.judged-by' });
  if (run.engine === 'chromium' || !step) return html`<p class="muted" data-testid="judged-by">${judged}</p>`;
  const chromium = msg("Chromium's model:", { id: 'log.chromium-model' });
  return html`<p class="muted" data-testid="judged-by">${judged} ${chromium} ${reasonOrOutcome(step.predicted)}</p>`;
}

/**
 * One row per run: outcome, the judging model's reason (labelled predicted, with the engine's name outside
 * Chromium, Chromium's beside it), and a mark where the model and the browser disagree or a runner did not
 * answer. Fires `log-clear`.
 */
@customElement('cors-lab-log')
@localized()
export class CorsLabLog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .tools { display: flex; gap: 0.6em; align-items: center; flex-wrap: wrap; margin-bottom: 0.4em; }
      ul { list-style: none; padding: 0; margin: 0; }
      li.run { border-top: 1px solid var(--cl-border); padding: 0.3em 0; }
      summary { cursor: pointer; overflow-wrap: anywhere; }
      .mark, .fail { color: var(--cl-blocked); font-weight: 700; }
      .pass { color: var(--cl-allowed); font-weight: 700; }
      h3 { font-size: 1em; margin: 0.5em 0 0.2em; }
      ul.mismatches { list-style: disc; padding-left: 1.2em; }
      .summary { border: 1px solid var(--cl-border); border-radius: 6px; padding: 0.3em 0.6em; }
    `,
  ];

  /** The runs, newest first; their rows' code loaded first (loadRowCode). */
  @property({ attribute: false }) runs: readonly BrowserRun[] = [];
  /** The catalog's ids in order, for "catalog order". */
  @property({ attribute: false }) catalogIds: readonly string[] = [];
  /** The running lab's origins, written into the export. */
  @property({ attribute: false }) origins: readonly LabOrigin[] = [];
  /** What the last batch of runs came to; shown above the rows. */
  @property({ attribute: false }) summary?: RunSummary;

  @state() private _filter: Filter = 'all';
  @state() private _order: Order = 'newest';

  private get _shown(): BrowserRun[] {
    const shown = this.runs.filter((r) => {
      const first = r.steps[0];
      if (this._filter === 'all') return true;
      if (this._filter === 'no answer') return Boolean(r.failure);
      if (this._filter === 'disagreements') return r.steps.some((s) => s.disagreements.length);
      return !r.failure && first?.seen.outcome === this._filter;
    });
    if (this._order === 'newest') return shown;
    // Catalog order; custom experiments after the catalog, newest first among themselves.
    const rank = (r: BrowserRun) => {
      const i = this.catalogIds.indexOf(r.id);
      return i < 0 ? this.catalogIds.length : i;
    };
    return shown.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r) - rank(b.r) || a.i - b.i).map(({ r }) => r);
  }

  /** Scrolls the row of a run into view and moves focus to it (after "Run this experiment"). */
  async reveal(run: string): Promise<void> {
    await this.updateComplete;
    const summary = this.renderRoot.querySelector<HTMLElement>(`li[data-run="${CSS.escape(run)}"] summary`);
    if (!summary) return;
    summary.scrollIntoView({ block: 'center', behavior: 'instant' });
    summary.focus({ preventScroll: true });
  }

  private _export(): void {
    // The shape `cors-lab run --json` writes, oldest run first like a CLI run.
    const report = loadedReport().runReport([...this.runs].reverse(), this.origins, navigator.userAgent);
    const blob = new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'cors-lab-log.json';
    a.click();
    URL.revokeObjectURL(a.href);
  }

  /** Judged once per run and language: a batch re-renders every row after each run. */
  #results = new WeakMap<BrowserRun, { lang: string; result: ExperimentResult }>();

  /** The verdict the export writes (one function for both), so the row and the file cannot differ. */
  private _result(run: BrowserRun): ExperimentResult {
    const lang = currentLanguage();
    const known = this.#results.get(run);
    if (known?.lang === lang) return known.result;
    const result = loadedReport().experimentResult(run, this.origins, lang);
    this.#results.set(run, { lang, result });
    return result;
  }

  /**
   * The first step's predicted reason in the summary: Chromium's as "predicted"; another engine's named, with
   * Chromium's beside it where the two models differ.
   */
  private _predicted(run: BrowserRun) {
    const first = run.steps[0];
    if (!first) return nothing;
    const { judged, predicted } = first;
    if (run.engine === 'chromium') {
      const label = msg('predicted', { id: 'log.predicted' });
      return judged.reason ? html`<span class="label muted">${label}</span> <code>${judged.reason}</code>` : nothing;
    }
    const name = ENGINE_TITLES[run.engine];
    const own = html`<span class="label muted">${msg(str`predicted by the ${name} model`, { id: 'log.predicted-by' })}</span>
      ${reasonOrOutcome(judged)}`;
    if (judged.outcome === predicted.outcome && judged.reason === null && predicted.reason === null) return own;
    return html`${own} <span class="muted" data-testid="chromium-beside">${ENGINE_TITLES.chromium}
      ${reasonOrOutcome(predicted)}</span>`;
  }

  private _row(run: BrowserRun) {
    const first = run.steps[0];
    const disagree = run.steps.some((s) => s.disagreements.length);
    const result = this._result(run);
    return html`<li class="run" data-testid="log-row" data-id=${run.id} data-run=${run.run}>
      <details>
        <summary>
          ${run.cannotRun ? html`<span class="mark" data-testid="cannot-run">${msg('⚠ cannot run here', { id: 'log.cannot-run' })}</span>` : nothing}
          ${run.failure ? html`<span class="mark">${msg('⚠ no answer', { id: 'log.no-answer' })}</span>` : first ? html`<span class=${first.seen.outcome}>${outcomeLabel(first.seen.outcome)}</span>` : nothing}
          ${run.cannotRun ? nothing : html`<span class=${result.pass ? 'pass' : 'fail'} data-testid="pass-fail">${result.pass ? msg('✔ pass', { id: 'log.pass' }) : msg('✘ fail', { id: 'log.fail' })}</span>`}
          <strong>${run.id}</strong>
          ${this._predicted(run)}
          ${run.steps.length > 1 ? html`<span class="muted">${msg(str`+${run.steps.length - 1} steps`, { id: 'log.more-steps' })}</span>` : nothing}
          ${disagree ? html`<span class="mark" title=${msg('the browser did not do what the model predicted', { id: 'log.disagree-title' })}>${msg('⚠ model and browser disagree', { id: 'log.disagree' })}</span>` : nothing}
        </summary>
        <p class="experiment-title">${titleIn(run.experiment, currentLanguage())}</p>
        ${run.cannotRun ? nothing : judgedBy(run, first)}
        ${run.cannotRun
          ? nothing
          : result.pass
          ? html`<p>${run.experiment.expect ? msg('Pass: what happened matches Expect and the model.', { id: 'log.pass-why' }) : msg('Pass: no Expect to check, and what happened matches the model.', { id: 'log.pass-no-expect' })}</p>`
          : html`<div><p>${msg('Fail, as in the exported log and cors-lab run:', { id: 'log.fail-why' })}</p><ul class="mismatches">${result.mismatches.map((m) => html`<li>${m}</li>`)}</ul></div>`}
        ${run.cannotRun ? html`<p class="mark" role="note">${run.cannotRun}</p>` : nothing}
        ${run.failure ? html`<p class="mark" role="note">${msg(str`${run.failure}. Nothing is known about the request: this is not a CORS verdict. The next run loads the runner page afresh.`, { id: 'log.failure' })}</p>` : nothing}
        ${run.steps.map(
          (step, i) => html`<section aria-label=${msg(str`step ${step.title === 'request' ? msg('request', { id: 'log.step.request' }) : stepTitleIn(step.title, currentLanguage())}`, { id: 'log.step-label' })}>
            <h3>${step.title === 'request' ? msg('request', { id: 'log.step.request' }) : stepTitleIn(step.title, currentLanguage())}${msg(': ', { id: 'app.colon' })}<span class=${step.seen.outcome}>${outcomeLabel(step.seen.outcome)}</span></h3>
            <p class="step-verdict">${step.explanation.verdict}</p>
            ${step.disagreements.map((d) => html`<p class="mark">⚠ ${d}</p>`)}
            ${step.caveat ? html`<p class="muted" data-testid="caveat">ⓘ ${step.caveat}</p>` : nothing}
            <cors-lab-timeline .step=${step}></cors-lab-timeline>
            <cors-lab-engine-lines .run=${run} .step=${i} .origins=${this.origins}></cors-lab-engine-lines>
            <cors-lab-sequence .sequence=${observedSequence(run.experiment, i, step.serverSaw, step.seen, step.judged)} filename=${`${run.id}-${i}-observed`}></cors-lab-sequence>
          </section>`,
        )}
      </details>
    </li>`;
  }

  /**
   * Rows are keyed by run and rebuilt only when their run (or the language) changes: "Run all" prepends
   * 180 rows one by one, and rebuilding every row (timelines, diagrams) each time made the batch quadratic.
   */
  override render() {
    const shown = this._shown;
    const s = this.summary;
    return html`
      <div class="tools">
        <label for="filter">${msg('Show', { id: 'log.show' })}</label>
        <select id="filter" @change=${(e: Event) => (this._filter = (e.target as HTMLSelectElement).value as Filter)}>
          ${FILTERS.map((f) => html`<option value=${f} ?selected=${f === this._filter}>${FILTER_NAMES[f]()}</option>`)}
        </select>
        <label for="order">${msg('Order', { id: 'log.order' })}</label>
        <select id="order" @change=${(e: Event) => (this._order = (e.target as HTMLSelectElement).value as Order)}>
          ${(Object.keys(ORDERS) as Order[]).map((o) => html`<option value=${o} ?selected=${o === this._order}>${ORDERS[o]()}</option>`)}
        </select>
        <button @click=${() => this.dispatchEvent(new CustomEvent('log-clear', { bubbles: true, composed: true }))}>${msg('Clear log', { id: 'log.clear' })}</button>
        <button @click=${() => this._export()} ?disabled=${this.runs.length === 0}>${msg('Export log as JSON', { id: 'log.export' })}</button>
        <span class="muted">${runCount(this.runs.length)}</span>
      </div>
      ${s
        ? html`<p class="summary" role="status" data-testid="run-summary">
            ${msg(str`Ran ${s.total}: ${s.allowed} allowed, ${s.blocked} blocked, ${s.opaque} opaque`, { id: 'log.summary' })}${s.noAnswer ? html`${msg(', ', { id: 'log.summary-comma' })}<span class="mark">${msg(str`${s.noAnswer} without an answer`, { id: 'log.summary-no-answer' })}</span>` : nothing}${msg('; ', { id: 'log.summary-semicolon' })}${s.disagreements
              ? html`<span class="mark">${s.disagreements === 1 ? msg('1 disagreement between the model and the browser', { id: 'log.summary-one-disagreement' }) : msg(str`${s.disagreements} disagreements between the model and the browser`, { id: 'log.summary-disagreements' })}</span>`
              : msg('no disagreement between the model and the browser', { id: 'log.summary-agreement' })}${msg('.', { id: 'log.summary-end' })}
          </p>`
        : nothing}
      <ul aria-label=${msg('Log', { id: 'app.log' })}>
        ${repeat(shown, (run) => run.run, (run) => guard([run, currentLanguage()], () => this._row(run)))}
      </ul>
      ${this.runs.length === 0
        ? html`<p class="muted">${msg('Run an experiment: its outcome, reason and timeline appear here.', { id: 'log.empty' })}</p>`
        : shown.length === 0
          ? html`<p class="muted" role="status">${msg(str`No run matches the filter "${FILTER_NAMES[this._filter]()}" (${runCount(this.runs.length)} in the log).`, { id: 'log.no-match' })}</p>`
          : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-log': CorsLabLog;
  }
}
