import { LitElement, css, html } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { customElement, property } from 'lit/decorators.js';
import type { BrowserStep } from '../lab/run-in-browser.ts';
import { withShortUrls } from './cors-lab-url.ts';
import type { JournalEntry } from '../../plan/journal-entry.ts';
import { baseStyles, outcomeLabel } from './theme.ts';

/** What one request that reached a server carried, and what it was answered. */
function received(e: JournalEntry) {
  const kind = e.kind === 'preflight' ? msg('Preflight', { id: 'timeline.preflight' }) : msg('Request', { id: 'timeline.request' });
  const hop = e.hop ? msg(str` (redirect hop ${e.hop})`, { id: 'timeline.hop' }) : '';
  const comma = msg(', ', { id: 'timeline.comma' });
  // Header names stay as they are on the wire; only the words around them are translated.
  const headers = html`Origin <code>${e.originHeader ?? msg('none', { id: 'timeline.none' })}</code>${e.accessControlRequestMethod ? html`${comma}Access-Control-Request-Method <code>${e.accessControlRequestMethod}</code>` : ''}${e.accessControlRequestHeaders ? html`${comma}Access-Control-Request-Headers <code>${e.accessControlRequestHeaders}</code>` : ''}${e.cookie ? msg(', with a cookie', { id: 'timeline.cookie' }) : ''}`;
  // No whitespace between the pieces: each message brings its own (Chinese puts none after its punctuation).
  return html`${msg(html`<strong>${kind}</strong> ${e.method} reached <strong>${e.origin}</strong>${hop}: `, { id: 'timeline.reached' })}${headers}${msg('.', { id: 'timeline.period' })}
    <br />${msg(html`The server answered <strong>${e.status}</strong>:`, { id: 'timeline.answered' })}`;
}

/**
 * The plan's lines the lab changed or did not send because they outlive the response
 * (plan/lasting-headers.ts): as planned, as sent, and the server's reason.
 */
function withheld(e: JournalEntry) {
  if (!e.withheld?.length) return '';
  const notSent = msg('not sent', { id: 'timeline.not-sent' });
  const lines = e.withheld.map((w) => `${w.name}: ${w.planned}\n  → ${w.sent === null ? notSent : `${w.name}: ${w.sent}`}\n  (${w.why})`);
  return html`<p>${msg('The lab changed or held back lines that would outlive the response:', { id: 'timeline.withheld' })}</p>
    <pre class="headers withheld">${withShortUrls(lines.join('\n'))}</pre>`;
}

/**
 * What happened in one step: the page's call, the preflight the browser sent
 * on its own, the answers, what JavaScript could read. The console line is
 * Chromium's only when Chromium reported it (headless runs); in a user's
 * browser each engine's predicted line is beside the timeline (cors-lab-engine-lines.ts).
 */
@customElement('cors-lab-timeline')
@localized()
export class CorsLabTimeline extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      ol { margin: 0.3em 0; padding-left: 1.4em; }
      li { margin: 0.3em 0; }
      .headers { font-size: 0.9em; }
      .withheld { white-space: pre-wrap; overflow-wrap: anywhere; }
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
    const none = msg('none', { id: 'timeline.none' });
    return html`<ol aria-label=${msg('Timeline', { id: 'timeline.label' })}>
      <li>
        ${msg(html`The page on <code>${s.seen.pageOrigin || msg('its origin', { id: 'timeline.its-origin' })}</code> calls <strong>${s.method}</strong>.`, { id: 'timeline.call' })}${preflighted ? msg(html` The browser first sends a preflight <strong>OPTIONS</strong> on its own, to ask whether ${s.method} may follow.`, { id: 'timeline.sends-preflight' }) : ''}
      </li>
      ${s.serverSaw.map(
        (e) => html`<li>
          ${received(e)}
          <pre class="headers">${withShortUrls(e.responseHeaders.map(([n, v]) => `${n}: ${v}`).join('\n'))}</pre>
          ${withheld(e)}
        </li>`,
      )}
      ${s.serverSaw.length === 0 ? html`<li>${msg('No request reached any server.', { id: 'timeline.nothing-reached' })}</li>` : ''}
      <li>
        ${msg(html`The browser: ${html`<span class=${s.seen.outcome}>${outcomeLabel(s.seen.outcome)}</span>`}${s.seen.error ? msg(html` (the page got <code>${s.seen.error}</code>)`, { id: 'timeline.page-error' }) : ''}.`, { id: 'timeline.browser' })}
        ${s.seen.status !== null ? msg(html`JavaScript read status <strong>${s.seen.status}</strong>.`, { id: 'timeline.status' }) : ''}
      </li>
      ${s.seen.outcome === 'allowed' ? html`<li>${msg(html`Readable by JavaScript: <code>${readable.join(', ') || none}</code>. Hidden: <code>${hidden.join(', ') || none}</code>.`, { id: 'timeline.readable' })}</li>` : ''}
      ${reported
        ? html`<li><span class="label">${msg('Chromium reported', { id: 'timeline.chromium-reported' })}</span> <p class="console">${withShortUrls(reported)}</p></li>`
        : ''}
      ${s.explanation.fix ? html`<li>${msg('Fix:', { id: 'timeline.fix' })} <pre>${s.explanation.fix}</pre></li>` : ''}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-timeline': CorsLabTimeline;
  }
}
