/**
 * `npm test`: unit tests (Vitest), a production build, browser tests (Playwright in
 * Chromium against `astro preview`), then one closing line `N passed, N failed` summed
 * over both runners' JSON reports. Exits non-zero if anything failed, including a
 * missing Chromium: browser tests are never skipped.
 *
 * For a single file while developing: `npx vitest run <file>`, or `npm run build` once
 * and then `npx playwright test <file>`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { findChromium } from './chromium.mjs';
import { reportFiles, summarize } from './summary.mjs';
import { bin, root, runNode } from './run.mjs';

mkdirSync(path.join(root, 'reports'), { recursive: true });
for (const file of Object.values(reportFiles)) rmSync(file, { force: true });

const browser = findChromium();
if (browser.error) console.error(`\n${browser.error}\n(Unit tests run anyway; the run will fail.)\n`);

console.log('\n== Unit tests (Vitest) ==\n');
await runNode(bin.vitest, [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportFiles.vitest}`,
]);

console.log('\n== Production build ==\n');
const built = await runNode(path.join(root, 'scripts/build.mjs'), []);

if (built !== 0) {
  console.error('\nThe build failed, so the browser tests cannot run.');
} else if (browser.error) {
  console.error(`\nBrowser tests cannot run.\n${browser.error}`);
} else {
  console.log(`\n== Browser tests (Playwright, ${browser.path}) ==\n`);
  await runNode(bin.playwright, ['test'], { env: { CHROMIUM_PATH: browser.path } });
}

const { passed, failed, notes } = summarize();
console.log('');
for (const note of notes) console.log(note);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || built !== 0 ? 1 : 0);
