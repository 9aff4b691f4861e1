/**
 * Lesson 16 ("VGG") in a real browser. English carries the heavy interactions
 * (the widgets by keyboard, the address round trip); Korean gets a smoke pass
 * (text, axe, screenshots, 360 px).
 */
import type { Page } from '@playwright/test';
import { trainAFewBatchesThenPause } from './training-run.ts';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/vgg/strings/index.ts';
import { example, three, two, vgg16 } from '../../components/widgets/vgg/lesson-numbers.ts';
import { STRINGS as CASE } from '../../components/widgets/case-studies/strings/index.ts';
import { describeArchitecture, tableRows } from '../../components/widgets/case-studies/model.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';

const LANGS: Lang[] = ['en', 'ko'];
const en = STRINGS.en;
const cs = CASE.en;
/** Rows of a model's table: the input, then every layer that adds parameters, compute or memory. */
const rowCount = (key: Parameters<typeof describeArchitecture>[0]) => tableRows(describeArchitecture(key)).length + 1;

/** Opens the lesson and waits for every island to hydrate (each is scrolled into view). */
async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/vgg/${query}`);
  for (const cls of ['.vg-stack', '.vg-configs', '.cs-arch', '.cs-share', '.training-run']) await page.locator(cls).scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

for (const lang of LANGS) {
  const t = STRINGS[lang];
  test.describe(`lesson 16 (${lang})`, () => {
    test('renders its text, widgets and math, passes axe, saves screenshots', async ({ page }) => {
      test.setTimeout(180_000);
      await open(page, lang);
      await expect(page.locator('h1')).toHaveText('VGG');
      await expect(page.locator('.katex-error')).toHaveCount(0);
      // The default: three 3x3 layers against one 7x7 at C = 64.
      await expect(page.getByTestId('stack-field')).toHaveText(t.field(three.field));
      await expect(page.getByTestId('big-field')).toHaveText(t.field(three.kernel));
      await expect(page.getByTestId('stack-costs')).toHaveAttribute('data-weights', example.stackWeights.replaceAll(',', ''));
      await expect(page.getByTestId('big-costs')).toHaveAttribute('data-weights', example.bigWeights.replaceAll(',', ''));
      await expect(page.getByTestId('stack-verdict')).toHaveText(t.verdict(example.savedPercent));
      // The configurations and VGG-16's budget.
      await expect(page.getByTestId('params-vgg16')).toHaveAttribute('class', /vg-num/);
      const table = page.getByTestId('arch-vgg16');
      await expect(table).toHaveAttribute('data-params', vgg16.params.replaceAll(',', ''));
      await expect(table.getByTestId('arch-table').locator('tbody tr')).toHaveCount(rowCount('vgg16'));
      // The chart of where parameters and compute sit: bars and a per-layer line, drawn by Plot.
      await expect(page.getByTestId('share-chart').locator('svg rect').first()).toBeVisible();
      expect(await page.getByTestId('share-chart').locator('svg rect').count()).toBeGreaterThanOrEqual(4);
      expect(await page.getByTestId('layer-chart').locator('svg circle').count()).toBeGreaterThanOrEqual(4);
      await expect(page.getByTestId('share-list').locator('li')).toHaveCount(4);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `lesson-vgg-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousA11yViolations(page);
    });

    test('fits a 360 px screen', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await open(page, lang, '?csM=vgg19&csB=64&csC=1');
      await expect(page.getByTestId('arch-vgg19').getByTestId('arch-table')).toBeVisible();
      await expect(page.getByTestId('arch-mini-vgg')).toBeVisible();
      await screenshot(page, `lesson-vgg-${lang}-360`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('lesson 16 widgets (en)', () => {
  test('work from the keyboard', async ({ page }) => {
    await open(page, 'en');
    const depth = page.getByRole('slider', { name: en.depth, exact: true });
    await page.locator('body').focus();
    for (let i = 0; i < 200 && !(await depth.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(depth).toBeFocused();
    // Two layers: 5x5 against one 5x5, 18C² against 25C².
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('stack-field')).toHaveText(en.field(two.field));
    await expect(page.getByTestId('stack-costs')).toContainText(`(${two.stackCoef}C²)`);
    await expect(page.getByTestId('big-costs')).toContainText(`(${two.bigCoef}C²)`);
    await expect.poll(() => new URL(page.url()).searchParams.get('vgN')).toBe('2');
    // One layer: both sides are the same layer.
    await page.keyboard.press('Home');
    await expect(page.getByTestId('stack-verdict')).toHaveText(en.verdictEqual);
    // C = 128 by the radio group's arrow keys: weights scale with C².
    await page.getByRole('group', { name: en.channels }).getByRole('radio', { name: '64', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('stack-costs')).toHaveAttribute('data-weights', String(9 * 128 * 128));
    await expect(page.getByTestId('stack-costs')).toHaveAttribute('data-biases', '128');

    // The table at batch 64, from the keyboard.
    const batch64 = page.locator('.cs-arch').getByRole('group', { name: cs.batch, exact: true }).getByRole('radio', { name: '64', exact: true });
    await page.locator('.cs-arch').getByRole('group', { name: cs.batch, exact: true }).getByRole('radio', { name: '1', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(batch64).toBeChecked();
    await expect.poll(() => new URL(page.url()).searchParams.get('csB')).toBe('64');
    const r16 = describeArchitecture('vgg16');
    const mb = ((r16.activationBytes * 64) / 1e6).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    await expect(page.getByTestId('arch-vgg16').getByTestId('arch-table').locator('tfoot')).toContainText(mb);
    // Another configuration, and the mini-VGG beside it (Space on the checkbox).
    await page.locator('.cs-arch').getByRole('group', { name: cs.model, exact: true }).getByRole('radio', { name: 'VGG-19', exact: true }).check();
    await expect(page.getByTestId('arch-vgg19')).toHaveAttribute('data-params', String(describeArchitecture('vgg19').totalParams));
    await page.getByTestId('arch-compare').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('arch-mini-vgg').getByTestId('arch-table').locator('tbody tr')).toHaveCount(rowCount('mini-vgg'));
    await expect.poll(() => new URL(page.url()).searchParams.get('csC')).toBe('1');
    // The table's region scrolls by keyboard.
    await page.getByRole('region', { name: cs.tableTitle('VGG-19') }).focus();
    await expect(page.getByRole('region', { name: cs.tableTitle('VGG-19') })).toBeFocused();
  });

  test.describe('address', () => {
    test.use({ expectedFailures: { abortedRequests: [/\/favicon\.svg$/] } });

    test('restores its settings from the address, and bad values fall back with a note', async ({ page }) => {
      await open(page, 'en', '?vgN=2&vgC=16&csM=vgg11&csB=64&csC=1');
      await expect(page.getByRole('slider', { name: en.depth, exact: true })).toHaveValue('2');
      await expect(page.getByTestId('stack-costs')).toHaveAttribute('data-weights', String(18 * 16 * 16));
      await expect(page.getByTestId('arch-vgg11')).toHaveAttribute('data-params', String(describeArchitecture('vgg11').totalParams));
      await expect(page.getByTestId('arch-vgg11').getByTestId('arch-table').locator('tbody tr')).toHaveCount(rowCount('vgg11'));
      await expect(page.getByTestId('arch-mini-vgg')).toBeVisible();
      await expect(page.locator('.cs-arch').getByRole('group', { name: cs.batch, exact: true }).getByRole('radio', { name: '64', exact: true })).toBeChecked();

      await page.getByRole('slider', { name: en.depth, exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => new URL(page.url()).searchParams.get('vgN')).toBe('3');
      await page.reload();
      await page.locator('.vg-stack').scrollIntoViewIfNeeded();
      await expect(page.getByRole('slider', { name: en.depth, exact: true })).toHaveValue('3');

      await open(page, 'en', '?vgC=5&csM=vgg99');
      await expect(page.getByTestId('stack-rejected')).toHaveText(en.rejected('vgC'));
      await expect(page.getByTestId('arch-rejected')).toHaveText(cs.rejected('csM'));
    });
  });
});

test.describe('lesson 16 (en): the mini-VGG trains live', () => {
  test('a few batches, then Pause', async ({ page }) => {
    test.setTimeout(6 * 60_000);
    await open(page, 'en');
    await trainAFewBatchesThenPause(page);
  });
});
