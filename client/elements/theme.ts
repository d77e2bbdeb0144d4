/** Shared styles: every colour and size comes from custom properties set by cors-lab-app. */
import { css } from 'lit';
import { msg } from '@lit/localize';
import type { Outcome } from '../../experiments/reasons.ts';

export const baseStyles = css`
  :host {
    color: var(--cl-fg);
    font-size: var(--cl-font-size);
  }
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--cl-field-bg);
    border: 1px solid var(--cl-border);
    border-radius: 4px;
    padding: 0.2em 0.5em;
  }
  button {
    cursor: pointer;
    background: var(--cl-button-bg);
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--cl-accent);
    outline-offset: 1px;
  }
  code,
  pre,
  textarea {
    font-family: ui-monospace, 'Cascadia Code', Menlo, monospace;
  }
  /* Wrap at spaces and separators, never mid-word (URLs bring their own break points). */
  pre {
    white-space: pre-wrap;
    overflow-wrap: break-word;
    margin: 0.25em 0;
  }
  .console {
    font-family: ui-monospace, 'Cascadia Code', Menlo, monospace;
    overflow-wrap: break-word;
    margin: 0.25em 0;
  }
  .label {
    font-size: 0.8em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .markdown :is(p, ul, ol) {
    margin: 0.3em 0;
  }
  a {
    color: var(--cl-accent);
  }
  /* Identifiers (reasons, ids, header names) are single long words: break one only when it cannot fit a line. */
  code {
    overflow-wrap: break-word;
  }
  cors-lab-url {
    font-family: ui-monospace, 'Cascadia Code', Menlo, monospace;
  }
  cors-lab-url button {
    font-size: 0.75em;
    padding: 0 0.3em;
    margin-left: 0.2em;
    user-select: none;
  }
  /* The button's word comes from CSS, so a copy of the text never picks it up. */
  /* The words are set in the page's language by cors-lab-url itself (--cl-url-full, --cl-url-short). */
  cors-lab-url button::after {
    content: var(--cl-url-full, 'full');
  }
  cors-lab-url button[aria-expanded='true']::after {
    content: var(--cl-url-short, 'short');
  }
  .allowed {
    color: var(--cl-allowed);
  }
  .blocked {
    color: var(--cl-blocked);
  }
  .opaque {
    color: var(--cl-opaque);
  }
  .muted {
    color: var(--cl-muted);
  }
`;

/** Icon and word for an outcome, in the page's language: colour is never the only signal. */
const OUTCOME_LABELS: Record<Outcome, () => string> = {
  allowed: () => msg('✔ allowed', { id: 'outcome.allowed' }),
  blocked: () => msg('✖ blocked', { id: 'outcome.blocked' }),
  opaque: () => msg('◌ opaque', { id: 'outcome.opaque' }),
};

export function outcomeLabel(outcome: Outcome): string {
  return OUTCOME_LABELS[outcome]();
}
