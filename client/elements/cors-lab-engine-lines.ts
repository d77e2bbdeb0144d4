import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { ENGINE_TITLES } from '../../experiments/engine-names.ts';
import type { OriginMap } from '../../plan/origins.ts';
import type { BrowserRun } from '../lab/run-in-browser.ts';
import type { EngineLine } from '../lab/engine-lines.ts';
import { detectEngine, pageClues, type LearnerEngine } from '../lab/learner-engine.ts';
import { withShortUrls } from './cors-lab-url.ts';
import { baseStyles, outcomeLabel } from './theme.ts';

/** Below this width the other engines' lines start folded (a phone): the learner's own line stays open. */
const PHONE = '(max-width: 600px)';

/**
 * For a blocked step of a run in the learner's browser: the console line that browser prints (its engine's model,
 * named so), the other two engines' lines beside it, each with its reason, and a plain note when the learner's
 * browser did not do what its engine's model predicts. An engine the page cannot tell: all three, none marked.
 * The engines' models download with the first result shown (../lab/engine-lines.ts).
 */
@customElement('cors-lab-engine-lines')
@localized()
export class CorsLabEngineLines extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host { display: block; margin: 0.4em 0; }
      .own { border-left: 4px solid var(--cl-accent); padding: 0.2em 0.6em; }
      ul { list-style: none; padding: 0; margin: 0.3em 0; display: grid; gap: 0.5em;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 18em), 1fr)); }
      li { border: 1px solid var(--cl-border); border-radius: 6px; padding: 0.3em 0.6em; min-width: 0; }
      summary { cursor: pointer; }
      .mark { color: var(--cl-blocked); font-weight: 700; }
      p { margin: 0.2em 0; }
    `,
  ];

  /** The run, and which of its steps to show. */
  @property({ attribute: false }) run?: BrowserRun;
  @property({ type: Number }) step = 0;
  /** The running lab's origins: the engines' models predict with them. */
  @property({ attribute: false }) origins?: OriginMap;
  /** The learner's engine; detected in the page unless set. */
  @property() engine: LearnerEngine = detectEngine(pageClues());

  private _lines = new Task(this, {
    args: () => [this.run, this.origins] as const,
    task: async ([run, origins]) => {
      if (!run || !origins) return undefined;
      const { engineLines } = await import('../lab/engine-lines.ts');
      return engineLines(run, origins);
    },
  });

  /** One engine's line: its name, its reason and what it prints; what it does instead where it prints none. */
  private _line(line: EngineLine, own: boolean) {
    const name = ENGINE_TITLES[line.engine];
    const only = this.run?.experiment.engines?.map((engine) => ENGINE_TITLES[engine]).join(', ') ?? '';
    const what = !line.applies
      ? html`<p class="muted">${msg(str`Does not apply: the experiment is for ${only} only.`, { id: 'engines.not-applies' })}</p>`
      : line.console
        ? html`<p class="console">${withShortUrls(line.console)}</p>`
        : html`<p class="muted">${line.outcome === null ? msg('No prediction.', { id: 'engines.no-prediction' }) : line.outcome === 'blocked' ? msg('Blocked, with no CORS line in the console.', { id: 'engines.blocked-silent' }) : msg(str`${outcomeLabel(line.outcome)}: no CORS line in the console.`, { id: 'engines.no-line' })}</p>`;
    return html`${own ? nothing : html`<strong>${name}</strong> `}${line.reason ? html`<span class="label muted">${msg('reason', { id: 'engines.reason' })}</span> <code>${line.reason}</code>` : nothing}${what}`;
  }

  /** Said plainly when the learner's browser did not do what its engine's model predicts. */
  private _disagreement(own: EngineLine) {
    const seen = this.run?.steps[this.step]?.seen.outcome;
    if (!seen || !own.applies || own.outcome === null || own.outcome === seen) return nothing;
    const name = ENGINE_TITLES[own.engine];
    return html`<p class="mark" role="note">${msg(str`⚠ Your browser (${name}) did not do what the ${name} model predicts (your browser: ${outcomeLabel(seen)}; the model: ${outcomeLabel(own.outcome)}). The line above is the model's; your browser's own console shows what it printed.`, { id: 'engines.disagree' })}</p>`;
  }

  override render() {
    const lines = this._lines.value?.[this.step];
    const step = this.run?.steps[this.step];
    if (!lines || !step) return nothing;
    // Shown for a blocked step: where any engine blocks it, or the learner's browser did.
    if (step.seen.outcome !== 'blocked' && !lines.some((line) => line.outcome === 'blocked')) return nothing;
    const own = lines.find((line) => line.engine === this.engine);
    const label = msg('Console lines by engine', { id: 'engines.label' });
    if (!own) {
      return html`<section aria-label=${label}>
        <p>${msg('Which engine your browser runs is not known here: what each engine prints in its console, as its model predicts it.', { id: 'engines.unknown' })}</p>
        <ul aria-label=${msg('Each engine', { id: 'engines.each' })}>${lines.map((line) => html`<li>${this._line(line, false)}</li>`)}</ul>
      </section>`;
    }
    const name = ENGINE_TITLES[own.engine];
    const others = lines.filter((line) => line !== own);
    const [first, second] = others.map((line) => ENGINE_TITLES[line.engine]);
    return html`<section aria-label=${label}>
      <div class="own" role="group" aria-label=${msg(str`${name}, your browser`, { id: 'engines.own-label' })}>
        <p><strong>${msg(str`What your browser (${name}) prints in its console`, { id: 'engines.own' })}</strong> <span class="muted">${msg(str`(predicted by the ${name} model)`, { id: 'engines.own-predicted' })}</span></p>
        ${this._line(own, true)}
      </div>
      ${this._disagreement(own)}
      <details ?open=${!matchMedia(PHONE).matches}>
        <summary>${msg(str`Beside it: ${first ?? ''} and ${second ?? ''}`, { id: 'engines.others' })}</summary>
        <ul aria-label=${msg('The other engines', { id: 'engines.others-label' })}>${others.map((line) => html`<li>${this._line(line, false)}</li>`)}</ul>
      </details>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-engine-lines': CorsLabEngineLines;
  }
}
