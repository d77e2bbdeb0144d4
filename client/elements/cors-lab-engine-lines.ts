import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { localized, msg, str } from '@lit/localize';
import { originMap, type LabOrigin, type OriginMap } from '../../plan/origins.ts';
import type { BrowserRun } from '../lab/run-in-browser.ts';
import type { EngineLine } from '../lab/engine-lines.ts';
import { ENGINE_TITLES, detectEngine, pageClues, type LearnerEngine } from '../lab/learner-engine.ts';
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
      ul[hidden] { display: none; }
      li { border: 1px solid var(--cl-border); border-radius: 6px; padding: 0.3em 0.6em; min-width: 0; }
      button.disclosure { border: none; background: none; padding: 0.1em 0; text-align: start; }
      .mark { color: var(--cl-blocked); font-weight: 700; }
      p { margin: 0.2em 0; }
    `,
  ];

  /** The run, and which of its steps to show. */
  @property({ attribute: false }) run?: BrowserRun;
  @property({ type: Number }) step = 0;
  /** The running lab's origins (by name, or the lab's list): the engines' models predict with them. */
  @property({ attribute: false }) origins?: OriginMap | readonly LabOrigin[];
  /** The learner's engine; detected in the page unless set. */
  @property() engine: LearnerEngine = detectEngine(pageClues());

  /** Whether the other engines' lines show; until the learner chooses, open but on a phone. */
  @state() private _othersShown?: boolean;

  private _lines = new Task(this, {
    args: () => [this.run, this.origins] as const,
    task: async ([run, origins]) => {
      if (!run || !origins) return undefined;
      const { engineLines } = await import('../lab/engine-lines.ts');
      return engineLines(run, Array.isArray(origins) ? originMap(origins) : (origins as OriginMap));
    },
  });

  /** What an engine does where it prints no line: not in the experiment's engines, no prediction, or no CORS line. */
  private _silent(line: EngineLine): string {
    if (!line.applies) {
      const only = this.run?.experiment.engines?.map((engine) => ENGINE_TITLES[engine]).join(', ') ?? '';
      return msg(str`Does not apply: the experiment is for ${only} only.`, { id: 'engines.not-applies' });
    }
    if (line.outcome === null) return msg('No prediction.', { id: 'engines.no-prediction' });
    if (line.outcome === 'blocked') {
      return msg('Blocked, with no CORS line in the console.', { id: 'engines.blocked-silent' });
    }
    return msg(str`${outcomeLabel(line.outcome)}: no CORS line in the console.`, { id: 'engines.no-line' });
  }

  /** One engine's line: its name (the learner's is named above it), its reason and what it prints. */
  private _line(line: EngineLine, own: boolean) {
    const reasonLabel = msg('reason', { id: 'engines.reason' });
    const reason = line.reason
      ? html`<span class="label muted">${reasonLabel}</span> <code>${line.reason}</code>`
      : nothing;
    const what = line.console && line.applies
      ? html`<p class="console">${withShortUrls(line.console)}</p>`
      : html`<p class="muted">${this._silent(line)}</p>`;
    return html`${own ? nothing : html`<strong>${ENGINE_TITLES[line.engine]}</strong> `}${reason}${what}`;
  }

  /** Said plainly when the learner's browser did not do what its engine's model predicts. */
  private _disagreement(own: EngineLine) {
    const seen = this.run?.steps[this.step]?.seen.outcome;
    if (!seen || !own.applies || own.outcome === null || own.outcome === seen) return nothing;
    const [name, yours, model] = [ENGINE_TITLES[own.engine], outcomeLabel(seen), outcomeLabel(own.outcome)];
    const differs = msg(
      str`⚠ Your browser (${name}) did not do what its model predicts (your browser: ${yours}; the model: ${model}).`,
      { id: 'engines.disagree' },
    );
    const why = msg("The line above is the model's; your browser's own console shows what it printed.", {
      id: 'engines.disagree-why',
    });
    return html`<p class="mark" role="note">${differs} ${why}</p>`;
  }

  /** Every engine's line, none marked: the page cannot tell the learner's engine. */
  private _unknown(lines: readonly EngineLine[]) {
    const intro = msg(
      "Your browser's engine is not known here: what each engine prints in its console, as its model predicts it.",
      { id: 'engines.unknown' },
    );
    const each = msg('Each engine', { id: 'engines.each' });
    return html`<p>${intro}</p>
      <ul aria-label=${each}>${lines.map((line) => html`<li>${this._line(line, false)}</li>`)}</ul>`;
  }

  /** The learner's line first, named as theirs, the other two beside it (folded on a phone). */
  private _own(own: EngineLine, others: readonly EngineLine[]) {
    const name = ENGINE_TITLES[own.engine];
    const [first = '', second = ''] = others.map((line) => ENGINE_TITLES[line.engine]);
    const heading = msg(str`What your browser (${name}) prints in its console`, { id: 'engines.own' });
    const predicted = msg(str`(predicted by the ${name} model)`, { id: 'engines.own-predicted' });
    const otherLines = others.map((line) => html`<li>${this._line(line, false)}</li>`);
    // A disclosure button, not <details>: a log row is a <details> whose one <summary> people and tests look for.
    const shown = this._othersShown ?? !matchMedia(PHONE).matches;
    const label = msg(str`${name}, your browser`, { id: 'engines.own-label' });
    return html`<div class="own" role="group" aria-label=${label}>
        <p><strong>${heading}</strong> <span class="muted">${predicted}</span></p>
        ${this._line(own, true)}
      </div>
      ${this._disagreement(own)}
      <button class="disclosure" aria-expanded=${shown ? 'true' : 'false'} aria-controls="others"
        @click=${() => (this._othersShown = !shown)}><span aria-hidden="true">${shown ? '▾' : '▸'}</span> ${
          msg(str`Beside it: ${first} and ${second}`, { id: 'engines.others' })}</button>
      <ul id="others" ?hidden=${!shown} aria-label=${msg('The other engines', { id: 'engines.others-label' })}>
        ${otherLines}
      </ul>`;
  }

  override render() {
    const lines = this._lines.value?.[this.step];
    const step = this.run?.steps[this.step];
    if (!lines || !step) return nothing;
    // Shown for a blocked step: where any engine blocks it, or the learner's browser did.
    if (step.seen.outcome !== 'blocked' && !lines.some((line) => line.outcome === 'blocked')) return nothing;
    const own = lines.find((line) => line.engine === this.engine);
    const body = own ? this._own(own, lines.filter((line) => line !== own)) : this._unknown(lines);
    return html`<section aria-label=${msg('Console lines by engine', { id: 'engines.label' })}>${body}</section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cors-lab-engine-lines': CorsLabEngineLines;
  }
}
