/**
 * The case-study lessons' shared check of their embedded trainer: Start, wait for a
 * few real batches, then Pause, as a learner would try it. `whileRunning` adds a
 * lesson's own check once the run has started (lesson 17's one-worker engine line).
 */
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { STRINGS as TRAINING } from '../../components/widgets/training/strings/index.ts';

export async function trainAFewBatchesThenPause(page: Page, whileRunning?: () => Promise<void>): Promise<void> {
  const t = TRAINING.en;
  const dashboard = page.locator('.training');
  const run = page.locator('.training-run');
  await dashboard.getByRole('button', { name: t.run.start, exact: true }).click();
  await expect(run).toHaveAttribute('data-status', 'running', { timeout: 120_000 });
  await whileRunning?.();
  await expect.poll(async () => Number(await run.getAttribute('data-global-step')), { timeout: 240_000, intervals: [1000] }).toBeGreaterThan(3);
  await dashboard.getByRole('button', { name: t.run.pause, exact: true }).click();
  await expect(run).toHaveAttribute('data-status', 'paused');
}
