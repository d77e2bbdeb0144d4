/**
 * A lesson narrative as the page shows it: the build rendered it to safe HTML
 * (lessons/render-lesson.ts), split where `{{origins}}` stands (the lesson element
 * puts the running lab's origins table there: the ports are whatever this lab runs
 * on, never the defaults written in a file), and left a slot for each claim marker
 * (lessons/claims.ts). Here each slot becomes "(see it: run <experiment>)", a link
 * that opens the cited experiment in the playground, in the page's language.
 */
import { msg, str } from '@lit/localize';
import type { Experiment } from '../../format/schema.ts';
import type { Claim } from '../../lessons/claims.ts';
import { CLAIM_SLOT } from '../../lessons/shown-lesson.ts';
import { experimentHash } from '../share/experiment-link.ts';
import { lessonHref } from './lesson-link.ts';

export type NarrativeChunk = { html: string } | { origins: true };

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

/** Text (or an attribute value) as HTML that shows it as it is. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** The "see it" words around a link, escaped, with the link's HTML where the translation puts it. */
function seeItHtml(experimentId: string, catalog: readonly Experiment[], currentSearch: string): string {
  const experiment = catalog.find((e) => e.id === experimentId);
  const name = `<code>${escapeHtml(experimentId)}</code>`;
  // The build's catalog check refuses an unknown experiment; should one slip through, it stays unlinked.
  const href = experiment ? `${lessonHref(null, currentSearch)}${experimentHash(experiment)}` : null;
  const link = href === null ? name : `<a href="${escapeHtml(href)}">${name}</a>`;
  const slot = '\u{E000}';
  return escapeHtml(msg(str`(see it: run ${slot})`, { id: 'lesson.seeIt' })).replace(slot, link);
}

/** The narrative in HTML chunks, with an origins table between them where `{{origins}}` stood. */
export function narrativeChunks(
  lesson: { narrativeHtml: readonly string[]; claims: ReadonlyArray<Pick<Claim, 'experiment'>> },
  catalog: readonly Experiment[],
  currentSearch: string,
): NarrativeChunk[] {
  return lesson.narrativeHtml.flatMap((part, i): NarrativeChunk[] => {
    const html = part.replace(CLAIM_SLOT, (slot, index: string) => {
      const claim = lesson.claims[Number(index)];
      return claim ? seeItHtml(claim.experiment, catalog, currentSearch) : '';
    });
    return i === 0 ? [{ html }] : [{ origins: true }, { html }];
  });
}
