/**
 * Shape arithmetic: how long a convolution's or a pooling layer's output is
 * along one spatial dimension, with PyTorch's formula
 *
 *   L_out = floor((L_in + 2*padding - dilation*(kernel_size - 1) - 1) / stride + 1)
 *
 * Pure numbers, no tensors. The pooling ops build their geometry with these
 * very functions, so the formula a lesson shows and the shape an op returns
 * cannot disagree.
 */
import type { PoolGeometry } from './backend.ts';

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
  padding: number;
  dilation: number;
  ceilMode: boolean;
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
    if (stride < 1) throw new Error(`non-positive stride is not supported, got stride=${stride}`);
    if (dilation < 1) throw new Error(`dilation should be greater than zero, got dilation=${dilation}`);
    if (padding < 0) throw new Error(`negative padding is not supported, got padding=${padding}`);
    return;
  }
  if (stride < 1) throw new Error(`stride should be greater than zero, but got stride=${stride}`);
  if (dilation < 1) throw new Error(`dilation should be greater than zero, but got dilation=${dilation}`);
  if (padding < 0) throw new Error(`pad must be non-negative, but got pad: ${padding}`);
}

function steps(
  kind: WindowKind,
  inSize: number,
  kernelSize: number,
  stride: number,
  padding: number,
  dilation: number,
  ceilMode: boolean,
): OutputSizeSteps {
  const effectiveKernel = dilation * (kernelSize - 1) + 1;
  const numerator = inSize + 2 * padding - dilation * (kernelSize - 1) - 1;
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
    dilation,
    ceilMode,
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
  if (padding > Math.floor(((kernelSize - 1) * dilation + 1) / 2)) {
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
  if (s.result < 1) {
    throw new Error(
      `Calculated padded input size per channel: (${inSize + 2 * s.padding}). Kernel size: (${s.effectiveKernel}). Kernel size can't be greater than actual input size`,
    );
  }
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
  const total = dilation * (kernelSize - 1);
  return total % 2 === 0 ? total / 2 : null;
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
