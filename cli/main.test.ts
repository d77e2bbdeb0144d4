/** The command line: output, exit codes and messages for bad input (no browser needed). */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateExperiments } from '../format/validate.ts';
import { main } from './main.ts';
import { cli } from './cli-in-memory.ts';

describe('cors-lab', () => {
  // main() loads each command's module on first use; load them here, outside any one test's time limit.
  beforeAll(() => Promise.all(['serve', 'origins', 'list', 'run', 'probe'].map((name) => main([name, '--help'], { out: () => {}, err: () => {}, interactive: false }))), 30_000);

  it('origins --json prints name, url, site and role for the default block', async () => {
    const { code, out } = await cli('origins', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toContainEqual({ name: 'app', url: 'http://localhost:5310', site: 'http://localhost', role: 'page' });
  });

  it('origins honours --port-base', async () => {
    const { out } = await cli('origins', '--json', '--port-base', '6000');
    expect(JSON.parse(out).map((o: { url: string }) => o.url)).toEqual(['http://localhost:6000', 'http://localhost:6001', 'http://localhost:6002', 'http://127.0.0.1:6003', 'http://evil.localhost:6004', 'http://127.0.0.1:6005', 'https://localhost:6006']);
  });

  it('list --json prints the catalog in the experiment format, which validates again', async () => {
    const { code, out } = await cli('list', '--json', '--group', 'credentials');
    expect(code).toBe(0);
    const list = JSON.parse(out);
    expect(list.length).toBeGreaterThanOrEqual(12);
    expect(validateExperiments(list, 'list.json')).toHaveLength(list.length);
  });

  it('list --reasons prints each reason with the experiments that reproduce it', async () => {
    const { code, out } = await cli('list', '--reasons');
    expect(code).toBe(0);
    expect(out).toMatch(/^LocalNetworkAccessPermissionDenied +\d+ +.*lna-public-to-loopback-denied/m);
    expect(out).toMatch(/^WildcardOriginNotAllowed +\d+ +.*hono-cors-wildcard-with-credentials/m);
    expect(out).toMatch(/^\d+ distinct reasons\n$/m);
  });

  it('list --reasons --json --group narrows to the group, as JSON', async () => {
    const { out } = await cli('list', '--reasons', '--json', '--group', 'hono-cors');
    const rows = JSON.parse(out) as Array<{ reason: string; experiments: string[] }>;
    expect(rows.find((r) => r.reason === 'HeaderDisallowedByPreflightResponse')?.experiments).toEqual(['hono-cors-allow-headers-listed']);
    expect(rows.flatMap((r) => r.experiments).every((id) => id.startsWith('hono-cors-'))).toBe(true);
  });

  it.each([
    [['bogus'], 'unknown command "bogus"'],
    [['run', '--bogus'], "run: Unknown option '--bogus'"],
    [['run', '--reporter', 'xml'], '--reporter: unknown reporter "xml"; known: table, json, junit, github'],
    [['run', '--concurrency', 'many'], '--concurrency: expected a whole number from 1 to 64, got "many"'],
    [['run', '--filter', 'no-such-experiment-anywhere'], '--filter: no experiment matches'],
    [['run', 'missing.json'], 'missing.json: no such file or folder'],
    [['list', '--group', 'nope'], '--group: unknown group "nope"'],
    [['origins', '--port-base', '80'], '--port-base: expected a whole number from 1024 to 65529, got "80"'],
    [['origins', 'extra'], 'origins: Unexpected argument'],
  ])('%j exits 2 with a precise message', async (argv, message) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err).toContain(message);
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('run refuses a malformed file with the file, the JSON path and exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cors-lab-'));
    const bad = join(dir, 'bad.json');
    const broken = join(dir, 'broken.json');
    await writeFile(bad, JSON.stringify([{ id: 'a', title: 'a', group: 'simple', request: { target: 'apii' } }]));
    await writeFile(broken, '{ "id": ');
    const { code, err } = await cli('run', dir);
    expect(code).toBe(2);
    expect(err).toContain(`${bad}: [0].request.target: unknown origin "apii"; known: app, api, api2, partner, evil, public`);
    expect(err).toContain(`${broken}:1:9: invalid JSON: unexpected end of file`);
  });

  it('run refuses an unwritable --json before running anything', async () => {
    const { code, err } = await cli('run', '--filter', 'simple-get-no-acao', '--json', '/nonexistent-dir/out.json');
    expect(code).toBe(2);
    expect(err).toContain('--json: cannot write /nonexistent-dir/out.json: ENOENT');
  });

  for (const flag of ['--version', '-v']) {
    it(`${flag} prints the version in package.json`, async () => {
      const { version } = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
      expect(await cli(flag)).toEqual({ code: 0, out: `${version}\n`, err: '' });
    });
  }

  it('without a command prints help and exits 2', async () => {
    const { code, out } = await cli();
    expect(code).toBe(2);
    expect(out).toContain('cors-lab run');
    expect(out).toContain('cors-lab probe');
  });
});
