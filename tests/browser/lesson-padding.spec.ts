/**
 * Lesson 5 ("Padding") in a real browser. English carries the heavy interactions
 * (every widget by keyboard, the engine's refusals, the photograph's pixels, the
 * address round trip); Korean gets a smoke pass (text, axe, screenshots, 360 px).
 */
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/padding/strings/index.ts';
import { counts, gridCorner, refusals, same } from '../../components/widgets/padding/lesson-numbers.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';

const LANGS: Lang[] = ['en', 'ko'];
const en = STRINGS.en;

/** Opens the lesson, brings every widget into view (they hydrate when visible) and waits for them. */
async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/padding/${query}`);
  for (const widget of ['.pd-explorer', '.pd-counts', '.pd-same']) await page.locator(widget).scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** The first number printed in a padded grid (its top-left cell). */
async function firstCell(page: Page, mode: string): Promise<string> {
  return (await page.getByTestId(`padded-${mode}`).locator('text').first().textContent()) ?? '';
}

/** Mean brightness (0..255) of a canvas's outermost ring of pixels. */
async function borderBrightness(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { width, height } = canvas;
    const data = canvas.getContext('2d')!.getImageData(0, 0, width, height).data;
    let total = 0;
    let n = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (x > 0 && y > 0 && x < width - 1 && y < height - 1) continue;
        total += data[4 * (y * width + x)];
        n++;
      }
    }
    return total / n;
  });
}

for (const lang of LANGS) {
  const t = STRINGS[lang];
  test.describe(`lesson 5 (${lang})`, () => {
    test('renders its text, widgets and math, passes axe, saves screenshots', async ({ page }) => {
      test.setTimeout(180_000);
      await open(page, lang);
      await expect(page.locator('h1')).toHaveText(lang === 'en' ? 'Padding' : '패딩');
      await expect(page.locator('.katex-error')).toHaveCount(0);
      // The prose quotes the engine's refusals word for word.
      await expect(page.locator('.lesson__body blockquote code').first()).toHaveText(refusals.same);
      // The explorer's default: padding 1, each mode's corner copied from the pixel the prose names.
      for (const mode of ['zeros', 'reflect', 'replicate', 'circular'] as const) {
        expect(await firstCell(page, mode)).toBe(String(gridCorner[mode]));
      }
      await expect(page.getByTestId('photo-output-zeros')).toBeVisible();
      await expect(page.getByTestId('same-split')).toHaveText(t.sameSplit(same.even.before, same.even.after));
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `lesson-padding-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousA11yViolations(page);
    });

    test('fits a 360 px screen', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await open(page, lang, '?padP=6');
      await expect(page.getByTestId('refused-reflect')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('lesson 5 widgets (en)', () => {
  test('every widget works from the keyboard, and bad settings show the engine’s message', async ({ page }) => {
    await open(page, 'en');
    const amount = page.getByRole('slider', { name: en.amountLabel, exact: true });
    // Tab from the top of the page to the explorer's slider.
    await page.locator('body').focus();
    for (let i = 0; i < 200 && !(await amount.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(amount).toBeFocused();
    // Zero padding darkens the photograph's border; reflect keeps it bright.
    await expect(page.getByTestId('photo-output-reflect')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(amount).toHaveValue('3');
    expect(await borderBrightness(page, 'photo-output-zeros')).toBeLessThan(await borderBrightness(page, 'photo-output-reflect'));
    // As wide as the grid: reflect is refused with the engine's words, the others still run.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('refused-reflect')).toContainText(refusals.reflect);
    await expect(page.getByTestId('output-circular')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('refused-circular')).toContainText(refusals.circular);
    await expect(page.getByTestId('output-zeros')).toBeVisible();
    // Another photograph, chosen with the arrow keys, is loaded and padded too.
    await page.locator('.pd-explorer').getByRole('radio', { name: en.photos.camera }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.pd-explorer').getByRole('radio', { name: en.photos.astronaut })).toBeChecked();
    await expect.poll(() => new URL(page.url()).searchParams.get('padImg')).toBe('astronaut');
    await expect(page.getByTestId('photo-output-replicate')).toBeVisible();

    // The heat map: a bigger kernel, then padding 2 (kernel − 1 for a 3x3) makes every count equal.
    const heat = page.locator('.pd-counts');
    const kernel = heat.getByRole('slider', { name: en.countsKernel, exact: true });
    await kernel.focus();
    await expect(page.getByTestId('counts-without-summary')).toHaveText(en.countsSummary(counts.none.corner, counts.none.max));
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('counts-with-summary')).toHaveText(en.countsSummary(counts.full.corner, counts.full.max));
    // A kernel larger than the input without padding: the engine's own refusal.
    await kernel.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const size = heat.getByRole('slider', { name: en.countsSize, exact: true });
    await size.focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('counts-without-error')).toContainText("Kernel size can't be greater than actual input size");

    // 'same': an odd kernel splits evenly; stride 2 is refused.
    const sameKernel = page.locator('.pd-same').getByRole('slider', { name: en.sameKernel, exact: true });
    await sameKernel.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('same-split')).toHaveText(en.sameSplit(same.odd.before, same.odd.after));
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('same-split')).toHaveText(en.sameSplit(same.oddDilated.before, same.oddDilated.after));
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('same-error')).toContainText(refusals.same);
  });

  test.describe('address', () => {
    test.use({ expectedFailures: { abortedRequests: [/\/favicon\.svg$/] } });

    test('every widget restores its settings from the address, and bad values fall back with a note', async ({ page }) => {
      await open(page, 'en', '?padP=5&padImg=coffee&pcN=6&pcK=3&pcP=2&psK=2&psD=3&psS=1');
      await expect(page.getByRole('slider', { name: en.amountLabel, exact: true })).toHaveValue('5');
      await expect(page.getByRole('radio', { name: en.photos.coffee })).toBeChecked();
      await expect(page.getByTestId('refused-reflect')).toContainText(refusals.reflect);
      await expect(page.getByTestId('counts-with-summary')).toHaveText(en.countsSummary(counts.full.corner, counts.full.max));
      await expect(page.getByTestId('same-split')).toHaveText(en.sameSplit(same.evenDilatedOdd.before, same.evenDilatedOdd.after));

      // A change is written back to the address and survives a reload.
      await page.getByRole('slider', { name: en.sameDilation, exact: true }).focus();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => new URL(page.url()).searchParams.get('psD')).toBe('2');
      await page.reload();
      await page.locator('.pd-same').scrollIntoViewIfNeeded();
      await expect(page.getByRole('slider', { name: en.sameDilation, exact: true })).toHaveValue('2');

      await open(page, 'en', '?padP=9&psK=x');
      await expect(page.locator('.pd-explorer').getByTestId('rejected-note')).toHaveText(en.rejected('padP'));
      await expect(page.locator('.pd-same').getByTestId('rejected-note')).toHaveText(en.rejected('psK'));
      await expect(page.getByRole('slider', { name: en.amountLabel, exact: true })).toHaveValue('1');
    });
  });
});
