/**
 * The whole assignment round, as the people involved do it, with nothing built in
 * Node: an instructor makes an assignment on /en/teach/ and reads two students'
 * answer keys there; two students open the link in their own browsers (one in
 * Korean), answer (one makes a mistake) and hand in; the instructor drops the two
 * downloaded files and a roster on /en/teach/regrade/ and downloads the gradebook,
 * whose scores must be what the students typed deserves.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { readCsv } from '../../src/exercises/index.ts';

const FORWARD = 'output-size/forward';
const MACS = 'convolution/macs';

// Three pages, two browser contexts and a worker-run regrade: slow on a loaded machine.
test.describe.configure({ timeout: 240_000 });

/** The typed answers of one student's key, read from the builder page. */
async function keyFor(page: Page, student: string): Promise<Record<string, string>> {
  await page.getByLabel('Student id (optional)').fill(student);
  const key = page.getByTestId('teach-key');
  const answers: Record<string, string> = {};
  for (const id of [FORWARD, MACS]) {
    const typed = key.locator(`li[data-exercise="${id}"] [data-typed]`);
    await expect(typed).not.toHaveText('');
    answers[id] = (await typed.textContent())!.trim();
  }
  return answers;
}

/** One student, in a browser of their own: opens the link, answers, hands in; returns the file. */
async function handIn(browser: Browser, baseURL: string, link: string, student: string, answers: Record<string, string>) {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.locator('[data-assignment-state="ready"]')).toBeVisible();
  await page.locator('[data-student-id]').fill(student);
  await page.locator('[data-action="start"]').click();
  await expect(page.locator('.ex-work [data-exercise]')).toHaveCount(2);
  for (const [id, typed] of Object.entries(answers)) {
    await page.locator(`[data-exercise="${id}"] [data-answer-field="0"]`).fill(typed);
  }
  await expect(page.locator('[data-answered]')).toHaveAttribute('data-answered', '2');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="hand-in"]').click()]);
  const file = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync((await download.path())!) };
  await context.close();
  return file;
}

test('an instructor assigns, two students hand in, the regrade scores what they typed', async ({ page, browser, baseURL }) => {
  // The instructor builds the assignment.
  await page.goto('/en/teach/');
  await expect(page.locator('.teach-builder[data-ready="true"]')).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill('Shapes and costs');
  await page.locator(`input[data-exercise="${FORWARD}"]`).check();
  await page.locator(`input[data-exercise="${MACS}"]`).check();
  await page.locator(`[data-field="points-${FORWARD}"] input`).fill('2');
  const link = await page.getByTestId('teach-link').inputValue();
  expect(link).toMatch(/\/en\/assignment\/#v1\./);
  await page.locator('.teach-key > summary').click();
  const ann = await keyFor(page, 'ann01');
  const bo = await keyFor(page, 'bo02');

  // Ann answers everything right; Bo, on the Korean page, gets the output size wrong.
  const koLink = link.replace('/en/assignment/', '/ko/assignment/');
  const wrong = String(Number(bo[FORWARD].replace(/\D+/g, ' ').trim().split(' ')[0]) + 5);
  const annFile = await handIn(browser, baseURL!, link, 'ann01', ann);
  const boFile = await handIn(browser, baseURL!, koLink, 'bo02', { ...bo, [FORWARD]: wrong });
  expect(annFile.name).toMatch(/ann01\.json$/);

  // The instructor regrades both files against a roster of three.
  await page.goto('/en/teach/regrade/');
  await expect(page.locator('.teach-regrade[data-ready="true"]')).toBeVisible();
  await page.getByLabel('Assignment link').fill(link);
  await expect(page.getByTestId('regrade-link-status')).toContainText('Shapes and costs');
  await page.getByLabel('Roster (CSV)').setInputFiles({
    name: 'roster.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('student,name\nann01,Ann\nbo02,Bo\ncy03,Cy\n'),
  });
  await page.getByLabel('Submission files (.json) or zips').setInputFiles([annFile, boFile]);
  await page.getByTestId('regrade-go').click();
  const results = page.getByTestId('regrade-results');
  await expect(results).toBeVisible({ timeout: 60_000 });
  await expect(results.locator('[data-flag="edited"]')).toHaveCount(0);

  const [download] = await Promise.all([page.waitForEvent('download'), results.locator('[data-download="gradebook"]').click()]);
  const rows = readCsv(readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, ''));
  // Columns follow the assignment's order (the course's), not the order they were ticked.
  const [header, ...body] = rows;
  expect(header.slice(0, 3)).toEqual(['student', 'total', 'max']);
  expect(header.at(-1)).toBe('notes');
  const cell = (student: string, column: string) => {
    const row = body.find((r) => r[0] === student);
    expect(row, `gradebook row for ${student}`).toBeDefined();
    expect(header, `gradebook column ${column}`).toContain(column);
    return row![header.indexOf(column)];
  };
  expect([cell('ann01', 'total'), cell('ann01', 'max'), cell('ann01', FORWARD), cell('ann01', MACS)]).toEqual(['3', '3', '2', '1']);
  expect([cell('bo02', 'total'), cell('bo02', 'max'), cell('bo02', FORWARD), cell('bo02', MACS)]).toEqual(['1', '3', '0', '1']);
  expect(cell('cy03', 'total')).toBe('0');
  expect(cell('cy03', 'notes')).toContain('no submission');
});
