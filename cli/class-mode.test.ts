/** `cors-lab serve --class`: the names for a room, the QR code, the flags, and the running command (loopback only). */
import { request } from 'node:http';
import jsQRModule from 'jsqr';
import QRCode from 'qrcode';
import { startServeProcess } from './serve-process.ts';
import { describe, expect, it } from 'vitest';
import { classBanner, classNames, LOOPBACK_QR_NOTE, qrCode, type ClassEnvironment } from './class-mode.ts';
import type { Io } from './io.ts';
import { main } from './main.ts';
import { originsAtPortBase } from '../plan/origins.ts';

/** Reads a QR code back from the terminal text: each character is two modules, upper and lower half. */
function modulesFromTerminal(text: string): boolean[][] {
  const rows = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').filter((line) => line.length > 0);
  const pixels: boolean[][] = [];
  for (const row of rows) {
    const [top, bottom] = [[...row].map((c) => c === '▀' || c === '█'), [...row].map((c) => c === '▄' || c === '█')];
    pixels.push(top, bottom);
  }
  return pixels;
}

/**
 * Decodes the printed picture as a phone's camera sees it on a dark terminal:
 * 4 px a module, the printed cells as printed, and the terminal's dark
 * background around them (the code brings its own light border).
 */
function decode(pixels: boolean[][]): string | null {
  const scale = 4;
  const margin = 4;
  const width = (Math.max(...pixels.map((r) => r.length)) + 2 * margin) * scale;
  const height = (pixels.length + 2 * margin) * scale;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  for (const [y, row] of pixels.entries()) {
    for (const [x, dark] of row.entries()) {
      if (dark) continue;
      for (let dy = 0; dy < scale; dy++) {
        const i = (((y + margin) * scale + dy) * width + (x + margin) * scale) * 4;
        data.fill(255, i, i + scale * 4);
      }
    }
  }
  return jsQR(data, width, height)?.data ?? null;
}

// jsqr is CommonJS with its function on `default` too: the one spelling TypeScript (NodeNext) and Node agree on.
const jsQR = jsQRModule.default;

const noNetwork: ClassEnvironment = {
  interfaces: () => ({}),
  lookup: () => Promise.reject(Object.assign(new Error('not found'), { code: 'ENOTFOUND' })),
};

describe('the QR code', () => {
  it('printed in the terminal holds the library\'s modules for the URL, and decodes to the URL', async () => {
    const url = 'http://192.168.1.5:5310/';
    const printed = modulesFromTerminal(await qrCode(url));
    const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
    // The terminal shows a one-module white border around the code.
    for (let y = 0; y < modules.size; y++) {
      for (let x = 0; x < modules.size; x++) expect(printed[y + 1]?.[x + 1], `module ${x},${y}`).toBe(Boolean(modules.get(y, x)));
    }
    expect(decode(printed)).toBe(url);
  });
});

describe('classNames', () => {
  const lan: ClassEnvironment = {
    interfaces: () => ({ lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '', cidr: null }], eth0: [{ address: '10.1.2.3', family: 'IPv4', internal: false, netmask: '255.0.0.0', mac: '', cidr: null }] }),
    lookup: async () => '10.1.2.3',
  };

  it('bound to every interface advertises the network address, with the flags over the defaults', async () => {
    expect(await classNames('0.0.0.0', { evil: 'evil.room.lan' }, lan)).toEqual({ app: '10.1.2.3', api: '10.1.2.3', api2: '10.1.2.3', partner: '10-1-2-3.sslip.io', public: '10-1-2-3.sslip.io', evil: 'evil.room.lan', secure: '10.1.2.3' });
  });

  it('bound to a name puts the pages under the name and partner at its address (another site, no DNS needed)', async () => {
    expect(await classNames('teacher.local', {}, lan)).toEqual({ app: 'teacher.local', api: 'teacher.local', api2: 'teacher.local', partner: '10.1.2.3', public: '10.1.2.3', evil: '10-1-2-3.nip.io', secure: 'teacher.local' });
  });

  it('bound to loopback keeps the usual names (and the flags)', async () => {
    expect(await classNames('127.0.0.1', { app: 'class.localhost' }, lan)).toEqual({ app: 'class.localhost' });
    expect(await classNames('::1', {}, lan)).toEqual({});
  });

  it('says what to do when there is no address to advertise', async () => {
    await expect(classNames('0.0.0.0', {}, noNetwork)).rejects.toThrow('--class --host 0.0.0.0: this machine has no network address to advertise; name the origins with --name app=HOST');
    await expect(classNames('teacher.invalid', {}, noNetwork)).rejects.toThrow('--host "teacher.invalid": cannot resolve it (ENOTFOUND)');
  });

  it('the banner says when attendees cannot reach a loopback lab, and which names must resolve otherwise', async () => {
    const loopback = await classBanner(originsAtPortBase(5310), ['127.0.0.1']);
    expect(loopback).toContain('Class mode. Attendees open: http://localhost:5310/');
    expect(loopback).toContain('Bound to loopback: only this machine reaches the lab.');
    // Beside the code: the line right above it.
    expect(loopback.split('\n').slice(0, 3)).toEqual(['Class mode. Attendees open: http://localhost:5310/', LOOPBACK_QR_NOTE, '']);
    const room = await classBanner(
      originsAtPortBase(5310).map((o) => ({ ...o, url: o.url.replace(/localhost|127\.0\.0\.1|evil\.localhost/, o.name === 'evil' ? 'x.nip.io' : o.name === 'partner' || o.name === 'public' ? 'x.sslip.io' : '10.1.2.3') })),
      ['0.0.0.0'],
    );
    expect(room).toContain("Attendees' browsers must resolve x.sslip.io (partner, public), x.nip.io (evil) to this machine.");
    expect(room).not.toContain(LOOPBACK_QR_NOTE);
  });
});

describe('serve flags', () => {
  for (const [args, message] of [
    [['--name', 'partner=x.lan'], '--name: only with --class'],
    [['--class', '--name', 'partner'], '--name "partner" must be ORIGIN=HOST'],
    [['--class', '--name', 'friend=x.lan'], '--name "friend=x.lan": unknown origin "friend"; known: app, api, api2, partner, evil, public, secure'],
    [['--class', '--name', 'evil=http://x.lan/'], '--name evil: "http://x.lan/" must be a host name or address alone'],
    [['--class', '--port-base', '80'], '--port-base: expected a whole number from 1024'],
    [['--class', '--host', ''], '--host: needs an address'],
    [['--klass'], "serve: Unknown option '--klass'"],
  ] as const) {
    it(`serve ${args.join(' ')} exits 2: ${message}`, async () => {
      let err = '';
      const io: Io = { out: () => undefined, err: (t) => void (err += t), interactive: false };
      expect(await main(['serve', ...args], io)).toBe(2);
      expect(err).toContain(message);
    });
  }
});

/** GET / on 127.0.0.1:port with the Host header given: the status (and the body of a refusal). */
function statusFor(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { host }, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        // A refusal says how a class admits a name.
        if (res.statusCode === 421) expect(body).toContain('cors-lab serve --class --name ORIGIN=HOST');
        resolve(res.statusCode ?? 0);
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

describe('cors-lab serve --class, as a process on loopback', () => {
  it('prints the attendees\' URL and its QR code, advertises the names, and the Host check admits exactly them', async () => {
    const base = 6640;
    const names = ['app=class.localhost', 'api=class.localhost', 'api2=class.localhost', 'partner=127.0.0.1', 'public=127.0.0.1', 'evil=room-evil.localhost'];
    const { child, out } = await startServeProcess(['--class', '--host', '127.0.0.1', '--port-base', String(base), ...names.flatMap((n) => ['--name', n])]);
    try {
      expect(out).toContain(`Class mode. Attendees open: http://class.localhost:${base}/\n${LOOPBACK_QR_NOTE}\n\n`);
      const qr = out.slice(out.indexOf('\n\n') + 2, out.indexOf('Bound to loopback'));
      expect(decode(modulesFromTerminal(qr))).toBe(`http://class.localhost:${base}/`);
      expect(out).toContain(`evil     http://room-evil.localhost:${base + 4}`);
      expect(await statusFor(base, `class.localhost:${base}`)).toBe(200);
      expect(await statusFor(base + 4, `room-evil.localhost:${base + 4}`)).not.toBe(421);
      // Loopback spellings stay admitted; a name the teacher did not give is refused (DNS rebinding).
      expect(await statusFor(base, `127.0.0.1:${base}`)).toBe(200);
      for (const foreign of [`attacker.example:${base}`, `evil.localhost.attacker.example:${base}`, `class.localhost.:${base}`]) expect(await statusFor(base, foreign)).toBe(421);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
