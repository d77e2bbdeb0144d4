/**
 * The Markdown renderer on the page's own window: downloaded (marked and DOMPurify, about
 * 27 kB on the wire) only when prose the build did not render shows, the user's own (issue 16).
 */
import DOMPurify from 'dompurify';
import { markdownRenderer } from './markdown.ts';

export const { markdownHtml } = markdownRenderer(DOMPurify);
