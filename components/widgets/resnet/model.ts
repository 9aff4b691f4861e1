/**
 * Lesson 17's computations, on the engine: a residual block stepped through with
 * real tensors, the downsampling shortcut's shapes, the bottleneck block against
 * two 3x3 layers (parameters and MACs from `summary`), and the zoo's ResNets.
 */
import { add, manualSeed, models, nn, noGrad, summary, tensor } from '../../../src/engine/index.ts';
import type { Tensor } from '../../../src/engine/index.ts';

/** One stage of a block's forward pass: its name, its tensor (channel 0 shown) and shape. */
export interface BlockStage {
  id: 'x' | 'conv1' | 'bn1' | 'relu1' | 'conv2' | 'bn2' | 'shortcut' | 'sum' | 'out';
  shape: number[];
  /** Values of the first image's first channel, row-major. */
  channel0: number[];
  side: number;
}

/** The stepper's input: 2 channels of 4x4, a fixed pattern so the page and the tests agree. */
export const BLOCK_CHANNELS = 2;
export const BLOCK_SIDE = 4;
export const BLOCK_SEED = 17;

function blockInput(): Tensor {
  const n = BLOCK_CHANNELS * BLOCK_SIDE * BLOCK_SIDE;
  const data = Float32Array.from({ length: n }, (_, i) => Math.round(Math.sin(i * 1.7) * 10) / 10);
  return tensor(data, [1, BLOCK_CHANNELS, BLOCK_SIDE, BLOCK_SIDE]);
}

function stage(id: BlockStage['id'], t: Tensor): BlockStage {
  const side = t.shape[3];
  return { id, shape: [...t.shape], channel0: Array.from(t.data.slice(0, side * side), (v) => Math.round(v * 100) / 100), side };
}

/**
 * Runs a BasicBlock layer by layer: conv1, bn1, relu, conv2, bn2 is F(x); then
 * F(x) + x and the final ReLU. With `downsample`, the block is the one that opens
 * a stage: conv1 has stride 2 and doubles the channels (2 -> 4, 4x4 -> 2x2), so x
 * cannot be added as it is and the shortcut is a 1x1 stride-2 convolution with
 * BatchNorm, stepped as its own stage. Seeded weights, BatchNorm in eval mode.
 * Also checks that the stepped result equals the block's own forward.
 */
export function stepBlock(downsample = false): { stages: BlockStage[]; matchesForward: boolean } {
  manualSeed(BLOCK_SEED);
  const block = downsample ? new nn.BasicBlock(BLOCK_CHANNELS, BLOCK_CHANNELS * 2, { stride: 2 }) : new nn.BasicBlock(BLOCK_CHANNELS, BLOCK_CHANNELS);
  block.eval();
  const x = blockInput();
  return noGrad(() => {
    const c1 = block.conv1.forward(x);
    const b1 = block.bn1.forward(c1);
    const r1 = block.relu.forward(b1);
    const c2 = block.conv2.forward(r1);
    const f = block.bn2.forward(c2);
    const skip = block.downsample ? block.downsample.forward(x) : x;
    const sum = add(f, skip);
    const out = block.relu.forward(sum);
    const direct = block.forward(x);
    const matchesForward = direct.shape.join() === out.shape.join() && direct.data.every((v, i) => Math.abs(v - out.data[i]) < 1e-6);
    const main = [stage('x', x), stage('conv1', c1), stage('bn1', b1), stage('relu1', r1), stage('conv2', c2), stage('bn2', f)];
    return {
      stages: [...main, ...(block.downsample ? [stage('shortcut', skip)] : []), stage('sum', sum), stage('out', out)],
      matchesForward,
    };
  });
}

/** Shapes of a downsampling block (channels double, side halves) and its 1x1 stride-2 shortcut. */
export function downsampleShapes(inChannels = 64, side = 56): {
  input: number[];
  main: number[];
  shortcut: number[];
  shortcutParams: number;
} {
  const block = new nn.BasicBlock(inChannels, inChannels * 2, { stride: 2 });
  const input = [1, inChannels, side, side];
  const report = summary(block, input);
  const down = block.downsample;
  if (!down) throw new Error('lesson 17: a stride-2 block must have a projection shortcut');
  const shortcutSummary = summary(down, input);
  return { input, main: report.outputShape, shortcut: shortcutSummary.outputShape, shortcutParams: shortcutSummary.totalParams };
}

/** Parameters and MACs of two 3x3 convolutions (C -> C) and of a bottleneck (4C -> C -> C -> 4C), at a side x side map. */
export interface BottleneckComparison {
  channels: number;
  side: number;
  twoConvs: { params: number; macs: number; width: number };
  bottleneck: { params: number; macs: number; width: number };
}

/** Convolution weights and MACs only (BatchNorm's few values are left out of both designs). */
function convCost(layers: nn.Conv2d[], input: readonly number[]): { params: number; macs: number } {
  const report = summary(new nn.Sequential(...layers), input);
  return { params: report.totalParams, macs: report.totalMacs };
}

/**
 * ResNet's comparison: a basic block's two 3x3 convolutions on `channels` channels,
 * and a bottleneck on a map four times wider (1x1 reduce to `channels`, 3x3, 1x1 expand
 * back to 4 * channels). Both without bias, as in the zoo.
 */
export function compareBottleneck(channels: number, side = 14): BottleneckComparison {
  const c = channels;
  const conv = (i: number, o: number, k: number) => new nn.Conv2d(i, o, k, { padding: (k - 1) / 2, bias: false });
  const two = convCost([conv(c, c, 3), conv(c, c, 3)], [1, c, side, side]);
  const bottle = convCost([conv(4 * c, c, 1), conv(c, c, 3), conv(c, 4 * c, 1)], [1, 4 * c, side, side]);
  return { channels, side, twoConvs: { ...two, width: c }, bottleneck: { ...bottle, width: 4 * c } };
}

/** The three zoo ResNets the lesson compares, with their parameter counts from the engine. */
export const ZOO = ['resnet18', 'resnet34', 'resnet50'] as const;
export type ZooName = (typeof ZOO)[number];

export function zooParams(name: ZooName): { params: number; macs: number; blocks: number } {
  const model = name === 'resnet18' ? models.resnet18() : name === 'resnet34' ? models.resnet34() : models.resnet50();
  const report = summary(model, [1, 3, 224, 224]);
  let blocks = 0;
  for (const [, m] of model.namedModules()) if (m instanceof nn.BasicBlock || m instanceof nn.Bottleneck) blocks++;
  return { params: report.totalParams, macs: report.totalMacs, blocks };
}
