/**
 * Data-parallel training on two workers: each step's batch is split in two
 * halves, the lead (the trainer worker) computes the gradients of the first
 * half while a helper worker computes those of the second, the lead sums them
 * and takes the one optimiser step, and the helper gets the new weights with
 * its next half batch. Only the lead has an optimiser, so both copies of the
 * weights are the same numbers by construction.
 *
 * Why the sum equals one worker's gradient: cross-entropy takes the mean over
 * the batch, so the gradient of the whole batch of n rows is
 *   (1/n) sum over all rows  =  (a/n) (mean over the first a rows) + ((n-a)/n) (mean over the rest).
 * Each worker returns the gradient of its own mean; the lead weighs them by
 * a/n and (n-a)/n. The result differs from one worker's only in the order the
 * floating-point sums are taken (tests/unit/training/parallel.test.ts).
 *
 * Randomness: the training order is a seeded shuffle both workers compute, and
 * dropout masks depend on the seed, the step, the layer and the row within the
 * whole batch (`nn.Dropout.rowOffset`), so a row is masked the same on either
 * worker. BatchNorm is not split: its batch statistics over half a batch are
 * not those of the whole batch, so the result would not be one worker's. A
 * model with BatchNorm trains on one worker ({@link canSplit}). The dashboard's
 * layer set has no BatchNorm, so this only matters to code that builds its own.
 *
 * Two transports, chosen by the lead:
 * - 'shared': where the page is cross-origin isolated, weights and gradients
 *   live in two SharedArrayBuffers; the per-step messages carry only numbers.
 *   An Atomics counter orders the writes before the reads. Where the two are
 *   different threads, each also blocks on that counter (`Atomics.wait`) for
 *   the other instead of waiting for a message: the lead for the helper's half
 *   (up to `blockMs`), the helper for the next half batch (up to `waitMs`, then
 *   it goes back to its messages). A message between two workers took about
 *   0.7 ms to arrive in Chromium, a tenth of a LeNet-5 step. The messages still
 *   go both ways, so every shard has its one answer; one that arrives after its
 *   half was taken at the counter is a receipt.
 * - 'messages': elsewhere, the weights go down and the gradients come up as
 *   transferred ArrayBuffers (moved, not copied, a quarter of a megabyte for LeNet-5).
 * If the helper fails at any point, the lead carries on alone: the step in
 * flight is redone on the whole batch, and later steps stay on one worker.
 */
import type { RawImageSet } from '../engine/datasets/format.ts';
import { nn } from '../engine/index.ts';
import type { TrainConfig } from './config.ts';
import { Trainer, indexRange } from './trainer.ts';
import type { EvalReport, StepReport } from './trainer.ts';

/** How the two workers exchange weights and gradients. */
export type Transport = 'shared' | 'messages';

/**
 * The 'shared' transport's memory: weights, gradients, an Int32 sequence counter,
 * the helper's next half batch (three Int32: step, from, to) and its half's loss
 * and correct count (two Float64).
 */
export interface SharedBuffers {
  weights: SharedArrayBuffer;
  gradients: SharedArrayBuffer;
  sequence: SharedArrayBuffer;
  shard: SharedArrayBuffer;
  report: SharedArrayBuffer;
}

interface SharedViews {
  weights: Float32Array;
  gradients: Float32Array;
  sequence: Int32Array;
  shard: Int32Array;
  report: Float64Array;
}

function viewsOf(buffers: SharedBuffers): SharedViews {
  return {
    weights: new Float32Array(buffers.weights),
    gradients: new Float32Array(buffers.gradients),
    sequence: new Int32Array(buffers.sequence),
    shard: new Int32Array(buffers.shard),
    report: new Float64Array(buffers.report),
  };
}

/** Blocks until `counter[0]` is `target` or `ms` have passed; whether it got there. */
function waitForCount(counter: Int32Array, target: number, ms: number): boolean {
  const deadline = performance.now() + ms;
  for (;;) {
    const seen = Atomics.load(counter, 0);
    if (seen === target) return true;
    const left = deadline - performance.now();
    if (left <= 0) return false;
    Atomics.wait(counter, 0, seen, left);
  }
}

/** Lead -> helper. */
export type HelperCommand =
  | {
      type: 'setup';
      config: TrainConfig;
      /** The training and test sets: sent once per dataset, then kept by the helper (omitted when it has them). */
      train?: RawImageSet;
      test?: RawImageSet;
      /** Which dataset's sets to use (the key of `train` and `test`). */
      dataKey: string;
      /** The engine backend the lead runs on, so both compute alike. */
      backend: string;
      /** 'shared' transport: the shared memory. */
      shared?: SharedBuffers;
    }
  | {
      type: 'shard';
      /** Which step (from 0) and which rows of its batch. */
      step: number;
      from: number;
      to: number;
      /** 'messages' transport: the current weights. */
      weights?: Float32Array;
      /** 'shared' transport: the counter value that says the weights are written. */
      sequence?: number;
    }
  | {
      /** Score test images [from, to) with these weights (the lead scores the rest). */
      type: 'score';
      from: number;
      to: number;
      weights: Float32Array;
    };

/** Helper -> lead. */
export type HelperEvent =
  | { type: 'setupDone'; parameterCount: number; backend: string }
  | {
      type: 'shardDone';
      step: number;
      loss: number;
      correct: number;
      count: number;
      /** 'messages' transport: the shard's gradients. */
      gradients?: Float32Array;
      /** 'shared' transport: the counter value that says the gradients are written. */
      sequence?: number;
      /** 'shared' transport: the helper took this half batch at the counter, before its message came. */
      atCounter?: boolean;
    }
  | { type: 'scoreDone'; report: EvalReport }
  | { type: 'failed'; message: string };

/** The lead's view of the helper: a Worker, a MessagePort, or an in-process stand-in in tests. */
export interface HelperLink {
  post(command: HelperCommand, transfer?: Transferable[]): void;
  /** Called with every event the helper sends. */
  onEvent: ((event: HelperEvent) => void) | null;
  /** Called once if the helper dies (a Worker's `error`). */
  onFailure: ((message: string) => void) | null;
  /** Ends the helper. */
  end(): void;
}

/** Whether a model's steps can be split across workers and still equal one worker's. */
export function canSplit(model: nn.Module): boolean {
  for (const m of model.modules()) if (m instanceof nn.BatchNorm2d) return false;
  return true;
}

/** Rows `[0, a)` for the lead and `[a, n)` for the helper: the lead takes the odd row. */
export function splitPoint(count: number): number {
  return Math.ceil(count / 2);
}

// ---------------------------------------------------------------------------
// Helper side

/** What a helper needs from where it runs. */
export interface HelperHost {
  post(event: HelperEvent, transfer?: Transferable[]): void;
  /** Switches the engine to the lead's backend (the worker awaits `ready()` first). */
  useBackend(name: string): Promise<string>;
  /**
   * 'shared' transport: how long the helper keeps blocking on the shared counter for
   * the next half batch before it goes back to its messages (default 0: never block).
   * Only on a thread of its own.
   */
  waitMs?: number;
}

/**
 * The helper's end: builds a trainer from the lead's config (the weights
 * arrive with each shard) and answers shards with gradients.
 */
export class HelperServer {
  readonly #host: HelperHost;
  readonly #sets = new Map<string, { train: RawImageSet; test: RawImageSet }>();
  #trainer: Trainer | null = null;
  #shared: SharedViews | null = null;
  /** 'shared' transport: the counter value of the last half batch taken (the lead's publication). */
  #taken = 0;
  #queue: Promise<void> = Promise.resolve();

  constructor(host: HelperHost) {
    this.#host = host;
  }

  /** Handles one command, in order; failures become `failed` events. */
  handle(command: HelperCommand): Promise<void> {
    this.#queue = this.#queue.then(async () => {
      try {
        if (command.type === 'setup') await this.#setup(command);
        else if (command.type === 'score') this.#score(command);
        else this.#shard(command);
      } catch (error) {
        this.#host.post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    });
    return this.#queue;
  }

  async #setup(command: Extract<HelperCommand, { type: 'setup' }>): Promise<void> {
    const backend = await this.#host.useBackend(command.backend);
    if (command.train) {
      // One dataset at a time: a new one replaces the old, to keep memory as it was.
      this.#sets.clear();
      this.#sets.set(command.dataKey, { train: command.train, test: command.test ?? command.train });
    }
    const sets = this.#sets.get(command.dataKey);
    if (!sets) throw new Error(`the helper has no training set ${command.dataKey}`);
    this.#trainer = new Trainer(command.config, sets);
    this.#shared = command.shared ? viewsOf(command.shared) : null;
    // The lead is not stepping during a setup: every half batch from now on is published above this.
    this.#taken = this.#shared ? Atomics.load(this.#shared.sequence, 0) : 0;
    this.#host.post({ type: 'setupDone', parameterCount: this.#trainer.parameterCount, backend });
  }

  #score(command: Extract<HelperCommand, { type: 'score' }>): void {
    const t = this.#trainer;
    if (!t) throw new Error('the helper was asked to score before setup');
    t.writeWeights(command.weights);
    const run = t.evaluation(undefined, indexRange(command.from, command.to));
    let next = run.next();
    while (!next.done) next = run.next();
    this.#host.post({ type: 'scoreDone', report: next.value });
  }

  #shard(command: Extract<HelperCommand, { type: 'shard' }>): void {
    const shared = this.#shared;
    // Already taken at the counter (and answered): this message came after its half batch.
    if (shared && command.sequence !== undefined && command.sequence <= this.#taken) return;
    this.#compute(command, false);
    const waitMs = this.#host.waitMs ?? 0;
    if (!shared || waitMs <= 0) return;
    // Keep taking half batches at the counter while the lead keeps publishing them.
    for (;;) {
      const next = this.#taken + 2; // our add made it #taken + 1; the lead's next publication adds one more
      if (!waitForCount(shared.sequence, next, waitMs)) return;
      this.#compute({ type: 'shard', step: shared.shard[0], from: shared.shard[1], to: shared.shard[2], sequence: next }, true);
    }
  }

  #compute(command: Extract<HelperCommand, { type: 'shard' }>, atCounter: boolean): void {
    const t = this.#trainer;
    if (!t) throw new Error('the helper got a shard before setup');
    const shared = this.#shared;
    if (shared) {
      // Reading the counter the lead stored after writing the weights orders those writes before our reads.
      const seen = Atomics.load(shared.sequence, 0);
      if (seen !== command.sequence) throw new Error(`shared weights out of step: counter ${seen}, expected ${command.sequence}`);
      this.#taken = seen;
      t.writeWeights(shared.weights);
    } else {
      if (!command.weights) throw new Error('a shard without weights');
      t.writeWeights(command.weights);
    }
    const report = t.shardGradients(command.step, command.from, command.to);
    if (shared) {
      t.readGradients(shared.gradients);
      shared.report[0] = report.loss;
      shared.report[1] = report.correct;
      // The add publishes the gradients and the report; the notify wakes a lead blocked on the counter.
      const sequence = Atomics.add(shared.sequence, 0, 1) + 1;
      Atomics.notify(shared.sequence, 0);
      this.#host.post({ type: 'shardDone', step: command.step, ...report, sequence, ...(atCounter ? { atCounter } : {}) });
    } else {
      const gradients = t.readGradients(new Float32Array(t.parameterCount));
      this.#host.post({ type: 'shardDone', step: command.step, ...report, gradients }, [gradients.buffer]);
    }
  }
}

// ---------------------------------------------------------------------------
// Lead side

/** Whether this runtime can share memory with a worker (the page is cross-origin isolated). */
export function sharedMemoryAvailable(): boolean {
  const scope = globalThis as { crossOriginIsolated?: boolean };
  return typeof SharedArrayBuffer === 'function' && typeof Atomics === 'object' && scope.crossOriginIsolated === true;
}

interface Waiting {
  resolve(event: HelperEvent): void;
  reject(error: Error): void;
}

/** Options of a {@link ParallelStepper}. */
export interface ParallelOptions {
  /**
   * 'shared' transport: how long the lead may block on the shared counter for the
   * helper's half before it awaits the helper's message instead (default 0: never
   * block). Only where the helper is another thread: blocking the thread the helper
   * runs on would only stall it.
   */
  blockMs?: number;
}

/**
 * The lead's end: sets the helper up for a trainer, then trains steps split in
 * two. `workers` says how many are in use now: 2, or 1 once the helper failed
 * (or before a successful setup).
 */
export class ParallelStepper {
  readonly transport: Transport;
  /** How each split step got the helper's half: read at the shared counter, or from the helper's message. */
  readonly arrivals = { counter: 0, message: 0 };
  readonly #link: HelperLink;
  readonly #blockMs: number;
  /** Commands sent and not yet answered, oldest first: the helper answers in order. */
  #waiting: Waiting[] = [];
  #failed: string | null = null;
  #trainer: Trainer | null = null;
  #sentData: string | null = null;
  #shared: (SharedViews & { buffers: SharedBuffers }) | null = null;
  #combined: Float32Array = new Float32Array(0);
  #own: Float32Array = new Float32Array(0);

  constructor(link: HelperLink, transport: Transport, options: ParallelOptions = {}) {
    this.#link = link;
    this.transport = transport;
    this.#blockMs = options.blockMs ?? 0;
    link.onEvent = (event) => {
      if (event.type === 'failed') this.#fail(`the helper worker failed: ${event.message}`);
      else this.#waiting.shift()?.resolve(event);
    };
    link.onFailure = (message) => this.#fail(`the helper worker stopped: ${message}`);
  }

  /** Why the helper is out of use, or null while it works. */
  get failure(): string | null {
    return this.#failed;
  }

  /** Workers training the current trainer's steps: 2 once set up, 1 otherwise. */
  get workers(): 1 | 2 {
    return this.#trainer !== null && this.#failed === null ? 2 : 1;
  }

  #fail(message: string): void {
    if (this.#failed === null) this.#failed = message;
    this.#trainer = null;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const w of waiting) w.reject(new Error(message));
    this.#link.end();
  }

  #ask(command: HelperCommand, transfer: Transferable[] = []): Promise<HelperEvent> {
    if (this.#failed !== null) return Promise.reject(new Error(this.#failed));
    return new Promise<HelperEvent>((resolve, reject) => {
      this.#waiting.push({ resolve, reject });
      this.#link.post(command, transfer);
    });
  }

  /**
   * Gives the helper `trainer`'s config and data (the data only when it is new
   * to the helper). Resolves to the number of workers that will train it:
   * 1 when the model cannot be split or the helper failed.
   */
  async setup(trainer: Trainer, dataKey: string, backend: string): Promise<1 | 2> {
    this.#trainer = null;
    if (this.#failed !== null || !canSplit(trainer.model)) return 1;
    const n = trainer.parameterCount;
    let shared: SharedBuffers | undefined;
    if (this.transport === 'shared') {
      if (!this.#shared || this.#shared.weights.length !== n) {
        const buffers = {
          weights: new SharedArrayBuffer(n * 4),
          gradients: new SharedArrayBuffer(n * 4),
          sequence: new SharedArrayBuffer(4),
          shard: new SharedArrayBuffer(12),
          report: new SharedArrayBuffer(16),
        };
        this.#shared = { buffers, ...viewsOf(buffers) };
      }
      shared = this.#shared.buffers;
    }
    const sendData = this.#sentData !== dataKey;
    try {
      const answer = await this.#ask({
        type: 'setup',
        config: trainer.config,
        dataKey,
        backend,
        ...(sendData ? { train: trainer.train, test: trainer.test } : {}),
        ...(shared ? { shared } : {}),
      });
      if (answer.type !== 'setupDone' || answer.parameterCount !== n) {
        this.#fail(`the helper built a model of ${answer.type === 'setupDone' ? answer.parameterCount : '?'} parameters, the lead one of ${n}`);
        return 1;
      }
    } catch {
      return 1;
    }
    this.#sentData = dataKey;
    this.#trainer = trainer;
    if (this.#combined.length !== n) {
      this.#combined = new Float32Array(n);
      this.#own = new Float32Array(n);
    }
    return 2;
  }

  /**
   * Trains `trainer`'s next step on both workers (or on the lead alone for a
   * batch of one, a trainer the helper was not set up for, or after a failure).
   */
  async step(trainer: Trainer): Promise<StepReport> {
    if (trainer !== this.#trainer || this.#failed !== null) return trainer.trainStep();
    const started = trainer.now();
    const step = trainer.globalStep;
    const { count } = trainer.batchAt(step);
    if (count < 2) return trainer.trainStep();
    const a = splitPoint(count);

    let reply: Promise<HelperEvent>;
    let sent = 0;
    if (this.transport === 'shared') {
      const shared = this.#shared!;
      trainer.readWeights(shared.weights);
      shared.shard[0] = step;
      shared.shard[1] = a;
      shared.shard[2] = count;
      // The add publishes the weights and the half batch: the helper loads the counter before reading them.
      sent = Atomics.add(shared.sequence, 0, 1) + 1;
      Atomics.notify(shared.sequence, 0);
      reply = this.#ask({ type: 'shard', step, from: a, to: count, sequence: sent });
    } else {
      const weights = trainer.readWeights(new Float32Array(trainer.parameterCount));
      reply = this.#ask({ type: 'shard', step, from: a, to: count, weights }, [weights.buffer]);
    }
    // Whatever happens to the helper, its answer must not go unhandled while we compute.
    const settled = reply.then(
      (event) => ({ event, error: null }),
      (error: Error) => ({ event: null, error }),
    );
    const mine = trainer.shardGradients(step, 0, a);
    let helperLoss: number;
    let helperCorrect: number;
    let theirs: Float32Array;
    const shared = this.#shared;
    if (this.transport === 'shared' && this.#blockMs > 0 && waitForCount(shared!.sequence, sent + 1, this.#blockMs)) {
      // The helper's add published its half; its message follows and is only a receipt.
      helperLoss = shared!.report[0];
      helperCorrect = shared!.report[1];
      theirs = shared!.gradients;
      this.arrivals.counter++;
    } else {
      const { event } = await settled;
      if (!event || event.type !== 'shardDone' || event.step !== step) {
        // Carry on alone: the whole batch on the lead, as if it had always been one worker.
        if (event) this.#fail(`the helper answered ${event.type} for step ${event.type === 'shardDone' ? event.step : '?'}, expected step ${step}`);
        return trainer.trainStep();
      }
      if (this.transport === 'shared') {
        const seen = Atomics.load(shared!.sequence, 0);
        if (seen !== event.sequence) {
          this.#fail(`shared gradients out of step: counter ${seen}, expected ${event.sequence}`);
          return trainer.trainStep();
        }
        theirs = shared!.gradients;
      } else {
        theirs = event.gradients!;
      }
      helperLoss = event.loss;
      helperCorrect = event.correct;
      this.arrivals.message++;
    }
    const own = trainer.readGradients(this.#own);
    const combined = this.#combined;
    const wa = a / count;
    const wb = (count - a) / count;
    for (let i = 0; i < combined.length; i++) combined[i] = wa * own[i] + wb * theirs[i];
    trainer.applyGradients(combined);
    return trainer.reportFor(step, wa * mine.loss + wb * helperLoss, mine.correct + helperCorrect, count, started);
  }

  /**
   * Scores test images [from, to) on the helper, with `trainer`'s weights as they
   * are now, while the lead scores the rest. Null when the helper is out of use
   * (then the lead scores them itself).
   */
  async score(trainer: Trainer, from: number, to: number): Promise<EvalReport | null> {
    if (trainer !== this.#trainer || this.#failed !== null) return null;
    const weights = trainer.readWeights(new Float32Array(trainer.parameterCount));
    try {
      const answer = await this.#ask({ type: 'score', from, to, weights }, [weights.buffer]);
      if (answer.type === 'scoreDone') return answer.report;
      this.#fail(`the helper answered ${answer.type} to score, expected scoreDone`);
    } catch {
      // the failure is recorded; the lead scores these images itself
    }
    return null;
  }

  /** Ends the helper. */
  dispose(): void {
    this.#fail('the trainer closed');
  }
}
