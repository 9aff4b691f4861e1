/**
 * Lesson 13 in a real browser, in both languages: the page renders without
 * console errors and passes axe; the stack editor's live check names a layer
 * that no longer fits and holds Start with the reason, and the summary shows
 * the engine's parameter count; the lesson's quick run of the default stack
 * reaches the test accuracy the lesson promises, with the curves and the
 * filters beside the hand-made ones drawn; the drawing pad classifies a
 * stroke drawn with the pointer and, from the keyboard, a copied test image;
 * Fashion-MNIST loads with its classes in the reader's language. Screenshots
 * at 1280 and 390 px.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/training/strings/index.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';
import { classNames } from '../../components/widgets/training/strings/index.ts';
import { QUICK_RUN, trainingNumbers } from '../../components/widgets/training/lesson-numbers.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../src/training/config.ts';
import { TEST_SUBSET_SIZE } from '../../src/training/trainer.ts';

const LANGS: Lang[] = ['en', 'ko'];
const numbers = trainingNumbers();

async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/training/${query}`);
  await page.locator('.training').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

function run(page: Page) {
  return page.locator('.training-run');
}

async function globalStep(page: Page): Promise<number> {
  return Number(await run(page).getAttribute('data-global-step'));
}

for (const lang of LANGS) {
  const t = STRINGS[lang];

  test.describe(`lesson 13 (${lang})`, () => {
    test('renders the lesson and the dashboard without errors, and passes axe', async ({ page }) => {
      // Full-page screenshots of a 12,000 px page at two widths are slow on a busy machine.
      test.setTimeout(180_000);
      await open(page, lang);
      await expect(page.locator('.training .cl-widget__title')).toHaveText(t.titles.training);
      // The engine's pooling backward passes are on the page, and the worked gradients.
      await expect(page.locator('.engine-source').first()).toBeAttached();
      await expect(page.locator('.katex-display').first()).toBeVisible();
      await expect(page.locator('.training-summary td[data-total-params]')).toHaveAttribute('data-total-params', String(numbers.stackParams));
      // Before any training the charts' time axis shows the planned epochs, not a sliver of one.
      await page.locator('.training-charts').scrollIntoViewIfNeeded();
      const ticks = await page.locator('.training-chart--loss svg').first().evaluate((svg) => [...svg.querySelectorAll('text')].map((node) => node.textContent));
      expect(ticks.some((text) => Number(text) === DEFAULT_TRAIN_CONFIG.epochs), `ticks: ${ticks.join(' ')}`).toBe(true);
      expect(ticks.filter((text) => /^0\.0\d+$/.test(text ?? '')), 'fractions of an epoch on the empty axis').toEqual([]);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `lesson-training-${lang}`);
    });

    test('the stack editor names the layer that no longer fits and holds Start until it is fixed', async ({ page }) => {
      await open(page, lang);
      const flatIndex = 6;
      const flatten = page.locator(`.training-stack__layer[data-layer-index="${flatIndex}"]`);
      await flatten.getByRole('button', { name: t.stack.remove(t.stack.layerName(flatIndex, t.stack.types.flatten)) }).click();
      const problem = page.locator('.training-summary__problem');
      await expect(problem).toContainText(t.summary.brokenLayer(flatIndex, t.stack.types.linear));
      await expect(problem).toContainText('put a flatten layer before it');
      await expect(page.locator(`.training-stack__layer--broken[data-layer-index="${flatIndex}"]`)).toBeVisible();
      const start = page.getByRole('button', { name: t.run.start, exact: true });
      await expect(start).toBeDisabled();
      await expect(page.locator('.training-reason')).toHaveText(t.run.blocked.broken);
      await expect(page).toHaveURL(/layers=/);
      await expectNoSeriousA11yViolations(page);

      // Turn the broken layer back into a flatten: the network fits again.
      await page.getByLabel(t.stack.kindOf(flatIndex), { exact: true }).selectOption('flatten');
      await page.getByLabel(t.stack.kindOf(flatIndex + 1), { exact: true }).selectOption('linear');
      await page.locator(`.training-stack__layer[data-layer-index="${flatIndex + 1}"]`).getByLabel(t.stack.outFeatures).fill('64');
      await expect(problem).toHaveCount(0);
      await expect(page.locator('.training-summary td[data-total-params]')).toHaveAttribute('data-total-params', String(numbers.stackParams));
      await expect(start).toBeEnabled();
    });
  });
}

test('lesson 13 on a phone: the layer editor starts closed and opens on request', async ({ page }) => {
  const t = STRINGS.en;
  await page.setViewportSize({ width: 390, height: 800 });
  await open(page, 'en');
  const editor = page.locator('.training-details');
  await expect(editor).not.toHaveAttribute('open');
  await editor.locator('summary').click();
  await expect(editor.getByLabel(t.stack.kindOf(0), { exact: true })).toBeVisible();
});

test('lesson 13: a link to a zoo model (as loading a mini VGG from the library writes) opens on that model, unrefused', async ({ page }) => {
  const t = STRINGS.en;
  await open(page, 'en', '?arch=zoo&model=miniVgg');
  await expect(page.getByRole('radio', { name: t.setup.archNames.miniVgg, exact: true })).toBeChecked();
  await expect(page.locator('.training-summary td[data-total-params]')).toBeVisible();
  await expect(page).toHaveURL(/arch=zoo&model=miniVgg/);
  // Switching back to the stack drops the zoo choice and its key from the address.
  await page.getByRole('radio', { name: t.setup.archNames.stack, exact: true }).check();
  await expect(page.getByRole('radio', { name: t.setup.archNames.miniVgg, exact: true })).toHaveCount(0);
  await expect(page).not.toHaveURL(/model=/);
});

test.describe('lesson 13 (en): a short run', () => {
  test('trains the default stack: curves, filters beside hand-made ones, a test score, and the drawing pad', async ({ page }) => {
    test.setTimeout(12 * 60_000);
    const t = STRINGS.en;
    await open(page, 'en');
    const step = page.getByRole('button', { name: t.run.step, exact: true });
    await step.click();
    await expect(run(page)).toHaveAttribute('data-global-step', '1', { timeout: 120_000 });
    await expect(page.locator('.training-handmade__match')).toHaveCount(numbers.stackFilters);
    const before = await page.locator('.training-handmade__match').evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-correlation'))));

    await page.getByRole('button', { name: t.run.start, exact: true }).click();
    // The lesson's promise for this stack: above the quick run's accuracy after its steps.
    await expect.poll(() => globalStep(page), { timeout: 8 * 60_000, intervals: [2000] }).toBeGreaterThanOrEqual(QUICK_RUN.steps);
    // Long before the epoch ends, the test sample has been scored: the readout says so and the chart draws it.
    const readout = page.locator('.training-test-accuracy');
    await expect(readout).toHaveAttribute('data-sample-accuracy', /^0?\.\d+|^1$/, { timeout: 60_000 });
    await expect(readout.locator('.training-sample-note')).toHaveText(t.run.testSample(String(TEST_SUBSET_SIZE)));
    await expect(page.locator('.training-legend')).toContainText(t.charts.subset(String(TEST_SUBSET_SIZE)));
    await page.getByRole('button', { name: t.run.pause, exact: true }).click();
    await expect(run(page)).toHaveAttribute('data-status', 'paused');
    const paused = await globalStep(page);
    await expect(page.locator('.training-test-accuracy')).toHaveAttribute('data-eval-step', String(paused), { timeout: 180_000 });
    const testAcc = Number(await page.locator('.training-test-accuracy').getAttribute('data-test-accuracy'));
    test.info().annotations.push({ type: 'test accuracy', description: `${(testAcc * 100).toFixed(2)}% after ${paused} steps` });
    expect(testAcc).toBeGreaterThan(QUICK_RUN.accuracy);
    expect(await page.locator('.training-chart--loss svg path').count()).toBeGreaterThanOrEqual(2);
    const after = await page.locator('.training-handmade__match').evaluateAll((items) => items.map((i) => Number(i.getAttribute('data-correlation'))));
    expect(after).toHaveLength(before.length);
    expect(after).not.toEqual(before);

    // Draw a vertical stroke: the pad prepares it and the network answers.
    const pad = page.locator('.training-pad__canvas');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + 0.07 * i));
    await page.mouse.up();
    const verdict = page.locator('.training-draw__answer .training-verdict');
    await expect(verdict).toHaveAttribute('data-predicted', /\d/);
    await expect(page.locator('.training-pad__seen canvas')).toBeVisible();
    await expect(page.locator('.training-draw__answer .training-probs__row')).toHaveCount(10);

    // Keyboard route: clear, then copy the inspected test image onto the pad.
    await page.getByRole('button', { name: t.draw.clear, exact: true }).click();
    await expect(verdict).toHaveCount(0);
    await page.getByRole('button', { name: t.draw.copySample, exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(verdict).toHaveAttribute('data-predicted', /\d/);
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'lesson-training-en-trained');
  });
});

test.describe('lesson 13 (ko): Fashion-MNIST', () => {
  test('loads Fashion-MNIST and names its classes in Korean', async ({ page }) => {
    test.setTimeout(6 * 60_000);
    const t = STRINGS.ko;
    await open(page, 'ko');
    await page.getByRole('radio', { name: t.setup.datasetNames['fashion-mnist'] }).check({ force: true });
    await expect(page).toHaveURL(/ds=fashion-mnist/);
    await page.getByRole('button', { name: t.run.step, exact: true }).click();
    await expect(run(page)).toHaveAttribute('data-global-step', '1', { timeout: 240_000 });
    const names = classNames('ko', 'fashion-mnist');
    await expect(page.locator('.training-inside .training-probs__name')).toHaveText([...names]);
    await expect(page.getByText(t.draw.introFashion)).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'lesson-training-ko-fashion');
  });
});
