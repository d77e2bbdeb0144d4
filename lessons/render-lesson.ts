/**
 * A checked lesson turned into what the page shows (shown-lesson.ts), at build time: its
 * narrative and speaker notes rendered to safe HTML with the page's own sanitiser settings.
 */
import { markdownAtBuild } from '../scripts/markdown-at-build.ts';
import { splitClaims } from './claims.ts';
import { LessonError } from './load.ts';
import type { Lesson } from './schema.ts';
import { CLAIM_SLOT, claimSlot, type ShownLesson } from './shown-lesson.ts';

/** The line where the page shows the running lab's origins table. */
const ORIGINS_LINE = /^\{\{origins\}\}[ \t]*$/m;

/** Throws a LessonError naming the file and line of text the page would take for a claim. */
export function renderLesson(lesson: Lesson): ShownLesson {
  const { narrative, narrativeLine: _line, lines: _lines, speakerNotes, ...rest } = lesson;
  const { markdownHtml, narrativeHtml } = markdownAtBuild();
  const taken = narrative.search(CLAIM_SLOT);
  if (taken !== -1) {
    const line = lesson.narrativeLine + narrative.slice(0, taken).split('\n').length - 1;
    throw new LessonError([`${lesson.file}:${line}: narrative: text like ${claimSlot(0)} stands for a claim's link on the page`]);
  }
  let claim = 0;
  const withSlots = splitClaims(narrative).parts.map((part) => ('text' in part ? part.text : claimSlot(claim++))).join('');
  const parts = withSlots.split(ORIGINS_LINE).map((part) => narrativeHtml(part));
  return { ...rest, narrativeHtml: parts, speakerNotesHtml: speakerNotes.map((note) => markdownHtml(note)) };
}
