/**
 * Lesson 6 ("Stride") in a real browser. English carries the heavy interactions (the
 * stepper by keyboard: settings, stepping, play and pause, reduced motion, the
 * engine's refusal; the photo comparison; the address round trip); Korean gets a
 * smoke pass (text, axe, screenshots, 360 px).
 */
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/stride/strings/index.ts';
import { floorExample, paths, refusals } from '../../components/widgets/stride/lesson-numbers.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';

const LANGS: Lang[] = ['en', 'ko'];
const en = STRINGS.en;

/** Opens the lesson, brings every widget into view (they hydrate when visible) and waits for them. */
async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/stride/${query}`);
  for (const widget of ['.st-widget:not(.st-photo)', '.st-photo']) await page.locator(widget).scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

for (const lang of LANGS) {
  const t = STRINGS[lang];
  test.describe(`lesson 6 (${lang})`, () => {
    test('renders its text, widgets and math, passes axe, saves screenshots', async ({ page }) => {
      test.setTimeout(180_000);
      await open(page, lang);
      await expect(page.locator('h1')).toHaveText(lang === 'en' ? 'Stride' : '스트라이드');
      await expect(page.locator('.katex-error')).toHaveCount(0);
      await expect(page.locator('.lesson__body blockquote code').first()).toHaveText(refusals.tooBig);
      // The default: 8x8, 3x3, stride 2 gives 3x3 and leaves row and column 7 unread, hatched.
      await expect(page.getByTestId('st-output-title')).toHaveText(t.outputTitle(floorExample.out));
      await expect(page.getByTestId('st-unreached')).toHaveText(t.unreachedLine(floorExample.dropped, floorExample.dropped));
      await expect(page.getByTestId('st-input').locator('.st-unreached')).toHaveCount(2 * floorExample.side - 1);
      await expect(page.getByTestId('st-photo-strided-shape')).toBeVisible();
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `lesson-stride-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousA11yViolations(page);
    });

    test('fits a 360 px screen', async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 800 });
      await open(page, lang, '?stN=9&stK=2&stP=2&stS=1');
      await expect(page.getByTestId('st-output-title')).toHaveText(t.outputTitle(12));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('lesson 6 widgets (en)', () => {
  test('the stepper works from the keyboard: step, play, pause, settings and the engine’s refusal', async ({ page }) => {
    test.setTimeout(120_000);
    // The suite runs with reduced motion (playwright.config.ts); playing needs it off.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await open(page, 'en');
    const stepper = page.locator('.st-widget:not(.st-photo)');
    const next = stepper.getByRole('button', { name: en.next });
    await next.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await expect(stepper).toHaveAttribute('data-window', '0,2');
    await expect(page.getByTestId('st-working')).toContainText('=');
    // The working and the engine agree on the value.
    const engine = (await page.getByTestId('st-engine').textContent())!.match(/gives (.+)\.$/)![1];
    await expect(page.getByTestId('st-working')).toHaveText(new RegExp(`= ${engine.replace(/[.]/g, '\\.')}$`));

    // Play moves the window on by itself; pause stops it.
    const play = page.getByTestId('st-play');
    await play.focus();
    await page.keyboard.press('Enter');
    await expect(play).toHaveText(en.pause);
    await expect(stepper).toHaveAttribute('data-window', '1,0', { timeout: 5000 });
    await page.keyboard.press('Enter');
    await expect(play).toHaveText(en.play);
    const stopped = await stepper.getAttribute('data-window');
    await page.waitForTimeout(1500);
    await expect(stepper).toHaveAttribute('data-window', stopped!);

    // Arrow keys on the output grid move the window there.
    const output = page.getByTestId('st-output');
    await output.locator('[tabindex="0"]').focus();
    await page.keyboard.press('Control+Home');
    await expect(stepper).toHaveAttribute('data-window', '0,0');
    await page.keyboard.press('ArrowDown');
    await expect(stepper).toHaveAttribute('data-window', '1,0');

    // Stride 3 on 8 pixels: two windows, 6 and 7 unread; then a kernel too large for a 3-pixel input.
    const stride = stepper.getByRole('slider', { name: en.stride, exact: true });
    await stride.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('st-output-title')).toHaveText(en.outputTitle(2));
    await expect(page.getByTestId('st-unreached')).toHaveText(en.unreachedLine('6, 7', '6, 7'));
    await expect.poll(() => new URL(page.url()).searchParams.get('stS')).toBe('3');
    const size = stepper.getByRole('slider', { name: en.size, exact: true });
    await size.focus();
    await page.keyboard.press('Home');
    const kernel = stepper.getByRole('slider', { name: en.kernel, exact: true });
    await kernel.focus();
    await page.keyboard.press('End');
    await expect(page.getByTestId('st-error')).toContainText(refusals.tooBig);
    await stepper.getByRole('button', { name: en.reset }).click();
    await expect(page.getByTestId('st-output-title')).toHaveText(en.outputTitle(floorExample.out));
  });

  test('under reduced motion (the suite’s setting) there is no play button, and stepping still works', async ({ page }) => {
    await open(page, 'en');
    await expect(page.getByText(en.reducedMotion)).toBeVisible();
    await expect(page.getByTestId('st-play')).toHaveCount(0);
    await page.locator('.st-widget').first().getByRole('button', { name: en.next }).click();
    await expect(page.locator('.st-widget').first()).toHaveAttribute('data-window', '0,1');
  });

  test('the photo comparison: both paths from the engine, with summary’s shapes and costs', async ({ page }) => {
    await open(page, 'en');
    await expect(page.getByTestId('st-photo-pooled-shape')).toHaveText(en.photoShape(256, 256));
    await expect(page.getByTestId('st-photo-strided-shape')).toHaveText(en.photoShape(256, 256));
    await expect(page.getByTestId('st-photo-pooled-macs')).toHaveText(en.macs((512 * 512 * 9).toLocaleString('en-US')));
    await expect(page.getByTestId('st-photo-strided-macs')).toHaveText(en.macs((256 * 256 * 9).toLocaleString('en-US')));
    // Max pooling keeps more edge pixels than the strided convolution on the same scale.
    const share = async (path: string) => Number((await page.getByTestId(`st-photo-${path}-edges`).textContent())!.match(/\d+/)![0]);
    expect(await share('pooled')).toBeGreaterThan(await share('strided'));
    const photo = page.locator('.st-photo');
    await photo.getByRole('radio', { name: en.factor(2) }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('st-photo-strided-shape')).toHaveText(en.photoShape(128, 128));
    expect(paths.ratio).toBe(4);
  });

  test.describe('address', () => {
    test.use({ expectedFailures: { abortedRequests: [/\/favicon\.svg$/] } });

    test('restores the settings from the address, and bad values fall back with a note', async ({ page }) => {
      await open(page, 'en', '?stK=2&stS=3&stAt=4&stPhoto=coffee&stF=4');
      const stepper = page.locator('.st-widget:not(.st-photo)');
      await expect(stepper.getByRole('slider', { name: en.stride, exact: true })).toHaveValue('3');
      await expect(stepper).toHaveAttribute('data-window', '1,1');
      await expect(page.getByTestId('st-unreached')).toHaveText(en.unreachedLine('2, 5', ''));
      await expect(page.getByRole('radio', { name: en.photos.coffee })).toBeChecked();
      await expect(page.locator('.st-photo')).toHaveAttribute('data-factor', '4');
      await stepper.getByRole('slider', { name: en.padding, exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => new URL(page.url()).searchParams.get('stP')).toBe('1');
      await page.reload();
      await page.locator('.st-widget').first().scrollIntoViewIfNeeded();
      await expect(page.locator('.st-widget').first().getByRole('slider', { name: en.padding, exact: true })).toHaveValue('1');

      await open(page, 'en', '?stS=9&stF=3');
      await expect(page.getByTestId('st-url-note')).toHaveText(en.urlProblem(['stride']));
      await expect(page.getByTestId('st-photo-url-note')).toHaveText(en.photoUrlProblem(['factor']));
    });
  });
});
