/** `cors-lab explain FILE.har`: its output, and what it says of a file it cannot use (exit 2, file and path named). */
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-in-memory.ts';

async function fileWith(content: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'cors-lab-explain-')), 'session.har');
  await writeFile(file, content);
  return file;
}

const PAGE = 'http://localhost:3000';
const entry = (url: string, request: Array<[string, string]>, status: number, response: Array<[string, string]>) => ({
  _resourceType: 'fetch',
  request: { method: 'GET', url, headers: request.map(([name, value]) => ({ name, value })) },
  response: { status, headers: response.map(([name, value]) => ({ name, value })) },
});

describe('cors-lab explain', () => {
  it('prints each cross-origin request with its reason, console line and fix; --json the same as data', async () => {
    const har = {
      log: {
        entries: [
          entry('https://api.example.com/a', [['Origin', PAGE]], 200, [
            ['Access-Control-Allow-Origin', 'http://localhost:3001'],
          ]),
        ],
      },
    };
    const file = await fileWith(JSON.stringify(har));
    const text = await cli('explain', file);
    expect(text).toMatchObject({ code: 0, err: '' });
    expect(text.out).toContain('1 cross-origin request');
    expect(text.out).toContain(`from ${PAGE} (Origin header); HAR entry 0`);
    expect(text.out).toContain('blocked: AllowOriginMismatch');
    expect(text.out).toContain(`has a value 'http://localhost:3001' that is not equal to the supplied origin`);
    expect(text.out).toContain(`Access-Control-Allow-Origin: ${PAGE}`);
    const json = await cli('explain', file, '--json');
    expect(JSON.parse(json.out)).toMatchObject({
      findings: [{ entry: 0, reason: 'AllowOriginMismatch', failedParameter: 'http://localhost:3001' }],
      skipped: [],
    });
  });

  it("prints README's example output for the DevTools-shaped fixture", async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const shown = /```sh\n\$ npx cors-lab explain session\.har \[--json\]\n([\s\S]*?)```/.exec(readme)?.[1];
    const fixture = fileURLToPath(new URL('../har/fixtures/devtools-blocked.har', import.meta.url));
    const { out } = await cli('explain', fixture);
    expect(out.replaceAll(fixture, 'session.har')).toBe(shown);
  });

  it('a terminal control character in a recorded value is printed escaped', async () => {
    const har = {
      log: {
        entries: [
          entry('https://api.example.com/a', [['Origin', PAGE]], 200, [['Access-Control-Allow-Origin', 'x\u009b2J']]),
        ],
      },
    };
    const { out } = await cli('explain', await fileWith(JSON.stringify(har)));
    expect(out).not.toContain('\u009b');
    expect(out).toContain('\\u009b');
  });

  const bad: Array<[string, string, RegExp]> = [
    ['not JSON', '<html>', /session\.har: not JSON/],
    [
      'JSON but not a HAR',
      '{"log": {"pages": []}}',
      /session\.har: log\.entries: expected an array \(not a HAR 1\.2 file\?\)/,
    ],
    [
      'an entry without a status',
      JSON.stringify({
        log: {
          entries: [{ request: { method: 'GET', url: 'https://a.example/', headers: [] }, response: { headers: [] } }],
        },
      }),
      /log\.entries\[0\]\.response\.status: expected a number/,
    ],
  ];
  for (const [title, content, message] of bad) {
    it(`exit 2 for ${title}, naming the file and the JSON path`, async () => {
      const run = await cli('explain', await fileWith(content));
      expect(run.code).toBe(2);
      expect(run.out).toBe('');
      expect(run.err).toMatch(message);
    });
  }

  it('exit 2 for a missing file, no file, or two', async () => {
    expect(await cli('explain', '/nonexistent/session.har')).toMatchObject({
      code: 2,
      err: expect.stringContaining('cannot read /nonexistent/session.har: ENOENT'),
    });
    expect(await cli('explain')).toMatchObject({
      code: 2,
      err: expect.stringContaining('expected one HAR file, got 0'),
    });
    expect(await cli('explain', 'a.har', 'b.har')).toMatchObject({
      code: 2,
      err: expect.stringContaining('expected one HAR file, got 2'),
    });
  });
});
