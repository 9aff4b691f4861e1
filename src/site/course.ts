/**
 * The course as pages see it: the catalog joined with the lesson files that exist.
 * Only used at build time (it reads the content collection).
 */
import { getCollection } from 'astro:content';
import type { CollectionEntry } from 'astro:content';
import { catalog, lessonPath } from '../i18n/lessons.ts';
import type { Locale } from '../i18n/lessons.ts';
import { splitLessonId } from './lesson-checks.ts';

/** A lesson file from the collection. */
export type LessonEntry = CollectionEntry<'lessons'>;

/** One step of the course path, written or not. */
export interface PathStep {
  readonly order: number;
  readonly slug: string;
  /** The lesson's own title when written, else the catalog's. */
  readonly title: string;
  /** Link to the lesson, present only when the lesson exists in this language. */
  readonly href: string | undefined;
}

/** The lesson files of one language, by slug. */
export async function lessonsBySlug(lang: Locale): Promise<Map<string, LessonEntry>> {
  const entries = await getCollection('lessons', (entry) => splitLessonId(entry.id).lang === lang);
  return new Map(entries.map((entry) => [splitLessonId(entry.id).slug, entry]));
}

/** All seventeen steps in order, linking the lessons that are written. */
export async function coursePath(lang: Locale): Promise<PathStep[]> {
  const written = await lessonsBySlug(lang);
  return catalog.map((lesson) => {
    const entry = written.get(lesson.slug);
    return {
      order: lesson.order,
      slug: lesson.slug,
      title: entry?.data.title ?? lesson.title[lang],
      href: entry ? lessonPath(lang, lesson.slug) : undefined,
    };
  });
}
