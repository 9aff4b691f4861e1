/**
 * Browser tests: real Chromium against the production build served by `astro preview`
 * (dev mode answers 504 on cold starts). Run `npm run build` first, or use `npm test`,
 * which builds. The browser is found by scripts/chromium.mjs (CHROMIUM_PATH overrides).
 */
import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './scripts/chromium.mjs';

const browser = findChromium();
if (browser.error) throw new Error(browser.error);

/** Port of the preview server; override with CONVLAB_TEST_PORT when 4321 is taken. */
const port = Number(process.env.CONVLAB_TEST_PORT ?? 4321);
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'tests/browser',
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: browser.path, args: chromiumArgs },
    locale: 'en-GB',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 900 },
    // Traces only in CI: locally, parallel runs share test-results/ and would delete each other's.
    trace: isCI ? 'retain-on-failure' : 'off',
  },
  webServer: {
    command: `"${process.execPath}" node_modules/astro/bin/astro.mjs preview --host 127.0.0.1 --port ${port} --ignore-lock`,
    url: `http://127.0.0.1:${port}/en/`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    // --ignore-lock: other checkouts' preview servers must not stop this one starting.
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
