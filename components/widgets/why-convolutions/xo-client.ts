/**
 * The page's side of lesson 1's training worker, on the kit's {@link WorkerClient}:
 * each run gets a fresh worker, and every way a run can fail (a worker that does not
 * load, an exception, a message that cannot be read, silence) becomes one
 * `onFailure` call, so the widget can show a message and a retry instead of
 * waiting for ever.
 */
import type { XoExperimentOptions } from '../../../src/training/xo/config.ts';
import type { XoWorkerRequest, XoWorkerResponse } from '../../../src/training/xo/messages.ts';
import { WorkerClient } from '../../kit/worker-client.ts';
import type { SilenceWatch, WorkerLike } from '../../kit/worker-client.ts';

/** Why a run failed: the widget words each kind in the reader's language. */
export interface XoFailure {
  kind: 'start' | 'crash' | 'silence' | 'unreadable';
  /** The underlying error message, when there is one (engine errors are in English, like PyTorch's). */
  detail?: string;
}

/** What the worker says, apart from the answers to pings (the client keeps those). */
export type XoMessage = Exclude<XoWorkerResponse, { type: 'pong' }>;

/** What the widget hears from the worker. */
export interface XoClientHandlers {
  onMessage(message: XoMessage): void;
  onFailure(failure: XoFailure): void;
}

/**
 * A run is watched: a worker quiet for 5 s is pinged, and one that has not answered
 * 15 s later has been silent for {@link SILENCE_LIMIT_MS} and the run fails. A run's
 * step takes milliseconds, so this is a hang, not a slow step.
 */
export const XO_WATCH: SilenceWatch = { pingMs: 5_000, silentMs: 15_000, checkMs: 1_000 };

/** How long the worker may stay silent during a run before the run counts as failed. */
export const SILENCE_LIMIT_MS = XO_WATCH.pingMs + XO_WATCH.silentMs;

function startXoWorker(): WorkerLike {
  return new Worker(new URL('../../../src/workers/xo-trainer.worker.ts', import.meta.url), { type: 'module' });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One worker at a time; cancelling or resetting ends it, and the next run starts a fresh one. */
export class XoClient {
  readonly #handlers: XoClientHandlers;
  readonly #worker: WorkerClient<XoWorkerRequest, XoWorkerResponse>;
  #nextClassifyId = 1;
  #running = false;

  constructor(handlers: XoClientHandlers, createWorker: () => WorkerLike = startXoWorker) {
    this.#handlers = handlers;
    this.#worker = new WorkerClient<XoWorkerRequest, XoWorkerResponse>({
      create: createWorker,
      watch: XO_WATCH,
      ping: { type: 'ping' },
      isPong: (message) => message.type === 'pong',
      onMessage: (message) => this.#receive(message as XoMessage),
      // A worker whose script fails to load or throws outside a step never started the run properly.
      onFailure: (failure) => this.#report(failure.kind === 'error' ? { kind: 'start', ...(failure.detail ? { detail: failure.detail } : {}) } : { kind: 'unreadable' }),
      onSilence: (silent) => {
        if (silent && this.#running) this.#fail({ kind: 'silence' });
      },
    });
  }

  /** Starts a run in a fresh worker (ending any previous one). */
  train(options: Partial<XoExperimentOptions>, paceMs: number): void {
    this.stop();
    try {
      this.#worker.post({ type: 'train', options, paceMs });
    } catch (error) {
      this.#fail({ kind: 'start', detail: describe(error) });
      return;
    }
    this.#running = true;
  }

  /** Asks the trained networks about a picture; returns the request id the answer carries. */
  classify(picture: Float32Array): number | null {
    if (!this.#worker.alive || this.#running) return null;
    const id = this.#nextClassifyId++;
    this.#worker.send({ type: 'classify', id, picture: picture.slice() });
    return id;
  }

  /** Ends the worker and forgets it (cancel, reset, unmount). */
  stop(): void {
    this.#running = false;
    this.#worker.end();
  }

  #receive(message: XoMessage): void {
    if (message.type === 'error') {
      this.#fail({ kind: 'crash', detail: message.message });
      return;
    }
    if (message.type === 'done') {
      this.#running = false;
      // The trained networks wait for drawings to classify: an idle worker may stay quiet for ever.
      this.#worker.watch(false);
    }
    this.#handlers.onMessage(message);
  }

  #fail(failure: XoFailure): void {
    this.stop();
    this.#report(failure);
  }

  #report(failure: XoFailure): void {
    this.#running = false;
    this.#handlers.onFailure(failure);
  }
}
