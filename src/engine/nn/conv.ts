/**
 * `nn.Conv2d`: a bank of learned filters slid over the input.
 */
import type { Tensor } from '../tensor.ts';
import { conv2d } from '../ops/conv2d.ts';
import { conv2dGeometry, conv2dPadding, conv2dPaddingMode } from '../shapes.ts';
import type { Conv2dArgs, PaddingMode, Size2 } from '../shapes.ts';
import { Module } from './module.ts';
import { defaultBias, defaultWeight } from './init.ts';
import { slideReceptiveField } from './trace.ts';
import type { ReceptiveField } from './trace.ts';
import { pairOf, positiveInteger } from './args.ts';

/** Optional arguments of `nn.Conv2d`, with PyTorch's names and defaults. */
export interface Conv2dModuleOptions {
  /** Step of the window (default 1). */
  stride?: Size2;
  /** Pixels added on each side (default 0), or 'valid' / 'same'. */
  padding?: Size2 | 'valid' | 'same';
  /** Spacing between kernel taps (default 1). */
  dilation?: Size2;
  /** Independent channel groups (default 1; in_channels for depthwise). */
  groups?: number;
  /** Learn a bias per output channel (default true). */
  bias?: boolean;
  /** What the padding holds (default 'zeros'). */
  paddingMode?: PaddingMode;
  /** Seed for the initial weights (default: one draw from the engine-wide generator). */
  seed?: number;
}

/**
 * 2-D convolution layer, as `torch.nn.Conv2d(in_channels, out_channels, kernel_size, ...)`.
 * Weight [out, in/groups, kH, kW] and bias [out], both initialised as PyTorch does:
 * U(-1/sqrt(fanIn), 1/sqrt(fanIn)) with fanIn = in/groups * kH * kW.
 *
 * @example new nn.Conv2d(3, 16, 3, { stride: 2, padding: 1 })
 */
export class Conv2d extends Module {
  static readonly typeName = 'Conv2d';
  readonly inChannels: number;
  readonly outChannels: number;
  readonly kernelSize: [number, number];
  readonly stride: [number, number];
  readonly padding: [number, number] | 'valid' | 'same';
  readonly dilation: [number, number];
  readonly groups: number;
  readonly paddingMode: PaddingMode;
  readonly hasBias: boolean;

  constructor(inChannels: number, outChannels: number, kernelSize: Size2, options: Conv2dModuleOptions = {}) {
    super();
    const { stride = 1, padding = 0, dilation = 1, groups = 1, bias = true, paddingMode = 'zeros' } = options;
    this.inChannels = positiveInteger('Conv2d', 'in_channels', inChannels);
    this.outChannels = positiveInteger('Conv2d', 'out_channels', outChannels);
    this.kernelSize = pairOf('Conv2d', 'kernel_size', kernelSize, 1);
    this.stride = pairOf('Conv2d', 'stride', stride, 1);
    this.dilation = pairOf('Conv2d', 'dilation', dilation, 1);
    this.groups = positiveInteger('Conv2d', 'groups', groups);
    if (inChannels % groups !== 0) throw new Error(`in_channels must be divisible by groups (got in_channels=${inChannels}, groups=${groups})`);
    if (outChannels % groups !== 0) throw new Error(`out_channels must be divisible by groups (got out_channels=${outChannels}, groups=${groups})`);
    if (typeof padding === 'string') {
      // Refused now rather than at the first forward pass: an unknown string, or 'same' with a stride.
      conv2dPadding(padding, this.kernelSize, this.stride, this.dilation);
      this.padding = padding;
    } else {
      this.padding = pairOf('Conv2d', 'padding', padding, 0);
    }
    this.paddingMode = conv2dPaddingMode(paddingMode);
    this.hasBias = bias;

    this.useSeed(options.seed);
    const weightShape = [outChannels, inChannels / groups, ...this.kernelSize];
    this.registerParameter('weight', weightShape, defaultWeight());
    if (bias) this.registerParameter('bias', [outChannels], defaultBias(weightShape));
  }

  /** The filters, [out_channels, in_channels/groups, kH, kW]. */
  get weight(): Tensor {
    return this.tensorOf('weight');
  }

  /** One bias per output channel, or null when built with `bias: false`. */
  get bias(): Tensor | null {
    return this.hasBias ? this.tensorOf('bias') : null;
  }

  /** The layer's hyper-parameters as `conv2d` and `conv2dGeometry` take them. */
  private args(): Conv2dArgs {
    return {
      stride: this.stride,
      padding: this.padding,
      dilation: this.dilation,
      groups: this.groups,
      paddingMode: this.paddingMode,
    };
  }

  forward(x: Tensor): Tensor {
    return conv2d(x, this.weight, this.bias, this.args());
  }

  /** Padding before the first row and column, [top, left] ('same' puts any odd pixel at the far end). */
  leadingPadding(): [number, number] {
    const [top, , left] = conv2dPadding(this.padding, this.kernelSize, this.stride, this.dilation);
    return [top, left];
  }

  /** The shape `forward` returns for `inputShape`, and its refusals, worked out by the very function `conv2d` uses. */
  override outputShape(inputShape: readonly number[]): number[] {
    const weightShape = [this.outChannels, this.inChannels / this.groups, ...this.kernelSize];
    return conv2dGeometry(inputShape, weightShape, this.args()).outputShape;
  }

  override receptiveField(field: ReceptiveField): ReceptiveField {
    return slideReceptiveField(field, {
      kernel: this.kernelSize,
      stride: this.stride,
      padding: this.leadingPadding(),
      dilation: this.dilation,
    });
  }

  /** Every output value is a dot product of in/groups * kH * kW weights with the input. */
  override macs(_inputShape: readonly number[], outputShape: readonly number[]): number {
    const outputs = outputShape.reduce((a, b) => a * b, 1);
    return outputs * (this.inChannels / this.groups) * this.kernelSize[0] * this.kernelSize[1];
  }

  override extraRepr(): string {
    const parts = [`${this.inChannels}, ${this.outChannels}, kernel_size=(${this.kernelSize.join(', ')})`];
    if (this.stride.some((s) => s !== 1)) parts.push(`stride=(${this.stride.join(', ')})`);
    if (typeof this.padding === 'string') parts.push(`padding=${this.padding}`);
    else if (this.padding.some((p) => p !== 0)) parts.push(`padding=(${this.padding.join(', ')})`);
    if (this.dilation.some((d) => d !== 1)) parts.push(`dilation=(${this.dilation.join(', ')})`);
    if (this.groups !== 1) parts.push(`groups=${this.groups}`);
    if (!this.hasBias) parts.push('bias=False');
    if (this.paddingMode !== 'zeros') parts.push(`padding_mode=${this.paddingMode}`);
    return parts.join(', ');
  }
}
