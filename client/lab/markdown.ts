/**
 * Experiment prose is Markdown, and a shared link carries user-written
 * `explain` text into the page: it is rendered with marked and then
 * sanitised with DOMPurify to a short list of tags, so a link can never
 * inject markup, attributes or script (javascript: URLs included).
 *
 * The same settings serve twice: at build time, on a jsdom window, for the
 * repository's own prose (scripts/markdown-at-build.ts: catalog explanations,
 * lesson narratives and speaker notes ship as HTML), and in the browser, loaded
 * only when the user's own prose needs rendering (markdown-in-browser.ts).
 */
import type { DOMPurify } from 'dompurify';
import { Marked, type Token } from 'marked';

/** Lesson narratives: their `##` sections sit under the lesson's own heading, one level down. */
function headingOneLevelDown(token: Token): void {
  if (token.type === 'heading') token.depth = Math.min(6, token.depth + 1);
}

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4', 'h5', 'h6', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];

export interface MarkdownRenderer {
  /** Safe HTML for a Markdown text. */
  markdownHtml(text: string): string;
  /**
   * Safe HTML for a lesson's narrative: its leading `# Title` is left out (the
   * lesson view shows the title from the front matter) and `##` becomes `h3`.
   */
  narrativeHtml(text: string): string;
}

/** The renderer sanitising with `purify` (the browser's own window, or a jsdom one at build time). */
export function markdownRenderer(purify: DOMPurify): MarkdownRenderer {
  const marked = new Marked({ gfm: true, breaks: false, async: false });
  const narrative = new Marked({ gfm: true, breaks: false, async: false, walkTokens: headingOneLevelDown });
  const sanitize = (raw: string): string =>
    purify.sanitize(raw, { ALLOWED_TAGS, ALLOWED_ATTR: ['href', 'title'], ALLOW_DATA_ATTR: false });
  return {
    markdownHtml: (text) => sanitize(marked.parse(text) as string),
    narrativeHtml: (text) => sanitize(narrative.parse(text.replace(/^# [^\n]*\n/, '')) as string),
  };
}
