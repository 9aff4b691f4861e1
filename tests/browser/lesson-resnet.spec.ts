/**
 * Lesson 17 ("ResNet") in a real browser. English carries the heavy interactions
 * (a short degradation run that draws both kinds of curve, Stop, the block
 * stepper and the bottleneck by keyboard, the address round trip); Korean gets a
 * smoke pass (text, axe, screenshots, 360 px).
 */
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/resnet/strings/index.ts';
import { compareBottleneck } from '../../components/widgets/resnet/model.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';

const LANGS: Lang[] = ['en', 'ko'];
const en = STRINGS.en;

async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/resnet/${query}`);
  for (const cls of ['.rn-lab', '.rn-block', '.rn-bottle']) await page.locator(cls).scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

for (const lang of LANGS) {
  const t = STRINGS[lang];
  test.describe(`lesson 17 (${lang})`, () => {
    test('renders its text, widgets and the recorded run, passes axe, saves screenshots', async ({ page }) => {
      test.setTimeout(180_000);
      await open(page, lang);
      await expect(page.locator('h1')).toHaveText('ResNet');
      await expect(page.locator('.katex-error')).toHaveCount(0);
      await expect(page.getByTestId('recorded-chart').locator('svg')).toBeVisible();
      await expect(page.getByTestId('recorded-chart')).toHaveAttribute('data-curves', '6');
      await expect(page.getByTestId('dg-status')).toHaveText(t.liveIdle);
      await expect(page.getByTestId('blk-step')).toContainText(t.stageNames.x);
      await expectNoSeriousA11yViolations(page);
      await page.locator('.rn-lab').scrollIntoViewIfNeeded();
      await screenshot(page, `lesson-resnet-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousA11yViolations(page);
    });

    test('fits a 360 px screen', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await open(page, lang, '?blk=8&bn-c=512');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('lesson 17 widgets (en)', () => {
  test('a short degradation run draws plain and residual curves; Stop stops a run', async ({ page }) => {
    test.setTimeout(240_000);
    await open(page, 'en', '?dg-steps=10');
    const train = page.getByTestId('dg-train');
    await train.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('dg-stop')).toBeVisible();
    await expect(page.getByTestId('dg-status')).toHaveAttribute('data-phase', 'done', { timeout: 200_000 });
    await expect(page.getByTestId('live-chart')).toHaveAttribute('data-curves', '6');
    await expect(page.getByTestId('live-chart').locator('svg')).toBeVisible();
    await expect(page.getByTestId('dg-table').locator('tbody td:last-child').filter({ hasText: '—' })).toHaveCount(0);
    await screenshot(page, 'lesson-resnet-live-en');
    // Start again and stop at once.
    await page.getByTestId('dg-train').click();
    await page.getByTestId('dg-stop').click();
    await expect(page.getByTestId('dg-status')).toHaveText(en.stopped);
  });

  test('block stepper and bottleneck work from the keyboard and restore from the address', async ({ page }) => {
    await open(page, 'en');
    const next = page.getByTestId('blk-next');
    await next.focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('Enter');
    await expect(page.getByTestId('blk-step')).toContainText(en.stageNames.sum);
    await expect(page.getByTestId('blk-current-shape')).toHaveText(en.shape('[1, 2, 4, 4]'));
    await expect.poll(() => new URL(page.url()).searchParams.get('blk')).toBe('7');

    const field = page.getByRole('textbox', { name: en.channels });
    await field.fill('32');
    await field.press('Enter');
    const r = compareBottleneck(32, 56);
    await expect(page.getByTestId('bn-bottle-params')).toHaveText(r.bottleneck.params.toLocaleString('en'));
    await expect(page.getByTestId('bn-two-params')).toHaveText(r.twoConvs.params.toLocaleString('en'));
    await expect.poll(() => new URL(page.url()).searchParams.get('bn-c')).toBe('32');

    await page.reload();
    await open(page, 'en', `?${new URL(page.url()).searchParams.toString()}`);
    await expect(page.getByTestId('blk-step')).toContainText(en.stageNames.sum);
    await expect(page.getByTestId('bn-bottle-params')).toHaveText(r.bottleneck.params.toLocaleString('en'));
  });

  test('an unusable address value is named and replaced by the default', async ({ page }) => {
    await open(page, 'en', '?dg-steps=abc');
    await expect(page.getByTestId('rejected-note')).toContainText('dg-steps');
  });
});
