/**
 * What the dashboard knows about the run in the worker, folded from the
 * worker's events: a pure reducer, so the component only decides when to draw.
 */
import type {
  EvalResultEvent,
  ProgressEvent,
  ReadyEvent,
  SubsetResultEvent,
  TrainerEvent,
  TrainerState,
} from '../../../src/training/protocol.ts';
import { addSubsetPoint, addTestPoint, addTrainPoint, emptyHistory } from './history.ts';
import type { RunHistory } from './history.ts';

/** The run as the page sees it. */
export interface RunState {
  /** The worker's state. */
  status: TrainerState;
  /** The model and data the worker holds (null before the first `ready`). */
  ready: ReadyEvent | null;
  /** The latest progress report of this run. */
  progress: ProgressEvent | null;
  /** Batches trained in this run. */
  globalStep: number;
  history: RunHistory;
  /** The latest evaluation of this run. */
  evaluation: EvalResultEvent | null;
  /** The latest score of the test sample in this run. */
  subset: SubsetResultEvent | null;
  /** The dataset download in flight, if any. */
  download: { loaded: number; total: number } | null;
}

/** Before the worker has said anything. */
export function initialRunState(): RunState {
  return { status: 'empty', ready: null, progress: null, globalStep: 0, history: emptyHistory(), evaluation: null, subset: null, download: null };
}

/** The state after `event`. */
export function applyEvent(state: RunState, event: TrainerEvent): RunState {
  switch (event.type) {
    case 'status':
      return {
        ...state,
        status: event.state,
        download: event.state === 'loading' ? (state.download ?? { loaded: 0, total: 0 }) : null,
      };
    case 'dataProgress':
      return { ...state, download: { loaded: event.loaded, total: event.total } };
    case 'ready':
      // A new run (init, reset or a loaded model): its curves start afresh.
      return { ...state, ready: event, progress: null, globalStep: event.step, history: emptyHistory(), evaluation: null, subset: null };
    case 'progress':
      return {
        ...state,
        progress: event,
        globalStep: event.globalStep,
        history: addTrainPoint(state.history, {
          epoch: event.globalStep / event.stepsPerEpoch,
          step: event.globalStep,
          loss: event.loss,
          accuracy: event.trainAcc,
        }),
      };
    case 'evalResult':
      return {
        ...state,
        evaluation: event,
        history: addTestPoint(state.history, { epoch: event.epoch, step: event.globalStep, loss: event.testLoss, accuracy: event.testAcc }),
      };
    case 'subsetResult':
      return {
        ...state,
        subset: event,
        history: addSubsetPoint(state.history, { epoch: event.epoch, step: event.globalStep, loss: event.testLoss, accuracy: event.testAcc }),
      };
    default:
      return state;
  }
}

/** Fraction of the planned run done (0..1), or 0 before a run exists. */
export function runFraction(state: RunState): number {
  const ready = state.ready;
  if (!ready) return 0;
  const total = ready.stepsPerEpoch * ready.config.epochs;
  return total > 0 ? Math.min(1, state.globalStep / total) : 0;
}

/** Whether the state changed in a way the page must redraw at once (not just another progress tick). */
export function isMilestone(event: TrainerEvent): boolean {
  return event.type !== 'progress' && event.type !== 'dataProgress';
}
