import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Check } from '../../experiments/model/trace.ts';
import { baseStyles } from './theme.ts';

const STAGE = { page: 'page', preflight: 'preflight', actual: 'answer', redirect: 'redirect' } as const;

/** The model's own steps for one request: each check, passed or failed, with the header values it read. */
@customElement('cors-lab-checks')
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
    return html`<ol aria-label="The model's checks">
      ${this.checks.map(
        (c) => html`<li data-ok=${c.ok ? 'yes' : 'no'}>
          <span class=${c.ok ? 'allowed' : 'blocked'}>${c.ok ? '✔' : '✖'}</span>
          <span class="where muted">[${STAGE[c.stage]}${c.origin ? ` · ${c.origin}${c.hop ? ` hop ${c.hop}` : ''}` : ''}]</span>
          ${c.text}${c.headers.length ? html`: ${c.headers.map(([n, v], i) => html`${i ? ', ' : ''}<code>${n}: ${v ?? '(absent)'}</code>`)}` : ''}
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
