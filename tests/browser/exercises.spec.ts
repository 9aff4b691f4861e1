/**
 * The exercises at the end of every written lesson and of the network
 * explorer, in both languages: each has at least three cards; one exercise answered wrong, then right,
 * shows the framework's feedback. Then, once: hints one at a time, the worked
 * solution after an attempt, a new variant, progress surviving a reload and a
 * corrupt stored value, axe, screenshots of the section, and predict-first in
 * the output-size calculator.
 */
import { readdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshotDir, test } from './fixtures.ts';
import { checkAnswerNow, listExercises, makeVariant } from '../../src/exercises/index.ts';
import type { AnyExercise } from '../../src/exercises/index.ts';
import type { Locale } from '../../src/i18n/lessons.ts';
import { STRINGS } from '../../components/exercises/strings/index.ts';

const LANGS: Locale[] = ['en', 'ko'];
const LESSONS = readdirSync('content/lessons/en')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

/** The first exercise of a lesson answered in one text field. */
function singleField(lesson: string): AnyExercise {
  const found = listExercises({ lesson }).find((e: AnyExercise) => {
    if (e.heavy || e.kind === 'solve-for') return false;
    const kind = e.answerSpec(makeVariant(e, 1).params).kind;
    return kind === 'integer' || kind === 'number';
  });
  if (!found) throw new Error(`lesson ${lesson} has no exercise answered in one field`);
  return found;
}

/** The reference answer and a wrong one, for the variant the card shows. */
async function answersFor(card: Locator, exercise: AnyExercise): Promise<{ right: string; wrong: string }> {
  const seed = Number(await card.getAttribute('data-seed'));
  const { params } = makeVariant(exercise, seed);
  const right = exercise.answer(params).typed as string;
  const candidates = [...exercise.mistakes(params).map((m: { typed: string }) => m.typed), String(Number(right) + 1), '0'];
  const wrong = candidates.find((c) => checkAnswerNow(exercise, params, c).score < 1);
  if (wrong === undefined) throw new Error(`no wrong answer found for ${exercise.id}`);
  return { right, wrong };
}

async function readyCard(page: Page, id: string): Promise<Locator> {
  const card = page.locator(`[data-exercise="${id}"]`);
  await card.scrollIntoViewIfNeeded();
  await expect(card).toHaveAttribute('data-ready', 'true');
  return card;
}

for (const lang of LANGS) {
  const s = STRINGS[lang];
  // Every written lesson, and the network explorer, which has exercises of its own.
  for (const lesson of [...LESSONS, 'explorer']) {
    test(`${lang}/${lesson}: exercises listed, one answered wrong then right`, async ({ page }) => {
      await page.goto(lesson === 'explorer' ? `/${lang}/explorer/` : `/${lang}/lessons/${lesson}/`);
      const section = page.locator(`[data-lesson-exercises="${lesson}"]`);
      await expect(section.locator('h2')).toHaveText(s.sectionTitle);
      expect(await section.locator('[data-exercise]').count()).toBeGreaterThanOrEqual(3);
      if (lesson !== 'explorer') await expect(page.locator('.toc a[href="#exercises"]')).toHaveCount(1);

      const exercise = singleField(lesson);
      const card = await readyCard(page, exercise.id);
      const { right, wrong } = await answersFor(card, exercise);
      const field = card.locator('[data-answer-field="0"]');
      await field.fill(wrong);
      await card.locator('[data-action="check"]').click();
      const feedback = card.locator('.ex-feedback');
      await expect(feedback).toHaveAttribute('data-status', /incorrect|partial/);
      await expect(feedback.locator('.ex-feedback__status')).toContainText(new RegExp(`${s.status.incorrect}|${s.status.partial}`));
      await field.fill(right);
      await field.press('Enter');
      await expect(feedback).toHaveAttribute('data-status', 'correct');
      await expect(feedback.locator('.ex-feedback__status')).toContainText(s.status.correct);
      await expect(card.locator('.ex-card__best')).toHaveAttribute('data-best', '100');
    });
  }
}

test('hints, solution, new variant, progress across reloads and corrupt storage; axe; screenshots', async ({ page }) => {
  // axe over a whole lesson page is slow on a busy machine.
  test.setTimeout(240_000);
  const s = STRINGS.en;
  const exercise = singleField('output-size');
  await page.goto('/en/lessons/output-size/');
  let card = await readyCard(page, exercise.id);
  const hintCount = exercise.hints(makeVariant(exercise, 1).params).length;

  // Hints come one at a time; the solution waits for an attempt.
  await expect(card.locator('[data-action="solution"]')).toBeDisabled();
  await card.locator('[data-action="hint"]').click();
  await expect(card.locator('.ex-hint')).toHaveCount(1);
  if (hintCount > 1) {
    await card.locator('[data-action="hint"]').click();
    await expect(card.locator('.ex-hint')).toHaveCount(2);
  }
  const { right, wrong } = await answersFor(card, exercise);
  await card.locator('[data-answer-field="0"]').fill(wrong);
  await card.locator('[data-action="check"]').click();
  await expect(card.locator('[data-action="solution"]')).toBeEnabled();
  await card.locator('[data-action="solution"]').click();
  await expect(card.locator('[data-solution]')).toBeVisible();
  await expect(card.locator('[data-solution] .katex').first()).toBeVisible();

  // A new variant: new seed, empty field, hints and solution closed.
  const firstSeed = await card.getAttribute('data-seed');
  await card.locator('[data-action="new-variant"]').click();
  await expect(card).not.toHaveAttribute('data-seed', firstSeed!);
  await expect(card.locator('[data-answer-field="0"]')).toHaveValue('');
  await expect(card.locator('.ex-hint')).toHaveCount(0);
  await expect(card.locator('[data-solution]')).toHaveCount(0);

  // Type on the new variant, reload: the same variant and the typed text come back.
  const seed = await card.getAttribute('data-seed');
  const fresh = await answersFor(card, exercise);
  await card.locator('[data-answer-field="0"]').fill(fresh.right);
  await card.locator('[data-action="check"]').click();
  await expect(card.locator('.ex-feedback')).toHaveAttribute('data-status', 'correct');
  await page.reload();
  card = await readyCard(page, exercise.id);
  await expect(card).toHaveAttribute('data-seed', seed!);
  await expect(card.locator('[data-answer-field="0"]')).toHaveValue(fresh.right);
  await expect(card.locator('.ex-card__best')).toHaveText(s.best(100));
  expect(right).not.toBe('');

  // Corrupt storage: the cards start afresh, nothing breaks.
  await page.evaluate(() => localStorage.setItem('convlab:exercises:v1', '{"output-size/forward": {"seed": "x"}, broken'));
  await page.reload();
  card = await readyCard(page, exercise.id);
  await expect(card).toHaveAttribute('data-seed', firstSeed!);
  await expect(card.locator('[data-answer-field="0"]')).toHaveValue('');
  await page.evaluate(() => localStorage.setItem('convlab:exercises:v1', JSON.stringify({ 'output-size/forward': { seed: -5, fields: 7 } })));
  await page.reload();
  card = await readyCard(page, exercise.id);
  await expect(card).toHaveAttribute('data-seed', firstSeed!);

  // Every card hydrated, then axe, then pictures of the section.
  for (const id of await page.locator('[data-lesson-exercises] [data-exercise]').evaluateAll((els) => els.map((e) => e.getAttribute('data-exercise')!))) {
    await readyCard(page, id);
  }
  await card.locator('[data-answer-field="0"]').fill(wrong);
  await card.locator('[data-action="check"]').click();
  await card.locator('[data-action="hint"]').click();
  await expectNoSeriousA11yViolations(page);
  const section = page.locator('[data-lesson-exercises]');
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await section.screenshot({ path: `${screenshotDir}/exercises-output-size-${width}.png` });
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  await card.screenshot({ path: `${screenshotDir}/exercises-card-dark-390.png` });
  // No card is wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('lenet-5: the ordering is keyboard-operable and checked by the framework', async ({ page }) => {
  await page.goto('/en/lessons/lenet-5/');
  const card = await readyCard(page, 'lenet-5/layer-order');
  const first = card.locator('.ex-order__card').first();
  const label = (await first.locator('.ex-order__label').textContent())!.trim();
  await first.locator('button').nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(card.locator('.ex-order__card').nth(1).locator('.ex-order__label')).toHaveText(label!);
  // Focus stayed on the moved card's button.
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', STRINGS.en.moveDown(label!));
  await card.locator('[data-action="check"]').click();
  await expect(card.locator('.ex-feedback')).toHaveAttribute('data-status', /correct|partial|incorrect/);
});

test('convolution: the design-a-kernel check runs in the worker', async ({ page }) => {
  await page.goto('/en/lessons/convolution/');
  const card = await readyCard(page, 'convolution/vertical-edges');
  const sobel = ['-1', '0', '1', '-2', '0', '2', '-1', '0', '1'];
  for (let i = 0; i < 9; i++) await card.locator(`[data-answer-field="${i}"]`).fill(sobel[i]);
  await card.locator('[data-action="check"]').click();
  await expect(card.locator('.ex-feedback')).toHaveAttribute('data-status', 'correct', { timeout: 30_000 });
});

test('training: a file that is not a weights file gets a clear message', async ({ page }) => {
  await page.goto('/en/lessons/training/');
  const card = await readyCard(page, 'training/target-accuracy');
  await card.locator('input[type="file"]').setInputFiles({ name: 'notes.clw', mimeType: 'application/octet-stream', buffer: Buffer.from('hello, not weights') });
  await expect(card.locator('.ex-answer--file [role="status"]')).toContainText('notes.clw');
  await card.locator('[data-action="check"]').click();
  const feedback = card.locator('.ex-feedback');
  await expect(feedback).toHaveAttribute('data-status', 'invalid', { timeout: 30_000 });
  await expect(feedback).toContainText('not a usable ConvLab weights file');
});

test('predict first in the output-size calculator', async ({ page }) => {
  await page.goto('/en/lessons/output-size/');
  const calc = page.locator('.os-calculator');
  await calc.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  // Off by default in the lesson: the answer shows.
  await expect(calc.locator('[data-testid="engine-shape"]')).toBeVisible();
  await calc.locator('[data-predict-toggle]').check();
  await expect(calc.locator('[data-predict-gate]')).toBeVisible();
  await expect(calc.locator('[data-testid="engine-shape"]')).toHaveCount(0);
  // Something that is not a number is refused with a message.
  await calc.locator('[data-predict-field="0"]').fill('abc');
  await calc.locator('[data-predict-reveal]').click();
  await expect(calc.locator('[data-predict-gate] .cl-error')).toBeVisible();
  await calc.locator('[data-predict-field="0"]').fill('-1');
  await calc.locator('[data-predict-field="0"]').press('Enter');
  await expect(calc.locator('[data-predict-verdict]')).toHaveAttribute('data-predict-verdict', 'wrong');
  await expect(calc.locator('[data-testid="engine-shape"]')).toBeVisible();
  // A preset is a new question: the answer hides again.
  await calc.locator('[data-preset="vggPool"]').click();
  await expect(calc.locator('[data-predict-gate]')).toBeVisible();
  await calc.locator('[data-predict-field="0"]').fill('112');
  await calc.locator('[data-predict-reveal]').click();
  await expect(calc.locator('[data-predict-verdict]')).toHaveAttribute('data-predict-verdict', 'right');
});
