/**
 * Cuts named functions out of the engine's real source text, so a lesson can show
 * the very loops the widgets run. The lesson's build fails (instead of showing stale
 * code) the moment a name it asks for stops existing.
 *
 * This is not a TypeScript parser. It only needs to tell code from comments and
 * strings, and to balance brackets; that is enough for `export function NAME`,
 * its TSDoc comment and its body, whatever braces hide in types, strings or comments.
 */

/** One function as it appears in the file. */
export interface ExtractedFunction {
  /** The exported name that was asked for. */
  name: string;
  /** TSDoc comment (if any) plus the declaration, verbatim from the file. */
  code: string;
  /** 1-based line of the first character of `code` (the TSDoc when there is one). */
  startLine: number;
  /** 1-based line of the closing brace. */
  endLine: number;
}

/** A half-open range [start, end) of the source that is a comment or a string, not code. */
interface Span {
  start: number;
  end: number;
  kind: 'line-comment' | 'block-comment' | 'string' | 'regex';
}

const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;

/**
 * After one of these (ignoring whitespace), a `/` begins a regular expression, not a
 * division. After an identifier, a number, `)` or `]` it is a division.
 */
const REGEX_MAY_FOLLOW = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await']);

/** Walks the text once and records where comments, strings and template text are. */
function scanNonCode(source: string): Span[] {
  const spans: Span[] = [];
  // Each open `${` inside a template pushes the brace depth at which it will close.
  const templateStack: number[] = [];
  let braceDepth = 0;
  let i = 0;

  const skipTemplateText = (from: number): number => {
    // `from` is just past the opening backtick or just past the `}` ending a `${...}`.
    let j = from;
    while (j < source.length) {
      const c = source[j];
      if (c === '\\') j += 2;
      else if (c === '`') return j + 1;
      else if (c === '$' && source[j + 1] === '{') {
        templateStack.push(braceDepth);
        braceDepth++;
        return j + 2;
      } else j++;
    }
    return j;
  };

  while (i < source.length) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      spans.push({ start: i, end: stop, kind: 'line-comment' });
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      spans.push({ start: i, end: stop, kind: 'block-comment' });
      i = stop;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      spans.push({ start: i, end: j + 1, kind: 'string' });
      i = j + 1;
    } else if (c === '`') {
      const stop = skipTemplateText(i + 1);
      spans.push({ start: i, end: stop, kind: 'string' });
      i = stop;
    } else if (c === '/' && regexMayStartAt(source, i)) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && source[j] !== '\n') {
        const r = source[j];
        if (r === '\\') j++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
        j++;
      }
      j++;
      while (j < source.length && IDENTIFIER_CHAR.test(source[j])) j++; // flags
      spans.push({ start: i, end: j, kind: 'regex' });
      i = j;
    } else if (c === '{') {
      braceDepth++;
      i++;
    } else if (c === '}') {
      braceDepth--;
      if (templateStack.length > 0 && templateStack[templateStack.length - 1] === braceDepth) {
        templateStack.pop();
        const stop = skipTemplateText(i + 1);
        spans.push({ start: i, end: stop, kind: 'string' });
        i = stop;
      } else i++;
    } else i++;
  }
  return spans;
}

function regexMayStartAt(source: string, slash: number): boolean {
  let j = slash - 1;
  while (j >= 0 && /\s/.test(source[j])) j--;
  if (j < 0) return true;
  const before = source[j];
  if (IDENTIFIER_CHAR.test(before)) {
    let k = j;
    while (k >= 0 && IDENTIFIER_CHAR.test(source[k])) k--;
    return REGEX_KEYWORDS.has(source.slice(k + 1, j + 1));
  }
  return REGEX_MAY_FOLLOW.has(before);
}

/** A view of the source with every comment and string blanked to spaces (newlines kept). */
function codeOnly(source: string, spans: readonly Span[]): string {
  const chars = source.split('');
  for (const span of spans) {
    for (let k = span.start; k < span.end && k < chars.length; k++) {
      if (chars[k] !== '\n') chars[k] = ' ';
    }
  }
  return chars.join('');
}

const DECLARATION = /\bexport\s+(?:async\s+)?function\s*\*?\s*([A-Za-z_$][A-Za-z0-9_$]*)/g;

/** Names of every `export function` in the source, in file order, overloads counted once. */
export function listExportedFunctions(source: string): string[] {
  const code = codeOnly(source, scanNonCode(source));
  const names: string[] = [];
  for (const match of code.matchAll(DECLARATION)) {
    if (!names.includes(match[1])) names.push(match[1]);
  }
  return names;
}

/** Where the declaration starting at `from` (in blanked code) ends: its `;` or its body's `}`. */
function endOfDeclaration(code: string, from: number): { end: number; hasBody: boolean } {
  let i = from;
  while (i < code.length && code[i] !== '<' && code[i] !== '(') i++;
  if (code[i] === '<') i = endOfTypeParameters(code, i);
  // The parameter list: everything up to the `)` that closes the first `(`.
  let depth = 0;
  while (i < code.length) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0 && c === ')') break;
    }
    i++;
  }
  i++;
  // The optional return type, then the body. A `{` at depth 0 opens an object type if
  // it comes where a type is expected (after `:`, `|`, `&`, `=>`, `,`); anywhere else
  // (after an identifier, `)`, `]`, `>` or `}`) it opens the body.
  depth = 0;
  let previous = ')';
  while (i < code.length) {
    const c = code[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (depth === 0 && c === ';') return { end: i + 1, hasBody: false };
    if (depth === 0 && c === '{') {
      const opensType = previous === ':' || previous === '|' || previous === '&' || previous === ',' || previous === '=>';
      if (!opensType) return { end: closingBrace(code, i) + 1, hasBody: true };
    }
    if (c === '=' && code[i + 1] === '>') {
      previous = '=>';
      i += 2;
      continue;
    }
    if (c === '(' || c === '[' || c === '{' || c === '<') depth++;
    else if (c === ')' || c === ']' || c === '}' || c === '>') depth--;
    previous = IDENTIFIER_CHAR.test(c) ? 'identifier' : c;
    i++;
  }
  return { end: code.length, hasBody: false };
}

/** Index just past the `>` closing the type parameters that open at `open` (arrows inside don't count). */
function endOfTypeParameters(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '<') depth++;
    else if (c === '>' && code[i - 1] !== '=') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return code.length;
}

function closingBrace(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The start of the `/** ... *\/` comment right before `declarationStart`, if only whitespace separates them. */
function docCommentStart(source: string, spans: readonly Span[], declarationStart: number): number {
  let j = declarationStart - 1;
  while (j >= 0 && /\s/.test(source[j])) j--;
  const doc = spans.find((span) => span.kind === 'block-comment' && span.end === j + 1);
  return doc && source.startsWith('/**', doc.start) ? doc.start : declarationStart;
}

function lineOf(source: string, index: number): number {
  let line = 1;
  for (let k = 0; k < index; k++) if (source[k] === '\n') line++;
  return line;
}

/**
 * Finds each `export function NAME` in `source` and returns it with its TSDoc,
 * verbatim, in the order asked. Overload signatures are kept with their implementation.
 * Throws (naming the file and the functions it does export) if a name is missing or
 * its body never closes, so a page built from a renamed function fails loudly.
 *
 * @param fileLabel how to name the file in error messages, e.g. `src/engine/ops/conv2d.ts`.
 */
export function extractExportedFunctions(
  source: string,
  names: readonly string[],
  fileLabel = 'the source',
): ExtractedFunction[] {
  if (names.length === 0) throw new Error(`extractExportedFunctions: names must not be empty (file ${fileLabel})`);
  const spans = scanNonCode(source);
  const code = codeOnly(source, spans);
  const declarations = [...code.matchAll(DECLARATION)];

  return names.map((name) => {
    const ofName = declarations.filter((match) => match[1] === name);
    if (ofName.length === 0) {
      const available = listExportedFunctions(source);
      throw new Error(
        `No "export function ${name}" in ${fileLabel}. ` +
          (available.length > 0 ? `It exports: ${available.join(', ')}.` : 'It exports no functions.'),
      );
    }
    for (const match of ofName) {
      const { end, hasBody } = endOfDeclaration(code, match.index);
      if (!hasBody) continue; // an overload signature: the implementation follows
      if (end === 0) throw new Error(`The body of "${name}" in ${fileLabel} never closes (unbalanced braces).`);
      const start = docCommentStart(source, spans, ofName[0].index);
      return {
        name,
        code: source.slice(start, end),
        startLine: lineOf(source, start),
        endLine: lineOf(source, end - 1),
      };
    }
    throw new Error(`"${name}" in ${fileLabel} is declared but has no body (only overload signatures).`);
  });
}
