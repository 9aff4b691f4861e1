/**
 * Korean that reads as if written in Korean: the glossary's one term per idea
 * (../shared/GLOSSARY.ko.md, applied to lessons, widgets and rendered pages), particles
 * after computed numbers chosen in code, plain 합니다-체 prose, objectives that end
 * "…할 수 있다", one word for "parameters" per page, and the English term glossed in
 * parentheses at a term's first use.
 *
 * The text checks (`findGlossaryViolations`, `findKoreanTextProblems`) take plain text,
 * so the same rules run on MDX prose, on widget strings and on the text of a built page.
 */
import { findParticleMistakes, variableParticleAt } from '../i18n/korean.ts';
import { EXPRESSION, PARTICLE_EXPRESSION } from './lesson-source.ts';
import type { Block, LessonSource } from './lesson-source.ts';
import { showText } from './lesson-rules.ts';
import type { Problem } from './lesson-rules.ts';

/** A word the glossary rules out, and what to write instead. */
export interface GlossaryRule {
  readonly forbidden: RegExp;
  readonly use: string;
}

/**
 * The glossary's "not this" column, and a few neighbours of it. 그림 is allowed where it
 * means a drawing or a figure of the page (그림판, 아래 그림, 교재의 그림, 그림으로 그리다);
 * 기울기 where it means a gradient (a tilted stroke is 기울어진 획).
 */
export const GLOSSARY: readonly GlossaryRule[] = [
  { forbidden: /특성\s*맵/, use: '특징 맵 (feature map)' },
  { forbidden: /완전\s*연결\s*층/, use: '완전 연결 계층 (fully connected layer)' },
  { forbidden: /FC\s*층/, use: '완전 연결 계층(FC)' },
  { forbidden: /합성곱\s*층/, use: '합성곱 계층 (convolutional layer)' },
  { forbidden: /풀링\s*층/, use: '풀링 계층 (pooling layer)' },
  { forbidden: /출력\s*층/, use: '출력 계층 (output layer)' },
  { forbidden: /컨볼루션/, use: '합성곱 (convolution)' },
  { forbidden: /(?<!팽창\s?\()딜레이션/, use: '팽창(dilation)' },
  { forbidden: /맥스\s*풀링/, use: '최대 풀링 (max pooling)' },
  { forbidden: /바이어스/, use: '편향 (bias)' },
  { forbidden: /가중치를\s*묶/, use: '가중치 공유 (weight sharing)' },
  { forbidden: /너그러|너그럽/, use: '이동 불변성 (translation invariance); for other changes say what changes, e.g. 회전에 강하다' },
  {
    forbidden: /(?<!(?:아래|위|다음|앞|이|그|교재의?|논문의?|책의?|교과서의?|신경망|그린)\s?)그림(?!판|으로\s*그[리려린릴])/,
    use: '이미지 (an input picture); 그림 only for a drawing or a figure of the page',
  },
  { forbidden: /기울기(?:와|나|는|가|를|도)?\s*(?:굵은|획|펜|글자|회전)|(?:글자|획|X|O)의?\s*기울기/, use: '기울어진 획, 기울임 (기울기 is a gradient only)' },
];

/** Glossary words a text breaks, each with the word as found and what to use. */
export function findGlossaryViolations(text: string): { found: string; use: string; index: number }[] {
  const found: { found: string; use: string; index: number }[] = [];
  for (const rule of GLOSSARY) {
    const pattern = new RegExp(rule.forbidden.source, 'g');
    for (const match of text.matchAll(pattern)) found.push({ found: match[0], use: rule.use, index: match.index! });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Sentence endings of 해요-체 (…예요, …거든요, …지요, …죠). Questions (…까요?) and
 * requests (…세요) are usual in 합니다-체 teaching prose and stay allowed.
 */
const HAEYO = /(?:이에요|예요|에요|어요|아요|여요|해요|워요|져요|라요|지요|죠|네요|군요|거든요|래요|대요|나요|데요|게요|걸요|구요)[.!]?$/;

/** Problems with one sentence's ending: 해요-체, or 해라-체 (…이다.) in running prose. */
function endingProblem(sentence: string): string | undefined {
  const bare = sentence.replace(/[\s"'”’)\]」』]+$/u, '');
  if (HAEYO.test(bare)) return `ends in 해요-체 (${JSON.stringify(bare.slice(-12))}); write 합니다-체`;
  if (/[가-힣]다[.!]?$/.test(bare) && !/(니다|시다)[.!]?$/.test(bare) && /[.!]$/.test(bare)) {
    return `ends in 해라-체 (${JSON.stringify(bare.slice(-12))}); write 합니다-체`;
  }
  return undefined;
}

/** Split prose into sentences at . ! ? followed by a space or the end. */
function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Problems in a piece of Korean text that does not come from a lesson file: widget
 * strings, interface strings, the text of a built page. Glossary words, and numbers
 * followed by a particle of the wrong form. `style` adds the 합니다-체 check.
 */
export function findKoreanTextProblems(text: string, options: { style?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const v of findGlossaryViolations(text)) {
    problems.push(`glossary: ${JSON.stringify(v.found)} in ${showText(text, v.index)}; use ${v.use}`);
  }
  for (const m of findParticleMistakes(text)) {
    problems.push(`particle: ${JSON.stringify(m.found)} should read ${JSON.stringify(m.expected)} (${showText(text, m.index)})`);
  }
  if (options.style) {
    for (const sentence of sentences(text)) {
      const problem = endingProblem(sentence);
      if (problem && /[가-힣]/.test(sentence)) problems.push(`style: ${showText(sentence)} ${problem}`);
    }
  }
  return problems;
}

/**
 * Terms glossed with their English at first use in a lesson's running text (the
 * glossary: "Gloss the English term in parentheses at its first use in each lesson").
 * Loanwords (패딩, 스트라이드, 채널...) need no gloss. The gloss may follow a compound the
 * term starts: 합성곱 신경망(convolutional neural network).
 */
export const GLOSSED_TERMS: readonly { term: string; english: RegExp; gloss: string }[] = [
  { term: '합성곱', english: /convol/i, gloss: '합성곱(convolution)' },
  { term: '필터', english: /filter|kernel|커널/i, gloss: '필터(filter) or 필터(커널)' },
  { term: '특징 맵', english: /feature map/i, gloss: '특징 맵(feature map)' },
  { term: '활성화 맵', english: /activation map/i, gloss: '활성화 맵(activation map)' },
  { term: '수용 영역', english: /receptive field[\s\S]*수용장|수용장[\s\S]*receptive field/i, gloss: '수용 영역(receptive field, 수용장)' },
  { term: '완전 연결 계층', english: /fully connected/i, gloss: '완전 연결 계층(fully connected layer)' },
  { term: '팽창', english: /dilation/i, gloss: '팽창(dilation)' },
  { term: '가중치 공유', english: /sharing/i, gloss: '가중치 공유(weight sharing)' },
  { term: '가중치', english: /weight/i, gloss: '가중치(weight)' },
  { term: '편향', english: /bias/i, gloss: '편향(bias)' },
  { term: '기울기', english: /gradient|그래디언트/i, gloss: '기울기(gradient)' },
  { term: '역전파', english: /backprop/i, gloss: '역전파(backpropagation)' },
  { term: '학습률', english: /learning rate/i, gloss: '학습률(learning rate)' },
  { term: '손실', english: /loss/i, gloss: '손실(loss)' },
  { term: '활성화 함수', english: /activation function/i, gloss: '활성화 함수(activation function)' },
  { term: '최대 풀링', english: /max pooling/i, gloss: '최대 풀링(max pooling)' },
  { term: '평균 풀링', english: /average pooling/i, gloss: '평균 풀링(average pooling)' },
  { term: '잔차 블록', english: /residual/i, gloss: '잔차 블록(residual block)' },
  { term: '지름길 연결', english: /shortcut/i, gloss: '지름길 연결(shortcut)' },
  { term: '병목', english: /bottleneck/i, gloss: '병목(bottleneck)' },
  { term: '이동 불변성', english: /translation invariance/i, gloss: '이동 불변성(translation invariance)' },
  { term: '교차 상관', english: /cross-correlation/i, gloss: '교차 상관(cross-correlation)' },
  { term: '깊이별', english: /depthwise/i, gloss: '깊이별(depthwise) 합성곱' },
];

/** Blocks of running text: paragraphs, list items, table cells (not headings, captions or frontmatter). */
function runningText(lesson: LessonSource): Block[] {
  return lesson.blocks.filter((block) => block.kind === 'text');
}

/** The gloss problems of a lesson: each term's first use in running text must carry its English. */
function findMissingGlosses(lesson: LessonSource): Problem[] {
  const problems: Problem[] = [];
  const blocks = runningText(lesson);
  for (const { term, english, gloss } of GLOSSED_TERMS) {
    const first = blocks.find((block) => new RegExp(term.replace(/ /g, '\\s*')).test(block.text));
    if (!first) continue;
    const at = first.text.search(new RegExp(term.replace(/ /g, '\\s*')));
    // The gloss may follow the term or a compound it starts, within a few syllables.
    const after = first.text.slice(at);
    const glossed = new RegExp(`^${term.replace(/ /g, '\\s*')}[가-힣\\s]{0,8}?\\(([^)]*)\\)`).exec(after);
    if (glossed && english.test(glossed[1]!.replace(/\s+/g, ' '))) continue;
    problems.push({
      file: lesson.file,
      line: first.line,
      rule: 'glossary',
      message: `first use of ${term} in the running text has no English gloss ${showText(first.text, at)}; write ${gloss} there (the glossary glosses each term at its first use in a lesson)`,
    });
  }
  return problems;
}

/**
 * Every Korean-specific problem of a lesson file: glossary words (everywhere a reader
 * looks), particles typed after computed values, the style of running prose and
 * objectives, one word for "parameters", and glosses at first use.
 */
export function findKoreanProblems(lesson: LessonSource): Problem[] {
  const problems: Problem[] = [];
  const report = (block: Block | { line: number }, rule: Problem['rule'], message: string) =>
    problems.push({ file: lesson.file, line: block.line, rule, message });

  for (const block of lesson.blocks) {
    for (const v of findGlossaryViolations(block.text)) {
      report(block, 'glossary', `${JSON.stringify(v.found)} in the ${block.where} ${showText(block.text, v.index)}; use ${v.use}`);
    }
    // A computed value followed by a hand-typed particle.
    let valueIndex = 0;
    for (let i = 0; i < block.text.length; i++) {
      const char = block.text[i];
      if (char !== EXPRESSION && char !== PARTICLE_EXPRESSION) continue;
      const code = block.values[valueIndex++] ?? '…';
      if (char !== EXPRESSION) continue;
      const particle = variableParticleAt(block.text.slice(i + 1));
      if (!particle) continue;
      report(
        block,
        'particle',
        `{${code}}${particle.written}: the particle after a computed value must be chosen in code; write {josa(${code}, '${particle.spec}')} (src/i18n/korean.ts)`,
      );
    }
    for (const m of findParticleMistakes(block.text)) {
      report(block, 'particle', `${JSON.stringify(m.found)} should read ${JSON.stringify(m.expected)} ${showText(block.text, m.index)}`);
    }
  }

  for (const block of runningText(lesson)) {
    if (block.where !== 'paragraph') continue;
    for (const sentence of sentences(block.text)) {
      const problem = endingProblem(sentence);
      if (problem) report(block, 'korean-style', `${showText(sentence)} ${problem}`);
    }
  }

  const objectives = Array.isArray(lesson.frontmatter.objectives) ? lesson.frontmatter.objectives : [];
  objectives.forEach((objective, i) => {
    if (typeof objective === 'string' && !/수 있다\.?$/.test(objective.trim())) {
      const block = lesson.blocks.find((b) => b.where === `objective ${i + 1}`) ?? { line: 1 };
      report(block, 'korean-style', `objective ${i + 1} ${JSON.stringify(objective)} should end the way every objective does: "…할 수 있다"`);
    }
  });

  // One word for "parameters" per page: 파라미터 or 매개변수 (the other may gloss it once).
  const all = lesson.blocks.map((b) => b.text).join('\n').replace(/파라미터\(매개변수\)|매개변수\(파라미터\)/g, '');
  if (/파라미터/.test(all) && /매개변수/.test(all)) {
    const line = lesson.blocks.find((b) => /매개변수/.test(b.text))?.line ?? 1;
    report({ line }, 'glossary', 'uses both 파라미터 and 매개변수; pick one per page (the other may gloss it once: 파라미터(매개변수))');
  }

  problems.push(...findMissingGlosses(lesson));
  return problems;
}
