/**
 * The rules every lesson follows, in both languages, checked on parsed lesson files
 * (src/site/lesson-source.ts). Each rule returns problems that name the file, the line
 * and what to do; an empty list means the lesson passes. tests/unit/content/lessons.test.ts
 * runs them over the catalog × locales, so a new lesson is checked the moment its files
 * exist, with no code of its own; tests/unit/content/lesson-rules.test.ts runs them on
 * small broken lessons to show that each rule catches what it should.
 */
import type { CatalogLesson } from '../i18n/lessons.ts';
import { CODE, COMPONENT, EXPRESSION, MATH, PARTICLE_EXPRESSION, PROSE_ATTRIBUTES, expressionValue } from './lesson-source.ts';
import type { Block, ComponentUse, LessonSource } from './lesson-source.ts';
import { findNumbers, isAllowed } from './number-words.ts';
import { lessonLinkTarget } from './lesson-links.ts';
import type { AllowList } from './number-words.ts';

/** The rules, by name (used in messages and by the tests). */
export type Rule =
  | 'skeleton'
  | 'typed-number'
  | 'lesson-reference'
  | 'literal-markdown'
  | 'translation'
  | 'glossary'
  | 'particle'
  | 'korean-style';

/** Something wrong with a lesson file. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly rule: Rule;
  readonly message: string;
}

/** One line per problem: `content/lessons/ko/x.mdx:12 [glossary] ...`. */
export function formatProblem(problem: Problem): string {
  return `${problem.file}:${problem.line} [${problem.rule}] ${problem.message}`;
}

/** A block's text for a message: placeholders shown as {…}, `…` and $…$, cut to a readable length. */
export function showText(text: string, around?: number): string {
  let shown = text;
  if (around !== undefined) {
    const start = Math.max(0, around - 30);
    shown = (start > 0 ? '…' : '') + text.slice(start, around + 40) + (around + 40 < text.length ? '…' : '');
  } else if (shown.length > 90) {
    shown = `${shown.slice(0, 90)}…`;
  }
  return JSON.stringify(
    shown
      .replaceAll(EXPRESSION, '{…}')
      .replaceAll(PARTICLE_EXPRESSION, '{josa(…)}')
      .replaceAll(CODE, '`…`')
      .replaceAll(MATH, '$…$')
      .replaceAll(COMPONENT, '<…/>')
      .replace(/\s+/g, ' '),
  );
}

// ---------------------------------------------------------------------------------------
// Skeleton: both languages have the same structure.

function sequenceDifference<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (i >= a.length || i >= b.length || !same(a[i]!, b[i]!)) return i;
  }
  return -1;
}

/** A prop's value as it must agree between languages (text props agree only in their expressions). */
function comparableProp(name: string, value: { kind: string; value: string }): string {
  if (PROSE_ATTRIBUTES.has(name)) {
    const interpolations = [...value.value.matchAll(/\$\{([^}]*)\}/g)].map((m) => expressionValue(m[1]!)).sort();
    return `text with ${interpolations.length ? interpolations.join(', ') : 'no expressions'}`;
  }
  return `${value.kind}:${value.value.replace(/\s+/g, ' ').trim()}`;
}

function describeComponent(use: ComponentUse | undefined): string {
  return use ? `<${use.name}> (line ${use.line})` : 'nothing';
}

/**
 * Problems with the pair's shared skeleton: heading levels in order, components in
 * order with the same props apart from text, the same set of expressions, the same
 * number of display-math blocks, code blocks, tables and objectives, the same lesson
 * links. Reported against the Korean file (the translation follows the English).
 */
export function compareSkeletons(en: LessonSource, ko: LessonSource): Problem[] {
  const problems: Problem[] = [];
  const report = (line: number, message: string) => problems.push({ file: ko.file, line, rule: 'skeleton', message });

  const headingAt = sequenceDifference(en.headings, ko.headings, (a, b) => a.depth === b.depth);
  if (headingAt >= 0) {
    const e = en.headings[headingAt];
    const k = ko.headings[headingAt];
    report(
      k?.line ?? ko.headings.at(-1)?.line ?? 1,
      `headings differ from ${en.file}: levels ${en.headings.map((h) => h.depth).join(',')} in English, ` +
        `${ko.headings.map((h) => h.depth).join(',')} here; heading ${headingAt + 1} is ` +
        `${e ? `h${e.depth} ${showText(e.text)} (line ${e.line})` : 'missing'} in English and ` +
        `${k ? `h${k.depth} ${showText(k.text)}` : 'missing'} here`,
    );
  }

  const componentAt = sequenceDifference(en.components, ko.components, (a, b) => a.name === b.name);
  if (componentAt >= 0) {
    report(
      ko.components[componentAt]?.line ?? 1,
      `components differ from ${en.file}: ${en.components.map((c) => c.name).join(', ') || 'none'} in English, ` +
        `${ko.components.map((c) => c.name).join(', ') || 'none'} here (component ${componentAt + 1} is ` +
        `${describeComponent(en.components[componentAt])} in English and ${describeComponent(ko.components[componentAt])} here)`,
    );
  } else {
    en.components.forEach((enUse, i) => {
      const koUse = ko.components[i]!;
      const names = new Set([...Object.keys(enUse.props), ...Object.keys(koUse.props)]);
      for (const name of names) {
        if (name === 'lang') continue; // never typed at all (checkLangProps)
        const e = enUse.props[name];
        const k = koUse.props[name];
        if (!e || !k) {
          report(koUse.line, `<${koUse.name}> has prop "${name}" ${e ? 'in English only' : 'here only'}; expected the same props in both languages`);
        } else if (comparableProp(name, e) !== comparableProp(name, k)) {
          report(
            koUse.line,
            `<${koUse.name}> prop "${name}" differs from English (line ${enUse.line}): ${comparableProp(name, e)} vs ${comparableProp(name, k)}; only text may differ`,
          );
        }
      }
    });
  }

  const values = (lesson: LessonSource) => new Set(lesson.expressions.map((e) => expressionValue(e.code)));
  const enValues = values(en);
  const koValues = values(ko);
  const onlyEn = [...enValues].filter((v) => !koValues.has(v));
  const onlyKo = [...koValues].filter((v) => !enValues.has(v));
  if (onlyEn.length || onlyKo.length) {
    const line = ko.expressions.find((e) => onlyKo.includes(expressionValue(e.code)))?.line ?? 1;
    report(
      line,
      `the two languages print different values: ${onlyEn.length ? `only in English {${onlyEn.join('}, {')}}` : ''}` +
        `${onlyEn.length && onlyKo.length ? '; ' : ''}${onlyKo.length ? `only here {${onlyKo.join('}, {')}}` : ''}`,
    );
  }

  const counts: [string, number, number][] = [
    ['display-math blocks ($$…$$)', en.displayMath, ko.displayMath],
    ['code blocks', en.codeBlocks, ko.codeBlocks],
    ['tables', en.tables, ko.tables],
    ['objectives', objectives(en).length, objectives(ko).length],
  ];
  for (const [what, e, k] of counts) {
    if (e !== k) report(1, `${e} ${what} in ${en.file}, ${k} here; expected the same number`);
  }

  const enLinks = lessonLinks(en).map((l) => l.slug).sort();
  const koLinks = lessonLinks(ko).map((l) => l.slug).sort();
  if (enLinks.join() !== koLinks.join()) {
    report(1, `links to other lessons differ: [${enLinks.join(', ')}] in English, [${koLinks.join(', ')}] here`);
  }

  const enWidgets = JSON.stringify(en.frontmatter.widgets ?? []);
  const koWidgets = JSON.stringify(ko.frontmatter.widgets ?? []);
  if (enWidgets !== koWidgets) report(1, `frontmatter widgets ${koWidgets} differ from English ${enWidgets}`);

  return problems;
}

/**
 * Each file on its own: no component is given `lang` by hand. The build gives every
 * widget the language of the lesson's folder (src/site/remark-widget-locale.ts) and
 * stops at a hand-typed one; this says so earlier, with the file and line.
 */
export function checkLangProps(lesson: LessonSource): Problem[] {
  return lesson.components.flatMap((use) => {
    const lang = use.props.lang;
    if (!lang) return [];
    return [
      {
        file: lesson.file,
        line: use.line,
        rule: 'skeleton' as const,
        message:
          `<${use.name}> is given lang=${lang.kind === 'string' ? JSON.stringify(lang.value) : `{${lang.value}}`} by hand; ` +
          `remove it: widgets take the language of the lesson's folder ("${lesson.lang}")`,
      },
    ];
  });
}

function objectives(lesson: LessonSource): unknown[] {
  return Array.isArray(lesson.frontmatter.objectives) ? lesson.frontmatter.objectives : [];
}

// ---------------------------------------------------------------------------------------
// Lesson references: "lesson 4", "4강", "the next lesson", "다음 강의".

/** Every link in the lesson that points to a lesson page. */
export function lessonLinks(lesson: LessonSource): { slug: string; lang: string; url: string; block: Block }[] {
  return lesson.blocks.flatMap((block) =>
    block.links.flatMap((link) => {
      const target = lessonLinkTarget(link.url, lesson.lang);
      return target ? [{ lang: target.lang, slug: target.slug, url: link.url, block }] : [];
    }),
  );
}

/** A mention of another lesson in the prose. */
interface Reference {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The lesson number it names, or the step from this lesson (+1 next, −1 previous). */
  readonly order?: number;
  readonly step?: number;
}

/** "lesson 4", "lessons 2", "4강", "the next lesson", "다음 강의", "이전 강의" in a block's text. */
export function findReferences(text: string, lang: string): Reference[] {
  const patterns: [RegExp, (m: RegExpMatchArray) => Partial<Reference>][] =
    lang === 'ko'
      ? [
          [/(\d+)\s*강(?!좌)/g, (m) => ({ order: Number(m[1]) })],
          [/(다음|이전|지난|앞)\s*강(?:의)?(?!좌)/g, (m) => ({ step: m[1] === '다음' ? 1 : -1 })],
        ]
      : [
          [/\b[Ll]essons?\s+(\d+)\b/g, (m) => ({ order: Number(m[1]) })],
          [/\b(next|previous|preceding)\s+lessons?\b/gi, (m) => ({ step: m[1]!.toLowerCase() === 'next' ? 1 : -1 })],
        ];
  return patterns.flatMap(([pattern, read]) =>
    [...text.matchAll(pattern)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0], ...read(m) })),
  );
}

/** What the checks need to know about the course: the catalog and which files exist. */
export interface Course {
  readonly catalog: readonly CatalogLesson[];
  /** Whether `content/lessons/<lang>/<slug>.mdx` exists. */
  readonly isWritten: (lang: string, slug: string) => boolean;
}

/**
 * Every reference to another lesson must be a link to the lesson the catalog puts
 * there, so that it stays right when lessons move and shows "coming soon" while the
 * lesson is unwritten (src/site/rehype-lesson-links.ts renders that). Every lesson link
 * must point to a lesson of the catalog, in the page's own language.
 */
export function checkLessonReferences(lesson: LessonSource, course: Course): Problem[] {
  const problems: Problem[] = [];
  const order = course.catalog.find((entry) => entry.slug === lesson.slug)?.order;
  const report = (block: Block, message: string) => problems.push({ file: lesson.file, line: block.line, rule: 'lesson-reference', message });
  const linkTo = (slug: string) => `../${slug}/`;

  for (const block of lesson.blocks) {
    for (const link of block.links) {
      const target = lessonLinkTarget(link.url, lesson.lang);
      if (!target) continue;
      if (!course.catalog.some((entry) => entry.slug === target.slug)) {
        report(block, `link ${JSON.stringify(link.url)} points to "${target.slug}", which is not in the catalog (src/i18n/lessons.ts)`);
      } else if (target.lang !== lesson.lang) {
        report(block, `link ${JSON.stringify(link.url)} leads to the ${target.lang} page from a ${lesson.lang} lesson; write ${linkTo(target.slug)}`);
      }
    }
    for (const reference of findReferences(block.text, lesson.lang)) {
      const wanted =
        reference.order !== undefined
          ? course.catalog.find((entry) => entry.order === reference.order)
          : order !== undefined
            ? course.catalog.find((entry) => entry.order === order + reference.step!)
            : undefined;
      const link = block.links.find((l) => l.start <= reference.start && reference.end <= l.end);
      const target = link ? lessonLinkTarget(link.url, lesson.lang) : undefined;
      const said = JSON.stringify(reference.text);
      if (!wanted) {
        report(block, `${said} names no lesson of the catalog (src/i18n/lessons.ts has ${course.catalog.length})`);
      } else if (!target) {
        report(
          block,
          `${said} is not a link; write it as [${reference.text}](${linkTo(wanted.slug)}) so it names the lesson the catalog puts there` +
            `${course.isWritten(lesson.lang, wanted.slug) ? '' : ' (unwritten lessons show as "coming soon")'}`,
        );
      } else if (target.slug !== wanted.slug) {
        report(block, `${said} links to "${target.slug}", but the catalog puts "${wanted.slug}" there (order ${wanted.order}); link to ${linkTo(wanted.slug)}`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// Typed numbers.

/** Blank out references to other lessons (their numbers are the catalog's, checked above). */
function withoutReferences(text: string, lang: string): string {
  let out = text;
  for (const reference of findReferences(text, lang)) {
    out = out.slice(0, reference.start) + ' '.repeat(reference.end - reference.start) + out.slice(reference.end);
  }
  return out;
}

/**
 * No number typed into the prose (frontmatter, headings, paragraphs, captions) that
 * the lesson's allow-list does not excuse: numbers come from the engine, through
 * `{…}` expressions. `allowSource` names where the allow-list lives, for the message.
 */
export function findTypedNumbers(lesson: LessonSource, allow: AllowList, allowSource: string): Problem[] {
  const problems: Problem[] = [];
  for (const block of lesson.blocks) {
    const text = withoutReferences(block.text, lesson.lang);
    for (const number of findNumbers(text, lesson.lang)) {
      if (isAllowed(number, block.text, allow)) continue;
      const vague = Number.isNaN(number.value);
      problems.push({
        file: lesson.file,
        line: block.line,
        rule: 'typed-number',
        message:
          `typed number ${JSON.stringify(number.text)} in the ${block.where} ${showText(block.text, number.index)}: ` +
          (vague
            ? 'a vague amount; state the computed number instead ({n.…})'
            : `print it from the lesson's numbers ({n.…}), or add { value: ${number.value}, why: '…' } to allowedNumbers in ${allowSource} with the test that pins it`),
      });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------
// Literal Markdown in the rendered text.

const LITERAL_MARKDOWN: [RegExp, string][] = [
  [/\*\*/, 'bold that did not close (CommonMark cannot close ** between punctuation and a letter, as in **(x)**을): write <strong>…</strong> or put a space or word before the particle'],
  [/__/, 'underscores that did not become emphasis'],
  [/(?<!\*)\*(?!\*)/, 'an asterisk that did not become emphasis'],
  [/`/, 'a backtick that did not become code'],
  [/\$/, 'a dollar sign that did not become math'],
  [/\]\(/, 'link syntax that did not become a link'],
];

/**
 * Literal Markdown in a page's rendered text (prose only: code, math and widgets taken
 * out), as sentences; the browser test runs this on every built page.
 */
export function findLiteralMarkdownInText(text: string): string[] {
  const problems: string[] = [];
  for (const [pattern, what] of LITERAL_MARKDOWN) {
    const global = new RegExp(pattern.source, 'g');
    for (const found of text.matchAll(global)) {
      problems.push(`literal ${JSON.stringify(found[0])} in ${showText(text, found.index)}: ${what}`);
    }
  }
  return problems;
}

/** Markdown that survived rendering: asterisks, underscores, backticks, dollars left in the text a reader sees. */
export function findLiteralMarkdown(lesson: LessonSource): Problem[] {
  const problems: Problem[] = [];
  for (const block of lesson.blocks) {
    for (const [pattern, what] of LITERAL_MARKDOWN) {
      const found = pattern.exec(block.text);
      if (!found) continue;
      problems.push({
        file: lesson.file,
        line: block.line,
        rule: 'literal-markdown',
        message: `the ${block.where} shows a literal ${JSON.stringify(found[0])} ${showText(block.text, found.index)}: ${what}`,
      });
      break;
    }
  }
  return problems;
}
