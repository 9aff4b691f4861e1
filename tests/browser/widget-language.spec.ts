/**
 * Every widget speaks its page's language. Lessons do not type it: the build hands
 * each widget the language of the lesson's folder (src/site/remark-widget-locale.ts).
 * For every written lesson in both languages, each island must receive that language
 * as its `lang` prop and, once hydrated, show its text in it; the engine-source panels,
 * rendered with the page, must too. A Korean page whose widget falls back to English
 * (or an English page showing Korean) fails here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures.ts';
import { catalog, locales } from '../../src/i18n/lessons.ts';
import type { Locale } from '../../src/i18n/lessons.ts';
import { STRINGS as engineSource } from '../../components/engine-source/strings/index.ts';

const HANGUL = /[\uac00-\ud7a3]/;

/** The lessons written so far, from the content folder. */
const written = catalog.filter((lesson) =>
  locales.every((locale) => existsSync(path.resolve('content/lessons', locale, `${lesson.slug}.mdx`))),
);

/** The `lang` an island was given, from Astro's serialised props (`{"lang":[0,"ko"],…}`). */
function langProp(props: string | null): unknown {
  const parsed = JSON.parse(props ?? '{}') as Record<string, [number, unknown] | undefined>;
  return parsed.lang?.[1];
}

test('there are lessons with widgets to check', () => {
  expect(written.length).toBeGreaterThan(0);
});

for (const lesson of written) {
  for (const locale of locales as readonly Locale[]) {
    test(`/${locale}/lessons/${lesson.slug}/: every widget speaks ${locale}`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto(`/${locale}/lessons/${lesson.slug}/`);
      const islands = page.locator('astro-island');
      const count = await islands.count();
      for (let i = 0; i < count; i++) {
        const island = islands.nth(i);
        expect(langProp(await island.getAttribute('props')), `island ${i} of /${locale}/lessons/${lesson.slug}/`).toBe(locale);
        await island.scrollIntoViewIfNeeded();
        await expect(island).not.toHaveAttribute('ssr', { timeout: 60_000 });
        const text = await island.innerText();
        expect(text.trim().length, `island ${i} shows text`).toBeGreaterThan(0);
        if (locale === 'ko') expect(text, `island ${i} is in Korean`).toMatch(HANGUL);
        else expect(text, `island ${i} is in English`).not.toMatch(HANGUL);
      }
      const panels = page.locator('.engine-source__note');
      for (const note of await panels.all()) await expect(note).toHaveText(engineSource[locale].note);
    });
  }
}
