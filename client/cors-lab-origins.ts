import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { LabOrigin } from '../servers/origins.ts';

/** Lists the lab's running origins, as the app origin reports them. */
@customElement('cors-lab-origins')
export class CorsLabOrigins extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 16px/1.5 system-ui, sans-serif;
      color: var(--cors-lab-fg, #1b1b1f);
      max-width: 60rem;
      margin: 2rem auto;
      padding: 0 1rem;
    }
    table {
      border-collapse: collapse;
    }
    th,
    td {
      text-align: left;
      padding: 0.25rem 1rem 0.25rem 0;
    }
  `;

  @state() private _origins: LabOrigin[] = [];
  @state() private _error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    fetch('/__lab/origins')
      .then((res) => res.json() as Promise<LabOrigin[]>)
      .then((origins) => (this._origins = origins))
      .catch((error: unknown) => (this._error = String(error)));
  }

  override render() {
    return html`<h1>cors-lab</h1>
      <p>Five real origins are running. Run the experiment catalog in headless Chromium with <code>npx cors-lab run</code>.</p>
      ${this._error ? html`<p role="alert">Could not read the origins: ${this._error}</p>` : ''}
      <table>
        <caption>
          Origins
        </caption>
        <thead>
          <tr><th scope="col">name</th><th scope="col">URL</th><th scope="col">site</th><th scope="col">role</th></tr>
        </thead>
        <tbody>
          ${this._origins.map((o) => html`<tr><td>${o.name}</td><td><a href=${o.url}>${o.url}</a></td><td>${o.site}</td><td>${o.role}</td></tr>`)}
        </tbody>
      </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-origins': CorsLabOrigins;
  }
}
