/**
 * Lesson 7 ("Dilation") in a real browser. English carries the heavy interactions
 * (the widget by keyboard, the engine's refusal, the address round trip); Korean
 * gets a smoke pass (text, axe, screenshots, 360 px).
 */
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/dilation/strings/index.ts';
import { d1, d2, d3, gridding, plainStack, refusal } from '../../components/widgets/dilation/lesson-numbers.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';

const LANGS: Lang[] = ['en', 'ko'];
const en = STRINGS.en;

/** Opens the lesson, brings the widget into view (it hydrates when visible) and waits for it. */
async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/dilation/${query}`);
  await page.locator('.dl-explorer').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

for (const lang of LANGS) {
  const t = STRINGS[lang];
  test.describe(`lesson 7 (${lang})`, () => {
    test('renders its text, widget and math, passes axe, saves screenshots', async ({ page }) => {
      test.setTimeout(180_000);
      await open(page, lang);
      await expect(page.locator('h1')).toHaveText(lang === 'en' ? 'Dilation' : '팽창(dilation)');
      await expect(page.locator('.katex-error')).toHaveCount(0);
      await expect(page.locator('.lesson__body blockquote code').first()).toHaveText(refusal.message);
      // The default: a 3x3 kernel; the taps at dilation 1, 2, 3 and the gridding stack of the prose.
      for (const d of [d1, d2, d3]) {
        await expect(page.getByTestId(`taps-${d.dilation}-stats`)).toHaveText(t.tapsStats(d.field, d.params));
      }
      await expect(page.getByTestId('stack-stats')).toHaveText(t.stackStats(gridding.field, gridding.params));
      await expect(page.getByTestId('stack-seen')).toHaveText(t.stackSeen(gridding.seen, gridding.unseen));
      await expect(page.getByTestId('stack-map').locator('.dl-unseen')).toHaveCount(gridding.unseen);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `lesson-dilation-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousA11yViolations(page);
    });

    test('fits a 360 px screen', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      // English: the largest map; Korean: the engine's long refusal, which must wrap.
      if (lang === 'en') {
        await open(page, lang, '?dlK=5&dlD=2&dlL=3&dlN=32');
        await expect(page.getByTestId('stack-map')).toBeVisible();
      } else {
        await open(page, lang, '?dlK=5&dlD=2&dlL=3&dlN=12');
        await expect(page.getByTestId('stack-error')).toBeVisible();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('lesson 7 widget (en)', () => {
  test('works from the keyboard, and a stack too wide for its input shows the engine’s message', async ({ page }) => {
    await open(page, 'en');
    const dilation = page.getByRole('slider', { name: en.dilation, exact: true });
    // Tab from the top of the page to the widget's first slider, then on to the dilation.
    const kernel = page.getByRole('slider', { name: en.kernel, exact: true });
    await page.locator('body').focus();
    for (let i = 0; i < 200 && !(await kernel.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(kernel).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dilation).toBeFocused();
    // Dilation 1: the stack sees every pixel of its field.
    await page.keyboard.press('Home');
    await expect(page.getByTestId('stack-stats')).toHaveText(en.stackStats(plainStack.field, gridding.params));
    await expect(page.getByTestId('stack-seen')).toHaveText(en.stackAllSeen);
    await expect.poll(() => new URL(page.url()).searchParams.get('dlD')).toBe('1');
    // A 4x4 kernel: the weights follow the kernel, the field the kernel and the dilation.
    await kernel.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('taps-3-stats')).toHaveText(en.tapsStats(d3.dilation * (4 - 1) + 1, 4 * 4));

    // A small input: the engine refuses, in its own words, the layers that do not fit.
    const input = page.getByRole('textbox', { name: en.input, exact: true });
    await input.fill('7');
    await expect(page.getByTestId('taps-3-error')).toContainText("Kernel size can't be greater than actual input size");
    await expect(page.getByTestId('taps-1-stats')).toBeVisible();
    await expect(page.getByTestId('stack-error')).toContainText("Kernel size can't be greater than actual input size");
    // A value outside the field's range is refused by the field, with its rule.
    await input.fill('99');
    await expect(page.locator('.dl-explorer .cl-error')).toHaveText(en.inputRule(3, 32));
  });

  test.describe('address', () => {
    test.use({ expectedFailures: { abortedRequests: [/\/favicon\.svg$/] } });

    test('restores its settings from the address, and bad values fall back with a note', async ({ page }) => {
      await open(page, 'en', '?dlK=3&dlD=1&dlL=3&dlN=17');
      await expect(page.getByRole('slider', { name: en.dilation, exact: true })).toHaveValue('1');
      await expect(page.getByTestId('stack-seen')).toHaveText(en.stackAllSeen);

      await page.getByRole('slider', { name: en.layers, exact: true }).focus();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => new URL(page.url()).searchParams.get('dlL')).toBe('2');
      await page.reload();
      await page.locator('.dl-explorer').scrollIntoViewIfNeeded();
      await expect(page.getByRole('slider', { name: en.layers, exact: true })).toHaveValue('2');

      await open(page, 'en', '?dlD=9&dlK=x');
      await expect(page.getByTestId('rejected-note')).toHaveText(en.rejected('dlK, dlD'));
      await expect(page.getByRole('slider', { name: en.dilation, exact: true })).toHaveValue('2');
    });
  });
});
