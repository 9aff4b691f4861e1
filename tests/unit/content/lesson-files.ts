/**
 * The lesson files on disk, parsed, and each lesson's allow-list of typed numbers, for
 * the content tests. A lesson is found through the catalog (src/i18n/lessons.ts); its
 * allow-list through the numbers module its MDX imports (`…/lesson-numbers.ts`, which
 * exports `allowedNumbers`).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalog, locales } from '../../../src/i18n/lessons.ts';
import type { CatalogLesson, Locale } from '../../../src/i18n/lessons.ts';
import { parseLesson } from '../../../src/site/lesson-source.ts';
import type { LessonSource } from '../../../src/site/lesson-source.ts';
import type { AllowList } from '../../../src/site/number-words.ts';
import type { Course } from '../../../src/site/lesson-rules.ts';

export const root = process.cwd();

/** Path of a lesson file, relative to the repository root. */
export function lessonFile(lang: string, slug: string): string {
  return `content/lessons/${lang}/${slug}.mdx`;
}

/** The course as the checks see it: the catalog and the files that exist. */
export const course: Course = {
  catalog,
  isWritten: (lang, slug) => existsSync(path.join(root, lessonFile(lang, slug))),
};

/** A catalog lesson with the files written for it. */
export interface WrittenLesson {
  readonly entry: CatalogLesson;
  readonly files: Partial<Record<Locale, LessonSource>>;
}

/** Every catalog lesson that has at least one file, parsed. */
export function writtenLessons(): WrittenLesson[] {
  return catalog.flatMap((entry) => {
    const files: Partial<Record<Locale, LessonSource>> = {};
    for (const lang of locales) {
      const file = lessonFile(lang, entry.slug);
      if (course.isWritten(lang, entry.slug)) files[lang] = parseLesson(file, readFileSync(path.join(root, file), 'utf8'));
    }
    return Object.keys(files).length ? [{ entry, files }] : [];
  });
}

/** The numbers module a lesson imports, relative to the repository root, if any. */
export function numbersModule(lesson: LessonSource): string | undefined {
  const source = lesson.imports.find((specifier) => /(^|\/)lesson-numbers\.tsx?$/.test(specifier));
  if (!source) return undefined;
  return path.relative(root, path.resolve(path.dirname(path.join(root, lesson.file)), source)).split(path.sep).join('/');
}

/** A lesson's allow-list, and where it lives (for messages). */
export async function allowListOf(lesson: LessonSource): Promise<{ allow: AllowList; source: string; problem?: string }> {
  const module = numbersModule(lesson);
  // A lesson without a numbers module may type no number at all; the message says where one goes.
  if (!module) return { allow: [], source: `components/widgets/${lesson.slug}/lesson-numbers.ts (which ${lesson.file} would import)` };
  const exports = (await import(pathToFileURL(path.join(root, module)).href)) as { allowedNumbers?: unknown };
  const list = exports.allowedNumbers;
  if (!Array.isArray(list)) {
    return {
      allow: [],
      source: module,
      problem: `${module} exports no allowedNumbers; add \`export const allowedNumbers: AllowList = [];\` (type in src/i18n/allowed-numbers.ts), listing any number the prose may type and why`,
    };
  }
  const bad = list.filter(
    (entry) =>
      typeof entry !== 'object' ||
      entry === null ||
      typeof (entry as { why?: unknown }).why !== 'string' ||
      !(entry as { why: string }).why.trim() ||
      (typeof (entry as { value?: unknown }).value !== 'number' && typeof (entry as { phrase?: unknown }).phrase !== 'string'),
  );
  if (bad.length) {
    return {
      allow: [],
      source: module,
      problem: `${module}: every allowedNumbers entry needs a value (or a phrase) and a non-empty why; received ${JSON.stringify(bad)}`,
    };
  }
  return { allow: list as AllowList, source: module };
}
