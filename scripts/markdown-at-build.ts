/**
 * The repository's own Markdown rendered at build time, with the sanitiser settings the page
 * uses (client/lab/markdown.ts) on a jsdom window: the first load ships HTML, not marked and DOMPurify.
 */
import createDOMPurify from 'dompurify';
import { JSDOM } from 'jsdom';
import { markdownRenderer, type MarkdownRenderer } from '../client/lab/markdown.ts';

let renderer: MarkdownRenderer | undefined;

/** One renderer for the whole build (a jsdom window is slow to make). */
export function markdownAtBuild(): MarkdownRenderer {
  renderer ??= markdownRenderer(createDOMPurify(new JSDOM('').window));
  return renderer;
}
