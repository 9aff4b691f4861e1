/**
 * Finding a Chromium for the browser tests. Order: $CHROMIUM_PATH, /usr/bin/chromium,
 * `chromium` or `google-chrome` on PATH, then the browser Playwright downloads itself
 * (`npx playwright install chromium`). Shared by playwright.config.ts and scripts/test.mjs.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** Launch flags for Chromium in containers and CI (no sandbox, no GPU, no phoning home). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** How to get a browser, printed when none is found. */
export const chromiumHelp = [
  'No Chromium found for the browser tests. Install one of:',
  '  - Debian/Ubuntu:  apt-get install chromium        (then it is found at /usr/bin/chromium)',
  '  - anywhere else:  npx playwright install chromium',
  'or point CHROMIUM_PATH at an existing Chromium or Chrome executable.',
].join('\n');

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/**
 * The Chromium executable to use, or `{ error }` explaining what was tried. A
 * CHROMIUM_PATH that does not exist is an error, not a reason to pick another browser.
 */
export function findChromium() {
  const requested = process.env.CHROMIUM_PATH;
  if (requested) {
    return isExecutable(requested)
      ? { path: requested }
      : { error: `CHROMIUM_PATH is set to ${requested}, which is not an executable file.\n${chromiumHelp}` };
  }
  const candidates = [
    '/usr/bin/chromium',
    onPath('chromium'),
    onPath('chromium-browser'),
    onPath('google-chrome'),
    onPath('google-chrome-stable'),
  ];
  for (const candidate of candidates) {
    if (candidate && isExecutable(candidate)) return { path: candidate };
  }
  try {
    const own = chromium.executablePath();
    if (own && isExecutable(own)) return { path: own };
  } catch {
    /* Playwright has no browser of its own installed. */
  }
  return { error: chromiumHelp };
}
