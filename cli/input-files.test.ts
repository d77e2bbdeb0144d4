/** `cors-lab run FILE`: what it says about files it cannot use (encoding, syntax, permissions). */
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperimentFiles } from '../format/load-files.ts';
import { cli } from './cli-in-memory.ts';

const ONE = { id: 'one', title: 'one', group: 'simple', request: { target: 'api' } };

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cors-lab-input-'));
  await chmod(dir, 0o755);
  const file = join(dir, name);
  await writeFile(file, content);
  return file;
}

/**
 * Root reads anything, because of two capabilities (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH). The command runs
 * as root without them, so the mode bits bind it, yet it still reads the checkout: another user
 * (nobody) could not enter a checkout under a private folder such as /root.
 * https://man7.org/linux/man-pages/man7/capabilities.7.html
 */
function withoutFilePermissionBypass(command: string[]): string[] {
  return ['setpriv', '--bounding-set', '-dac_override,-dac_read_search', '--', ...command];
}

describe('experiment files', () => {
  it('refuses invalid UTF-8 with the line and column of the first bad byte, exit 2', async () => {
    const text = `[\n  {"id": "one", "title": "caf\u00e9 `;
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0xff]), Buffer.from('", "group": "simple", "request": {"target": "api"}}\n]')]);
    const file = await fileWith('latin.json', bytes);
    const { code, err } = await cli('run', file);
    expect(code).toBe(2);
    // Column counts characters: "é" is one, although it is two bytes.
    expect(err).toContain(`${file}:2:32: not UTF-8 (byte 0xff)`);
  });

  for (const [what, bytes, at] of [
    ['an overlong encoding', [0xc0, 0xaf], '1:9'],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], '1:9'],
    ['a truncated sequence at the end', [0xe2, 0x82], '1:9'],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '1:9'],
  ] as const) {
    it(`refuses ${what}`, async () => {
      const file = await fileWith('bad.json', Buffer.concat([Buffer.from('{"id": "'), Buffer.from(bytes)]));
      await expect(loadExperimentFiles([file])).rejects.toThrow(`${file}:${at}: not UTF-8 (byte 0x${bytes[0].toString(16)})`);
    });
  }

  it('accepts a UTF-8 byte order mark and keeps non-ASCII text intact', async () => {
    const file = await fileWith('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ ...ONE, title: '跨域 café' }))]));
    const [experiment] = await loadExperimentFiles([file]);
    expect(experiment?.title).toBe('跨域 café');
  });

  it.each([
    ['{ "id": ', '1:9', "unexpected end of file: 1 unclosed '{'"],
    ['[\n  {"id": "a",}\n]', '2:14', "trailing comma before '}'"],
    ['[\n  {"id": "a"}\n  {"id": "b"}\n]', '3:3', "unexpected '{': expected ',' or ']'"],
    ['{"id": \'a\'}', '1:8', "unexpected ''': expected a value"],
    ['{"id" "a"}', '1:7', "unexpected '\"': expected ':' after the property name"],
    ['{"title": "two\nlines"}', '1:15', 'control character U+000A in a string'],
    ['{"id": "a"} x', '1:13', "unexpected 'x' after the end of the JSON value"],
    ['{"n": 01}', '1:8', "unexpected '1': expected ',' or '}'"],
    ['{"s": "\\x"}', '1:8', 'bad escape \\x in a string'],
    ['[[[...20,000 deep', `${'['.repeat(20000)}}`, '1:20001', "unexpected '}': expected a value"],
  ].map((c) => (c.length === 3 ? [JSON.stringify(c[0]), ...c] : c)))('names the line and column of a JSON syntax error in %s', async (_title, text, at, message) => {
    const file = await fileWith('broken.json', text);
    const { code, err } = await cli('run', file);
    expect(code).toBe(2);
    expect(err).toContain(`${file}:${at}: invalid JSON: ${message}`);
  });

  it('says permission denied, not missing, for an unreadable file and an unreadable folder', async () => {
    const file = await fileWith('locked.json', JSON.stringify(ONE));
    await chmod(file, 0o000);
    const dir = await mkdtemp(join(tmpdir(), 'cors-lab-locked-'));
    await chmod(dir, 0o755);
    await mkdir(join(dir, 'inner'));
    await writeFile(join(dir, 'inner', 'x.json'), JSON.stringify(ONE));
    await chmod(join(dir, 'inner'), 0o000);
    const command = [process.execPath, '--import', 'tsx', 'cli/main.ts', 'run', file, dir];
    const [program = '', ...args] = process.getuid?.() === 0 ? withoutFilePermissionBypass(command) : command;
    const child = spawnSync(program, args, { encoding: 'utf8', timeout: 50_000 });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain(`${file}: permission denied`);
    expect(child.stderr).toContain(`${join(dir, 'inner')}: permission denied`);
    expect(child.stderr).not.toContain('no such file');
  }, 60_000);

  it('still says missing for a path that does not exist', async () => {
    const { code, err } = await cli('run', '/nonexistent/cors-lab.json');
    expect(code).toBe(2);
    expect(err).toContain('/nonexistent/cors-lab.json: no such file or folder');
  });
});
