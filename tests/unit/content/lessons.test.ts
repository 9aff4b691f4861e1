/**
 * One set of rules for every lesson of the catalog, in both languages. A lesson is
 * checked as soon as its files exist in content/lessons/<lang>/: there is nothing to
 * add here when a lesson is written. The rules are in src/site/lesson-rules.ts and
 * src/site/korean-rules.ts; tests/unit/content/lesson-rules.test.ts shows each rule
 * failing on a small broken lesson.
 *
 * - both languages share a skeleton (headings, components and props, values, math);
 * - no number is typed into the prose unless the lesson's numbers module allows it;
 * - every "lesson N" / "N강" / "the next lesson" / "다음 강의" is a link to the lesson
 *   the catalog puts there;
 * - no Markdown survives rendering as literal text (**, __, `, $);
 * - each Korean file records the English source it was translated from;
 * - the Korean follows the glossary, chooses particles after computed values in code,
 *   and is written in 합니다-체.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkLangProps,
  checkLessonReferences,
  compareSkeletons,
  findLiteralMarkdown,
  findTypedNumbers,
  formatProblem,
} from '../../../src/site/lesson-rules.ts';
import { findKoreanProblems } from '../../../src/site/korean-rules.ts';
import { TRANSLATION_FIELD, translationProblem } from '../../../src/site/translation.ts';
import { allowListOf, course, root, writtenLessons } from './lesson-files.ts';

const lessons = writtenLessons();

describe('the lessons', () => {
  it('include the six written so far, in both languages', () => {
    const written = lessons.filter((lesson) => lesson.files.en && lesson.files.ko).map((lesson) => lesson.entry.slug);
    expect(written).toEqual(expect.arrayContaining(['why-convolutions', 'convolution', 'receptive-fields', 'output-size', 'training', 'lenet-5']));
  });
});

for (const { entry, files } of lessons) {
  describe(`lesson ${entry.order} (${entry.slug})`, () => {
    const { en, ko } = files;

    if (en && ko) {
      it('has the same skeleton in both languages', () => {
        expect(compareSkeletons(en, ko).map(formatProblem)).toEqual([]);
      });

      it('records the English source its Korean was translated from, and it is current', () => {
        const problem = translationProblem(ko.frontmatter[TRANSLATION_FIELD], en.raw, en.file, entry.slug);
        expect(problem ? [`${ko.file}: ${problem}`] : []).toEqual([]);
        expect(en.frontmatter[TRANSLATION_FIELD], `${en.file} is the source; only translations carry ${TRANSLATION_FIELD}`).toBeUndefined();
      });
    }

    for (const lesson of [en, ko]) {
      if (!lesson) continue;
      describe(lesson.lang, () => {
        it('types no number its numbers module does not allow', async () => {
          const { allow, source, problem } = await allowListOf(lesson);
          expect(problem ? [problem] : []).toEqual([]);
          expect(findTypedNumbers(lesson, allow, source).map(formatProblem)).toEqual([]);
        });

        it('refers to other lessons only through links to the lesson the catalog puts there', () => {
          expect(checkLessonReferences(lesson, course).map(formatProblem)).toEqual([]);
        });

        it('leaves no literal Markdown in the rendered text', () => {
          expect(findLiteralMarkdown(lesson).map(formatProblem)).toEqual([]);
        });

        it('types no lang on its components (the build gives them the folder\'s)', () => {
          expect(checkLangProps(lesson).map(formatProblem)).toEqual([]);
        });

        if (lesson.lang === 'ko') {
          it('follows the Korean glossary and style, with particles after computed values chosen in code', () => {
            expect(findKoreanProblems(lesson).map(formatProblem)).toEqual([]);
          });
        }
      });
    }
  });
}

describe('the checks read the files the site renders', () => {
  it('parse every written lesson with its headings, components and values', () => {
    for (const { files } of lessons) {
      for (const lesson of Object.values(files)) {
        expect(lesson.headings.length, lesson.file).toBeGreaterThan(0);
        expect(lesson.blocks.some((block) => block.kind === 'text'), lesson.file).toBe(true);
        expect(readFileSync(path.join(root, lesson.file), 'utf8')).toBe(lesson.raw);
      }
    }
  });
});
