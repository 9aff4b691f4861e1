/**
 * The inline markup of exercise text: `$...$` is KaTeX, backticks are code, and
 * nothing else is markup (see src/exercises/types.ts). Split here, once, so the
 * prompt renderer and its tests agree on what a dollar or a backtick means.
 */

/** One run of inline text. */
export type InlinePart =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'math'; readonly value: string }
  | { readonly kind: 'code'; readonly value: string };

/**
 * Split text into plain runs, math and code. A backtick span wins over a dollar
 * inside it (code such as `x[$]` stays code); an opening `$` or backtick without
 * a closing one is kept as plain text, so a stray symbol never swallows the rest
 * of a sentence. `\$` is a literal dollar.
 */
export function splitInline(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let plain = '';
  const flush = () => {
    if (plain !== '') parts.push({ kind: 'text', value: plain });
    plain = '';
  };
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\' && text[i + 1] === '$') {
      plain += '$';
      i += 2;
      continue;
    }
    if (ch === '`' || ch === '$') {
      const close = findClose(text, i + 1, ch);
      if (close > i + 1) {
        flush();
        parts.push({ kind: ch === '`' ? 'code' : 'math', value: text.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
    }
    plain += ch;
    i += 1;
  }
  flush();
  return parts;
}

/** Index of the closing delimiter from `start`, or -1; inside math, `\$` does not close. */
function findClose(text: string, start: number, delimiter: string): number {
  for (let j = start; j < text.length; j++) {
    if (delimiter === '$' && text[j] === '\\') {
      j += 1;
      continue;
    }
    if (text[j] === delimiter) return j;
  }
  return -1;
}
