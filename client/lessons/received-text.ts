/**
 * What the servers received, from the lab's journal, as one line a request:
 * the lesson page's view of the log the playground has (the lessons send the
 * learner here to see the `Origin` each hop got, or that a blocked request
 * still arrived). Only what the servers saw: nothing of the model.
 */
import { msg, str } from '@lit/localize';
import type { JournalEntry } from '../../servers/journal.ts';

/** `api received OPTIONS /data (Origin: http://localhost:5310, Access-Control-Request-Method: PUT) and answered 204` */
export function receivedLine(entry: JournalEntry): string {
  const headers = [
    entry.originHeader === null ? msg('no Origin', { id: 'lesson.received.noOrigin' }) : `Origin: ${entry.originHeader}`,
    entry.accessControlRequestMethod === null ? '' : `Access-Control-Request-Method: ${entry.accessControlRequestMethod}`,
    entry.accessControlRequestHeaders === null ? '' : `Access-Control-Request-Headers: ${entry.accessControlRequestHeaders}`,
    entry.cookie === null ? '' : `Cookie: ${entry.cookie}`,
  ].filter(Boolean);
  const request = `${entry.method} ${entry.path} (${headers.join(', ')})`;
  return msg(str`${entry.origin} received ${request} and answered ${entry.status}`, { id: 'lesson.received.line' });
}
