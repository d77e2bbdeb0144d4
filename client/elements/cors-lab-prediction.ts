import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { explain } from '../../experiments/model/explain.ts';
import { explainContext } from '../../experiments/model/explain-context.ts';
import { experimentUrl, predictExperimentAsync } from '../../experiments/model/predict.ts';
import { browserAssumptions } from '../lab/browser-assumptions.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { pageOf, resolveRequest } from '../../format/format-defaults.ts';
import type { Experiment } from '../../format/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { explainView } from '../lab/prose-view.ts';
import { serializedPageOrigin } from '../../plan/page-origin.ts';
import { withShortUrls } from './cors-lab-url.ts';
import type { PredictedRequest } from '../../experiments/model/prediction.ts';
import { baseStyles, outcomeLabel } from './theme.ts';
// fix-diagram: the model's checks, the complete fix and the predicted sequence diagram.
import type { ProseOf } from '../../format/catalog-prose.ts';
import { catalogPlansFailedText, loadProseOf } from '../lab/catalog-plans.ts';
import './cors-lab-checks.ts';
import './cors-lab-fix.ts';
import './cors-lab-predicted-sequence.ts';

/** One request the servers will receive, in a sentence. */
function requestLine(r: PredictedRequest): string {
  const method = r.accessControlRequestMethod ?? '';
  const what =
    r.kind !== 'preflight'
      ? r.method
      : r.accessControlRequestHeaders
        ? msg(str`preflight OPTIONS asking for ${method} with ${r.accessControlRequestHeaders}`, { id: 'prediction.preflight-headers' })
        : msg(str`preflight OPTIONS asking for ${method}`, { id: 'prediction.preflight' });
  const hop = r.hop ? msg(str` (hop ${r.hop})`, { id: 'prediction.hop' }) : '';
  const origin = r.originHeader ?? msg('none', { id: 'prediction.no-origin' });
  return msg(str`${what} at ${r.origin}${hop}, Origin: ${origin}`, { id: 'prediction.request' });
}

/**
 * What the model predicts for the experiment being edited, before anything
 * runs. Everything here is the model's, and labelled "predicted": only a
 * headless run reads Chromium's own reason (cors-lab run, Playwright).
 */
@customElement('cors-lab-prediction')
@localized()
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

  /**
   * Asynchronous for `server.middleware` (the model runs the real middleware: experiments/model/middleware-replies.ts),
   * and for the prose, compared with the catalog's plan of the experiment's id (its group downloads when not here).
   */
  private _explained = new Task(this, {
    args: () => [this.experiment, this.origins, currentLanguage()] as const,
    task: async ([experiment, origins, lang]) => {
      if (!experiment || !origins) return undefined;
      const page = pageOf(experiment);
      const url = experimentUrl(experiment, origins, 'preview');
      // A failed download of the plans is said where the "Why" would be; the prediction stands without it.
      const proseOrFailure = loadProseOf(experiment).then(
        (prose): { prose: ProseOf | null; failed?: string } => ({ prose }),
        (error: unknown) => ({ prose: null, failed: catalogPlansFailedText(error) }),
      );
      const [[prediction], { prose, failed }] = await Promise.all([
        predictExperimentAsync(experiment, origins, 'preview', lang),
        proseOrFailure,
      ]);
      if (!prediction) return undefined;
      const request = resolveRequest(experiment.request);
      const context = explainContext(prediction, { url, pageOrigin: serializedPageOrigin(page, origins), request });
      return { prediction, explanation: explain(prediction, context, lang), prose, failed };
    },
  });

  override render() {
    const result = this._explained.value;
    if (!result || !this.experiment) return html``;
    const assumed = browserAssumptions(this.experiment, currentLanguage());
    const { prediction: p, explanation: e, prose, failed } = result;
    return html`<section aria-label=${msg('Prediction', { id: 'prediction.label' })} aria-live="polite">
      <h2>${msg('Prediction:', { id: 'prediction.heading' })} <span class=${p.outcome}>${outcomeLabel(p.outcome)}</span>${p.reason ? html` <span class="label muted">${msg('predicted reason', { id: 'prediction.reason' })}</span> <code>${p.reason}</code>` : ''}</h2>
      <p data-testid="verdict">${e.verdict}</p>
      ${[...assumed.notes, ...(assumed.unverifiable ? [assumed.unverifiable] : [])].map((note) => html`<p class="muted" data-testid="browser-setting">ⓘ ${note}</p>`)}
      <cors-lab-fix .experiment=${this.experiment} .origins=${this.origins}></cors-lab-fix>
      <dl>
        ${e.fix && p.outcome !== 'blocked' ? html`<dt>${msg('Fix', { id: 'fix.heading' })}</dt><dd><pre>${e.fix}</pre></dd>` : ''}
        ${e.console ? html`<dt>${msg('Chromium console (predicted)', { id: 'prediction.chromium-console' })}</dt><dd><p class="console">${withShortUrls(e.console)}</p></dd>` : ''}
        ${e.firefox ? html`<dt>${msg('Firefox console (predicted)', { id: 'prediction.firefox-console' })}</dt><dd><p class="console">${withShortUrls(e.firefox)}</p></dd>` : ''}
        ${e.mdn ? html`<dt>${msg('Read more', { id: 'prediction.read-more' })}</dt><dd><a href=${e.mdn} target="_blank" rel="noreferrer">MDN: ${e.mdn.split('/').at(-1)}</a></dd>` : ''}
        <dt>${msg('The servers will see', { id: 'prediction.servers-see' })}</dt>
        <dd>${p.requests.length ? html`<ol>${p.requests.map((r) => html`<li>${requestLine(r)}</li>`)}</ol>` : msg('nothing: the browser stops before sending', { id: 'prediction.nothing-sent' })}</dd>
      </dl>
      ${failed ? html`<p role="alert">${failed}</p>` : ''}
      ${prose ? html`<details open><summary>${msg('Why', { id: 'prediction.why' })}</summary><div class="explain markdown">${explainView(prose, currentLanguage())}</div></details>` : ''}
      <details ?open=${!prose}><summary>${msg('How the model decided', { id: 'prediction.how' })}</summary><cors-lab-checks .checks=${p.checks}></cors-lab-checks></details>
      <cors-lab-predicted-sequence .experiment=${this.experiment} .origins=${this.origins}></cors-lab-predicted-sequence>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-prediction': CorsLabPrediction;
  }
}
