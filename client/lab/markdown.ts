/**
 * Experiment prose is Markdown, and a shared link carries user-written
 * `explain` text into the page: it is rendered with marked and then
 * sanitised with DOMPurify to a short list of tags, so a link can never
 * inject markup, attributes or script (javascript: URLs included).
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

const ALLOWED_TAGS = ['p', 'br', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4', 'h5', 'h6', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];

/** Safe HTML for a Markdown text. */
export function markdownHtml(text: string): string {
  const raw = marked.parse(text) as string;
  return DOMPurify.sanitize(raw, { ALLOWED_TAGS, ALLOWED_ATTR: ['href', 'title'], ALLOW_DATA_ATTR: false });
}
