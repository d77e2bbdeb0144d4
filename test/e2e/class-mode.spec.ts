/**
 * Class mode in a real Chromium, as an attendee's browser meets it: every
 * origin under a name that is not loopback in the browser's eyes (`.test`
 * names mapped to 127.0.0.1 by a resolver rule, so traffic stays on this
 * machine), so the playground is not a secure context, as over a room's
 * network; partner and evil on other sites; the Host check admitting the names.
 */
import { usesSecureOrigin } from '../../client/lab/secure-trust.ts';
import { expect, test } from '@playwright/test';
import { catalog } from '../../experiments/catalog/index.ts';
import { runExperiments } from '../../runner/run-experiments.ts';
import { startLab, type Lab } from '../../servers/lab.ts';
import { CLASS_LAUNCH, CLASS_NAMES } from './class-names.ts';
import { paced } from '../pace/machine-pace.ts';

test.use({ launchOptions: CLASS_LAUNCH });

let lab: Lab;
test.beforeAll(async () => {
  lab = await startLab({ names: CLASS_NAMES });
});
test.afterAll(() => lab.close());

test('an attendee opens the class URL, not a secure context, and runs an experiment from the playground', async ({ page }) => {
  const app = lab.origins.find((o) => o.name === 'app')!.url;
  expect(app).toMatch(/^http:\/\/class\.test:\d+$/);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${app}/`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  expect(new URL(page.url()).origin).toBe(app);
  // No crypto.randomUUID, navigator.clipboard...: the playground must not need them.
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  const experiment = catalog.find((e) => e.id === 'preflight-put-allowed') ?? catalog.find((e) => e.group === 'preflight' && e.expect?.outcome === 'allowed')!;
  await page.getByRole('button', { name: experiment.title }).click();
  await page.getByRole('button', { name: 'Run this experiment' }).click();
  const row = page.getByRole('list', { name: 'Log' }).getByTestId('log-row').filter({ hasText: experiment.id }).first();
  await expect(row).toContainText('allowed');
  await expect(row).not.toContainText('disagree');
  // No clipboard outside a secure context: the copy buttons say so instead of claiming "Copied".
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'cannot reach the clipboard' })).toBeVisible();
  await expect(page.getByText('Copied link.')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the catalog in a browser that reaches the lab only by its class names: as the catalog expects, but where the catalog names evil.localhost or needs a secure context', async ({ browser }) => {
  test.setTimeout(paced(120_000));
  // Experiments that need a browser of their own (third-party cookies allowed, the public address space) are left out:
  // that browser would not have the resolver rule.
  // Nor the https origin's: its certificate names only localhost, which no attendee's browser can trust.
  const ordinary = catalog.filter((e) => !e.browser && e.page !== 'public' && !e.then?.some((s) => s.page === 'public') && !usesSecureOrigin(e));
  expect(ordinary.length).toBeGreaterThan(150);
  const report = await runExperiments(ordinary, lab, browser);
  const failed = Object.fromEntries(report.results.filter((r) => !r.pass).map((r) => [r.id, r.mismatches.join('; ')]));
  // `/localhost/` lets evil in because evil is evil.localhost in the table; evil-room.test does not match it.
  expect(failed['express-cors-regex-unanchored']).toContain('observed.outcome: expected allowed, got blocked');
  // A Partitioned cookie must be Secure, and a page that is not a secure context may be refused a Secure
  // cookie: seen in some runs of this Chromium, not in others.
  // A Secure cookie set over http is kept only from a potentially trustworthy host (localhost), which a class name is not.
  const knownDifferences: Record<string, string> = {
    'express-cors-regex-unanchored': 'observed.outcome',
    'cookies-cross-site-partitioned-3pc-blocked': 'then[0].observed.cookieSent: expected true, got false',
    'mixed-content-secure-cookie-set-over-http-localhost': 'then[0].observed.cookieSent: expected true, got false',
  };
  // COOP and COEP act only in a secure context, which an http:// lab reached by a class name is not: the
  // isolation group's expectations (written for localhost) differ, and the model predicts what the browser does.
  // The same holds for every experiment whose page or answer sends COEP or COOP (the frames group's COEP page, a
  // popup's COOP).
  const policy = /cross-origin-(embedder|opener)-policy/i;
  const isolating = new Set(ordinary.filter((e) => policy.test(JSON.stringify([e.pageHeaders ?? {}, e.server ?? {}]))).map((e) => e.id));
  const isolation = Object.entries(failed).filter(([id]) => id.startsWith('isolation-') || isolating.has(id));
  expect(isolation.map(([id]) => id)).toContain('isolation-coop-and-coep-isolate');
  for (const [id, mismatches] of isolation) {
    expect(mismatches, id).not.toContain('predicted.');
    delete failed[id];
  }
  // A Secure cookie set over http is refused where the host is not potentially trustworthy, which a class name is not:
  // every experiment whose server sets one (the CSRF group's SameSite=None; Secure sessions, among others) may then
  // send no cookie where the catalog, written for localhost, expects one.
  const setsSecureCookie = (e: (typeof catalog)[number]): boolean => /set-cookie":"[^"]*;\s*secure\b/i.test(JSON.stringify(e.server ?? {}));
  for (const e of ordinary.filter(setsSecureCookie)) {
    if (!failed[e.id]) continue;
    expect(failed[e.id], e.id).toMatch(/observed\.cookieSent: expected true, got false/);
    expect(failed[e.id], e.id).not.toMatch(/observed\.(outcome|reason)/);
    delete failed[e.id];
  }
  // A page CSP that names the lab's hosts (`localhost:*`, `127.0.0.1:*`) names other hosts than the class names: its
  // expectation, written for localhost, may differ, but the model follows the policy against the names in use.
  const namesLabHosts = (e: (typeof catalog)[number]): boolean =>
    /localhost|127\.0\.0\.1/.test(e.pageHeaders?.['Content-Security-Policy'] ?? '');
  for (const e of ordinary.filter(namesLabHosts)) {
    if (!failed[e.id]) continue;
    expect(failed[e.id], e.id).not.toContain('predicted.');
    delete failed[e.id];
  }
  for (const [id, mismatches] of Object.entries(failed)) {
    expect(knownDifferences[id], `${id}: ${mismatches}`).toBeDefined();
    expect(mismatches).toContain(knownDifferences[id]);
  }
});
