/**
 * The registry: every version of every exercise, by id.
 *
 * Old versions stay registered for good: an assignment link names the version
 * it was made with, and a submission is regraded against that version.
 * `getExercise(id)` without a version gives the latest, which is what lessons
 * and new assignments use.
 */
import { catalog } from '../i18n/lessons.ts';
import { allExercises } from './catalog.ts';
import { rngFor } from './seed.ts';
import { bi } from './text.ts';
import type { AnyExercise, CheckContext, CheckResult } from './types.ts';

/** `<lesson slug>/<name>`: lower-case words joined by hyphens on each side. */
export const EXERCISE_ID = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * Where exercises live: every lesson of the course catalog, in course order,
 * then the network explorer, which has exercises of its own (reading shapes and
 * errors the way the explorer shows them) but is not a numbered lesson.
 */
export interface ExerciseHome {
  readonly slug: string;
  /** The lesson's number, or null for a page that is not a lesson. */
  readonly order: number | null;
  readonly title: { readonly en: string; readonly ko: string };
}

export const exerciseHomes: readonly ExerciseHome[] = [
  ...catalog.map((lesson) => ({ slug: lesson.slug, order: lesson.order, title: lesson.title })),
  { slug: 'explorer', order: null, title: bi('Network explorer', '네트워크 탐색기') },
];

const byId = new Map<string, Map<number, AnyExercise>>();
const order: string[] = [];

/**
 * Adds an exercise version. Throws for a malformed id, a lesson that is not in
 * the course catalog (or the explorer), an id whose prefix is not its lesson, or a version
 * registered twice.
 */
export function registerExercise(exercise: AnyExercise): void {
  const match = EXERCISE_ID.exec(exercise.id);
  if (!match) throw new Error(`exercise id ${JSON.stringify(exercise.id)} is not of the form <lesson slug>/<name> (lower case, digits and hyphens)`);
  if (!exerciseHomes.some((home) => home.slug === exercise.lesson)) {
    throw new Error(
      `exercise ${exercise.id}: lesson ${JSON.stringify(exercise.lesson)} is not in the course catalog (src/i18n/lessons.ts) and is not the explorer`,
    );
  }
  if (match[1] !== exercise.lesson) throw new Error(`exercise ${exercise.id}: the id must start with its lesson's slug, ${exercise.lesson}/`);
  if (!Number.isInteger(exercise.version) || exercise.version < 1) {
    throw new Error(`exercise ${exercise.id}: version must be a whole number from 1, got ${String(exercise.version)}`);
  }
  let versions = byId.get(exercise.id);
  if (!versions) {
    versions = new Map();
    byId.set(exercise.id, versions);
    order.push(exercise.id);
  }
  if (versions.has(exercise.version)) throw new Error(`exercise ${exercise.id} version ${exercise.version} is registered twice`);
  versions.set(exercise.version, exercise);
}

for (const exercise of allExercises) registerExercise(exercise);

/** Whether an id is registered at all. */
export function hasExercise(id: string): boolean {
  return byId.has(id);
}

/** The versions of an exercise, oldest first (empty for an unknown id). */
export function exerciseVersions(id: string): number[] {
  return [...(byId.get(id)?.keys() ?? [])].sort((a, b) => a - b);
}

/** One version of an exercise (the latest when `version` is omitted), or undefined. */
export function getExercise(id: string, version?: number): AnyExercise | undefined {
  const versions = byId.get(id);
  if (!versions) return undefined;
  if (version !== undefined) return versions.get(version);
  return versions.get(Math.max(...versions.keys()));
}

/**
 * The latest version of every exercise, in course order (by lesson, then in the
 * order the lesson lists them), optionally of one lesson only.
 */
export function listExercises(filter: { lesson?: string } = {}): AnyExercise[] {
  const lessonOrder = new Map(exerciseHomes.map((home, i) => [home.slug, i]));
  return order
    .map((id) => getExercise(id)!)
    .filter((exercise) => filter.lesson === undefined || exercise.lesson === filter.lesson)
    .map((exercise, i) => ({ exercise, i }))
    .sort((a, b) => lessonOrder.get(a.exercise.lesson)! - lessonOrder.get(b.exercise.lesson)! || a.i - b.i)
    .map(({ exercise }) => exercise);
}

/** Every registered version of every exercise (for tests and tools). */
export function allExerciseVersions(): AnyExercise[] {
  return order.flatMap((id) => exerciseVersions(id).map((v) => getExercise(id, v)!));
}

/** A variant: the exercise version, the seed it came from and its parameters. */
export interface Variant<P = unknown> {
  readonly exercise: AnyExercise;
  readonly seed: number;
  readonly params: P;
}

/** The variant of `exercise` for `seed` (a uint32). */
export function makeVariant<P = unknown>(exercise: AnyExercise, seed: number): Variant<P> {
  return { exercise, seed, params: exercise.generate(rngFor(seed)) as P };
}

/** Scores are kept in [0, 1] and to 4 decimals, so that totals add up the same everywhere. */
function clampScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  return Math.round(Math.min(1, Math.max(0, score)) * 10000) / 10000;
}

/**
 * Checks an answer, whatever happens: a non-string answer is invalid, and a
 * checker that throws (a bug) gives score 0 with the note "error: ..." instead
 * of stopping a whole regrade. Always resolves.
 */
export async function checkAnswer(exercise: AnyExercise, params: unknown, typed: unknown, context: CheckContext = {}): Promise<CheckResult> {
  if (typeof typed !== 'string') {
    return {
      score: 0,
      status: 'invalid',
      feedback: bi('The answer must be text.', '답은 글자여야 합니다.'),
      answerNote: 'invalid: not text',
    };
  }
  try {
    const result = await exercise.check(typed, params, context);
    return { ...result, score: clampScore(result.score) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      score: 0,
      status: 'invalid',
      feedback: bi(`This answer could not be checked: ${reason}`, `이 답을 확인할 수 없었습니다: ${reason}`),
      answerNote: `error: ${reason.slice(0, 120)}`,
    };
  }
}

/**
 * The synchronous form of {@link checkAnswer}, for every exercise that is not
 * `heavy` (a page can show feedback in the same frame). Throws for a heavy one.
 */
export function checkAnswerNow(exercise: AnyExercise, params: unknown, typed: unknown, context: CheckContext = {}): CheckResult {
  if (exercise.heavy) throw new Error(`exercise ${exercise.id} is checked asynchronously: use checkAnswer`);
  if (typeof typed !== 'string') {
    return { score: 0, status: 'invalid', feedback: bi('The answer must be text.', '답은 글자여야 합니다.'), answerNote: 'invalid: not text' };
  }
  try {
    const result = exercise.check(typed, params, context);
    if (result instanceof Promise) throw new Error(`exercise ${exercise.id} returned a promise from check but is not marked heavy`);
    return { ...result, score: clampScore(result.score) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      score: 0,
      status: 'invalid',
      feedback: bi(`This answer could not be checked: ${reason}`, `이 답을 확인할 수 없었습니다: ${reason}`),
      answerNote: `error: ${reason.slice(0, 120)}`,
    };
  }
}
