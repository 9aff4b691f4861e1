/**
 * Lesson 1's experiment, as plain code: train a small fully connected net and a
 * small convolutional net on the same canonical X/O pictures, then test both on
 * pictures drawn differently (shifted, tilted, shorter strokes, thicker pen).
 *
 * The Web Worker runs this for the page; a Vitest test runs the very same code in
 * Node, so the lesson's claim ("the CNN copes with a shift, the MLP does not") is
 * checked on every build rather than asserted in prose.
 */
import { Random, Tensor, argmax, crossEntropy, manualSeed, nn, noGrad, optim, softmax, tensor } from '../../engine/index.ts';
import { xo } from '../../engine/datasets/xo.ts';
import { XO_EXPERIMENT_DEFAULTS, XO_MODELS, XO_TEST_SETS } from './config.ts';
import type { PerModel, XoExperimentOptions, XoTestSet } from './config.ts';

export { XO_EXPERIMENT_DEFAULTS, XO_MODELS, XO_TEST_SETS } from './config.ts';
export type { PerModel, XoExperimentOptions, XoModelKind, XoTestSet } from './config.ts';

/** What one training step reports. */
export interface XoProgress {
  /** 1-based step just taken. */
  step: number;
  steps: number;
  /** Mini-batch cross-entropy before the update. */
  loss: PerModel<number>;
  /** Fraction of the mini-batch classified correctly, before the update. */
  trainAccuracy: PerModel<number>;
}

/** The outcome of a run. */
export interface XoExperimentResult {
  /** Test accuracy (0..1) of each network on each test set. */
  accuracy: Record<XoTestSet, PerModel<number>>;
  /** Trainable parameters of each network. */
  params: PerModel<number>;
  /** The last step's report. */
  final: XoProgress;
}

/**
 * 81 pixels in, one hidden layer, 2 scores out: every pixel has its own weight
 * into every hidden unit, so the net knows nothing of which pixels are neighbours.
 */
export function buildMlp(size: number, hidden: number): nn.Sequential {
  return new nn.Sequential(new nn.Flatten(), new nn.Linear(size * size, hidden), new nn.ReLU(), new nn.Linear(hidden, 2));
}

/**
 * A few 3x3 filters slid over the whole picture, then for each filter only its
 * strongest response anywhere (max pooling over the whole map), then 2 scores.
 * The same filter is used at every position, so a pattern moved by a pixel is
 * still the same pattern to it.
 */
export function buildCnn(size: number, filters: number): nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(1, filters, 3, { padding: 1 }),
    new nn.ReLU(),
    new nn.MaxPool2d(size),
    new nn.Flatten(),
    new nn.Linear(filters, 2),
  );
}

/** Number of trainable values in a model. */
export function countParameters(model: nn.Module): number {
  let n = 0;
  for (const p of model.parameters()) n += p.numel();
  return n;
}

function batchOf(images: Float32Array, labels: Uint8Array, indices: readonly number[], pixels: number, size: number): [Tensor, number[]] {
  const data = new Float32Array(indices.length * pixels);
  indices.forEach((src, k) => data.set(images.subarray(src * pixels, (src + 1) * pixels), k * pixels));
  return [tensor(data, [indices.length, 1, size, size]), indices.map((i) => labels[i])];
}

function accuracyOf(logits: Tensor, targets: readonly number[]): number {
  const predicted = argmax(logits, 1);
  let correct = 0;
  for (let i = 0; i < targets.length; i++) if (predicted[i] === targets[i]) correct++;
  return targets.length === 0 ? 0 : correct / targets.length;
}

/**
 * One run of the experiment. Build it, call {@link XoExperiment.step} until done
 * (or {@link XoExperiment.run} to do it all), then {@link XoExperiment.evaluate};
 * the trained networks stay available to {@link XoExperiment.classify}.
 */
export class XoExperiment {
  readonly options: XoExperimentOptions;
  readonly models: PerModel<nn.Sequential>;
  private readonly optimisers: PerModel<optim.Adam>;
  private readonly train: ReturnType<typeof xo>;
  private readonly order: Random;
  private queue: number[] = [];
  private stepsTaken = 0;
  private last: XoProgress | null = null;

  constructor(options: Partial<XoExperimentOptions> = {}) {
    const o = { ...XO_EXPERIMENT_DEFAULTS, ...options };
    for (const key of ['size', 'steps', 'batchSize', 'hidden', 'filters', 'trainCount', 'testCount'] as const) {
      if (!Number.isInteger(o[key]) || o[key] < 1) throw new Error(`XoExperiment: ${key} must be a positive integer, got ${o[key]}`);
    }
    if (!Number.isInteger(o.seed)) throw new Error(`XoExperiment: seed must be an integer, got ${o.seed}`);
    if (!(o.lr > 0)) throw new Error(`XoExperiment: lr must be positive, got ${o.lr}`);
    this.options = o;
    // Both networks start from weights drawn from the run's seed, so a seed names a run.
    manualSeed(o.seed);
    this.models = { mlp: buildMlp(o.size, o.hidden), cnn: buildCnn(o.size, o.filters) };
    this.optimisers = {
      mlp: new optim.Adam(this.models.mlp.parameters(), { lr: o.lr }),
      cnn: new optim.Adam(this.models.cnn.parameters(), { lr: o.lr }),
    };
    this.train = xo({ count: o.trainCount, size: o.size, seed: o.seed, variants: ['canonical', 'noisy'] });
    this.order = new Random(o.seed + 1);
  }

  /** The latest step's report, or null before the first step. */
  get lastProgress(): XoProgress | null {
    return this.last;
  }

  /** Whether every step has been taken. */
  get done(): boolean {
    return this.stepsTaken >= this.options.steps;
  }

  /** Trainable parameters of each network. */
  parameterCounts(): PerModel<number> {
    return { mlp: countParameters(this.models.mlp), cnn: countParameters(this.models.cnn) };
  }

  /** Draws the next mini-batch: a fresh shuffle of the training set each epoch. */
  private nextBatch(): number[] {
    const { batchSize, trainCount } = this.options;
    const take = Math.min(batchSize, trainCount);
    if (this.queue.length < take) this.queue.push(...this.order.shuffle(Array.from({ length: trainCount }, (_, i) => i)));
    return this.queue.splice(0, take);
  }

  /** Trains both networks on the same mini-batch, one Adam step each. */
  step(): XoProgress {
    if (this.done) throw new Error(`XoExperiment.step: all ${this.options.steps} steps are taken already`);
    const { size } = this.options;
    const [input, targets] = batchOf(this.train.images, this.train.labels, this.nextBatch(), size * size, size);
    const loss = {} as PerModel<number>;
    const trainAccuracy = {} as PerModel<number>;
    for (const kind of XO_MODELS) {
      const model = this.models[kind];
      model.train();
      this.optimisers[kind].zeroGrad();
      const logits = model.forward(input);
      const l = crossEntropy(logits, targets);
      l.backward();
      this.optimisers[kind].step();
      loss[kind] = l.item();
      trainAccuracy[kind] = accuracyOf(logits, targets);
    }
    this.stepsTaken++;
    this.last = { step: this.stepsTaken, steps: this.options.steps, loss, trainAccuracy };
    return this.last;
  }

  /** Test accuracy of both networks on every test set (pictures from seeds the training never used). */
  evaluate(): Record<XoTestSet, PerModel<number>> {
    const { size, testCount, seed } = this.options;
    const accuracy = {} as Record<XoTestSet, PerModel<number>>;
    XO_TEST_SETS.forEach((variant, k) => {
      const set = xo({ count: testCount, size, seed: 1_000_003 * (k + 1) + seed, variants: [variant] });
      const indices = Array.from({ length: set.count }, (_, i) => i);
      const [input, targets] = batchOf(set.images, set.labels, indices, size * size, size);
      accuracy[variant] = { mlp: 0, cnn: 0 };
      for (const kind of XO_MODELS) {
        const model = this.models[kind];
        model.eval();
        accuracy[variant][kind] = accuracyOf(noGrad(() => model.forward(input)), targets);
      }
    });
    return accuracy;
  }

  /**
   * Trains to the end, calling `onProgress` after every step (return `false` from it
   * to stop early), then evaluates.
   */
  run(onProgress?: (progress: XoProgress) => boolean | void): XoExperimentResult {
    while (!this.done) {
      const progress = this.step();
      if (onProgress?.(progress) === false) break;
    }
    return this.finish();
  }

  /** Evaluates the networks as they are now (after at least one step) and sums the run up. */
  finish(): XoExperimentResult {
    if (!this.last) throw new Error('XoExperiment.finish: no training step was taken yet');
    return { accuracy: this.evaluate(), params: this.parameterCounts(), final: this.last };
  }

  /**
   * Class probabilities [P(X), P(O)] of one picture (`size * size` values, +1 ink,
   * -1 background) from each network.
   */
  classify(picture: ArrayLike<number>): PerModel<[number, number]> {
    const { size } = this.options;
    if (picture.length !== size * size) {
      throw new Error(`XoExperiment.classify: picture must have ${size * size} pixels (${size}x${size}), got ${picture.length}`);
    }
    const input = tensor(Float32Array.from(picture), [1, 1, size, size]);
    const out = {} as PerModel<[number, number]>;
    for (const kind of XO_MODELS) {
      const model = this.models[kind];
      model.eval();
      const p = noGrad(() => softmax(model.forward(input), 1)).data;
      out[kind] = [p[0], p[1]];
    }
    return out;
  }
}
