import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { API, CREDENTIALS, MODES, REDIRECT_MODES, type Experiment, type ExperimentInput } from '../../experiments/schema.ts';
import { ExperimentError, validateExperiments } from '../../experiments/validate.ts';
import { ORIGIN_NAMES } from '../../servers/origins.ts';
import { ANSWER_PRESETS, headersToText, textToHeaders } from '../lab/header-text.ts';
import { baseStyles } from './theme.ts';

interface Draft {
  page: string;
  api: string;
  target: string;
  method: string;
  path: string;
  mode: string;
  credentials: string;
  redirect: string;
  requestHeaders: string;
  body: string;
  preflightStatus: string;
  preflightHeaders: string;
  actualStatus: string;
  actualHeaders: string;
  actualBody: string;
  redirects: string;
}

function draftOf(e: Experiment): Draft {
  const r = e.request;
  return {
    page: e.page ?? 'app', api: r.api ?? 'fetch', target: r.target, method: r.method ?? 'GET', path: r.path ?? '/', mode: r.mode ?? 'cors',
    credentials: r.credentials ?? 'same-origin', redirect: r.redirect ?? 'follow', requestHeaders: headersToText(r.headers), body: r.body ?? '',
    preflightStatus: String(e.server?.preflight?.status ?? 204), preflightHeaders: headersToText(e.server?.preflight?.headers),
    actualStatus: String(e.server?.actual?.status ?? 200), actualHeaders: headersToText(e.server?.actual?.headers), actualBody: e.server?.actual?.body ?? '',
    redirects: e.server?.redirects?.length ? JSON.stringify(e.server.redirects, null, 1) : '',
  };
}

/** Edits the request and the server plan. Fires `experiment-change` with each valid edit, and `run-experiments`. */
@customElement('cors-lab-editor')
export class CorsLabEditor extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      fieldset { border: 1px solid var(--cl-border); border-radius: 6px; margin: 0 0 0.6em; }
      .row { display: flex; flex-wrap: wrap; gap: 0.5em 1em; margin: 0.3em 0; }
      label { display: inline-flex; flex-direction: column; gap: 0.1em; }
      textarea { min-width: min(32em, 90vw); min-height: 3.5em; }
      [role='alert'] { color: var(--cl-blocked); }
    `,
  ];

  /** The experiment to edit. */
  @property({ attribute: false }) experiment?: Experiment;

  @state() private _draft?: Draft;
  @state() private _problems: string[] = [];
  #source?: Experiment;

  override willUpdate(): void {
    if (this.experiment && this.experiment !== this.#source && this.experiment !== this.#emitted) {
      this.#source = this.experiment;
      this._draft = draftOf(this.experiment);
      this._problems = [];
    }
  }

  #emitted?: Experiment;

  private _set(field: keyof Draft, value: string): void {
    if (!this._draft || !this.#source) return;
    this._draft = { ...this._draft, [field]: value };
    const { experiment, problems } = this._build(this._draft, this.#source);
    this._problems = problems;
    if (experiment) {
      this.#emitted = experiment;
      this.dispatchEvent(new CustomEvent('experiment-change', { detail: { experiment }, bubbles: true, composed: true }));
    }
  }

  private _build(d: Draft, source: Experiment): { experiment?: Experiment; problems: string[] } {
    const parts = { request: textToHeaders(d.requestHeaders), preflight: textToHeaders(d.preflightHeaders), actual: textToHeaders(d.actualHeaders) };
    const problems = Object.entries(parts).flatMap(([where, p]) => p.problems.map((m) => `${where} headers: ${m}`));
    let redirects: unknown;
    try {
      redirects = d.redirects.trim() ? JSON.parse(d.redirects) : undefined;
    } catch {
      problems.push('redirects: not valid JSON (an array like [{"to": "api2"}])');
    }
    if (problems.length) return { problems };
    const custom = source.group === 'custom';
    const input: ExperimentInput = {
      id: custom ? source.id : `custom-${source.id}`.slice(0, 80),
      title: custom ? source.title : `Custom: ${source.title}`,
      group: 'custom',
      ...(source.explain ? { explain: source.explain } : {}),
      page: d.page as ExperimentInput['page'],
      request: {
        api: d.api as 'fetch', target: d.target as 'api', method: d.method, path: d.path, mode: d.mode as 'cors', credentials: d.credentials as 'omit',
        redirect: d.redirect as 'follow', headers: parts.request.headers, body: d.body === '' ? null : d.body,
      },
      server: {
        preflight: { status: Number(d.preflightStatus), headers: parts.preflight.headers },
        actual: { status: Number(d.actualStatus), headers: parts.actual.headers, ...(d.actualBody ? { body: d.actualBody } : {}) },
        ...(redirects === undefined ? {} : { redirects: redirects as [] }),
      },
      ...(source.then ? { then: source.then } : {}),
    };
    try {
      return { experiment: validateExperiments(input, 'editor')[0], problems: [] };
    } catch (error) {
      return { problems: error instanceof ExperimentError ? error.problems.map((p) => p.replace(/^editor: /, '')) : [String(error)] };
    }
  }

  private _select(field: keyof Draft, label: string, options: readonly string[]) {
    return html`<label>${label}<select @change=${(e: Event) => this._set(field, (e.target as HTMLSelectElement).value)}>
      ${options.map((o) => html`<option ?selected=${this._draft?.[field] === o}>${o}</option>`)}
    </select></label>`;
  }

  private _text(field: keyof Draft, label: string, multiline = false) {
    const onInput = (e: Event) => this._set(field, (e.target as HTMLInputElement).value);
    return multiline ? html`<label>${label}<textarea .value=${this._draft?.[field] ?? ''} @input=${onInput}></textarea></label>` : html`<label>${label}<input .value=${this._draft?.[field] ?? ''} @input=${onInput} size="10" /></label>`;
  }

  private _preset(field: 'preflightHeaders' | 'actualHeaders', label: string) {
    const apply = (e: Event): void => {
      const name = (e.target as HTMLSelectElement).value;
      const preset = ANSWER_PRESETS[name];
      if (!preset || !this._draft) return;
      const extra = field === 'preflightHeaders' && name !== 'no CORS headers' ? `\nAccess-Control-Allow-Methods: ${this._draft.method}${this._draft.requestHeaders.trim() ? `\nAccess-Control-Allow-Headers: ${Object.keys(textToHeaders(this._draft.requestHeaders).headers).join(', ')}` : ''}` : '';
      this._set(field, headersToText(preset) + extra);
    };
    return html`<label>${label}<select @change=${apply}><option value="">choose…</option>${Object.keys(ANSWER_PRESETS).map((p) => html`<option>${p}</option>`)}</select></label>`;
  }

  override render() {
    if (!this._draft) return html`<p class="muted">Pick an experiment, or start a new one.</p>`;
    return html`
      <fieldset>
        <legend>Request</legend>
        <div class="row">
          ${this._select('page', 'Page origin', [...ORIGIN_NAMES, 'null'])} ${this._select('target', 'Target origin', ORIGIN_NAMES)} ${this._select('api', 'API', API)}
          ${this._text('method', 'Method')} ${this._text('path', 'Path')}
        </div>
        <div class="row">${this._select('mode', 'Mode', MODES)} ${this._select('credentials', 'Credentials', CREDENTIALS)} ${this._select('redirect', 'Redirect', REDIRECT_MODES)}</div>
        <div class="row">${this._text('requestHeaders', 'Request headers (Name: value per line)', true)} ${this._text('body', 'Body', true)}</div>
      </fieldset>
      <fieldset>
        <legend>Server plan</legend>
        <div class="row">${this._text('preflightStatus', 'Preflight status')} ${this._preset('preflightHeaders', 'Preflight preset')} ${this._text('preflightHeaders', 'Preflight response headers', true)}</div>
        <div class="row">${this._text('actualStatus', 'Actual status')} ${this._preset('actualHeaders', 'Actual preset')} ${this._text('actualHeaders', 'Actual response headers', true)} ${this._text('actualBody', 'Actual body', true)}</div>
        <div class="row">${this._text('redirects', 'Redirect hops (JSON array)', true)}</div>
      </fieldset>
      ${this._problems.length ? html`<div role="alert"><strong>Not valid yet:</strong><ul>${this._problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-editor': CorsLabEditor;
  }
}
