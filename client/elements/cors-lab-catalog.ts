import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Experiment } from '../../experiments/schema.ts';
import { baseStyles } from './theme.ts';

/** The experiments, grouped and searchable. Fires `experiment-select` and `run-experiments`. */
@customElement('cors-lab-catalog')
export class CorsLabCatalog extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li button {
        width: 100%;
        text-align: left;
        border: none;
        background: none;
        padding: 0.3em 0.4em;
      }
      li button[aria-pressed='true'] {
        background: var(--cl-selected-bg);
        font-weight: 600;
      }
      .summary {
        display: block;
        font-size: 0.85em;
        color: var(--cl-muted);
      }
      h3 {
        display: flex;
        justify-content: space-between;
        align-items: center;
        margin: 0.8em 0 0.2em;
        font-size: 1em;
        text-transform: capitalize;
      }
      input {
        width: 100%;
        box-sizing: border-box;
      }
    `,
  ];

  /** Every experiment to list. */
  @property({ attribute: false }) experiments: readonly Experiment[] = [];
  /** The id of the experiment shown in the editor. */
  @property() selectedId = '';

  @state() private _query = '';

  private get _matching(): Experiment[] {
    const q = this._query.trim().toLowerCase();
    return this.experiments.filter((e) => !q || [e.id, e.title, e.group, e.explain ?? ''].some((t) => t.toLowerCase().includes(q)));
  }

  private _emit(name: 'experiment-select' | 'run-experiments', detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  override render() {
    const matching = this._matching;
    const groups = [...new Set(matching.map((e) => e.group))];
    return html`
      <label>Search experiments <input type="search" .value=${this._query} @input=${(e: InputEvent) => (this._query = (e.target as HTMLInputElement).value)} /></label>
      <p><button @click=${() => this._emit('run-experiments', { experiments: matching })}>Run all ${matching.length}</button></p>
      ${groups.map((group) => {
        const inGroup = matching.filter((e) => e.group === group);
        return html`<section aria-label=${`group ${group}`}>
          <h3>${group} <button @click=${() => this._emit('run-experiments', { experiments: inGroup })} aria-label=${`Run group ${group}`}>Run ${inGroup.length}</button></h3>
          <ul>
            ${inGroup.map(
              (e) => html`<li>
                <button aria-pressed=${e.id === this.selectedId ? 'true' : 'false'} @click=${() => this._emit('experiment-select', { experiment: e })}>
                  ${e.title}<span class="summary">${e.id}</span>
                </button>
              </li>`,
            )}
          </ul>
        </section>`;
      })}
      ${matching.length === 0 ? html`<p class="muted">No experiment matches.</p>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-catalog': CorsLabCatalog;
  }
}
