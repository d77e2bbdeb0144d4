/**
 * Which answers to a navigation commit no document, so the window navigated stays where it was and tells the
 * page that started it nothing: a 204 or 205 (HTML's navigate algorithm ends there), and an answer handed to
 * the download manager (`Content-Disposition: attachment`). A form step learns of these from the journal
 * (run-form.ts); every other answer commits a document, which the page sees.
 * https://html.spec.whatwg.org/multipage/browsing-the-web.html#populating-a-session-history-entry (204, 205,
 * attachment)
 * https://www.rfc-editor.org/rfc/rfc6266#section-4.2
 */
import type { AnsweredRequest } from '../plan/journal-wait.ts';

const NO_CONTENT_STATUSES: readonly number[] = [204, 205];

export function commitsNoDocument(answer: AnsweredRequest): boolean {
  if (answer.kind !== 'actual') return false;
  if (NO_CONTENT_STATUSES.includes(answer.status)) return true;
  // The disposition type is case-insensitive and comes first, before any parameter (RFC 6266 4.1).
  return /^\s*attachment\s*(;|$)/i.test(answer.contentDisposition ?? '');
}
