/**
 * The raw-packet path writes latin1 by hand, where Node's own header checks
 * do not run: a line that slipped past every plan check is never written.
 */
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { writeToSocket } from './write-reply.ts';

function written(headers: Array<[string, string]>): string {
  let out = '';
  const socket = { end: (bytes: Buffer) => void (out = bytes.toString('latin1')) } as unknown as Socket;
  writeToSocket(socket, { status: 200, headers, body: 'ok' }, 'GET');
  return out;
}

describe('writeToSocket', () => {
  it('writes valid lines as given', () => {
    expect(written([['X-A', '  spaced  ']])).toMatch(/^HTTP\/1\.1 200 OK\r\nX-A:   spaced  \r\n/);
  });

  for (const [title, line] of [
    ['CR LF in a value', ['X-A', 'a\r\nSet-Cookie: lab=owned']],
    ['a character the latin1 write cuts to CR and LF', ['X-A', 'a\u010d\u010aSet-Cookie: lab=owned']],
    ['a name that is no token', ['X-A: b\r\nSet-Cookie', 'lab=owned']],
  ] as const) {
    it(`answers 500 and writes nothing of a line with ${title}`, () => {
      const out = written([[line[0], line[1]]]);
      expect(out).toMatch(/^HTTP\/1\.1 500 Internal Server Error\r\n/);
      const head = out.slice(0, out.indexOf('\r\n\r\n'));
      expect(head.split('\r\n').map((l) => l.split(':')[0])).toEqual(['HTTP/1.1 500 Internal Server Error', 'Content-Type', 'Access-Control-Allow-Origin', 'Content-Length', 'Connection']);
      expect(head).not.toMatch(/set-cookie|\r(?!\n)|(?<!\r)\n/i);
    });
  }
});
