/**
 * A lesson as the page receives it: built at build time from the checked course
 * (index-plugin.ts), its prose already safe HTML (render-lesson.ts), so the browser
 * neither parses front matter (zod) nor renders Markdown (marked, DOMPurify) on a
 * lesson's first load (issue 16).
 */
import type { Claim } from './claims.ts';
import type { Lesson } from './schema.ts';

export interface ShownLesson extends Omit<Lesson, 'narrative' | 'narrativeLine' | 'lines' | 'speakerNotes'> {
  /**
   * The narrative as safe HTML, in the parts between its `{{origins}}` lines (where the page shows
   * the running lab's origins table). Claim `i`'s marker stands as `claimSlot(i)`: the page makes
   * it a "see it" link, whose address depends on the page's own.
   */
  narrativeHtml: string[];
  /** The speaker notes, each as safe HTML, for the presenter window. */
  speakerNotesHtml: string[];
}

/** What stands for claim `index` in `narrativeHtml`: letters and digits only, which Markdown leaves alone. */
export function claimSlot(index: number): string {
  return `CORSLABCLAIM${index}SLOT`;
}

/** Every claim slot in a narrative's HTML, with the claim's index. */
export const CLAIM_SLOT = /CORSLABCLAIM(\d+)SLOT/g;
