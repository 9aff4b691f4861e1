/**
 * Lesson 15 ("AlexNet") in a real browser. English carries the heavy interactions
 * (the widgets by keyboard, the address round trip); Korean gets a smoke pass
 * (text, axe, screenshots, 360 px).
 */
import type { Page } from '@playwright/test';
import { trainAFewBatchesThenPause } from './training-run.ts';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/alexnet/strings/index.ts';
import { original, originalOneTower, torchvision } from '../../components/widgets/alexnet/lesson-numbers.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';

const LANGS: Lang[] = ['en', 'ko'];
const en = STRINGS.en;

/** Opens the lesson and waits for every island to hydrate (each is scrolled into view). */
async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/alexnet/${query}`);
  for (const cls of ['.ax-split', '.cs-arch', '.cs-share', '.ax-lrn', '.cs-ilsvrc', '.training-run']) await page.locator(cls).first().scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

for (const lang of LANGS) {
  const t = STRINGS[lang];
  test.describe(`lesson 15 (${lang})`, () => {
    test('renders its text, widgets and math, passes axe, saves screenshots', async ({ page }) => {
      test.setTimeout(180_000);
      await open(page, lang);
      await expect(page.locator('h1')).toHaveText('AlexNet');
      await expect(page.locator('.katex-error')).toHaveCount(0);
      const table = page.getByTestId('split-table');
      await expect(table).toHaveAttribute('data-params', String(original.totalParams));
      await expect(table).toHaveAttribute('data-one-tower', String(originalOneTower.totalParams));
      await expect(table.locator('tbody tr')).toHaveCount(13);
      await expect(table.locator('tr[data-layer="conv3"]')).toHaveAttribute('data-role', 'crosses');
      await expect(table.locator('tr[data-layer="conv4"]')).toHaveAttribute('data-role', 'own-gpu');
      await expect(page.getByTestId('torchvision-params')).toHaveAttribute('data-params', String(torchvision.totalParams));
      await expect(page.getByTestId('conv1-steps')).toHaveAttribute('data-result', '55');
      await expect(page.getByTestId('lrn-effect')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('arch-alexnet-original')).toHaveAttribute('data-params', String(original.totalParams));
      await expect(page.getByTestId('share-chart').locator('svg rect').first()).toBeVisible();
      await expect(page.getByText(t.lrnTitle)).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `lesson-alexnet-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousA11yViolations(page);
    });

    test('fits a 360 px screen', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await open(page, lang);
      await expect(page.getByTestId('split-table')).toBeVisible();
      await expect(page.getByTestId('lrn-effect')).toBeVisible({ timeout: 30_000 });
      await screenshot(page, `lesson-alexnet-${lang}-360`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('lesson 15 widgets (en)', () => {
  test('work from the keyboard', async ({ page }) => {
    await open(page, 'en');
    // 224 by the radio group's arrow keys: conv1's windows stop fitting.
    await page.locator('.ax-split').getByRole('radio', { name: '227×227', exact: true }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('conv1-steps')).toHaveAttribute('data-result', '54');
    await expect(page.getByTestId('conv1-steps')).toHaveAttribute('data-exact', 'false');
    await expect(page.getByTestId('conv1-steps')).toContainText(en.notExact);
    await expect.poll(() => new URL(page.url()).searchParams.get('axIn')).toBe('224');
    // The table's region scrolls by keyboard.
    await page.getByRole('region', { name: en.tableLabel }).focus();
    await expect(page.getByRole('region', { name: en.tableLabel })).toBeFocused();

    // LRN: alpha 0 leaves only the division by k^beta (2^-0.75 = 59%).
    const effect = page.getByTestId('lrn-effect');
    await expect(effect).toBeVisible({ timeout: 30_000 });
    const strongest = Number(await effect.getAttribute('data-strongest'));
    const alpha = page.getByRole('textbox', { name: 'α', exact: true });
    await alpha.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('0');
    await page.keyboard.press('Tab');
    await expect(effect).toHaveAttribute('data-strongest', '59');
    expect(strongest).toBeLessThan(59);
    await expect.poll(() => new URL(page.url()).searchParams.get('lrA')).toBe('0');
    // Another map by the slider's arrow keys.
    const slider = page.getByRole('slider', { name: en.channel, exact: true });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('lrC')).toBe('1');
    // Back to the paper's values.
    await page.getByTestId('lrn-paper').focus();
    await page.keyboard.press('Enter');
    await expect(effect).not.toHaveAttribute('data-strongest', '59');
    await expect.poll(() => new URL(page.url()).searchParams.get('lrA')).toBe(null);
  });

  test.describe('address', () => {
    test.use({ expectedFailures: { abortedRequests: [/\/favicon\.svg$/] } });

    test('restores its settings from the address, and bad values fall back with a note', async ({ page }) => {
      await open(page, 'en', '?axIn=224&lrK=1&lrN=3&lrC=2');
      await expect(page.getByTestId('conv1-steps')).toHaveAttribute('data-result', '54');
      await expect(page.getByRole('textbox', { name: 'k', exact: true })).toHaveValue('1');
      await expect(page.getByRole('textbox', { name: 'n', exact: true })).toHaveValue('3');
      await expect(page.getByRole('slider', { name: en.channel, exact: true })).toHaveValue('2');

      await page.locator('.ax-split').getByRole('radio', { name: '224×224', exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => new URL(page.url()).searchParams.get('axIn')).toBe(null);
      await page.reload();
      await page.locator('.ax-lrn').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('conv1-steps')).toHaveAttribute('data-result', '55');
      await expect(page.getByRole('textbox', { name: 'n', exact: true })).toHaveValue('3');

      await open(page, 'en', '?axIn=300&lrN=2.5');
      await expect(page.getByTestId('split-rejected')).toHaveText(en.rejected('axIn'));
      await expect(page.getByTestId('lrn-rejected')).toHaveText(en.rejected('lrN'));
    });
  });
});

test.describe('lesson 15 (en): the mini AlexNet trains live', () => {
  test('a few batches, then Pause', async ({ page }) => {
    test.setTimeout(6 * 60_000);
    await open(page, 'en');
    await trainAFewBatchesThenPause(page);
  });
});
