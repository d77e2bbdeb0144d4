import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { predictExperimentAsync } from '../../experiments/model/predict.ts';
import type { Experiment } from '../../format/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { predictedSequence } from '../sequence/from-run.ts';
import { currentLanguage } from '../i18n/localize.ts';
import './cors-lab-sequence.ts';

/** The model's sequence diagram of each step of an experiment, redrawn whenever the experiment changes. */
@customElement('cors-lab-predicted-sequence')
export class CorsLabPredictedSequence extends LitElement {
  static override styles = css`
    :host { display: block; max-width: 100%; min-width: 0; }
  `;

  /** The experiment to draw. */
  @property({ attribute: false }) experiment?: Experiment;
  /** The running lab's origins. */
  @property({ attribute: false }) origins?: OriginMap;

  /** Asynchronous only for `server.middleware`: the model runs the real middleware (experiments/model/middleware-replies.ts). */
  private _steps = new Task(this, {
    args: () => [this.experiment, this.origins, currentLanguage()] as const,
    task: async ([experiment, origins, lang]) => (experiment && origins ? { experiment, origins, steps: await predictExperimentAsync(experiment, origins, 'preview', lang) } : undefined),
  });

  override render() {
    const drawn = this._steps.value;
    if (!drawn) return nothing;
    const { experiment, origins, steps } = drawn;
    return steps.map(
      (step, i) => html`<cors-lab-sequence .sequence=${predictedSequence(experiment, i, step, origins)} filename=${`${experiment.id}-${i}-predicted`}></cors-lab-sequence>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-predicted-sequence': CorsLabPredictedSequence;
  }
}
