import { LitElement, html, nothing } from 'lit';
import { localized, msg } from '@lit/localize';
import { customElement, property, state } from 'lit/decorators.js';
import { shortUrl, splitUrls, urlBreakPoints } from '../lab/short-url.ts';

/**
 * A URL shown short (origin and path, the plan elided), wrapping only after
 * separators; a button shows it in full, and a copy of the page text holds
 * it in full (see `urlsAround`, read by the app's copy handler). It renders into the
 * light DOM, so its text is part of the text a person selects around it
 * (a selection does not reach into a nested shadow root); its styles are in
 * theme.ts.
 */
@customElement('cors-lab-url')
@localized()
export class CorsLabUrl extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** The full URL. */
  @property() url = '';

  @state() private _full = false;

  /** The toggle shows its word through CSS (so a copy of the text never holds it): theme.ts reads these. */
  override updated(): void {
    this.style.setProperty('--cl-url-full', JSON.stringify(msg('full', { id: 'url.full' })));
    this.style.setProperty('--cl-url-short', JSON.stringify(msg('short', { id: 'url.short' })));
  }

  override render() {
    const short = shortUrl(this.url);
    const text = this._full ? this.url : short;
    return html`<span title=${this.url}>${urlBreakPoints(text).map((piece, i) => (i ? html`<wbr />${piece}` : piece))}</span>${
      short === this.url
        ? nothing
        : html`<button aria-expanded=${this._full ? 'true' : 'false'} aria-label=${this._full ? msg('Show the URL short', { id: 'url.show-short' }) : msg('Show the full URL', { id: 'url.show-full' })} @click=${() => (this._full = !this._full)}></button>`
    }`;
  }
}

/**
 * The full URLs shown near a copy event's target: those in the same shadow
 * tree (one prediction, one timeline), so equal short forms elsewhere on the
 * page cannot be mixed up.
 */
export function urlsAround(event: Event): string[] {
  const path = event.composedPath();
  const boundary = path.findIndex((node) => node instanceof ShadowRoot);
  const top = path[boundary < 0 ? path.length - 1 : boundary - 1];
  if (!(top instanceof Element || top instanceof Document)) return [];
  return [...top.querySelectorAll<CorsLabUrl>('cors-lab-url')].map((el) => el.url);
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
