import { LitElement, css, html, nothing } from 'lit';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { customElement, property, state } from 'lit/decorators.js';
import { predictExperimentAsync } from '../../experiments/model/predict.ts';
import type { Problem } from '../../format/problems/index.ts';
import { OUTCOMES, type Outcome } from '../../format/reasons.ts';
import type { Experiment } from '../../format/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { expectingPrediction, staleExpectations } from '../lab/stale-expect.ts';
import { baseStyles, outcomeLabel } from './theme.ts';

const isOutcome = (value: string): value is Outcome => (OUTCOMES as readonly string[]).includes(value);

/** An outcome in the page's words (✖ blocked), any other value as it is. */
const shown = (value: string): string => (isOutcome(value) ? outcomeLabel(value) : value);

/** One difference between `expect` and the prediction: the field of `expect` (shown as code) and what differs. */
function difference(p: Problem): { field: string; text: string } {
  if (p.code === 'expectedReadable') {
    const text = msg(str`the model predicts ${p.name} is not readable`, { id: 'expect-check.readable' });
    return { field: 'readableHeaders', text };
  }
  if (p.code === 'expectedHidden') {
    const text = msg(str`the model predicts ${p.name} is readable`, { id: 'expect-check.hidden' });
    return { field: 'hiddenHeaders', text };
  }
  if (p.code !== 'expected') return { field: '', text: '' };
  const [want, got] = [shown(p.want), shown(p.got)];
  const text = msg(str`Expect says ${want}, the model predicts ${got}`, { id: 'expect-check.field' });
  return { field: p.field, text };
}

/**
 * Flags an `expect` the model no longer agrees with (client/lab/stale-expect.ts):
 * "Expect says blocked, the model now predicts allowed", with a button that
 * updates it (fires `experiment-change`) and one that keeps it. Kept or not,
 * the page, the exported log and `cors-lab run` judge by the same `expect`.
 */
@customElement('cors-lab-expect-check')
@localized()
export class CorsLabExpectCheck extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      .stale { border: 2px solid var(--cl-blocked); border-radius: 6px; padding: 0.4em 0.8em; margin: 0.6em 0; }
      .stale p { margin: 0.3em 0; }
      ul { margin: 0.2em 0; padding-left: 1.2em; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.5em; }
    `,
  ];

  /** The experiment whose `expect` is checked. */
  @property({ attribute: false }) experiment?: Experiment;
  /** The running lab's origins. */
  @property({ attribute: false }) origins?: OriginMap;

  /** The differences the learner chose to keep, by their text: another edit that changes them asks again. */
  @state() private _kept = '';

  private _check = new Task(this, {
    args: () => [this.experiment, this.origins, currentLanguage()] as const,
    task: async ([experiment, origins, lang]) => {
      if (!experiment || !origins) return undefined;
      const predictions = await predictExperimentAsync(experiment, origins, 'preview', lang);
      const stale = staleExpectations(experiment, predictions, origins);
      const stepPrefix = (i: number): string => (i === 0 ? '' : `then[${i - 1}].`);
      const lines = stale.flatMap((problems, i) => problems.map((p) => ({ ...difference(p), step: stepPrefix(i) })));
      const outcome = stale[0]?.find((p) => p.code === 'expected' && p.field === 'outcome');
      return { experiment, lines, outcome, updated: () => expectingPrediction(experiment, predictions, origins) };
    },
  });

  private _update(experiment: Experiment): void {
    this.dispatchEvent(new CustomEvent('experiment-change', { detail: { experiment }, bubbles: true, composed: true }));
  }

  override render() {
    const check = this._check.value;
    if (!check || check.experiment !== this.experiment || check.lines.length === 0) return nothing;
    const key = JSON.stringify(check.lines);
    const judged = msg('The page, the exported log and cors-lab run all judge a run by Expect.', {
      id: 'expect-check.judged',
    });
    if (this._kept === key) {
      const kept = msg('Expect kept although the model predicts otherwise:', { id: 'expect-check.kept' });
      return html`<p class="muted" role="status">${kept} ${judged}</p>`;
    }
    const o = check.outcome?.code === 'expected' ? check.outcome : undefined;
    const heading = o
      ? msg(str`Expect says ${shown(o.want)}, the model now predicts ${shown(o.got)}.`, { id: 'expect-check.outcome' })
      : msg('Expect no longer says what the model predicts.', { id: 'expect-check.other' });
    const colon = msg(': ', { id: 'expect-check.colon' });
    return html`<section class="stale" aria-labelledby="stale-heading">
      <p id="stale-heading"><strong>${heading}</strong></p>
      <ul>
        ${check.lines.map((line) => html`<li><code>${line.step}expect.${line.field}</code>${colon}${line.text}</li>`)}
      </ul>
      <p>${judged}</p>
      <div class="actions">
        <button @click=${() => this._update(check.updated())}>
          ${msg('Update Expect to the prediction', { id: 'expect-check.update' })}
        </button>
        <button @click=${() => (this._kept = key)}>${msg('Keep Expect', { id: 'expect-check.keep' })}</button>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-expect-check': CorsLabExpectCheck;
  }
}
