/**
 * Shared Playwright fixtures and helpers for ConvLab's browser tests.
 *
 * Import `test` and `expect` from here instead of '@playwright/test': the `page` fixture
 * then fails the test on any console error, uncaught page error, failed request or HTTP
 * error response. The one thing not counted is a request aborted because the page then
 * navigated elsewhere (see below). Nothing else is ignored: a test that expects an error status
 * (the 404 page) declares it with `test.use({ expectedFailures: { httpErrors: [...] } })`,
 * and a test that deliberately navigates away mid-load declares the requests that this
 * aborts with `expectedFailures: { abortedRequests: [...] }`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

export { expect };

/** An HTTP error response a test expects (matched on URL and status). */
export interface ExpectedHttpError {
  url: RegExp;
  status: number;
}

/**
 * Failures a test expects. An object rather than bare arrays: `test.use` reads an array
 * value as a `[value, options]` pair.
 */
export interface ExpectedFailures {
  /** HTTP errors; each also excuses Chromium's matching "Failed to load resource" line. */
  httpErrors?: ExpectedHttpError[];
  /** Requests the test expects to be aborted (e.g. by an immediate redirect). */
  abortedRequests?: RegExp[];
}

/** Options and extras of the ConvLab `test`. */
export interface ConvLabFixtures {
  expectedFailures: ExpectedFailures;
  /** Problems seen so far on `page` (console errors, page errors, failed requests). */
  pageProblems: string[];
}

/** Playwright's `test`, with a `page` that fails the test on errors (see file comment). */
export const test = base.extend<ConvLabFixtures>({
  expectedFailures: [{}, { option: true }],
  pageProblems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, expectedFailures, pageProblems }, use) => {
    const expectedHttpErrors = expectedFailures.httpErrors ?? [];
    const expectedAbortedRequests = expectedFailures.abortedRequests ?? [];
    const expectedStatus = (url: string, status: number) =>
      expectedHttpErrors.some((expected) => expected.status === status && expected.url.test(url));

    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      // Chromium logs every error response as a console error too; excuse only the
      // ones the test declared.
      const statusMatch = /status of (\d{3})/.exec(message.text());
      if (statusMatch && expectedStatus(where, Number(statusMatch[1]))) return;
      pageProblems.push(`console error: ${message.text()} (at ${where || 'unknown location'})`);
    });
    page.on('pageerror', (error) => {
      pageProblems.push(`uncaught page error: ${error.message}`);
    });
    // A request cancelled because the page went on to load another document (a test
    // navigating away or reloading before the favicon arrived) is not a fault of the
    // page. Aborts are therefore judged at the end: excused if a main-frame navigation
    // followed them, reported otherwise.
    let navigations = 0;
    const aborted: { description: string; navigationsBefore: number }[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations += 1;
    });
    page.on('requestfailed', (request) => {
      const url = request.url();
      const reason = request.failure()?.errorText ?? 'unknown reason';
      const description = `request failed: ${request.method()} ${url} (${reason})`;
      if (!reason.includes('ERR_ABORTED')) {
        pageProblems.push(description);
      } else if (!expectedAbortedRequests.some((pattern) => pattern.test(url))) {
        aborted.push({ description, navigationsBefore: navigations });
      }
    });
    page.on('response', (response) => {
      const status = response.status();
      if (status >= 400 && !expectedStatus(response.url(), status)) {
        pageProblems.push(`HTTP ${status} for ${response.url()}`);
      }
    });

    await use(page);

    for (const abort of aborted) {
      if (navigations === abort.navigationsBefore) pageProblems.push(abort.description);
    }
    expect(pageProblems, 'console errors, page errors or failed requests on the page').toEqual([]);
  },
});

/**
 * Run axe on the current page and fail on serious or critical violations (WCAG 2.1 A/AA
 * and best practices), listing each rule with the offending elements.
 */
/**
 * Headers for a stand-in worker script served with `route.fulfill`. The site is cross-origin
 * isolated (astro.config.mjs sends COEP require-corp), and such a page refuses a worker
 * script that does not carry the same policy: without this header the test would see
 * ERR_BLOCKED_BY_RESPONSE instead of the failure it simulates.
 */
export const STAND_IN_WORKER_HEADERS = { 'Cross-Origin-Embedder-Policy': 'require-corp' };

export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const report = serious.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ')}`)
        .join('\n'),
  );
  expect(report, `axe found serious accessibility problems on ${page.url()}`).toEqual([]);
}

/** Folder for screenshots; kept as CI artifacts. */
export const screenshotDir = path.join(process.cwd(), 'test-results', 'screenshots');

/** Widths every page is photographed at: a laptop and a phone. */
export const screenshotWidths = [1280, 390] as const;

/**
 * Save full-page PNGs of the current page at 1280 and 390 px wide, named
 * `<name>-<width>.png` in test-results/screenshots/. Restores the viewport afterwards.
 * Returns the written paths.
 */
export async function screenshot(page: Page, name: string): Promise<string[]> {
  mkdirSync(screenshotDir, { recursive: true });
  const original = page.viewportSize();
  const safeName = name.replace(/[^a-z0-9._-]+/gi, '_');
  const written: string[] = [];
  for (const width of screenshotWidths) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const file = path.join(screenshotDir, `${safeName}-${width}.png`);
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    written.push(file);
  }
  if (original) await page.setViewportSize(original);
  return written;
}
