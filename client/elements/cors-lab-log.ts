import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { BrowserRun } from '../lab/run-in-browser.ts';
import './cors-lab-timeline.ts';
import './cors-lab-sequence.ts';
import { observedSequence } from '../sequence/from-run.ts';
import { OUTCOME_LABEL, baseStyles } from './theme.ts';

type Filter = 'all' | 'allowed' | 'blocked' | 'opaque' | 'disagreements';

/** One row per run: outcome, reason, and a mark where the model and the browser disagree. Fires `log-clear`. */
@customElement('cors-lab-log')
export class CorsLabLog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .tools { display: flex; gap: 0.6em; align-items: center; flex-wrap: wrap; margin-bottom: 0.4em; }
      ul { list-style: none; padding: 0; margin: 0; }
      li.run { border-top: 1px solid var(--cl-border); padding: 0.3em 0; }
      summary { cursor: pointer; }
      .mark { color: var(--cl-blocked); font-weight: 700; }
    `,
  ];

  /** The runs, newest first. */
  @property({ attribute: false }) runs: readonly BrowserRun[] = [];

  @state() private _filter: Filter = 'all';

  private get _shown(): BrowserRun[] {
    return this.runs.filter((r) => {
      const first = r.steps[0];
      if (!first || this._filter === 'all') return true;
      if (this._filter === 'disagreements') return r.steps.some((s) => s.disagreements.length);
      return first.seen.outcome === this._filter;
    });
  }

  private _export(): void {
    const blob = new Blob([JSON.stringify(this.runs, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'cors-lab-log.json';
    a.click();
    URL.revokeObjectURL(a.href);
  }

  override render() {
    const shown = this._shown;
    return html`
      <div class="tools">
        <label>Show <select @change=${(e: Event) => (this._filter = (e.target as HTMLSelectElement).value as Filter)}>
          ${(['all', 'allowed', 'blocked', 'opaque', 'disagreements'] as const).map((f) => html`<option ?selected=${f === this._filter}>${f}</option>`)}
        </select></label>
        <button @click=${() => this.dispatchEvent(new CustomEvent('log-clear', { bubbles: true, composed: true }))}>Clear log</button>
        <button @click=${() => this._export()} ?disabled=${this.runs.length === 0}>Export log as JSON</button>
        <span class="muted">${this.runs.length} runs</span>
      </div>
      <ul aria-label="Log">
        ${shown.map((run) => {
          const first = run.steps[0];
          if (!first) return '';
          const disagree = run.steps.some((s) => s.disagreements.length);
          return html`<li class="run" data-testid="log-row" data-id=${run.id}>
            <details>
              <summary>
                <span class=${first.seen.outcome}>${OUTCOME_LABEL[first.seen.outcome]}</span>
                <strong>${run.id}</strong>
                ${first.predicted.reason ? html`<code>${first.predicted.reason}</code>` : ''}
                ${run.steps.length > 1 ? html`<span class="muted">+${run.steps.length - 1} steps</span>` : ''}
                ${disagree ? html`<span class="mark" title="the browser did not do what the model predicted">⚠ model and browser disagree</span>` : ''}
              </summary>
              <p>${run.experiment.title}</p>
              ${run.steps.map(
                (step, i) => html`<section aria-label=${`step ${step.title}`}>
                  <h4>${step.title}: <span class=${step.seen.outcome}>${OUTCOME_LABEL[step.seen.outcome]}</span></h4>
                  <p>${step.explanation.verdict}</p>
                  ${step.disagreements.map((d) => html`<p class="mark">⚠ ${d}</p>`)}
                  <cors-lab-timeline .step=${step}></cors-lab-timeline>
                  <cors-lab-sequence .sequence=${observedSequence(run.experiment, i, step.serverSaw, step.seen, step.predicted)} filename=${`${run.id}-${i}-observed`}></cors-lab-sequence>
                </section>`,
              )}
            </details>
          </li>`;
        })}
      </ul>
      ${this.runs.length === 0 ? html`<p class="muted">Run an experiment: its outcome, reason and timeline appear here.</p>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-log': CorsLabLog;
  }
}
