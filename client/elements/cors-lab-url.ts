import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { shortUrl, splitUrls, urlBreakPoints } from '../lab/short-url.ts';
import { baseStyles } from './theme.ts';

/**
 * A URL shown short (origin and path, the plan elided), wrapping only after
 * separators; a button shows it in full, and a copy of the page text holds
 * it in full (see `fullUrlsShown`).
 */
@customElement('cors-lab-url')
export class CorsLabUrl extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: inline; font-family: ui-monospace, 'Cascadia Code', Menlo, monospace; }
      button { font-size: 0.75em; padding: 0 0.3em; margin-left: 0.2em; vertical-align: baseline; }
    `,
  ];

  /** Every full URL shown, so a copy of their short forms can be put back in full. */
  static readonly shown = new Set<string>();

  /** The full URL. */
  @property() url = '';

  @state() private _full = false;

  override render() {
    const short = shortUrl(this.url);
    CorsLabUrl.shown.add(this.url);
    const text = this._full ? this.url : short;
    return html`<span title=${this.url}>${urlBreakPoints(text).map((piece, i) => (i ? html`<wbr />${piece}` : piece))}</span>${
      short === this.url
        ? nothing
        : html`<button aria-expanded=${this._full ? 'true' : 'false'} aria-label=${this._full ? 'Show the URL short' : 'Show the full URL'} @click=${() => (this._full = !this._full)}>${this._full ? 'short' : 'full'}</button>`
    }`;
  }
}

/** Text with every URL in it shown as a cors-lab-url (console lines, fixes). */
export function withShortUrls(text: string) {
  return splitUrls(text).map((part) => (part.url ? html`<cors-lab-url .url=${part.url}></cors-lab-url>` : part.text));
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-url': CorsLabUrl;
  }
}
