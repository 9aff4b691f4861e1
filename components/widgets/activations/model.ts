/**
 * Lesson 9's widgets, apart from the UI. Nothing here types a derivative: every curve's
 * gradient is the engine's backward pass through the engine's activation, the dying
 * neuron is trained by the engine's autograd and `optim.SGD`, and the activation map
 * is the engine's `conv2d` followed by its `relu`.
 */
import {
  add,
  avgPool2d,
  conv2d,
  leakyRelu,
  mean,
  mul,
  noGrad,
  optim,
  pad,
  relu,
  rrelu,
  sigmoid,
  sub,
  sum,
  tanh,
  tensor,
} from '../../../src/engine/index.ts';
import type { Tensor } from '../../../src/engine/index.ts';

// ---------------------------------------------------------------- curves

/** The activations the plot can draw. */
export const ACTIVATIONS = ['relu', 'leaky', 'rrelu', 'sigmoid', 'tanh'] as const;
export type ActivationId = (typeof ACTIVATIONS)[number];

/** Randomized leaky ReLU in training (slopes drawn) or in evaluation (their mean). */
export const RRELU_MODES = ['train', 'eval'] as const;
export type RReluMode = (typeof RRELU_MODES)[number];

/** The leaky slope slider, in hundredths (0.2 is the notes' example). */
export const SLOPE_LIMITS = { min: 1, max: 50, initial: 20 } as const;

/** PyTorch's default bounds of `nn.RReLU`, which the engine shares. */
export const RRELU_LOWER = 1 / 8;
export const RRELU_UPPER = 1 / 3;
/** The seed of the randomized slopes, so the drawn samples are the same on every visit. */
export const RRELU_SEED = 9;

/** The x range of the plots, and how many points are sampled across it. */
export const X_RANGE = [-4, 4] as const;
export const SAMPLES = 161;

/** One sampled point: the activation and its gradient there (from the backward pass). */
export interface CurvePoint {
  x: number;
  y: number;
  grad: number;
}

/** The activation as the engine computes it. */
export function activate(x: Tensor, id: ActivationId, slope: number, mode: RReluMode): Tensor {
  switch (id) {
    case 'relu':
      return relu(x);
    case 'leaky':
      return leakyRelu(x, slope);
    case 'rrelu':
      return rrelu(x, { lower: RRELU_LOWER, upper: RRELU_UPPER, training: mode === 'train', seed: RRELU_SEED });
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return tanh(x);
  }
}

/** The inputs `x` and, for each, f(x) and df/dx, by one forward and one backward pass of the engine. */
export function evaluate(xs: readonly number[], id: ActivationId, slope: number, mode: RReluMode): CurvePoint[] {
  const x = tensor([...xs], [xs.length], { requiresGrad: true });
  const y = activate(x, id, slope, mode);
  // Each output depends on its own input only, so the gradient of the sum is f'(x) at every point.
  sum(y).backward();
  const grad = x.grad!.data;
  return xs.map((v, i) => ({ x: v, y: y.data[i], grad: grad[i] }));
}

/** The sampled curve of one activation across the plotted range. */
export function curve(id: ActivationId, slope: number, mode: RReluMode): CurvePoint[] {
  const [low, high] = X_RANGE;
  const xs = Array.from({ length: SAMPLES }, (_, i) => low + ((high - low) * i) / (SAMPLES - 1));
  return evaluate(xs, id, slope, mode);
}

// ---------------------------------------------------------------- dying ReLU

/** The dying-ReLU experiment's fixed start (the notes' weight and bias) and settings. */
export const DYING = {
  weight: -5,
  bias: -3,
  /** How many inputs, evenly spaced across the chosen range. */
  points: 9,
  learningRate: 0.5,
  /** The leaky neuron's slope, the notes' example. */
  leakySlope: 0.2,
  maxSteps: 100,
} as const;

/** The input ranges the reader can choose: [0, 1] (e.g. after a ReLU layer) and the notes' [-1, 1]. */
export const INPUT_RANGES = ['unit', 'symmetric'] as const;
export type InputRange = (typeof INPUT_RANGES)[number];
export const RANGE_BOUNDS: Record<InputRange, readonly [number, number]> = { unit: [0, 1], symmetric: [-1, 1] };

/** The two neurons trained side by side. */
export const NEURONS = ['relu', 'leaky'] as const;
export type NeuronKind = (typeof NEURONS)[number];

/** The state of one neuron before step `step`: loss, parameters and their gradients. */
export interface NeuronStep {
  step: number;
  loss: number;
  weight: number;
  bias: number;
  gradWeight: number;
  gradBias: number;
  /** How many of the inputs give a non-zero output (the neuron is alive for them). */
  active: number;
}

/** The inputs of the experiment: `points` values evenly spaced over the range. */
export function dyingInputs(range: InputRange): number[] {
  const [low, high] = RANGE_BOUNDS[range];
  return Array.from({ length: DYING.points }, (_, i) => low + ((high - low) * i) / (DYING.points - 1));
}

/** The regression target: y = x + 1/2 at each input. */
export function dyingTargets(xs: readonly number[]): number[] {
  return xs.map((x) => x + 0.5);
}

/**
 * Trains one neuron y = act(w x + b) from w = -5, b = -3 with mean squared error and the
 * engine's SGD for `steps` steps; returns the state before each step and after the last.
 * No randomness: the same call gives the same numbers every time.
 */
export function trainNeuron(kind: NeuronKind, range: InputRange, steps: number): NeuronStep[] {
  const xs = dyingInputs(range);
  const x = tensor(xs);
  const target = tensor(dyingTargets(xs));
  const w = tensor([DYING.weight], [1], { requiresGrad: true });
  const b = tensor([DYING.bias], [1], { requiresGrad: true });
  const optimizer = new optim.SGD([w, b], { lr: DYING.learningRate });
  const history: NeuronStep[] = [];
  for (let step = 0; step <= steps; step++) {
    optimizer.zeroGrad();
    const z = add(mul(x, w), b);
    const out = kind === 'relu' ? relu(z) : leakyRelu(z, DYING.leakySlope);
    const diff = sub(out, target);
    const loss = mean(mul(diff, diff));
    loss.backward();
    let active = 0;
    for (const v of z.data) if (v > 0) active++;
    history.push({
      step,
      loss: loss.data[0],
      weight: w.data[0],
      bias: b.data[0],
      gradWeight: w.grad!.data[0],
      gradBias: b.grad!.data[0],
      active,
    });
    if (step < steps) optimizer.step();
  }
  return history;
}

// ---------------------------------------------------------------- activation map

export const PHOTOS = ['camera', 'astronaut', 'chelsea', 'coffee'] as const;
export type PhotoId = (typeof PHOTOS)[number];

/** Hand-set 3x3 filters whose feature maps have both signs. */
export const FILTERS = {
  vertical: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  horizontal: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  outline: [-1, -1, -1, -1, 8, -1, -1, -1, -1],
} as const;
export type FilterId = keyof typeof FILTERS;
export const FILTER_IDS = Object.keys(FILTERS) as FilterId[];

/** The longest side the photo is shrunk to (by the engine's average pooling) before filtering. */
export const MAX_SIDE = 256;

/** A photo's RGBA pixels as a grey [1, 1, H, W] tensor in 0..1, halved by average pooling until it fits. */
export function greyTensor(rgba: ArrayLike<number>, width: number, height: number): Tensor {
  const data = new Float32Array(width * height);
  for (let i = 0; i < data.length; i++) {
    data[i] = (0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]) / 255;
  }
  let x = tensor(data, [1, 1, height, width]);
  while (Math.max(x.shape[2], x.shape[3]) > MAX_SIDE) x = noGrad(() => avgPool2d(x, { kernelSize: 2 }));
  return x;
}

/** The feature map (the filter's response) and the activation map (the feature map after ReLU). */
export interface MapPair {
  feature: Tensor;
  activation: Tensor;
  /** The colour scale of both maps: the 99th percentile of the feature map's |value|. */
  maxAbs: number;
  /** Shares of the feature map's values below, and of the activation map's values equal to, zero. */
  negativeShare: number;
  zeroShare: number;
  min: number;
  max: number;
}

/** Filters the grey photo (replicate padding of 1, so the maps keep its size) and applies the engine's ReLU. */
export function mapPair(grey: Tensor, filter: FilterId): MapPair {
  return noGrad(() => {
    // Replicate padding: the photo's border is not taken for an edge, as zero padding would.
    const feature = conv2d(pad(grey, [1, 1, 1, 1], 'replicate'), tensor([...FILTERS[filter]], [1, 1, 3, 3]), null);
    const activation = relu(feature);
    let min = Infinity;
    let max = -Infinity;
    let negative = 0;
    for (const v of feature.data) {
      if (v < min) min = v;
      if (v > max) max = v;
      if (v < 0) negative++;
    }
    let zero = 0;
    for (const v of activation.data) if (v === 0) zero++;
    const n = feature.data.length;
    // The colour scale ends at the 99th percentile of |value|, so a few extreme pixels do not wash the rest out.
    const magnitudes = Float32Array.from(feature.data, Math.abs).sort();
    const scale = Math.max(magnitudes[Math.floor(0.99 * (n - 1))], 1e-6);
    return { feature, activation, maxAbs: scale, negativeShare: negative / n, zeroShare: zero / n, min, max };
  });
}
