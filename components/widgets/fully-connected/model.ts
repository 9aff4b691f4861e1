/**
 * Lesson 12's widgets, apart from the UI.
 *
 * The stack builder turns the usual recipe
 * [(CONV-RELU)×N − POOL?]×M − (FC-RELU)×K − SOFTMAX into engine modules and asks the
 * engine's `summary` for every shape, parameter count, MAC count and receptive field;
 * a stack that does not fit comes back with the engine's own message and the layer it
 * names. Nothing here knows a shape formula.
 *
 * The head explorer trains a tiny ConvNet on the X/O pictures of lesson 1 in the page
 * (seeded, so every reader gets the same weights) and reads the flattened volume, the
 * fully connected layers and the softmax for one picture.
 */
import { crossEntropy, datasets, flatten, linear, manualSeed, nn, noGrad, optim, relu, softmax, summary, tensor, zeros } from '../../../src/engine/index.ts';
import type { ModelSummary, Tensor } from '../../../src/engine/index.ts';
import { readInt } from '../../kit/query-state.ts';

// ---------------------------------------------------------------------------
// The stack builder

/** How a block ends: a 2×2 max pool, nothing (POOL? left out), or its last conv at stride 2. */
export const DOWNSAMPLES = ['pool', 'none', 'stride'] as const;
export type Downsample = (typeof DOWNSAMPLES)[number];

/** How the network ends: flatten and FC layers, or a 1×1 conv to the classes and a global average pool. */
export const HEADS = ['fc', 'gap'] as const;
export type Head = (typeof HEADS)[number];

/** Kernel sizes offered (odd, padded to keep the size). */
export const KERNELS = [3, 5, 7] as const;

/** Allowed range of every number control, inclusive. */
export const LIMITS = {
  n: [1, 5],
  m: [0, 5],
  k: [0, 2],
  size: [4, 256],
} as const;

/** Channels of the first block (each later block doubles them, up to {@link MAX_CHANNELS}), the FC width, the image's channels and the classes. */
export const FIRST_CHANNELS = 16;
export const MAX_CHANNELS = 256;
export const HIDDEN = 128;
export const IN_CHANNELS = 3;
export const CLASSES = 10;

export interface StackConfig {
  /** CONV-RELU pairs per block. */
  n: number;
  /** Blocks. */
  m: number;
  /** FC-RELU pairs before the last FC layer (ignored by the 'gap' head, which has no FC layer). */
  k: number;
  /** Side of the square input picture. */
  size: number;
  kernel: number;
  downsample: Downsample;
  head: Head;
}

/** The widget's start: two 3×3 convs per block, three blocks with pooling, one hidden FC layer, on a 32×32 picture. */
export function defaultStack(): StackConfig {
  return { n: 2, m: 3, k: 1, size: 32, kernel: 3, downsample: 'pool', head: 'fc' };
}

/** Starting points the builder offers: the usual stack, an older one with bigger filters, and the all-convolutional one. */
export const PRESETS = {
  classic: (): StackConfig => defaultStack(),
  bigFilters: (): StackConfig => ({ ...defaultStack(), n: 1, kernel: 5 }),
  allConv: (): StackConfig => ({ ...defaultStack(), downsample: 'stride', head: 'gap', k: 0 }),
} as const;
export type PresetName = keyof typeof PRESETS;

/** Whether two configurations build the same network (K means nothing to the global-average-pool head). */
export function sameStack(a: StackConfig, b: StackConfig): boolean {
  return (Object.keys(a) as (keyof StackConfig)[]).every((key) => a[key] === b[key] || (key === 'k' && a.head === 'gap' && b.head === 'gap'));
}

/** Query keys, prefixed so they never clash with another widget's. */
export const KEYS = { n: 'fcN', m: 'fcM', k: 'fcK', size: 'fcS', kernel: 'fcF', downsample: 'fcD', head: 'fcH' } as const;

export function encodeStack(config: StackConfig, params: URLSearchParams): void {
  for (const field of Object.keys(KEYS) as (keyof StackConfig)[]) params.set(KEYS[field], String(config[field]));
}

function readChoice<T extends string | number>(params: URLSearchParams, key: string, options: readonly T[], fallback: T, rejected: string[]): T {
  const raw = params.get(key);
  if (raw === null) return fallback;
  const found = options.find((o) => String(o) === raw);
  if (found === undefined) {
    rejected.push(key);
    return fallback;
  }
  return found;
}

export function decodeStack(params: URLSearchParams): { config: StackConfig; rejected: string[] } {
  const rejected: string[] = [];
  const d = defaultStack();
  return {
    config: {
      n: readInt(params, KEYS.n, LIMITS.n[0], LIMITS.n[1], d.n, rejected),
      m: readInt(params, KEYS.m, LIMITS.m[0], LIMITS.m[1], d.m, rejected),
      k: readInt(params, KEYS.k, LIMITS.k[0], LIMITS.k[1], d.k, rejected),
      size: readInt(params, KEYS.size, LIMITS.size[0], LIMITS.size[1], d.size, rejected),
      kernel: readChoice(params, KEYS.kernel, KERNELS, d.kernel, rejected),
      downsample: readChoice(params, KEYS.downsample, DOWNSAMPLES, d.downsample, rejected),
      head: readChoice(params, KEYS.head, HEADS, d.head, rejected),
    },
    rejected,
  };
}

/** What a row of the builder's table stands for, so the widget can name it in words. */
export type RowRole =
  | { kind: 'conv'; block: number; index: number; stride: number }
  | { kind: 'pool'; block: number }
  | { kind: 'flatten' }
  | { kind: 'fc'; index: number; last: boolean }
  | { kind: 'classifier' }
  | { kind: 'gap' }
  | { kind: 'softmax' };

/** A layer of the stack (a ReLU shares the row of the layer before it). */
export interface StackLayer {
  role: RowRole;
  module: nn.Module;
  /** Whether a ReLU follows it. */
  relu: boolean;
}

export function channelsOf(block: number): number {
  return Math.min(MAX_CHANNELS, FIRST_CHANNELS * 2 ** block);
}

/** The layers of a configuration, in order, with every module's seed fixed (no weights are drawn by `summary`). */
export function stackLayers(c: StackConfig): StackLayer[] {
  const layers: StackLayer[] = [];
  let channels = IN_CHANNELS;
  const pad = (c.kernel - 1) / 2;
  for (let b = 0; b < c.m; b++) {
    const out = channelsOf(b);
    for (let i = 0; i < c.n; i++) {
      const stride = c.downsample === 'stride' && i === c.n - 1 ? 2 : 1;
      layers.push({ role: { kind: 'conv', block: b + 1, index: i + 1, stride }, module: new nn.Conv2d(channels, out, c.kernel, { stride, padding: pad, seed: layers.length }), relu: true });
      channels = out;
    }
    if (c.downsample === 'pool') layers.push({ role: { kind: 'pool', block: b + 1 }, module: new nn.MaxPool2d(2), relu: false });
  }
  if (c.head === 'gap') {
    layers.push({ role: { kind: 'classifier' }, module: new nn.Conv2d(channels, CLASSES, 1, { seed: layers.length }), relu: false });
    layers.push({ role: { kind: 'gap' }, module: new nn.AdaptiveAvgPool2d(1), relu: false });
    layers.push({ role: { kind: 'flatten' }, module: new nn.Flatten(), relu: false });
  } else {
    layers.push({ role: { kind: 'flatten' }, module: new nn.Flatten(), relu: false });
    // The flattened length is only known from the trace: summary is asked stage by stage below.
  }
  return layers;
}

/** One row of the builder's table. */
export interface StackRow {
  role: RowRole;
  type: string;
  relu: boolean;
  /** Output shape without the batch. */
  shape: number[];
  params: number;
  macs: number;
}

export type StackResult =
  | { ok: true; rows: StackRow[]; totalParams: number; totalMacs: number; flatLength: number | null; receptiveField: number; fcParams: number; outputShape: number[] }
  | { ok: false; rows: StackRow[]; failedRole: RowRole; failedType: string; message: string; layerName: string };

/** Puts the modules in one Sequential (ReLUs after those that have them) and remembers which Sequential index is which row. */
function assemble(layers: readonly StackLayer[]): { model: nn.Sequential; rowOf: number[] } {
  const modules: nn.Module[] = [];
  const rowOf: number[] = [];
  layers.forEach((layer, row) => {
    modules.push(layer.module);
    rowOf.push(row);
    if (layer.relu) {
      modules.push(new nn.ReLU());
      rowOf.push(row);
    }
  });
  return { model: new nn.Sequential(...modules), rowOf };
}

function rowsFrom(s: ModelSummary, layers: readonly StackLayer[], rowOf: readonly number[]): StackRow[] {
  const rows: StackRow[] = layers.map((l) => ({ role: l.role, type: '', relu: l.relu, shape: [], params: 0, macs: 0 }));
  s.layers.forEach((entry, i) => {
    const row = rows[rowOf[i]];
    if (entry.type !== 'ReLU') row.type = entry.type;
    row.shape = entry.outputShape.slice(1);
    row.params += entry.params;
    row.macs += entry.macs ?? 0;
  });
  return rows;
}

/**
 * The engine's summary of a configuration for one picture. The FC head's first
 * layer is sized from the flattened length the engine reports, as a learner reads it
 * off a summary before writing `nn.Linear(in_features, ...)`.
 */
export function traceStack(c: StackConfig): StackResult {
  const layers = stackLayers(c);
  const input = [1, IN_CHANNELS, c.size, c.size];
  const attempt = (ls: StackLayer[]): { ok: true; s: ModelSummary; rowOf: number[] } | { ok: false; error: nn.LayerError; rowOf: number[] } => {
    const { model, rowOf } = assemble(ls);
    try {
      return { ok: true, s: summary(model, input), rowOf };
    } catch (error) {
      if (error instanceof nn.LayerError) return { ok: false, error, rowOf };
      throw error;
    }
  };
  let run = attempt(layers);
  if (run.ok && c.head === 'fc') {
    let features = run.s.outputShape[1];
    for (let i = 0; i < c.k; i++) {
      layers.push({ role: { kind: 'fc', index: i + 1, last: false }, module: new nn.Linear(features, HIDDEN, { seed: layers.length }), relu: true });
      features = HIDDEN;
    }
    layers.push({ role: { kind: 'fc', index: c.k + 1, last: true }, module: new nn.Linear(features, CLASSES, { seed: layers.length }), relu: false });
  }
  if (run.ok) {
    layers.push({ role: { kind: 'softmax' }, module: new nn.Softmax({ dim: 1 }), relu: false });
    run = attempt(layers);
  }
  if (!run.ok) {
    const index = Number(run.error.layerName);
    const failedRow = run.rowOf[index];
    const partialLayers = layers.slice(0, failedRow);
    const before = partialLayers.length > 0 ? attempt(partialLayers) : null;
    const rows = before && before.ok ? rowsFrom(before.s, partialLayers, before.rowOf) : [];
    return { ok: false, rows, failedRole: layers[failedRow].role, failedType: run.error.layerType, message: run.error.reason, layerName: run.error.layerName };
  }
  const s = run.s;
  const rowOf = run.rowOf;
  const rows = rowsFrom(s, layers, rowOf);
  const flat = rows.find((r) => r.role.kind === 'flatten');
  // The receptive field of the body's last layer (its convs and pools), as the summary reports it.
  let receptiveField = 0;
  s.layers.forEach((entry, i) => {
    const kind = layers[rowOf[i]].role.kind;
    if (entry.receptiveField && (kind === 'conv' || kind === 'pool')) receptiveField = entry.receptiveField.size[0];
  });
  const fcParams = rows.filter((r) => r.role.kind === 'fc').reduce((a, r) => a + r.params, 0);
  return {
    ok: true,
    rows,
    totalParams: s.totalParams,
    totalMacs: s.totalMacs,
    flatLength: c.head === 'fc' && flat ? flat.shape[0] : null,
    receptiveField,
    fcParams,
    outputShape: s.outputShape.slice(1),
  };
}

// ---------------------------------------------------------------------------
// The head explorer: a tiny ConvNet trained in the page

/** The tiny network's sizes: 9×9 X/O pictures, 4 filters of 3×3, a 3×3 pool, 8 hidden units, 2 classes. */
export const TINY = { size: 9, filters: 4, pool: 3, hidden: 8, classes: 2 } as const;
/** Training: seeded pictures and weights, Adam, a fixed number of steps in small chunks. */
export const TRAINING = { seed: 12, count: 96, steps: 120, batch: 16, lr: 0.02, chunk: 20 } as const;
/** The pictures the reader can feed the trained network (none of them trained on: their own seed). */
export const PICTURE_VARIANTS = ['canonical', 'shifted', 'tilted', 'thick', 'short', 'noisy'] as const;
export const PICTURE_SEED = 4242;

export function buildTiny(): nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(1, TINY.filters, 3, { padding: 1 }),
    new nn.ReLU(),
    new nn.MaxPool2d(TINY.pool),
    new nn.Flatten(),
    new nn.Linear(TINY.filters * (TINY.size / TINY.pool) ** 2, TINY.hidden),
    new nn.ReLU(),
    new nn.Linear(TINY.hidden, TINY.classes),
  );
}

/** A picture the reader can choose: its letter (0 X, 1 O), variant and pixels. */
export interface Picture {
  label: number;
  variant: (typeof PICTURE_VARIANTS)[number];
  pixels: Float32Array;
}

/** X and O in every variant, drawn from a seed the training never used. */
export function pictures(): Picture[] {
  const out: Picture[] = [];
  PICTURE_VARIANTS.forEach((variant, k) => {
    const set = datasets.xo({ count: 2, size: TINY.size, seed: PICTURE_SEED + k, variants: [variant] });
    const px = TINY.size * TINY.size;
    for (let i = 0; i < set.count; i++) out.push({ label: set.labels[i], variant, pixels: set.images.slice(i * px, (i + 1) * px) });
  });
  return out.sort((a, b) => a.label - b.label || PICTURE_VARIANTS.indexOf(a.variant) - PICTURE_VARIANTS.indexOf(b.variant));
}

/** Trains the tiny network step by step; `step()` runs one chunk and says whether it is done. */
export class TinyTrainer {
  readonly model: nn.Sequential;
  private readonly optimiser: optim.Adam;
  private readonly data: ReturnType<typeof datasets.xo>;
  stepsTaken = 0;
  lastLoss = NaN;

  constructor() {
    manualSeed(TRAINING.seed);
    this.model = buildTiny();
    this.optimiser = new optim.Adam(this.model.parameters(), { lr: TRAINING.lr });
    this.data = datasets.xo({ count: TRAINING.count, size: TINY.size, seed: TRAINING.seed, variants: ['canonical', 'noisy', 'shifted', 'thick'] });
  }

  get done(): boolean {
    return this.stepsTaken >= TRAINING.steps;
  }

  /** Runs up to `TRAINING.chunk` steps (batches taken in order, wrapping round). */
  step(): boolean {
    const px = TINY.size * TINY.size;
    for (let s = 0; s < TRAINING.chunk && !this.done; s++) {
      const start = (this.stepsTaken * TRAINING.batch) % TRAINING.count;
      const idx = Array.from({ length: TRAINING.batch }, (_, i) => (start + i) % TRAINING.count);
      const data = new Float32Array(idx.length * px);
      idx.forEach((src, k) => data.set(this.data.images.subarray(src * px, (src + 1) * px), k * px));
      this.model.train();
      this.optimiser.zeroGrad();
      const loss = crossEntropy(this.model.forward(tensor(data, [idx.length, 1, TINY.size, TINY.size])), idx.map((i) => this.data.labels[i]));
      loss.backward();
      this.optimiser.step();
      this.lastLoss = loss.item();
      this.stepsTaken++;
    }
    return this.done;
  }

  /** Trains to the end at once (tests and the lesson's numbers). */
  run(): this {
    while (!this.step());
    return this;
  }
}

/** Every stage of the head for one picture, computed by the engine's ops with the trained weights. */
export interface HeadTrace {
  /** The last volume: filters × side × side, after the pool. */
  volume: number[][];
  volumeSide: number;
  flat: number[];
  hidden: number[];
  logits: number[];
  probabilities: number[];
}

const values = (t: Tensor): number[] => Array.from(t.data as Float32Array);

export function traceHead(model: nn.Sequential, pixels: Float32Array): HeadTrace {
  return noGrad(() => {
    const x = tensor(pixels, [1, 1, TINY.size, TINY.size]);
    const features = model.at(2).forward(model.at(1).forward(model.at(0).forward(x)));
    const [, filters, side] = features.shape;
    const fv = values(features);
    const volume = Array.from({ length: filters }, (_, f) => fv.slice(f * side * side, (f + 1) * side * side));
    const flatT = flatten(features, 1);
    const fc1 = model.at(4) as nn.Linear;
    const fc2 = model.at(6) as nn.Linear;
    const hiddenT = relu(linear(flatT, fc1.weight, fc1.bias));
    const logitsT = linear(hiddenT, fc2.weight, fc2.bias);
    return {
      volume,
      volumeSide: side,
      flat: values(flatT),
      hidden: values(hiddenT),
      logits: values(logitsT),
      probabilities: values(softmax(logitsT, 1)),
    };
  });
}

/** Query key of the chosen picture. */
export const PICTURE_KEY = 'fcP';

// ---------------------------------------------------------------------------
// The spot-the-bug network (lesson 12's PyTorch CNN), in the engine

/** The worked network's settings, from the syllabus. */
export const BUGGY = { input: 256, c1: 16, c2: 32, classes: 10, batch: 2 } as const;

/** The conv part as engine modules. */
export function buggyFeatures(): nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(3, BUGGY.c1, 3, { stride: 2, padding: 1, seed: 1 }),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Conv2d(BUGGY.c1, BUGGY.c2, 3, { stride: 1, padding: 1, seed: 2 }),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
  );
}

/** What happens with a batch of two pictures, with and without the bug: shapes and the engine's message. */
export function flattenBug() {
  const maps = summary(buggyFeatures(), [BUGGY.batch, 3, BUGGY.input, BUGGY.input]).outputShape;
  const [, c, h, w] = maps;
  const fc = new nn.Linear(BUGGY.c2 * 32 * 32, BUGGY.classes, { seed: 3 });
  const volume = zeros(maps);
  const wrongShape = flatten(volume).shape;
  let message = '';
  try {
    noGrad(() => fc.forward(flatten(volume)));
  } catch (error) {
    message = error instanceof Error ? error.message : String(error);
  }
  const rightShape = flatten(volume, 1).shape;
  const out = noGrad(() => fc.forward(flatten(volume, 1))).shape;
  return { maps, channels: c, side: h, width: w, inFeatures: fc.inFeatures, wrongShape, message, rightShape, out };
}
