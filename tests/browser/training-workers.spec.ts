/**
 * Two workers in the browser (issue 14): the preview server sends COOP/COEP, so
 * the lesson page is cross-origin isolated and the trainer's two workers share
 * memory; `?memory=messages` takes the path of a page that is not isolated
 * (transferred buffers), `?workers=1` trains on one worker, `?backend=fast` runs
 * without WebAssembly as a browser without SIMD would. Every path trains the
 * same first steps of LeNet-5 to the same losses, up to the order of
 * floating-point sums, scores the test set (split between the two workers when
 * there are two) to the same accuracy, and the dashboard says which path it took.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/training/strings/index.ts';

const STEPS = 4;
/** Losses of about 2.3 after a few steps; float32 sums in another order move them by far less. */
const LOSS_TOL = 1e-4;

interface Trained {
  losses: number[];
  /** The test accuracy after the steps ("Test now"). */
  testAccuracy: number;
  backend: string | null;
  workers: string | null;
  shared: string | null;
  isolated: boolean;
}

async function trainSteps(page: Page, query: string): Promise<Trained> {
  await page.goto(`/en/lessons/lenet-5/${query}`);
  await page.locator('.training').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  const step = page.getByRole('button', { name: STRINGS.en.run.step, exact: true });
  const run = page.locator('.training-run');
  const losses: number[] = [];
  for (let i = 1; i <= STEPS; i++) {
    await step.click();
    await expect(run).toHaveAttribute('data-global-step', String(i), { timeout: 120_000 });
    // A step's progress event sets the step and the loss together.
    const loss = page.locator('[data-train-loss]');
    losses.push(Number(await loss.getAttribute('data-train-loss')));
  }
  await page.getByRole('button', { name: STRINGS.en.run.evaluate, exact: true }).click();
  const score = page.locator('.training-test-accuracy');
  await expect(score).toHaveAttribute('data-eval-step', String(STEPS), { timeout: 120_000 });
  const engine = page.locator('.training-engine');
  return {
    losses,
    testAccuracy: Number(await score.getAttribute('data-test-accuracy')),
    backend: await engine.getAttribute('data-backend'),
    workers: await engine.getAttribute('data-workers'),
    shared: await engine.getAttribute('data-shared-memory'),
    isolated: await page.evaluate(() => self.crossOriginIsolated),
  };
}

function expectSameCurve(a: number[], b: number[]): void {
  expect(a).toHaveLength(b.length);
  a.forEach((loss, i) => {
    expect(Number.isFinite(loss)).toBe(true);
    expect(Math.abs(loss - b[i]), `loss at step ${i + 1}: ${loss} vs ${b[i]}`).toBeLessThanOrEqual(LOSS_TOL);
  });
}

test('two workers (shared memory, and messages as without isolation) train the same curve as one', async ({ browser }) => {
  test.setTimeout(300_000);
  const runs: Record<string, Trained> = {};
  for (const [name, query] of [
    ['one', '?workers=1'],
    ['shared', ''],
    ['messages', '?memory=messages'],
  ] as const) {
    // A fresh context each: no worker or cache carries over.
    const context = await browser.newContext();
    const page = await context.newPage();
    runs[name] = await trainSteps(page, query);
    await context.close();
  }
  expect(runs.one.isolated).toBe(true);
  expect(runs.one).toMatchObject({ backend: 'wasm', workers: '1', shared: 'false' });
  expect(runs.shared).toMatchObject({ backend: 'wasm', workers: '2', shared: 'true' });
  expect(runs.messages).toMatchObject({ backend: 'wasm', workers: '2', shared: 'false' });
  expectSameCurve(runs.shared.losses, runs.one.losses);
  expectSameCurve(runs.messages.losses, runs.one.losses);
  // Each image's class comes out the same wherever it is scored. The two-worker weights differ
  // from one worker's in the last bits, which could tip an image lying on a class boundary; the
  // runs are deterministic (same seed, same order of sums every time) and none does here.
  expect(runs.one.testAccuracy).toBeGreaterThan(0);
  expect(runs.shared.testAccuracy).toBe(runs.one.testAccuracy);
  expect(runs.messages.testAccuracy).toBe(runs.one.testAccuracy);
  // The curve moved: these are real training steps, not one number repeated.
  expect(new Set(runs.one.losses).size).toBe(STEPS);
});

test('without WebAssembly (?backend=fast) the dashboard trains on the fast backend and loads no .wasm', async ({ page }) => {
  test.setTimeout(180_000);
  const wasm: string[] = [];
  page.context().on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.wasm')) wasm.push(response.url());
  });
  const run = await trainSteps(page, '?backend=fast');
  expect(run.backend).toBe('fast');
  expect(run.workers).toBe('2');
  expect(run.losses.every((l) => Number.isFinite(l) && l > 0)).toBe(true);
  expect(wasm).toEqual([]);
  await expect(page.locator('.training-engine')).toHaveText(STRINGS.en.run.engineText('fast', 2, true));
});
