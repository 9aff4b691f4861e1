/**
 * The network explorer page in a real browser: every example builds its table
 * (the numbers checked against `explore` run here in Node), lesson 12's bug is
 * marked at its line with the explorer's message and the table returns once it
 * is fixed by typing, the code survives a reload through the address and a
 * damaged address gets a note, the builder writes code, the downloaded model.py
 * is exportPyTorch's, a wrong .safetensors file is refused with a message, the
 * page works from the keyboard, passes axe in both themes, and speaks Korean on
 * the Korean page. Screenshots at 1280 and 390 px.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/explorer/strings/index.ts';
import { EXAMPLES, explore, exportPyTorch, saveSafetensors } from '../../src/explorer/index.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';

const LANGS: Lang[] = ['en', 'ko'];
const exampleCode = (id: string) => readFileSync(`src/explorer/examples/${id}.py`, 'utf8');

async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/explorer/${query}`);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await expect(page.locator('.xp .cm-editor')).toBeVisible();
}

/** The editor's text, as CodeMirror holds it. */
async function editorText(page: Page): Promise<string> {
  return page.locator('.xp .cm-content').evaluate((el) => Array.from(el.querySelectorAll('.cm-line'), (l) => l.textContent).join('\n'));
}

async function openExample(page: Page, lang: Lang, id: string): Promise<void> {
  const t = STRINGS[lang];
  await page.getByLabel(t.exampleLabel, { exact: true }).selectOption(id);
  await page.getByRole('button', { name: t.openExample }).click();
}

const en = STRINGS.en;

test.describe('network explorer', () => {
  for (const lang of LANGS) {
    test(`renders in ${lang}, passes axe in both themes, and saves screenshots`, async ({ page }) => {
      test.setTimeout(180_000);
      const t = STRINGS[lang];
      await open(page, lang);
      await expect(page.locator('h1')).toHaveText(t.pageTitle);
      await expect(page.getByRole('button', { name: t.openExample })).toBeVisible();
      await expect(page.getByRole('heading', { name: t.summaryHeading })).toBeVisible();
      await expect(page.getByLabel(t.inputLabel)).toHaveValue('1, 1, 28, 28');
      // The working of the first convolution, typeset.
      await expect(page.getByTestId('xp-working').locator('.katex').first()).toBeVisible();
      await expect(page.locator('.katex-error')).toHaveCount(0);
      if (lang === 'ko') await expect(page.getByText(t.keyboardHelp)).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `explorer-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousA11yViolations(page);
      if (lang === 'en') await screenshot(page, 'explorer-en-dark');
    });
  }

  test('every example builds its table, with the numbers explore() gives', async ({ page }) => {
    await open(page, 'en');
    for (const example of EXAMPLES) {
      const expected = explore(exampleCode(example.id), { input: example.input });
      await openExample(page, 'en', example.id);
      await expect(page.getByLabel(en.inputLabel)).toHaveValue(example.input.join(', '));
      const rows = page.getByTestId('xp-summary').locator('tbody tr');
      // One row for the input, then one per traced layer.
      await expect(rows).toHaveCount(expected.rows.length + 1);
      await expect(rows.last().locator('td').nth(1)).toHaveText(`[${expected.rows.at(-1)!.outputShape.join(', ')}]`);
      if (expected.ok) {
        await expect(page.getByTestId('xp-totals')).toContainText(new Intl.NumberFormat('en-US').format(expected.totalParams!));
      }
      expect(await editorText(page)).toBe(exampleCode(example.id));
    }
  });

  test("lesson 12's bug is marked at its line; fixing it by typing brings the table back, and a reload keeps the fix", async ({ page }) => {
    await open(page, 'en');
    await openExample(page, 'en', 'lesson12-cnn');
    // With a batch of two, flattening the batch is an error, not just a warning.
    await page.getByLabel(en.inputLabel).fill('2, 3, 256, 256');
    const expected = explore(exampleCode('lesson12-cnn'), { input: [2, 3, 256, 256] }).diagnostics;
    // The flatten (line 21) is flagged, and the Linear it feeds (built on line 16) fails.
    expect(expected.map((d) => [d.line, d.severity])).toEqual([[16, 'error'], [21, 'warning']]);
    const items = page.getByTestId('xp-diagnostic');
    await expect(items).toHaveCount(2);
    for (const d of expected) {
      const item = page.locator(`[data-testid="xp-diagnostic"][data-line="${d.line}"]`);
      await expect(item).toContainText(d.message);
      if (d.pytorch) await expect(item).toContainText(d.pytorch);
    }
    // The lint marks sit on those lines of the editor, and only there.
    const lines = page.locator('.xp .cm-line');
    await expect(lines.nth(15).locator('.cm-lintRange-error')).toHaveCount(1);
    await expect(lines.nth(20).locator('.cm-lintRange-warning')).toHaveCount(1);
    await expect(page.locator('.xp .cm-lintRange-error, .xp .cm-lintRange-warning')).toHaveCount(2);
    await expect(page.locator('.xp .cm-gutter-lint .cm-lint-marker-error')).toHaveCount(1);
    const problem = page.locator('[data-testid="xp-diagnostic"][data-line="21"]');

    // Fix it from the keyboard: jump to the line, select it, retype it.
    await problem.getByRole('button', { name: en.goToLine(21) }).click();
    await page.keyboard.press('Shift+End');
    await page.keyboard.type('        x = torch.flatten(x, 1)');
    await expect(page.getByTestId('xp-problems')).toContainText(en.noProblems);
    await expect(page.locator('.xp .cm-lintRange-error, .xp .cm-lintRange-warning')).toHaveCount(0);
    await expect(page.getByTestId('xp-totals')).toContainText('[2, 10]');

    // The address holds the code: a reload shows the fixed code and the same table.
    await expect.poll(() => new URL(page.url()).searchParams.get('input')).toBe('2,3,256,256');
    await expect.poll(async () => {
      const url = new URL(page.url());
      return url.searchParams.has('code');
    }).toBe(true);
    await page.waitForTimeout(400); // the address writer's settle time, so the last edit is in
    await page.reload();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect.poll(() => editorText(page)).toContain('x = torch.flatten(x, 1)');
    await expect(page.getByTestId('xp-totals')).toContainText('[2, 10]');
  });

  test('a damaged address gets a note and the defaults', async ({ page }) => {
    await open(page, 'en', '?code=eJzLSM3JyVcozy_KSQEAGgQEXQ-cut&input=1,x,3');
    await expect(page.getByTestId('xp-link-note')).toHaveText(en.rejectedLink([en.keyNames.code, en.keyNames.input]));
    await expect.poll(() => editorText(page)).toBe(exampleCode('lenet5'));
    await expect(page.getByLabel(en.inputLabel)).toHaveValue('1, 1, 28, 28');
  });

  test('the builder writes code, and edits in the code come back to the builder', async ({ page }) => {
    await open(page, 'en');
    const builder = page.getByTestId('xp-builder');
    // LeNet-5 is a class with its own forward: the builder offers a new stack instead.
    await builder.getByRole('button', { name: en.startStack }).click();
    await expect(builder.getByTestId('xp-layer')).toHaveCount(3);
    await expect.poll(() => editorText(page)).toContain('nn.Conv2d(1, 8, kernel_size=3)');
    await builder.getByLabel(en.addLabel).selectOption('Linear');
    await builder.getByRole('button', { name: en.addLayer }).click();
    await expect(builder.getByTestId('xp-layer')).toHaveCount(4);
    await expect.poll(() => editorText(page)).toContain('nn.Linear(128, 10),');
    // The Linear does not fit 8x26x26 = 5408 features; the explorer says so.
    await expect(page.getByTestId('xp-diagnostic').first()).toContainText('5408');
    await builder.locator('[data-field="3-in_features"] input').fill('5408');
    await expect.poll(() => editorText(page)).toContain('nn.Linear(5408, 10),');
    await expect(page.getByTestId('xp-problems')).toContainText(en.noProblems);
    await builder.getByRole('button', { name: en.moveUp(1, 'ReLU') }).click();
    await expect.poll(() => editorText(page)).toMatch(/nn\.ReLU\(\),\n\s+nn\.Conv2d/);
    await builder.getByRole('button', { name: en.moveDown(0, 'ReLU') }).click();
    // Typing in the editor changes the builder.
    await page.locator('.xp .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('nn.Sigmoid(),');
    await expect(builder.getByTestId('xp-layer')).toHaveCount(5);
    await expect(builder.getByTestId('xp-layer').last()).toContainText('nn.Sigmoid');
  });

  test('downloads model.py as exportPyTorch writes it, and refuses a wrong .safetensors file with a message', async ({ page }) => {
    await open(page, 'en');
    const [code] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xp-download-code').click()]);
    expect(code.suggestedFilename()).toBe('model.py');
    const text = readFileSync((await code.path())!, 'utf8');
    const source = exampleCode('lenet5');
    expect(text).toBe(exportPyTorch(explore(source, { input: [1, 1, 28, 28] }).model!, { source, input: [1, 1, 28, 28] }));

    const [weights] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xp-download-weights').click()]);
    const bytes = readFileSync((await weights.path())!);
    // The file holds LeNet-5's state dict under PyTorch's names.
    const header = JSON.parse(bytes.subarray(8, 8 + Number(bytes.readBigUInt64LE(0))).toString('utf8'));
    expect(Object.keys(header).filter((k) => k !== '__metadata__').sort()).toEqual(
      Object.keys(explore(source).model!.stateDict()).sort(),
    );

    const fileInput = page.getByLabel(en.importLabel);
    const status = page.getByTestId('xp-import-status');
    await fileInput.setInputFiles({ name: 'notes.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from('hello, not a tensor file') });
    await expect(status).toContainText('notes.safetensors was not loaded, and nothing changed');
    await expect(page.getByTestId('xp-weights-source')).toHaveText(en.weightsInitial);
    // A real safetensors file of another network: named as load_state_dict(strict=True) names it.
    const other = explore('import torch.nn as nn\nmodel = nn.Sequential(nn.Linear(4, 2))\n').model!;
    await fileInput.setInputFiles({ name: 'other.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from(saveSafetensors(other)) });
    await expect(status).toContainText('other.safetensors was not loaded');
    await expect(status).toContainText('conv1.weight');
    // The file just downloaded fits.
    await fileInput.setInputFiles({ name: 'model.safetensors', mimeType: 'application/octet-stream', buffer: bytes });
    await expect(status).toContainText('Loaded');
    await expect(page.getByTestId('xp-weights-source')).toHaveText(en.weightsLoaded('model.safetensors'));
  });

  test('works from the keyboard alone, and Escape then Tab leaves the editor', async ({ page }) => {
    await open(page, 'en');
    await page.getByLabel(en.exampleLabel, { exact: true }).focus();
    await page.keyboard.press('ArrowDown'); // LeNet-5 -> Mini-AlexNet
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: en.openExample })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => editorText(page)).toBe(exampleCode('mini-alexnet'));
    // Tab on through the input shape into the editor.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel(en.inputLabel)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.locator('.xp .cm-content')).toBeFocused();
    // Inside, Tab indents rather than leaving.
    await page.keyboard.press('Tab');
    await expect(page.locator('.xp .cm-content')).toBeFocused();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(page.locator('.xp .cm-content')).not.toBeFocused();
    expect(await page.evaluate(() => document.activeElement?.closest('.cm-editor') === null)).toBe(true);
  });
});
