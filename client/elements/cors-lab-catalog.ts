import { LitElement, css, html } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { customElement, property, state } from 'lit/decorators.js';
import type { CatalogEntry } from '../../experiments/catalog/catalog-index.ts';
import { baseStyles } from './theme.ts';
import { titleIn } from '../../experiments/catalog/prose-in.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { loadSearchableExplains, searchableExplains } from '../lab/catalog-explain.ts';

/** The catalog's groups by name; an experiment file's own group shows as it is spelled. */
const GROUP_NAMES: Readonly<Record<string, () => string>> = {
  simple: () => msg('simple', { id: 'catalog.group.simple' }),
  preflight: () => msg('preflight', { id: 'catalog.group.preflight' }),
  credentials: () => msg('credentials', { id: 'catalog.group.credentials' }),
  redirect: () => msg('redirect', { id: 'catalog.group.redirect' }),
  expose: () => msg('expose', { id: 'catalog.group.expose' }),
  cache: () => msg('cache', { id: 'catalog.group.cache' }),
  'no-cors': () => msg('no-cors', { id: 'catalog.group.no-cors' }),
  'null-origin': () => msg('null-origin', { id: 'catalog.group.null-origin' }),
  xhr: () => msg('xhr', { id: 'catalog.group.xhr' }),
  'cache-poisoning': () => msg('cache-poisoning', { id: 'catalog.group.cache-poisoning' }),
  cookies: () => msg('cookies', { id: 'catalog.group.cookies' }),
  'hono-cors': () => msg('hono-cors', { id: 'catalog.group.hono-cors' }),
  'express-cors': () => msg('express-cors', { id: 'catalog.group.express-cors' }),
  'local-network-access': () => msg('local-network-access', { id: 'catalog.group.local-network-access' }),
  exploits: () => msg('exploits', { id: 'catalog.group.exploits' }),
  resources: () => msg('resources', { id: 'catalog.group.resources' }),
  'canvas-and-errors': () => msg('canvas-and-errors', { id: 'catalog.group.canvas-and-errors' }),
  corp: () => msg('corp', { id: 'catalog.group.corp' }),
  isolation: () => msg('isolation', { id: 'catalog.group.isolation' }),
  csrf: () => msg('CSRF', { id: 'catalog.group.csrf' }),
  beacon: () => msg('beacon', { id: 'catalog.group.beacon' }),
  websocket: () => msg('WebSocket', { id: 'catalog.group.websocket' }),
  eventsource: () => msg('EventSource', { id: 'catalog.group.eventsource' }),
  frames: () => msg('frames', { id: 'catalog.group.frames' }),
  postmessage: () => msg('postMessage', { id: 'catalog.group.postmessage' }),
  'mixed-content': () => msg('mixed-content', { id: 'catalog.group.mixed-content' }),
  csp: () => msg('page CSP', { id: 'catalog.group.csp' }),
  custom: () => msg('custom', { id: 'catalog.group.custom' }),
};

export function groupName(group: string): string {
  return Object.hasOwn(GROUP_NAMES, group) ? (GROUP_NAMES[group] as () => string)() : group;
}

/**
 * The experiments, grouped and searchable. The list is one tab stop: arrow
 * keys, Home and End move between its buttons (a roving tabindex, as in the
 * WAI-ARIA Authoring Practices' composite widgets). Fires `experiment-select`
 * (`{ experiment: CatalogEntry }`) and `run-experiments` (`{ experiments: CatalogEntry[] }`).
 */
@customElement('cors-lab-catalog')
@localized()
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

  /**
   * Every experiment to list, as the catalog's index has it (id, title, group): a chosen one's plan
   * downloads with its group (the app: client/lab/catalog-plans.ts), not with the list.
   */
  @property({ attribute: false }) experiments: readonly CatalogEntry[] = [];
  /** The id of the experiment shown in the editor. */
  @property() selectedId = '';

  @state() private _query = '';
  /** The entry that holds the list's one tab stop: `exp:<id>` or `run:<group>`. */
  @state() private _active = '';
  /** The explanations the search reads: downloading with the first key typed, here, or failed (then said). */
  @state() private _explains: 'none' | 'loading' | 'here' | 'failed' = 'none';

  private get _matching(): CatalogEntry[] {
    const q = this._query.trim().toLowerCase();
    const lang = currentLanguage();
    const texts = (e: CatalogEntry) => [e.id, e.title, titleIn(e, lang), e.group, ...searchableExplains(e.id, lang)];
    return this.experiments.filter((e) => !q || texts(e).some((t) => t.toLowerCase().includes(q)));
  }

  /**
   * The catalog's explanations are not in the first load (issue 16): the search downloads them with
   * the first key typed, and filters again when they are here. Titles and ids match meanwhile.
   */
  private _onInput(event: InputEvent): void {
    this._query = (event.target as HTMLInputElement).value;
    if (this._explains === 'loading' || this._explains === 'here') return;
    this._explains = 'loading';
    loadSearchableExplains(currentLanguage()).then(
      () => (this._explains = 'here'),
      () => (this._explains = 'failed'),
    );
  }

  private _emit(name: 'experiment-select' | 'run-experiments', detail: unknown): void {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  private _entries(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button[data-entry]')];
  }

  private _onKey(event: KeyboardEvent): void {
    const entries = this._entries();
    const at = entries.findIndex((b) => b === this.shadowRoot?.activeElement);
    if (at < 0) return;
    const next = { ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: entries.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = entries[Math.max(0, Math.min(entries.length - 1, next))];
    if (!target) return;
    this._active = target.dataset.entry ?? '';
    target.focus();
    target.scrollIntoView({ block: 'nearest' });
  }

  override render() {
    const matching = this._matching;
    const groups = [...new Set(matching.map((e) => e.group))];
    const keys = groups.flatMap((g) => [`run:${g}`, ...matching.filter((e) => e.group === g).map((e) => `exp:${e.id}`)]);
    // The tab stop: the entry last moved to, else the selected experiment, else the first entry.
    const active = keys.includes(this._active) ? this._active : keys.includes(`exp:${this.selectedId}`) ? `exp:${this.selectedId}` : keys[0];
    const tabindex = (key: string) => (key === active ? '0' : '-1');
    return html`
      <label>${msg('Search experiments', { id: 'catalog.search' })} <input type="search" .value=${this._query} @input=${(e: InputEvent) => this._onInput(e)} /></label>
      ${this._explains === 'failed' ? html`<p role="alert">${msg('The explanations could not be downloaded: the search matches titles and ids only. Type again to retry.', { id: 'catalog.explains-failed' })}</p>` : ''}
      <p><button @click=${() => this._emit('run-experiments', { experiments: matching })}>${msg(str`Run all ${matching.length}`, { id: 'catalog.run-all' })}</button></p>
      <div @keydown=${(e: KeyboardEvent) => this._onKey(e)} @focusin=${(e: FocusEvent) => (this._active = (e.target as HTMLElement).dataset.entry ?? this._active)}>
      ${groups.map((group) => {
        const inGroup = matching.filter((e) => e.group === group);
        const name = groupName(group);
        return html`<section aria-label=${msg(str`group ${name}`, { id: 'catalog.group-label' })}>
          <h3>${name} <button data-entry=${`run:${group}`} tabindex=${tabindex(`run:${group}`)} @click=${() => this._emit('run-experiments', { experiments: inGroup })} aria-label=${msg(str`Run ${inGroup.length}: group ${name}`, { id: 'catalog.run-group-label' })}>${msg(str`Run ${inGroup.length}`, { id: 'catalog.run-group' })}</button></h3>
          <ul>
            ${inGroup.map(
              (e) => html`<li>
                <button data-entry=${`exp:${e.id}`} tabindex=${tabindex(`exp:${e.id}`)} aria-pressed=${e.id === this.selectedId ? 'true' : 'false'} @click=${() => this._emit('experiment-select', { experiment: e })}>
                  <span class="experiment-title">${titleIn(e, currentLanguage())}</span><span class="summary">${e.id}</span>
                </button>
              </li>`,
            )}
          </ul>
        </section>`;
      })}
      </div>
      ${matching.length === 0 ? html`<p class="muted" role="status">${msg(str`No experiment matches "${this._query.trim()}".`, { id: 'catalog.no-match' })}</p>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-catalog': CorsLabCatalog;
  }
}
