/**
 * Checkers for numeric answers, shared by most exercises.
 *
 * A numeric exercise lists its typical mistakes as values with a note and
 * feedback ("forgot the +1" gives 3 where 4 is right). The checker compares
 * what was typed with the right answer first, then with each mistake in order;
 * the first that matches names the answer note. The same list, minus values
 * that happen to equal the right answer, is the exercise's `mistakes()`: its
 * own question tests.
 */
import { formatNumber, parseNumber } from './answers.ts';
import { bi, correct, incorrect, invalid, withParticle } from './text.ts';
import type { Bilingual, CheckResult, Mistake } from './types.ts';

/** A wrong value a student is likely to reach, and what to tell them. */
export interface NumericMistake {
  readonly value: number;
  readonly note: string;
  readonly feedback: Bilingual;
}

/** How close counts as equal: an absolute tolerance, or exact for whole numbers. */
function same(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= tolerance;
}

/** What to say about a wrong number that matches no listed mistake. */
export type Fallback = (value: number) => CheckResult;

const defaultFallback: Fallback = () =>
  incorrect('incorrect: other', bi('Not right. Look at the hints, or check each step of the formula.', '틀렸습니다. 힌트를 보거나 식을 한 단계씩 다시 확인해 보세요.'));

/**
 * Checks a typed number against `expected` (one value, or a test for values
 * that all count as right), then against the mistakes.
 */
export function checkNumeric(
  typed: string,
  options: {
    expected: number | ((value: number) => boolean);
    mistakes: readonly NumericMistake[];
    /** Whole numbers only (default true). */
    integer?: boolean;
    /** Absolute tolerance for real answers (default 0). */
    tolerance?: number;
    fallback?: Fallback;
    correctFeedback?: Bilingual;
  },
): CheckResult {
  const integer = options.integer ?? true;
  const tolerance = options.tolerance ?? 0;
  const parsed = parseNumber(typed);
  if (!parsed.ok) return invalid(parsed.reason, 'not a number');
  const value = parsed.value;
  const isRight = typeof options.expected === 'number' ? (v: number) => same(v, options.expected as number, tolerance) : options.expected;
  if (integer && !Number.isInteger(value)) {
    // A fraction where a count or a size is asked is a real mistake, not a typo: say so.
    return incorrect(
      'not a whole number',
      bi(
        `${formatNumber(value)} is not a whole number, and this answer must be one: count whole positions, pixels or weights.`,
        `${withParticle(formatNumber(value), '은', '는')} 정수가 아닙니다. 이 답은 위치, 픽셀, 가중치의 개수이므로 정수여야 합니다.`,
      ),
    );
  }
  if (isRight(value)) return correct(options.correctFeedback);
  for (const mistake of options.mistakes) {
    if (same(value, mistake.value, tolerance) && !isRight(mistake.value)) return incorrect(mistake.note, mistake.feedback);
  }
  return (options.fallback ?? defaultFallback)(value);
}


/**
 * The question tests of a numeric exercise: each listed mistake whose value is
 * wrong, once per value (the first note wins, as in `checkNumeric`).
 */
export function numericMistakes(
  mistakes: readonly NumericMistake[],
  isRight: (value: number) => boolean,
  integer = true,
  tolerance = 0,
): Mistake[] {
  const out: Mistake[] = [];
  const seen: number[] = [];
  for (const m of mistakes) {
    if (!Number.isFinite(m.value) || isRight(m.value)) continue;
    if (integer && !Number.isInteger(m.value)) continue;
    if (seen.some((v) => same(v, m.value, tolerance))) continue;
    seen.push(m.value);
    out.push({ typed: String(m.value), answerNote: m.note });
  }
  return out;
}
