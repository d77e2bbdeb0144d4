/**
 * A lesson narrative as the page shows it: each claim marker
 * (lessons/claims.ts) becomes "(see it: run <experiment>)", a link that opens
 * the cited experiment in the playground, and a `{{origins}}` line becomes
 * the running lab's origins table (the lesson element renders it: the ports
 * are whatever this lab runs on, never the defaults written in a file).
 */
import { msg, str } from '@lit/localize';
import type { Experiment } from '../../experiments/schema.ts';
import { splitClaims } from '../../lessons/claims.ts';
import type { Lesson } from '../../lessons/schema.ts';
import { experimentHash } from '../share/experiment-link.ts';
import { lessonHref } from './lesson-link.ts';

export type NarrativeChunk = { markdown: string } | { origins: true };

const ORIGINS_LINE = /^\{\{origins\}\}[ \t]*$/m;

/** The narrative in Markdown chunks, with an origins table between them where `{{origins}}` stands. */
export function narrativeChunks(
  lesson: Pick<Lesson, 'narrative'>,
  catalog: readonly Experiment[],
  currentSearch: string,
): NarrativeChunk[] {
  const markdown = splitClaims(lesson.narrative)
    .parts.map((part) => {
      if ('text' in part) return part.text;
      const experiment = catalog.find((e) => e.id === part.claim.experiment);
      const name = `\`${part.claim.experiment}\``;
      // The loader's catalog check refuses an unknown experiment; should one slip through, it stays unlinked.
      const href = experiment ? `${lessonHref(null, currentSearch)}${experimentHash(experiment)}` : null;
      const link = href ? `[${name}](${href})` : name;
      return msg(str`(see it: run ${link})`, { id: 'lesson.seeIt' });
    })
    .join('');
  return markdown
    .split(ORIGINS_LINE)
    .flatMap((text, i): NarrativeChunk[] => (i === 0 ? [{ markdown: text }] : [{ origins: true }, { markdown: text }]));
}
