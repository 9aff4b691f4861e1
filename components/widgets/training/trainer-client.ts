/**
 * The page's end of the trainer worker (`src/workers/trainer.worker.ts`), on the
 * kit's {@link WorkerClient}.
 *
 * - `request(command)` posts a command with a fresh id and resolves with the
 *   event that answers it (an `error` event with that id rejects instead, with
 *   a {@link TrainerRequestError} carrying the worker's message).
 * - Every event, answers included, also goes to `onEvent`, so the dashboard
 *   sees progress, status and evaluations whoever asked for them.
 * - A crash of the worker itself (its `error` or `messageerror` event) rejects
 *   every pending request, ends the worker and calls `onCrash` once; the next
 *   request starts a fresh worker. Saved models live in IndexedDB on the page's
 *   side, so a crash loses only the run in progress.
 * - A worker that leaves a ping unanswered is reported through `onSilence`. It is
 *   not ended: a legal but very large network can spend minutes on one batch,
 *   and only the learner can tell that from a hang (the dashboard offers a restart).
 */
import type { TrainerCommand, TrainerEvent, ErrorEvent as TrainerErrorEvent } from '../../../src/training/protocol.ts';
import { SILENCE_WATCH, WorkerClient } from '../../kit/worker-client.ts';
import type { SilenceWatch, WorkerLike } from '../../kit/worker-client.ts';

export { SILENCE_WATCH };
export type { SilenceWatch, WorkerLike };

/** What the client tells the dashboard. */
export interface TrainerClientHandlers {
  onEvent(event: TrainerEvent): void;
  /** The worker died; `detail` is the browser's message when it gave one. */
  onCrash(detail: string | undefined): void;
  /** The worker left a ping unanswered for `silentMs` (true), or spoke again (false). */
  onSilence?(silent: boolean): void;
}

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

/**
 * The page's `?workers=1`, `?backend=fast` and `?memory=messages` (for tests and
 * measurements: one worker, no WebAssembly, or two workers passing messages as on
 * a page that is not cross-origin isolated) as the worker's name flags (see
 * trainer.worker.ts).
 */
export function trainerWorkerName(search: string = typeof location === 'undefined' ? '' : location.search): string {
  const params = new URLSearchParams(search);
  const flags = ['convlab-trainer'];
  if (params.get('workers') === '1') flags.push('workers=1');
  if (params.get('backend') === 'fast') flags.push('backend=fast');
  if (params.get('memory') === 'messages') flags.push('transport=messages');
  return flags.join(' ');
}

/** The trainer worker, as built by the site's bundler. */
export function startTrainerWorker(): WorkerLike {
  return new Worker(new URL('../../../src/workers/trainer.worker.ts', import.meta.url), { type: 'module', name: trainerWorkerName() });
}

interface Pending {
  resolve(event: TrainerEvent): void;
  reject(error: Error): void;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** One trainer worker at a time, with requests matched to their answers. */
export class TrainerClient {
  readonly #worker: WorkerClient<TrainerCommand, TrainerEvent>;
  #nextId = 1;
  #pending = new Map<number, Pending>();

  constructor(handlers: TrainerClientHandlers, create: () => WorkerLike = startTrainerWorker, watch: SilenceWatch = SILENCE_WATCH) {
    this.#worker = new WorkerClient<TrainerCommand, TrainerEvent>({
      create,
      watch,
      ping: { type: 'ping' },
      isPong: (event) => event.type === 'pong',
      onMessage: (event) => {
        this.#settle(event);
        handlers.onEvent(event);
      },
      onFailure: (failure) => {
        const detail = failure.kind === 'unreadable' ? 'a message from the trainer could not be read' : failure.detail;
        this.#rejectAll(new TrainerGoneError(detail ? `the trainer crashed: ${detail}` : 'the trainer crashed'));
        handlers.onCrash(detail);
      },
      onSilence: (silent) => handlers.onSilence?.(silent),
    });
  }

  /** Whether a worker is running. */
  get alive(): boolean {
    return this.#worker.alive;
  }

  /** Resolves or rejects the request `event` answers, if it answers one. */
  #settle(event: TrainerEvent): void {
    const id = event.id;
    if (id === undefined || event.type === 'dataProgress' || event.type === 'progress') return;
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (event.type === 'error') pending.reject(new TrainerRequestError(event));
    else pending.resolve(event);
  }

  #rejectAll(reason: Error): void {
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
      this.#pending.set(id, { resolve, reject });
      try {
        this.#worker.post({ ...command, id } as TrainerCommand, transfer);
      } catch (error) {
        this.#pending.delete(id);
        reject(asError(error));
      }
    });
  }

  /** Posts a command nobody waits for (pause); nothing happens without a worker. */
  send(command: CommandWithoutId): void {
    this.#worker.send({ ...command } as TrainerCommand);
  }

  /** Ends the worker (if any) and starts afresh on the next request. */
  restart(): void {
    this.#worker.end();
    this.#rejectAll(new TrainerGoneError('the trainer was restarted'));
  }

  /** Ends the worker for good (unmount). */
  dispose(): void {
    this.#worker.end();
    this.#rejectAll(new TrainerGoneError('the dashboard closed'));
  }
}
