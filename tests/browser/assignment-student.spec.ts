/**
 * The student's assignment page in both languages: a good link shows the
 * assignment, the notice and, after the student id, this student's variants;
 * answers are kept across a reload; "Hand in" downloads a file that the
 * framework's parseSubmission accepts with exactly what was typed, and that
 * scores as expected. Tampered, truncated and empty links get a clear message.
 * Axe and screenshots at 1280 and 390 px.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { assignmentLink, checkAnswerNow, createAssignment, parseSubmission, studentVariants } from '../../src/exercises/index.ts';
import type { Locale } from '../../src/i18n/lessons.ts';
import { STRINGS } from '../../components/exercises/strings/index.ts';

const assignment = createAssignment({
  exercises: [
    { id: 'output-size/forward', points: 2 },
    { id: 'convolution/macs', points: 1 },
    { id: 'lenet-5/layer-order', points: 1 },
  ],
  title: 'Homework 1: shapes',
  due: '2026-12-11',
  id: 'hw-shapes-1',
  salt: 'browser-test-salt',
});

async function start(page: Page, lang: Locale, student: string): Promise<void> {
  await page.goto(assignmentLink(assignment, { lang }));
  await expect(page.locator('[data-assignment-state="ready"]')).toBeVisible();
  await page.locator('[data-student-id]').fill(student);
  await page.locator('[data-action="start"]').click();
  await expect(page.locator('.ex-work [data-exercise]')).toHaveCount(3);
}

for (const lang of ['en', 'ko'] as const) {
  const s = STRINGS[lang];

  test(`${lang}: a student answers, reloads, and hands in a file the regrade accepts`, async ({ page }) => {
    test.setTimeout(120_000);
    await start(page, lang, 'Kim01');
    await expect(page.locator('[data-notice]')).toHaveText(s.notice);
    await expect(page.locator('.ex-assignment__title')).toHaveText(assignment.title);

    const variants = studentVariants(assignment, 'Kim01');
    // The page shows this student's own numbers.
    for (const v of variants) await expect(page.locator(`[data-exercise="${v.entry.id}"]`)).toHaveAttribute('data-seed', String(v.seed));

    const forward = variants[0];
    const right = forward.exercise.answer(forward.params).typed as string;
    await page.locator('[data-exercise="output-size/forward"] [data-answer-field="0"]').fill(` ${right}`);
    await page.locator('[data-exercise="convolution/macs"] [data-answer-field="0"]').fill('12');
    await expect(page.locator('[data-answered]')).toHaveAttribute('data-answered', '3');

    // Reload: the student id and the answers come back.
    await page.reload();
    await expect(page.locator('.ex-work')).toHaveAttribute('data-student', 'Kim01');
    await expect(page.locator('[data-exercise="output-size/forward"] [data-answer-field="0"]')).toHaveValue(` ${right}`);

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="hand-in"]').click()]);
    expect(download.suggestedFilename()).toBe('hw-shapes-1-Kim01.json');
    const parsed = parseSubmission(readFileSync(await download.path()));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.edited).toBe(false);
    expect(parsed.value.submission.assignment).toBe('hw-shapes-1');
    expect(parsed.value.submission.student).toBe('Kim01');
    expect(parsed.value.submission.answers['output-size/forward']).toBe(right);
    expect(parsed.value.submission.answers['convolution/macs']).toBe('12');
    expect(checkAnswerNow(forward.exercise, forward.params, parsed.value.submission.answers['output-size/forward']).score).toBe(1);
    await expect(page.locator('.ex-handin__status')).toHaveText(s.handedIn('hw-shapes-1-Kim01.json'));

    // Another student on the same browser gets other numbers and an empty page.
    await page.locator('[data-action="change-student"]').click();
    await page.locator('[data-student-id]').fill('lee02');
    await page.locator('[data-action="start"]').click();
    const other = studentVariants(assignment, 'lee02')[0];
    await expect(page.locator('[data-exercise="output-size/forward"]')).toHaveAttribute('data-seed', String(other.seed));
    await expect(page.locator('[data-exercise="output-size/forward"] [data-answer-field="0"]')).toHaveValue('');

    await expectNoSeriousA11yViolations(page);
    if (lang === 'en') await screenshot(page, 'assignment-student-en');
  });

  test(`${lang}: bad links get a clear message`, async ({ page }) => {
    const link = assignmentLink(assignment, { lang });
    const hash = link.slice(link.indexOf('#') + 1);
    const [version, payload, checksum] = hash.split('.');
    const flipped = payload.slice(0, 10) + (payload[10] === 'A' ? 'B' : 'A') + payload.slice(11);
    const cases: [string, string][] = [
      [`${version}.${flipped}.${checksum}`, 'checksum'],
      [`${version}.${payload.slice(0, 20)}`, 'truncated'],
      ['v0.abc.12345678', 'outdated'],
      ['', 'empty'],
    ];
    for (const [fragment, code] of cases) {
      await page.goto(`/${lang}/assignment/#${fragment}`);
      const error = page.locator('[data-assignment-state="error"]');
      await expect(error).toHaveAttribute('data-error', code);
      await expect(error.locator('h2')).toHaveText(s.badLinkTitle);
      await expect(error).toContainText(s.badLinkAdvice);
    }
    await expectNoSeriousA11yViolations(page);
    if (lang === 'en') await screenshot(page, 'assignment-bad-link-en');
  });
}

test('the student id is required', async ({ page }) => {
  await page.goto(assignmentLink(assignment, { lang: 'en' }));
  await page.locator('[data-action="start"]').click();
  await expect(page.locator('.ex-student [role="alert"]')).toHaveText(STRINGS.en.studentIdEmpty);
});
