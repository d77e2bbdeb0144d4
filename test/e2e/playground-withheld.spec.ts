/**
 * A playground run whose plan sets a cookie, in real Chromium as a learner
 * runs it: the run gets an id the lab issued (so its own fetch receives the
 * cookie and the `then` step sends it back, as the model predicts), and the
 * timeline shows which planned lines the lab changed and why
 * (plan/lasting-headers.ts). Screenshots per view go to tmp/shots/ (shots-folder.ts).
 */
import { experimentHash } from '../../client/share/experiment-link.ts';
import { templates } from '../../client/i18n/zh-CN/index.ts';
import { catalog } from '../../experiments/catalog/index.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';
import { READER_VIEWS, shot } from './shots-folder.ts';

const EXPERIMENT = catalog.find((e) => e.id === 'credentials-cookie-sent-include')!;

const zh = (id: keyof typeof templates): string => {
  const text = templates[id];
  if (typeof text !== 'string') throw new Error(`${id} is not a plain message`);
  return text;
};
const WORDS = {
  en: { ready: 'ready', status: 'lab status', run: 'Run this experiment', timeline: 'Timeline', withheld: 'The lab changed or held back lines that would outlive the response:', cookie: 'with a cookie', disagree: '⚠ model and browser disagree' },
  'zh-CN': { ready: zh('app.status-ready'), status: zh('app.status-label'), run: zh('app.run'), timeline: zh('timeline.label'), withheld: zh('timeline.withheld'), cookie: zh('timeline.cookie').slice(1), disagree: zh('log.disagree') },
} as const;

// The reader views (shots-folder.ts), and Chinese at full width too.
const VIEWS = [...READER_VIEWS, { name: 'zh-CN-1280', width: 1280, lang: 'zh-CN', dark: false, presenter: false }] as const;

for (const view of VIEWS) {
  test(`${view.name}: a run's cookie comes back on its then step, and the timeline says how the lab held it to the run`, async ({ lab, page }) => {
    const words = WORDS[view.lang];
    await page.setViewportSize({ width: view.width, height: 900 });
    await page.goto(`${originMap(lab.origins).app}/${view.lang === 'en' ? '' : '?lang=zh-CN'}${experimentHash(EXPERIMENT)}`);
    await expect(page.getByRole('status', { name: words.status })).toHaveText(words.ready);
    if (view.presenter) await page.getByRole('button', { name: 'Presenter mode' }).click();
    if (view.dark) await page.getByRole('button', { name: 'Dark theme' }).click();
    await page.getByRole('button', { name: words.run }).click();
    const row = page.getByTestId('log-row').filter({ hasText: EXPERIMENT.id }).first();
    await row.getByText(EXPERIMENT.id).click();
    const [first, then] = [row.getByRole('list', { name: words.timeline }).first(), row.getByRole('list', { name: words.timeline }).nth(1)];
    await expect(first).toContainText(words.withheld);
    await expect(first).toContainText(/Set-Cookie: session=abc123; SameSite=Lax; Max-Age=600; Priority=Low/);
    await expect(first).toContainText(/no lifetime \(a session cookie lives until the browser quits\): Max-Age=600/);
    // The cookie came back: the run's id was issued by the lab, so its own fetch got the cookie.
    await expect(then).toContainText(words.cookie);
    await expect(row).not.toContainText(words.disagree);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth, 'page width').toBeLessThanOrEqual(clientWidth);
    await first.scrollIntoViewIfNeeded();
    await shot(page, `nav-${view.name}.png`);
  });
}
