/**
 * The instructor's pages as an instructor uses them: an assignment built on
 * /en/teach/ whose link decodes (in Node, with the framework) to the chosen
 * exercises and whose answer key matches the framework's `answerKey`; and a
 * regrade of a roster and submission files made here with `buildSubmission`
 * (a perfect one, one with a mistake, a stranger, a duplicate, an edited one and
 * one for another assignment), checked through the downloaded gradebook CSV,
 * the flags shown and the charts. Bad files get a message. axe on both pages
 * in both languages.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import {
  answerKey,
  assignmentLink,
  buildSubmission,
  createAssignment,
  decodeAssignment,
  readCsv,
  serializeSubmission,
} from '../../src/exercises/index.ts';
import type { Assignment } from '../../src/exercises/index.ts';

const FORWARD = 'output-size/forward';
const STACK = 'receptive-fields/stack';

async function openRegrade(page: Page, lang: 'en' | 'ko' = 'en') {
  await page.goto(`/${lang}/teach/regrade/`);
  await expect(page.locator('.teach-regrade[data-ready="true"]')).toBeVisible();
}

// axe over a page of 29 exercises and a typeset sheet takes a while on a loaded machine.
test.describe.configure({ timeout: 180_000 });

async function openBuilder(page: Page, lang: 'en' | 'ko' = 'en') {
  await page.goto(`/${lang}/teach/`);
  await expect(page.locator('.teach-builder[data-ready="true"]')).toBeVisible();
}

test.describe('assignment builder', () => {
  test('builds an assignment whose link and answer key match the framework', async ({ page }) => {
    await openBuilder(page);
    await expect(page.getByTestId('teach-honesty')).toContainText('not for proctored exams');
    await expect(page.getByTestId('teach-link-missing')).toBeVisible();

    await page.getByLabel('Title', { exact: true }).fill('Homework 1');
    await page.locator('#teach-salt').fill('browser-test-salt');
    await page.locator('#teach-due').fill('2030-01-31');
    await page.getByLabel('Lesson', { exact: true }).selectOption('output-size');
    await expect(page.locator(`input[data-exercise="${STACK}"]`)).toHaveCount(0);
    await page.locator(`input[data-exercise="${FORWARD}"]`).check();
    await page.getByLabel('Lesson', { exact: true }).selectOption('');
    await page.locator(`input[data-exercise="${STACK}"]`).check();
    const points = page.locator(`[data-field="points-${FORWARD}"] input`);
    await points.fill('2.5');

    const linkField = page.getByTestId('teach-link');
    await expect(linkField).toHaveValue(/\/en\/assignment\/#v1\./);
    const link = await linkField.inputValue();
    const decoded = decodeAssignment(link);
    expect(decoded.ok).toBe(true);
    const assignment = (decoded as { ok: true; assignment: Assignment }).assignment;
    // Picks follow the course's order: lesson 3 before lesson 4.
    expect(assignment.exercises.map((e) => [e.id, e.points])).toEqual([
      [STACK, 1],
      [FORWARD, 2.5],
    ]);
    expect(assignment.title).toBe('Homework 1');
    expect(assignment.salt).toBe('browser-test-salt');
    expect(assignment.due).toBe('2030-01-31');

    // The answer key of one student is the framework's.
    await page.getByLabel('Student id (optional)').fill('s001');
    await page.locator('.teach-key > summary').click();
    const key = answerKey(assignment, 's001');
    for (const entry of key) {
      await expect(page.locator(`[data-testid="teach-key"] li[data-exercise="${entry.id}"] [data-answer]`)).toHaveText(entry.answer.display.en);
      await expect(page.locator(`[data-testid="teach-key"] li[data-exercise="${entry.id}"] [data-typed]`)).toHaveText(entry.answer.typed!);
    }
    await expect(page.getByTestId('teach-sheet').locator('.teach-paper__exercise')).toHaveCount(2);
    // Another student gets other numbers somewhere in the key.
    const other = answerKey(assignment, 's002');
    expect(other.map((e) => JSON.stringify(e.params))).not.toEqual(key.map((e) => JSON.stringify(e.params)));

    // The draft survives a reload, with the same link (same id, created date and salt).
    await page.reload();
    await expect(page.locator('.teach-builder[data-ready="true"]')).toBeVisible();
    await expect(page.getByTestId('teach-link')).toHaveValue(link);
    await expect(page.getByTestId('teach-notice')).toBeVisible();

    // The address is shareable: a fresh browser context opens the same assignment from it.
    const shared = page.url();
    expect(shared).toContain('#v1.');
    const context = await page.context().browser()!.newContext({ baseURL: new URL(shared).origin });
    const second = await context.newPage();
    await second.goto(shared);
    await expect(second.getByTestId('teach-link')).toHaveValue(link);
    await context.close();

    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'teach-en');
  });

  test('a damaged link in the address gets a message, not a blank page', async ({ page }) => {
    await page.goto('/en/teach/#v1.eyJpIjoi.00000000');
    await expect(page.locator('.teach-builder[data-ready="true"]')).toBeVisible();
    await expect(page.getByTestId('teach-notice')).toContainText('could not be opened');
  });

  test('Korean builder is labelled in Korean and passes axe', async ({ page }) => {
    await openBuilder(page, 'ko');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('과제 만들기');
    await page.getByLabel('제목', { exact: true }).fill('숙제 1');
    await page.locator(`input[data-exercise="${FORWARD}"]`).check();
    await expect(page.getByTestId('teach-link')).toHaveValue(/\/ko\/assignment\/#v1\./);
    await expectNoSeriousA11yViolations(page);
  });
});

/** An assignment, a roster and submission files, built with the framework. */
function classFiles() {
  const assignment = createAssignment({
    exercises: [{ id: FORWARD, points: 2 }, { id: STACK, points: 1 }],
    title: 'Regrade test',
    salt: 'regrade-salt',
    id: 'regrade-test',
    created: '2030-01-01T00:00:00.000Z',
  });
  const typed = (student: string) => Object.fromEntries(answerKey(assignment, student).map((e) => [e.id, e.answer.typed!]));
  const file = (student: string, answers: Record<string, string>, submitted: string, assignmentId = assignment.id) =>
    serializeSubmission(buildSubmission({ assignment: assignmentId, student, answers, submitted }));
  const perfect = file('s001', typed('s001'), '2030-01-10T10:00:00.000Z');
  const wrongForward = String(Number(typed('s002')[FORWARD]) + 7);
  const mistakes = file('s002', { ...typed('s002'), [FORWARD]: wrongForward }, '2030-01-11T10:00:00.000Z');
  const earlier = file('s002', { [FORWARD]: '1', [STACK]: '1' }, '2030-01-09T10:00:00.000Z');
  const stranger = file('zz99', typed('zz99'), '2030-01-10T10:00:00.000Z');
  const edited = file('s003', typed('s003'), '2030-01-10T10:00:00.000Z').replace(/"s003"/, '"S003"');
  const otherAssignment = file('s004', typed('s004'), '2030-01-10T10:00:00.000Z', 'another-one');
  const roster = 'student,name\r\ns001,Ann\r\ns002,Bo\r\ns003,Cy\r\ns004,Di\r\ns005,Ed\r\n';
  const json = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  return {
    assignment,
    link: assignmentLink(assignment, { lang: 'en' }),
    roster: { name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(roster) },
    files: [
      json('s001.json', perfect),
      json('s002.json', mistakes),
      json('s002-first.json', earlier),
      json('stranger.json', stranger),
      json('s003.json', edited),
      json('s004.json', otherAssignment),
    ],
  };
}

test.describe('regrade page', () => {
  test('grades a class: gradebook CSV, flags and charts', async ({ page }) => {
    const c = classFiles();
    await openRegrade(page);
    await page.getByLabel('Assignment link').fill(c.link);
    await expect(page.getByTestId('regrade-link-status')).toContainText('Regrade test');
    await page.getByLabel('Roster (CSV)').setInputFiles(c.roster);
    await expect(page.getByTestId('regrade-roster-status')).toContainText('5 students');
    await page.getByLabel('Submission files (.json) or zips').setInputFiles(c.files);
    await expect(page.getByTestId('regrade-files-count')).toContainText('6 files');
    await page.getByTestId('regrade-go').click();
    const results = page.getByTestId('regrade-results');
    await expect(results).toBeVisible({ timeout: 30_000 });

    for (const flag of ['other-assignment', 'not-on-roster', 'duplicate', 'edited']) {
      await expect(results.locator(`[data-flag="${flag}"]`)).toBeVisible();
    }
    await expect(results.locator('[data-flag="not-on-roster"]')).toContainText('zz99');
    await expect(results.locator('[data-flag="duplicate"]')).toContainText('s002-first.json');
    await expect(results.locator('[data-flag="other-assignment"]')).toContainText('s004.json');

    const [download] = await Promise.all([page.waitForEvent('download'), results.locator('[data-download="gradebook"]').click()]);
    expect(download.suggestedFilename()).toBe('regrade-test-gradebook.csv');
    const rows = readCsv(readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, ''));
    expect(rows[0]).toEqual(['student', 'total', 'max', FORWARD, STACK, 'notes']);
    const byStudent = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect([...byStudent.keys()]).toEqual(['s001', 's002', 's003', 's004', 's005']);
    expect(byStudent.get('s001')!.slice(1, 5)).toEqual(['3', '3', '2', '1']);
    // s002's later file wins: the forward answer is wrong, the stack answer right.
    expect(byStudent.get('s002')!.slice(1, 5)).toEqual(['1', '3', '0', '1']);
    // The edited file is graded as it is (its answers are right) and says so.
    expect(byStudent.get('s003')![1]).toBe('3');
    expect(byStudent.get('s003')![5]).toContain('edited file');
    // Another assignment's file and no file at all both score 0.
    expect(byStudent.get('s004')!.slice(1, 2)).toEqual(['0']);
    expect(byStudent.get('s005')![5]).toContain('no submission');

    const [answers] = await Promise.all([page.waitForEvent('download'), results.locator('[data-download="answers"]').click()]);
    const answerRows = readCsv(readFileSync((await answers.path())!, 'utf8').replace(/^\ufeff/, ''));
    expect(answerRows[0]).toContain('answer_note');
    expect(answerRows.filter((r) => r[0] === 'zz99' && r[1] === 'no')).toHaveLength(2);

    const distribution = page.getByTestId('chart-distribution');
    await expect(distribution.locator('svg').first()).toBeVisible();
    await expect(distribution.locator('[role="img"]')).toHaveAttribute('aria-label', /Histogram of the total scores of the 3 students/);
    const difficulty = page.getByTestId('chart-difficulty');
    await expect(difficulty.locator('svg').first()).toBeVisible();
    await expect(difficulty.locator('[role="img"]')).toHaveAttribute('aria-label', new RegExp(`${FORWARD} \\d`));

    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'teach-regrade-results-en');
  });

  test('a bad zip and a bad roster get clear messages', async ({ page }) => {
    const c = classFiles();
    await openRegrade(page);
    await page.getByLabel('Assignment link').fill(`${c.link.slice(0, -3)}zzz`);
    await expect(page.getByTestId('regrade-link-status')).toContainText('cut short or changed');
    await page.getByLabel('Assignment link').fill(c.link);
    await page.getByLabel('Roster (CSV)').setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('\r\n\r\n') });
    await expect(page.getByTestId('regrade-roster-status')).toContainText('The roster is empty');
    await page.getByLabel('Submission files (.json) or zips').setInputFiles([
      { name: 'class.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 this is not really a zip') },
      { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": ') },
    ]);
    await page.getByTestId('regrade-go').click();
    await expect(page.getByTestId('regrade-missing')).toContainText('The roster is empty');

    await page.getByLabel('Roster (CSV)').setInputFiles(c.roster);
    await page.getByTestId('regrade-go').click();
    const results = page.getByTestId('regrade-results');
    await expect(results).toBeVisible({ timeout: 30_000 });
    await expect(results.locator('[data-flag="zip"]')).toContainText('class.zip');
    await expect(results.locator('[data-flag="unreadable"]')).toContainText('notes.json');
    await expect(results).toContainText('No roster student handed in a gradable file.');
  });

  test('Korean regrade page: labels and chart descriptions in Korean, axe', async ({ page }) => {
    const c = classFiles();
    await openRegrade(page, 'ko');
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel('과제 링크').fill(c.link);
    await page.getByLabel('명단(CSV)').setInputFiles(c.roster);
    await page.getByLabel('제출 파일(.json) 또는 zip').setInputFiles(c.files.slice(0, 2));
    await page.getByTestId('regrade-go').click();
    await expect(page.getByTestId('regrade-results')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('chart-distribution').locator('[role="img"]')).toHaveAttribute('aria-label', /히스토그램/);
    await expect(page.getByTestId('chart-difficulty').locator('[role="img"]')).toHaveAttribute('aria-label', /막대그래프/);
    await expect(page.getByTestId('chart-difficulty').locator('svg').first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  });

  test('English regrade page before grading passes axe', async ({ page }) => {
    await openRegrade(page);
    await expectNoSeriousA11yViolations(page);
  });
});
