/** What `cors-lab serve` warns about where it is bound. */
import { describe, expect, it } from 'vitest';
import { ORIGINS, advertisedOrigin } from '../plan/origins.ts';
import { bindWarnings } from './commands/serve.ts';
import type { Io } from './io.ts';
import { main } from './main.ts';
import { startServeProcess } from './serve-process.ts';

function labBoundTo(address: string, given = address) {
  const origins = ORIGINS.map((spec) => advertisedOrigin(spec, { address, given }, 7000 + spec.offset));
  return { origins, bound: origins.map((o) => ({ name: o.name, address, port: Number(new URL(o.url).port) })) };
}

describe('serve --host', () => {
  for (const address of ['127.0.0.1', '::1', '127.0.0.2', '127.1.2.3']) {
    it(`gives no "not loopback" warning on ${address}`, () => {
      expect(bindWarnings(labBoundTo(address)).join('\n')).not.toContain('not loopback');
    });
  }

  for (const address of ['0.0.0.0', '::', '192.168.1.5']) {
    it(`warns clearly when bound to ${address}`, () => {
      expect(bindWarnings(labBoundTo(address))[0]).toBe(`Warning: bound to ${address}, not loopback: other machines may reach the lab.`);
    });
  }

  it('says when origins the lab keeps apart share a site', () => {
    const [note] = bindWarnings(labBoundTo('127.0.0.2'));
    expect(note).toContain('browsers reach 127.0.0.2 under one name only');
    expect(note).toContain('(app, api, api2, partner, evil and public are all on http://127.0.0.2)');
  });

  it('refuses an empty --host, which would bind every interface', async () => {
    let err = '';
    const io: Io = { out: () => undefined, err: (t) => void (err += t), interactive: false };
    expect(await main(['serve', '--host', ''], io)).toBe(2);
    expect(err).toContain('--host: needs an address');
  });
});

describe('cors-lab serve, as a process on loopback', () => {
  it('prints the playground URL, where the lessons are and the Chinese URL, then the origins', async () => {
    const base = 6660;
    const { child, out } = await startServeProcess(['--port-base', String(base)]);
    try {
      expect(out).toContain(`Open the playground: http://localhost:${base}/\n`);
      expect(out).toContain(`the Lessons are listed beside the catalog; in Chinese: http://localhost:${base}/?lang=zh-CN`);
      expect(out).toContain(`evil     http://evil.localhost:${base + 4}`);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
