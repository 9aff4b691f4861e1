/**
 * ResNet's residual blocks, as torchvision builds them. The block learns a
 * correction F(x) and outputs relu(F(x) + x): the skip connection carries x
 * (and its gradient) straight through, so a deep stack can start out as
 * (nearly) the identity instead of having to learn it.
 */
import type { Tensor } from '../tensor.ts';
import { formatShape } from '../tensor.ts';
import { add } from '../ops/elementwise.ts';
import { Module } from './module.ts';
import { Conv2d } from './conv.ts';
import { BatchNorm2d } from './normalization.ts';
import { ReLU } from './activation.ts';
import { Sequential } from './container.ts';
import { LayerError } from './errors.ts';
import { unionReceptiveFields } from './trace.ts';
import type { ShapeTracer, TraceState } from './trace.ts';

/** Options shared by the residual blocks. */
export interface ResidualBlockOptions {
  /** Stride of the block's 3x3 convolution (2 halves height and width). Default 1. */
  stride?: number;
  /**
   * The shortcut's projection. Omitted: torchvision's rule, a 1x1 convolution
   * (stride `stride`, no bias) plus BatchNorm2d whenever the shape changes, else
   * the identity. A module: that module. null: always the identity.
   */
  downsample?: Module | null;
  /**
   * false gives a "plain" block, the same layers without the skip connection
   * (and so without a projection): the baseline of He et al.'s degradation
   * experiment. Default true.
   */
  residual?: boolean;
}

/** A 3x3 convolution with padding 1 and no bias (BatchNorm follows and has its own shift). */
function conv3x3(inPlanes: number, outPlanes: number, stride = 1, groups = 1, dilation = 1): Conv2d {
  return new Conv2d(inPlanes, outPlanes, 3, { stride, padding: dilation, groups, dilation, bias: false });
}

/** A 1x1 convolution with no bias: mixes channels, optionally subsampling. */
function conv1x1(inPlanes: number, outPlanes: number, stride = 1): Conv2d {
  return new Conv2d(inPlanes, outPlanes, 1, { stride, bias: false });
}

function defaultDownsample(inPlanes: number, outPlanes: number, stride: number): Module | null {
  if (stride === 1 && inPlanes === outPlanes) return null;
  return new Sequential(conv1x1(inPlanes, outPlanes, stride), new BatchNorm2d(outPlanes));
}

/** Why the main path and the shortcut cannot be summed, or null when their shapes are equal. */
function residualMismatch(main: readonly number[], skip: readonly number[]): string | null {
  const same = main.length === skip.length && main.every((d, i) => d === skip[i]);
  return same
    ? null
    : `the residual sum needs equal shapes, got ${formatShape(main)} from the main path and ${formatShape(skip)} from the shortcut`;
}

/** What residual blocks share: the shortcut, its sum, and the trace of both paths. */
abstract class ResidualBlock extends Module {
  readonly residual: boolean;
  readonly stride: number;

  constructor(options: ResidualBlockOptions) {
    super();
    this.residual = options.residual ?? true;
    this.stride = options.stride ?? 1;
  }

  /** The shortcut projection (null for the identity or a plain block). */
  abstract get shortcut(): Module | null;
  /** The main path's layers up to (not including) the final ReLU, with their names. */
  protected abstract mainPath(): [string, Module][];
  /** The block's ReLU module (applied inside the main path and once after the sum). */
  protected abstract get activation(): Module;

  forward(x: Tensor): Tensor {
    let out = x;
    for (const [name, layer] of this.mainPath()) out = this.runChild(name, layer, out);
    if (this.residual) {
      const identity = this.shortcut ? this.runChild('downsample', this.shortcut, x) : x;
      // add() would broadcast a 1-channel path against an 8-channel one into a
      // silently wrong shape; the sum needs equal shapes, exactly as summary says.
      const mismatch = residualMismatch(out.shape, identity.shape);
      if (mismatch) throw new LayerError('', this.typeName, mismatch);
      out = add(out, identity);
    }
    return this.runChild('relu', this.activation, out);
  }

  override trace(input: TraceState, tracer: ShapeTracer, name: string): TraceState {
    let state = input;
    for (const [childName, layer] of this.mainPath()) state = this.traceChild(childName, layer, state, tracer, name);
    if (this.residual) {
      const skip = this.shortcut ? this.traceChild('downsample', this.shortcut, input, tracer, name) : input;
      const mismatch = residualMismatch(state.shape, skip.shape);
      if (mismatch) throw new LayerError(name, this.typeName, mismatch);
      const field =
        state.receptiveField && skip.receptiveField ? unionReceptiveFields(state.receptiveField, skip.receptiveField) : null;
      state = { shape: state.shape, receptiveField: field };
    }
    return this.traceChild('relu', this.activation, state, tracer, name);
  }
}

/**
 * ResNet-18/34's block, torchvision's `BasicBlock(inplanes, planes, stride, downsample)`:
 * conv3x3 (stride) - BN - ReLU - conv3x3 - BN, plus the shortcut, then ReLU.
 * Children: conv1, bn1, relu, conv2, bn2, downsample (torchvision's names).
 *
 * @example new nn.BasicBlock(64, 128, { stride: 2 }) // with a 1x1 projection shortcut
 */
export class BasicBlock extends ResidualBlock {
  static readonly typeName = 'BasicBlock';
  /** Output channels = planes * expansion. */
  static readonly expansion = 1;
  readonly conv1: Conv2d;
  readonly bn1: BatchNorm2d;
  readonly relu: ReLU;
  readonly conv2: Conv2d;
  readonly bn2: BatchNorm2d;
  readonly downsample: Module | null;

  constructor(inPlanes: number, planes: number, options: ResidualBlockOptions = {}) {
    super(options);
    this.conv1 = conv3x3(inPlanes, planes, this.stride);
    this.bn1 = new BatchNorm2d(planes);
    this.relu = new ReLU();
    this.conv2 = conv3x3(planes, planes);
    this.bn2 = new BatchNorm2d(planes);
    this.downsample = !this.residual
      ? null
      : options.downsample === undefined
        ? defaultDownsample(inPlanes, planes, this.stride)
        : options.downsample;
  }

  /** "PlainBlock" for a block built with `residual: false`. */
  override get typeName(): string {
    return this.residual ? 'BasicBlock' : 'PlainBlock';
  }

  get shortcut(): Module | null {
    return this.downsample;
  }

  protected get activation(): Module {
    return this.relu;
  }

  protected mainPath(): [string, Module][] {
    return [
      ['conv1', this.conv1],
      ['bn1', this.bn1],
      ['relu', this.relu],
      ['conv2', this.conv2],
      ['bn2', this.bn2],
    ];
  }
}

/** Options of `nn.Bottleneck`: the residual options plus ResNeXt / wide-ResNet widths. */
export interface BottleneckOptions extends ResidualBlockOptions {
  /** Groups of the 3x3 convolution (default 1). */
  groups?: number;
  /** Width per group; the 3x3 convolution has planes * baseWidth/64 * groups channels (default 64). */
  baseWidth?: number;
}

/**
 * ResNet-50/101/152's block, torchvision's `Bottleneck(inplanes, planes, stride, downsample)`
 * (the "v1.5" variant: the stride sits on the 3x3 convolution): 1x1 reduce -
 * 3x3 - 1x1 expand to planes * 4, each followed by BN (ReLU after the first two),
 * plus the shortcut, then ReLU. The 1x1 layers keep the 3x3 convolution narrow,
 * which is what makes 50+ layers affordable.
 */
export class Bottleneck extends ResidualBlock {
  static readonly typeName = 'Bottleneck';
  /** Output channels = planes * expansion. */
  static readonly expansion = 4;
  readonly conv1: Conv2d;
  readonly bn1: BatchNorm2d;
  readonly conv2: Conv2d;
  readonly bn2: BatchNorm2d;
  readonly conv3: Conv2d;
  readonly bn3: BatchNorm2d;
  readonly relu: ReLU;
  readonly downsample: Module | null;

  constructor(inPlanes: number, planes: number, options: BottleneckOptions = {}) {
    super(options);
    const groups = options.groups ?? 1;
    const width = Math.floor(planes * ((options.baseWidth ?? 64) / 64)) * groups;
    const outPlanes = planes * Bottleneck.expansion;
    this.conv1 = conv1x1(inPlanes, width);
    this.bn1 = new BatchNorm2d(width);
    this.conv2 = conv3x3(width, width, this.stride, groups);
    this.bn2 = new BatchNorm2d(width);
    this.conv3 = conv1x1(width, outPlanes);
    this.bn3 = new BatchNorm2d(outPlanes);
    this.relu = new ReLU();
    this.downsample = !this.residual
      ? null
      : options.downsample === undefined
        ? defaultDownsample(inPlanes, outPlanes, this.stride)
        : options.downsample;
  }

  get shortcut(): Module | null {
    return this.downsample;
  }

  protected get activation(): Module {
    return this.relu;
  }

  protected mainPath(): [string, Module][] {
    return [
      ['conv1', this.conv1],
      ['bn1', this.bn1],
      ['relu', this.relu],
      ['conv2', this.conv2],
      ['bn2', this.bn2],
      ['relu', this.relu],
      ['conv3', this.conv3],
      ['bn3', this.bn3],
    ];
  }
}
