/**
 * `serve --host`: every URL the lab advertises answers in Chromium, whichever
 * loopback address it is bound to (Chromium resolves `localhost` names itself,
 * which Node cannot check), and partner and evil stay other sites than app.
 */
import { test, expect } from '@playwright/test';
import { launchChromium } from '../../runner/launch.ts';
import { startLab } from '../../servers/lab.ts';
import { siteClashes } from '../../plan/origins.ts';
import { bindWarnings } from '../../cli/commands/serve.ts';

for (const host of ['127.0.0.1', '::1', '[::1]', 'localhost', '127.0.0.2']) {
  test(`bound to ${host}, every advertised origin answers in Chromium`, async () => {
    const lab = await startLab({ host, clientDir: null });
    // The lab's Chromium: it trusts the https origin's certificate by its key hash, as cors-lab run does.
    const browser = await launchChromium(lab.origins);
    const page = await browser.newPage();
    try {
      for (const origin of lab.origins) {
        const response = await page.goto(`${origin.url}/__lab/origins`);
        expect(response?.status(), origin.url).toBe(200);
        expect(await response?.json()).toEqual(lab.origins);
      }
      expect(bindWarnings(lab).join('\n')).not.toContain('not loopback');
      // Two names reach 127.0.0.1 and ::1 besides the address; 127.0.0.2 has one, and the lab says so.
      if (host === '127.0.0.2') expect(bindWarnings(lab).join('\n')).toContain('share a site here');
      else expect(siteClashes(lab.origins)).toEqual([]);
    } finally {
      await browser.close();
      await lab.close();
    }
  });
}
