/**
 * The lesson files on disk form a consistent bilingual set (the same check the build
 * runs in src/content.config.ts), and the check itself catches what it should.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { catalog, locales } from '../../../src/i18n/lessons.ts';
import { assertLessonSet, findLessonSetProblems } from '../../../src/site/lesson-checks.ts';
import { checkFrontmatter } from '../../../src/site/lesson-schema.ts';

const lessonsDir = path.join(process.cwd(), 'content', 'lessons');

/** Every lesson file as `{ id, order, data }`, read straight from content/lessons. */
function lessonFiles() {
  if (!existsSync(lessonsDir)) return [];
  return readdirSync(lessonsDir).flatMap((lang) => {
    const dir = path.join(lessonsDir, lang);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => {
        const { frontmatter } = parseFrontmatter(readFileSync(path.join(dir, name), 'utf8'));
        return { id: `${lang}/${name.replace(/\.mdx$/, '')}`, order: Number(frontmatter.order), data: frontmatter };
      });
  });
}

describe('the lesson files in content/lessons', () => {
  const files = lessonFiles();

  it('each have valid frontmatter', () => {
    const problems = files.flatMap((file) => {
      const result = checkFrontmatter(file.data);
      return result.ok ? [] : result.problems.map((problem) => `${file.id}: ${problem}`);
    });
    expect(problems).toEqual([]);
  });

  it('exist in both languages with the catalog order', () => {
    expect(findLessonSetProblems(files)).toEqual([]);
  });

  it('use the same widgets in both languages', () => {
    const byId = new Map(files.map((file) => [file.id, file.data]));
    const mismatches = catalog.flatMap(({ slug }) => {
      const en = byId.get(`en/${slug}`);
      const ko = byId.get(`ko/${slug}`);
      if (!en || !ko) return [];
      const problems: string[] = [];
      if (JSON.stringify([...(en.widgets ?? [])].sort()) !== JSON.stringify([...(ko.widgets ?? [])].sort())) {
        problems.push(`${slug}: widgets differ (${en.widgets} vs ${ko.widgets})`);
      }
      return problems;
    });
    expect(mismatches).toEqual([]);
  });
});

describe('the lesson-set check', () => {
  it('accepts a complete pair', () => {
    expect(findLessonSetProblems([
      { id: 'en/padding', order: 5 },
      { id: 'ko/padding', order: 5 },
    ])).toEqual([]);
  });

  it('names a lesson missing in one language and the file to add', () => {
    expect(findLessonSetProblems([{ id: 'en/padding', order: 5 }])).toEqual([
      'lesson "padding" exists in en but not in ko: add content/lessons/ko/padding.mdx (every lesson needs both languages)',
    ]);
  });

  it('catches an order that disagrees with the catalog or between languages', () => {
    expect(findLessonSetProblems([
      { id: 'en/padding', order: 5 },
      { id: 'ko/padding', order: 6 },
    ])).toEqual([
      'content/lessons/ko/padding.mdx: order is 6, but the catalog places "padding" at 5',
      'lesson "padding" has a different order in each language (en: 5, ko: 6); expected the same',
    ]);
  });

  it('refuses unknown slugs and language folders', () => {
    const problems = findLessonSetProblems([
      { id: 'en/paddings', order: 5 },
      { id: 'fr/padding', order: 5 },
    ]);
    expect(problems[0]).toMatch(/^content\/lessons\/en\/paddings\.mdx: slug "paddings" is not in the course catalog/);
    expect(problems[1]).toBe(
      'content/lessons/fr/padding.mdx: lessons must live in content/lessons/<locale>/ with locale en or ko, received folder "fr"',
    );
  });

  it('throws one error listing every problem', () => {
    expect(() => assertLessonSet([{ id: 'en/stride', order: 6 }, { id: 'ko/dilation', order: 7 }])).toThrow(
      /The lesson files are inconsistent \(2 problems\):\n {2}- lesson "stride" exists in en but not in ko[\s\S]*lesson "dilation" exists in ko but not in en/,
    );
  });
});

describe('the course catalog', () => {
  it('has all seventeen lessons in order with unique slugs and titles in both languages', () => {
    expect(catalog.map((lesson) => lesson.order)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    expect(new Set(catalog.map((lesson) => lesson.slug)).size).toBe(17);
    for (const lesson of catalog) {
      for (const lang of locales) expect(lesson.title[lang].trim(), `${lesson.slug} ${lang}`).not.toBe('');
    }
  });

  it('uses the agreed slugs', () => {
    expect(catalog.map((lesson) => lesson.slug)).toEqual([
      'why-convolutions', 'convolution', 'receptive-fields', 'output-size', 'padding', 'stride', 'dilation',
      'channels', 'activations', 'image-kernels', 'pooling', 'fully-connected', 'training', 'lenet-5',
      'alexnet', 'vgg', 'resnet',
    ]);
  });
});
