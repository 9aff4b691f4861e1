/**
 * Messages between the instructor's regrade page and the regrade worker
 * (`src/workers/regrade.worker.ts`). The worker does the whole regrade off the
 * page's thread, because one exercise (`training/target-accuracy`) is checked by
 * running a network over the MNIST test set, and a class's worth of those would
 * freeze the page. Everything sent is plain data, so it survives structured
 * cloning: the page turns the result into CSVs and charts itself.
 */
import type { RegradeResult } from './grading.ts';
import type { Bilingual } from './types.ts';

/** One file, as read by the page. */
export interface RegradeFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type RegradeCommand =
  | {
      readonly type: 'regrade';
      readonly request: number;
      /** The instructor's assignment link (or its fragment). */
      readonly link: string;
      readonly roster: { readonly name: string; readonly text: string };
      readonly files: readonly RegradeFile[];
      /** Where the site serves its datasets (for weights files). */
      readonly dataUrl?: string;
    }
  | { readonly type: 'ping' };

export type RegradeMessage =
  | { readonly type: 'pong' }
  | { readonly type: 'progress'; readonly request: number; readonly stage: 'data'; readonly loaded: number; readonly total: number }
  | { readonly type: 'progress'; readonly request: number; readonly stage: 'grade'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly request: number; readonly result: RegradeResult }
  /** Grading could not start: a bad link, an unreadable roster, a failed download. */
  | { readonly type: 'failed'; readonly request: number; readonly message: Bilingual };

/** True when an assignment needs the MNIST test set to be checked (a trained weights file). */
export function needsTestSet(kinds: readonly string[]): boolean {
  return kinds.includes('train-to-target');
}
