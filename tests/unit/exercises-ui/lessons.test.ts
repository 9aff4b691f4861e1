/**
 * Every written lesson, in every language, ends with at least three exercises:
 * the Lesson layout lists them from the framework by the lesson's slug, so a
 * lesson file is enough to find them.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listExercises } from '../../../src/exercises/index.ts';
import { locales } from '../../../src/i18n/lessons.ts';

describe('lesson exercises', () => {
  for (const lang of locales) {
    const slugs = readdirSync(`content/lessons/${lang}`)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.replace(/\.mdx$/, ''));
    it(`${lang}: the written lessons are found`, () => {
      expect(slugs.length).toBeGreaterThanOrEqual(6);
    });
    for (const slug of slugs) {
      it(`${lang}/${slug} has at least three exercises`, () => {
        expect(listExercises({ lesson: slug }).length).toBeGreaterThanOrEqual(3);
      });
    }
  }
});
