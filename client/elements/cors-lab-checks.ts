import { LitElement, css, html } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { customElement, property } from 'lit/decorators.js';
import type { Check } from '../../experiments/model/trace.ts';
import { baseStyles } from './theme.ts';

/** Where a check happened, in the page's language. */
const STAGE: Record<Check['stage'], () => string> = {
  page: () => msg('page', { id: 'checks.stage.page' }),
  preflight: () => msg('preflight', { id: 'checks.stage.preflight' }),
  actual: () => msg('answer', { id: 'checks.stage.answer' }),
  redirect: () => msg('redirect', { id: 'checks.stage.redirect' }),
};

/** The model's own steps for one request: each check, passed or failed, with the header values it read. */
@customElement('cors-lab-checks')
@localized()
export class CorsLabChecks extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      ol { margin: 0.2em 0; padding-left: 1.6em; }
      li { margin: 0.15em 0; overflow-wrap: anywhere; }
      .where { font-size: 0.85em; }
      code { overflow-wrap: anywhere; }
    `,
  ];

  /** The trace of a prediction (StepPrediction.checks). */
  @property({ attribute: false }) checks: readonly Check[] = [];

  override render() {
    return html`<ol aria-label=${msg("The model's checks", { id: 'checks.label' })}>
      ${this.checks.map(
        (c) => html`<li data-ok=${c.ok ? 'yes' : 'no'}>
          <span class=${c.ok ? 'allowed' : 'blocked'}>${c.ok ? '✔' : '✖'}</span>
          <span class="where muted">[${STAGE[c.stage]()}${c.origin ? ` · ${c.origin}${c.hop ? msg(str` hop ${c.hop}`, { id: 'checks.hop' }) : ''}` : ''}]</span>
          <span class="check-text">${c.text}</span>${c.headers.length ? html`: ${c.headers.map(([n, v], i) => html`${i ? ', ' : ''}<code>${n}: ${v ?? msg('(absent)', { id: 'checks.absent' })}</code>`)}` : ''}
        </li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-checks': CorsLabChecks;
  }
}
