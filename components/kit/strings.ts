/**
 * How a widget picks its words for the page's language. Each widget keeps one file
 * per language (`strings/en.ts`, `strings/ko.ts`): English defines the shape, and
 * every other language must match it key for key, which TypeScript checks (a missing
 * or an extra key is a type error in that language's file). The widget's
 * `strings/index.ts` gathers them into one {@link Translations} table.
 */
import { isLocale } from '../../src/i18n/lessons.ts';
import type { Locale } from '../../src/i18n/lessons.ts';

/** A widget's words in every language the site is written in. */
export type Translations<T> = Readonly<Record<Locale, T>>;

/**
 * The words for `lang`. English stands in for anything that is not one of the site's
 * languages, so a widget never renders without words.
 */
export function stringsFor<T>(table: Translations<T>, lang: Locale | undefined): T {
  return isLocale(lang) ? table[lang] : table.en;
}
