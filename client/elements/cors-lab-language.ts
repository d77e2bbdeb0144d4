import { LitElement, css, html } from 'lit';
import { localized, msg } from '@lit/localize';
import { customElement } from 'lit/decorators.js';
import { LANGUAGES, isLanguage, type Language } from '../../format/i18n/languages.ts';
import { currentLanguage, useLanguage } from '../i18n/localize.ts';
import { baseStyles } from './theme.ts';

/** Each language named in itself, so a reader finds theirs whatever the page is in. */
const NATIVE_NAME: Record<Language, string> = { en: 'English', 'zh-CN': '中文' };

/**
 * The language switch: a native `<select>` (keyboard and screen readers for
 * free). A choice switches every localized element at once, is remembered
 * for the next visit, and goes into `?lang=` so a copied link opens in it.
 */
@customElement('cors-lab-language')
@localized()
export class CorsLabLanguage extends LitElement {
  static override styles = [baseStyles, css`:host { display: inline-flex; gap: 0.4em; align-items: center; }`];

  private async _choose(event: Event): Promise<void> {
    const value = (event.target as HTMLSelectElement).value;
    if (!isLanguage(value)) return;
    // The URL first: the re-render the switch causes already shares links in the new language.
    const url = new URL(location.href);
    url.searchParams.set('lang', value);
    history.replaceState(history.state, '', url);
    await useLanguage(value, true);
  }

  override render() {
    const lang = currentLanguage();
    return html`<label for="lang">${msg('Language', { id: 'app.language' })}</label>
      <select id="lang" @change=${(e: Event) => void this._choose(e)}>
        ${LANGUAGES.map((l) => html`<option value=${l} lang=${l} ?selected=${l === lang}>${NATIVE_NAME[l]}</option>`)}
      </select>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-language': CorsLabLanguage;
  }
}
