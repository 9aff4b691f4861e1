/**
 * Lesson 8 ("Channels and groups") in a real browser. English carries the heavy
 * interactions (both widgets by keyboard, the engine's refusals, the address round
 * trip); Korean gets a smoke pass (text, both widgets, axe, screenshots, 360 px).
 */
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { STRINGS } from '../../components/widgets/channels/strings/index.ts';
import { alexnet, grouping, refusals } from '../../components/widgets/channels/lesson-numbers.ts';
import { groupedLayer, separable } from '../../components/widgets/channels/model.ts';
import type { Locale as Lang } from '../../src/i18n/lessons.ts';

const LANGS: Lang[] = ['en', 'ko'];
const en = STRINGS.en;

/** Opens the lesson, brings both widgets into view (they hydrate when visible) and waits for them. */
async function open(page: Page, lang: Lang, query = ''): Promise<void> {
  await page.goto(`/${lang}/lessons/channels/${query}`);
  await page.locator('.ch-photo').scrollIntoViewIfNeeded();
  await page.locator('.ch-groups').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Waits until the photo is decoded and the maps are drawn. */
async function photoReady(page: Page): Promise<void> {
  await page.locator('.ch-photo').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('ch-maps')).toBeVisible({ timeout: 30_000 });
}

for (const lang of LANGS) {
  const t = STRINGS[lang];
  test.describe(`lesson 8 (${lang})`, () => {
    test('renders its text, both widgets and math, passes axe, saves screenshots', async ({ page }) => {
      test.setTimeout(180_000);
      await open(page, lang);
      await expect(page.locator('h1')).toHaveText(lang === 'en' ? 'Channels and groups' : '채널과 그룹');
      await expect(page.locator('.katex-error')).toHaveCount(0);
      await expect(page.locator('.lesson__body blockquote code').first()).toHaveText(refusals.out.message);
      await expect(page.locator('.lesson__body')).toContainText(alexnet.unshared);
      await expect(page.locator('.lesson__body')).toContainText(alexnet.shared);
      await expect(page.locator('.lesson__body')).toContainText(refusals.out.call);
      await expect(page.locator('.lesson__body')).not.toContainText('{');
      // The photo widget: three channels, two filters by default, one map per filter.
      await photoReady(page);
      for (const c of [0, 1, 2]) await expect(page.getByTestId(`ch-channel-${c}`)).toBeVisible();
      await expect(page.getByTestId('ch-maps').locator('canvas')).toHaveCount(2);
      await expect(page.getByTestId('ch-shapes')).toContainText(t.shape([2, 3, 3, 3]));
      // The groups widget's default is the prose's groups=2 row.
      await expect(page.getByTestId('ch-params')).toHaveText(t.count(grouping.two.params));
      await expect(page.getByTestId('ch-diagram')).toHaveAttribute('data-links', String(grouping.two.links));
      await expect(page.getByTestId('ch-diagram').locator('line')).toHaveCount(grouping.two.links);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `lesson-channels-${lang}`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expectNoSeriousA11yViolations(page);
      await page.locator('.ch-photo').scrollIntoViewIfNeeded();
      await screenshot(page, `lesson-channels-${lang}-dark-photo`);
      await page.locator('.ch-groups').scrollIntoViewIfNeeded();
      await screenshot(page, `lesson-channels-${lang}-dark-groups`);
    });

    test('fits a 360 px screen', async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width: 360, height: 800 });
      // English: the widest settings; Korean: the engine's refusal, which must wrap.
      if (lang === 'en') {
        await open(page, lang, '?chF=4&gIn=12&gOut=12&gG=1&gK=5&gN=64');
        await photoReady(page);
        await expect(page.getByTestId('ch-diagram')).toBeVisible();
      } else {
        await open(page, lang, '?gIn=12&gOut=10&gG=4');
        await expect(page.getByTestId('ch-error')).toBeVisible();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
}

test.describe('lesson 8 widgets (en)', () => {
  test('the photo widget works from the keyboard: one map per filter, each the sum of the channels’ shares', async ({ page }) => {
    test.setTimeout(120_000);
    await open(page, 'en');
    await photoReady(page);
    const filters = page.getByRole('slider', { name: en.filtersLabel, exact: true });
    // Tab from the top of the page to the photo choice, then to the filter slider.
    const cat = page.getByRole('radio', { name: en.photos.chelsea, exact: true });
    await page.locator('body').focus();
    for (let i = 0; i < 200 && !(await cat.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(cat).toBeFocused();
    // Arrow keys move between photos (native radios).
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('radio', { name: en.photos.astronaut, exact: true })).toBeChecked();
    await expect.poll(() => new URL(page.url()).searchParams.get('chPhoto')).toBe('astronaut');
    await page.keyboard.press('Tab');
    await expect(filters).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.getByTestId('ch-maps').locator('canvas')).toHaveCount(4);
    await expect(page.getByTestId('ch-shapes')).toContainText(en.shape([4, 3, 3, 3]));
    await expect(page.getByTestId('ch-shapes')).toContainText(/output \[1, 4, \d+, \d+\]/);
    // Every sum line adds up: the three channels' shares give the output at that pixel.
    for (let f = 0; f < 4; f++) {
      const line = (await page.getByTestId(`ch-sum-${f}`).textContent()) ?? '';
      const m = line.match(/^(-?[\d.]+) ([+−]) ([\d.]+) ([+−]) ([\d.]+) = (-?[\d.]+)$/);
      expect(m, line).not.toBeNull();
      const sign = (s: string) => (s === '−' ? -1 : 1);
      const total = Number(m![1]) + sign(m![2]) * Number(m![3]) + sign(m![4]) * Number(m![5]);
      expect(Math.abs(total - Number(m![6]))).toBeLessThanOrEqual(0.015);
    }
    await page.keyboard.press('Home');
    await expect(page.getByTestId('ch-maps').locator('canvas')).toHaveCount(1);
    await expect.poll(() => new URL(page.url()).searchParams.get('chF')).toBe('1');
  });

  test('the groups explorer works from the keyboard, and a setting groups do not divide shows the engine’s message', async ({ page }) => {
    await open(page, 'en');
    const inC = page.getByRole('slider', { name: en.inC, exact: true });
    const groups = page.getByRole('slider', { name: en.groups, exact: true });
    await page.locator('.ch-groups').scrollIntoViewIfNeeded();
    await inC.focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(groups).toBeFocused();
    // groups=1: every output sees every input.
    await page.keyboard.press('Home');
    await expect(page.getByTestId('ch-params')).toHaveText(en.count(grouping.full.params));
    await expect(page.getByTestId('ch-macs')).toHaveText(en.count(grouping.full.macsRaw));
    await expect(page.getByTestId('ch-diagram').locator('line')).toHaveCount(grouping.full.links);
    await expect(page.getByTestId('ch-kind')).toHaveText(en.kinds.full(1));
    // groups=3 does not divide 8 channels: PyTorch's message, word for word.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('ch-error')).toContainText('in_channels must be divisible by groups (got in_channels=8, groups=3)');
    // The depthwise preset, by keyboard: groups = input channels.
    const depthwise = page.getByRole('button', { name: en.presetDepthwise, exact: true });
    await depthwise.focus();
    await page.keyboard.press('Enter');
    await expect(groups).toHaveValue('8');
    await expect(depthwise).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('ch-kind')).toHaveText(en.kinds.depthwise(8));
    await expect(page.getByTestId('ch-weight')).toHaveText(en.shape([8, 1, 3, 3]));
    await expect(page.getByTestId('ch-params')).toHaveText(en.count(grouping.depthwise.params));
    await expect(page.getByTestId('ch-diagram').locator('line')).toHaveCount(grouping.depthwise.links);
    // Fewer output channels than groups: out_channels is refused.
    const outC = page.getByRole('slider', { name: en.outC, exact: true });
    await outC.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('ch-error')).toContainText('out_channels must be divisible by groups (got out_channels=7, groups=8)');
    // The separable comparison follows the channels, from the engine's summary.
    const sep = separable(8, 7, 3, 32);
    await expect(page.getByTestId('ch-sep-full')).toHaveText(en.count(sep.full.params));
    await expect(page.getByTestId('ch-sep-pair')).toHaveText(en.count(sep.pair.params));
    await expect.poll(() => new URL(page.url()).searchParams.get('gOut')).toBe('7');
  });

  test.describe('address', () => {
    test.use({ expectedFailures: { abortedRequests: [/\/favicon\.svg$/] } });

    test('restores both widgets from the address, and bad values fall back with a note', async ({ page }) => {
      await open(page, 'en', '?chPhoto=coffee&chF=3&gIn=6&gOut=12&gG=3&gK=1&gN=20');
      await expect(page.getByRole('radio', { name: en.photos.coffee, exact: true })).toBeChecked();
      await expect(page.getByRole('slider', { name: en.filtersLabel, exact: true })).toHaveValue('3');
      const r = groupedLayer({ inC: 6, outC: 12, groups: 3, kernel: 1, size: 20 });
      if (!r.ok) throw new Error(r.message);
      await expect(page.getByTestId('ch-params')).toHaveText(en.count(r.params));
      await expect(page.getByTestId('ch-weight')).toHaveText(en.shape([12, 2, 1, 1]));

      await page.getByRole('slider', { name: en.kernel, exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => new URL(page.url()).searchParams.get('gK')).toBe('2');
      await page.reload();
      await page.locator('.ch-groups').scrollIntoViewIfNeeded();
      await expect(page.getByRole('slider', { name: en.kernel, exact: true })).toHaveValue('2');
      await page.locator('.ch-photo').scrollIntoViewIfNeeded();
      await expect(page.getByRole('slider', { name: en.filtersLabel, exact: true })).toHaveValue('3');

      await open(page, 'en', '?chPhoto=dog&gG=99');
      await expect(page.getByTestId('ch-photo-rejected')).toHaveText(en.rejected('chPhoto'));
      await expect(page.getByTestId('ch-groups-rejected')).toHaveText(en.rejected('gG'));
      await expect(page.getByRole('slider', { name: en.groups, exact: true })).toHaveValue('2');
    });
  });
});
