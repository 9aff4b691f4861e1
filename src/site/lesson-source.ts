/**
 * A lesson file as the content checks see it: parsed by the same Markdown pipeline the
 * site renders with (remark with MDX, GFM, math and smartypants, as @astrojs/mdx sets it
 * up from astro.config.mjs), then boiled down to what the checks compare: its skeleton
 * (headings, components and their props, expressions, math and code blocks) and its
 * prose, the text a reader sees, with computed values, code and math replaced by
 * placeholder characters.
 *
 * Working on the parsed tree rather than the raw file means the checks see what the
 * page shows: `**평균 (1998년)**을` is a text node with its asterisks still in it,
 * because CommonMark cannot close emphasis between ")" and a letter.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkSmartypants from 'remark-smartypants';
import { parse as parseYaml } from 'yaml';

/** Placeholder for a value the page computes (`{n.size}`). */
export const EXPRESSION = '\uE000';
/** Placeholder for a computed value whose Korean particle is chosen in code (`{josa(n.x, '을/를')}`). */
export const PARTICLE_EXPRESSION = '\uE001';
/** Placeholder for inline code. */
export const CODE = '\uE002';
/** Placeholder for inline math. */
export const MATH = '\uE003';
/** Placeholder for a component used inline. */
export const COMPONENT = '\uE004';
/** Any placeholder. */
export const PLACEHOLDER = /[\uE000-\uE004]/;

/** Where a piece of prose sits on the page. */
export type BlockKind = 'heading' | 'text' | 'attribute' | 'frontmatter';

/** A link inside a block's text. */
export interface LinkSpan {
  readonly start: number;
  readonly end: number;
  readonly url: string;
}

/** One run of prose: a paragraph, heading, list item, table cell, caption or frontmatter field. */
export interface Block {
  readonly kind: BlockKind;
  /** The text a reader sees, with placeholders for computed values, code, math and inline components. */
  readonly text: string;
  /** 1-based line in the file. */
  readonly line: number;
  readonly links: readonly LinkSpan[];
  /** The code of each expression placeholder in `text`, in order. */
  readonly values: readonly string[];
  /** What the block is, for messages: "paragraph", "heading", "caption of <XAsNumbers>", "summary". */
  readonly where: string;
}

/** A prop of a component, as written. */
export interface Prop {
  /** 'string' for `a="b"`, 'expression' for `a={...}`, 'flag' for a bare `a`. */
  readonly kind: 'string' | 'expression' | 'flag';
  readonly value: string;
}

/** A use of a component (a capitalised JSX element). */
export interface ComponentUse {
  readonly name: string;
  readonly line: number;
  readonly props: Readonly<Record<string, Prop>>;
}

/** A `{...}` expression in the prose. */
export interface ExpressionUse {
  readonly code: string;
  readonly line: number;
}

/** Everything the checks need to know about a lesson file. */
export interface LessonSource {
  /** Path relative to the repository root, for messages. */
  readonly file: string;
  readonly lang: string;
  readonly slug: string;
  readonly raw: string;
  readonly frontmatter: Readonly<Record<string, unknown>>;
  readonly headings: readonly { depth: number; text: string; line: number }[];
  readonly components: readonly ComponentUse[];
  readonly expressions: readonly ExpressionUse[];
  readonly displayMath: number;
  readonly codeBlocks: number;
  readonly tables: number;
  readonly imports: readonly string[];
  readonly blocks: readonly Block[];
}

/** Attributes whose value is text for the reader, not configuration. */
export const PROSE_ATTRIBUTES = new Set(['caption', 'title', 'alt', 'label', 'aria-label', 'summary', 'description', 'placeholder', 'heading']);

/** Lowercase elements that separate their text from what is around them. */
const BLOCK_TAGS = new Set(['td', 'th', 'tr', 'caption', 'li', 'p', 'div', 'table', 'thead', 'tbody', 'figcaption', 'figure', 'section', 'blockquote', 'dt', 'dd']);

// Loose node shape: the checks read a handful of fields from mdast and its MDX extensions.
interface Node {
  type: string;
  value?: string;
  url?: string;
  alt?: string;
  depth?: number;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: string | { value: string } | null }[];
  children?: Node[];
  position?: { start: { line: number } };
}

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).use(remarkSmartypants);

/** Split `---` frontmatter off, keeping the line count so that positions are file lines. */
function splitFrontmatter(raw: string): { yaml: string; body: string } {
  const text = raw.replace(/\r\n/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) return { yaml: '', body: text };
  const blank = '\n'.repeat(match[0].split('\n').length - 1);
  return { yaml: match[1]!, body: blank + text.slice(match[0].length) };
}

/** Is this JSX name a component (rendered by code) rather than an HTML element? */
function isComponent(name: string | null | undefined): boolean {
  return !!name && /^[A-Z]/.test(name);
}

/** Text of a template or string literal attribute, with `${...}` as EXPRESSION; undefined for other code. */
function literalText(code: string): { text: string; interpolations: string[] } | undefined {
  const trimmed = code.trim();
  const quoted = /^(['"])([\s\S]*)\1$/.exec(trimmed);
  if (quoted && !quoted[2]!.includes(quoted[1]!)) return { text: quoted[2]!, interpolations: [] };
  if (!/^`[\s\S]*`$/.test(trimmed)) return undefined;
  const interpolations: string[] = [];
  let text = '';
  let i = 1;
  while (i < trimmed.length - 1) {
    if (trimmed.startsWith('${', i)) {
      let depth = 1;
      let j = i + 2;
      while (j < trimmed.length && depth > 0) {
        if (trimmed[j] === '{') depth++;
        if (trimmed[j] === '}') depth--;
        j++;
      }
      const code = trimmed.slice(i + 2, j - 1).trim();
      interpolations.push(code);
      text += isParticleExpression(code) ? PARTICLE_EXPRESSION : EXPRESSION;
      i = j;
    } else {
      text += trimmed[i];
      i++;
    }
  }
  return { text, interpolations };
}

/** Whether an expression picks its Korean particle in code. */
export function isParticleExpression(code: string): boolean {
  return /^\s*josa\(/.test(code);
}

/** The value an expression prints, without the particle helper around it: `josa(n.x, '을/를')` is `n.x`. */
export function expressionValue(code: string): string {
  const compact = code.replace(/\s+/g, ' ').trim();
  const particle = /^josa\(([\s\S]*),\s*(['"])[^'"]*\2\s*\)$/.exec(compact);
  return particle ? particle[1]!.trim() : compact;
}

/** Parse a lesson file (path relative to the repository root, and its text). */
export function parseLesson(file: string, raw: string): LessonSource {
  const parts = /(?:^|\/)content\/lessons\/([^/]+)\/([^/]+)\.mdx$/.exec(file.replace(/\\/g, '/'));
  const lang = parts?.[1] ?? '';
  const slug = parts?.[2] ?? '';
  const { yaml, body } = splitFrontmatter(raw);
  const frontmatter = (yaml ? (parseYaml(yaml) as Record<string, unknown>) : {}) ?? {};
  const tree = processor.runSync(processor.parse(body)) as unknown as Node;

  const headings: { depth: number; text: string; line: number }[] = [];
  const components: ComponentUse[] = [];
  const expressions: ExpressionUse[] = [];
  const imports: string[] = [];
  const blocks: Block[] = [];
  let displayMath = 0;
  let codeBlocks = 0;
  let tables = 0;

  const lineOf = (node: Node) => node.position?.start.line ?? 0;

  /** Props of a JSX element; prose attributes also become blocks. */
  function readProps(node: Node): Record<string, Prop> {
    const props: Record<string, Prop> = {};
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute') {
        props['...'] = { kind: 'expression', value: String((attribute as { value?: string }).value ?? '') };
        continue;
      }
      const name = attribute.name!;
      const value = attribute.value;
      const prop: Prop =
        value === null || value === undefined
          ? { kind: 'flag', value: '' }
          : typeof value === 'string'
            ? { kind: 'string', value }
            : { kind: 'expression', value: value.value };
      props[name] = prop;
      if (PROSE_ATTRIBUTES.has(name) && prop.kind !== 'flag') {
        const text = prop.kind === 'string' ? { text: prop.value, interpolations: [] } : literalText(prop.value);
        if (text) {
          for (const code of text.interpolations) expressions.push({ code, line: lineOf(node) });
          blocks.push({ kind: 'attribute', text: text.text, line: lineOf(node), links: [], values: text.interpolations, where: `${name} of <${node.name}>` });
        }
      }
    }
    return props;
  }

  /** Append the inline content of `node` to a block under construction. */
  function inline(node: Node, out: { text: string; links: LinkSpan[]; values: string[] }): void {
    switch (node.type) {
      case 'text':
        out.text += node.value ?? '';
        return;
      case 'inlineCode':
        out.text += CODE;
        return;
      case 'inlineMath':
        out.text += MATH;
        return;
      case 'break':
        out.text += '\n';
        return;
      case 'image':
        out.text += node.alt ?? '';
        return;
      case 'mdxTextExpression':
      case 'mdxFlowExpression': {
        const code = node.value ?? '';
        // Comments ({/* ... */}) render nothing.
        if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(code)) return;
        expressions.push({ code, line: lineOf(node) });
        out.values.push(code);
        out.text += isParticleExpression(code) ? PARTICLE_EXPRESSION : EXPRESSION;
        return;
      }
      case 'link': {
        const start = out.text.length;
        for (const child of node.children ?? []) inline(child, out);
        out.links.push({ start, end: out.text.length, url: node.url ?? '' });
        return;
      }
      case 'mdxJsxTextElement':
      case 'mdxJsxFlowElement': {
        if (isComponent(node.name)) {
          components.push({ name: node.name!, line: lineOf(node), props: readProps(node) });
          out.text += COMPONENT;
          return;
        }
        readProps(node);
        if (node.name === 'code') {
          out.text += CODE;
          return;
        }
        if (node.name === 'table') tables++;
        const separate = BLOCK_TAGS.has(node.name ?? '');
        if (separate) out.text += '\n';
        for (const child of node.children ?? []) inline(child, out);
        if (separate) out.text += '\n';
        return;
      }
      default:
        for (const child of node.children ?? []) inline(child, out);
    }
  }

  function pushBlock(kind: BlockKind, node: Node, where: string, children: Node[] = node.children ?? []): string {
    const out = { text: '', links: [] as LinkSpan[], values: [] as string[] };
    for (const child of children) inline(child, out);
    blocks.push({ kind, text: out.text, line: lineOf(node), links: out.links, values: out.values, where });
    return out.text;
  }

  function flow(node: Node): void {
    switch (node.type) {
      case 'heading': {
        const text = pushBlock('heading', node, 'heading');
        headings.push({ depth: node.depth ?? 0, text, line: lineOf(node) });
        return;
      }
      case 'paragraph':
        pushBlock('text', node, 'paragraph');
        return;
      case 'tableCell':
        pushBlock('text', node, 'table cell');
        return;
      case 'table':
        tables++;
        for (const child of node.children ?? []) flow(child);
        return;
      case 'code':
        codeBlocks++;
        return;
      case 'math':
        displayMath++;
        return;
      case 'mdxjsEsm':
        for (const m of (node.value ?? '').matchAll(/\bfrom\s+(['"])([^'"]+)\1|^\s*import\s+(['"])([^'"]+)\3/gm)) {
          imports.push(m[2] ?? m[4]!);
        }
        return;
      case 'mdxFlowExpression':
        pushBlock('text', node, 'expression', [node]);
        return;
      case 'mdxJsxFlowElement':
        if (isComponent(node.name)) {
          components.push({ name: node.name!, line: lineOf(node), props: readProps(node) });
          for (const child of node.children ?? []) flow(child);
          return;
        }
        // An HTML element written as JSX: its text is prose, its attributes may be too.
        readProps(node);
        if (node.name === 'table') tables++;
        if ((node.children ?? []).some((child) => child.type === 'paragraph' || child.type === 'mdxJsxFlowElement')) {
          for (const child of node.children ?? []) flow(child);
        } else {
          pushBlock('text', node, `<${node.name}>`);
        }
        return;
      default:
        for (const child of node.children ?? []) flow(child);
    }
  }

  flow(tree);

  // The frontmatter fields a reader sees: title, summary, objectives (shown as plain text).
  const yamlLines = raw.replace(/\r\n/g, '\n').split('\n');
  const lineContaining = (needle: string) => Math.max(1, yamlLines.findIndex((line) => line.includes(needle.slice(0, 40))) + 1);
  const shown: { key: string; text: unknown }[] = [
    { key: 'title', text: frontmatter.title },
    { key: 'summary', text: frontmatter.summary },
    ...(Array.isArray(frontmatter.objectives) ? frontmatter.objectives.map((text, i) => ({ key: `objective ${i + 1}`, text })) : []),
  ];
  for (const { key, text } of shown) {
    if (typeof text !== 'string') continue;
    blocks.unshift({ kind: 'frontmatter', text, line: lineContaining(text), links: [], values: [], where: key });
  }
  blocks.sort((a, b) => a.line - b.line);

  return { file, lang, slug, raw, frontmatter, headings, components, expressions, displayMath, codeBlocks, tables, imports, blocks };
}
