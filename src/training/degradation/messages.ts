/**
 * The conversation between lesson 17's degradation widget and its worker.
 */
import type { DegradationCurve, DegradationOptions, NetKind } from './experiment.ts';

/** Page to worker. */
export type DegradationRequest =
  | { type: 'train'; options: DegradationOptions; dataUrl: string }
  | { type: 'ping' };

/** Worker to page. */
export type DegradationResponse =
  | { type: 'ready' }
  | { type: 'loading' }
  | { type: 'started'; params: { kind: NetKind; depth: number; count: number }[]; totalSteps: number }
  /** A new curve point of one network; `stepsDone` counts steps over all networks. */
  | { type: 'progress'; curve: DegradationCurve; stepsDone: number }
  | { type: 'done' }
  | { type: 'error'; message: string }
  | { type: 'pong' };
