/**
 * The conversation between lesson 1's widget and its training worker. Both sides
 * import these types, so a renamed field is a compile error rather than a silent
 * `undefined` on the other thread.
 */
import type { PerModel, XoExperimentOptions } from './config.ts';
import type { XoExperimentResult, XoProgress } from './experiment.ts';

/** Page to worker. */
export type XoWorkerRequest =
  | {
      type: 'train';
      options: Partial<XoExperimentOptions>;
      /**
       * Least wall-clock time per step, in ms, so a reader can watch the loss fall;
       * 0 trains flat out (reduced motion, tests).
       */
      paceMs: number;
    }
  | { type: 'classify'; id: number; picture: Float32Array }
  /** Are you there? Answered with `pong` between two steps, so the page can tell a slow run from a hung one. */
  | { type: 'ping' };

/** Worker to page. */
export type XoWorkerResponse =
  | { type: 'ready' }
  | { type: 'started'; params: PerModel<number>; steps: number }
  | { type: 'progress'; progress: XoProgress }
  | { type: 'done'; result: XoExperimentResult; computeMs: number }
  | { type: 'classified'; id: number; probabilities: PerModel<[number, number]> }
  | { type: 'error'; message: string }
  | { type: 'pong' };
