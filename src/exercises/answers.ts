/**
 * Answer strings: how each kind of answer is written down (encoders, for pages
 * that collect an answer with several fields) and read back (parsers, for the
 * checkers). A student's answer travels as a string from the input box to the
 * submission file to the regrade, and is never rewritten on the way, so a later
 * fix to a checker can regrade it.
 *
 * Parsers are forgiving about spacing, brackets, the Unicode minus and the
 * multiplication sign, and return a reason in both languages when they cannot
 * read something. They never throw.
 */
import type { Bilingual } from './types.ts';

/** A parse that worked, or why it did not. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: Bilingual };

function fail<T>(en: string, ko: string): Parsed<T> {
  return { ok: false, reason: { en, ko } };
}

/** Longest answer string read by the text parsers; a file answer has its own limit. */
export const MAX_TEXT_ANSWER = 2000;

/** Unicode minus, en dash and full-width forms to ASCII; trims. */
function tidy(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\u2014]/g, '-')
    .trim();
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A real number: "4", "-0.11", "1e-3", "61,706" (digits grouped by commas),
 * or a fraction "7/9", "-1/9".
 */
export function parseNumber(typed: string): Parsed<number> {
  if (typeof typed !== 'string') return fail('Expected text.', '글자를 입력해야 합니다.');
  if (typed.length > MAX_TEXT_ANSWER) return fail('The answer is far too long.', '답이 너무 깁니다.');
  const text = tidy(typed).replace(/\s+/g, '');
  if (text === '') return fail('Type a number.', '수를 입력하세요.');
  const fraction = /^([+-]?\d+(?:\.\d+)?)\/([+-]?\d+(?:\.\d+)?)$/.exec(text);
  if (fraction) {
    const top = Number(fraction[1]);
    const bottom = Number(fraction[2]);
    if (bottom === 0) return fail('A fraction cannot have 0 below the line.', '분모가 0인 분수는 쓸 수 없습니다.');
    return { ok: true, value: top / bottom };
  }
  if (GROUPED.test(text)) return { ok: true, value: Number(text.replace(/,/g, '')) };
  if (DECIMAL.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return { ok: true, value };
  }
  return fail(`"${typed.trim().slice(0, 40)}" is not a number.`, `"${typed.trim().slice(0, 40)}"은(는) 수가 아닙니다.`);
}

/** A whole number; "4.0" reads as 4, "4.5" is refused as not whole. */
export function parseInteger(typed: string): Parsed<number> {
  const parsed = parseNumber(typed);
  if (!parsed.ok) return parsed;
  if (!Number.isInteger(parsed.value)) {
    return fail('Type a whole number.', '정수를 입력하세요.');
  }
  if (!Number.isSafeInteger(parsed.value)) return fail('That number is too large.', '수가 너무 큽니다.');
  return parsed;
}

/** Strips the brackets a student may type around a list or a matrix. */
function unbracket(text: string): string {
  return text.replace(/[[\](){}]/g, ' ');
}

/**
 * `count` whole numbers in order: "28, 28, 5", "28x28x5", "28 × 28 × 5",
 * "[5, 28, 28]" all read.
 */
export function parseIntegers(typed: string, count: number): Parsed<number[]> {
  if (typeof typed !== 'string') return fail('Expected text.', '글자를 입력해야 합니다.');
  if (typed.length > MAX_TEXT_ANSWER) return fail('The answer is far too long.', '답이 너무 깁니다.');
  const parts = unbracket(tidy(typed))
    .split(/[\s,;×xX*]+/)
    .filter((p) => p !== '');
  if (parts.length !== count) {
    return fail(`Type ${count} whole numbers, separated by commas.`, `정수 ${count}개를 쉼표로 구분해 입력하세요.`);
  }
  const values: number[] = [];
  for (const part of parts) {
    const parsed = parseInteger(part);
    if (!parsed.ok) return fail(`"${part.slice(0, 20)}" is not a whole number.`, `"${part.slice(0, 20)}"은(는) 정수가 아닙니다.`);
    values.push(parsed.value);
  }
  return { ok: true, value: values };
}

/**
 * A matrix of any shape: cells separated by commas or spaces, rows by ";" or
 * new lines ("6, 8; 3, 4"), or nested brackets ("[[6, 8], [3, 4]]"). Every row
 * must have the same number of cells.
 */
export function parseAnyGrid(typed: string): Parsed<number[][]> {
  if (typeof typed !== 'string') return fail('Expected text.', '글자를 입력해야 합니다.');
  if (typed.length > MAX_TEXT_ANSWER) return fail('The answer is far too long.', '답이 너무 깁니다.');
  let text = tidy(typed);
  // Nested brackets: each inner bracket pair is a row.
  if (/^\[\s*\[/.test(text)) text = text.replace(/\]\s*,?\s*\[/g, ';');
  const lines = unbracket(text)
    .split(/[;\n\r]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  if (lines.length === 0) return fail('Type the numbers of the matrix.', '행렬의 수를 입력하세요.');
  const grid: number[][] = [];
  for (const line of lines) {
    const row: number[] = [];
    for (const cell of line.split(/[\s,]+/).filter((c) => c !== '')) {
      const parsed = parseNumber(cell);
      if (!parsed.ok) return fail(`"${cell.slice(0, 20)}" is not a number.`, `"${cell.slice(0, 20)}"은(는) 수가 아닙니다.`);
      row.push(parsed.value);
    }
    grid.push(row);
  }
  if (grid.some((row) => row.length !== grid[0].length)) {
    return fail('Every row needs the same number of cells.', '모든 행의 칸 수가 같아야 합니다.');
  }
  return { ok: true, value: grid };
}

/** A rows x cols matrix (see {@link parseAnyGrid}); any other shape is refused. */
export function parseGrid(typed: string, rows: number, cols: number): Parsed<number[][]> {
  const parsed = parseAnyGrid(typed);
  if (!parsed.ok) return parsed;
  if (parsed.value.length !== rows || parsed.value[0].length !== cols) {
    return fail(
      `Type ${rows} rows of ${cols} numbers: numbers separated by commas, rows by semicolons.`,
      `${cols}개씩 ${rows}행을 입력하세요. 수는 쉼표로, 행은 세미콜론으로 구분합니다.`,
    );
  }
  return parsed;
}

/** Ids in order, separated by commas, spaces or arrows; each known id exactly once. */
export function parseOrder(typed: string, ids: readonly string[]): Parsed<string[]> {
  if (typeof typed !== 'string') return fail('Expected text.', '글자를 입력해야 합니다.');
  if (typed.length > MAX_TEXT_ANSWER) return fail('The answer is far too long.', '답이 너무 깁니다.');
  const parts = tidy(typed)
    .replace(/->|→|>/g, ',')
    .split(/[\s,;]+/)
    .filter((p) => p !== '');
  const known = new Set(ids);
  const seen = new Set<string>();
  for (const part of parts) {
    if (!known.has(part)) return fail(`"${part.slice(0, 20)}" is not one of the layers.`, `"${part.slice(0, 20)}"은(는) 주어진 계층이 아닙니다.`);
    if (seen.has(part)) return fail(`"${part}" appears twice: use every layer once.`, `"${part}"이(가) 두 번 나옵니다. 계층마다 한 번씩 쓰세요.`);
    seen.add(part);
  }
  if (seen.size !== ids.length) {
    return fail(`Use all ${ids.length} layers, each once.`, `${ids.length}개 계층을 모두 한 번씩 쓰세요.`);
  }
  return { ok: true, value: parts };
}

/** "12:flatten-start-1": a line number from 1 and the id of a fix. */
export function parseLineFix(typed: string, lines: number, optionIds: readonly string[]): Parsed<{ line: number; fix: string }> {
  if (typeof typed !== 'string') return fail('Expected text.', '글자를 입력해야 합니다.');
  const match = /^\s*(\d{1,4})\s*:\s*([A-Za-z0-9_-]{1,60})\s*$/.exec(tidy(typed));
  if (!match) return fail('Pick a line and a fix.', '줄 하나와 고칠 방법 하나를 고르세요.');
  const line = Number(match[1]);
  if (line < 1 || line > lines) return fail(`There is no line ${line}.`, `${line}번째 줄은 없습니다.`);
  if (!optionIds.includes(match[2])) return fail('Pick one of the fixes offered.', '주어진 고칠 방법 중 하나를 고르세요.');
  return { ok: true, value: { line, fix: match[2] } };
}

/** Reads a `data:` URL with base64 content into bytes. */
export function parseDataUrl(typed: string, maxBytes: number): Parsed<Uint8Array> {
  if (typeof typed !== 'string') return fail('Expected a file.', '파일이 필요합니다.');
  const comma = typed.indexOf(',');
  const head = comma >= 0 ? typed.slice(0, comma) : '';
  if (comma < 0 || !/^data:[^,;]*(;[^,;=]+=[^,;]*)*;base64$/i.test(head)) {
    return fail('Choose a file to hand in.', '제출할 파일을 고르세요.');
  }
  const body = typed.slice(comma + 1).replace(/\s+/g, '');
  // Four base64 characters carry three bytes.
  if (Math.floor((body.length * 3) / 4) > maxBytes + 3) {
    return fail(`The file is larger than ${maxBytes.toLocaleString('en-US')} bytes.`, `파일이 ${maxBytes.toLocaleString('en-US')}바이트보다 큽니다.`);
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length % 4 !== 0) {
    return fail('The file is damaged (its encoding is broken).', '파일이 손상되었습니다(인코딩이 깨졌습니다).');
  }
  const binary = atob(body);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { ok: true, value: bytes };
}

/** "28, 28, 5" */
export function encodeIntegers(values: readonly number[]): string {
  return values.join(', ');
}

/** "6, 8; 3, 4" */
export function encodeGrid(rows: readonly (readonly number[])[]): string {
  return rows.map((row) => row.map(formatNumber).join(', ')).join('; ');
}

/** "c1,s2,c3" */
export function encodeOrder(ids: readonly string[]): string {
  return ids.join(',');
}

/** The order `ids` with the cards at places a and b swapped, encoded: a typical wrong order. */
export function encodeSwapped(ids: readonly string[], a: number, b: number): string {
  const out = [...ids];
  [out[a], out[b]] = [out[b], out[a]];
  return encodeOrder(out);
}

/** "12:flatten-start-1" */
export function encodeLineFix(line: number, fix: string): string {
  return `${line}:${fix}`;
}

/** A file as a `data:` URL, as the browser's FileReader.readAsDataURL writes it. */
export function encodeDataUrl(bytes: Uint8Array, mime = 'application/octet-stream'): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return `data:${mime};base64,${btoa(binary)}`;
}

/**
 * A number as an answer key shows it: whole numbers as they are, others to at
 * most four decimals without trailing zeros ("0.7778", "-0.1111", "2.5").
 */
export function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Number(value.toFixed(4)));
}

/** 61706 -> "61,706" */
export function grouped(value: number): string {
  return value.toLocaleString('en-US');
}

/** 61706 -> "61{,}706": grouped for TeX, where a bare comma would be spaced as punctuation. */
export function texGrouped(value: number): string {
  return grouped(value).replace(/,/g, '{,}');
}
