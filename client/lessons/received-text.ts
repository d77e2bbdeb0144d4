/**
 * What the servers received, from the lab's journal, as one line a request:
 * the lesson page's view of the log the playground has (the lessons send the
 * learner here to see the `Origin` each hop got, or that a blocked request
 * still arrived). Only what the servers saw: nothing of the model.
 */
import { msg, str } from '@lit/localize';
import type { JournalEntry } from '../../plan/journal-entry.ts';

/** `api received OPTIONS /data (Origin: http://localhost:5310, Access-Control-Request-Method: PUT) and answered 204` */
export function receivedLine(entry: JournalEntry): string {
  const line = (name: string, value: string | null): string => (value === null ? '' : `${name}: ${value}`);
  const headers = [
    line('Origin', entry.originHeader) || msg('no Origin', { id: 'lesson.received.noOrigin' }),
    line('Access-Control-Request-Method', entry.accessControlRequestMethod),
    line('Access-Control-Request-Headers', entry.accessControlRequestHeaders),
    line('Cookie', entry.cookie),
  ].filter(Boolean);
  const request = `${entry.method} ${entry.path} (${headers.join(', ')})`;
  return msg(str`${entry.origin} received ${request} and answered ${entry.status}`, { id: 'lesson.received.line' });
}
