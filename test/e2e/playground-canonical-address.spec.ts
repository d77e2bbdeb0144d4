/**
 * The README says the lab binds 127.0.0.1, so people type that address too: the page moves to the canonical app URL
 * (the one the runner pages obey, and the one the experiments' sites are written for: 127.0.0.1 is the partner's
 * site) before anything runs, hash and all (client/elements/cors-lab-app.ts). After the move the page is the page
 * playground.spec.ts runs the whole catalog on; what could still go wrong is a site: so here the groups whose
 * verdicts turn on the page's site run from their group buttons (cookies: SameSite and third-party cookies; corp:
 * same-site and cross-origin resource policies), every row as the catalog expects, beside a shared experiment.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { experimentHash } from '../../client/share/experiment-link.ts';
import { originMap } from '../../plan/origins.ts';
import { paced } from '../pace/machine-pace.ts';
import { expect, test } from './lab-fixture.ts';

const LABEL = { allowed: '✔ allowed', blocked: '✖ blocked', opaque: '◌ opaque' } as const;
/** Groups whose verdicts depend on the page's site, with no step that navigates a frame or a popup. */
const SITE_GROUPS = ['cookies', 'corp'] as const;

const TITLE =
  'opened at 127.0.0.1 with a shared link: moves to the app URL, hash and all; site-dependent groups run as expected';
test(TITLE, async ({ lab, labBrowser }) => {
  test.setTimeout(paced(60_000));
  // The lab's Chromium: the one playground.spec.ts runs the whole catalog in (it trusts the secure origin).
  const context = await labBrowser.newContext();
  const page = await context.newPage();
  const app = originMap(lab.origins).app;
  const opened = new URL(app);
  opened.hostname = '127.0.0.1';
  expect(opened.origin).not.toBe(app);
  const shared = catalog.find((e) => e.id === 'simple-get-no-acao')!;
  const hash = experimentHash(shared);
  await page.goto(`${opened.origin}/${hash}`);
  await expect(page.getByRole('status', { name: 'lab status' })).toHaveText('ready');
  expect(page.url()).toBe(`${app}/${hash}`);
  await expect(page.getByRole('heading', { name: shared.title, level: 2 })).toBeVisible();

  const experiments = catalog.filter((e) => (SITE_GROUPS as readonly string[]).includes(e.group));
  expect(experiments.length).toBeGreaterThan(20);
  const rows = page.getByRole('list', { name: 'Log' }).getByTestId('log-row');
  const summary = page.getByTestId('run-summary');
  let ran = 0;
  for (const group of SITE_GROUPS) {
    const inGroup = experiments.filter((e) => e.group === group);
    await page.getByRole('button', { name: `Run ${inGroup.length}: group ${group}` }).click();
    ran += inGroup.length;
    await expect(rows).toHaveCount(ran, { timeout: paced(30_000) });
    await expect(summary).toContainText(`Ran ${inGroup.length}: `);
    await expect(summary).toContainText('; no disagreement between the model and the browser.');
    await expect(summary).not.toContainText('without an answer');
  }
  await expect(page.getByText('model and browser disagree')).toHaveCount(0);
  // Each row's verdict beside its id, in catalog order; ✔ pass, except where the experiment assumes browser settings
  // this browser keeps its own of (third-party cookies): its Expect may then fail, as in playground.spec.ts.
  await page.getByLabel('Order').selectOption({ label: 'catalog order' });
  const judged = (e: (typeof catalog)[number]) => (e.browser ? '(?:✔ pass|✘ fail)' : '✔ pass');
  const shown = (e: (typeof catalog)[number]) => `${LABEL[e.expect!.outcome!]}\\s*${judged(e)}\\s*${e.id}(?![\\w-])`;
  await expect(rows).toContainText(experiments.map((e) => new RegExp(shown(e))));
  await context.close();
});
