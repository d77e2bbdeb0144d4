/**
 * The https origin in the playground, in the learner's own browser. A browser that does not trust the lab's
 * CA (Playwright's page here: launched without the key-hash flag) gets "cannot run here" and how to trust it,
 * never a verdict; the group's http-only experiments still run. A browser that trusts the certificate (the
 * lab's Chromium, trusting the leaf's key hash as `cors-lab run` does) runs the https experiments.
 */
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { runInPlayground } from './run-in-playground.ts';

test('a browser that does not trust the lab CA: the https experiment cannot run here, with how to trust it', async ({ lab, page }) => {
  const id = 'mixed-content-https-page-fetches-loopback-http-api';
  const row = await runInPlayground(page, originMap(lab.origins).app, id);
  await expect(row.getByTestId('cannot-run')).toHaveText('⚠ cannot run here');
  await expect(row).not.toContainText('✔ allowed');
  await expect(row).not.toContainText('✖ blocked');
  await row.getByText(id).click();
  const note = row.getByRole('note').first();
  await expect(note).toContainText("your browser does not trust the lab's certificate");
  await expect(note).toContainText('cors-lab ca');
  await expect(note).toContainText(originMap(lab.origins).secure);
});

test('the same browser still runs the group\'s http-only experiments', async ({ lab, page }) => {
  const row = await runInPlayground(page, originMap(lab.origins).app, 'mixed-content-lax-cookie-http-page-to-http-api');
  await expect(row).toContainText('✔ allowed');
  await expect(row.getByTestId('pass-fail')).toHaveText('✔ pass');
  await expect(row.getByTestId('cannot-run')).toHaveCount(0);
});

test('a browser that trusts the certificate runs an https page in the playground, model and expectation agreeing', async ({ lab, labBrowser }) => {
  const page = await labBrowser.newPage();
  try {
    const row = await runInPlayground(page, originMap(lab.origins).app, 'mixed-content-https-page-api-allows-http-app-origin');
    await expect(row).toContainText('✖ blocked');
    await expect(row.getByTestId('pass-fail')).toHaveText('✔ pass');
    await expect(row).not.toContainText('disagree');
  } finally {
    await page.close();
  }
});
