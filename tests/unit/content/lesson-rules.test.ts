/**
 * The lesson checks on small lessons: a good English/Korean pair passes every rule,
 * and one deliberate break per rule fails it with a message that names the file, the
 * line and the word. This is what keeps tests/unit/content/lessons.test.ts honest: a
 * check that cannot fail would pass the real lessons too.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/i18n/lessons.ts';
import { parseLesson } from '../../../src/site/lesson-source.ts';
import {
  checkLangProps,
  checkLessonReferences,
  compareSkeletons,
  findLiteralMarkdown,
  findTypedNumbers,
  formatProblem,
} from '../../../src/site/lesson-rules.ts';
import type { Course, Problem } from '../../../src/site/lesson-rules.ts';
import { findKoreanProblems, findKoreanTextProblems } from '../../../src/site/korean-rules.ts';
import { sourceHash, translationProblem } from '../../../src/site/translation.ts';
import type { AllowList } from '../../../src/site/number-words.ts';

const EN = `---
title: Padding
order: 5
summary: Zeros around the edge keep a feature map as large as its input.
objectives:
  - Work out the padding that keeps the size
widgets: [PaddingDemo]
---

import PaddingDemo from '../../../components/widgets/padding/PaddingDemo.tsx';
import { lessonNumbers } from '../../../components/widgets/padding/lesson-numbers.ts';

export const n = lessonNumbers();

## Zeros around the edge

A {n.size}×{n.size} image convolved with a {n.kernel}×{n.kernel} filter shrinks to
{n.shrunk}×{n.shrunk}, as [lesson 4](../output-size/) showed. Pad it by {n.padding} and it
keeps its size, at stride 1:

$$
p = \\frac{k - 1}{2}
$$

<PaddingDemo client:visible mode="zeros" caption={\`A \${n.size}-pixel row\`} />

## Why the corners count

Without padding a corner pixel is read once; with it, {n.cornerReads} times. **Try it.**

[The next lesson](../stride/) is about stride.
`;

const KO_BODY = `title: 패딩
order: 5
summary: 가장자리에 0을 덧붙이면 특징 맵이 입력만큼 커집니다.
objectives:
  - 크기를 유지하는 패딩을 구할 수 있다
widgets: [PaddingDemo]
---

import PaddingDemo from '../../../components/widgets/padding/PaddingDemo.tsx';
import { lessonNumbers } from '../../../components/widgets/padding/lesson-numbers.ts';
import { josa } from '../../../src/i18n/korean.ts';

export const n = lessonNumbers();

## 가장자리의 0

{n.size}×{n.size} 이미지에 {n.kernel}×{n.kernel} 필터(filter)로 합성곱(convolution)을 하면
[4강](../output-size/)에서 본 것처럼 {n.shrunk}×{josa(n.shrunk, '(으)로')} 줄어듭니다. 스트라이드 1에서 패딩을
{josa(n.padding, '(으)로')} 주면 크기가 그대로입니다.

$$
p = \\frac{k - 1}{2}
$$

<PaddingDemo client:visible mode="zeros" caption={\`\${n.size}픽셀짜리 줄\`} />

## 모서리도 똑같이 읽힌다

패딩이 없으면 모서리 픽셀은 한 번만 읽히지만, 패딩을 주면 {n.cornerReads}번 읽힙니다. **직접 해 보세요.**

패딩 다음은 [다음 강의](../stride/)에서 다루는 스트라이드입니다.
`;

const koText = (en: string, body = KO_BODY) => `---\ntranslatedFrom: ${sourceHash(en)}\n${body}`;
const KO = koText(EN);

const ALLOW: AllowList = [
  { value: 1, why: 'the stride of the example, pinned by its test' },
  { value: 0, why: 'what zero padding adds' },
];

/** The course with lessons 1-4 written, as the checks see it. */
const course: Course = {
  catalog,
  isWritten: (_lang, slug) => ['why-convolutions', 'convolution', 'receptive-fields', 'output-size', 'padding'].includes(slug),
};

const en = (text = EN) => parseLesson('content/lessons/en/padding.mdx', text);
const ko = (text = KO) => parseLesson('content/lessons/ko/padding.mdx', text);

/** Every rule on a pair, as formatted lines. */
function allProblems(enText = EN, koText_ = KO): string[] {
  const e = en(enText);
  const k = ko(koText_);
  const problems: Problem[] = [
    ...compareSkeletons(e, k),
    ...[e, k].flatMap((lesson) => [
      ...findTypedNumbers(lesson, ALLOW, 'components/widgets/padding/lesson-numbers.ts'),
      ...checkLessonReferences(lesson, course),
      ...findLiteralMarkdown(lesson),
      ...checkLangProps(lesson),
    ]),
    ...findKoreanProblems(k),
  ];
  const translation = translationProblem(k.frontmatter.translatedFrom, enText, e.file, 'padding');
  if (translation) problems.push({ file: k.file, line: 1, rule: 'translation', message: translation });
  return problems.map(formatProblem);
}

/** Replace exactly one occurrence, so a fixture edit cannot silently miss. */
function breakIt(text: string, from: string, to: string): string {
  expect(text.split(from), `fixture should contain ${JSON.stringify(from)} once`).toHaveLength(2);
  return text.replace(from, to);
}

describe('a good lesson pair', () => {
  it('passes every rule', () => {
    expect(allProblems()).toEqual([]);
  });
});

describe('each rule fails on a deliberately broken copy', () => {
  it('a missing heading', () => {
    const broken = breakIt(KO, '## 모서리도 똑같이 읽힌다\n\n', '');
    expect(allProblems(EN, broken)).toEqual([
      expect.stringMatching(
        /^content\/lessons\/ko\/padding\.mdx:\d+ \[skeleton\] headings differ from content\/lessons\/en\/padding\.mdx: levels 2,2 in English, 2 here; heading 2 is h2 "Why the corners count" \(line \d+\) in English and missing here$/,
      ),
    ]);
  });

  it('a component with a different prop, or a language typed by hand', () => {
    const moved = breakIt(KO, 'mode="zeros"', 'mode="reflect"');
    expect(allProblems(EN, moved)).toEqual([
      expect.stringContaining('[skeleton] <PaddingDemo> prop "mode" differs from English (line 25): string:zeros vs string:reflect; only text may differ'),
    ]);
    const handTyped = breakIt(KO, 'client:visible mode=', 'client:visible lang="ko" mode=');
    expect(allProblems(EN, handTyped)).toEqual([
      'content/lessons/ko/padding.mdx:27 [skeleton] <PaddingDemo> is given lang="ko" by hand; remove it: widgets take the language of the lesson\'s folder ("ko")',
    ]);
  });

  it('a value printed in one language only, and a missing math block', () => {
    const value = breakIt(KO, '{n.cornerReads}번', '여러 번');
    expect(allProblems(EN, value)).toEqual([expect.stringContaining('[skeleton] the two languages print different values: only in English {n.cornerReads}')]);
    const math = breakIt(KO, '$$\np = \\frac{k - 1}{2}\n$$\n', '');
    expect(allProblems(EN, math)).toEqual([expect.stringContaining('[skeleton] 1 display-math blocks ($$…$$) in content/lessons/en/padding.mdx, 0 here')]);
  });

  it('a typed number, in digits', () => {
    const broken = breakIt(EN, 'shrinks to\n{n.shrunk}×{n.shrunk}', 'shrinks to\n28×28');
    expect(allProblems(broken, koText(broken)).filter((p) => p.includes('typed-number'))).toEqual([
      expect.stringMatching(/^content\/lessons\/en\/padding\.mdx:17 \[typed-number\] typed number "28" in the paragraph ".*shrinks to 28×28, as .*print it from the lesson's numbers \(\{n\.…\}\)/),
      expect.stringMatching(/^content\/lessons\/en\/padding\.mdx:17 \[typed-number\] typed number "28" in the paragraph/),
    ]);
  });

  it('a number word, in English and in Korean', () => {
    const english = breakIt(EN, 'read once; with it, {n.cornerReads} times', 'read once; with it, nine times');
    expect(allProblems(english, koText(english)).filter((p) => p.includes('typed-number'))).toEqual([
      expect.stringMatching(/^content\/lessons\/en\/padding\.mdx:\d+ \[typed-number\] typed number "nine" in the paragraph .*add \{ value: 9, why: '…' \} to allowedNumbers in components\/widgets\/padding\/lesson-numbers\.ts/),
    ]);
    const korean = breakIt(KO, '{n.cornerReads}번 읽힙니다', '아홉 번 읽힙니다');
    expect(allProblems(EN, korean).filter((p) => p.includes('typed-number'))).toEqual([
      expect.stringContaining('content/lessons/ko/padding.mdx:31 [typed-number] typed number "아홉" in the paragraph'),
    ]);
    const counter = breakIt(KO, '한 번만 읽히지만', '열 번 가운데 한 번만 읽히지만');
    expect(allProblems(EN, counter).filter((p) => p.includes('typed-number'))).toEqual([expect.stringContaining('typed number "열"')]);
  });

  it('a wrong lesson reference, an unlinked one, and a next lesson that is not next', () => {
    const wrong = breakIt(EN, '[lesson 4](../output-size/)', '[lesson 3](../output-size/)');
    expect(allProblems(wrong, koText(wrong))).toEqual([
      'content/lessons/en/padding.mdx:17 [lesson-reference] "lesson 3" links to "output-size", but the catalog puts "receptive-fields" there (order 3); link to ../receptive-fields/',
    ]);
    const unlinked = breakIt(KO, '[4강](../output-size/)', '4강');
    expect(allProblems(EN, unlinked)).toEqual([
      expect.stringContaining('[skeleton] links to other lessons differ: [output-size, stride] in English, [stride] here'),
      'content/lessons/ko/padding.mdx:19 [lesson-reference] "4강" is not a link; write it as [4강](../output-size/) so it names the lesson the catalog puts there',
    ]);
    const notNext = breakIt(EN, '[The next lesson](../stride/)', '[The next lesson](../dilation/)');
    expect(allProblems(notNext, koText(notNext))).toEqual([
      expect.stringContaining('[skeleton] links to other lessons differ: [dilation, output-size] in English, [output-size, stride] here'),
      expect.stringContaining('[lesson-reference] "next lesson" links to "dilation", but the catalog puts "stride" there (order 6); link to ../stride/'),
    ]);
    const unwritten = breakIt(KO, '[다음 강의](../stride/)', '다음 강의');
    expect(allProblems(EN, unwritten)).toContainEqual(
      expect.stringContaining('"다음 강의" is not a link; write it as [다음 강의](../stride/) so it names the lesson the catalog puts there (unwritten lessons show as "coming soon")'),
    );
  });

  it('a literal ** that CommonMark cannot close', () => {
    const broken = breakIt(KO, '**직접 해 보세요.**', '**평균 (1998년)**을 고르세요.');
    expect(allProblems(EN, broken).filter((p) => p.includes('literal-markdown'))).toEqual([
      expect.stringMatching(/^content\/lessons\/ko\/padding\.mdx:31 \[literal-markdown\] the paragraph shows a literal "\*\*" .*write <strong>…<\/strong>/),
    ]);
    const fine = breakIt(KO, '**직접 해 보세요.**', '<strong>평균 (1998년)</strong>을 고르세요.');
    expect(allProblems(EN, fine).filter((p) => p.includes('literal-markdown'))).toEqual([]);
    const dollar = breakIt(EN, '**Try it.**', 'It costs $5.');
    expect(allProblems(dollar, koText(dollar)).filter((p) => p.includes('literal-markdown'))).toEqual([
      expect.stringContaining('shows a literal "$"'),
    ]);
  });

  it('a glossary violation', () => {
    const broken = breakIt(KO, '특징 맵이 입력만큼', '특성 맵이 입력만큼');
    expect(allProblems(EN, broken)).toEqual([
      'content/lessons/ko/padding.mdx:5 [glossary] "특성 맵" in the summary "가장자리에 0을 덧붙이면 특성 맵이 입력만큼 커집니다."; use 특징 맵 (feature map)',
    ]);
    const picture = breakIt(KO, '{n.size}×{n.size} 이미지에', '{n.size}×{n.size} 그림에');
    expect(allProblems(EN, picture)).toEqual([expect.stringContaining('[glossary] "그림" in the paragraph')]);
    const gloss = breakIt(KO, '필터(filter)로', '필터로');
    expect(allProblems(EN, gloss)).toEqual([expect.stringContaining('[glossary] first use of 필터 in the running text has no English gloss')]);
  });

  it('a particle typed after a computed value, and a wrong particle after a typed number', () => {
    const typed = breakIt(KO, "{josa(n.padding, '(으)로')}", '{n.padding}로');
    expect(allProblems(EN, typed)).toEqual([
      "content/lessons/ko/padding.mdx:19 [particle] {n.padding}로: the particle after a computed value must be chosen in code; write {josa(n.padding, '(으)로')} (src/i18n/korean.ts)",
    ]);
    const wrong = breakIt(KO, '스트라이드 1에서', '스트라이드 1으로');
    expect(allProblems(EN, wrong)).toEqual([expect.stringContaining('[particle] "1으로" should read "1로"')]);
    expect(findKoreanTextProblems('F6의 값 84이라는 수')).toEqual(['particle: "84이라는" should read "84라는" ("F6의 값 84이라는 수")']);
  });

  it('Korean prose that is not 합니다-체, and an objective that does not end in …할 수 있다', () => {
    const haeyo = breakIt(KO, '크기가 그대로입니다.', '크기가 그대로예요.');
    expect(allProblems(EN, haeyo)).toEqual([expect.stringContaining('[korean-style] "스트라이드 1에서 패딩을 {josa(…)} 주면 크기가 그대로예요." ends in 해요-체')]);
    const objective = breakIt(KO, '패딩을 구할 수 있다', '패딩을 구한다');
    expect(allProblems(EN, objective)).toEqual([expect.stringContaining('[korean-style] objective 1 "크기를 유지하는 패딩을 구한다" should end the way every objective does')]);
  });

  it('a translation whose English changed since', () => {
    const changed = EN.replace('is about stride.', 'is about stride, the step of the filter.');
    expect(allProblems(changed, KO)).toEqual([
      expect.stringMatching(
        /^content\/lessons\/ko\/padding\.mdx:1 \[translation\] was translated from an earlier content\/lessons\/en\/padding\.mdx \(translatedFrom: [0-9a-f]{12}, now [0-9a-f]{12}\): .*npm run lesson:sync-hash -- padding/,
      ),
    ]);
  });
});

describe('the prose the checks read', () => {
  it('is the rendered text: emphasis that closes loses its asterisks, one that cannot keeps them', () => {
    const lesson = ko(KO.replace('**직접 해 보세요.**', '**평균 (1998년)**을, *어디에* 있는지'));
    const block = lesson.blocks.find((b) => b.text.includes('평균'))!;
    expect(block.text).toContain('**평균 (1998년)**을, 어디에 있는지');
  });

  it('holds placeholders for values, code and math, and every frontmatter field a reader sees', () => {
    const lesson = en();
    expect(lesson.blocks.filter((b) => b.kind === 'frontmatter').map((b) => b.where)).toEqual(['title', 'summary', 'objective 1']);
    expect(lesson.blocks.find((b) => b.kind === 'attribute')).toMatchObject({ where: 'caption of <PaddingDemo>', values: ['n.size'] });
    expect(lesson.headings.map((h) => h.depth)).toEqual([2, 2]);
    expect(lesson.displayMath).toBe(1);
  });
});
