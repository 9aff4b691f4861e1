/**
 * The page's end of a Web Worker, for every widget that computes off the page's
 * thread: it starts the worker when first needed, hands on its messages, turns each
 * way the worker can fail into one call, and keeps a watch for silence. Widgets build
 * their own protocol on top (requests and answers, runs and verdicts); none of them
 * handles a Worker's events or timers itself.
 *
 * Failures. A worker that cannot even be constructed makes `post` throw. One whose
 * script fails to load or throws (the Worker's `error` event), or whose message cannot
 * be read (`messageerror`), is ended and reported once through `onFailure`. Messages
 * from a worker that was ended or replaced are ignored.
 *
 * Silence. A worker that has said nothing for `pingMs` is sent the protocol's ping;
 * one that leaves the ping unanswered for `silentMs` is reported by `onSilence(true)`,
 * and by `onSilence(false)` once it speaks again or is ended. Only an unanswered ping
 * counts, never mere quiet: a background tab runs the check rarely, but the worker's
 * answers still arrive on time. What silence means is the widget's call: lesson 1's
 * short runs give up on a silent worker, while the trainer only shows a notice, since
 * a legal but large network can spend minutes on one batch.
 */

/** The part of a `Worker` the client uses (tests hand in a fake). */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
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

/** How a worker failed: its script did not load or threw (`error`), or it sent what could not be read. */
export interface WorkerFailure {
  kind: 'error' | 'unreadable';
  /** The browser's message, when it gave one. */
  detail?: string;
}

/** What a {@link WorkerClient} needs: how to start the worker, its ping, and whom to tell. */
export interface WorkerClientOptions<Command, Message> {
  /** Starts the worker: the widget's `new Worker(new URL('…', import.meta.url), …)`. */
  create: () => WorkerLike;
  /** Every message of the current worker, except the answers to pings. */
  onMessage: (message: Message) => void;
  /** The worker failed and has been ended; the next `post` starts a fresh one. */
  onFailure: (failure: WorkerFailure) => void;
  /** A ping went unanswered for `silentMs` (true), or the worker spoke again or was ended (false). */
  onSilence?: (silent: boolean) => void;
  /** The protocol's "are you there?"; the worker answers it as soon as its event loop is free. */
  ping: Command;
  /** Recognises the answer to {@link ping}. */
  isPong: (message: Message) => boolean;
  watch?: SilenceWatch;
}

/** One worker at a time, started on demand, with its failures and silences reported. */
export class WorkerClient<Command, Message> {
  readonly #options: WorkerClientOptions<Command, Message>;
  readonly #watch: SilenceWatch;
  #worker: WorkerLike | null = null;
  #watchTimer: ReturnType<typeof setInterval> | null = null;
  #lastHeard = 0;
  /** When the unanswered ping went out, if one is out. */
  #pingSentAt: number | null = null;
  #silent = false;

  constructor(options: WorkerClientOptions<Command, Message>) {
    this.#options = options;
    this.#watch = options.watch ?? SILENCE_WATCH;
  }

  /** Whether a worker is running. */
  get alive(): boolean {
    return this.#worker !== null;
  }

  /**
   * Posts `message`, starting a worker first if there is none (and watching it).
   * Throws when the worker cannot be constructed or the message cannot be cloned.
   * `transfer` moves buffers instead of copying them.
   */
  post(message: Command, transfer: Transferable[] = []): void {
    this.#ensure().postMessage(message, transfer);
  }

  /** Posts `message` to the running worker, if there is one; returns whether it was sent. */
  send(message: Command, transfer: Transferable[] = []): boolean {
    if (!this.#worker) return false;
    this.#worker.postMessage(message, transfer);
    return true;
  }

  /**
   * Watches the current worker for silence (on), or stops (off: a worker with nothing
   * to do may stay quiet for ever). A new worker is always watched.
   */
  watch(on: boolean): void {
    if (!on) {
      this.#stopWatch();
      return;
    }
    if (!this.#worker || this.#watchTimer !== null) return;
    this.#lastHeard = performance.now();
    this.#pingSentAt = null;
    this.#watchTimer = setInterval(() => this.#check(), this.#watch.checkMs);
  }

  /** Ends the worker (if any); the next `post` starts afresh. */
  end(): void {
    const worker = this.#worker;
    this.#worker = null;
    worker?.terminate();
    this.#stopWatch();
  }

  #ensure(): WorkerLike {
    if (this.#worker) return this.#worker;
    const worker = this.#options.create();
    this.#worker = worker;
    worker.onmessage = (event: MessageEvent<Message>) => {
      if (worker === this.#worker) this.#receive(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      // The widget shows the failure itself; without this the browser also logs it.
      event.preventDefault?.();
      if (worker === this.#worker) this.#fail({ kind: 'error', ...(event.message ? { detail: event.message } : {}) });
    };
    worker.onmessageerror = () => {
      if (worker === this.#worker) this.#fail({ kind: 'unreadable' });
    };
    this.watch(true);
    return worker;
  }

  #receive(message: Message): void {
    this.#lastHeard = performance.now();
    this.#pingSentAt = null;
    this.#setSilent(false);
    if (this.#options.isPong(message)) return; // only the watch cares
    this.#options.onMessage(message);
  }

  #fail(failure: WorkerFailure): void {
    this.end();
    this.#options.onFailure(failure);
  }

  /** Pings a quiet worker, and reports one that leaves the ping unanswered. */
  #check(): void {
    const worker = this.#worker;
    if (!worker) return;
    const now = performance.now();
    if (this.#pingSentAt === null) {
      if (now - this.#lastHeard < this.#watch.pingMs) return;
      this.#pingSentAt = now;
      try {
        worker.postMessage(this.#options.ping);
      } catch {
        this.#pingSentAt = null; // not sent: try again at the next check
      }
      return;
    }
    if (now - this.#pingSentAt >= this.#watch.silentMs) this.#setSilent(true);
  }

  #setSilent(silent: boolean): void {
    if (this.#silent === silent) return;
    this.#silent = silent;
    this.#options.onSilence?.(silent);
  }

  #stopWatch(): void {
    if (this.#watchTimer !== null) clearInterval(this.#watchTimer);
    this.#watchTimer = null;
    this.#pingSentAt = null;
    this.#setSilent(false);
  }
}
