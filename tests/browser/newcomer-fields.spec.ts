/**
 * Issue 8's field items in a real browser: what a newcomer typed or linked that the
 * widgets used to keep, drop or misreport. Each test here failed before its fix:
 *
 * - "Restore the defaults" over a field left red restores its text and re-enables Start;
 * - an invalid layer field in the stack editor holds Start, as the optimiser's fields do;
 * - 9999 filters is refused at the field, which states the cap;
 * - a link naming two bad settings names both, and a stack that cannot be built is
 *   refused with a notice (Start stays usable).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/training/strings/index.ts';
import { LAYER_BOUNDS } from '../../src/training/architecture.ts';

const t = STRINGS.en;

async function openTraining(page: Page, query = ''): Promise<void> {
  await page.goto(`/en/lessons/training/${query}`);
  await page.locator('.training').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

const start = (page: Page) => page.getByRole('button', { name: t.run.start, exact: true });

test.describe('issue 8: dashboard fields', () => {
  test('"Restore the defaults" restores a field left invalid and re-enables Start', async ({ page }) => {
    await openTraining(page);
    const epochs = page.getByLabel(t.setup.fields.epochs, { exact: true });
    const before = await epochs.inputValue();
    await epochs.fill('abc');
    await expect(page.locator('[data-field="epochs"] .cl-error')).toBeVisible();
    await expect(start(page)).toBeDisabled();
    const filters = page.locator('[data-field="conv-out-0"] input');
    await filters.fill('');
    await page.getByRole('button', { name: t.setup.restoreDefaults, exact: true }).click();
    await expect(epochs).toHaveValue(before);
    await expect(filters).not.toHaveValue('');
    await expect(page.locator('.training .cl-error')).toHaveCount(0);
    await expect(start(page)).toBeEnabled();
  });

  for (const text of ['abc', '0', '-3', '']) {
    test(`a layer field holding "${text}" holds Start with the reason`, async ({ page }) => {
      await openTraining(page);
      await expect(start(page)).toBeEnabled();
      await page.locator('[data-field="conv-out-0"] input').fill(text);
      await expect(page.locator('[data-field="conv-out-0"] .cl-error')).toHaveText(t.stack.wholeNumber(1, LAYER_BOUNDS.outChannels.max));
      await expect(start(page)).toBeDisabled();
      await expect(page.locator('.training-reason')).toHaveText(t.run.blocked.invalid);
      await page.locator('[data-field="conv-out-0"] input').fill('6');
      await expect(start(page)).toBeEnabled();
    });
  }

  test('9999 filters is refused at the field, which says the cap and is marked', async ({ page }) => {
    await openTraining(page);
    const field = page.locator('[data-field="conv-out-0"] input');
    await field.fill('9999');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('[data-field="conv-out-0"] .cl-error')).toContainText('512');
    await expect(start(page)).toBeDisabled();
  });

  test('an empty Epochs or Seed field states the whole-number rule, not a decimal example', async ({ page }) => {
    await openTraining(page);
    for (const name of ['epochs', 'seed'] as const) {
      await page.getByLabel(t.setup.fields[name], { exact: true }).fill('');
      const error = page.locator(`[data-field="${name}"] .cl-error`);
      await expect(error).toContainText('whole number');
      await expect(error).not.toContainText('0.01');
    }
  });

  test('a link with two bad settings names both', async ({ page }) => {
    await openTraining(page, '?lr=banana&epochs=-5');
    await expect(page.locator('.training-note')).toHaveText(t.urlNote('lr, epochs'));
    await expect(start(page)).toBeEnabled();
  });

  test('a link whose stack cannot be built opens on the default stack with a notice', async ({ page }) => {
    await openTraining(page, '?layers=conv0k0');
    await expect(page.locator('.training-note')).toHaveText(t.urlNote('layers'));
    await expect(start(page)).toBeEnabled();
  });
});
