/**
 * Shape arithmetic: how long a convolution's or a pooling layer's output is
 * along one spatial dimension, with PyTorch's formula
 *
 *   L_out = floor((L_in + 2*padding - dilation*(kernel_size - 1) - 1) / stride + 1)
 *
 * and the whole geometry of a 2-D convolution or pooling call (`conv2dGeometry`,
 * `pool2dGeometry`): shapes, padding and PyTorch's refusals. Pure numbers, no
 * tensors. The ops, the nn layers and `summary()` all work their shapes out
 * here, so the formula a lesson shows and the shape an op returns cannot disagree.
 */
import type { ConvGeometry, PoolGeometry } from './backend.ts';
import { padOutputShape } from './ops/pad.ts';
import { formatShape } from './tensor.ts';

/** A size given once for both spatial dimensions, or as [height, width]. */
export type Size2 = number | readonly [number, number];

/** Hyper-parameters of a convolution along one dimension (PyTorch's defaults). */
export interface ConvSizeOptions {
  kernelSize: number;
  /** Default 1. */
  stride?: number;
  /** Zeros added on each side. Default 0. */
  padding?: number;
  /** Spacing between kernel taps. Default 1. */
  dilation?: number;
}

/** Hyper-parameters of pooling along one dimension (PyTorch's defaults). */
export interface PoolSizeOptions {
  kernelSize: number;
  /** Default: the kernel size, so windows do not overlap. */
  stride?: number;
  /** Padding on each side; at most half the effective kernel. Default 0. */
  padding?: number;
  /** Default 1. */
  dilation?: number;
  /** Round the division up instead of down. Default false. */
  ceilMode?: boolean;
}

/** Which layer's rules apply: pooling adds a padding limit and ceil mode. */
export type WindowKind = 'conv' | 'pool';

/** Every intermediate number of the output-size formula, for showing the working. */
export interface OutputSizeSteps {
  kind: WindowKind;
  inSize: number;
  kernelSize: number;
  stride: number;
  /** Padding before the first element (on each side, unless `paddingAfter` differs). */
  padding: number;
  /** Padding after the last element: `padding`, except for a convolution's 'same' padding with an odd total. */
  paddingAfter: number;
  dilation: number;
  ceilMode: boolean;
  /** L_in + padding + paddingAfter: the length the window slides over. */
  paddedSize: number;
  /** dilation*(kernel_size - 1) + 1: how much of the input one window spans. */
  effectiveKernel: number;
  /** L_in + 2*padding - dilation*(kernel_size - 1) - 1: room left for the window to move. */
  numerator: number;
  /** numerator / stride as a real number. */
  quotient: number;
  /** Whether stride divides the numerator, so rounding changes nothing. */
  exact: boolean;
  /** floor(quotient), or ceil(quotient) in ceil mode. */
  rounded: number;
  /** rounded + 1: the number of window positions before ceil mode's last-window rule. */
  candidate: number;
  /**
   * Ceil mode only: the last window would have started in the right-hand padding,
   * so PyTorch drops it (it must start inside the input or the left padding).
   */
  droppedLastWindow: boolean;
  /** The output length. Below 1 means PyTorch refuses the configuration. */
  result: number;
}

/**
 * How much of the input one window spans: dilation*(kernel_size - 1) + 1 (a 3-tap
 * kernel with dilation 2 spans 5 pixels). Every other count of a window's reach
 * in the engine is derived from this one.
 */
export function effectiveKernelSize(kernelSize: number, dilation = 1): number {
  return dilation * (kernelSize - 1) + 1;
}

/**
 * PyTorch's words for a convolution argument out of range. Both the 1-D shape
 * functions and conv2d use them; conv2d prefixes "conv2d: ".
 */
const CONV_REFUSALS = {
  stride: 'non-positive stride is not supported',
  dilation: 'dilation should be greater than zero',
  padding: 'negative padding is not supported',
} as const;

/**
 * PyTorch's refusal of a window wider than the padded input, for any number of
 * dimensions: "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). ..."
 */
function kernelTooLarge(paddedSizes: readonly number[], effectiveKernels: readonly number[]): Error {
  return new Error(
    `Calculated padded input size per channel: (${paddedSizes.join(' x ')}). Kernel size: (${effectiveKernels.join(' x ')}). Kernel size can't be greater than actual input size`,
  );
}

function requireInteger(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new Error(`${name} must be an integer, but got ${String(value)}`);
  }
}

function checkCommon(
  kind: WindowKind,
  inSize: number,
  kernelSize: number,
  stride: number,
  padding: number,
  dilation: number,
): void {
  requireInteger('input size', inSize);
  requireInteger('kernel_size', kernelSize);
  requireInteger('stride', stride);
  requireInteger('padding', padding);
  requireInteger('dilation', dilation);
  if (inSize < 1) throw new Error(`input size should be greater than zero, but got ${inSize}`);
  if (kernelSize < 1) throw new Error(`kernel size should be greater than zero, but got kernel_size=${kernelSize}`);
  // PyTorch words these refusals differently for convolution (ConvUtils) and pooling (Pool.h);
  // the conv ones match what conv2d itself says.
  if (kind === 'conv') {
    if (stride < 1) throw new Error(`${CONV_REFUSALS.stride}, got stride=${stride}`);
    if (dilation < 1) throw new Error(`${CONV_REFUSALS.dilation}, got dilation=${dilation}`);
    if (padding < 0) throw new Error(`${CONV_REFUSALS.padding}, got padding=${padding}`);
    return;
  }
  if (stride < 1) throw new Error(`stride should be greater than zero, but got stride=${stride}`);
  if (dilation < 1) throw new Error(`dilation should be greater than zero, but got dilation=${dilation}`);
  if (padding < 0) throw new Error(`pad must be non-negative, but got pad: ${padding}`);
}

/**
 * The output-size formula along one dimension, step by step: the one place where
 * it is computed, for convolution and pooling, 1-D and 2-D alike. `padding` is
 * added before the first element and `paddingAfter` after the last.
 */
function steps(
  kind: WindowKind,
  inSize: number,
  kernelSize: number,
  stride: number,
  padding: number,
  dilation: number,
  ceilMode: boolean,
  paddingAfter = padding,
): OutputSizeSteps {
  const paddedSize = inSize + padding + paddingAfter;
  const effectiveKernel = effectiveKernelSize(kernelSize, dilation);
  const numerator = paddedSize - effectiveKernel;
  const quotient = numerator / stride;
  // Math.floor rounds towards -infinity like PyTorch's div_rtn, also for a negative numerator.
  const rounded = ceilMode ? Math.ceil(quotient) : Math.floor(quotient);
  const candidate = rounded + 1;
  // PyTorch's rule: a window that would start in the right-hand padding reads nothing new.
  const droppedLastWindow = ceilMode && (candidate - 1) * stride >= inSize + padding;
  return {
    kind,
    inSize,
    kernelSize,
    stride,
    padding,
    paddingAfter,
    dilation,
    ceilMode,
    paddedSize,
    effectiveKernel,
    numerator,
    quotient,
    exact: numerator % stride === 0,
    rounded,
    candidate,
    droppedLastWindow,
    result: droppedLastWindow ? candidate - 1 : candidate,
  };
}

/**
 * The working of the convolution formula. Throws on invalid arguments but not on
 * a result below 1 (`convOutputSize` does), so a lesson can show why it fails.
 */
export function convOutputSteps(inSize: number, options: ConvSizeOptions): OutputSizeSteps {
  const { kernelSize, stride = 1, padding = 0, dilation = 1 } = options;
  checkCommon('conv', inSize, kernelSize, stride, padding, dilation);
  return steps('conv', inSize, kernelSize, stride, padding, dilation, false);
}

/**
 * The working of the pooling formula (ceil mode included). Throws on invalid
 * arguments, including PyTorch's padding limit, but not on a result below 1.
 */
export function poolOutputSteps(inSize: number, options: PoolSizeOptions): OutputSizeSteps {
  const { kernelSize, stride = kernelSize, padding = 0, dilation = 1, ceilMode = false } = options;
  checkCommon('pool', inSize, kernelSize, stride, padding, dilation);
  // A window more than half padding could sit entirely outside the input.
  if (padding > Math.floor(effectiveKernelSize(kernelSize, dilation) / 2)) {
    throw new Error(
      `pad should be at most half of effective kernel size, but got pad=${padding}, kernel_size=${kernelSize} and dilation=${dilation}`,
    );
  }
  return steps('pool', inSize, kernelSize, stride, padding, dilation, ceilMode);
}

/**
 * Output length of a convolution along one dimension, as PyTorch computes it.
 * Throws where PyTorch refuses: non-positive or fractional arguments, or a
 * kernel wider than the padded input.
 *
 * @example convOutputSize(6, { kernelSize: 3 }) // 4
 * @example convOutputSize(32, { kernelSize: 5 }) // 28
 */
export function convOutputSize(inSize: number, options: ConvSizeOptions): number {
  const s = convOutputSteps(inSize, options);
  if (s.result < 1) throw kernelTooLarge([s.paddedSize], [s.effectiveKernel]);
  return s.result;
}

/**
 * Output length of max or average pooling along one dimension, as PyTorch
 * computes it (stride defaults to the kernel size). Throws where PyTorch refuses:
 * non-positive or fractional arguments, padding above half the effective
 * kernel, or an output shorter than 1.
 *
 * @example poolOutputSize(224, { kernelSize: 2 }) // 112
 * @example poolOutputSize(5, { kernelSize: 2, ceilMode: true }) // 3
 */
export function poolOutputSize(inSize: number, options: PoolSizeOptions): number {
  const s = poolOutputSteps(inSize, options);
  if (s.result < 1) {
    throw new Error(`Given input size: (${inSize}). Calculated output size: (${s.result}). Output size is too small`);
  }
  return s.result;
}

/**
 * The input positions (0-based) that no window ever reads: the ones past the
 * last window when the division is not exact, and, with dilation, any that fall
 * between taps. Throws like `convOutputSize` / `poolOutputSize`.
 *
 * @example uncoveredInputs(7, { kernelSize: 3, stride: 2 }, 'conv') // []
 * @example uncoveredInputs(8, { kernelSize: 3, stride: 2 }, 'conv') // [7]
 */
export function uncoveredInputs(
  inSize: number,
  options: ConvSizeOptions | PoolSizeOptions,
  kind: WindowKind = 'conv',
): number[] {
  const outSize = kind === 'conv' ? convOutputSize(inSize, options) : poolOutputSize(inSize, options);
  const stride = options.stride ?? (kind === 'conv' ? 1 : options.kernelSize);
  const padding = options.padding ?? 0;
  const dilation = options.dilation ?? 1;
  const seen = new Array<boolean>(inSize).fill(false);
  for (let o = 0; o < outSize; o++) {
    for (let tap = 0; tap < options.kernelSize; tap++) {
      const i = o * stride - padding + tap * dilation;
      if (i >= 0 && i < inSize) seen[i] = true;
    }
  }
  return seen.flatMap((wasSeen, i) => (wasSeen ? [] : [i]));
}

/**
 * The padding on each side that keeps the output as long as the input at
 * stride 1 ("same" padding): dilation*(kernel_size - 1)/2. Returns null when
 * that is not a whole number (an even kernel without dilation), since
 * symmetric padding cannot keep the size then.
 *
 * @example paddingToKeepSize(3) // 1
 * @example paddingToKeepSize(4) // null
 */
export function paddingToKeepSize(kernelSize: number, dilation = 1): number | null {
  requireInteger('kernel_size', kernelSize);
  requireInteger('dilation', dilation);
  if (kernelSize < 1) throw new Error(`kernel size should be greater than zero, but got kernel_size=${kernelSize}`);
  if (dilation < 1) throw new Error(`dilation should be greater than zero, but got dilation=${dilation}`);
  const [before, after] = samePadding(kernelSize, dilation);
  return before === after ? before : null;
}

/**
 * 'same' padding along one dimension, [before, after], split as PyTorch splits
 * it: dilation*(kernel_size - 1) in all, the odd pixel (if any) after.
 *
 * @example samePadding(3) // [1, 1]
 * @example samePadding(4) // [1, 2]
 */
export function samePadding(kernelSize: number, dilation = 1): [number, number] {
  const total = effectiveKernelSize(kernelSize, dilation) - 1;
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** The answer of `stridesForOutputSize`. */
export interface StrideSolution {
  /** Every stride, smallest first, that gives the target length (up to the padded input length). */
  strides: number[];
  /** True when every stride beyond the last one listed also works (a target of 1). */
  andEveryLarger: boolean;
}

/**
 * Which strides make the output exactly `targetSize` long, for the other
 * hyper-parameters fixed. A stride longer than the padded input always gives 1,
 * so the search stops there. `options.stride` is ignored.
 *
 * @example stridesForOutputSize(224, 112, { kernelSize: 2 }, 'pool') // { strides: [2], andEveryLarger: false }
 */
export function stridesForOutputSize(
  inSize: number,
  targetSize: number,
  options: ConvSizeOptions | PoolSizeOptions,
  kind: WindowKind = 'conv',
): StrideSolution {
  requireInteger('target size', targetSize);
  const at = (stride: number) =>
    kind === 'conv' ? convOutputSteps(inSize, { ...options, stride }) : poolOutputSteps(inSize, { ...options, stride });
  const padded = inSize + 2 * (options.padding ?? 0);
  const strides: number[] = [];
  for (let stride = 1; stride <= padded; stride++) if (at(stride).result === targetSize) strides.push(stride);
  const beyond = at(padded + 1).result;
  return { strides, andEveryLarger: beyond === targetSize };
}

/**
 * Reads a Size2 argument as [height, width] (a one-element list counts for both),
 * with PyTorch's messages for a list of the wrong length or a fractional value.
 */
export function size2(op: string, name: string, value: Size2): [number, number] {
  const list = typeof value === 'number' ? [value, value] : [...value];
  if (list.length === 1) list.push(list[0]);
  if (list.length !== 2) {
    throw new Error(`${op}: ${name} must either be a single int, or a tuple of two ints, but got [${list.join(', ')}]`);
  }
  list.forEach((v, pos) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      throw new Error(
        `${op}(): argument '${name}' must be tuple of ints, but found element of type ${typeof v === 'number' ? 'float' : typeof v} at pos ${pos} (${String(v)})`,
      );
    }
  });
  return list as [number, number];
}

/** How the border is filled when a convolution pads (nn.Conv2d's `padding_mode`). */
export type PaddingMode = 'zeros' | 'reflect' | 'replicate' | 'circular';

const PADDING_MODES: readonly PaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];

/** The hyper-parameters of a 2-D convolution, as `conv2d` takes them (PyTorch's names, meanings and defaults). */
export interface Conv2dArgs {
  /** Step of the window (default 1). */
  stride?: Size2;
  /** Pixels added on each side (default 0), or 'valid' (none) or 'same' (output size = input size; stride 1 only). */
  padding?: Size2 | 'valid' | 'same';
  /** Spacing between kernel taps (default 1). */
  dilation?: Size2;
  /** Split channels into this many independent convolutions (default 1; in-channels for depthwise). */
  groups?: number;
  /** What the padding holds (default 'zeros'). */
  paddingMode?: PaddingMode;
}

/** What `conv2dGeometry` resolves. */
export interface Conv2dPlan {
  /**
   * What the kernels need, for the tensor they run on: the input itself, or,
   * when `inputPadding` is set, the input padded that way (then with no padding of its own).
   */
  geometry: ConvGeometry;
  /** [N, Cout, Hout, Wout], or [Cout, Hout, Wout] for an unbatched [Cin, H, W] input. */
  outputShape: number[];
  /** Padding on each side, [top, bottom, left, right]; 'same' puts an odd pixel at the bottom / right. */
  padding: [number, number, number, number];
  /**
   * For a `paddingMode` other than 'zeros' with some padding: pad the input first,
   * `pad(input, pads, mode)` (F.pad's order, [left, right, top, bottom]), as nn.Conv2d does. Otherwise null.
   */
  inputPadding: { pads: [number, number, number, number]; mode: Exclude<PaddingMode, 'zeros'> } | null;
  /** The working of the formula along the height and the width (padded size, dilation span, output). */
  heightSteps: OutputSizeSteps;
  widthSteps: OutputSizeSteps;
}

/** `mode` if it is one of the four padding modes, else PyTorch's refusal. */
export function conv2dPaddingMode(mode: PaddingMode): PaddingMode {
  if (!PADDING_MODES.includes(mode)) {
    throw new Error(`padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='${String(mode)}'`);
  }
  return mode;
}

/** A number-or-pair conv2d argument as [h, w]; `min` is 1 for stride and dilation, 0 for padding. */
function conv2dPair(name: 'stride' | 'dilation' | 'padding', value: Size2, min: number): [number, number] {
  const pair = size2('conv2d', name, value);
  if (pair.some((v) => v < min)) {
    const shown = typeof value === 'number' ? String(value) : `[${[...value].join(', ')}]`;
    throw new Error(`conv2d: ${CONV_REFUSALS[name]}, got ${name}=${shown}`);
  }
  return pair;
}

/**
 * A convolution's padding on each side, [top, bottom, left, right], from what
 * the user passed: a number, a pair, 'valid' or 'same' (which needs stride 1, and
 * puts any odd pixel at the bottom / right, as PyTorch). Throws PyTorch's messages.
 */
export function conv2dPadding(
  padding: Conv2dArgs['padding'],
  kernelSize: readonly [number, number],
  stride: Size2 = 1,
  dilation: Size2 = 1,
): [number, number, number, number] {
  if (typeof padding === 'string') {
    if (padding === 'valid') return [0, 0, 0, 0];
    if (padding !== 'same') {
      throw new Error(`Invalid padding string '${String(padding)}', should be one of {'valid', 'same'}`);
    }
    const [strideH, strideW] = size2('conv2d', 'stride', stride);
    if (strideH !== 1 || strideW !== 1) {
      throw new Error(`padding='same' is not supported for strided convolutions (got stride=[${strideH}, ${strideW}])`);
    }
    const [dilationH, dilationW] = size2('conv2d', 'dilation', dilation);
    return [...samePadding(kernelSize[0], dilationH), ...samePadding(kernelSize[1], dilationW)];
  }
  const [padH, padW] = conv2dPair('padding', padding ?? 0, 0);
  return [padH, padH, padW, padW];
}

/**
 * Validates a 2-D convolution the way PyTorch does (same checks, same order,
 * same messages) and works out its geometry: padding, padded sizes, dilation
 * span, output shape, and what the kernels need. `inputShape` is [N, Cin, H, W]
 * or unbatched [Cin, H, W]; `weightShape` [Cout, Cin/groups, kH, kW]; `biasShape`,
 * if given, is checked against it.
 *
 * The `conv2d` op, `nn.Conv2d` (and so `summary()`) use this, so running a layer,
 * tracing its shape and refusing it all agree.
 *
 * @example conv2dGeometry([1, 3, 32, 32], [16, 3, 5, 5]).outputShape // [1, 16, 28, 28]
 * @example conv2dGeometry([1, 1, 7, 7], [1, 1, 4, 4], { padding: 'same' }).padding // [1, 2, 1, 2]
 */
export function conv2dGeometry(
  inputShape: readonly number[],
  weightShape: readonly number[],
  args: Conv2dArgs = {},
  biasShape: readonly number[] | null = null,
): Conv2dPlan {
  const ndim = inputShape.length;
  if (ndim !== 3 && ndim !== 4) {
    throw new Error(`Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: ${formatShape(inputShape)}`);
  }
  const [strideH, strideW] = conv2dPair('stride', args.stride ?? 1, 1);
  const [dilationH, dilationW] = conv2dPair('dilation', args.dilation ?? 1, 1);
  const groups = args.groups ?? 1;
  if (!Number.isInteger(groups) || groups < 1) {
    throw new Error(`conv2d: non-positive groups is not supported, groups must be a positive integer, got groups=${groups}`);
  }
  const paddingMode = conv2dPaddingMode(args.paddingMode ?? 'zeros');

  // The weight, and the input's channels against it (PyTorch shows the input batched).
  if (weightShape.length !== 4) {
    throw new Error(
      `conv2d: expected 4-dimensional weight [out_channels, in_channels/groups, kH, kW], but got weight of size ${formatShape(weightShape)}`,
    );
  }
  const [outChannels, inPerGroup, kernelHeight, kernelWidth] = weightShape;
  if (kernelHeight < 1 || kernelWidth < 1 || inPerGroup < 1) {
    throw new Error(`conv2d: weight must have non-zero in-channel and kernel sizes, but got weight of size ${formatShape(weightShape)}`);
  }
  if (outChannels % groups !== 0) {
    throw new Error(
      `Given groups=${groups}, expected weight to be divisible by ${groups} at dimension 0, but got weight of size ${formatShape(weightShape)} instead`,
    );
  }
  const batched = ndim === 4 ? inputShape : [1, ...inputShape];
  const [batch, inChannels, inHeight, inWidth] = batched;
  if (inChannels !== inPerGroup * groups) {
    throw new Error(
      `Given groups=${groups}, weight of size ${formatShape(weightShape)}, expected input${formatShape(batched)} to have ${inPerGroup * groups} channels, but got ${inChannels} channels instead`,
    );
  }
  if (biasShape && (biasShape.length !== 1 || biasShape[0] !== outChannels)) {
    throw new Error(
      `Given weight of size ${formatShape(weightShape)}, expected bias to be 1-dimensional with ${outChannels} elements, but got bias of size ${formatShape(biasShape)} instead`,
    );
  }

  const padding = conv2dPadding(args.padding, [kernelHeight, kernelWidth], [strideH, strideW], [dilationH, dilationW]);
  const [top, bottom, left, right] = padding;
  const padsFirst = paddingMode !== 'zeros' && top + bottom + left + right > 0;
  // Those modes pad for real first, so F.pad's limits apply (reflect: less than the size).
  if (padsFirst) padOutputShape(inputShape, [left, right, top, bottom], paddingMode);

  const heightSteps = steps('conv', inHeight, kernelHeight, strideH, top, dilationH, false, bottom);
  const widthSteps = steps('conv', inWidth, kernelWidth, strideW, left, dilationW, false, right);
  if (heightSteps.result < 1 || widthSteps.result < 1) {
    throw kernelTooLarge([heightSteps.paddedSize, widthSteps.paddedSize], [heightSteps.effectiveKernel, widthSteps.effectiveKernel]);
  }
  const outHeight = heightSteps.result;
  const outWidth = widthSteps.result;
  return {
    geometry: {
      batch,
      inChannels,
      // The kernels see the input as they get it: already padded, or padded with zeros on the fly.
      inHeight: padsFirst ? heightSteps.paddedSize : inHeight,
      inWidth: padsFirst ? widthSteps.paddedSize : inWidth,
      outChannels,
      kernelHeight,
      kernelWidth,
      strideH,
      strideW,
      padTop: padsFirst ? 0 : top,
      padLeft: padsFirst ? 0 : left,
      dilationH,
      dilationW,
      groups,
      outHeight,
      outWidth,
    },
    outputShape: ndim === 4 ? [batch, outChannels, outHeight, outWidth] : [outChannels, outHeight, outWidth],
    padding,
    inputPadding: padsFirst ? { pads: [left, right, top, bottom], mode: paddingMode as Exclude<PaddingMode, 'zeros'> } : null,
    heightSteps,
    widthSteps,
  };
}

/** The hyper-parameters of a 2-D pooling op, as the user passes them. */
export interface Pool2dArgs {
  kernelSize: Size2;
  /** Default (null or omitted): the kernel size. */
  stride?: Size2 | null;
  padding?: Size2;
  dilation?: Size2;
  ceilMode?: boolean;
}

/** What `pool2dGeometry` resolves: the kernels' geometry and the output shape. */
export interface Pool2dPlan {
  geometry: PoolGeometry;
  /** [N, C, outH, outW], or [C, outH, outW] for an unbatched input. */
  outputShape: number[];
  /** The working of the formula along the height and the width. */
  heightSteps: OutputSizeSteps;
  widthSteps: OutputSizeSteps;
}

/**
 * Validates a 2-D pooling call the way PyTorch does (same checks, same messages)
 * and returns the geometry its kernels need. `op` names the caller in messages.
 * Used by `maxPool2d` and `avgPool2d`, and usable by anything that needs an
 * output shape without running the op.
 */
export function pool2dGeometry(op: string, inputShape: readonly number[], args: Pool2dArgs): Pool2dPlan {
  const [kernelHeight, kernelWidth] = size2(op, 'kernelSize', args.kernelSize);
  const strideArg = args.stride ?? null;
  const noStride = strideArg === null || (Array.isArray(strideArg) && strideArg.length === 0);
  const [strideH, strideW] = noStride ? [kernelHeight, kernelWidth] : size2(op, 'stride', strideArg);
  const [padTop, padLeft] = size2(op, 'padding', args.padding ?? 0);
  const [dilationH, dilationW] = size2(op, 'dilation', args.dilation ?? 1);
  const ceilMode = args.ceilMode ?? false;

  const ndim = inputShape.length;
  if (ndim !== 3 && ndim !== 4) {
    throw new Error(
      `${op}: non-empty 3D or 4D (batch mode) tensor expected for input, but got input of size [${inputShape.join(', ')}]`,
    );
  }
  const [channels, inHeight, inWidth] = inputShape.slice(-3);
  if (channels === 0 || inHeight === 0 || inWidth === 0) {
    throw new Error(
      `Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got: [${inputShape.join(', ')}]`,
    );
  }
  if (kernelHeight < 1 || kernelWidth < 1) {
    throw new Error(`kernel size should be greater than zero, but got kH: ${kernelHeight} kW: ${kernelWidth}`);
  }
  if (strideH < 1 || strideW < 1) {
    throw new Error(`stride should be greater than zero, but got dH: ${strideH} dW: ${strideW}`);
  }
  if (dilationH < 1 || dilationW < 1) {
    throw new Error(`dilation should be greater than zero, but got dilationH: ${dilationH} dilationW: ${dilationW}`);
  }
  const heightSteps = poolOutputSteps(inHeight, {
    kernelSize: kernelHeight,
    stride: strideH,
    padding: padTop,
    dilation: dilationH,
    ceilMode,
  });
  const widthSteps = poolOutputSteps(inWidth, {
    kernelSize: kernelWidth,
    stride: strideW,
    padding: padLeft,
    dilation: dilationW,
    ceilMode,
  });
  const outHeight = heightSteps.result;
  const outWidth = widthSteps.result;
  if (outHeight < 1 || outWidth < 1) {
    throw new Error(
      `Given input size: (${channels}x${inHeight}x${inWidth}). Calculated output size: (${channels}x${outHeight}x${outWidth}). Output size is too small`,
    );
  }
  const batch = ndim === 4 ? inputShape[0] : 1;
  return {
    geometry: {
      batch,
      channels,
      inHeight,
      inWidth,
      kernelHeight,
      kernelWidth,
      strideH,
      strideW,
      padTop,
      padLeft,
      dilationH,
      dilationW,
      outHeight,
      outWidth,
    },
    outputShape: ndim === 4 ? [batch, channels, outHeight, outWidth] : [channels, outHeight, outWidth],
    heightSteps,
    widthSteps,
  };
}
