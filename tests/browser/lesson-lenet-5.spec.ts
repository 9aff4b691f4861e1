/**
 * Lesson 14 in a real browser. The long test trains LeNet-5 with the default
 * settings in the page's Web Worker for the lesson's quick run and sees the
 * test accuracy the lesson promises, with the curves, the activation maps,
 * the filters, the confusion matrix and the mistakes drawn, recording the main
 * thread's longest task (reported, never asserted); then one step and a reset.
 * Other tests: a model saved in IndexedDB survives a reload and loads back, and
 * downloads for PyTorch (model.safetensors and model.py, read back here); a
 * corrupt weights file is refused with a message and changes nothing; a
 * crashed worker is reported, the saved models are still listed, and the
 * trainer restarts; a worker that stops answering is reported and can be restarted. Both languages render without console errors and pass
 * axe; screenshots at 1280 and 390 px.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { explore, loadSafetensors } from '../../src/explorer/index.ts';
import { STAND_IN_WORKER_HEADERS, expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/training/strings/index.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';
import { QUICK_RUN, lenetNumbers } from '../../components/widgets/training/lesson-numbers.ts';

const LANGS: Lang[] = ['en', 'ko'];
const numbers = lenetNumbers();

async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/lenet-5/${query}`);
  await page.locator('.training').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

function run(page: Page) {
  return page.locator('.training-run');
}

async function globalStep(page: Page): Promise<number> {
  return Number(await run(page).getAttribute('data-global-step'));
}

/** Main-thread tasks (Chrome's RunTask on CrRendererMain) during `action`, with their CPU time in ms. */
async function mainThreadCpu(browser: Browser, page: Page, action: () => Promise<void>): Promise<number[]> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  let trace: Buffer;
  try {
    await action();
  } finally {
    trace = await browser.stopTracing();
  }
  interface TraceEvent {
    ph: string;
    name: string;
    pid: number;
    tid: number;
    tdur?: number;
    args?: { name?: unknown };
  }
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const names = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, String(e.args?.name));
  return events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain')
    .map((e) => (e.tdur ?? 0) / 1000);
}

/** Whether a canvas holds more than one colour (something was drawn). */
async function canvasHasContrast(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    const first = data[0] + data[1] * 256 + data[2] * 65536;
    for (let i = 4; i < data.length; i += 4) if (data[i] + data[i + 1] * 256 + data[i + 2] * 65536 !== first) return true;
    return false;
  });
}

test.describe('lesson 14 (en): LeNet-5 trained live', () => {
  test('reaches the promised test accuracy with curves, maps, filters and mistakes drawn; step and reset work', async ({ page, browser }) => {
    test.setTimeout(15 * 60_000);
    const t = STRINGS.en;
    await open(page, 'en');
    await expect(page.locator('h1')).toHaveText('LeNet-5');
    // The build-time layer table: the engine's summary.
    await expect(page.locator('.lenet-table tfoot')).toContainText('61,706');
    await expect(page.locator('.lenet-table tbody tr')).toHaveCount(numbers.rows.length + 1);

    await page.getByRole('button', { name: t.run.start, exact: true }).click();
    await expect(run(page)).toHaveAttribute('data-status', 'running', { timeout: 120_000 });

    // A few seconds of training under a trace, to record how long the page's own tasks run.
    const cpu = await mainThreadCpu(browser, page, async () => {
      const from = await globalStep(page);
      await expect.poll(() => globalStep(page), { timeout: 120_000 }).toBeGreaterThan(from + 10);
    });
    test.info().annotations.push({ type: 'main thread while training', description: `${cpu.length} tasks, longest ${Math.max(...cpu).toFixed(1)} ms of CPU` });
    // Speed is reported in the annotation above, never asserted: it depends on the machine's load.
    expect(cpu.length).toBeGreaterThan(5);

    await expect.poll(() => globalStep(page), { timeout: 10 * 60_000, intervals: [2000] }).toBeGreaterThanOrEqual(QUICK_RUN.steps);
    await page.getByRole('button', { name: t.run.pause, exact: true }).click();
    await expect(run(page)).toHaveAttribute('data-status', 'paused');
    const paused = await globalStep(page);
    // Pausing scores the test set at the step it stopped on.
    const accuracy = page.locator('.training-test-accuracy');
    await expect(accuracy).toHaveAttribute('data-eval-step', String(paused), { timeout: 180_000 });
    const testAcc = Number(await accuracy.getAttribute('data-test-accuracy'));
    test.info().annotations.push({ type: 'test accuracy', description: `${(testAcc * 100).toFixed(2)}% after ${paused} steps` });
    expect(testAcc).toBeGreaterThan(QUICK_RUN.accuracy);

    // The curves are drawn: a training line and the test point in each chart.
    for (const chart of ['.training-chart--loss', '.training-chart--accuracy']) {
      await expect(page.locator(`${chart} svg path`).first()).toBeAttached();
      expect(await page.locator(`${chart} svg path`).count()).toBeGreaterThanOrEqual(2);
    }
    // Every layer's maps for the chosen test image, and the filters.
    const layers = page.locator('.training-layer');
    await expect(layers).toHaveCount(numbers.rows.length);
    await expect(page.locator('.training-layer[data-layer="features.0"] .training-maps canvas')).toHaveCount(numbers.c1Maps);
    await expect(page.locator('.training-layer[data-layer="features.3"] .training-maps canvas')).toHaveCount(numbers.c3Maps);
    expect(await canvasHasContrast(page, '.training-layer[data-layer="features.0"] .training-maps canvas')).toBe(true);
    await expect(page.locator('.training-filters--first canvas')).toHaveCount(numbers.c1Maps);
    expect(await canvasHasContrast(page, '.training-filters--first canvas')).toBe(true);
    await expect(page.locator('.training-layer[data-layer="features.3"] .training-filters canvas')).toHaveCount(numbers.c3Maps * numbers.c1Maps);

    // The confusion matrix counts every test image once; the mistakes open in the inspector.
    const counts = await page.locator('.training-confusion td[data-count]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-count'))));
    expect(counts).toHaveLength(100);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(numbers.testCount);
    const firstMistake = page.locator('.training-mistake').first();
    const mistakeIndex = Number(await firstMistake.getAttribute('data-test-index'));
    await firstMistake.click();
    await expect(page.locator('.training-inside')).toHaveAttribute('data-test-index', String(mistakeIndex));
    await expect(page.locator('.training-verdict--wrong')).toBeVisible();

    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'lesson-lenet-5-en-trained');

    // One more batch, then back to the start.
    await page.getByRole('button', { name: t.run.step, exact: true }).click();
    await expect(run(page)).toHaveAttribute('data-global-step', String(paused + 1));
    await page.getByRole('button', { name: t.run.reset, exact: true }).click();
    await expect(run(page)).toHaveAttribute('data-global-step', '0');
    await expect(run(page)).toHaveAttribute('data-status', 'idle');
    await expect(page.locator('.training-test-accuracy')).toHaveText('–');
  });
});

test.describe('lesson 14 (en): saved models', () => {
  test('a model saved in IndexedDB survives a reload and loads back with its settings', async ({ page }) => {
    test.setTimeout(5 * 60_000);
    const t = STRINGS.en;
    await open(page, 'en', '?seed=5&lr=0.03');
    await page.getByRole('button', { name: t.run.step, exact: true }).click();
    await expect(run(page)).toHaveAttribute('data-global-step', '1', { timeout: 120_000 });
    await page.getByLabel(t.library.nameLabel, { exact: true }).fill('one step');
    await page.getByRole('button', { name: t.library.save, exact: true }).click();
    await expect(page.locator('.training-ok')).toHaveText(t.library.saved('one step'));
    await expect(page.locator('.training-models tbody tr')).toHaveCount(1);

    // A fresh page without the link's settings: the saved model is still there, the settings were remembered.
    await page.goto('/en/lessons/lenet-5/');
    await page.locator('.training').scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(page).toHaveURL(/seed=5/);
    await expect(page.locator('.training-models tbody tr')).toHaveCount(1);
    await expect(page.locator('.training-models tbody th')).toHaveText('one step');
    // Change a setting, then load: the form takes the model's settings back.
    await page.getByLabel(t.setup.fields.seed, { exact: true }).fill('9');
    await page.getByRole('button', { name: t.library.loadNamed('one step'), exact: true }).click();
    await expect(page.locator('.training-ok')).toContainText(t.library.loaded('one step', 1, null).slice(0, 20), { timeout: 120_000 });
    await expect(run(page)).toHaveAttribute('data-global-step', '1');
    await expect(page.getByLabel(t.setup.fields.seed, { exact: true })).toHaveValue('5');
    await expect(page.getByLabel(t.setup.fields.lr, { exact: true })).toHaveValue('0.03');

    // For PyTorch: the loaded model's weights and code download, and the explorer's reader (the one the
    // PyTorch tests hold to PyTorch) builds the code and takes the weights as load_state_dict(strict=True) would.
    const fetchDownload = async (button: string, name: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
      expect(download.suggestedFilename()).toBe(name);
      await expect(page.locator('.training-ok')).toHaveText(t.library.downloaded(name));
      return readFileSync((await download.path())!);
    };
    const weights = await fetchDownload(t.library.pytorchWeights, 'model.safetensors');
    const code = (await fetchDownload(t.library.pytorchCode, 'model.py')).toString('utf8');
    const built = explore(code, { input: [1, 1, 28, 28] });
    expect(built.ok, built.diagnostics.map((d) => d.message).join('\n')).toBe(true);
    expect(() => loadSafetensors(built.model!, new Uint8Array(weights))).not.toThrow();
    await page.locator('.training-library__snippet summary').click();
    await expect(page.locator('.training-library__snippet pre')).toContainText('load_state_dict(load_file("model.safetensors"), strict=True)');

    // A corrupt file: a clear message, and the model and its step stay as they were.
    await page.getByLabel(t.library.uploadLabel).setInputFiles({ name: 'corrupt.clw', mimeType: 'application/octet-stream', buffer: Buffer.from('CLWT and then nothing a weights file should hold') });
    const alert = page.locator('.training-library .training-problem[role="alert"]');
    await expect(alert).toContainText(t.library.refused('corrupt.clw'));
    await expect(run(page)).toHaveAttribute('data-global-step', '1');
    await expect(run(page)).toHaveAttribute('data-status', 'idle');
    await screenshot(page, 'lesson-lenet-5-en-library');
    // The file picker's button is drawn like the kit's buttons, not the browser's default.
    const picker = await page.getByLabel(t.library.uploadLabel).evaluate((input) => {
      const style = getComputedStyle(input, '::file-selector-button');
      return { radius: style.borderRadius, weight: style.fontWeight };
    });
    expect(picker).toEqual({ radius: '6px', weight: '600' });

    // Delete asks once more, then removes it.
    await page.getByRole('button', { name: t.library.deleteNamed('one step'), exact: true }).click();
    await page.getByRole('button', { name: t.library.confirmDeleteNamed('one step'), exact: true }).click();
    await expect(page.locator('.training-models')).toHaveCount(0);
    await expect(page.locator('.training-library')).toContainText(t.library.empty);
  });

  test('a crashed trainer is reported, saved models stay listed, and the trainer restarts', async ({ page }) => {
    test.setTimeout(5 * 60_000);
    const t = STRINGS.en;
    await open(page, 'en');
    await page.getByRole('button', { name: t.run.step, exact: true }).click();
    await expect(run(page)).toHaveAttribute('data-global-step', '1', { timeout: 120_000 });
    // A long name without spaces wraps inside its cell: the table fits a phone without scrolling.
    const longName = 'lenet-relu-maxpool-seed5-lr0.03-batch64-momentum0.9-first-try-before-lunch';
    await page.getByLabel(t.library.nameLabel, { exact: true }).fill(longName);
    await page.getByRole('button', { name: t.library.save, exact: true }).click();
    await expect(page.locator('.training-models tbody tr')).toHaveCount(1);
    await page.setViewportSize({ width: 390, height: 800 });
    const table = page.locator('.training-library .training-table-scroll');
    await expect.poll(() => table.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(1);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The next trainer to start dies as it loads.
    await page.route(/trainer\.worker[^/]*\.js/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', headers: STAND_IN_WORKER_HEADERS, body: 'throw new Error("simulated crash");' }));
    await page.reload();
    await page.locator('.training').scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await page.getByRole('button', { name: t.run.step, exact: true }).click();
    const crash = page.locator('.training-crash');
    await expect(crash).toContainText(t.crash.message);
    await expect(crash).toContainText(t.crash.safe);
    await expect(page.getByRole('button', { name: t.run.start, exact: true })).toBeDisabled();
    await expect(page.locator('.training-models tbody tr')).toHaveCount(1);

    await page.unroute(/trainer\.worker[^/]*\.js/);
    await page.getByRole('button', { name: t.crash.restart, exact: true }).click();
    await expect(crash).toHaveCount(0);
    await expect(run(page)).toHaveAttribute('data-status', 'idle', { timeout: 120_000 });
    await page.getByRole('button', { name: t.run.step, exact: true }).click();
    await expect(run(page)).toHaveAttribute('data-global-step', '1');
  });

  test('a trainer that stops answering is reported, not ended, and a restart brings back a working one', async ({ page }) => {
    test.setTimeout(5 * 60_000);
    const t = STRINGS.en;
    // The page's clock is ours to move (timers and performance.now), so thirty-odd seconds pass at once.
    await page.clock.install();
    // The first trainer takes every message and never answers, as a worker stuck in a loop would.
    await page.route(/trainer\.worker[^/]*\.js/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', headers: STAND_IN_WORKER_HEADERS, body: 'self.onmessage = () => {};' }));
    await open(page, 'en');
    await page.getByRole('button', { name: t.run.step, exact: true }).click();
    const notice = page.locator('.training-silent');
    await page.clock.runFor(20_000);
    await expect(notice).toHaveCount(0); // quiet for 20 s is not yet silence
    await page.clock.runFor(20_000);
    await expect(notice).toHaveRole('status');
    await expect(notice).toContainText(t.silence.message(30));
    await expect(page.locator('.training-crash')).toHaveCount(0);
    await expectNoSeriousA11yViolations(page);
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('silent-trainer.png') });

    await page.unroute(/trainer\.worker[^/]*\.js/);
    await notice.getByRole('button', { name: t.crash.restart, exact: true }).click();
    await expect(notice).toHaveCount(0);
    await expect(run(page)).toHaveAttribute('data-status', 'idle', { timeout: 120_000 });
    await page.getByRole('button', { name: t.run.step, exact: true }).click();
    await expect(run(page)).toHaveAttribute('data-global-step', '1', { timeout: 120_000 });
  });
});

for (const lang of LANGS) {
  test.describe(`lesson 14 (${lang}): page and controls`, () => {
    const t = STRINGS[lang];

    test('renders without errors, passes axe, and is operable from the keyboard', async ({ page }) => {
      test.setTimeout(4 * 60_000);
      await open(page, lang);
      await expect(page.locator('.training .cl-widget__title')).toHaveText(t.titles['lenet-5']);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `lesson-lenet-5-${lang}`);

      // An impossible learning rate: named, Start held with the reason, and it recovers.
      const lr = page.getByLabel(t.setup.fields.lr, { exact: true });
      await lr.fill('0');
      await expect(page.locator('[data-field="lr"] .cl-error')).toHaveText(t.fieldProblem({ kind: 'range', integer: false, min: 0, max: 10, minOpen: true }));
      await expect(page.getByRole('button', { name: t.run.start, exact: true })).toBeDisabled();
      await expect(page.locator('.training-reason')).toHaveText(t.run.blocked.invalid);
      await lr.fill('0.04');
      await expect(page.getByRole('button', { name: t.run.start, exact: true })).toBeEnabled();
      await expect(page).toHaveURL(/lr=0\.04/);

      // Keyboard only: focus Start, press Enter, then pause with the keyboard too.
      await page.getByRole('button', { name: t.run.start, exact: true }).focus();
      await page.keyboard.press('Enter');
      await expect(run(page)).toHaveAttribute('data-status', 'running', { timeout: 120_000 });
      await page.keyboard.press('Tab');
      await expect(page.getByRole('button', { name: t.run.pause, exact: true })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(run(page)).toHaveAttribute('data-status', 'paused');
      await expect(page.locator('.training-layer').first()).toBeVisible();
      await expectNoSeriousA11yViolations(page);
    });

    test('a link with bad settings falls back to the defaults and says which were ignored', async ({ page }) => {
      await open(page, lang, '?lr=-1&bs=abc&arch=stack&seed=3');
      await expect(page.locator('.training-note')).toHaveText(t.urlNote('arch, lr, bs'));
      await expect(page.getByLabel(t.setup.fields.seed, { exact: true })).toHaveValue('3');
      await expect(page.getByLabel(t.setup.fields.batchSize, { exact: true })).toHaveValue('64');
    });
  });
}
