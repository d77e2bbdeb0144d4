/** Styles and words the lesson elements share, print rules included. */
import { css } from 'lit';
import { msg, str } from '@lit/localize';
import type { Outcome } from '../../format/reasons.ts';

/** Icon and word for an outcome: colour is never the only signal. */
export function outcomeWords(outcome: Outcome): string {
  if (outcome === 'allowed') return msg('✔ allowed', { id: 'lesson.outcome.allowed' });
  if (outcome === 'blocked') return msg('✖ blocked', { id: 'lesson.outcome.blocked' });
  return msg('◌ opaque', { id: 'lesson.outcome.opaque' });
}

/** The outcome's word alone, for what a learner said: no icon, so a wrong pick never carries a ✔. */
export function outcomeName(outcome: Outcome): string {
  if (outcome === 'allowed') return msg('Allowed', { id: 'lesson.outcomeName.allowed' });
  if (outcome === 'blocked') return msg('Blocked', { id: 'lesson.outcomeName.blocked' });
  return msg('Opaque', { id: 'lesson.outcomeName.opaque' });
}

/** "Experiment 2": an experiment's place in its lesson, from 1 (its heading and its step's name). */
export function experimentLabel(number: number): string {
  return msg(str`Experiment ${number}`, { id: 'lesson.experiment' });
}

export const lessonStyles = css`
  h3 { font-size: 1.1em; margin: 0.2em 0 0.5em; overflow-wrap: anywhere; }
  h4 { font-size: 1em; margin: 0.6em 0 0.3em; }
  .note, .hint, .caveat { color: var(--cl-muted); }
  .setup { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 16em), 1fr)); gap: 0.2em 1em; }
  .setup pre { background: var(--cl-button-bg); border-radius: 4px; padding: 0.4em 0.6em; }
  fieldset { border: 1px solid var(--cl-border); border-radius: 6px; margin: 0.5em 0; padding: 0.3em 0.8em 0.5em; min-width: 0; }
  legend { font-weight: 600; padding: 0 0.3em; }
  /* The radio in the first column; its label (with the mark after a run) and its meaning line up in the second. */
  .choice { display: grid; grid-template-columns: auto minmax(0, 1fr); gap: 0 0.5em; align-items: baseline; padding: 0.15em 0; overflow-wrap: anywhere; }
  .choice > :not(input) { grid-column: 2; }
  .choice label { cursor: pointer; }
  .choice input { accent-color: var(--cl-accent); }
  .choice .meaning { color: var(--cl-muted); font-size: 0.92em; }
  fieldset:disabled .choice label { cursor: default; }
  /* Once run, the answer is locked; the learner's choice stays easy to read (a projector washes out greyed radios). */
  fieldset:disabled .choice:has(input:checked) label { font-weight: 700; }
  .choice .mark { white-space: nowrap; }
  .choice.is-answer .mark { color: var(--cl-allowed); }
  .choice.is-wrong .mark { color: var(--cl-blocked); }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5em 1em; align-items: center; margin: 0.6em 0; }
  button[type='submit'] { font-weight: 600; }
  button:disabled { opacity: 0.6; cursor: not-allowed; }
  [role='alert'] { color: var(--cl-blocked); }
  .result { border-left: 4px solid var(--cl-accent); padding-left: 0.8em; margin-top: 0.6em; }
  .graded { padding-left: 1.2em; }
  label.field { display: block; font-weight: 600; margin-top: 0.5em; }
  textarea { width: 100%; box-sizing: border-box; min-height: 5.5em; }

  /*
   * A printed lesson is a worksheet: no buttons, every choice a blank box to
   * tick by hand (whatever was picked on screen), no results, and the
   * address of each link written out.
   */
  @media print {
    button, .actions, .result, [role='alert'], .note { display: none !important; }
    .choice input { display: none; }
    fieldset.reason[hidden] { display: block; }
    fieldset:disabled .choice:has(input:checked) label { font-weight: normal; }
    .choice .mark { display: none; }
    .choice::before { content: '☐'; }
    fieldset, pre, .setup > div { break-inside: avoid; }
    a[href]::after { content: ' (' attr(href) ')'; font-size: 0.85em; }
  }
`;
