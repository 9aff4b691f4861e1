/**
 * What widgets and the site chrome say, checked like the lessons:
 *
 * - every Korean string in components/ and src/i18n/ follows the glossary, chooses a
 *   particle after an interpolated value in code (josa), and writes 합니다-체;
 * - so do the Korean strings of src/exercises/ (prompts and feedback that the exercise
 *   UI shows on Korean pages), apart from particles after interpolated values, which
 *   those files still choose by hand in places (21 of them when this was
 *   written; drop EXERCISES_PARTICLES_PENDING once they go through josa);
 * - a widget's strings type no number: a size or a count comes from the constant it
 *   describes (`${IMAGE_SIZE} × ${IMAGE_SIZE}`), or is allowed, with a reason, by the
 *   allowedNumbers of the numbers module in the widget's folder.
 *
 * Strings files are found by name (a path containing "strings", or en.ts / ko.ts), so
 * the check follows them when a widget's strings are split into one file per language.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { variableParticleAt } from '../../../src/i18n/korean.ts';
import { findKoreanTextProblems } from '../../../src/site/korean-rules.ts';
import { EXPRESSION, PLACEHOLDER } from '../../../src/site/lesson-source.ts';
import { findNumbers, isAllowed } from '../../../src/site/number-words.ts';
import type { AllowList } from '../../../src/site/number-words.ts';
import { root } from './lesson-files.ts';
import { readStrings, sourceFiles, stringsIn } from './source-strings.ts';
import type { SourceString } from './source-strings.ts';

const HANGUL = /[가-힣]/;

/** Korean problems of one literal, as `file:line message` lines. */
function koreanProblems(literal: SourceString): string[] {
  if (!HANGUL.test(literal.text)) return [];
  const where = `${literal.file}:${literal.line}`;
  const problems = findKoreanTextProblems(literal.text, { style: true }).map((p) => `${where} ${p}`);
  if (EXERCISES_PARTICLES_PENDING && literal.file.startsWith('src/exercises/')) return problems;
  let value = 0;
  for (let i = 0; i < literal.text.length; i++) {
    if (!PLACEHOLDER.test(literal.text[i]!)) continue;
    const code = literal.values[value++];
    if (literal.text[i] !== EXPRESSION || code === undefined) continue;
    const particle = variableParticleAt(literal.text.slice(i + 1));
    if (particle) {
      problems.push(`${where} particle: \${${code}}${particle.written} picks its particle by hand; write \${josa(${code}, '${particle.spec}')} (src/i18n/korean.ts)`);
    }
  }
  return problems;
}

/** Typed numbers of one literal the allow-list does not excuse. */
function numberProblems(literal: SourceString, allow: AllowList, allowSource: string): string[] {
  const lang = HANGUL.test(literal.text) ? 'ko' : 'en';
  return findNumbers(literal.text, lang)
    .filter((number) => !isAllowed(number, literal.text, allow))
    .map(
      (number) =>
        `${literal.file}:${literal.line} typed number ${JSON.stringify(number.text)} in ${JSON.stringify(literal.text.replace(new RegExp(PLACEHOLDER.source, 'g'), '${…}'))}: ` +
        `take it from the constant it describes, or add { value: ${number.value}, why: '…' } to allowedNumbers in ${allowSource}`,
    );
}

/** Whether src/exercises/ is still excused from the check of particles after `${…}` (see the file comment). */
const EXERCISES_PARTICLES_PENDING = false;

const koreanSources = [
  ...sourceFiles(root, 'components', /\.tsx?$/),
  // korean.ts itself lists particle forms, not text.
  ...sourceFiles(root, 'src/i18n', /\.ts$/).filter((file) => !file.endsWith('/korean.ts')),
  ...sourceFiles(root, 'src/exercises', /\.ts$/),
];
const stringsFiles = sourceFiles(root, 'components/widgets', /(strings[^/]*|\/(en|ko))\.tsx?$|\/strings\/[^/]+\.tsx?$/);

describe('Korean in widgets, exercises and the site chrome', () => {
  it('finds the Korean strings (sanity)', () => {
    const count = koreanSources.flatMap((file) => readStrings(root, file)).filter((s) => HANGUL.test(s.text)).length;
    expect(count).toBeGreaterThan(300);
  });

  for (const file of koreanSources) {
    const literals = readStrings(root, file).filter((s) => HANGUL.test(s.text));
    if (!literals.length) continue;
    it(`${file} follows the glossary, picks particles in code and writes 합니다-체`, () => {
      expect(literals.flatMap(koreanProblems)).toEqual([]);
    });
  }
});

describe('numbers in widget strings', () => {
  it('finds the strings files of every widget folder', () => {
    const folders = new Set(stringsFiles.map((file) => file.split('/')[2]));
    expect([...folders].sort()).toEqual(expect.arrayContaining(['convolution', 'output-size', 'receptive-fields', 'training', 'why-convolutions']));
  });

  for (const file of stringsFiles) {
    it(`${file} takes sizes and counts from the constants they describe`, async () => {
      const folder = file.split('/').slice(0, 3).join('/');
      const module = `${folder}/lesson-numbers.ts`;
      let allow: AllowList = [];
      if (existsSync(path.join(root, module))) {
        const exports = (await import(pathToFileURL(path.join(root, module)).href)) as { allowedNumbers?: AllowList };
        allow = exports.allowedNumbers ?? [];
      }
      expect(readStrings(root, file).flatMap((literal) => numberProblems(literal, allow, module))).toEqual([]);
    });
  }
});

describe('the string checks themselves', () => {
  const strings = (source: string) => stringsIn('components/widgets/demo/strings.ts', source);

  it('read text literals but not module names, keys, types or comparisons', () => {
    const found = strings(`
      import { x } from './model-2.ts';
      type Kind = 'conv3';
      const s = { 'key 9': 'Filters (3 × 3)', label: \`Input \${size} × \${size}\` };
      if (kind === 'v2') {}
    `);
    expect(found.map((s) => s.text)).toEqual(['Filters (3 × 3)', `Input ${EXPRESSION} × ${EXPRESSION}`]);
  });

  it('catch a typed size, a number word, a glossary word, a hand-picked particle and 해요-체', () => {
    const [size, word, glossary, particle, style] = strings(`
      const a = 'Input picture (9 × 9)';
      const b = 'The five filters all read the same patch.';
      const c = '특성 맵 1';
      const d = \`시드 \${seed}로 학습한 결과입니다.\`;
      const e = '나머지는 처음 보는 이미지예요.';
    `);
    expect(numberProblems(size!, [], 'm.ts')).toHaveLength(2);
    expect(numberProblems(word!, [], 'm.ts')).toEqual([expect.stringContaining('typed number "five"')]);
    expect(numberProblems(size!, [{ value: 9, why: 'the X picture is 9 wide' }], 'm.ts')).toEqual([]);
    expect(koreanProblems(glossary!)).toEqual([expect.stringContaining('glossary: "특성 맵"')]);
    expect(koreanProblems(particle!)).toEqual([
      "components/widgets/demo/strings.ts:5 particle: ${seed}로 picks its particle by hand; write ${josa(seed, '(으)로')} (src/i18n/korean.ts)",
    ]);
    expect(koreanProblems(style!)).toEqual([expect.stringContaining('ends in 해요-체')]);
  });
});
