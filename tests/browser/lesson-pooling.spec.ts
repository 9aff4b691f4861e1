/**
 * Lesson 11 in a real browser: the stepper pools the notes' 4x4 example with the
 * engine (max [[6,8],[3,4]]), steps window by window from the keyboard alone, shows
 * every setting's effect (average, count_include_pad, divisor_override, ceil mode) and
 * the engine's refusal, restores its state from the address, passes axe in both themes,
 * fits 360 px, and saves screenshots. English carries the interactions; Korean is a
 * smoke pass.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { PHOTO_STRINGS, STRINGS } from '../../components/widgets/pooling/strings/index.ts';
import { divisor, example, refusals } from '../../components/widgets/pooling/lesson-numbers.ts';

async function openStepper(page: Page, lang: 'en' | 'ko', query = ''): Promise<Locator> {
  await page.goto(`/${lang}/lessons/pooling/${query}`);
  const widget = page.locator('section.pool-stepper');
  await widget.scrollIntoViewIfNeeded();
  await expect(widget.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/, { timeout: 20_000 });
  return widget;
}

const outputTexts = (widget: Locator) => widget.getByTestId('pool-output').locator('[role="gridcell"]').allTextContents();

test.describe('lesson 11 (en)', () => {
  const t = STRINGS.en;

  test('renders the notes’ example from the engine, passes axe in both themes, and saves screenshots', async ({ page }) => {
    test.setTimeout(180_000);
    const widget = await openStepper(page, 'en');
    await expect(page.locator('h1')).toHaveText('Pooling');
    await expect(page.locator('.katex-error')).toHaveCount(0);
    // The prose quotes the engine's refusals word for word.
    await expect(page.locator('.lesson__body code', { hasText: refusals.tooMuchPadding })).toHaveCount(1);
    await expect(page.locator('.lesson__body code', { hasText: refusals.tooBig })).toHaveCount(1);
    expect(await outputTexts(widget)).toEqual(example.max.flat());
    await expect(widget.getByTestId('pool-working')).toHaveText(t.maxLine(example.firstWindow, example.firstMax));
    await expect(widget.getByTestId('pool-depth')).toHaveText(t.depthLine(224, 64, [1, 64, 112, 112]));
    // The photo panel has drawn its canvases before axe and the screenshots look at them.
    await page.locator('section.pool-photo').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('photo-max-shape')).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'lesson-pooling-en');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11yViolations(page);
  });

  test('steps through the windows and changes every setting from the keyboard alone', async ({ page }) => {
    const widget = await openStepper(page, 'en');
    // Into the output grid and along it with the arrow keys: the window follows.
    await widget.getByTestId('pool-output').locator('[role="gridcell"]').first().focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget).toHaveAttribute('data-window', '0,1');
    await expect(widget.getByTestId('pool-engine')).toHaveText(t.engineLine(example.max[0][1]));
    await page.keyboard.press('ArrowDown');
    await expect(widget).toHaveAttribute('data-window', '1,1');
    // The previous-window button, pressed with Enter.
    await widget.getByRole('button', { name: t.previous }).focus();
    await page.keyboard.press('Enter');
    await expect(widget).toHaveAttribute('data-window', '1,0');

    // Average pooling, chosen with the arrow keys in the radio group.
    await widget.getByRole('radio', { name: t.modes.max }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget).toHaveAttribute('data-mode', 'avg');
    expect(await outputTexts(widget)).toEqual(example.avg.flat());

    // 3x3 windows, stride 1, padding 1: the corner window counts its padding in the divisor.
    const slider = (name: string) => widget.getByRole('slider', { name, exact: true });
    await slider(t.kernel).focus();
    await page.keyboard.press('ArrowRight');
    await slider(t.stride).focus();
    await page.keyboard.press('ArrowLeft');
    await slider(t.padding).focus();
    await page.keyboard.press('ArrowRight');
    await widget.getByTestId('pool-output').locator('[role="gridcell"]').first().focus();
    await expect(widget).toHaveAttribute('data-window', '0,0');
    await expect(widget.getByTestId('pool-engine')).toHaveText(t.engineLine(divisor.included.value));
    await expect(widget.getByTestId('pool-divisor')).toHaveText(t.divisorReason('includesPadding', divisor.included.divisor, divisor.included.padding, 0));
    // count_include_pad off, with the space bar.
    await widget.getByRole('checkbox', { name: t.countIncludePad }).focus();
    await page.keyboard.press('Space');
    await expect(widget.getByTestId('pool-engine')).toHaveText(t.engineLine(divisor.excluded.value));
    // divisor_override 2.
    await slider(t.divisorOverride).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(widget.getByTestId('pool-engine')).toHaveText(t.engineLine(divisor.overridden.value));

    // Padding 2 on 2x2 windows: the engine's own message, and no output grid.
    await slider(t.kernel).focus();
    await page.keyboard.press('ArrowLeft');
    await slider(t.padding).focus();
    await page.keyboard.press('ArrowRight');
    await expect(widget.getByRole('alert')).toHaveText(t.engineError(refusals.tooMuchPadding));
    await expect(widget.getByTestId('pool-output')).toHaveCount(0);
    await page.keyboard.press('ArrowLeft');
    await expect(widget.getByRole('alert')).toHaveCount(0);
  });

  test.describe('address', () => {
    test.use({ expectedFailures: { abortedRequests: [/\/favicon\.svg$/] } });

    test('restores its state from the address, and reports what it cannot use', async ({ page }) => {
      let widget = await openStepper(page, 'en');
      await widget.getByRole('radio', { name: t.modes.avg }).check();
      await widget.getByRole('checkbox', { name: t.ceilMode }).check();
      await widget.getByRole('button', { name: t.next }).click();
      await expect.poll(() => new URL(page.url()).search).toContain('pool-at=1');
      const query = new URL(page.url()).search;
      expect(query).toContain('pool-mode=avg');
      expect(query).toContain('pool-ceil=1');

      widget = await openStepper(page, 'en', query);
      await expect(widget).toHaveAttribute('data-mode', 'avg');
      await expect(widget).toHaveAttribute('data-window', '0,1');
      await expect(widget.getByRole('checkbox', { name: t.ceilMode })).toBeChecked();
      expect(await outputTexts(widget)).toEqual(example.avg.flat());

      widget = await openStepper(page, 'en', '?pool-k=9&pool-mode=min');
      await expect(widget.getByTestId('pool-url-note')).toBeVisible();
      expect(await outputTexts(widget)).toEqual(example.max.flat());
    });
  });

  test('pools a photograph’s edge map and the photo itself, layer by layer, from the keyboard', async ({ page }) => {
    const p = PHOTO_STRINGS.en;
    await page.goto('/en/lessons/pooling/');
    const panel = page.locator('section.pool-photo');
    await panel.scrollIntoViewIfNeeded();
    // The cat is 451x300; its edge map is one map deep; two layers by default.
    await expect(panel.getByTestId('photo-source-shape')).toHaveText(p.sourceShape(p.shape(300, 451, 1)));
    await expect(panel.getByTestId('photo-max-shape')).toHaveText(p.shape(75, 112, 1));
    await expect(panel.getByTestId('photo-avg-shape')).toHaveText(p.shape(75, 112, 1));
    // Max pooling keeps the brightest edge; averaging dims it.
    // (Not always 100%: 451 is odd, so floor mode drops the last column, and the peak with it if it sits there.)
    const percent = async (testId: string) => Number((await panel.getByTestId(testId).textContent())!.match(/(\d+)%/)![1]);
    const [maxKept, avgKept] = [await percent('photo-max-kept'), await percent('photo-avg-kept')];
    expect(maxKept).toBeGreaterThan(90);
    expect(avgKept).toBeLessThan(maxKept / 2);
    // One more layer with the arrow key, then the colour photo: depth 3, pooled map by map.
    await panel.getByRole('slider', { name: p.layers }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(panel.getByTestId('photo-max-shape')).toHaveText(p.shape(37, 56, 1));
    await panel.getByRole('radio', { name: p.sources.photo }).focus();
    await page.keyboard.press('Space');
    await expect(panel.getByTestId('photo-max-shape')).toHaveText(p.shape(37, 56, 3));
    await expect(panel.getByTestId('photo-max-kept')).toHaveCount(0);
    // The canvas holds the pooled pixels at their own size.
    await expect(panel.getByTestId('photo-avg')).toHaveJSProperty('width', 56);
    // The address is written by a throttled writer: wait for the last change to land.
    await expect.poll(() => new URL(page.url()).search).toContain('photo-src=photo');
    expect(new URL(page.url()).search).toContain('photo-layers=3');
  });

  test('fits 360 px without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await openStepper(page, 'en', '?pool-in=seven&pool-p=2&pool-k=5&pool-s=1');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test.describe('lesson 11 (ko)', () => {
  const t = STRINGS.ko;

  test('speaks Korean, shows the engine’s numbers, passes axe, and saves screenshots', async ({ page }) => {
    test.setTimeout(180_000);
    const widget = await openStepper(page, 'ko');
    await expect(page.locator('h1')).toHaveText('풀링');
    await expect(widget.getByRole('button', { name: t.next })).toBeVisible();
    expect(await outputTexts(widget)).toEqual(example.max.flat());
    await expect(widget.getByTestId('pool-depth')).toHaveText(t.depthLine(224, 64, [1, 64, 112, 112]));
    const panel = page.locator('section.pool-photo');
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByTestId('photo-source-shape')).toHaveText(PHOTO_STRINGS.ko.sourceShape('300×451×1'));
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'lesson-pooling-ko');
  });
});
