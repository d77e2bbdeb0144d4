import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { applyFix, changeTextIn, fixForAsync, reflectedOrigin, type Fix } from '../../experiments/model/fix.ts';
import { currentLanguage } from '../i18n/localize.ts';
import { pageOf } from '../../experiments/format-defaults.ts';
import type { Experiment } from '../../experiments/schema.ts';
import type { OriginMap } from '../../plan/origins.ts';
import { experimentUrl } from '../../experiments/model/predict.ts';
import { ENGINE_TITLES, detectEngine, pageClues, type LearnerEngine } from '../lab/learner-engine.ts';
import { shownConsoleLine } from '../lab/shown-console-line.ts';
import { withShortUrls } from './cors-lab-url.ts';
import { baseStyles } from './theme.ts';

/**
 * The line the learner's Firefox or WebKit prints for the experiment's first blocked step, as its model predicts it
 * (runner/engine-models.ts, held to those browsers; downloaded only in them), as their console shows it: WebKit's
 * sentence. Null in Chromium (the prediction shows its line) or where that engine prints none.
 */
async function learnerLine(experiment: Experiment, origins: OriginMap, engine: LearnerEngine): Promise<string | null> {
  if (engine === 'unknown' || engine === 'chromium') return null;
  const { ENGINE_MODELS } = await import('../../runner/engine-models.ts');
  const model = ENGINE_MODELS[engine];
  if (!model) return null;
  const steps = await model(experiment, origins, 'preview', experimentUrl(experiment, origins, 'preview'));
  const blocked = steps.find((step) => step.outcome === 'blocked' && step.console !== null);
  return shownConsoleLine(engine, blocked?.console ?? null);
}

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
  /** The learner's engine; detected in the page unless set. */
  @property() engine: LearnerEngine = detectEngine(pageClues());

  /** Asynchronous only for `server.middleware`: the fix is checked against the real middleware, whose options it changes. */
  private _fix = new Task(this, {
    args: () => [this.experiment, this.origins, currentLanguage()] as const,
    task: async ([experiment, origins, lang]) => (experiment && origins ? fixForAsync(experiment, origins, lang) : undefined),
  });

  /** What the learner's own browser prints before the fix, in its words (a WebKit sentence, a Firefox line). */
  private _line = new Task(this, {
    args: () => [this.experiment, this.origins, this.engine] as const,
    task: async ([experiment, origins, engine]) =>
      (experiment && origins ? learnerLine(experiment, origins, engine) : null),
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
    if (fix.pagePolicy) {
      // The colon as each language writes it: no space after Chinese's full-width one.
      const lead = html`${msg('Fix the page', { id: 'fix.page-policy' })}${msg(': ', { id: 'app.colon' })}`;
      return html`<p data-testid="page-policy-fix"><strong>${lead}</strong>${fix.impossible}</p>`;
    }
    const lead = this.experiment?.server?.middleware
      ? msg('No middleware option can help:', { id: 'fix.no-option' })
      : msg('No header can help:', { id: 'fix.no-header' });
    return html`<p data-testid="no-header-fix"><strong>${lead}</strong> ${fix.impossible}</p>`;
  }

  /** The learner's engine's line for what the fix lifts, named as theirs (Chromium's is in the prediction). */
  private _printed() {
    const line = this._line.value;
    if (!line || this.engine === 'unknown') return nothing;
    const engine = ENGINE_TITLES[this.engine];
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
