/**
 * Pooling layers: `nn.MaxPool2d`, `nn.AvgPool2d`, `nn.AdaptiveAvgPool2d`.
 * None has parameters; each shrinks height and width and leaves channels alone.
 */
import type { Tensor } from '../tensor.ts';
import { formatShape } from '../tensor.ts';
import { maxPool2d } from '../ops/maxPool2d.ts';
import { avgPool2d, checkedDivisorOverride } from '../ops/avgPool2d.ts';
import { adaptiveAvgPool2d } from '../ops/adaptiveAvgPool2d.ts';
import type { AdaptiveOutputSize } from '../ops/adaptiveAvgPool2d.ts';
import { pool2dGeometry } from '../shapes.ts';
import type { Size2 } from '../shapes.ts';
import { Module } from './module.ts';
import { slideReceptiveField } from './trace.ts';
import type { ReceptiveField } from './trace.ts';
import { pairOf } from './args.ts';

/** Optional arguments of `nn.MaxPool2d`. */
export interface MaxPool2dModuleOptions {
  /** Default: the kernel size (windows do not overlap). */
  stride?: Size2 | null;
  /** Default 0; at most half the kernel. */
  padding?: Size2;
  /** Default 1. */
  dilation?: Size2;
  /** Default false. */
  ceilMode?: boolean;
}

function windowRepr(kernel: [number, number], stride: [number, number], padding: [number, number]): string {
  const one = (p: [number, number]) => (p[0] === p[1] ? String(p[0]) : `(${p.join(', ')})`);
  return `kernel_size=${one(kernel)}, stride=${one(stride)}, padding=${one(padding)}`;
}

/**
 * Max pooling layer, as `torch.nn.MaxPool2d(kernel_size, stride=None, ...)`.
 *
 * @example new nn.MaxPool2d(2)                 // 2x2 windows, stride 2
 * @example new nn.MaxPool2d(3, { stride: 2 })  // AlexNet's overlapping pooling
 */
export class MaxPool2d extends Module {
  static readonly typeName = 'MaxPool2d';
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  readonly dilation: [number, number];
  readonly ceilMode: boolean;

  constructor(kernelSize: Size2, options: MaxPool2dModuleOptions = {}) {
    super();
    this.kernelSize = pairOf('MaxPool2d', 'kernel_size', kernelSize, 1);
    this.stride = options.stride == null ? this.kernelSize : pairOf('MaxPool2d', 'stride', options.stride, 1);
    this.padding = pairOf('MaxPool2d', 'padding', options.padding ?? 0, 0);
    this.dilation = pairOf('MaxPool2d', 'dilation', options.dilation ?? 1, 1);
    this.ceilMode = options.ceilMode ?? false;
  }

  forward(x: Tensor): Tensor {
    return maxPool2d(x, {
      kernelSize: this.kernelSize,
      stride: this.stride,
      padding: this.padding,
      dilation: this.dilation,
      ceilMode: this.ceilMode,
    });
  }

  override outputShape(inputShape: readonly number[]): number[] {
    return pool2dGeometry('maxPool2d', inputShape, {
      kernelSize: this.kernelSize,
      stride: this.stride,
      padding: this.padding,
      dilation: this.dilation,
      ceilMode: this.ceilMode,
    }).outputShape;
  }

  override receptiveField(field: ReceptiveField): ReceptiveField {
    return slideReceptiveField(field, {
      kernel: this.kernelSize,
      stride: this.stride,
      padding: this.padding,
      dilation: this.dilation,
    });
  }

  override extraRepr(): string {
    const dilation = this.dilation[0] === this.dilation[1] ? String(this.dilation[0]) : `(${this.dilation.join(', ')})`;
    return `${windowRepr(this.kernelSize, this.stride, this.padding)}, dilation=${dilation}, ceil_mode=${this.ceilMode ? 'True' : 'False'}`;
  }
}

/** Optional arguments of `nn.AvgPool2d`. */
export interface AvgPool2dModuleOptions {
  /** Default: the kernel size. */
  stride?: Size2 | null;
  /** Default 0. */
  padding?: Size2;
  /** Default false. */
  ceilMode?: boolean;
  /** Count padded zeros in the divisor (default true). */
  countIncludePad?: boolean;
  /** Divide every window by this instead. */
  divisorOverride?: number | null;
}

/**
 * Average pooling layer, as `torch.nn.AvgPool2d(kernel_size, stride=None, ...)`.
 *
 * @example new nn.AvgPool2d(2)
 */
export class AvgPool2d extends Module {
  static readonly typeName = 'AvgPool2d';
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number];
  readonly ceilMode: boolean;
  readonly countIncludePad: boolean;
  readonly divisorOverride: number | null;

  constructor(kernelSize: Size2, options: AvgPool2dModuleOptions = {}) {
    super();
    this.kernelSize = pairOf('AvgPool2d', 'kernel_size', kernelSize, 1);
    this.stride = options.stride == null ? this.kernelSize : pairOf('AvgPool2d', 'stride', options.stride, 1);
    this.padding = pairOf('AvgPool2d', 'padding', options.padding ?? 0, 0);
    this.ceilMode = options.ceilMode ?? false;
    this.countIncludePad = options.countIncludePad ?? true;
    this.divisorOverride = options.divisorOverride ?? null;
  }

  forward(x: Tensor): Tensor {
    return avgPool2d(x, {
      kernelSize: this.kernelSize,
      stride: this.stride,
      padding: this.padding,
      ceilMode: this.ceilMode,
      countIncludePad: this.countIncludePad,
      divisorOverride: this.divisorOverride,
    });
  }

  override outputShape(inputShape: readonly number[]): number[] {
    checkedDivisorOverride(this.divisorOverride);
    return pool2dGeometry('avgPool2d', inputShape, {
      kernelSize: this.kernelSize,
      stride: this.stride,
      padding: this.padding,
      ceilMode: this.ceilMode,
    }).outputShape;
  }

  override receptiveField(field: ReceptiveField): ReceptiveField {
    return slideReceptiveField(field, { kernel: this.kernelSize, stride: this.stride, padding: this.padding, dilation: [1, 1] });
  }

  override extraRepr(): string {
    return windowRepr(this.kernelSize, this.stride, this.padding);
  }
}

/**
 * Adaptive average pooling layer, as `torch.nn.AdaptiveAvgPool2d(output_size)`:
 * you fix the output size and the windows adapt to the input. VGG and AlexNet
 * use it so the classifier always sees 7x7 (6x6); ResNet pools down to 1x1.
 *
 * @example new nn.AdaptiveAvgPool2d(1)        // global average pooling
 * @example new nn.AdaptiveAvgPool2d([7, 7])
 */
export class AdaptiveAvgPool2d extends Module {
  static readonly typeName = 'AdaptiveAvgPool2d';
  readonly outputSize: AdaptiveOutputSize;

  constructor(outputSize: AdaptiveOutputSize) {
    super();
    const sizes = typeof outputSize === 'number' ? [outputSize] : [...outputSize];
    if (
      (typeof outputSize !== 'number' && sizes.length !== 2) ||
      !sizes.every((s) => s === null || (Number.isInteger(s) && s >= 0))
    ) {
      throw new Error(`AdaptiveAvgPool2d: output_size must be an integer >= 0 or a pair [h, w] of them (null keeps the input size), got ${JSON.stringify(outputSize)}`);
    }
    this.outputSize = outputSize;
  }

  forward(x: Tensor): Tensor {
    return adaptiveAvgPool2d(x, this.outputSize);
  }

  /** [outH, outW] for an input of height `height` and width `width`. */
  resolvedSize(height: number, width: number): [number, number] {
    const [h, w] = typeof this.outputSize === 'number' ? [this.outputSize, this.outputSize] : this.outputSize;
    return [h ?? height, w ?? width];
  }

  override outputShape(inputShape: readonly number[]): number[] {
    const ndim = inputShape.length;
    if (ndim !== 3 && ndim !== 4) {
      throw new Error(`adaptiveAvgPool2d(): Expected 3D or 4D tensor, but got ${formatShape(inputShape)}`);
    }
    const [height, width] = inputShape.slice(-2);
    if (height === 0 || width === 0) {
      throw new Error(`adaptiveAvgPool2d(): Expected input to have non-zero size for non-batch dimensions, but input has sizes ${formatShape(inputShape)}`);
    }
    return [...inputShape.slice(0, -2), ...this.resolvedSize(height, width)];
  }

  /**
   * When the output size divides the input size the windows are a plain
   * non-overlapping pool (kernel = stride = in/out). Otherwise they differ in
   * length and spacing, so no single field describes them: unknown.
   */
  override receptiveField(field: ReceptiveField, inputShape: readonly number[], outputShape: readonly number[]): ReceptiveField | null {
    const inSize = inputShape.slice(-2);
    const outSize = outputShape.slice(-2);
    if (inSize.some((size, d) => size % outSize[d] !== 0)) return null;
    const window = inSize.map((size, d) => size / outSize[d]) as [number, number];
    return slideReceptiveField(field, { kernel: window, stride: window, padding: [0, 0], dilation: [1, 1] });
  }

  override extraRepr(): string {
    return `output_size=${JSON.stringify(this.outputSize).replace('[', '(').replace(']', ')')}`;
  }
}
