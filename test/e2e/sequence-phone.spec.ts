/**
 * The sequence diagram on a 390 px phone (issue 16, item 4), in English and
 * Chinese: a drawing wider than the screen says so in a visible hint, and its
 * box is a tab stop whose arrow keys bring every lane into view.
 */
import { catalog } from '../../experiments/catalog/index.ts';
import { experimentHash } from '../../client/share/experiment-link.ts';
import { originMap } from '../../plan/origins.ts';
import { expect, test } from './lab-fixture.ts';

const PREFLIGHTED = catalog.find((e) => e.id === 'preflight-put-allowed')!;
const WORDS = {
  en: {
    group: /^Predicted by the model.* \(scrolls sideways\)$/,
    hint: '↔ Wider than this screen: swipe the diagram sideways, or focus it and press the arrow keys, to see all 3 lanes.',
    page: 'page (app)',
  },
  'zh-CN': {
    group: /^模型的预测.*（可横向滚动）$/,
    hint: '↔ 图比屏幕宽：横向滑动这张图，或让它获得焦点后按方向键，即可看到全部 3 条泳道。',
    page: '页面（app）',
  },
} as const;

for (const lang of ['en', 'zh-CN'] as const) {
  test(`${lang}, 390 px: the diagram says it scrolls, and the keyboard brings its last lane into view`, async ({ lab, page }) => {
    const words = WORDS[lang];
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${originMap(lab.origins).app}/?lang=${lang}${experimentHash(PREFLIGHTED)}`);
    const diagram = page.getByRole('group', { name: words.group });
    await expect(diagram).toBeVisible();
    await expect(page.getByText(words.hint)).toBeVisible();
    await expect(diagram).toHaveAccessibleDescription(words.hint);
    const first = diagram.getByText(words.page, { exact: true });
    const last = diagram.getByText('api', { exact: true });
    await diagram.scrollIntoViewIfNeeded();
    await expect(first).toBeInViewport();
    await expect(last).not.toBeInViewport();

    // A tab stop (tabindex 0); once focused, the arrow keys scroll it.
    await expect(diagram).toHaveAttribute('tabindex', '0');
    await diagram.focus();
    await expect(diagram).toBeFocused();
    // Press by press, as a learner does; each press scrolls a little, so no back-off between them.
    await expect(async () => {
      await page.keyboard.press('ArrowRight');
      await expect(last).toBeInViewport({ timeout: 100 });
    }).toPass({ timeout: 30_000, intervals: [0] });
    // The page itself never scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
}

test('1280 px: a diagram that fits gives no hint and does not claim to scroll', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${originMap(lab.origins).app}/${experimentHash(PREFLIGHTED)}`);
  const diagram = page.getByRole('region', { name: 'Prediction' }).getByRole('group', { name: /^Predicted by the model/ });
  await expect(diagram.getByText('api', { exact: true })).toBeVisible();
  await expect(diagram).not.toHaveAccessibleName(/scrolls sideways/);
  await expect(page.getByText(/Wider than this screen/)).toHaveCount(0);
});
