/**
 * Lesson 9 ("Activation functions") in a real browser. English carries the heavy
 * interactions (each widget by keyboard, the dying ReLU trained step by step, the
 * address round trip); Korean gets a smoke pass (text, axe, screenshots, 360 px).
 * Both themes are checked for the charts and axe.
 */
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/activations/strings/index.ts';
import { DYING, evaluate } from '../../components/widgets/activations/model.ts';
import { dying, leakySlope } from '../../components/widgets/activations/lesson-numbers.ts';
import { show } from '../../components/widgets/activations/ActivationPlot.tsx';
import { defaultPlot } from '../../components/widgets/activations/state.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';

const LANGS: Lang[] = ['en', 'ko'];
const en = STRINGS.en;

/** Opens the lesson and waits until every widget has hydrated. */
async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/activations/${query}`);
  for (const selector of ['.ac-plot', '.ac-dying', '.ac-map']) await page.locator(selector).scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Tabs from the top of the page until `target` has the focus. */
async function tabTo(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  await page.locator('body').focus();
  for (let i = 0; i < 300 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(target).toBeFocused();
}

const readout = (x: number, fn: Parameters<typeof evaluate>[1], slope = 0, mode: 'train' | 'eval' = 'train') => {
  const p = evaluate([x], fn, slope, mode)[0];
  return en.readout(show(p.x), show(p.y), show(p.grad));
};

for (const lang of LANGS) {
  const t = STRINGS[lang];
  test.describe(`lesson 9 (${lang})`, () => {
    test('renders its text, widgets, charts and maps in both themes, passes axe, saves screenshots', async ({ page }) => {
      test.setTimeout(180_000);
      await open(page, lang);
      await expect(page.locator('h1')).toHaveText(lang === 'en' ? 'Activation functions' : '활성화 함수');
      await expect(page.locator('.katex-error')).toHaveCount(0);
      // The plot: leaky ReLU at the notes' slope, its curve drawn by Plot.
      await expect(page.locator('.ac-plot .cl-plot svg')).toBeVisible();
      await expect(page.locator('.ac-plot .cl-plot svg [stroke="var(--positive)"] path').first()).toBeVisible();
      await expect(page.locator('.ac-plot .cl-plot svg [stroke="var(--negative)"] path').first()).toBeVisible();
      await expect(page.getByTestId('ac-readout')).toHaveText(t.readout(show(defaultPlot().probe / 2), show(-0.2), show(leakySlope)));
      // The dying neuron at step 0 and the loss chart.
      await expect(page.getByTestId('ac-relu-verdict')).toHaveText(t.verdictDead);
      await expect(page.getByTestId('ac-relu-loss')).toHaveText(dying.reluLoss);
      await expect(page.locator('.ac-dying .cl-plot svg')).toHaveCount(2);
      for (const chart of await page.locator('.ac-dying .cl-plot svg').all()) await expect(chart).toBeVisible();
      // The photo maps, drawn.
      await expect(page.getByTestId('ac-map-stats')).toBeVisible();
      await expect(page.getByTestId('ac-activation')).toBeVisible();
      const painted = await page.getByTestId('ac-feature').evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let opaque = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] === 255) opaque++;
        return opaque / (c.width * c.height);
      });
      expect(painted).toBe(1);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `lesson-activations-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect(page.locator('.ac-plot .cl-plot svg')).toBeVisible();
      // In dark mode the curves use the dark theme's colours, which differ from the light ones.
      const stroke = await page.locator('.ac-plot .cl-plot svg [stroke="var(--positive)"]').first().evaluate((el) => getComputedStyle(el).stroke);
      expect(stroke).not.toBe('rgb(176, 63, 12)');
      await expectNoSeriousA11yViolations(page);
      if (lang === 'en') await screenshot(page, 'lesson-activations-en-dark');
    });

    test('is listed on the course path as a written lesson', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const step = page.locator('.path__step[data-slug="activations"]');
      await expect(step).not.toHaveClass(/path__step--soon/);
      await expect(step.locator('a.path__title')).toHaveAttribute('href', `/${lang}/lessons/activations/`);
      await expect(step.locator('.path__number')).toHaveText('9');
    });

    test('fits a 360 px screen', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await open(page, lang, '?acF=rrelu&acM=train&acR=symmetric&acS=40&acP=coffee');
      await expect(page.getByTestId('ac-rrelu-note')).toBeVisible();
      await expect(page.getByTestId('ac-map-stats')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('lesson 9 widgets (en)', () => {
  test('the activation plot works from the keyboard, with gradients from the engine', async ({ page }) => {
    await open(page, 'en');
    const relu = page.getByRole('radio', { name: en.names.relu, exact: true });
    await tabTo(page, page.getByRole('radio', { name: en.names.leaky, exact: true }));
    // Arrow keys move along the radio group: leaky -> randomized -> sigmoid; back twice to ReLU.
    await page.keyboard.press('ArrowLeft');
    await expect(relu).toBeChecked();
    await expect.poll(() => new URL(page.url()).searchParams.get('acF')).toBe('relu');
    // The probe: x = -1, ReLU's gradient 0; five steps right, x = 1.5, gradient 1.
    const x = page.getByRole('slider', { name: en.probe, exact: true });
    await x.focus();
    await expect(page.getByTestId('ac-readout')).toHaveText(readout(-1, 'relu'));
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('ac-readout')).toHaveText(readout(1.5, 'relu'));
    // Sigmoid at 0: the largest gradient, 0.25.
    await relu.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: en.names.sigmoid, exact: true })).toBeChecked();
    await x.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('ac-readout')).toHaveText(en.readout('0', '0.5', '0.25'));
    // Tanh at 0: gradient 1.
    await page.getByRole('radio', { name: en.names.sigmoid, exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('ac-readout')).toHaveText(en.readout('0', '0', '1'));
    // Leaky ReLU: the slope slider changes the gradient below zero.
    await page.getByRole('radio', { name: en.names.tanh, exact: true }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('radio', { name: en.names.leaky, exact: true })).toBeChecked();
    await x.focus();
    await page.keyboard.press('Home');
    await expect(page.getByTestId('ac-readout')).toHaveText(readout(-4, 'leaky', 0.2));
    const slope = page.getByRole('slider', { name: en.slope, exact: true });
    await slope.focus();
    await page.keyboard.press('End');
    await expect(slope).toHaveAttribute('aria-valuetext', '0.50');
    await expect(page.getByTestId('ac-readout')).toHaveText(readout(-4, 'leaky', 0.5));
    // Randomized leaky ReLU: a drawn slope in training, the mean in evaluation.
    await page.getByRole('radio', { name: en.names.leaky, exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('ac-rrelu-note')).toBeVisible();
    await expect(page.getByTestId('ac-readout')).toHaveText(readout(-4, 'rrelu', 0, 'train'));
    await page.getByRole('radio', { name: en.modes.eval, exact: true }).check();
    await expect(page.getByTestId('ac-readout')).toHaveText(readout(-4, 'rrelu', 0, 'eval'));
  });

  test('the dying ReLU trains by keyboard: the ReLU neuron never moves, the leaky one recovers', async ({ page }) => {
    test.setTimeout(120_000);
    await open(page, 'en');
    const step = page.getByRole('button', { name: en.step, exact: true });
    await step.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('ac-step')).toHaveText(en.stepCount(1, DYING.maxSteps));
    await expect(page.getByTestId('ac-relu-weight')).toHaveText('−5.000');
    await expect(page.getByTestId('ac-relu-grad-weight')).toHaveText('0.000');
    await expect(page.getByTestId('ac-leaky-weight')).not.toHaveText('−5.000');
    // Run to the end from the keyboard.
    const run = page.getByRole('button', { name: en.run, exact: true });
    await run.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('ac-step')).toHaveText(en.stepCount(DYING.maxSteps, DYING.maxSteps), { timeout: 60_000 });
    await expect(page.getByTestId('ac-relu-weight')).toHaveText('−5.000');
    await expect(page.getByTestId('ac-relu-bias')).toHaveText('−3.000');
    await expect(page.getByTestId('ac-relu-loss')).toHaveText(dying.reluLossLast);
    await expect(page.getByTestId('ac-relu-verdict')).toHaveText(en.verdictDead);
    await expect(page.getByTestId('ac-leaky-weight')).toHaveText(dying.histories.leakyUnit[DYING.maxSteps].weight.toFixed(3));
    await expect(page.getByTestId('ac-leaky-verdict')).toHaveText(en.verdictFitted);
    await expect(page.getByTestId('ac-leaky-active')).toHaveText(en.active(DYING.points, DYING.points));
    // Reset, then the notes' range: two inputs get through at first.
    await page.getByRole('button', { name: en.reset, exact: true }).click();
    await expect(page.getByTestId('ac-step')).toHaveText(en.stepCount(0, DYING.maxSteps));
    await page.getByRole('radio', { name: en.ranges.symmetric, exact: true }).check();
    await expect(page.getByTestId('ac-relu-active')).toHaveText(en.active(dying.symActive, DYING.points));
    await expect(page.getByTestId('ac-relu-verdict')).toHaveText(en.verdictPartly);
    await expect(page.getByTestId('ac-leaky-verdict')).toHaveText(en.verdictAlive);
  });

  test('the activation map switches photo and filter by keyboard; ReLU leaves no negative value', async ({ page }) => {
    await open(page, 'en');
    const camera = page.getByRole('radio', { name: en.photos.camera, exact: true });
    await camera.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: en.photos.astronaut, exact: true })).toBeChecked();
    await expect(page.locator('.ac-maps')).toHaveAttribute('data-photo', 'astronaut');
    await page.getByRole('radio', { name: en.filters.vertical, exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.ac-maps')).toHaveAttribute('data-filter', 'horizontal');
    await expect(page.getByTestId('ac-map-source')).toHaveText(en.mapSource(256, 256));
    const stats = await page.getByTestId('ac-map-stats').textContent();
    const [negative, zero] = (stats ?? '').match(/\d+/g)!.map(Number);
    // Every negative value of the feature map becomes a zero of the activation map.
    expect(zero).toBeGreaterThanOrEqual(negative);
    expect(negative).toBeGreaterThan(0);
    await expect.poll(() => new URL(page.url()).searchParams.get('acP')).toBe('astronaut');
  });

  test.describe('address', () => {
    test.use({ expectedFailures: { abortedRequests: [/\/favicon\.svg$/, /\/images\/.*\.png$/] } });

    test('restores every widget from the address, and bad values fall back with a note', async ({ page }) => {
      await open(page, 'en', '?acF=tanh&acX=2&acR=symmetric&acS=30&acP=chelsea&acK=outline');
      await expect(page.getByRole('radio', { name: en.names.tanh, exact: true })).toBeChecked();
      await expect(page.getByTestId('ac-readout')).toHaveText(readout(1, 'tanh'));
      await expect(page.getByTestId('ac-step')).toHaveText(en.stepCount(30, DYING.maxSteps));
      await expect(page.getByTestId('ac-relu-weight')).toHaveText(dying.histories.reluSym[30].weight.toFixed(3).replace('-', '−'));
      await expect(page.getByRole('radio', { name: en.photos.chelsea, exact: true })).toBeChecked();
      await expect(page.getByRole('radio', { name: en.filters.outline, exact: true })).toBeChecked();

      await page.getByRole('button', { name: en.step, exact: true }).click();
      await expect.poll(() => new URL(page.url()).searchParams.get('acS')).toBe('31');
      await page.reload();
      await page.locator('.ac-dying').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('ac-step')).toHaveText(en.stepCount(31, DYING.maxSteps));

      await open(page, 'en', '?acF=swish&acS=999&acK=blur');
      await expect(page.getByTestId('ac-plot-rejected')).toHaveText(en.rejected('acF'));
      await expect(page.getByTestId('ac-dying-rejected')).toHaveText(en.rejected('acS'));
      await expect(page.getByTestId('ac-map-rejected')).toHaveText(en.rejected('acK'));
    });
  });
});
