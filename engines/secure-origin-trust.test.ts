/**
 * Firefox and WebKit trust the lab's `secure` origin for its own certificate at its own host and port, and nothing
 * wider: in real Firefox and WebKitGTK, a page on `app` fetches https://localhost:PORT (h2), while the very same
 * server and certificate reached as https://127.0.0.1:PORT (a name the certificate also holds) stays untrusted.
 * Without the trust, runner/run-browsers.test.ts's mixed-content experiments could not load their https page.
 */
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { experimentUrl } from '../experiments/model/predict.ts';
import { validateExperiments } from '../format/validate.ts';
import { originMap, type OriginMap } from '../plan/origins.ts';
import { runnerUrl } from '../plan/page-origin.ts';
import { startLab, type Lab } from '../servers/lab.ts';
import { makeLabCa, makeLeaf } from '../servers/lab-certificates.ts';
import { paced } from '../test/pace/machine-pace.ts';
import type { EngineBrowser } from './engine.ts';
import { certificateDbKey, certificateOverride } from './firefox/certificate-override.ts';
import { launchFirefox } from './firefox/firefox-browser.ts';
import { secureOriginTrust } from './secure-origin-trust.ts';
import { experimentSteps, stepRequest } from './steps.ts';
import { launchWebKit } from './webkit/webkit-browser.ts';

describe('certificateOverride (Firefox cert_override.txt)', () => {
  const leaf = makeLeaf(makeLabCa(new Date()), new Date());

  it('names one host and port, the SHA-256 fingerprint of the certificate, and its database key', () => {
    const text = certificateOverride({ url: 'https://localhost:5316', certificatePem: leaf.cert });
    const lines = text.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    expect(lines).toHaveLength(1);
    const fingerprint = new X509Certificate(leaf.cert).fingerprint256;
    expect(lines[0]?.split('\t')).toEqual([
      'localhost:5316:', 'OID.2.16.840.1.101.3.4.2.1', fingerprint, '', certificateDbKey(leaf.cert),
    ]);
    expect(text).not.toContain('PRIVATE KEY');
  });

  it('writes the serial number and the issuer into the database key, with their lengths', () => {
    const key = Buffer.from(certificateDbKey(leaf.cert), 'base64');
    const serial = Buffer.from(new X509Certificate(leaf.cert).serialNumber, 'hex');
    expect(key.readUInt32BE(0)).toBe(0);
    expect(key.readUInt32BE(4)).toBe(0);
    const serialLength = key.readUInt32BE(8);
    expect(key.subarray(16, 16 + serialLength).toString('hex').replace(/^00/, '')).toBe(
      serial.toString('hex').replace(/^00/, ''),
    );
    expect(key.length).toBe(16 + serialLength + key.readUInt32BE(12));
  });

  it('refuses a URL that is not https', () => {
    expect(() => certificateOverride({ url: 'http://localhost:5316', certificatePem: leaf.cert })).toThrow(
      'not an https URL',
    );
  });

  it('has no trust to give for a lab without a secure origin or certificate', () => {
    expect(secureOriginTrust([], leaf.cert)).toBeUndefined();
    expect(secureOriginTrust([{ name: 'secure', url: 'https://localhost:1', site: '', role: 'secure' }], undefined))
      .toBeUndefined();
  });
});

const LAUNCH = { firefox: launchFirefox, webkit: launchWebKit } as const;

describe.each(['firefox', 'webkit'] as const)('the secure origin in %s', (engine) => {
  let lab: Lab;
  let origins: OriginMap;
  let browser: EngineBrowser;

  beforeAll(async () => {
    lab = await startLab();
    origins = originMap(lab.origins);
    browser = await LAUNCH[engine]({ trust: secureOriginTrust(lab.origins, lab.certificates.served) });
  }, paced(90_000));

  afterAll(async () => {
    await browser?.close();
    await lab?.close();
  }, paced(30_000));

  it('is trusted at its host and port, and the same certificate at another name is not', async () => {
    const [experiment] = validateExperiments({
      id: 'trust', title: 'trust', group: 'mixed-content', request: { target: 'secure' },
      server: { actual: { headers: { 'Access-Control-Allow-Origin': '*' } } },
    }, 'secure-origin-trust.test.ts');
    if (!experiment) throw new Error('no experiment');
    const session = await browser.newSession();
    try {
      const tab = await session.openTab(runnerUrl('app', origins));
      const step = experimentSteps(experiment)[0];
      if (!step) throw new Error('no step');
      const fetchOnce = async (host: string) => {
        const run = lab.newRunId();
        const url = new URL(experimentUrl(experiment, origins, run));
        url.hostname = host;
        return tab.run(stepRequest(step, url.href), run);
      };
      const trusted = await fetchOnce('localhost');
      expect(trusted.seen.outcome).toBe('allowed');
      expect(trusted.verdict.protocol ?? null).toBeNull();
      const other = await fetchOnce('127.0.0.1');
      expect(other.seen.outcome).toBe('blocked');
      // Its own page, same-origin: trusted, and the page tells the HTTP version (h2 by ALPN).
      const page = await session.openTab(runnerUrl('secure', origins));
      const run = lab.newRunId();
      const own = await page.run(stepRequest(step, experimentUrl(experiment, origins, run)), run);
      expect(own.seen).toMatchObject({ outcome: 'allowed', responseType: 'basic' });
      expect(own.verdict.protocol).toBe('h2');
    } finally {
      await session.close();
    }
  }, paced(120_000));
});
