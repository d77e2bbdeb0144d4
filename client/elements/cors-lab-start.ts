import { LitElement, css, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { customElement, property, state } from 'lit/decorators.js';
import { lessonEntries } from '../lessons/course.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { lessonHref } from '../lessons/lesson-link.ts';
import { baseStyles } from './theme.ts';

/** Where "do not show this again" is remembered. */
export const START_KEY = 'cors-lab:start';

/**
 * Whether the learner dismissed the panel. Only `{"dismissed": true}` counts:
 * a value another version or a hand edit left there (not JSON, another
 * shape) shows the panel again rather than failing, and is overwritten by
 * the next dismissal. Storage that throws (disabled, a sandbox) counts as a
 * first visit.
 */
export function startDismissed(): boolean {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(START_KEY) ?? 'null');
    return typeof value === 'object' && value !== null && (value as { dismissed?: unknown }).dismissed === true;
  } catch {
    return false;
  }
}

function rememberDismissed(): void {
  try {
    localStorage.setItem(START_KEY, JSON.stringify({ dismissed: true }));
  } catch {
    // Storage disabled or full: dismissed for this page only.
  }
}

/**
 * The first-visit way in: the course from Lesson 1, the playground (the
 * experiment on this page), and the commands for one's own API. Dismissed
 * for good with its button; fires `start-playground` when the learner picks
 * the playground, and `start-dismiss` when it closes, so the app can move
 * focus to what comes next.
 */
@customElement('cors-lab-start')
@localized()
export class CorsLabStart extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      section { border: 2px solid var(--cl-accent); border-radius: 8px; padding: 0.6em 1em; margin: 0 0 1em; }
      h2 { font-size: 1.15em; margin: 0.2em 0 0.4em; }
      ul { margin: 0.3em 0; padding-left: 1.2em; }
      li { margin: 0.4em 0; }
      a { color: var(--cl-accent); font-weight: 600; }
      pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0.3em 0; }
      summary { cursor: pointer; color: var(--cl-accent); font-weight: 600; }
    `,
  ];

  /** How many experiments the playground's catalog holds. */
  @property({ type: Number }) experiments = 0;

  @state() private _dismissed = startDismissed();

  private _emit(name: 'start-playground' | 'start-dismiss'): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  private _dismiss(): void {
    rememberDismissed();
    this._dismissed = true;
    this._emit('start-dismiss');
  }

  private _course() {
    const course = lessonEntries(currentLanguage());
    const first = course[0];
    if (!first) return nothing;
    const about = msg(str`(${first.title}). ${course.length} short lessons: predict what the browser does, then watch it do it.`, {
      id: 'start.course-about',
    });
    return html`<li><a href=${lessonHref(first.id, location.search)}>${msg('The course: start with Lesson 1', { id: 'start.course' })}</a>
      ${about}</li>`;
  }

  private _playground() {
    const about = msg(
      str`(${this.experiments} experiments in the catalog): read the prediction, run one in this browser, then edit the request or the server's answer.`,
      { id: 'start.playground-about' },
    );
    const go = (e: Event): void => {
      e.preventDefault();
      this._emit('start-playground');
    };
    return html`<li><a href="#experiment" @click=${go}>${msg('The playground', { id: 'start.playground' })}</a> ${about}</li>`;
  }

  private _ownApi() {
    const about = msg(
      'From a terminal: probe sends your API the requests a browser would and says why the fetch fails; scan looks for risky CORS answers (about 20 GET requests). Both send requests only to the URL you give.',
      { id: 'start.own-api-about' },
    );
    const more = msg('More in the README: "Use cors-lab on your own API" and "Scanning your API"; or npx cors-lab probe --help.', {
      id: 'start.own-api-more',
    });
    return html`<li><details><summary>${msg('Your own API', { id: 'start.own-api' })}</summary>
      <p>${about}</p>
      <pre>npx cors-lab probe https://api.example.com/items --origin https://app.example.com
npx cors-lab scan https://api.example.com/items</pre>
      <p>${more}</p>
    </details></li>`;
  }

  override render() {
    if (this._dismissed) return nothing;
    return html`<section aria-labelledby="start-title">
      <h2 id="start-title">${msg('New to CORS? Start here', { id: 'start.title' })}</h2>
      <ul>${this._course()} ${this._playground()} ${this._ownApi()}</ul>
      <button @click=${() => this._dismiss()}>${msg('Got it: do not show this again', { id: 'start.dismiss' })}</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-start': CorsLabStart;
  }
}
