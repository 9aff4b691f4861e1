/**
 * Lesson 17 ("ResNet") in a real browser. English carries the heavy interactions
 * (a short degradation run that draws both kinds of curve, Stop, the block
 * stepper and the bottleneck by keyboard, the address round trip); Korean gets a
 * smoke pass (text, axe, screenshots, 360 px).
 */
import type { Page } from '@playwright/test';
import { trainAFewBatchesThenPause } from './training-run.ts';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/resnet/strings/index.ts';
import { compareBottleneck } from '../../components/widgets/resnet/model.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';
import { STRINGS as CASE } from '../../components/widgets/case-studies/strings/index.ts';
import { describeArchitecture, ilsvrcPoints, ilsvrcSources, tableRows } from '../../components/widgets/case-studies/model.ts';

const LANGS: Lang[] = ['en', 'ko'];
const en = STRINGS.en;
const cs = CASE.en;
const rowCount = (key: Parameters<typeof describeArchitecture>[0]) => tableRows(describeArchitecture(key)).length + 1;

async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/resnet/${query}`);
  for (const cls of ['.rn-lab', '.rn-block', '.rn-bottle', '.cs-arch', '.cs-share', '.cs-ilsvrc', '.training']) await page.locator(cls).scrollIntoViewIfNeeded();
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
      // The case-study table, the parameters/compute chart and the ILSVRC chart.
      await expect(page.getByTestId('arch-resnet18')).toHaveAttribute('data-params', String(describeArchitecture('resnet18').totalParams));
      await expect(page.getByTestId('arch-resnet18').getByTestId('arch-table').locator('tbody tr')).toHaveCount(rowCount('resnet18'));
      expect(await page.getByTestId('share-chart').locator('svg rect').count()).toBeGreaterThanOrEqual(8);
      expect(await page.getByTestId('layer-chart').locator('svg circle').count()).toBeGreaterThanOrEqual(4);
      const ilsvrc = page.getByTestId('ilsvrc-chart');
      await expect(ilsvrc.locator('svg')).toBeVisible();
      await expect(ilsvrc.locator('svg circle')).toHaveCount(ilsvrcPoints().length);
      await expect(page.getByTestId('ilsvrc-sources').locator('li')).toHaveCount(ilsvrcSources().length);
      await expectNoSeriousA11yViolations(page);
      await page.locator('.cs-ilsvrc').scrollIntoViewIfNeeded();
      await screenshot(page, `lesson-resnet-ilsvrc-${lang}`);
      await page.locator('.cs-share').scrollIntoViewIfNeeded();
      await screenshot(page, `lesson-resnet-share-${lang}`);
      await page.locator('.rn-lab').scrollIntoViewIfNeeded();
      await screenshot(page, `lesson-resnet-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousA11yViolations(page);
    });

    test('fits a 360 px screen', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await open(page, lang, '?blk=8&bn-c=512&csM=resnet50&csC=1');
      await expect(page.getByTestId('arch-mini-resnet')).toBeVisible();
      await expect(page.getByTestId('ilsvrc-chart').locator('svg')).toBeVisible();
      await page.locator('.cs-arch').scrollIntoViewIfNeeded();
      await screenshot(page, `lesson-resnet-360-${lang}`);
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

  test('the downsampling block steps through its 1x1 stride-2 shortcut, by keyboard, and restores from the address', async ({ page }) => {
    await open(page, 'en', '?blk=5');
    await page.getByRole('radio', { name: en.blockKinds.down }).check();
    // Switching the block starts it again at its input.
    await expect(page.getByTestId('blk-step')).toContainText(en.stageOf(1, 9));
    await page.getByTestId('blk-next').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('Enter');
    await expect(page.getByTestId('blk-step')).toContainText(en.stageNames.shortcut);
    await expect(page.getByTestId('blk-current-shape')).toHaveText(en.shape('[1, 4, 2, 2]'));
    await expect(page.getByTestId('blk-note')).toHaveText(en.stageNotes.shortcut);
    await expect.poll(() => new URL(page.url()).searchParams.get('blkd')).toBe('1');
    await expect.poll(() => new URL(page.url()).searchParams.get('blk')).toBe('7');
    await page.reload();
    await open(page, 'en', `?${new URL(page.url()).searchParams.toString()}`);
    await expect(page.getByRole('radio', { name: en.blockKinds.down })).toBeChecked();
    await expect(page.getByTestId('blk-step')).toContainText(en.stageNames.shortcut);
    // A step beyond the identity block's eight is only valid for the downsampling one.
    await open(page, 'en', '?blk=9');
    await expect(page.getByTestId('rejected-note')).toContainText('blk');
  });

  test('the architecture table works from the keyboard and restores from the address', async ({ page }) => {
    await open(page, 'en');
    const arch = page.locator('.cs-arch');
    await arch.getByRole('group', { name: cs.model, exact: true }).getByRole('radio', { name: 'ResNet-18', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('arch-resnet50')).toHaveAttribute('data-params', String(describeArchitecture('resnet50').totalParams));
    await expect(page.getByTestId('arch-resnet50').getByTestId('arch-table').locator('tbody tr')).toHaveCount(rowCount('resnet50'));
    await page.getByTestId('arch-compare').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('arch-mini-resnet').getByTestId('arch-table').locator('tbody tr')).toHaveCount(rowCount('mini-resnet'));
    await expect.poll(() => new URL(page.url()).searchParams.get('csM')).toBe('resnet50');
    await expect.poll(() => new URL(page.url()).searchParams.get('csC')).toBe('1');
    await page.reload();
    await open(page, 'en', `?${new URL(page.url()).searchParams.toString()}`);
    await expect(page.getByTestId('arch-resnet50')).toBeVisible();
    await expect(page.getByTestId('arch-mini-resnet')).toBeVisible();
    await open(page, 'en', '?csM=vgg16');
    await expect(page.getByTestId('arch-rejected')).toHaveText(cs.rejected('csM'));
    await expect(page.getByTestId('arch-resnet18')).toBeVisible();
  });

  test('an unusable address value is named and replaced by the default', async ({ page }) => {
    await open(page, 'en', '?dg-steps=abc');
    await expect(page.getByTestId('rejected-note')).toContainText('dg-steps');
  });
});

test.describe('lesson 17 (en): the mini-ResNet trains live', () => {
  test('on one worker (batch normalisation), a few batches, then Pause', async ({ page }) => {
    test.setTimeout(6 * 60_000);
    await open(page, 'en');
    await trainAFewBatchesThenPause(page, () => expect(page.locator('.training-engine')).toContainText(/\b1 worker\b/));
  });
});
