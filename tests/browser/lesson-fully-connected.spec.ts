/**
 * Lesson 12 ("The fully connected head and the whole ConvNet") in a real browser.
 * English carries the heavy interactions (both widgets by keyboard, the engine's
 * refusal, the address round trip, the link to the explorer); Korean gets a smoke pass
 * (text, axe, screenshots, 360 px).
 */
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/fully-connected/strings/index.ts';
import { PRESETS, TINY, TRAINING, defaultStack, flattenBug, pictures, traceStack } from '../../components/widgets/fully-connected/model.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';

// The lesson's numbers, from the same model the lesson-numbers module uses (that module
// reads the explorer's example through Vite, which Playwright's loader does not run).
function traced(config: Parameters<typeof traceStack>[0]) {
  const r = traceStack(config);
  if (!r.ok) throw new Error(r.message);
  return r;
}
const baseRun = traced(defaultStack());
const base = { ...defaultStack(), totalParams: baseRun.totalParams, totalMacs: baseRun.totalMacs, flat: baseRun.flatLength! };
const allConvRun = traced(PRESETS.allConv());
const bigFiltersRun = traced(PRESETS.bigFilters());
const allConv = { totalParams: allConvRun.totalParams, totalMacs: allConvRun.totalMacs };
const refusalRun = traceStack({ ...defaultStack(), size: 8, m: 4 });
if (refusalRun.ok) throw new Error('expected a refusal');
const refusal = { size: 8, m: 4, block: 4, message: refusalRun.message };
const bug = flattenBug();
const head = { pictures: pictures().length, flat: TINY.filters * (TINY.size / TINY.pool) ** 2 };

const LANGS: Lang[] = ['en', 'ko'];
const en = STRINGS.en;
const fmt = (lang: Lang, n: number) => new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US').format(n);

/** Opens the lesson, brings both widgets into view (they hydrate when visible) and waits for them. */
async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/fully-connected/${query}`);
  await page.locator('.fc-head').scrollIntoViewIfNeeded();
  await page.locator('.fc-builder').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

for (const lang of LANGS) {
  const t = STRINGS[lang];
  test.describe(`lesson 12 (${lang})`, () => {
    test('renders its text, widgets and math, trains the head, passes axe, saves screenshots', async ({ page }) => {
      test.setTimeout(180_000);
      await open(page, lang);
      await expect(page.locator('h1')).toHaveText(lang === 'en' ? 'The fully connected head and the whole ConvNet' : '완전 연결 계층 헤드와 ConvNet 전체');
      await expect(page.locator('.katex-error')).toHaveCount(0);
      await expect(page.locator('.lesson__body blockquote code').first()).toHaveText(refusal.message);
      await expect(page.locator('.lesson__body blockquote code').nth(1)).toHaveText(bug.message);
      // The head trains in the page, then shows every stage for the first picture.
      await expect(page.getByTestId('head-status')).toHaveText(`${t.trained(TRAINING.steps)} ${t.weightsNote}`, { timeout: 60_000 });
      await expect(page.getByTestId('head-flat')).toHaveAttribute('aria-label', t.flatAria(head.flat));
      await expect(page.getByTestId('head-flat').locator('rect')).toHaveCount(head.flat);
      await expect(page.getByTestId('head-verdict')).toContainText('X');
      // The builder's default is the lesson's starting stack.
      await expect(page.getByTestId('stack-totals')).toHaveText(t.totals(fmt(lang, base.totalParams), fmt(lang, base.totalMacs)));
      await expect(page.getByTestId('stack-flat')).toHaveText(t.flatLine(fmt(lang, base.flat)));
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `lesson-fully-connected-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousA11yViolations(page);
    });

    test('fits a 360 px screen', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      if (lang === 'en') {
        // The widest table: five blocks of five 7×7 convolutions, two hidden FC layers, a big picture.
        await open(page, lang, '?fcN=5&fcM=5&fcK=2&fcS=256&fcF=7');
        await expect(page.getByTestId('stack-totals')).toBeVisible();
      } else {
        await open(page, lang, `?fcS=${refusal.size}&fcM=${refusal.m}`);
        await expect(page.getByTestId('stack-error')).toBeVisible();
      }
      await expect(page.getByTestId('head-status')).toBeVisible({ timeout: 60_000 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('lesson 12 widgets (en)', () => {
  test('the head explorer works from the keyboard', async ({ page }) => {
    await open(page, 'en');
    await expect(page.getByTestId('head-status')).toBeVisible({ timeout: 60_000 });
    const select = page.getByTestId('picture-select');
    await page.locator('body').focus();
    for (let i = 0; i < 200 && !(await select.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(select).toBeFocused();
    // The last picture is an O: the network says so.
    await page.keyboard.press('End');
    await expect(select).toHaveValue(String(head.pictures - 1));
    await expect(page.getByTestId('head-verdict')).toContainText('O');
    await expect.poll(() => new URL(page.url()).searchParams.get('fcP')).toBe(String(head.pictures - 1));
  });

  test('the builder works from the keyboard; pooling a 1×1 map away shows the engine’s message; the trends', async ({ page }) => {
    await open(page, 'en');
    const n = page.getByRole('slider', { name: en.n, exact: true });
    const m = page.getByRole('slider', { name: en.m, exact: true });
    const k = page.getByRole('slider', { name: en.k, exact: true });
    await page.locator('body').focus();
    for (let i = 0; i < 250 && !(await n.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(n).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(m).toBeFocused();
    // M = 0: no convolution at all, the picture goes straight to the head.
    await page.keyboard.press('Home');
    await expect(page.getByTestId('recipe')).toHaveText('(FC-RELU)×1 − FC − SOFTMAX');
    await expect(page.getByTestId('stack-flat')).toHaveText(en.flatLine(fmt('en', 3 * base.size * base.size)));

    // A small picture and four pooled blocks: the engine refuses at block 4's pool.
    const size = page.getByRole('textbox', { name: en.size, exact: true });
    await size.fill(String(refusal.size));
    await m.focus();
    for (let i = 0; i < refusal.m; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('stack-error')).toContainText(refusal.message);
    await expect(page.getByTestId('stack-error')).toContainText(en.role({ kind: 'pool', block: refusal.block }));
    await expect(page.getByTestId('failed-row')).toBeVisible();
    await size.fill('99999');
    await expect(page.locator('.fc-builder .cl-error')).toHaveText(en.sizeRule(4, 256));

    // Back to the starting stack, then the all-convolutional version by arrow keys on the radio groups.
    await size.fill(String(base.size));
    await m.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('stack-totals')).toHaveText(en.totals(fmt('en', base.totalParams), fmt('en', base.totalMacs)));
    await page.getByRole('radio', { name: en.downsamples.pool, exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: en.downsamples.stride, exact: true })).toBeChecked();
    await page.getByRole('radio', { name: en.heads.fc, exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: en.heads.gap, exact: true })).toBeChecked();
    await expect(k).toBeDisabled();
    await expect(page.getByTestId('stack-totals')).toHaveText(en.totals(fmt('en', allConv.totalParams), fmt('en', allConv.totalMacs)));
    await expect(page.getByTestId('stack-flat')).toHaveText(en.noFlatLine);
    await expect.poll(() => new URL(page.url()).searchParams.get('fcH')).toBe('gap');
    await expect(page.getByTestId('preset-allConv')).toHaveAttribute('aria-pressed', 'true');

    // The presets, by keyboard: the usual stack, then bigger filters in fewer layers.
    await page.getByTestId('preset-classic').focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('stack-totals')).toHaveText(en.totals(fmt('en', base.totalParams), fmt('en', base.totalMacs)));
    await expect(k).toBeEnabled();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('preset-bigFilters')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('stack-totals')).toHaveText(en.totals(fmt('en', bigFiltersRun.totalParams), fmt('en', bigFiltersRun.totalMacs)));
    await expect(page.getByTestId('stack-field')).toHaveText(en.fieldLine(baseRun.receptiveField));
    await expect(page.getByRole('radio', { name: en.kernelOption(5), exact: true })).toBeChecked();
  });

  test('the link opens the lesson’s network in the explorer with a batch of two, its error shown', async ({ page }) => {
    await open(page, 'en');
    await page.getByRole('link', { name: 'network explorer', exact: true }).click();
    await expect(page).toHaveURL(/\/en\/explorer\/\?code=/);
    expect(new URL(page.url()).searchParams.get('input')).toBe('2,3,256,256');
    await expect(page.locator('.cm-content')).toContainText('class SimpleCNN');
    await expect(page.getByText('mat1 and mat2 shapes cannot be multiplied', { exact: false }).first()).toBeVisible();
  });

  test.describe('address', () => {
    test.use({ expectedFailures: { abortedRequests: [/\/favicon\.svg$/] } });

    test('restores both widgets from the address, and bad values fall back with a note', async ({ page }) => {
      await open(page, 'en', '?fcN=1&fcM=2&fcK=0&fcS=64&fcF=5&fcD=none&fcH=fc&fcP=7');
      await expect(page.getByRole('slider', { name: en.n, exact: true })).toHaveValue('1');
      await expect(page.getByRole('radio', { name: en.kernelOption(5), exact: true })).toBeChecked();
      await expect(page.getByRole('radio', { name: en.downsamples.none, exact: true })).toBeChecked();
      await expect(page.getByTestId('recipe')).toHaveText('[(CONV-RELU)×1]×2 − FC − SOFTMAX');
      await expect(page.getByTestId('picture-select')).toHaveValue('7');

      await page.getByRole('slider', { name: en.k, exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => new URL(page.url()).searchParams.get('fcK')).toBe('1');
      await page.reload();
      await page.locator('.fc-builder').scrollIntoViewIfNeeded();
      await expect(page.getByRole('slider', { name: en.k, exact: true })).toHaveValue('1');
      await expect(page.getByRole('slider', { name: en.n, exact: true })).toHaveValue('1');

      await open(page, 'en', '?fcN=9&fcH=mlp');
      await expect(page.getByTestId('rejected-note')).toHaveText(en.rejected('fcN, fcH'));
      await expect(page.getByRole('slider', { name: en.n, exact: true })).toHaveValue(String(base.n));
    });
  });
});
