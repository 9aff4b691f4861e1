/**
 * Parameter initialisers, as in `torch.nn.init`.
 *
 * An initialiser is a recipe, not a tensor: `(shape, rng) => values`. Modules
 * keep the recipe and run it the first time a parameter is touched, which is
 * what lets a 138-million-parameter VGG be built and summarised without
 * allocating half a gigabyte.
 */
import type { Random } from '../random.ts';
import { formatShape, numel } from '../tensor.ts';

/** Produces the initial values of a parameter or buffer of the given shape. */
export type Initializer = (shape: readonly number[], rng: Random) => Float32Array;

/** The non-linearities `calculateGain` knows, with PyTorch's spelling. */
export type Nonlinearity =
  | 'linear'
  | 'conv1d'
  | 'conv2d'
  | 'conv3d'
  | 'sigmoid'
  | 'tanh'
  | 'relu'
  | 'leaky_relu'
  | 'selu';

/** Which fan the Kaiming initialisers keep the variance of. */
export type FanMode = 'fan_in' | 'fan_out';

/**
 * PyTorch's recommended gain for a non-linearity: the factor that keeps the
 * variance of activations steady through a layer followed by it.
 * `param` is the negative slope of leaky_relu (default 0.01).
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number): number {
  switch (nonlinearity) {
    case 'linear':
    case 'conv1d':
    case 'conv2d':
    case 'conv3d':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leaky_relu': {
      const slope = param ?? 0.01;
      return Math.sqrt(2 / (1 + slope * slope));
    }
    case 'selu':
      return 3 / 4;
    default:
      throw new Error(`Unsupported nonlinearity ${String(nonlinearity)}`);
  }
}

/**
 * Fan-in and fan-out of a weight shape: [out, in, ...kernel] counts
 * in * kernel inputs and out * kernel outputs per weight.
 */
export function calculateFanInAndFanOut(shape: readonly number[]): [number, number] {
  if (shape.length < 2) {
    throw new Error(
      `Fan in and fan out can not be computed for tensor with fewer than 2 dimensions (got shape ${formatShape(shape)})`,
    );
  }
  const receptiveField = numel(shape.slice(2));
  return [shape[1] * receptiveField, shape[0] * receptiveField];
}

function fanOf(shape: readonly number[], mode: FanMode): number {
  if (mode !== 'fan_in' && mode !== 'fan_out') {
    throw new Error(`Mode ${String(mode)} not supported, please use one of fan_in, fan_out`);
  }
  const [fanIn, fanOut] = calculateFanInAndFanOut(shape);
  return mode === 'fan_in' ? fanIn : fanOut;
}

/** Uniform in [low, high). */
export function uniform(low = 0, high = 1): Initializer {
  return (shape, rng) => {
    const out = new Float32Array(numel(shape));
    for (let i = 0; i < out.length; i++) out[i] = rng.uniform(low, high);
    return out;
  };
}

/** Normal with the given mean and standard deviation. */
export function normal(mean = 0, std = 1): Initializer {
  return (shape, rng) => {
    const out = new Float32Array(numel(shape));
    for (let i = 0; i < out.length; i++) out[i] = mean + std * rng.normal();
    return out;
  };
}

/** Every value `value`; draws no random numbers. */
export function constant(value: number): Initializer {
  return (shape) => new Float32Array(numel(shape)).fill(value);
}

/** All zeros. */
export function zeros(): Initializer {
  return constant(0);
}

/** All ones. */
export function ones(): Initializer {
  return constant(1);
}

/** Options of the Kaiming (He) initialisers. */
export interface KaimingOptions {
  /** Negative slope of the leaky ReLU that follows (0 for ReLU). Default 0. */
  a?: number;
  /** Keep the variance of the forward pass ('fan_in', default) or of the backward pass ('fan_out'). */
  mode?: FanMode;
  /** Default 'leaky_relu' (with slope `a`), as in PyTorch. */
  nonlinearity?: Nonlinearity;
}

function kaimingStd(shape: readonly number[], options: KaimingOptions): number {
  const { a = 0, mode = 'fan_in', nonlinearity = 'leaky_relu' } = options;
  const fan = fanOf(shape, mode);
  return fan === 0 ? 0 : calculateGain(nonlinearity, a) / Math.sqrt(fan);
}

/**
 * He et al.'s uniform initialisation: U(-bound, bound), bound = gain * sqrt(3 / fan).
 * PyTorch's Conv2d and Linear weights use it with a = sqrt(5), which works out to
 * bound = 1 / sqrt(fanIn).
 */
export function kaimingUniform(options: KaimingOptions = {}): Initializer {
  return (shape, rng) => {
    const bound = Math.sqrt(3) * kaimingStd(shape, options);
    return uniform(-bound, bound)(shape, rng);
  };
}

/** He et al.'s normal initialisation: N(0, gain^2 / fan). */
export function kaimingNormal(options: KaimingOptions = {}): Initializer {
  return (shape, rng) => normal(0, kaimingStd(shape, options))(shape, rng);
}

function xavierStd(shape: readonly number[], gain: number): number {
  const [fanIn, fanOut] = calculateFanInAndFanOut(shape);
  return gain * Math.sqrt(2 / (fanIn + fanOut));
}

/** Glorot's uniform initialisation: U(-a, a), a = gain * sqrt(6 / (fanIn + fanOut)). */
export function xavierUniform(gain = 1): Initializer {
  return (shape, rng) => {
    const bound = Math.sqrt(3) * xavierStd(shape, gain);
    return uniform(-bound, bound)(shape, rng);
  };
}

/** Glorot's normal initialisation: N(0, gain^2 * 2 / (fanIn + fanOut)). */
export function xavierNormal(gain = 1): Initializer {
  return (shape, rng) => normal(0, xavierStd(shape, gain))(shape, rng);
}

/**
 * PyTorch's default for the bias of a layer whose weight has `weightShape`:
 * U(-1/sqrt(fanIn), 1/sqrt(fanIn)), the same range as the default weight.
 */
export function defaultBias(weightShape: readonly number[]): Initializer {
  const [fanIn] = calculateFanInAndFanOut(weightShape);
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  return uniform(-bound, bound);
}

/** PyTorch's default for Conv2d and Linear weights: kaiming_uniform with a = sqrt(5). */
export function defaultWeight(): Initializer {
  return kaimingUniform({ a: Math.sqrt(5) });
}
