/**
 * ConvLab's exercises and the instructor's workflow, without any UI: the
 * exercise registry, checking, assignment links, per-student variants,
 * submission files and regrading. Pages and the command-line tools import
 * from here. See README.md beside this file.
 */
export * from './types.ts';
export * from './answers.ts';
export { bi, endsWithConsonant, withParticle, particle } from './text.ts';
export { fnv1a32, fmix32, normaliseStudentId, variantSeed, randomSeed, rngFor } from './seed.ts';
export {
  EXERCISE_ID,
  exerciseHomes,
  registerExercise,
  hasExercise,
  exerciseVersions,
  getExercise,
  listExercises,
  allExerciseVersions,
  makeVariant,
  checkAnswer,
  checkAnswerNow,
} from './registry.ts';
export type { ExerciseHome, Variant } from './registry.ts';
export * from './assignment.ts';
export * from './submission.ts';
export * from './grading.ts';
