/**
 * The training loop, as a plain object that trains one batch per call: the
 * worker calls it between messages, Node tests and the bench call it in a loop.
 *
 * Reproducible: the initial weights, every epoch's order of the training images
 * and every dropout mask come from the config's seed, and nothing else is
 * random, so the same config gives the same losses, bit for bit.
 *
 * Data-parallel steps (src/training/parallel.ts) use the same loop in pieces:
 * {@link Trainer.shardGradients} computes the gradients of some rows of a
 * step's batch, {@link Trainer.applyGradients} takes one optimiser step with
 * gradients summed elsewhere. Dropout masks are a function of the seed, the
 * step, the layer and the row within the batch, so a row is dropped the same
 * wherever it is computed.
 */
import { ArrayPool, Tensor, crossEntropy, lastingArrays, nn, noGrad, optim } from '../engine/index.ts';
import type { RawImageSet } from '../engine/datasets/format.ts';
import { Random } from '../engine/random.ts';
import { buildModel } from './architecture.ts';
import type { BuiltModel, LayerRow } from './architecture.ts';
import { DATASET_SCALING, checkTrainConfig } from './config.ts';
import type { OptimizerConfig, TrainConfig } from './config.ts';
import { argmaxRow, emptyConfusion, softmaxRows } from './metrics.ts';
import { forwardRecording } from './inspect.ts';

/** The images a run trains and tests on, as bytes (see `datasets.loadRaw`). */
export interface TrainingSets {
  train: RawImageSet;
  test: RawImageSet;
}

/** What one training step did. */
export interface StepReport {
  /** The epoch this batch belonged to, from 1. */
  epoch: number;
  /** Its position in that epoch, from 1. */
  step: number;
  /** Batches trained so far in the run, this one included. */
  globalStep: number;
  /** Mean cross-entropy of the batch (before the update). */
  loss: number;
  /** Images of the batch the network classified right (before the update). */
  correct: number;
  /** Images in the batch. */
  count: number;
  /** Wall-clock seconds the step took. */
  seconds: number;
  /** True when this batch finished an epoch. */
  endOfEpoch: boolean;
}

/** A test-set score. */
export interface EvalReport {
  accuracy: number;
  /** Mean cross-entropy. */
  loss: number;
  /** confusion[label][predicted]. */
  confusion: number[][];
  /** Every misclassified test image, in test-set order. */
  misclassified: { index: number; label: number; predicted: number; confidence: number }[];
  count: number;
}

/** What the network makes of one test image, layer by layer. */
export interface InspectionReport {
  testIndex: number;
  label: number;
  predicted: number;
  probabilities: number[];
  /** The image as it looks, [C, H, W] in [0, 1] (the network saw it standardised). */
  input: Float32Array;
  layers: {
    name: string;
    type: string;
    shape: number[];
    activations: Float32Array;
    filters?: Float32Array;
    filterShape?: number[];
  }[];
}

/** Options of the {@link Trainer}. */
export interface TrainerOptions {
  /** A model built already (from a weights file, say); default: built from the config. */
  built?: BuiltModel;
  /** Batches already trained, when resuming a saved model (default 0). */
  startStep?: number;
  /** Clock in milliseconds (default `performance.now`). */
  now?: () => number;
}

/** What one shard of a batch gave: its gradients sit in the model's `.grad`s. */
export interface ShardReport {
  /** Mean cross-entropy over the shard's rows. */
  loss: number;
  correct: number;
  /** Rows in the shard. */
  count: number;
}

/** Where a step's batch lies in the training order. */
export interface BatchPlace {
  /** From 0. */
  epochIndex: number;
  /** From 0. */
  stepInEpoch: number;
  /** Images in this batch (the last batch of an epoch may be short). */
  count: number;
}

/** Images per forward pass when evaluating: large enough to keep the kernels busy, small enough for memory. */
const EVAL_CHUNK = 500;

/** Test images in the sample scored while training ({@link Trainer.testSubset}). */
export const TEST_SUBSET_SIZE = 500;

/** The optimiser a config asks for, over `params`. */
/** Test-set indices from..to-1, for scoring a part of the set. */
export function indexRange(from: number, to: number): Uint32Array {
  return new Uint32Array(Math.max(0, to - from)).map((_, i) => from + i);
}

/**
 * One score from the scores of two parts of a test set, `first` being the part with
 * the lower indices (so the misclassified images stay in test-set order).
 */
export function mergeEvalReports(first: EvalReport, second: EvalReport): EvalReport {
  const count = first.count + second.count;
  const misclassified = [...first.misclassified, ...second.misclassified];
  return {
    accuracy: count > 0 ? (count - misclassified.length) / count : NaN,
    loss: count > 0 ? (first.loss * first.count + second.loss * second.count) / count : NaN,
    confusion: first.confusion.map((row, label) => row.map((n, predicted) => n + second.confusion[label][predicted])),
    misclassified,
    count,
  };
}

export function makeOptimizer(params: Tensor[], config: OptimizerConfig): optim.SGD | optim.Adam {
  const { lr, weightDecay } = config;
  switch (config.kind) {
    case 'sgd':
      return new optim.SGD(params, { lr, weightDecay });
    case 'momentum':
      return new optim.SGD(params, { lr, momentum: config.momentum, weightDecay });
    case 'adam':
      return new optim.Adam(params, { lr, weightDecay });
    default:
      throw new Error(`optimizer.kind must be 'sgd', 'momentum' or 'adam', got ${JSON.stringify((config as { kind: unknown }).kind)}`);
  }
}

/** The first `limit` images of a set (all of them without a limit). */
export function firstImages(set: RawImageSet, limit: number | undefined): RawImageSet {
  if (limit === undefined || limit >= set.count) return set;
  const size = set.shape[0] * set.shape[1] * set.shape[2];
  return { ...set, count: limit, pixels: set.pixels.subarray(0, limit * size), labels: set.labels.subarray(0, limit) };
}

/** How bytes become network inputs: (byte / 255 - mean) / std. */
export interface InputScaling {
  mean: number;
  std: number;
}

/** Plain [0, 1] values: what a picture looks like. */
const UNIT_SCALING: InputScaling = { mean: 0, std: 1 };

/**
 * Copies images `indices[from .. from+count)` of `set` into `out`, one after
 * another, scaled from bytes by `scaling`, and their labels into `labels`.
 */
function gather(
  set: RawImageSet,
  indices: ArrayLike<number>,
  from: number,
  count: number,
  out: Float32Array,
  labels: Int32Array,
  scaling: InputScaling,
): void {
  const size = set.shape[0] * set.shape[1] * set.shape[2];
  const scale = 1 / (255 * scaling.std);
  const shift = scaling.mean / scaling.std;
  for (let j = 0; j < count; j++) {
    const i = indices[from + j];
    const src = i * size;
    const dst = j * size;
    for (let p = 0; p < size; p++) out[dst + p] = set.pixels[src + p] * scale - shift;
    labels[j] = set.labels[i];
  }
}

/** A seed for epoch `epoch`'s shuffle, well apart from the weight seeds. */
function epochSeed(seed: number, epoch: number): number {
  let h = (seed ^ 0x5bd1e995) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) + Math.imul(epoch + 1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The seed of dropout layer `layer`'s masks at step `step`: mixed so that neighbours differ. */
function dropoutSeed(seed: number, step: number, layer: number): number {
  let h = Math.imul(seed ^ 0x27d4eb2d, 0x165667b1) ^ Math.imul(step + 1, 0x85ebca77) ^ Math.imul(layer + 1, 0xc2b2ae3d);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * Trains a model on a dataset, one mini-batch per {@link trainStep} call.
 *
 * @example
 * const trainer = new Trainer(config, { train, test });
 * while (!trainer.done) trainer.trainStep();
 * trainer.evaluate().accuracy;
 */
export class Trainer {
  readonly config: TrainConfig;
  readonly model: nn.Module;
  readonly optimizer: optim.SGD | optim.Adam;
  /** The model's layers, as `summary` reports them for one image. */
  readonly layers: LayerRow[];
  readonly totalParams: number;
  readonly train: RawImageSet;
  readonly test: RawImageSet;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  /** The dataset's input standardisation (see `DATASET_SCALING`). */
  readonly scaling: InputScaling;
  #globalStep: number;
  #order: Uint32Array | null = null;
  #orderEpoch = -1;
  readonly #now: () => number;
  readonly #imageSize: number;
  #batchData: Float32Array;
  readonly #batchLabels: Int32Array;
  readonly #dropouts: nn.Dropout[];
  readonly #params: Tensor[];
  /**
   * Every step builds the same graph, so its activations and gradients reuse one
   * step's worth of memory (see ArrayPool: fresh memory costs page faults in a browser);
   * the test set's chunks reuse another.
   */
  readonly #stepMemory = new ArrayPool();
  readonly #evalMemory = new ArrayPool();
  /** Scalars in all parameters together: the length of a flat weights or gradient vector. */
  readonly parameterCount: number;

  constructor(config: TrainConfig, sets: TrainingSets, options: TrainerOptions = {}) {
    checkTrainConfig(config);
    this.config = structuredClone(config);
    this.train = firstImages(sets.train, config.trainLimit);
    this.test = firstImages(sets.test, config.testLimit);
    if (this.train.count === 0) throw new Error('Trainer: the training set is empty');
    const built = options.built ?? buildModel(config.architecture, { seed: config.seed, inputShape: this.train.shape, numClasses: this.train.classes.length });
    this.model = built.model;
    this.layers = built.layers;
    this.totalParams = built.summary.totalParams;
    this.model.train();
    this.optimizer = makeOptimizer(this.model.parameters(), config.optimizer);
    this.scaling = DATASET_SCALING[config.dataset];
    this.stepsPerEpoch = Math.ceil(this.train.count / config.batchSize);
    this.totalSteps = this.stepsPerEpoch * config.epochs;
    this.#globalStep = options.startStep ?? 0;
    this.#now = options.now ?? (() => performance.now());
    this.#imageSize = this.train.shape[0] * this.train.shape[1] * this.train.shape[2];
    this.#batchData = new Float32Array(config.batchSize * this.#imageSize);
    this.#batchLabels = new Int32Array(config.batchSize);
    this.#dropouts = [...this.model.modules()].filter((m): m is nn.Dropout => m instanceof nn.Dropout);
    this.#params = this.model.parameters();
    this.parameterCount = this.#params.reduce((n, p) => n + p.data.length, 0);
  }

  /** Batches trained so far. */
  get globalStep(): number {
    return this.#globalStep;
  }

  /** The epoch the next batch belongs to, from 1 (the last epoch once done). */
  get epoch(): number {
    return Math.min(Math.floor(this.#globalStep / this.stepsPerEpoch), this.config.epochs - 1) + 1;
  }

  /** Epochs completed, with a fraction for the current one. */
  get epochsDone(): number {
    return this.#globalStep / this.stepsPerEpoch;
  }

  /** Whether every epoch has been trained. */
  get done(): boolean {
    return this.#globalStep >= this.totalSteps;
  }

  /** Class names by label. */
  get classes(): readonly string[] {
    return this.train.classes;
  }

  /** The training-set order of epoch `epoch` (from 0): a seeded shuffle. */
  epochOrder(epoch: number): Uint32Array {
    if (this.#orderEpoch !== epoch || this.#order === null) {
      const order = this.#order ?? new Uint32Array(this.train.count);
      for (let i = 0; i < order.length; i++) order[i] = i;
      new Random(epochSeed(this.config.seed, epoch)).shuffle(order);
      this.#order = order;
      this.#orderEpoch = epoch;
    }
    return this.#order;
  }

  /** Where the batch of step `globalStep` (from 0) lies. */
  batchAt(globalStep: number): BatchPlace {
    const epochIndex = Math.floor(globalStep / this.stepsPerEpoch);
    const stepInEpoch = globalStep % this.stepsPerEpoch;
    const count = Math.min(this.config.batchSize, this.train.count - stepInEpoch * this.config.batchSize);
    return { epochIndex, stepInEpoch, count };
  }

  /**
   * Forward and backward over rows `[from, to)` of step `globalStep`'s batch:
   * fresh gradients (the mean over these rows) in every parameter's `.grad`.
   * The weights are not touched.
   */
  shardGradients(globalStep: number, from: number, to: number): ShardReport {
    const place = this.batchAt(globalStep);
    if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from < to && to <= place.count)) {
      throw new Error(`shardGradients: rows [${from}, ${to}) are not inside step ${globalStep}'s batch of ${place.count}`);
    }
    const count = to - from;
    const order = this.epochOrder(place.epochIndex);
    // The previous batch's graph is gone by now, so its buffer can be refilled;
    // only a batch of another size needs a buffer of its own.
    const data = count === this.config.batchSize ? this.#batchData : new Float32Array(count * this.#imageSize);
    const labels = count === this.config.batchSize ? this.#batchLabels : new Int32Array(count);
    gather(this.train, order, place.stepInEpoch * this.config.batchSize + from, count, data, labels, this.scaling);
    const images = new Tensor(data, [count, ...this.train.shape]);
    this.#dropouts.forEach((d, i) => {
      d.reseed(dropoutSeed(this.config.seed, globalStep, i));
      d.rowOffset = from;
    });

    const report = this.#stepMemory.run(() => {
      this.optimizer.zeroGrad();
      const logits = this.model.forward(images);
      const loss = crossEntropy(logits, labels);
      loss.backward();
      const classes = logits.shape[1];
      let correct = 0;
      for (let r = 0; r < count; r++) if (argmaxRow(logits.data, r * classes, classes) === labels[r]) correct++;
      return { loss: loss.item(), correct, count };
    });
    // The graph is done with: only the weights, their gradients and the model's buffers live on.
    this.#stepMemory.reclaim(lastingArrays(this.model));
    return report;
  }

  /** Copies every parameter's gradient, one after another, into `out` (length {@link parameterCount}). */
  readGradients(out: Float32Array): Float32Array {
    let at = 0;
    for (const p of this.#params) {
      if (p.grad) out.set(p.grad.data, at);
      else out.fill(0, at, at + p.data.length);
      at += p.data.length;
    }
    return out;
  }

  /** Copies every parameter's values into `out` (length {@link parameterCount}). */
  readWeights(out: Float32Array): Float32Array {
    let at = 0;
    for (const p of this.#params) {
      out.set(p.data, at);
      at += p.data.length;
    }
    return out;
  }

  /** Sets every parameter's values from `values` (as {@link readWeights} lays them out). */
  writeWeights(values: Float32Array): void {
    if (values.length !== this.parameterCount) throw new Error(`writeWeights: expected ${this.parameterCount} values, got ${values.length}`);
    let at = 0;
    for (const p of this.#params) {
      p.data.set(values.subarray(at, at + p.data.length));
      at += p.data.length;
    }
  }

  /**
   * One optimiser step with `gradients` (laid out as {@link readGradients}:
   * the whole batch's mean, summed from shards elsewhere), then on to the next step.
   */
  applyGradients(gradients: Float32Array): void {
    if (gradients.length !== this.parameterCount) throw new Error(`applyGradients: expected ${this.parameterCount} values, got ${gradients.length}`);
    let at = 0;
    for (const p of this.#params) {
      const g = gradients.subarray(at, at + p.data.length);
      if (p.grad) p.grad.data.set(g);
      else p.grad = new Tensor(g.slice(), p.shape);
      at += p.data.length;
    }
    this.optimizer.step();
    this.#globalStep++;
  }

  /** The report of step `globalStep` (from 0), from its loss and counts over the whole batch. */
  reportFor(globalStep: number, loss: number, correct: number, count: number, started: number): StepReport {
    const place = this.batchAt(globalStep);
    return {
      epoch: place.epochIndex + 1,
      step: place.stepInEpoch + 1,
      globalStep: globalStep + 1,
      loss,
      correct,
      count,
      seconds: (this.#now() - started) / 1000,
      endOfEpoch: place.stepInEpoch + 1 === this.stepsPerEpoch,
    };
  }

  /** Milliseconds on the trainer's clock. */
  now(): number {
    return this.#now();
  }

  /**
   * Trains one mini-batch: forward, cross-entropy, backward, optimiser step.
   * Past the last epoch it keeps going into further epochs (a learner may ask
   * for one more step); `done` says whether the planned run is over.
   */
  trainStep(): StepReport {
    const started = this.#now();
    const step = this.#globalStep;
    const shard = this.shardGradients(step, 0, this.batchAt(step).count);
    this.optimizer.step();
    this.#globalStep++;
    return this.reportFor(step, shard.loss, shard.correct, shard.count, started);
  }

  /** `images` in [0, 1] standardised as the network's inputs are (a new array). */
  standardise(images: Float32Array): Float32Array {
    const { mean, std } = this.scaling;
    return images.map((v) => (v - mean) / std);
  }

  /** Class probabilities for `count` images ([count, C, H, W] values in [0, 1]), in evaluation mode. */
  predict(images: Float32Array, count: number): Float32Array {
    const classes = this.classes.length;
    const inputs = this.standardise(images);
    return this.#inEvalMode(() => {
      const logits = this.model.forward(new Tensor(inputs, [count, ...this.train.shape]));
      return softmaxRows(logits.data, count, classes).probabilities;
    });
  }

  #inEvalMode<T>(fn: () => T): T {
    const wasTraining = this.model.training;
    this.model.eval();
    try {
      return noGrad(fn);
    } finally {
      this.model.train(wasTraining);
    }
  }

  /**
   * Scores the test set (or the test images at `indices`, such as {@link testSubset}'s)
   * in chunks, yielding the fraction done after each chunk so a caller can stay
   * responsive between them; returns the report.
   */
  *evaluation(chunk = EVAL_CHUNK, indices?: Uint32Array): Generator<number, EvalReport, void> {
    const set = this.test;
    const classes = this.classes.length;
    const confusion = emptyConfusion(classes);
    const misclassified: EvalReport['misclassified'] = [];
    indices ??= indexRange(0, set.count);
    const total = indices.length;
    const data = new Float32Array(Math.min(chunk, total) * this.#imageSize);
    const labels = new Int32Array(Math.min(chunk, total));
    let lossSum = 0;
    for (let from = 0; from < total; from += chunk) {
      const count = Math.min(chunk, total - from);
      gather(set, indices, from, count, data, labels, this.scaling);
      const probs = this.#evalMemory.run(() =>
        this.#inEvalMode(() => {
          const logits = this.model.forward(new Tensor(data.subarray(0, count * this.#imageSize), [count, ...set.shape]));
          const scored = softmaxRows(logits.data, count, classes, labels);
          lossSum += scored.lossSum;
          return scored.probabilities;
        }),
      );
      // softmaxRows made its own array: nothing of the chunk's forward pass is read again.
      this.#evalMemory.reclaim(lastingArrays(this.model));
      for (let r = 0; r < count; r++) {
        const predicted = argmaxRow(probs, r * classes, classes);
        const label = labels[r];
        confusion[label][predicted]++;
        if (predicted !== label) {
          misclassified.push({ index: indices[from + r], label, predicted, confidence: probs[r * classes + predicted] });
        }
      }
      if (from + count < total) yield (from + count) / total;
    }
    // Scoring is occasional: its chunk-sized arrays are not kept between scorings.
    this.#evalMemory.clear();
    const count = total;
    return { accuracy: count > 0 ? (count - misclassified.length) / count : NaN, loss: lossSum / count, confusion, misclassified, count };
  }

  /**
   * A fixed sample of the test set, `size` images spread evenly over it (every k-th),
   * scored often while training so the page has a test accuracy long before an epoch
   * ends. The same images every time, so the points of one run are comparable.
   */
  testSubset(size = TEST_SUBSET_SIZE): Uint32Array {
    const count = this.test.count;
    const n = Math.min(size, count);
    const indices = new Uint32Array(n);
    for (let i = 0; i < n; i++) indices[i] = Math.floor((i * count) / n);
    return indices;
  }

  /** Scores the test set in one go. */
  evaluate(chunk = EVAL_CHUNK): EvalReport {
    const run = this.evaluation(chunk);
    for (;;) {
      const next = run.next();
      if (next.done) return next.value;
    }
  }

  /** Test image `testIndex` as [C, H, W] values in [0, 1]. */
  testImage(testIndex: number): Float32Array {
    if (!Number.isInteger(testIndex) || testIndex < 0 || testIndex >= this.test.count) {
      throw new Error(`testIndex must be an integer from 0 to ${this.test.count - 1}, got ${JSON.stringify(testIndex)}`);
    }
    const out = new Float32Array(this.#imageSize);
    gather(this.test, [testIndex], 0, 1, out, new Int32Array(1), UNIT_SCALING);
    return out;
  }

  /** Every layer's activations for test image `testIndex`, with each convolution's filters. */
  inspect(testIndex: number): InspectionReport {
    const input = this.testImage(testIndex);
    const classes = this.classes.length;
    const { output, records } = this.#inEvalMode(() => forwardRecording(this.model, new Tensor(this.standardise(input), [1, ...this.train.shape])));
    const probabilities = Array.from(softmaxRows(output.data, 1, classes).probabilities);
    return {
      testIndex,
      label: this.test.labels[testIndex],
      predicted: argmaxRow(probabilities, 0, classes),
      probabilities,
      input,
      layers: records.map((r) => ({
        name: r.name,
        type: r.type,
        shape: r.output.shape.slice(1),
        activations: r.output.data.slice(),
        ...(r.filters ? { filters: r.filters.data.slice(), filterShape: [...r.filters.shape] } : {}),
      })),
    };
  }
}
