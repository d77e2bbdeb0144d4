import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { explain } from '../../experiments/model/explain.ts';
import { experimentUrl, predictExperiment } from '../../experiments/model/predict.ts';
import { pageOf, resolveRequest, type Experiment } from '../../experiments/schema.ts';
import type { OriginMap } from '../../servers/origins.ts';
import { OUTCOME_LABEL, baseStyles } from './theme.ts';
// fix-diagram: the model's checks, the complete fix and the predicted sequence diagram.
import { catalog } from '../../experiments/catalog/index.ts';
import { proseThatHolds } from '../../experiments/catalog-prose.ts';
import './cors-lab-checks.ts';
import './cors-lab-fix.ts';
import './cors-lab-predicted-sequence.ts';

/** What the model predicts for the experiment being edited, before anything runs. */
@customElement('cors-lab-prediction')
export class CorsLabPrediction extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; border: 1px solid var(--cl-border); border-radius: 6px; padding: 0.5em 0.8em; }
      h2 { font-size: 1.1em; margin: 0 0 0.3em; }
      dt { font-weight: 600; margin-top: 0.4em; }
      dd { margin: 0; }
    `,
  ];

  /** The experiment to predict. */
  @property({ attribute: false }) experiment?: Experiment;
  /** The running lab's origins. */
  @property({ attribute: false }) origins?: OriginMap;

  private get _explained() {
    if (!this.experiment || !this.origins) return undefined;
    const page = pageOf(this.experiment);
    const url = experimentUrl(this.experiment, this.origins, 'preview');
    const [prediction] = predictExperiment(this.experiment, this.origins, 'preview');
    if (!prediction) return undefined;
    const request = resolveRequest(this.experiment.request);
    return { prediction, explanation: explain(prediction, { url, pageOrigin: page === 'null' ? 'null' : this.origins[page], api: request.api, method: request.method, credentialsInclude: request.credentials === 'include' }) };
  }

  override render() {
    const result = this._explained;
    if (!result) return html``;
    const { prediction: p, explanation: e } = result;
    return html`<section aria-label="Prediction" aria-live="polite">
      <h2>Prediction: <span class=${p.outcome}>${OUTCOME_LABEL[p.outcome]}</span>${p.reason ? html` <code>${p.reason}</code>` : ''}</h2>
      <p data-testid="verdict">${e.verdict}</p>
      <cors-lab-fix .experiment=${this.experiment} .origins=${this.origins}></cors-lab-fix>
      <dl>
        ${e.fix && p.outcome !== 'blocked' ? html`<dt>Fix</dt><dd><pre>${e.fix}</pre></dd>` : ''}
        ${e.console ? html`<dt>Chromium console</dt><dd><pre>${e.console}</pre></dd>` : ''}
        ${e.firefox ? html`<dt>Firefox console</dt><dd><pre>${e.firefox}</pre></dd>` : ''}
        ${e.mdn ? html`<dt>Read more</dt><dd><a href=${e.mdn} target="_blank" rel="noreferrer">MDN: ${e.mdn.split('/').at(-1)}</a></dd>` : ''}
        <dt>The servers will see</dt>
        <dd>${p.requests.length ? html`<ol>${p.requests.map((r) => html`<li>${r.kind === 'preflight' ? `preflight OPTIONS asking for ${r.accessControlRequestMethod}${r.accessControlRequestHeaders ? ` with ${r.accessControlRequestHeaders}` : ''}` : r.method} at ${r.origin}${r.hop ? ` (hop ${r.hop})` : ''}, Origin: ${r.originHeader ?? 'none'}</li>`)}</ol>` : 'nothing: the browser stops before sending'}</dd>
      </dl>
      ${this.experiment && proseThatHolds(this.experiment, catalog) ? html`<details open><summary>Why</summary><p class="explain">${this.experiment.explain}</p></details>` : ''}
      <details ?open=${!this.experiment || !proseThatHolds(this.experiment, catalog)}><summary>How the model decided</summary><cors-lab-checks .checks=${p.checks}></cors-lab-checks></details>
      <cors-lab-predicted-sequence .experiment=${this.experiment} .origins=${this.origins}></cors-lab-predicted-sequence>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-prediction': CorsLabPrediction;
  }
}
