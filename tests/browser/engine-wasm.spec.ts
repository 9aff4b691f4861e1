/**
 * The engine's WebAssembly kernels in the built site: each trainer worker (the
 * trainer and its helper) fetches one build (relaxed SIMD in this Chromium) when it starts, as a hashed asset,
 * and trains on it; a lesson page whose widgets never train does not download
 * any .wasm at all (it loads only with the widget that needs it).
 */
import type { Page, Response } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/training/strings/index.ts';

const KERNELS = /\/_astro\/kernels-(relaxed|simd)[-.][\w-]+\.wasm$/;

/** Every response for a kernels file, from the page or any of its workers. */
function watchKernels(page: Page): Response[] {
  const seen: Response[] = [];
  page.context().on('response', (response) => {
    if (KERNELS.test(new URL(response.url()).pathname)) seen.push(response);
  });
  return seen;
}

test('each trainer worker loads the relaxed-SIMD kernels once and trains with them', async ({ page }) => {
  test.setTimeout(180_000);
  const kernels = watchKernels(page);
  await page.goto('/en/lessons/lenet-5/');
  await page.locator('.training').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.getByRole('button', { name: STRINGS.en.run.step, exact: true }).click();
  await expect(page.locator('.training-run')).toHaveAttribute('data-global-step', '1', { timeout: 120_000 });
  // The trainer and its data-parallel helper each compile the module once (two workers on this 2-core machine).
  const workers = Number(await page.locator('.training-engine').getAttribute('data-workers'));
  expect(workers).toBe(2);
  await expect.poll(() => kernels.length).toBe(workers);
  expect(new Set(kernels.map((k) => k.url())).size).toBe(1);
  const [response] = kernels;
  expect(response.status()).toBe(200);
  expect(new URL(response.url()).pathname).toMatch(/kernels-relaxed/);
  const bytes = await response.body();
  // The WebAssembly magic number, and a module this browser compiles.
  expect([...bytes.subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]);
  expect(await page.evaluate((b) => WebAssembly.validate(new Uint8Array(b)), [...bytes])).toBe(true);
});

test('a lesson whose widgets do not train downloads no WebAssembly', async ({ page }) => {
  const kernels = watchKernels(page);
  await page.goto('/en/lessons/convolution/');
  // Scroll through the page so every widget loads.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  });
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  expect(kernels).toHaveLength(0);
});
