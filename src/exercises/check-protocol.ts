/**
 * Messages between a page and the exercise-checking worker
 * (src/workers/exercise-check.worker.ts), for checks too slow for the page's
 * thread: a weights file scored on the MNIST test set, a kernel run over a
 * picture. The worker checks with the same `checkAnswer` as everything else;
 * the page only shows what comes back.
 */
import type { CheckResult } from './types.ts';

/** Page to worker. */
export type CheckCommand =
  | {
      readonly type: 'check';
      /** Echoed in every message about this check, so a stale answer is recognised and dropped. */
      readonly request: number;
      readonly id: string;
      readonly version: number;
      readonly params: unknown;
      readonly typed: string;
      /** Where the site's data files are (the base path plus `data/`), for the MNIST test set. */
      readonly dataUrl: string;
    }
  | { readonly type: 'ping' };

/** Worker to page. */
export type CheckMessage =
  /** Loading data: bytes so far and in all (total 0 while unknown). */
  | { readonly type: 'progress'; readonly request: number; readonly stage: 'data'; readonly loaded: number; readonly total: number }
  /** Data ready; the checker is running. */
  | { readonly type: 'progress'; readonly request: number; readonly stage: 'check' }
  | { readonly type: 'result'; readonly request: number; readonly result: CheckResult }
  /** The check could not even start (an unknown exercise, data that failed to load). */
  | { readonly type: 'error'; readonly request: number; readonly message: string }
  | { readonly type: 'pong' };

/** Whether an exercise's check belongs in the worker rather than the page's thread. */
export function checksInWorker(exercise: { readonly heavy?: boolean; readonly kind: string }): boolean {
  return exercise.heavy === true || exercise.kind === 'design-kernel';
}
