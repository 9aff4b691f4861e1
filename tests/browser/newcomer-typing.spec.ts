/**
 * Issue 8: fields must never be rewritten under the reader, during typing or after.
 * Lesson 4's Input size turned 600 into 60 (and 100000000 into 100) when the reader
 * left the field, and lesson 1's Seed did the same to 1e20. Each keystroke is typed
 * separately here, as a person types, and the field is then left with Tab.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { STRINGS as OUTPUT_SIZE } from '../../components/widgets/output-size/strings/index.ts';
import { STRINGS as XO } from '../../components/widgets/why-convolutions/strings/index.ts';

async function hydrated(page: Page, path: string, widget: string): Promise<Locator> {
  await page.goto(path);
  await page.locator(widget).scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  return page.locator(widget);
}

/** Types `text` key by key, checking after each key that the field shows exactly what was typed. */
async function typeKeyByKey(field: Locator, text: string): Promise<void> {
  await field.fill('');
  for (let i = 1; i <= text.length; i++) {
    await field.press(text[i - 1]);
    await expect(field).toHaveValue(text.slice(0, i));
  }
}

test.describe('issue 8: typing is never rewritten', () => {
  for (const typed of ['600', '100000000']) {
    test(`lesson 4: Input size ${typed} stays ${typed}, refused with the rule`, async ({ page }) => {
      const t = OUTPUT_SIZE.en;
      const calc = await hydrated(page, '/en/lessons/output-size/', '.os-calculator');
      const field = calc.getByLabel(t.fieldLabel('input', 'both'), { exact: true });
      await typeKeyByKey(field, typed);
      await field.press('Tab');
      await expect(field).toHaveValue(typed);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      await expect(calc.locator('.cl-error')).toHaveText(t.invalidNumber(1, 512));
      await expect(calc.getByTestId('refused-note')).toHaveText(t.lastAccepted);
      // A whole valid value is taken as typed.
      await typeKeyByKey(field, '300');
      await field.press('Tab');
      await expect(field).toHaveValue('300');
      await expect(calc.getByTestId('refused-note')).toHaveCount(0);
      await expect(page).toHaveURL(/300/);
    });
  }

  test('lesson 1: Seed 1e20 stays 1e20 and holds Train with the rule', async ({ page }) => {
    const s = XO.en;
    const lab = await hydrated(page, '/en/lessons/why-convolutions/', '.xolab');
    const field = lab.getByLabel(s.seedLabel, { exact: true });
    await typeKeyByKey(field, '1e20');
    await field.press('Tab');
    await expect(field).toHaveValue('1e20');
    await expect(lab.locator('.cl-error')).toHaveText(s.seedRule('999,999'));
    await expect(lab.getByRole('button', { name: s.train, exact: true })).toBeDisabled();
    await typeKeyByKey(field, '1e2');
    await field.press('Tab');
    await expect(field).toHaveValue('1e2');
    await expect(lab.getByRole('button', { name: s.train, exact: true })).toBeEnabled();
  });

  // Issue 8: a value typed before the island hydrated (client:visible) was dropped. The
  // kit's fields are disabled until then, so nothing can be typed only to be lost.
  test('lesson 4: fields wait, visibly, until the widget is alive', async ({ page }) => {
    const t = OUTPUT_SIZE.en;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route(/OutputSizeCalculator[^/]*\.js/, async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto('/en/lessons/output-size/');
    await page.locator('.os-calculator').scrollIntoViewIfNeeded();
    const field = page.locator('.os-calculator').getByLabel(t.fieldLabel('input', 'both'), { exact: true });
    await expect(field).toBeDisabled();
    await expect(field).toHaveAttribute('data-hydrating', '');
    release();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(field).toBeEnabled();
    await typeKeyByKey(field, '30');
    await expect(page).toHaveURL(/=30/);
  });
});
