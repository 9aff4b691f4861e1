/**
 * Lesson 2 in a real browser: the stepper shows the engine's numbers and follows its
 * controls (mouse and keyboard alone), the depth demo reads one patch through five
 * filters, and the code panel holds the engine's real conv2d loops.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { extractExportedFunctions } from '../../components/engine-source/engine-source.ts';
import { STRINGS as strings } from '../../components/widgets/convolution/strings/index.ts';

const langs = ['en', 'ko'] as const;
const MINUS = '\u2212';

/** Scrolls an island into view and waits until Astro has hydrated it. */
async function hydrated(page: Page, island: Locator): Promise<void> {
  await island.scrollIntoViewIfNeeded();
  await expect(island.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/, { timeout: 20_000 });
}

async function openStepper(page: Page, lang: 'en' | 'ko', query = ''): Promise<Locator> {
  await page.goto(`/${lang}/lessons/convolution/${query}`);
  const widget = page.locator('section.conv-widget').first();
  await hydrated(page, widget);
  return widget;
}

const cell = (grid: Locator, index: number) => grid.locator(`[role="gridcell"][data-index="${index}"]`);

for (const lang of langs) {
  const t = strings[lang];

  test.describe(`lesson 2 (${lang})`, () => {
    test('renders the worked example from the engine, with no accessibility problems', async ({ page }) => {
      test.setTimeout(240_000); // axe checks every highlighted token of the code panel, twice
      const widget = await openStepper(page, lang);
      await expect(page.locator('h1')).toHaveText(lang === 'en' ? 'The convolution operation' : '합성곱 연산');
      // The prose table: built from the engine at build time.
      const table = page.locator('table.conv-lesson-table');
      await expect(table.locator('tbody tr')).toHaveCount(7);
      await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText('0.78');
      await expect(table.locator('tbody tr').first().locator('td').nth(1)).toHaveText(`${MINUS}0.11`);
      await expect(table.locator('tbody tr').nth(1).locator('td').nth(1)).toHaveText('1.00');
      await expect(page.locator('.lesson__body')).toContainText('0.77');
      // The stepper starts at the top-left window.
      await expect(widget.getByTestId('conv-sum')).toContainText('7/9 ≈ 0.78');
      await expect(widget.getByTestId('conv-volume')).toHaveText('7 × 7 × 1');
      await hydrated(page, page.locator('.conv-depth-demo'));
      await page.locator('details.engine-source').first().evaluate((details) => ((details as HTMLDetailsElement).open = true));
      await expectNoSeriousA11yViolations(page);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousA11yViolations(page);
    });

    test('stepping moves the window and the readout follows the engine', async ({ page }) => {
      const widget = await openStepper(page, lang);
      const sum = widget.getByTestId('conv-sum');
      await expect(widget).toHaveAttribute('data-window', '0,0');
      await expect(sum).toContainText('7/9');
      await widget.getByRole('button', { name: t.next }).click();
      await expect(widget).toHaveAttribute('data-window', '0,1');
      await expect(sum).toContainText(`${MINUS}1/9 ≈ ${MINUS}0.11`);
      const frame = widget.locator('.conv-window');
      const left = await frame.evaluate((el) => el.getBoundingClientRect().left);
      await widget.getByRole('button', { name: t.next }).click();
      await expect(widget).toHaveAttribute('data-window', '0,2');
      expect(await frame.evaluate((el) => el.getBoundingClientRect().left)).toBeGreaterThan(left);
      // The slider jumps straight to row 1, column 1, where the diagonal matches exactly.
      await widget.locator('input[type="range"]').fill('8');
      await expect(widget).toHaveAttribute('data-window', '1,1');
      await expect(sum).toContainText('9/9 = 1.00');
      // Pointing at an output previews its window and arithmetic.
      const map = widget.getByTestId('conv-map-0');
      await cell(map, 1).hover();
      await expect(widget).toHaveAttribute('data-window', '0,1');
      await expect(sum).toContainText(`${MINUS}1/9`);
      await page.mouse.move(0, 0);
      await expect(widget).toHaveAttribute('data-window', '1,1');
      // Play advances on its own; pause stops it.
      await widget.getByRole('button', { name: t.play }).click();
      await expect(widget).not.toHaveAttribute('data-window', '1,1', { timeout: 5_000 });
      await widget.getByRole('button', { name: t.pause }).click();
      const stopped = await widget.getAttribute('data-window');
      await page.waitForTimeout(1_200);
      await expect(widget).toHaveAttribute('data-window', stopped!);
    });

    test('editing a pixel, a weight and the stack changes the engine output, and the URL keeps it', async ({ page }) => {
      const widget = await openStepper(page, lang);
      const map = widget.getByTestId('conv-map-0');
      await expect(cell(map, 0)).toHaveText('0.78');
      await cell(widget.getByTestId('conv-input'), 0).click();
      await expect(cell(map, 0)).toHaveText('1.00');
      await expect(widget.getByTestId('conv-sum')).toContainText('9/9');
      // A second filter (the other diagonal) adds a second map.
      await widget.getByRole('button', { name: t.addFilter }).click();
      await expect(widget.getByTestId('conv-volume')).toHaveText('7 × 7 × 2');
      await expect(widget.getByTestId('conv-map-1')).toBeVisible();
      await expect(cell(widget.getByTestId('conv-map-1'), 0)).toHaveText('0.11');
      // Switching a weight off (1 → −1 → 0) changes the sum accordingly.
      const weight = cell(widget.getByTestId('conv-filter-0'), 4);
      await weight.click();
      await weight.click();
      await expect(weight).toHaveText('0');
      await expect(cell(map, 0)).toHaveText('0.89');
      // Reload: the same state comes back from the address.
      // Wait for the address to hold the last change (it is written once changes settle).
      await expect(page).toHaveURL(/conv-filters=1---0---1\./);
      await page.reload();
      const again = page.locator('section.conv-widget').first();
      await hydrated(page, again);
      await expect(again.getByTestId('conv-volume')).toHaveText('7 × 7 × 2');
      await expect(cell(again.getByTestId('conv-map-0'), 0)).toHaveText('0.89');
      await again.getByRole('button', { name: t.reset }).click();
      await expect(again.getByTestId('conv-volume')).toHaveText('7 × 7 × 1');
      await expect(page).not.toHaveURL(/conv-/);
    });

    test('a broken link falls back to the defaults with a visible note', async ({ page }) => {
      const widget = await openStepper(page, lang, '?conv-image=oops&conv-at=99');
      await expect(widget.locator('.conv-note')).toHaveText(t.urlProblem(['image', 'at']));
      await expect(widget.getByTestId('conv-sum')).toContainText('7/9');
    });

    test('works with the keyboard alone', async ({ page }) => {
      const widget = await openStepper(page, lang);
      const sum = widget.getByTestId('conv-sum');
      await widget.getByRole('button', { name: t.play }).focus();
      await page.keyboard.press('Tab'); // "Previous" is disabled at the start: next stop is "Next"
      await expect(widget.getByRole('button', { name: t.next })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(widget).toHaveAttribute('data-window', '0,1');
      await page.keyboard.press('Tab');
      await expect(widget.locator('input[type="range"]')).toBeFocused();
      await page.keyboard.press('ArrowRight');
      await expect(widget).toHaveAttribute('data-window', '0,2');
      await page.keyboard.press('Home');
      await expect(widget).toHaveAttribute('data-window', '0,0');
      // Into the picture: arrows move, Enter flips.
      await page.keyboard.press('Tab');
      const input = widget.getByTestId('conv-input');
      await expect(cell(input, 0)).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(cell(input, 0)).toHaveText('1');
      await expect(sum).toContainText('9/9');
      await page.keyboard.press('ArrowRight');
      await expect(cell(input, 1)).toBeFocused();
      await page.keyboard.press(' ');
      await expect(cell(input, 1)).toHaveText('1');
      await expect(sum).toContainText('7/9');
      // Into the output map: focusing a cell selects its window.
      await page.keyboard.press('Tab');
      const map = widget.getByTestId('conv-map-0');
      await expect(cell(map, 0)).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(cell(map, 7)).toBeFocused();
      await expect(widget).toHaveAttribute('data-window', '1,0');
      await page.keyboard.press('ArrowRight');
      await expect(widget).toHaveAttribute('data-window', '1,1');
      await expect(sum).toContainText('9/9 = 1.00');
      // On to the filter, then "Add filter".
      await page.keyboard.press('Tab');
      await expect(cell(widget.getByTestId('conv-filter-0'), 0)).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(cell(widget.getByTestId('conv-filter-0'), 0)).toHaveText(`${MINUS}1`);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await expect(widget.getByRole('button', { name: t.addFilter })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(widget.getByTestId('conv-volume')).toHaveText('7 × 7 × 2');
    });

    test('the depth demo reads five numbers from one patch', async ({ page }) => {
      await page.goto(`/${lang}/lessons/convolution/`);
      const demo = page.locator('.conv-depth-demo');
      await hydrated(page, demo);
      await expect(demo.getByTestId('depth-shapes')).toContainText('28×28×5');
      const readout = demo.getByTestId('depth-readout');
      await expect(readout.locator('li')).toHaveCount(5);
      const before = await readout.locator('li').allTextContents();
      const columnSlider = demo.locator('input[type="range"]').nth(1);
      await columnSlider.focus();
      await page.keyboard.press('Home');
      await expect(readout.locator('li')).not.toHaveText(before);
      // Painted from the engine: the red filter's map is not blank.
      const painted = await demo.locator('canvas').first().evaluate((canvas) => {
        const data = (canvas as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 32, 32).data;
        return data.some((v, i) => i % 4 !== 3 && v !== 0);
      });
      expect(painted).toBe(true);
    });

    test('the code panel shows the real conv2d loops', async ({ page }) => {
      await page.goto(`/${lang}/lessons/convolution/`);
      const panel = page.locator('details.engine-source');
      await expect(panel).toHaveCount(1);
      await panel.locator('summary').first().click();
      const path = 'src/engine/ops/conv2d.ts';
      const source = readFileSync(path, 'utf8');
      for (const fn of extractExportedFunctions(source, ['conv2dForwardLoops', 'conv2dBackwardInputLoops', 'conv2dBackwardWeightLoops'], path)) {
        const code = panel.locator(`figure[data-function="${fn.name}"] pre`);
        await expect(code).toBeVisible();
        expect((await code.textContent())?.trimEnd()).toBe(fn.code.trimEnd());
        await expect(panel.locator(`figure[data-function="${fn.name}"] figcaption`)).toContainText(`${fn.startLine}`);
      }
      // The caption's link opens the whole file, as built.
      await panel.locator('figure[data-function="conv2dForwardLoops"] figcaption a').click();
      const wholeFile = panel.locator('details.engine-source__file');
      await expect(wholeFile).toHaveAttribute('open', '');
      expect((await wholeFile.locator('pre').textContent())?.trimEnd()).toBe(source.trimEnd());
      // A phone: long lines scroll inside the block instead of widening the page.
      await page.setViewportSize({ width: 360, height: 800 });
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.view);
      // The worked-example table fits without a scroll bar (it has no keyboard stop of its own).
      const table = page.locator('.conv-table-scroll');
      expect(await table.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      const pre = panel.locator('figure[data-function="conv2dForwardLoops"] pre');
      expect(await pre.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    });

    test('screenshots', async ({ page }) => {
      await page.goto(`/${lang}/lessons/convolution/`);
      await hydrated(page, page.locator('section.conv-widget').first());
      await hydrated(page, page.locator('.conv-depth-demo'));
      await page.locator('details.engine-source').first().evaluate((details) => ((details as HTMLDetailsElement).open = true));
      await page.evaluate(() => window.scrollTo(0, 0));
      const files = await screenshot(page, `lesson-convolution-${lang}`);
      expect(files).toHaveLength(2);
    });
  });
}
