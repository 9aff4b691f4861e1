/**
 * Readouts and code set Latin letters and digits in a true monospace font. The CJK
 * monospace fonts also contain Latin glyphs, narrower than the Korean ones around them;
 * listed before the Latin fonts they took over every readout on Linux. Which font the
 * browser actually used is read from Chromium's own record (CSS.getPlatformFontsForNode).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

/** The fonts Chromium used for the text directly inside the first element matching `selector`. */
async function usedFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  expect(nodeId, `no element matches ${selector}`).toBeGreaterThan(0);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  return fonts.map((font) => font.familyName);
}

for (const lang of ['en', 'ko'] as const) {
  test(`code and readouts use a Latin monospace font for Latin text (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/lessons/output-size/`);
    // Inline code in the prose, e.g. `Conv2d`.
    const codeFonts = await usedFonts(page, '.lesson__body p code');
    expect(codeFonts.length).toBeGreaterThan(0);
    for (const family of codeFonts) expect(family).not.toMatch(/CJK|Gothic|D2Coding/i);
    // The calculator's engine readout, once hydrated.
    const shape = page.getByTestId('engine-shape').first();
    await shape.scrollIntoViewIfNeeded();
    await expect(shape).toHaveText(/\d/);
    for (const family of await usedFonts(page, '[data-testid="engine-shape"]')) {
      expect(family).not.toMatch(/CJK|Gothic|D2Coding/i);
    }
  });
}
