/**
 * The page's end of the trainer worker (`src/workers/trainer.worker.ts`).
 *
 * - `request(command)` posts a command with a fresh id and resolves with the
 *   event that answers it (an `error` event with that id rejects instead, with
 *   a {@link TrainerRequestError} carrying the worker's message).
 * - Every event, answers included, also goes to `onEvent`, so the dashboard
 *   sees progress, status and evaluations whoever asked for them.
 * - A crash of the worker itself (its `error` or `messageerror` event) rejects
 *   every pending request, ends the worker and calls `onCrash` once; `restart()`
 *   starts a fresh worker. Saved models live in IndexedDB on the page's side,
 *   so a crash loses only the run in progress.
 * - A worker that says nothing for a while is pinged; one that leaves a ping
 *   unanswered for `silentMs` is reported through `onSilence`. It is not ended:
 *   a legal but very large network can spend minutes on one batch, and only the
 *   learner can tell that from a hang (the dashboard offers a restart).
 */
import type { TrainerCommand, TrainerEvent, ErrorEvent as TrainerErrorEvent } from '../../../src/training/protocol.ts';

/** The part of a `Worker` the client uses (tests hand in a fake). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
}

/** What the client tells the dashboard. */
export interface TrainerClientHandlers {
  onEvent(event: TrainerEvent): void;
  /** The worker died; `detail` is the browser's message when it gave one. */
  onCrash(detail: string | undefined): void;
  /** The worker left a ping unanswered for `silentMs` (true), or spoke again (false). */
  onSilence?(silent: boolean): void;
}

/** When the client pings a quiet worker and when it calls it silent. */
export interface SilenceWatch {
  /** Ping after this long without any message from the worker (ms). */
  pingMs: number;
  /** Call the worker silent when a ping has gone unanswered this long (ms). */
  silentMs: number;
  /** How often to check (ms). */
  checkMs: number;
}

/** Defaults: a free worker answers a ping within milliseconds. */
export const SILENCE_WATCH: SilenceWatch = { pingMs: 5_000, silentMs: 30_000, checkMs: 1_000 };

/** A command refused by the worker: `event` is its `error` event. */
export class TrainerRequestError extends Error {
  readonly event: TrainerErrorEvent;
  constructor(event: TrainerErrorEvent) {
    super(event.message);
    this.name = 'TrainerRequestError';
    this.event = event;
  }
}

/** A request that ended because the worker died or was replaced. */
export class TrainerGoneError extends Error {
  constructor(message = 'the trainer stopped before answering') {
    super(message);
    this.name = 'TrainerGoneError';
  }
}

/** Commands as the page writes them: the client adds the id. */
export type CommandWithoutId = TrainerCommand extends infer C ? (C extends TrainerCommand ? Omit<C, 'id'> : never) : never;

/** The trainer worker, as built by the site's bundler. */
export function startTrainerWorker(): WorkerLike {
  return new Worker(new URL('../../../src/workers/trainer.worker.ts', import.meta.url), { type: 'module', name: 'convlab-trainer' });
}

interface Pending {
  resolve(event: TrainerEvent): void;
  reject(error: Error): void;
}

/** One trainer worker at a time, with requests matched to their answers. */
export class TrainerClient {
  #worker: WorkerLike | null = null;
  #nextId = 1;
  #pending = new Map<number, Pending>();
  readonly #handlers: TrainerClientHandlers;
  readonly #create: () => WorkerLike;
  readonly #watch: SilenceWatch;
  #watchTimer: ReturnType<typeof setInterval> | null = null;
  #lastHeard = 0;
  /** When the unanswered ping went out, if one is out. */
  #pingSentAt: number | null = null;
  #silent = false;

  constructor(handlers: TrainerClientHandlers, create: () => WorkerLike = startTrainerWorker, watch: SilenceWatch = SILENCE_WATCH) {
    this.#handlers = handlers;
    this.#create = create;
    this.#watch = watch;
  }

  /** Whether a worker is running. */
  get alive(): boolean {
    return this.#worker !== null;
  }

  #ensure(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#create();
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<TrainerEvent>) => {
      if (worker === this.#worker) this.#receive(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      // The dashboard shows the failure itself; without this the browser also logs it.
      event.preventDefault?.();
      if (worker === this.#worker) this.#crash(event.message || undefined);
    };
    worker.onmessageerror = () => {
      if (worker === this.#worker) this.#crash('a message from the trainer could not be read');
    };
    this.#lastHeard = performance.now();
    this.#pingSentAt = null;
    this.#watchTimer = setInterval(() => this.#check(), this.#watch.checkMs);
    return worker;
  }

  /**
   * Pings a quiet worker and reports one that leaves the ping unanswered. Only an
   * unanswered ping counts, never mere quiet: a background tab runs this check
   * rarely, but the worker's answers still arrive on time.
   */
  #check(): void {
    const worker = this.#worker;
    if (!worker) return;
    const now = performance.now();
    if (this.#pingSentAt === null) {
      if (now - this.#lastHeard < this.#watch.pingMs) return;
      this.#pingSentAt = now;
      try {
        worker.postMessage({ type: 'ping' });
      } catch {
        this.#pingSentAt = null; // not sent: try again at the next check
      }
      return;
    }
    if (!this.#silent && now - this.#pingSentAt >= this.#watch.silentMs) {
      this.#silent = true;
      this.#handlers.onSilence?.(true);
    }
  }

  #heard(): void {
    this.#lastHeard = performance.now();
    this.#pingSentAt = null;
    if (this.#silent) {
      this.#silent = false;
      this.#handlers.onSilence?.(false);
    }
  }

  #receive(event: TrainerEvent): void {
    this.#heard();
    if (event.type === 'pong') return; // only the watch cares
    const id = event.id;
    if (id !== undefined && event.type !== 'dataProgress' && event.type !== 'progress') {
      const pending = this.#pending.get(id);
      if (pending) {
        this.#pending.delete(id);
        if (event.type === 'error') pending.reject(new TrainerRequestError(event));
        else pending.resolve(event);
      }
    }
    this.#handlers.onEvent(event);
  }

  #crash(detail: string | undefined): void {
    this.#drop(new TrainerGoneError(detail ? `the trainer crashed: ${detail}` : 'the trainer crashed'));
    this.#handlers.onCrash(detail);
  }

  #drop(reason: Error): void {
    const worker = this.#worker;
    this.#worker = null;
    worker?.terminate();
    if (this.#watchTimer !== null) clearInterval(this.#watchTimer);
    this.#watchTimer = null;
    this.#pingSentAt = null;
    if (this.#silent) {
      this.#silent = false;
      this.#handlers.onSilence?.(false);
    }
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(reason);
  }

  /**
   * Posts a command and resolves with the event that answers it. `transfer`
   * moves buffers instead of copying them (a weights file, say).
   */
  request(command: CommandWithoutId, transfer: Transferable[] = []): Promise<TrainerEvent> {
    const id = this.#nextId++;
    return new Promise<TrainerEvent>((resolve, reject) => {
      let worker: WorkerLike;
      try {
        worker = this.#ensure();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      this.#pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ ...command, id }, transfer);
      } catch (error) {
        this.#pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Posts a command nobody waits for (pause); nothing happens without a worker. */
  send(command: CommandWithoutId): void {
    this.#worker?.postMessage({ ...command });
  }

  /** Ends the worker (if any) and starts afresh on the next request. */
  restart(): void {
    this.#drop(new TrainerGoneError('the trainer was restarted'));
  }

  /** Ends the worker for good (unmount). */
  dispose(): void {
    this.#drop(new TrainerGoneError('the dashboard closed'));
  }
}
