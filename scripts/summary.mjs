/**
 * The closing line of a test run, `N passed, N failed`, summed over Vitest's and
 * Playwright's JSON reports. A report that is missing or unreadable counts as one
 * failure: a runner that never reported must not look like a clean run.
 *
 * Run directly (`node scripts/summary.mjs`) it prints the line and exits 1 when
 * anything failed; scripts/test.mjs and .ci/run use it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where each runner writes its JSON report. */
export const reportFiles = {
  vitest: path.join(root, 'reports/vitest.json'),
  playwright: path.join(root, 'reports/playwright.json'),
};

/** Counts from Vitest's JSON report (Jest-compatible format). */
export function countVitest(report) {
  const passed = Number(report.numPassedTests ?? 0);
  let failed = Number(report.numFailedTests ?? 0);
  // A test file that fails to load has no failed test, only a failed suite.
  if (report.success === false && failed === 0) failed = Math.max(1, Number(report.numFailedTestSuites ?? 0));
  return { passed, failed };
}

/** Counts from Playwright's JSON report; flaky tests passed on retry. */
export function countPlaywright(report) {
  const stats = report.stats ?? {};
  const passed = Number(stats.expected ?? 0) + Number(stats.flaky ?? 0);
  let failed = Number(stats.unexpected ?? 0);
  // Errors outside tests (web server did not start, config threw) have no test to fail.
  const globalErrors = Array.isArray(report.errors) ? report.errors.length : 0;
  if (failed === 0 && globalErrors > 0) failed = globalErrors;
  return { passed, failed };
}

/** Read one report and count it; problems become one failure with a reason. */
export function readCounts(name, file, count) {
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error?.code === 'ENOENT' ? 'missing' : `unreadable (${error.message})`;
    return { passed: 0, failed: 1, note: `${name} report ${path.relative(root, file)} is ${reason}: counted as 1 failure` };
  }
  return count(report);
}

/** Totals over both runners, with notes on missing reports. */
export function summarize() {
  const parts = [
    readCounts('Vitest', reportFiles.vitest, countVitest),
    readCounts('Playwright', reportFiles.playwright, countPlaywright),
  ];
  return {
    passed: parts.reduce((sum, part) => sum + part.passed, 0),
    failed: parts.reduce((sum, part) => sum + part.failed, 0),
    notes: parts.flatMap((part) => (part.note ? [part.note] : [])),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { passed, failed, notes } = summarize();
  for (const note of notes) console.log(note);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
