import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { BrowserStep } from '../lab/run-in-browser.ts';
import { withShortUrls } from './cors-lab-url.ts';
import { OUTCOME_LABEL, baseStyles } from './theme.ts';

/**
 * What happened in one step: the page's call, the preflight the browser sent
 * on its own, the answers, what JavaScript could read. The console line is
 * Chromium's only when Chromium reported it (headless runs); in a user's
 * browser it is the model's and labelled predicted.
 */
@customElement('cors-lab-timeline')
export class CorsLabTimeline extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      ol { margin: 0.3em 0; padding-left: 1.4em; }
      li { margin: 0.3em 0; }
      .headers { font-size: 0.9em; }
    `,
  ];

  /** The step to show. */
  @property({ attribute: false }) step?: BrowserStep;

  override render() {
    const s = this.step;
    if (!s) return html``;
    const last = s.serverSaw.filter((e) => e.kind === 'actual').at(-1);
    const readable = Object.keys(s.seen.readableHeaders);
    const hidden = (last?.responseHeaders ?? []).map(([n]) => n.toLowerCase()).filter((n, i, all) => !readable.includes(n) && all.indexOf(n) === i);
    const preflighted = s.serverSaw.some((e) => e.kind === 'preflight') || s.predicted.requests[0]?.kind === 'preflight';
    const reported = s.observed.console;
    return html`<ol aria-label="Timeline">
      <li>
        The page on <code>${s.seen.pageOrigin || 'its origin'}</code> calls <strong>${s.method}</strong>.
        ${preflighted ? html`The browser first sends a preflight <strong>OPTIONS</strong> on its own, to ask whether ${s.method} may follow.` : ''}
      </li>
      ${s.serverSaw.map(
        (e) => html`<li>
          <strong>${e.kind === 'preflight' ? 'Preflight' : 'Request'}</strong> ${e.method} reached <strong>${e.origin}</strong>${e.hop ? ` (redirect hop ${e.hop})` : ''}:
          Origin <code>${e.originHeader ?? 'none'}</code>${e.accessControlRequestMethod ? html`, Access-Control-Request-Method <code>${e.accessControlRequestMethod}</code>` : ''}${e.accessControlRequestHeaders ? html`, Access-Control-Request-Headers <code>${e.accessControlRequestHeaders}</code>` : ''}${e.cookie ? ', with a cookie' : ''}.
          <br />The server answered <strong>${e.status}</strong>:
          <pre class="headers">${withShortUrls(e.responseHeaders.map(([n, v]) => `${n}: ${v}`).join('\n'))}</pre>
        </li>`,
      )}
      ${s.serverSaw.length === 0 ? html`<li>No request reached any server.</li>` : ''}
      <li>
        The browser: <span class=${s.seen.outcome}>${OUTCOME_LABEL[s.seen.outcome]}</span>${s.seen.error ? html` (the page got <code>${s.seen.error}</code>)` : ''}.
        ${s.seen.status !== null ? html`JavaScript read status <strong>${s.seen.status}</strong>.` : ''}
      </li>
      ${s.seen.outcome === 'allowed' ? html`<li>Readable by JavaScript: <code>${readable.join(', ') || 'none'}</code>. Hidden: <code>${hidden.join(', ') || 'none'}</code>.</li>` : ''}
      ${reported
        ? html`<li><span class="label">Chromium reported</span> <p class="console">${withShortUrls(reported)}</p></li>`
        : s.explanation.console
          ? html`<li><span class="label muted">Console line (predicted)</span> <p class="console">${withShortUrls(s.explanation.console)}</p></li>`
          : ''}
      ${s.explanation.fix ? html`<li>Fix: <pre>${s.explanation.fix}</pre></li>` : ''}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-timeline': CorsLabTimeline;
  }
}
