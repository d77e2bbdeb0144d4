import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { applyFix, changeTextIn, fixForAsync, reflectedOrigin, type Fix } from '../../experiments/model/fix.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { pageOf } from '../../format/format-defaults.ts';
import type { Experiment } from '../../format/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { runsV8 } from '../lab/learner-engine.ts';
import { withShortUrls } from './cors-lab-url.ts';
import { baseStyles } from './theme.ts';

/**
 * The complete fix the model found for an experiment with a blocked step
 * (renders nothing when every step is allowed): every header
 * change on every response, or why no header can help. "Apply fix" fires
 * `fix-apply` with the fixed experiment (the app puts it in the editor and runs it).
 */
@customElement('cors-lab-fix')
@localized()
export class CorsLabFix extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      h3 { font-size: 1em; margin: 0.4em 0 0.2em; }
      ul { margin: 0.2em 0; padding-left: 1.4em; }
      li { overflow-wrap: anywhere; }
      .why { font-size: 0.9em; }
    `,
  ];

  /** The experiment to fix. */
  @property({ attribute: false }) experiment?: Experiment;
  /** The running lab's origins. */
  @property({ attribute: false }) origins?: OriginMap;

  /** Asynchronous only for `server.middleware`: the fix is checked against the real middleware, whose options it changes. */
  private _fix = new Task(this, {
    args: () => [this.experiment, this.origins, currentLanguage()] as const,
    task: async ([experiment, origins, lang]) => (experiment && origins ? fixForAsync(experiment, origins, lang) : undefined),
  });

  /**
   * What the learner's own Firefox or WebKit prints before the fix, in its words (a WebKit sentence, a Firefox line):
   * detected there, and its model downloads in those browsers only. None in Chromium, whose line the prediction shows.
   */
  private _line = new Task(this, {
    args: () => [this.experiment, this.origins] as const,
    // V8 is Chromium's: nothing to download there. Elsewhere learner-line.ts tells the engine.
    task: async ([experiment, origins]) => (experiment && origins && !runsV8()
      ? (await import('../lab/learner-line.ts')).learnerLine(experiment, origins)
      : null),
  });

  private _apply(fix: Fix): void {
    if (!this.experiment) return;
    // The expectations described the blocked experiment; the fixed one is expected to differ.
    const { expect: _blocked, ...fixed } = applyFix(this.experiment, fix.changes);
    const custom = this.experiment.group === 'custom';
    const experiment: Experiment = {
      ...fixed,
      id: custom ? fixed.id : `custom-${fixed.id}`.slice(0, 80),
      title: custom ? fixed.title : msg(str`Fixed: ${fixed.title}`, { id: 'fix.fixed-title' }),
      group: 'custom',
      ...(fixed.then ? { then: fixed.then.map(({ expect: _step, ...step }) => step) } : {}),
    };
    this.dispatchEvent(new CustomEvent('fix-apply', { detail: { experiment }, bubbles: true, composed: true }));
  }

  /** The sentence above the changes: what they are, and what they achieve. */
  private _lead(fix: Fix, steps: number): string {
    if (fix.impossible) return msg('These changes get further, but do not make it allowed:', { id: 'fix.further' });
    const middleware = this.experiment?.server?.middleware?.name ?? '';
    if (fix.changes.some((c) => c.option)) {
      return steps > 1
        ? msg(str`Set these ${middleware} options and all ${steps} steps are allowed:`, { id: 'fix.options-steps' })
        : msg(str`Set these ${middleware} options and the request is allowed:`, { id: 'fix.options' });
    }
    return steps > 1 ? msg(str`Send these headers and all ${steps} steps are allowed:`, { id: 'fix.headers-steps' }) : msg('Send these headers and the request is allowed:', { id: 'fix.headers' });
  }

  /**
   * Why no header helps, once: the page's own policy refused it (its fix already says no header of the server lifts
   * it), or no header (option) can help, and what would.
   */
  private _impossible(fix: Fix) {
    // The colon as each language writes it: no space after Chinese's full-width one.
    if (fix.pagePolicy) {
      return html`<p data-testid="page-policy-fix"><strong>${msg('Fix the page', { id: 'fix.page-policy' })}${
        msg(': ', { id: 'app.colon' })}</strong>${fix.impossible}</p>`;
    }
    const lead = this.experiment?.server?.middleware
      ? msg('No middleware option can help:', { id: 'fix.no-option' })
      : msg('No header can help:', { id: 'fix.no-header' });
    return html`<p data-testid="no-header-fix"><strong>${lead}</strong> ${fix.impossible}</p>`;
  }

  /** The learner's engine's line for what the fix lifts, named as theirs (Chromium's is in the prediction). */
  private _printed() {
    const said = this._line.value;
    if (!said) return nothing;
    const { engine, line } = said;
    const lead = msg(str`Now ${engine}, your browser, prints:`, { id: 'fix.engine-prints' });
    return html`<p data-testid="engine-fix-line">${lead}</p>
      <p class="console">${withShortUrls(line)}</p>`;
  }

  override render() {
    const fix = this._fix.value;
    if (!fix || !this.experiment || !this.origins || (fix.changes.length === 0 && fix.impossible === null)) return nothing;
    const page = pageOf(this.experiment);
    const pageOrigin = page === 'null' ? 'null' : this.origins[page];
    const shown = (text: string) => text.replaceAll('{page}', pageOrigin).replaceAll('{reflect}', reflectedOrigin(currentLanguage()));
    const steps = 1 + (this.experiment.then?.length ?? 0);
    return html`<section aria-label=${msg('Fix', { id: 'fix.heading' })}>
      <h3>${msg('Fix', { id: 'fix.heading' })}</h3>
      ${this._printed()}
      ${fix.changes.length
        ? html`<p>${this._lead(fix, steps)}</p>
            <ul>${fix.changes.map((c) => html`<li><code>${shown(changeTextIn(c, currentLanguage()))}</code> <span class="why muted">${c.why}</span></li>`)}</ul>`
        : nothing}
      ${fix.impossible ? this._impossible(fix) : nothing}
      <button @click=${() => this._apply(fix)} ?disabled=${fix.changes.length === 0}>${msg('Apply fix', { id: 'fix.apply' })}</button>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-fix': CorsLabFix;
  }
}
