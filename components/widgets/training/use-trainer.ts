/**
 * The dashboard's link to the trainer worker, as a Preact hook.
 *
 * The worker may report ten times a second; the page folds every event into a
 * `RunState` at once (cheap) but hands it to Preact at most four times a
 * second (`REDRAW_MS`), so charts and maps redraw at a steady, light pace and
 * the main thread never has long tasks while training runs. Milestones (a new
 * run, a state change, an evaluation) are drawn straight away.
 *
 * It also decides when to look inside the network (an `inspect` at most twice
 * a second while running, and after anything that changes the weights) and
 * when to score the test set beyond the worker's end-of-epoch evaluations
 * (every half epoch while running, and when a run is paused), so the test
 * curve has points to draw.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TrainConfig } from '../../../src/training/config.ts';
import type {
  ClassificationEvent,
  InspectionEvent,
  ReadyEvent,
  TrainerCommandType,
  TrainerEvent,
  WeightsEvent,
} from '../../../src/training/protocol.ts';
import { TrainerClient, TrainerGoneError, TrainerRequestError } from './trainer-client.ts';
import type { CommandWithoutId, WorkerLike } from './trainer-client.ts';
import { applyEvent, initialRunState, isMilestone } from './run-state.ts';
import type { RunState } from './run-state.ts';
import { sameRun } from './settings.ts';
import { throttle } from './throttle.ts';

/** Least time between two redraws while the worker streams progress (4 Hz). */
export const REDRAW_MS = 250;
/** Least time between two looks inside the network while training runs. */
export const INSPECT_MS = 500;

/** A failed command, for the dashboard to word. */
export interface CommandFailure {
  command: TrainerCommandType | 'worker';
  /** The worker's message (English, like the engine's). */
  detail: string;
}

/** What the hook needs from the dashboard. */
export interface TrainerOptions {
  /** The run the form describes (null while a field is invalid or the stack is broken). */
  config: TrainConfig | null;
  /** Folder of the site's data files. */
  dataUrl: string;
  /** The test image to inspect. */
  testIndex: number;
  /** Replaces the real worker (tests). */
  createWorker?: () => WorkerLike;
}

/** Everything the dashboard reads and does. */
export interface TrainerHandle {
  run: RunState;
  /** The worker crashed: undefined when it did not, else the browser's message (possibly empty). */
  crash: string | undefined;
  /** The worker has left a ping unanswered for a while: busy with a huge batch, or hung. */
  silent: boolean;
  /** A command the worker refused, or an error it reported while running. */
  failure: CommandFailure | null;
  clearFailure(): void;
  /** A command is under way that must finish before others (loading data, a model). */
  busy: boolean;
  inspection: InspectionEvent | null;
  classification: ClassificationEvent | null;
  /** The form differs from the run the worker holds (or there is none yet). */
  needsInit: boolean;
  start(): Promise<void>;
  pause(): void;
  step(): Promise<void>;
  reset(): Promise<void>;
  evaluate(): Promise<void>;
  classify(pixels: Float32Array | null): Promise<void>;
  exportWeights(): Promise<WeightsEvent | null>;
  /**
   * Loads a weights file: resolves with the new run, or with the worker's
   * reason for refusing it (the current run is then untouched).
   */
  importWeights(bytes: Uint8Array): Promise<{ ready: ReadyEvent } | { refused: string }>;
  restart(): Promise<void>;
}

function failureOf(error: unknown, command: TrainerCommandType): CommandFailure | null {
  if (error instanceof TrainerGoneError) return null; // the crash banner says it
  if (error instanceof TrainerRequestError) return { command: error.event.command ?? command, detail: error.message };
  return { command, detail: error instanceof Error ? error.message : String(error) };
}

/** The hook. */
export function useTrainer({ config, dataUrl, testIndex, createWorker }: TrainerOptions): TrainerHandle {
  const [run, setRun] = useState<RunState>(initialRunState);
  const [crash, setCrash] = useState<string | undefined>(undefined);
  const [silent, setSilent] = useState(false);
  const [failure, setFailure] = useState<CommandFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [inspection, setInspection] = useState<InspectionEvent | null>(null);
  const [classification, setClassification] = useState<ClassificationEvent | null>(null);

  const state = useRef(run);
  const client = useRef<TrainerClient | null>(null);
  const testIndexRef = useRef(testIndex);
  testIndexRef.current = testIndex;
  const lastInspect = useRef(-Infinity);
  const inspecting = useRef(false);
  const evaluating = useRef(false);
  /** A pause arrived while an earlier evaluation was still running: score the paused step after it. */
  const evaluateAgain = useRef(false);
  const lastEvalStep = useRef(-1);
  const previousStatus = useRef(run.status);

  const inspect = () => {
    const c = client.current;
    if (!c || !state.current.ready || inspecting.current) return;
    inspecting.current = true;
    lastInspect.current = performance.now();
    c.request({ type: 'inspect', testIndex: Math.min(testIndexRef.current, state.current.ready.testCount - 1) })
      .then((event) => {
        if (event.type === 'inspection') setInspection(event);
      })
      .catch((error) => {
        const f = failureOf(error, 'inspect');
        if (f) setFailure(f);
      })
      .finally(() => {
        inspecting.current = false;
      });
  };

  const evaluate = async () => {
    const c = client.current;
    if (!c || !state.current.ready) return;
    if (evaluating.current) {
      evaluateAgain.current = true;
      return;
    }
    evaluating.current = true;
    evaluateAgain.current = false;
    lastEvalStep.current = state.current.globalStep;
    try {
      await c.request({ type: 'evaluate' });
    } catch (error) {
      const f = failureOf(error, 'evaluate');
      if (f) setFailure(f);
    } finally {
      evaluating.current = false;
    }
    const s = state.current;
    if (evaluateAgain.current && s.status !== 'running' && s.evaluation?.globalStep !== s.globalStep) void evaluate();
    evaluateAgain.current = false;
  };

  const redraw = useMemo(
    () =>
      throttle(() => {
        const s = state.current;
        setRun(s);
        if (s.status !== 'running' || !s.ready) return;
        if (performance.now() - lastInspect.current >= INSPECT_MS) inspect();
        const halfEpoch = Math.max(50, Math.round(s.ready.stepsPerEpoch / 2));
        const lastEvaluated = Math.max(lastEvalStep.current, s.evaluation?.globalStep ?? 0);
        if (s.globalStep - lastEvaluated >= halfEpoch) void evaluate();
      }, REDRAW_MS),
    [],
  );

  const onEvent = (event: TrainerEvent) => {
    state.current = applyEvent(state.current, event);
    if (event.type === 'error' && event.id === undefined) {
      // Not an answer to a command: the training loop stopped (a diverged loss, say).
      setFailure({ command: event.command ?? 'worker', detail: event.message });
    }
    if (event.type === 'status') {
      const was = previousStatus.current;
      previousStatus.current = event.state;
      // Pausing is the moment to look at the test set: score it unless it is scored at this step already.
      if (was === 'running' && (event.state === 'paused' || event.state === 'done')) {
        const s = state.current;
        if (s.evaluation?.globalStep !== s.globalStep) void evaluate();
        inspect();
      }
    }
    if (event.type === 'ready' || event.type === 'evalResult') queueMicrotask(inspect);
    if (isMilestone(event)) {
      redraw();
      redraw.flush();
    } else {
      redraw();
    }
  };

  const ensureClient = (): TrainerClient => {
    client.current ??= new TrainerClient(
      {
        onEvent,
        onCrash: (detail) => {
          state.current = initialRunState();
          previousStatus.current = 'empty';
          inspecting.current = false;
          evaluating.current = false;
          evaluateAgain.current = false;
          setRun(state.current);
          setInspection(null);
          setClassification(null);
          setBusy(false);
          setCrash(detail ?? '');
        },
        onSilence: setSilent,
      },
      createWorker,
    );
    return client.current;
  };

  useEffect(
    () => () => {
      redraw.cancel();
      client.current?.dispose();
      client.current = null;
    },
    [],
  );

  // A different test image: look at it now.
  useEffect(() => {
    if (state.current.ready) inspect();
  }, [testIndex]);

  const needsInit = !run.ready || config === null || !sameRun(run.ready.config, config);

  const request = async (command: CommandWithoutId, transfer: Transferable[] = []): Promise<TrainerEvent | null> => {
    try {
      return await ensureClient().request(command, transfer);
    } catch (error) {
      const f = failureOf(error, command.type);
      if (f) setFailure(f);
      return null;
    }
  };

  /** Sends `init` when the form and the worker's run differ; false when that failed. */
  const ensureRun = async (): Promise<boolean> => {
    if (!needsInit) return true;
    if (config === null) return false;
    setBusy(true);
    setFailure(null);
    try {
      return (await request({ type: 'init', config, dataUrl })) !== null;
    } finally {
      setBusy(false);
    }
  };

  return {
    run,
    crash,
    silent,
    failure,
    clearFailure: () => setFailure(null),
    busy,
    inspection,
    classification,
    needsInit,
    async start() {
      setFailure(null);
      if (await ensureRun()) await request({ type: 'start' });
    },
    pause() {
      client.current?.send({ type: 'pause' });
    },
    async step() {
      setFailure(null);
      if (await ensureRun()) await request({ type: 'step' });
    },
    async reset() {
      setFailure(null);
      if (needsInit) {
        await ensureRun();
        return;
      }
      await request({ type: 'reset' });
    },
    evaluate,
    async classify(pixels) {
      if (!pixels) {
        setClassification(null);
        return;
      }
      if (!state.current.ready) return;
      const event = await request({ type: 'classify', pixels });
      if (event?.type === 'classification') setClassification(event);
    },
    async exportWeights() {
      const event = await request({ type: 'exportWeights' });
      return event?.type === 'weights' ? event : null;
    },
    async importWeights(bytes) {
      setBusy(true);
      try {
        const event = await ensureClient().request({ type: 'importWeights', bytes, dataUrl }, [bytes.buffer as ArrayBuffer]);
        if (event.type !== 'ready') return { refused: `unexpected answer ${event.type}` };
        setFailure(null);
        return { ready: event };
      } catch (error) {
        return { refused: error instanceof Error ? error.message : String(error) };
      } finally {
        setBusy(false);
      }
    },
    async restart() {
      client.current?.restart();
      setCrash(undefined);
      setFailure(null);
      state.current = initialRunState();
      previousStatus.current = 'empty';
      setRun(state.current);
      await ensureRunAfterRestart();
    },
  };

  async function ensureRunAfterRestart(): Promise<void> {
    if (config === null) return;
    setBusy(true);
    try {
      await request({ type: 'init', config, dataUrl });
    } finally {
      setBusy(false);
    }
  }
}
