/**
 * Build-time consistency checks across all lesson files.
 *
 * The schema checks one file at a time; these checks look at the whole set: every lesson
 * must exist in both languages, with the slug and order the catalog gives it. A lesson
 * that exists in one language only would leave the language switch pointing nowhere,
 * so the build stops instead.
 */
import { catalog, catalogEntry, isLocale, locales } from '../i18n/lessons.ts';
import type { Locale } from '../i18n/lessons.ts';

/** What the checks need to know about one lesson file. */
export interface LessonFileFacts {
  /** Collection id, `<locale>/<slug>` (the path under `content/lessons` without extension). */
  readonly id: string;
  /** `order` from the frontmatter. */
  readonly order: number;
}

/** A lesson file's language and slug, split out of its collection id. */
export function splitLessonId(id: string): { lang: string; slug: string } {
  const slash = id.indexOf('/');
  if (slash < 0) return { lang: '', slug: id };
  return { lang: id.slice(0, slash), slug: id.slice(slash + 1) };
}

/** Every problem with the set of lesson files, as sentences; empty when all is well. */
export function findLessonSetProblems(files: readonly LessonFileFacts[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Map<Locale, number>>();

  for (const file of files) {
    const { lang, slug } = splitLessonId(file.id);
    const where = `content/lessons/${file.id}.mdx`;
    if (!isLocale(lang)) {
      problems.push(
        `${where}: lessons must live in content/lessons/<locale>/ with locale ${locales.join(' or ')}, received folder ${JSON.stringify(lang)}`,
      );
      continue;
    }
    const known = catalogEntry(slug);
    if (!known) {
      problems.push(
        `${where}: slug ${JSON.stringify(slug)} is not in the course catalog (src/i18n/lessons.ts); expected one of ${catalog.map((l) => l.slug).join(', ')}`,
      );
      continue;
    }
    if (file.order !== known.order) {
      problems.push(
        `${where}: order is ${file.order}, but the catalog places "${slug}" at ${known.order}`,
      );
    }
    const byLang = seen.get(slug) ?? new Map<Locale, number>();
    byLang.set(lang, file.order);
    seen.set(slug, byLang);
  }

  for (const [slug, byLang] of seen) {
    for (const lang of locales) {
      if (!byLang.has(lang)) {
        const present = [...byLang.keys()].join(', ');
        problems.push(
          `lesson "${slug}" exists in ${present} but not in ${lang}: add content/lessons/${lang}/${slug}.mdx (every lesson needs both languages)`,
        );
      }
    }
    const orders = new Set(byLang.values());
    if (orders.size > 1) {
      const detail = [...byLang].map(([lang, order]) => `${lang}: ${order}`).join(', ');
      problems.push(`lesson "${slug}" has a different order in each language (${detail}); expected the same`);
    }
  }
  return problems;
}

/** Throw one error listing every problem, so an author can fix them all in one go. */
export function assertLessonSet(files: readonly LessonFileFacts[]): void {
  const problems = findLessonSetProblems(files);
  if (problems.length > 0) {
    throw new Error(
      `The lesson files are inconsistent (${problems.length} problem${problems.length > 1 ? 's' : ''}):\n  - ${problems.join('\n  - ')}`,
    );
  }
}
