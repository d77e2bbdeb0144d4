import { LitElement, css, html, nothing } from 'lit';
import { localized, msg } from '@lit/localize';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { API, CREDENTIALS, MODES, REDIRECT_MODES, REFERRER_POLICIES, TARGET_ADDRESS_SPACES } from '../../format/format-defaults.ts';
import { CROSSORIGIN } from '../../format/embedding.ts';
import { POST_MESSAGE_VIA } from '../../format/frames.ts';
import type { Experiment } from '../../format/schema.ts';
import { ORIGIN_NAMES } from '../../plan/origins.ts';
import { draftOf, experimentFromDraft, type Draft, type DraftField, type DraftProblems } from '../lab/editor-draft.ts';
import { ANSWER_PRESETS, headersToText, isAnswerPreset, textToHeaders, type AnswerPreset } from '../lab/header-text.ts';
import { baseStyles } from './theme.ts';

/** Hints shown under a field (and read with it, through aria-describedby), in the page's language. */
const HINTS: Partial<Record<DraftField, () => string>> = {
  requestHeaders: () => msg('Name: value, one per line; repeat a name for two lines.', { id: 'editor.hint.request-headers' }),
  preflightHeaders: () => msg('Name: value, one per line. Tokens: {page}, {reflect}, {origin:NAME}.', { id: 'editor.hint.response-headers' }),
  actualHeaders: () => msg('Name: value, one per line. Tokens: {page}, {reflect}, {origin:NAME}.', { id: 'editor.hint.response-headers' }),
  redirects: () => msg('For example [{"status": 302, "to": "api2"}]; empty for none.', { id: 'editor.hint.redirects' }),
  expect: () => msg('For example {"outcome": "blocked", "preflight": true}; empty for none.', { id: 'editor.hint.expect' }),
  middleware: () => msg('The real middleware answers the last hop, e.g. {"name": "hono/cors", "options": {"origin": "{page}"}}; empty for the plan\'s own headers.', { id: 'editor.hint.middleware' }),
  websocket: () => msg('Whom a WebSocket handshake is accepted from: "any", or {"acceptOrigins": ["{page}"]}; empty: every handshake gets 403.', { id: 'editor.hint.websocket' }),
  browser: () => msg('Settings the experiment assumes, e.g. {"thirdPartyCookies": "allowed", "localNetworkAccess": "granted"}; your own browser keeps its own.', { id: 'editor.hint.browser' }),
  then: () => msg('Later requests on the same URL, e.g. [{"request": {"method": "GET"}}].', { id: 'editor.hint.then' }),
  pageHeaders: () => msg('Header lines of the page itself (COOP, COEP, CSP, CORP only), e.g. Cross-Origin-Embedder-Policy: require-corp.', { id: 'editor.hint.page-headers' }),
};

/** The ready-made answers (header-text.ts ANSWER_PRESETS) by name. */
const PRESET_NAMES: Record<AnswerPreset, () => string> = {
  'no CORS headers': () => msg('no CORS headers', { id: 'editor.preset.none' }),
  'wildcard *': () => msg('wildcard *', { id: 'editor.preset.wildcard' }),
  'exact origin': () => msg('exact origin', { id: 'editor.preset.exact' }),
  'exact origin + credentials': () => msg('exact origin + credentials', { id: 'editor.preset.exact-credentials' }),
  'reflect any origin': () => msg('reflect any origin', { id: 'editor.preset.reflect' }),
};

/**
 * Edits the request, the server plan, `expect` and `then`. Fires
 * `experiment-change` with each valid edit; a problem is shown next to its field.
 */
@customElement('cors-lab-editor')
@localized()
export class CorsLabEditor extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      fieldset { border: 1px solid var(--cl-border); border-radius: 6px; margin: 0 0 0.6em; min-width: 0; }
      .row { display: flex; flex-wrap: wrap; gap: 0.5em 1em; margin: 0.3em 0; }
      .field { display: flex; flex-direction: column; gap: 0.1em; min-width: 0; max-width: 100%; }
      .wide { flex: 1 1 18em; }
      textarea { width: 100%; box-sizing: border-box; min-height: 3.5em; }
      #expect, #then, #redirects, #middleware, #browser { min-height: 6em; }
      input { max-width: 100%; box-sizing: border-box; }
      .hint { font-size: 0.85em; }
      .problem { color: var(--cl-blocked); font-size: 0.9em; margin: 0; overflow-wrap: anywhere; }
      [aria-invalid='true'] { border-color: var(--cl-blocked); border-width: 2px; }
    `,
  ];

  /** The experiment to edit. */
  @property({ attribute: false }) experiment?: Experiment;

  @state() private _draft?: Draft;
  @state() private _problems: DraftProblems = {};
  /** The experiment the draft started from (a catalog one stays the source of `custom-<id>`). */
  #source?: Experiment;
  /**
   * Every experiment this editor emitted. The app hands each one back a
   * moment later, sometimes after the next key was typed; taking such an
   * echo as a new experiment would reset the draft to a stale one and lose keys.
   */
  #emitted = new WeakSet<Experiment>();

  override willUpdate(): void {
    if (this.experiment && this.experiment !== this.#source && !this.#emitted.has(this.experiment)) {
      this.#source = this.experiment;
      this._draft = draftOf(this.experiment);
      this._problems = {};
    }
  }

  private async _set(field: DraftField, value: string): Promise<void> {
    if (!this._draft || !this.#source) return;
    const draft = { ...this._draft, [field]: value };
    this._draft = draft;
    const { experiment, problems } = await experimentFromDraft(draft, this.#source);
    // A later key press has its own check: only the newest draft's result is shown and sent.
    if (draft !== this._draft) return;
    this._problems = problems;
    if (experiment) {
      this.#emitted.add(experiment);
      this.dispatchEvent(new CustomEvent('experiment-change', { detail: { experiment }, bubbles: true, composed: true }));
    }
  }

  /** The hint and problem ids a field is described by. */
  private _described(field: DraftField): string {
    return [HINTS[field] ? `${field}-hint` : '', this._problems[field]?.length ? `${field}-problem` : ''].filter(Boolean).join(' ');
  }

  private _notes(field: DraftField) {
    const problems = this._problems[field] ?? [];
    const hint = HINTS[field];
    return html`${hint ? html`<span class="hint muted" id=${`${field}-hint`}>${hint()}</span>` : nothing}
      ${problems.length ? html`<p class="problem" id=${`${field}-problem`} role="alert">${problems.join('; ')}</p>` : nothing}`;
  }

  private _select(field: DraftField, label: string, options: readonly string[], labels: Record<string, string> = {}) {
    return html`<div class="field"><label for=${field}>${label}</label><select id=${field} .value=${live(this._draft?.[field] ?? '')} aria-describedby=${this._described(field) || nothing} @change=${(e: Event) => this._set(field, (e.target as HTMLSelectElement).value)}>
      ${options.map((o) => html`<option value=${o} ?selected=${this._draft?.[field] === o}>${labels[o] ?? o}</option>`)}
    </select>${this._notes(field)}</div>`;
  }

  private _text(field: DraftField, label: string, multiline = false) {
    const onInput = (e: Event) => this._set(field, (e.target as HTMLInputElement).value);
    const value = live(this._draft?.[field] ?? '');
    const invalid = this._problems[field]?.length ? 'true' : 'false';
    const describedBy = this._described(field) || nothing;
    return multiline
      ? html`<div class="field wide"><label for=${field}>${label}</label><textarea id=${field} .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${onInput}></textarea>${this._notes(field)}</div>`
      : html`<div class="field"><label for=${field}>${label}</label><input id=${field} .value=${value} aria-invalid=${invalid} aria-describedby=${describedBy} @input=${onInput} size="10" />${this._notes(field)}</div>`;
  }

  /** A menu of ready-made answers: an action, so it returns to "choose…" after each use and each switch. */
  private _preset(field: 'preflightHeaders' | 'actualHeaders', label: string) {
    const apply = (e: Event): void => {
      const select = e.target as HTMLSelectElement;
      const preset = isAnswerPreset(select.value) ? ANSWER_PRESETS[select.value] : undefined;
      if (preset && this._draft) {
        const listed = Object.keys(textToHeaders(this._draft.requestHeaders).headers).join(', ');
        const extra = field === 'preflightHeaders' && select.value !== 'no CORS headers' ? `\nAccess-Control-Allow-Methods: ${this._draft.method}${listed ? `\nAccess-Control-Allow-Headers: ${listed}` : ''}` : '';
        this._set(field, headersToText(preset) + extra);
      }
      select.value = '';
    };
    return html`<div class="field"><label for=${`${field}-preset`}>${label}</label><select id=${`${field}-preset`} .value=${live('')} @change=${apply}><option value="">${msg('choose…', { id: 'editor.preset.choose' })}</option>${(Object.keys(PRESET_NAMES) as AnswerPreset[]).map((p) => html`<option value=${p}>${PRESET_NAMES[p]()}</option>`)}</select></div>`;
  }

  override render() {
    if (!this._draft) return html`<p class="muted">${msg('Pick an experiment, or start a new one.', { id: 'editor.empty' })}</p>`;
    const general = this._problems.general ?? [];
    return html`
      <fieldset>
        <legend>${msg('Request', { id: 'editor.request' })}</legend>
        <div class="row">
          ${this._select('page', msg('Page origin', { id: 'editor.page' }), [...ORIGIN_NAMES, 'null'])} ${this._select('target', msg('Target origin', { id: 'editor.target' }), ORIGIN_NAMES)} ${this._select('api', 'API', API)}
          ${this._text('method', msg('Method', { id: 'editor.method' }))} ${this._text('path', msg('Path', { id: 'editor.path' }))}
        </div>
        <div class="row">
          ${this._select('mode', msg('Mode', { id: 'editor.mode' }), MODES)} ${this._select('credentials', msg('Credentials', { id: 'editor.credentials' }), CREDENTIALS)} ${this._select('redirect', msg('Redirect', { id: 'editor.redirect' }), REDIRECT_MODES)}
          ${this._select('referrerPolicy', msg('Referrer policy', { id: 'editor.referrer-policy' }), REFERRER_POLICIES, { '': msg('(default)', { id: 'editor.default' }) })}
          ${this._select('targetAddressSpace', msg('Target address space', { id: 'editor.address-space' }), ['', ...TARGET_ADDRESS_SPACES], { '': msg('(none)', { id: 'editor.none' }) })}
          ${this._select('crossorigin', msg('crossorigin (img, script, stylesheet)', { id: 'editor.crossorigin' }), ['', ...CROSSORIGIN], { '': msg('(none)', { id: 'editor.none' }) })}
        </div>
        <div class="row">
          ${this._text('targetOrigin', msg('targetOrigin (postMessage)', { id: 'editor.target-origin' }))}
          ${this._select('via', msg('via (postMessage)', { id: 'editor.via' }), ['', ...POST_MESSAGE_VIA], {
            '': msg('(default)', { id: 'editor.default' }),
          })}
          ${this._select('noopener', msg('noopener (a popup)', { id: 'editor.noopener' }), ['', 'true', 'false'], {
            '': msg('(none)', { id: 'editor.none' }),
          })}
        </div>
        <div class="row">${this._text('requestHeaders', msg('Request headers', { id: 'editor.request-headers' }), true)} ${this._text('body', msg('Body', { id: 'editor.body' }), true)}</div>
      </fieldset>
      <fieldset>
        <legend>${msg('Server plan', { id: 'editor.server-plan' })}</legend>
        <div class="row">${this._text('preflightStatus', msg('Preflight status', { id: 'editor.preflight-status' }))} ${this._preset('preflightHeaders', msg('Preflight preset', { id: 'editor.preflight-preset' }))} ${this._text('preflightHeaders', msg('Preflight response headers', { id: 'editor.preflight-headers' }), true)}</div>
        <div class="row">${this._text('actualStatus', msg('Actual status', { id: 'editor.actual-status' }))} ${this._preset('actualHeaders', msg('Actual preset', { id: 'editor.actual-preset' }))} ${this._text('actualHeaders', msg('Actual response headers', { id: 'editor.actual-headers' }), true)} ${this._text('actualBody', msg('Actual body', { id: 'editor.actual-body' }), true)} ${this._text('actualBodyBase64', msg('Actual body (base64)', { id: 'editor.actual-body-base64' }))}</div>
        <div class="row">${this._text('redirects', msg('Redirect hops (JSON array)', { id: 'editor.redirects' }), true)} ${this._text('middleware', msg('Middleware (JSON)', { id: 'editor.middleware' }), true)} ${this._text('websocket', msg('WebSocket accepts (JSON)', { id: 'editor.websocket' }))} ${this._text('targetPage', msg('Target page (JSON)', { id: 'editor.target-page' }))}</div>
      </fieldset>
      <fieldset>
        <legend>${msg('Browser settings, expectation and later steps', { id: 'editor.later' })}</legend>
        <div class="row">${this._text('browser', msg('Browser settings (JSON)', { id: 'editor.browser' }), true)} ${this._text('pageHeaders', msg('Page headers', { id: 'editor.page-headers' }), true)}</div>
        <div class="row">${this._text('expect', msg('Expect (JSON)', { id: 'editor.expect' }), true)} ${this._text('then', msg('Then steps (JSON array)', { id: 'editor.then' }), true)}</div>
      </fieldset>
      ${general.length ? html`<div role="alert" class="problem"><strong>${msg('Not valid yet:', { id: 'editor.invalid' })}</strong> ${general.join('; ')}</div>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-editor': CorsLabEditor;
  }
}
