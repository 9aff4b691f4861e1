/**
 * The page's side of the training worker: starts it, forwards its messages, and
 * turns every way it can fail (a load error, an exception, silence) into one
 * `onFailure` call, so the widget can show a message and a retry instead of
 * waiting forever.
 */
import type { XoExperimentOptions } from '../../../src/training/xo/config.ts';
import type { XoWorkerRequest, XoWorkerResponse } from '../../../src/training/xo/messages.ts';

/** Why a run failed: the widget words each kind in the reader's language. */
export interface TrainerFailure {
  kind: 'start' | 'crash' | 'silence' | 'unreadable';
  /** The underlying error message, when there is one (engine errors are in English, like PyTorch's). */
  detail?: string;
}

/** What the widget hears from the worker. */
export interface TrainerHandlers {
  onMessage(message: XoWorkerResponse): void;
  onFailure(failure: TrainerFailure): void;
}

/** How long the worker may stay silent before the run counts as failed. */
export const SILENCE_LIMIT_MS = 20_000;

function startWorker(): Worker {
  return new Worker(new URL('../../../src/workers/xo-trainer.worker.ts', import.meta.url), { type: 'module' });
}

/** One worker at a time; cancelling or resetting ends it, and the next run starts a fresh one. */
export class TrainerClient {
  private worker: Worker | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private nextClassifyId = 1;
  private running = false;

  constructor(
    private readonly handlers: TrainerHandlers,
    private readonly createWorker: () => Worker = startWorker,
  ) {}

  /** Starts a run in a fresh worker (ending any previous one). */
  train(options: Partial<XoExperimentOptions>, paceMs: number): void {
    this.stop();
    let worker: Worker;
    try {
      worker = this.createWorker();
    } catch (error) {
      this.handlers.onFailure({ kind: 'start', detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    this.worker = worker;
    this.running = true;
    worker.onmessage = (event: MessageEvent<XoWorkerResponse>) => {
      if (worker !== this.worker) return;
      const message = event.data;
      if (message.type === 'error') {
        this.fail({ kind: 'crash', detail: message.message });
        return;
      }
      if (message.type === 'done') {
        this.running = false;
        this.clearWatchdog();
      } else if (this.running) this.armWatchdog();
      this.handlers.onMessage(message);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (worker === this.worker) this.fail({ kind: 'start', detail: event.message || undefined });
    };
    worker.onmessageerror = () => {
      if (worker === this.worker) this.fail({ kind: 'unreadable' });
    };
    this.armWatchdog();
    this.post({ type: 'train', options, paceMs });
  }

  /** Asks the trained networks about a picture; returns the request id the answer carries. */
  classify(picture: Float32Array): number | null {
    if (!this.worker || this.running) return null;
    const id = this.nextClassifyId++;
    this.post({ type: 'classify', id, picture: picture.slice() });
    return id;
  }

  /** Ends the worker and forgets it (cancel, reset, unmount). */
  stop(): void {
    this.clearWatchdog();
    this.running = false;
    this.worker?.terminate();
    this.worker = null;
  }

  private post(request: XoWorkerRequest): void {
    this.worker?.postMessage(request);
  }

  private fail(failure: TrainerFailure): void {
    this.stop();
    this.handlers.onFailure(failure);
  }

  private armWatchdog(): void {
    this.clearWatchdog();
    this.watchdog = setTimeout(() => this.fail({ kind: 'silence' }), SILENCE_LIMIT_MS);
  }

  private clearWatchdog(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
  }
}
