/**
 * Issue 8's words: a Korean reader meets Korean, and no copy is cryptic or wrong.
 * - /ko/… addresses that do not exist answer with Korean first and a Korean header;
 * - Observable Plot's part names (aria-label "x-axis tick") are Korean on Korean pages;
 * - lesson 2's filter buttons say what they do, and an exact division is not "≈";
 * - the About page does not credit photos to a lesson that does not exist.
 */
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { ui } from '../../src/i18n/ui.ts';
import { STRINGS as CONV } from '../../components/widgets/convolution/strings/index.ts';

test.describe('issue 8: a Korean 404', () => {
  test.use({ expectedFailures: { httpErrors: [{ url: /\/no-such-page\/$/, status: 404 }] } });

  test('/ko/ addresses answer in Korean first, header included', async ({ page }) => {
    const response = await page.goto('/ko/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.locator('h1')).toHaveText('페이지를 찾을 수 없습니다');
    await expect(page.locator('main section').first()).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('heading', { name: 'Page not found', level: 2 })).toBeVisible();
    await expect(page.locator('.site-header')).toContainText(ui.ko.search);
    await expect(page.locator('.site-header')).not.toContainText(ui.en.search);
    await expect(page.locator('.site-header a.brand')).toHaveAttribute('href', '/ko/');
    await expect(page.locator('.site-footer')).toContainText(ui.ko.about);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '404-ko');
  });

  test('other addresses keep English first', async ({ page }) => {
    await page.goto('/en/no-such-page/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('h1')).toHaveText('Page not found');
  });
});

test('Plot charts on Korean pages name their parts in Korean', async ({ page }) => {
  await page.goto('/ko/lessons/training/');
  await page.locator('.training').scrollIntoViewIfNeeded();
  const chart = page.locator('.training .cl-plot svg').first();
  await expect(chart).toBeVisible({ timeout: 30_000 });
  const labels = await page.locator('.cl-plot [aria-label]').evaluateAll((parts) => parts.map((p) => p.getAttribute('aria-label') ?? ''));
  expect(labels.length).toBeGreaterThan(0);
  expect(labels.filter((label) => /axis|tick|line|frame|rule|dot/.test(label))).toEqual([]);
  expect(labels).toContain('x축 눈금');
});

test('lesson 2: filter buttons say what they do, and 9/9 is exactly 1', async ({ page }) => {
  for (const lang of ['en', 'ko'] as const) {
    await page.goto(`/${lang}/lessons/convolution/`);
    await page.locator('.conv-widget').first().scrollIntoViewIfNeeded();
    await expect(page.getByRole('button', { name: CONV[lang].explainFilter(1) })).toBeVisible();
    expect(CONV[lang].sumLine('9', '9/9', '1.00', true)).toContain('9/9 = 1.00');
    expect(CONV[lang].sumLine('7', '7/9', '0.78', false)).toContain('7/9 ≈ 0.78');
  }
});

test('the About page does not credit photos to a lesson that does not exist', async ({ page }) => {
  for (const lang of ['en', 'ko'] as const) {
    await page.goto(`/${lang}/about/`);
    await expect(page.locator('main')).toContainText(ui[lang].imageCreditsIntro);
    await expect(page.locator('main')).not.toContainText(/image-kernel lessons|이미지 커널 강의에 쓰인/);
  }
});

test('Korean readouts are not letter-spaced', async ({ page }) => {
  await page.goto('/ko/lessons/convolution/');
  const channels = page.locator('.conv-depth-channels').first();
  await channels.scrollIntoViewIfNeeded();
  await expect(channels).toBeVisible({ timeout: 30_000 });
  expect(await channels.evaluate((el) => getComputedStyle(el).letterSpacing)).toBe('normal');
});
