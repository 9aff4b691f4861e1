/**
 * The trainer behind the worker protocol (`src/training/protocol.ts`),
 * with no Worker in it: commands go in through `handle`, events come out
 * through the host's `post`. The worker file only wires this to `self`; tests
 * drive it directly in Node.
 *
 * Only one thing changes the weights at a time: training steps, evaluations,
 * resets and loads take turns through a small lock, so an evaluation that
 * yields between its chunks never sees weights move under it.
 */
import type { RawImageSet } from '../engine/datasets/format.ts';
import { ArchitectureError, IMAGE_SHAPE, NUM_CLASSES, buildModel } from './architecture.ts';
import { checkTrainConfig } from './config.ts';
import type { TrainConfig, TrainDataset } from './config.ts';
import { RunningStats, ThroughputMeter } from './metrics.ts';
import { Trainer, indexRange, mergeEvalReports } from './trainer.ts';
import type { EvalReport, StepReport } from './trainer.ts';
import type { ParallelStepper } from './parallel.ts';
import { WEIGHTS_EXTENSION, exportWeights, importWeights } from './weights.ts';
import type { TrainingMeta } from './weights.ts';
import {
  CLASSIFY_PIXELS,
  MAX_MISCLASSIFIED,
} from './protocol.ts';
import type {
  EvalResultEvent,
  TrainerCommand,
  TrainerCommandType,
  TrainerEvent,
  TrainerState,
  WeightsMetaInfo,
} from './protocol.ts';

/** What the session needs from where it runs. */
export interface SessionHost {
  /** Delivers an event to the page (postMessage in the worker). */
  post(event: TrainerEvent): void;
  /** Resolves after messages already queued have been handled (a macrotask). */
  yieldToMessages(): Promise<void>;
  /** Loads a dataset split as bytes, reporting bytes as they arrive. */
  loadData(dataset: TrainDataset, split: 'train' | 'test', onProgress: (loaded: number, total: number) => void, dataUrl?: string): Promise<RawImageSet>;
  /** Milliseconds (default `performance.now`). */
  now?(): number;
  /** A second worker to split each batch with (src/training/parallel.ts); without it, one worker trains. */
  helper?: ParallelStepper;
  /** The engine backend in use ('wasm', 'fast'), for the page's readout. */
  backend?(): string;
}

/** Minimum time between two progress events while running. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * Seconds of training between two scorings of the test sample (`subsetResult`). A slow
 * machine scores less often: the scoring never takes more than SUBSET_MAX_SHARE of the time.
 */
const SUBSET_INTERVAL_S = 5;
const SUBSET_MAX_SHARE = 0.1;

/** The error a command that needs a model gets before `init`. */
const NEEDS_INIT = 'the trainer has no model yet: send init first';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Serves the trainer protocol. */
export class TrainerSession {
  readonly #host: SessionHost;
  readonly #now: () => number;
  #trainer: Trainer | null = null;
  #state: TrainerState = 'empty';
  #sets = new Map<string, RawImageSet>();
  #dataUrl: string | undefined;
  /** Commands run one after another; `start` only launches the loop. */
  #queue: Promise<void> = Promise.resolve();
  /** Held by whatever changes or reads the weights across a yield. */
  #lock: Promise<void> = Promise.resolve();
  #running = false;
  #loop: Promise<void> | null = null;
  #stats = new RunningStats();
  #meter = new ThroughputMeter();
  #lastProgress = -Infinity;
  /** The latest batch trained but not yet reported (progress is throttled). */
  #unreported: StepReport | null = null;
  #lastAccuracy: number | null = null;
  /** Seconds trained since the test sample was last scored, and how long that scoring took. */
  #trainedSinceSubset = 0;
  #subsetSeconds = 0;
  #loadedFrom: WeightsMetaInfo | undefined;
  /** Workers training the current model: 2 with a helper that took it, else 1. */
  #workers: 1 | 2 = 1;

  constructor(host: SessionHost) {
    this.#host = host;
    this.#now = host.now ? () => host.now!() : () => performance.now();
  }

  /** The current state ('empty' until `init`). */
  get state(): TrainerState {
    return this.#state;
  }

  /** The trainer, for tests and tools in the same thread. */
  get trainer(): Trainer | null {
    return this.#trainer;
  }

  /**
   * Handles one command. Resolves when the command is done, except `start`,
   * which resolves once training is under way (see {@link whenStopped}).
   * Never rejects: failures become `error` events.
   */
  handle(command: TrainerCommand): Promise<void> {
    // pause must act at once, not after a queued command.
    if (command?.type === 'pause') {
      this.#running = false;
      return Promise.resolve();
    }
    // ping must not wait behind queued commands either: it asks whether the loop is free now.
    if (command?.type === 'ping') {
      this.#post({ type: 'pong', ...(typeof command.id === 'number' ? { id: command.id } : {}) });
      return Promise.resolve();
    }
    const run = this.#queue.then(() => this.#dispatch(command));
    this.#queue = run;
    return run;
  }

  /** Resolves when the training loop (if any) has stopped. */
  async whenStopped(): Promise<void> {
    while (this.#loop) await this.#loop;
  }

  async #dispatch(command: TrainerCommand): Promise<void> {
    const type = (command as { type?: unknown })?.type as TrainerCommandType;
    const id = typeof command?.id === 'number' ? command.id : undefined;
    try {
      switch (command.type) {
        case 'init':
          return await this.#init(command.config, id, command.dataUrl);
        case 'start':
          return this.#start(id);
        case 'step':
          return await this.#step(id);
        case 'reset':
          return await this.#reset(command.seed, id);
        case 'evaluate':
          return await this.#evaluate(id);
        case 'inspect':
          return this.#inspect(command.testIndex, id);
        case 'classify':
          return this.#classify(command.pixels, id);
        case 'exportWeights':
          return this.#export(id);
        case 'importWeights':
          return await this.#import(command.bytes, id, command.dataUrl);
        default:
          throw new Error(`unknown command ${JSON.stringify(type)}`);
      }
    } catch (error) {
      this.#post({
        type: 'error',
        message: messageOf(error),
        ...(id !== undefined ? { id } : {}),
        ...(typeof type === 'string' ? { command: type } : {}),
        ...(error instanceof ArchitectureError && error.layerIndex !== undefined ? { layerIndex: error.layerIndex } : {}),
        ...(error instanceof ArchitectureError && error.layerType !== undefined ? { layerType: error.layerType } : {}),
      });
    }
  }

  #post(event: TrainerEvent): void {
    this.#host.post(event);
  }

  #setState(state: TrainerState, id?: number): void {
    this.#state = state;
    this.#post({ type: 'status', state, ...(id !== undefined ? { id } : {}) });
  }

  #requireTrainer(): Trainer {
    if (!this.#trainer) throw new Error(NEEDS_INIT);
    return this.#trainer;
  }

  /** Runs `fn` when no other weight-changing work is in progress. */
  async #exclusive<T>(fn: () => Promise<T> | T): Promise<T> {
    const previous = this.#lock;
    let release!: () => void;
    this.#lock = new Promise((resolve) => (release = resolve));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Stops the loop (if running) and waits for it. */
  async #stop(): Promise<void> {
    this.#running = false;
    await this.whenStopped();
  }

  async #data(dataset: TrainDataset): Promise<{ train: RawImageSet; test: RawImageSet }> {
    const key = (split: string) => `${dataset}:${split}`;
    const cachedTrain = this.#sets.get(key('train'));
    const cachedTest = this.#sets.get(key('test'));
    if (cachedTrain && cachedTest) return { train: cachedTrain, test: cachedTest };
    const previousState = this.#state;
    this.#setState('loading');
    const progress = { train: { loaded: 0, total: 0 }, test: { loaded: 0, total: 0 } };
    const report = (split: 'train' | 'test') => (loaded: number, total: number) => {
      progress[split] = { loaded, total };
      this.#post({
        type: 'dataProgress',
        loaded: progress.train.loaded + progress.test.loaded,
        total: progress.train.total + progress.test.total,
      });
    };
    try {
      const [train, test] = await Promise.all([
        this.#host.loadData(dataset, 'train', report('train'), this.#dataUrl),
        this.#host.loadData(dataset, 'test', report('test'), this.#dataUrl),
      ]);
      this.#sets.set(key('train'), train);
      this.#sets.set(key('test'), test);
      return { train, test };
    } catch (error) {
      this.#setState(previousState);
      throw error;
    }
  }

  #ready(id: number | undefined): void {
    const t = this.#requireTrainer();
    this.#post({
      type: 'ready',
      ...(id !== undefined ? { id } : {}),
      config: structuredClone(t.config),
      layers: t.layers.map((l) => ({ name: l.name, type: l.type, outputShape: [...l.outputShape], params: l.params })),
      totalParams: t.totalParams,
      trainCount: t.train.count,
      testCount: t.test.count,
      stepsPerEpoch: t.stepsPerEpoch,
      classes: [...t.classes],
      inputShape: [...t.train.shape],
      step: t.globalStep,
      ...(this.#loadedFrom ? { loaded: this.#loadedFrom } : {}),
      ...this.#parallelism(),
    });
  }

  /** What the page shows of how training runs: backend, workers and whether memory is shared. */
  #parallelism(): { backend?: string; workers: number; sharedMemory: boolean } {
    const helper = this.#host.helper;
    const workers = helper && this.#workers === 2 ? helper.workers : 1;
    return {
      ...(this.#host.backend ? { backend: this.#host.backend() } : {}),
      workers,
      sharedMemory: workers === 2 && helper?.transport === 'shared',
    };
  }

  async #install(trainer: Trainer, loadedFrom?: WeightsMetaInfo, accuracy: number | null = null): Promise<void> {
    const helper = this.#host.helper;
    this.#workers = helper ? await helper.setup(trainer, trainer.config.dataset, this.#host.backend?.() ?? 'fast') : 1;
    this.#trainer = trainer;
    this.#loadedFrom = loadedFrom;
    this.#lastAccuracy = accuracy;
    this.#stats = new RunningStats();
    this.#meter = new ThroughputMeter();
    this.#lastProgress = -Infinity;
    this.#unreported = null;
    this.#trainedSinceSubset = 0;
    this.#subsetSeconds = 0;
  }

  async #init(config: TrainConfig, id: number | undefined, dataUrl?: string): Promise<void> {
    // Check what can be checked before stopping a run or downloading anything:
    // a broken stack is reported at once and the current run carries on.
    checkTrainConfig(config);
    const built = buildModel(config.architecture, { seed: config.seed, inputShape: IMAGE_SHAPE, numClasses: NUM_CLASSES });
    if (dataUrl !== undefined) this.#dataUrl = dataUrl;
    await this.#stop();
    const sets = await this.#data(config.dataset);
    const trainer = new Trainer(config, sets, { built, now: this.#now });
    await this.#exclusive(() => this.#install(trainer));
    this.#ready(id);
    this.#setState('idle');
  }

  #start(id: number | undefined): void {
    const t = this.#requireTrainer();
    if (this.#loop) return; // already running
    if (t.done) {
      throw new Error(`all ${t.config.epochs} epochs are trained: reset to train again, or init with more epochs`);
    }
    this.#running = true;
    this.#setState('running', id);
    this.#loop = this.#runLoop().finally(() => {
      this.#loop = null;
    });
  }

  async #runLoop(): Promise<void> {
    try {
      while (this.#running) {
        const t = this.#requireTrainer();
        if (t.done) break;
        const report = await this.#exclusive(() => this.#trainOne(t, false));
        if (report?.endOfEpoch) {
          await this.#evaluate(undefined);
          this.#trainedSinceSubset = 0;
        } else if (report) {
          this.#trainedSinceSubset += report.seconds;
          if (this.#trainedSinceSubset >= Math.max(SUBSET_INTERVAL_S, this.#subsetSeconds / SUBSET_MAX_SHARE)) {
            await this.#evaluateSubset();
          }
        }
        await this.#host.yieldToMessages();
      }
    } catch (error) {
      this.#post({ type: 'error', message: messageOf(error), command: 'start' });
    } finally {
      this.#running = false;
      const t = this.#trainer;
      // The page must show the step the run stopped on, not the last throttled one.
      if (t) this.#flushProgress(t);
      this.#setState(t && t.done ? 'done' : 'paused');
    }
  }

  /** One batch and its bookkeeping; a progress event when due (or when `forceProgress`). */
  async #trainOne(t: Trainer, forceProgress: boolean): Promise<StepReport | null> {
    if (t !== this.#trainer) return null; // replaced while waiting for the lock
    const helper = this.#host.helper;
    const report = helper && this.#workers === 2 ? await helper.step(t) : t.trainStep();
    if (!Number.isFinite(report.loss)) {
      this.#running = false;
      throw new Error(
        `the loss became ${report.loss} at step ${report.globalStep}: training diverged. Lower the learning rate and reset.`,
      );
    }
    this.#stats.add(report.loss, report.correct, report.count);
    this.#meter.add(report.count, report.seconds);
    this.#unreported = report;
    if (forceProgress || report.endOfEpoch || this.#now() - this.#lastProgress >= PROGRESS_INTERVAL_MS) this.#flushProgress(t);
    return report;
  }

  /** Posts progress for the batches trained since the last report, if any. */
  #flushProgress(t: Trainer): void {
    const report = this.#unreported;
    if (!report || t !== this.#trainer) return;
    this.#unreported = null;
    this.#lastProgress = this.#now();
    const { loss, accuracy } = this.#stats.take();
    const imagesLeft = Math.max(0, t.totalSteps - t.globalStep) * t.config.batchSize;
    this.#post({
      type: 'progress',
      epoch: report.epoch,
      step: report.step,
      stepsPerEpoch: t.stepsPerEpoch,
      globalStep: report.globalStep,
      totalSteps: t.totalSteps,
      imagesPerSec: this.#meter.imagesPerSec,
      etaSeconds: this.#meter.etaSeconds(imagesLeft),
      loss,
      trainAcc: accuracy,
      workers: this.#parallelism().workers,
    });
  }

  async #step(id: number | undefined): Promise<void> {
    const t = this.#requireTrainer();
    await this.#stop();
    await this.#exclusive(() => this.#trainOne(t, true));
    this.#setState(t.done ? 'done' : 'paused', id);
  }

  async #reset(seed: number | undefined, id: number | undefined): Promise<void> {
    const t = this.#requireTrainer();
    const config = seed === undefined ? t.config : { ...t.config, seed };
    checkTrainConfig(config);
    await this.#stop();
    const fresh = new Trainer(config, { train: this.#sets.get(`${config.dataset}:train`)!, test: this.#sets.get(`${config.dataset}:test`)! }, { now: this.#now });
    await this.#exclusive(() => this.#install(fresh));
    this.#ready(id);
    this.#setState('idle');
  }

  /** Scores the test images at `indices` (all of them by default) in chunks, letting messages in between. */
  async #score(t: Trainer, indices?: Uint32Array): Promise<EvalReport> {
    const run = t.evaluation(undefined, indices);
    let next = run.next();
    while (!next.done) {
      await this.#host.yieldToMessages();
      next = run.next();
    }
    return next.value;
  }

  /** The whole test set's score; with a helper, each worker scores half of it. */
  async #scoreTestSet(t: Trainer): Promise<EvalReport> {
    const helper = this.#host.helper;
    const n = t.test.count;
    if (!helper || this.#workers !== 2 || n < 2) return this.#score(t);
    const half = Math.ceil(n / 2);
    const theirs = helper.score(t, half, n);
    const mine = await this.#score(t, indexRange(0, half));
    const other = (await theirs) ?? (await this.#score(t, indexRange(half, n)));
    return mergeEvalReports(mine, other);
  }

  async #evaluate(id: number | undefined): Promise<void> {
    const t = this.#requireTrainer();
    await this.#exclusive(async () => {
      if (t !== this.#trainer) return;
      const report = await this.#scoreTestSet(t);
      this.#lastAccuracy = report.accuracy;
      const size = t.test.shape[0] * t.test.shape[1] * t.test.shape[2];
      const event: EvalResultEvent = {
        type: 'evalResult',
        ...(id !== undefined ? { id } : {}),
        epoch: t.epochsDone,
        globalStep: t.globalStep,
        testAcc: report.accuracy,
        testLoss: report.loss,
        confusion: report.confusion,
        misclassified: report.misclassified.slice(0, MAX_MISCLASSIFIED).map((m) => ({
          ...m,
          image: t.test.pixels.slice(m.index * size, (m.index + 1) * size),
        })),
        misclassifiedCount: report.misclassified.length,
      };
      this.#post(event);
    });
  }

  /** Scores the test sample between two batches of a run and posts `subsetResult`. */
  async #evaluateSubset(): Promise<void> {
    const t = this.#requireTrainer();
    await this.#exclusive(async () => {
      if (t !== this.#trainer) return;
      const started = this.#now();
      const indices = t.testSubset();
      const run = t.evaluation(undefined, indices);
      let next = run.next();
      while (!next.done) {
        await this.#host.yieldToMessages();
        next = run.next();
      }
      const report = next.value;
      this.#subsetSeconds = (this.#now() - started) / 1000;
      this.#trainedSinceSubset = 0;
      this.#post({
        type: 'subsetResult',
        epoch: t.epochsDone,
        globalStep: t.globalStep,
        testAcc: report.accuracy,
        testLoss: report.loss,
        count: indices.length,
      });
    });
  }

  #inspect(testIndex: number, id: number | undefined): void {
    const t = this.#requireTrainer();
    const report = t.inspect(testIndex);
    this.#post({ type: 'inspection', ...(id !== undefined ? { id } : {}), ...report });
  }

  #classify(pixels: Float32Array | number[], id: number | undefined): void {
    const t = this.#requireTrainer();
    const size = t.train.shape[0] * t.train.shape[1] * t.train.shape[2];
    if (size !== CLASSIFY_PIXELS) throw new Error(`classify: this model takes ${size} values per image, not a 28x28 drawing`);
    if (!pixels || typeof pixels.length !== 'number' || pixels.length !== CLASSIFY_PIXELS) {
      throw new Error(`classify: pixels must hold 28x28 = ${CLASSIFY_PIXELS} values, got ${pixels?.length}`);
    }
    const image = Float32Array.from(pixels);
    for (let i = 0; i < image.length; i++) {
      if (!Number.isFinite(image[i])) throw new Error(`classify: pixel ${i} is ${image[i]}, expected a number in [0, 1]`);
      image[i] = Math.min(1, Math.max(0, image[i]));
    }
    const probabilities = Array.from(t.predict(image, 1));
    let predicted = 0;
    for (let c = 1; c < probabilities.length; c++) if (probabilities[c] > probabilities[predicted]) predicted = c;
    this.#post({ type: 'classification', ...(id !== undefined ? { id } : {}), probabilities, predicted });
  }

  #meta(t: Trainer): TrainingMeta {
    return {
      epochs: Math.round(t.epochsDone * 1000) / 1000,
      steps: t.globalStep,
      testAccuracy: this.#lastAccuracy,
      seed: t.config.seed,
      date: new Date().toISOString(),
    };
  }

  #export(id: number | undefined): void {
    const t = this.#requireTrainer();
    const meta = this.#meta(t);
    const bytes = exportWeights(t.model, { config: t.config, inputShape: t.train.shape, classes: t.classes, meta });
    const arch = t.config.architecture.kind === 'zoo' ? t.config.architecture.model : t.config.architecture.kind;
    const accuracy = meta.testAccuracy === null ? 'untested' : (meta.testAccuracy * 100).toFixed(1);
    this.#post({
      type: 'weights',
      ...(id !== undefined ? { id } : {}),
      bytes,
      fileName: `convlab-${arch}-${t.config.dataset}-${accuracy}${WEIGHTS_EXTENSION}`,
      meta: { dataset: t.config.dataset, ...meta },
    });
  }

  async #import(bytes: Uint8Array, id: number | undefined, dataUrl?: string): Promise<void> {
    // Everything is checked, and the new model built and loaded, before the current one is touched.
    const file = importWeights(bytes);
    if (dataUrl !== undefined) this.#dataUrl = dataUrl;
    const sets = await this.#data(file.config.dataset);
    if (sets.train.shape.some((d, i) => d !== file.header.inputShape[i]) || sets.train.classes.length !== file.header.classes.length) {
      throw new Error(
        `the file's model takes [${file.header.inputShape.join(', ')}] images in ${file.header.classes.length} classes, but ${file.config.dataset} has [${sets.train.shape.join(', ')}] in ${sets.train.classes.length}`,
      );
    }
    const trainer = new Trainer(file.config, sets, { built: file.built, startStep: file.meta.steps, now: this.#now });
    await this.#stop();
    await this.#exclusive(() => this.#install(trainer, { dataset: file.config.dataset, ...file.meta }, file.meta.testAccuracy));
    this.#ready(id);
    this.#setState(trainer.done ? 'done' : 'idle');
  }
}
