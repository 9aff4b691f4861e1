/**
 * Small helpers for writing prompts, hints and solutions in both languages.
 */
import type { Bilingual, Block, CheckResult, GridCell } from './types.ts';

/** Both languages at once. */
export function bi<T>(en: T, ko: T): Bilingual<T> {
  return { en, ko };
}

export function text(value: string): Block {
  return { type: 'text', text: value };
}

export function math(tex: string): Block {
  return { type: 'math', tex };
}

export function code(source: string, numbered = false, language: 'python' | 'text' = 'python'): Block {
  return { type: 'code', language, code: source, numbered };
}

export function grid(label: string, cells: readonly (readonly number[])[], highlight?: readonly GridCell[]): Block {
  return highlight ? { type: 'grid', label, cells, highlight } : { type: 'grid', label, cells };
}

export function list(items: readonly string[], ordered = false): Block {
  return { type: 'list', ordered, items };
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): Block {
  return { type: 'table', header, rows };
}

/** The same blocks in both languages (grids and code need no translation). */
export function same(...blocks: Block[]): Bilingual<readonly Block[]> {
  return { en: blocks, ko: blocks };
}

/**
 * Whether the Korean reading of a number written in digits ends in a
 * consonant (받침), which decides particles such as 은/는, 이/가, 을/를.
 * Digits are read Sino-Korean: 일 이 삼 사 오 육 칠 팔 구; a trailing zero
 * ends the number in 십, 백, 천, 만 or 영, all with a final consonant.
 * A fraction "7/9" is read "9분의 7", so its numerator decides.
 */
export function endsWithConsonant(numberText: string): boolean {
  const read = numberText.includes('/') ? numberText.slice(0, numberText.indexOf('/')) : numberText;
  const digits = read.replace(/[^0-9]/g, '');
  if (digits === '') return false;
  const last = digits[digits.length - 1];
  return !['2', '4', '5', '9'].includes(last);
}

/** Whether the reading ends in ㄹ (일, 칠, 팔), which takes 로 rather than 으로. */
function endsWithRieul(numberText: string): boolean {
  const read = numberText.includes('/') ? numberText.slice(0, numberText.indexOf('/')) : numberText;
  const digits = read.replace(/[^0-9]/g, '');
  return ['1', '7', '8'].includes(digits[digits.length - 1] ?? '');
}

/**
 * A number followed by the right form of a particle: `withParticle(84, '이', '가')`
 * gives "84가", `withParticle(32, '은', '는')` gives "32는"; for (으)로 pass '으로', '로'.
 */
export function withParticle(value: number | string, afterConsonant: string, afterVowel: string): string {
  const written = String(value);
  if (afterConsonant === '으로') return `${written}${endsWithConsonant(written) && !endsWithRieul(written) ? '으로' : '로'}`;
  return `${written}${endsWithConsonant(written) ? afterConsonant : afterVowel}`;
}

/** Only the particle that follows `value` (for a number set in math, "$12$" + particle). */
export function particle(value: number | string, afterConsonant: string, afterVowel: string): string {
  return withParticle(value, afterConsonant, afterVowel).slice(String(value).length);
}

/** A TeX matrix (bmatrix) of numbers. */
export function texMatrix(cells: readonly (readonly number[])[]): string {
  return `\\begin{bmatrix}${cells.map((row) => row.join(' & ')).join(' \\\\ ')}\\end{bmatrix}`;
}

/** Checker results. Feedback is always in both languages. */
export function correct(feedback: Bilingual = bi('Correct.', '맞습니다.'), answerNote = 'correct'): CheckResult {
  return { score: 1, status: 'correct', feedback, answerNote };
}

export function incorrect(answerNote: string, feedback: Bilingual): CheckResult {
  return { score: 0, status: 'incorrect', feedback, answerNote };
}

export function partial(score: number, answerNote: string, feedback: Bilingual): CheckResult {
  return { score, status: 'partial', feedback, answerNote };
}

/** An answer that could not be read: scores 0, and the note starts with "invalid:". */
export function invalid(reason: Bilingual, what = 'unreadable'): CheckResult {
  return { score: 0, status: 'invalid', feedback: reason, answerNote: `invalid: ${what}` };
}
