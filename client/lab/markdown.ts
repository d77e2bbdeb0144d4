/**
 * Experiment prose is Markdown, and a shared link carries user-written
 * `explain` text into the page: it is rendered with marked and then
 * sanitised with DOMPurify to a short list of tags, so a link can never
 * inject markup, attributes or script (javascript: URLs included).
 */
import DOMPurify from 'dompurify';
import { Marked, type Token } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });
/** Lesson narratives: their `##` sections sit under the lesson's own heading, one level down. */
function headingOneLevelDown(token: Token): void {
  if (token.type === 'heading') token.depth = Math.min(6, token.depth + 1);
}
const narrative = new Marked({ gfm: true, breaks: false, async: false, walkTokens: headingOneLevelDown });

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4', 'h5', 'h6', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];

function sanitize(raw: string): string {
  return DOMPurify.sanitize(raw, { ALLOWED_TAGS, ALLOWED_ATTR: ['href', 'title'], ALLOW_DATA_ATTR: false });
}

/** Safe HTML for a Markdown text. */
export function markdownHtml(text: string): string {
  return sanitize(marked.parse(text) as string);
}

/**
 * Safe HTML for a lesson's narrative: its leading `# Title` is left out (the
 * lesson view shows the title from the front matter) and `##` becomes `h3`.
 */
export function narrativeHtml(text: string): string {
  return sanitize(narrative.parse(text.replace(/^# [^\n]*\n/, '')) as string);
}
