/**
 * Lesson 17's experiment, as plain code: plain and residual networks of growing
 * depth train on the same MNIST subset with the same seed, optimiser and number of
 * steps, and we record each one's TRAINING loss. He et al.'s degradation problem
 * is that the deeper plain net ends with a higher training loss than the shallower
 * one (so it is not overfitting), while the residual twins do not suffer.
 *
 * The Web Worker runs this for the page; `scripts/degradation.ts` records a
 * reference run; a Vitest test reruns the same code and checks the numbers.
 */
import { ArrayPool, Random, crossEntropy, lastingArrays, manualSeed, optim, tensor } from '../../engine/index.ts';
import type { Tensor } from '../../engine/index.ts';
import { plainNet, residualNet } from '../../engine/models/small.ts';
import type { StagedNet } from '../../engine/models/small.ts';

/** Settings of one run; together with the data they name the run exactly. */
export interface DegradationOptions {
  seed: number;
  /** Weight-layer counts; each must be 6 * blocks + 2 (8, 14, 20, 26, 32, ...). */
  depths: number[];
  /** Channels of the three stages. */
  widths: number[];
  /** Height = width of the images after subsampling the 28x28 digits. */
  size: number;
  /** Training images (the first ones of MNIST's training split). */
  trainCount: number;
  batchSize: number;
  steps: number;
  /** SGD learning rate (momentum 0.9). */
  lr: number;
  /** Loss is averaged over this many steps for the curve. */
  every: number;
}

/** The setting the lesson's reference run and the reader's default run use. */
export const DEGRADATION_DEFAULTS: DegradationOptions = {
  seed: 1,
  depths: [8, 20, 32],
  widths: [4, 8, 16],
  size: 14,
  trainCount: 512,
  batchSize: 32,
  steps: 150,
  lr: 0.05,
  every: 10,
};

/** A tiny setting for tests. */
export const DEGRADATION_TINY: DegradationOptions = {
  seed: 1,
  depths: [8, 14],
  widths: [2, 4, 4],
  size: 8,
  trainCount: 32,
  batchSize: 8,
  steps: 6,
  lr: 0.05,
  every: 2,
};

export type NetKind = 'plain' | 'residual';
export const NET_KINDS: readonly NetKind[] = ['plain', 'residual'];

/** One curve: the mean training loss of each window of `every` steps. */
export interface DegradationCurve {
  kind: NetKind;
  depth: number;
  /** Step at the end of each window. */
  steps: number[];
  loss: number[];
}

/** Images as one flat array (count x size x size, 0..1) and their labels. */
export interface DegradationData {
  images: Float32Array;
  labels: Uint8Array;
  count: number;
  size: number;
}

/** Subsamples 28x28 images to `size` x `size` by averaging blocks (nearest block, so any size up to 28 works). */
export function shrinkImages(images: Float32Array, count: number, from: number, size: number): Float32Array {
  const out = new Float32Array(count * size * size);
  for (let n = 0; n < count; n++) {
    for (let y = 0; y < size; y++) {
      const y0 = Math.floor((y * from) / size);
      const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * from) / size));
      for (let x = 0; x < size; x++) {
        const x0 = Math.floor((x * from) / size);
        const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * from) / size));
        let sum = 0;
        for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += images[n * from * from + yy * from + xx];
        out[n * size * size + y * size + x] = sum / ((y1 - y0) * (x1 - x0));
      }
    }
  }
  return out;
}

/** Builds one network of the experiment (seeded, so the same options give the same weights). */
export function buildNet(kind: NetKind, depth: number, options: DegradationOptions): StagedNet {
  manualSeed(options.seed * 1000 + depth);
  const config = { depth, widths: options.widths, inChannels: 1, numClasses: 10 };
  return kind === 'plain' ? plainNet(config) : residualNet(config);
}

/** Number of trainable values. */
export function parameterCount(model: StagedNet): number {
  let n = 0;
  for (const p of model.parameters()) n += p.numel();
  return n;
}

/** The order of mini-batches: the same for every network of a run. */
export function batchOrder(options: DegradationOptions, count: number): number[][] {
  const random = new Random(options.seed + 7);
  const batches: number[][] = [];
  let queue: number[] = [];
  for (let s = 0; s < options.steps; s++) {
    if (queue.length < options.batchSize) queue = queue.concat(random.shuffle(Array.from({ length: count }, (_, i) => i)));
    batches.push(queue.splice(0, options.batchSize));
  }
  return batches;
}

function batchTensor(data: DegradationData, indices: readonly number[]): [Tensor, number[]] {
  const pixels = data.size * data.size;
  const buffer = new Float32Array(indices.length * pixels);
  indices.forEach((src, k) => buffer.set(data.images.subarray(src * pixels, (src + 1) * pixels), k * pixels));
  return [tensor(buffer, [indices.length, 1, data.size, data.size]), indices.map((i) => data.labels[i])];
}

/** One network's training, step by step. */
export class NetRun {
  readonly kind: NetKind;
  readonly depth: number;
  readonly model: StagedNet;
  readonly curve: DegradationCurve;
  private readonly optimiser: optim.SGD;
  private window = 0;
  private inWindow = 0;
  private taken = 0;

  constructor(
    kind: NetKind,
    depth: number,
    private readonly options: DegradationOptions,
    private readonly data: DegradationData,
    private readonly batches: number[][],
    /** Where each step's arrays come from: one pool for all runs, which train one after another. */
    private readonly memory = new ArrayPool(),
  ) {
    this.kind = kind;
    this.depth = depth;
    this.model = buildNet(kind, depth, options);
    this.optimiser = new optim.SGD(this.model.parameters(), { lr: options.lr, momentum: 0.9 });
    this.curve = { kind, depth, steps: [], loss: [] };
  }

  get done(): boolean {
    return this.taken >= this.options.steps;
  }

  /** One SGD step; returns true when it closed a window (a new curve point). */
  step(): boolean {
    const [input, targets] = batchTensor(this.data, this.batches[this.taken]);
    this.model.train();
    const loss = this.memory.run(() => {
      this.optimiser.zeroGrad();
      const l = crossEntropy(this.model.forward(input), targets);
      l.backward();
      return l.item();
    });
    this.memory.reclaim(lastingArrays(this.model));
    this.optimiser.step();
    this.taken++;
    this.window += loss;
    this.inWindow++;
    if (this.inWindow === this.options.every || this.done) {
      this.curve.steps.push(this.taken);
      this.curve.loss.push(this.window / this.inWindow);
      this.window = 0;
      this.inWindow = 0;
      return true;
    }
    return false;
  }
}

/** Checks a setting, throwing with the field's name when it is unusable. */
export function checkOptions(o: DegradationOptions): void {
  for (const key of ['size', 'trainCount', 'batchSize', 'steps', 'every'] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 1) throw new Error(`degradation: ${key} must be a positive integer, got ${o[key]}`);
  }
  if (o.size > 28) throw new Error(`degradation: size must be at most 28, got ${o.size}`);
  for (const d of o.depths) if (!Number.isInteger((d - 2) / 6) || d < 8) throw new Error(`degradation: depth must be 6 * blocks + 2, got ${d}`);
  if (!(o.lr > 0)) throw new Error(`degradation: lr must be positive, got ${o.lr}`);
}

/** All runs of an experiment, in the order they train: depth by depth, plain then residual. */
export function makeRuns(options: DegradationOptions, data: DegradationData): NetRun[] {
  checkOptions(options);
  const batches = batchOrder(options, data.count);
  const memory = new ArrayPool();
  return options.depths.flatMap((depth) => NET_KINDS.map((kind) => new NetRun(kind, depth, options, data, batches, memory)));
}

/** Trains every network to the end (Node: scripts and tests). */
export function runAll(options: DegradationOptions, data: DegradationData, onCurve?: (run: NetRun) => void): DegradationCurve[] {
  const runs = makeRuns(options, data);
  for (const run of runs) {
    while (!run.done) run.step();
    onCurve?.(run);
  }
  return runs.map((r) => r.curve);
}

/** Mean loss over the last `points` curve points: the number the lesson compares. */
export function finalLoss(curve: DegradationCurve, points = 3): number {
  const tail = curve.loss.slice(-points);
  return tail.reduce((a, b) => a + b, 0) / tail.length;
}
