/**
 * ResNet (He, Zhang, Ren and Sun, 2015), exactly as torchvision builds it:
 * a 7x7 stride-2 stem and a max pool, four stages of residual blocks (64, 128,
 * 256, 512 planes; each stage after the first halves the size with a stride-2
 * block), global average pooling and one fully connected layer.
 */
import type { Tensor } from '../tensor.ts';
import { Module } from '../nn/module.ts';
import { Sequential } from '../nn/container.ts';
import { Conv2d } from '../nn/conv.ts';
import { BatchNorm2d } from '../nn/normalization.ts';
import { ReLU } from '../nn/activation.ts';
import { MaxPool2d, AdaptiveAvgPool2d } from '../nn/pooling.ts';
import { Flatten, Linear } from '../nn/linear.ts';
import { BasicBlock, Bottleneck } from '../nn/residual.ts';
import type { ShapeTracer, TraceState } from '../nn/trace.ts';
import { classCount, finish, torchvisionInit } from './common.ts';
import type { ModelOptions } from './common.ts';

/** Which block a ResNet stacks. */
export type BlockKind = 'basic' | 'bottleneck';

/** Options of the ResNet builders. */
export interface ResNetOptions extends ModelOptions {
  /** Default 1000 (ImageNet). */
  numClasses?: number;
}

/**
 * torchvision's `ResNet(block, layers, num_classes)`. Children and parameter
 * names match torchvision's (conv1, bn1, relu, maxpool, layer1..layer4,
 * avgpool, fc; "layer2.0.downsample.0.weight"), plus a parameter-free
 * `flatten` between avgpool and fc (torchvision calls torch.flatten there).
 */
export class ResNet extends Module {
  static readonly typeName = 'ResNet';
  readonly conv1: Conv2d;
  readonly bn1: BatchNorm2d;
  readonly relu: ReLU;
  readonly maxpool: MaxPool2d;
  readonly layer1: Sequential;
  readonly layer2: Sequential;
  readonly layer3: Sequential;
  readonly layer4: Sequential;
  readonly avgpool: AdaptiveAvgPool2d;
  readonly flatten: Flatten;
  readonly fc: Linear;

  constructor(block: BlockKind, layers: readonly [number, number, number, number], numClasses = 1000) {
    super();
    const Block = block === 'basic' ? BasicBlock : Bottleneck;
    let inPlanes = 64;
    const stage = (planes: number, blocks: number, stride: number): Sequential => {
      const stack = new Sequential(new Block(inPlanes, planes, { stride }));
      inPlanes = planes * Block.expansion;
      for (let i = 1; i < blocks; i++) stack.append(new Block(inPlanes, planes));
      return stack;
    };
    this.conv1 = new Conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false });
    this.bn1 = new BatchNorm2d(64);
    this.relu = new ReLU();
    this.maxpool = new MaxPool2d(3, { stride: 2, padding: 1 });
    this.layer1 = stage(64, layers[0], 1);
    this.layer2 = stage(128, layers[1], 2);
    this.layer3 = stage(256, layers[2], 2);
    this.layer4 = stage(512, layers[3], 2);
    this.avgpool = new AdaptiveAvgPool2d([1, 1]);
    this.flatten = new Flatten();
    this.fc = new Linear(512 * Block.expansion, numClasses);
  }

  forward(x: Tensor): Tensor {
    let out = x;
    for (const [name, child] of this.namedChildren()) out = this.runChild(name, child, out);
    return out;
  }

  override trace(input: TraceState, tracer: ShapeTracer, name: string): TraceState {
    let state = input;
    for (const [childName, child] of this.namedChildren()) state = this.traceChild(childName, child, state, tracer, name);
    return state;
  }
}

function resnet(builder: string, block: BlockKind, layers: readonly [number, number, number, number], options: ResNetOptions): ResNet {
  const model = new ResNet(block, layers, classCount(builder, options.numClasses ?? 1000));
  torchvisionInit(model, null);
  return finish(model, options);
}

/** ResNet-18: BasicBlocks [2, 2, 2, 2], 11,689,512 parameters for 1000 classes. */
export function resnet18(options: ResNetOptions = {}): ResNet {
  return resnet('resnet18', 'basic', [2, 2, 2, 2], options);
}

/** ResNet-34: BasicBlocks [3, 4, 6, 3], 21,797,672 parameters for 1000 classes. */
export function resnet34(options: ResNetOptions = {}): ResNet {
  return resnet('resnet34', 'basic', [3, 4, 6, 3], options);
}

/** ResNet-50: Bottlenecks [3, 4, 6, 3], 25,557,032 parameters for 1000 classes. */
export function resnet50(options: ResNetOptions = {}): ResNet {
  return resnet('resnet50', 'bottleneck', [3, 4, 6, 3], options);
}

/** ResNet-101: Bottlenecks [3, 4, 23, 3], 44,549,160 parameters for 1000 classes. */
export function resnet101(options: ResNetOptions = {}): ResNet {
  return resnet('resnet101', 'bottleneck', [3, 4, 23, 3], options);
}

/** ResNet-152: Bottlenecks [3, 8, 36, 3], 60,192,808 parameters for 1000 classes. */
export function resnet152(options: ResNetOptions = {}): ResNet {
  return resnet('resnet152', 'bottleneck', [3, 8, 36, 3], options);
}
