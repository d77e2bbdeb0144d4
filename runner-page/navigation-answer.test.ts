import { describe, expect, it } from 'vitest';
import { commitsNoDocument } from './navigation-answer.ts';

describe('commitsNoDocument', () => {
  const actual = (status: number, contentDisposition: string | null = null) =>
    ({ kind: 'actual' as const, status, contentDisposition });

  for (const status of [204, 205]) {
    it(`is true for a ${status}`, () => expect(commitsNoDocument(actual(status))).toBe(true));
  }
  for (const value of ['attachment', 'Attachment; filename="a.txt"', '  ATTACHMENT ;x=1']) {
    it(`is true for a download (Content-Disposition: ${value})`, () => {
      expect(commitsNoDocument(actual(200, value))).toBe(true);
    });
  }
  const documents = [
    [200, null], [403, null], [500, null], [200, 'inline'], [200, 'attachments'], [302, null],
  ] as const;
  for (const [status, value] of documents) {
    it(`is false for ${status} with Content-Disposition ${String(value)}: a document commits`, () => {
      expect(commitsNoDocument(actual(status, value))).toBe(false);
    });
  }
  it('is false for a preflight, which is never the navigation\'s answer', () => {
    expect(commitsNoDocument({ kind: 'preflight', status: 204, contentDisposition: null })).toBe(false);
  });
});
