import { describe, expect, it } from 'vitest';
import { ArchitectureError, buildModel, checkArchitecture } from '../../../src/training/architecture.ts';
import { DEFAULT_STACK, DEFAULT_TRAIN_CONFIG, checkTrainConfig } from '../../../src/training/config.ts';
import type { LayerSpec, StackSpec, TrainConfig } from '../../../src/training/config.ts';
import { Tensor, randn } from '../../../src/engine/index.ts';

const stack = (...layers: LayerSpec[]): StackSpec => ({ kind: 'stack', layers });

function failure(spec: StackSpec) {
  const result = checkArchitecture(spec);
  if (result.ok) throw new Error(`expected ${JSON.stringify(spec)} to be refused`);
  return result;
}

describe('architectures', () => {
  it('builds LeNet-5 for 28x28 digits with 61,706 parameters and the paper-sized maps', () => {
    const { summary, layers } = buildModel({ kind: 'lenet5' }, { seed: 1 });
    expect(summary.totalParams).toBe(61_706);
    expect(layers.find((l) => l.name === 'features.0')?.outputShape).toEqual([6, 28, 28]);
    expect(layers.find((l) => l.name === 'features.3')?.outputShape).toEqual([16, 10, 10]);
    expect(layers.at(-1)?.outputShape).toEqual([10]);
  });

  it('builds LeNet-5 with the requested activation and pooling', () => {
    const { layers } = buildModel({ kind: 'lenet5', activation: 'relu', pooling: 'max' }, { seed: 1 });
    expect(layers.map((l) => l.type)).toContain('ReLU');
    expect(layers.map((l) => l.type)).toContain('MaxPool2d');
    expect(layers.map((l) => l.type)).not.toContain('Tanh');
  });

  it('builds the default stack with shapes and parameter counts from summary', () => {
    const result = checkArchitecture(DEFAULT_STACK);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // conv 8@5x5 pad 2 -> 8x28x28 -> pool 14 -> conv 16@5x5 -> 10 -> pool 5 -> 400 -> 64 -> 10
    expect(result.layers.map((l) => l.outputShape)).toEqual([
      [8, 28, 28], [8, 28, 28], [8, 14, 14], [16, 10, 10], [16, 10, 10], [16, 5, 5], [400], [64], [64], [10],
    ]);
    const expected = (8 * 25 + 8) + (16 * 8 * 25 + 16) + (400 * 64 + 64) + (64 * 10 + 10);
    expect(result.totalParams).toBe(expected);
    expect(result.layers.map((l) => l.params).reduce((a, b) => a + b)).toBe(expected);
  });

  it('runs a built stack forward to one score per class', () => {
    const { model } = buildModel(DEFAULT_STACK, { seed: 3 });
    const out = model.forward(randn([2, 1, 28, 28], { seed: 4 }));
    expect(out.shape).toEqual([2, 10]);
  });

  it('seeds the initial weights: same seed, same weights; another seed, other weights', () => {
    const weights = (seed: number) => buildModel(DEFAULT_STACK, { seed }).model.stateDict()['0.weight'].data;
    expect(weights(5)).toEqual(weights(5));
    expect(weights(5)).not.toEqual(weights(6));
    const lenet = (seed: number) => buildModel({ kind: 'lenet5' }, { seed }).model.stateDict()['features.0.weight'].data;
    expect(lenet(5)).toEqual(lenet(5));
    expect(lenet(5)).not.toEqual(lenet(6));
  });

  it('does not allocate any weight to check a stack', () => {
    const { model } = buildModel(DEFAULT_STACK, { seed: 1 });
    expect(model.isAllocated()).toBe(false);
  });
});

describe('a broken stack names the layer and the reason', () => {
  it('a linear layer on maps asks for a flatten before it', () => {
    const r = failure(stack({ type: 'conv', outChannels: 4, kernelSize: 3 }, { type: 'linear', outFeatures: 10 }));
    expect(r.layerIndex).toBe(1);
    expect(r.layerType).toBe('linear');
    expect(r.message).toMatch(/^layer 1 \(linear\): .*\[4, 26, 26\].*flatten/);
  });

  it('a convolution after a flatten says its input is flat', () => {
    const r = failure(stack({ type: 'flatten' }, { type: 'conv', outChannels: 4, kernelSize: 3 }, { type: 'linear', outFeatures: 10 }));
    expect(r.layerIndex).toBe(1);
    expect(r.message).toMatch(/^layer 1 \(conv\): .*flat vector of 784/);
  });

  it('a kernel larger than the map it slides over is refused with the engine reason', () => {
    const r = failure(
      stack(
        { type: 'conv', outChannels: 4, kernelSize: 5 },
        { type: 'pool', kind: 'max', kernelSize: 4 },
        { type: 'conv', outChannels: 4, kernelSize: 7 },
        { type: 'flatten' },
        { type: 'linear', outFeatures: 10 },
      ),
    );
    // 28 -> 24 -> 6; a 7x7 kernel does not fit a 6x6 map.
    expect(r.layerIndex).toBe(2);
    expect(r.layerType).toBe('conv');
    expect(r.message).toMatch(/^layer 2 \(conv\): /);
    expect(r.message).toMatch(/6/);
  });

  it('pooling that would leave nothing is refused at that layer', () => {
    const r = failure(
      stack(
        { type: 'pool', kind: 'avg', kernelSize: 8 },
        { type: 'pool', kind: 'avg', kernelSize: 8 },
        { type: 'flatten' },
        { type: 'linear', outFeatures: 10 },
      ),
    );
    expect(r.layerIndex).toBe(1);
    expect(r.layerType).toBe('pool');
  });

  it('bad settings name the field and the value', () => {
    const r = failure(stack({ type: 'conv', outChannels: 4, kernelSize: 0 }, { type: 'flatten' }, { type: 'linear', outFeatures: 10 }));
    expect(r.message).toBe('layer 0 (conv): kernelSize must be a whole number from 1 to 28, got 0');
    const p = failure(stack({ type: 'flatten' }, { type: 'dropout', p: 1 }, { type: 'linear', outFeatures: 10 }));
    expect(p.layerIndex).toBe(1);
    expect(p.message).toMatch(/p must be a probability in \[0, 1\), got 1/);
    const kind = failure(stack({ type: 'activation', kind: 'swish' as 'relu' }, { type: 'flatten' }, { type: 'linear', outFeatures: 10 }));
    expect(kind.message).toMatch(/^layer 0 \(activation\): kind must be one of relu, tanh, sigmoid, leakyRelu, got "swish"/);
    const unknown = failure(stack({ type: 'attention' } as unknown as LayerSpec));
    expect(unknown.message).toMatch(/^layer 0 \(attention\): unknown layer type "attention"/);
  });

  it('the last layer must give ten class scores from a linear layer', () => {
    const wrong = failure(stack({ type: 'flatten' }, { type: 'linear', outFeatures: 12 }));
    expect(wrong.layerIndex).toBe(1);
    expect(wrong.message).toMatch(/must end with 10 scores.*outputs a flat vector of 12/);
    const maps = failure(stack({ type: 'conv', outChannels: 10, kernelSize: 28 }));
    expect(maps.layerIndex).toBe(0);
    expect(maps.message).toMatch(/\[10, 1, 1\].*flatten and a linear layer/);
    const notLinear = failure(stack({ type: 'flatten' }, { type: 'linear', outFeatures: 10 }, { type: 'activation', kind: 'relu' }));
    expect(notLinear.layerIndex).toBe(2);
    expect(notLinear.message).toMatch(/the last layer must be linear/);
  });

  it('an empty stack, a needless flatten and a huge network are refused', () => {
    expect(failure(stack()).message).toMatch(/no layers/);
    const twice = failure(stack({ type: 'flatten' }, { type: 'flatten' }, { type: 'linear', outFeatures: 10 }));
    expect(twice.layerIndex).toBe(1);
    expect(twice.message).toMatch(/already flat/);
    const huge = failure(stack({ type: 'flatten' }, { type: 'linear', outFeatures: 4096 }, { type: 'linear', outFeatures: 4096 }, { type: 'linear', outFeatures: 10 }));
    expect(huge.message).toMatch(/parameters; at most 4,000,000/);
  });

  it('buildModel throws an ArchitectureError carrying the same facts', () => {
    try {
      buildModel(stack({ type: 'linear', outFeatures: 10 }), { seed: 1 });
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(ArchitectureError);
      expect((error as ArchitectureError).layerIndex).toBe(0);
      expect((error as ArchitectureError).layerType).toBe('linear');
    }
  });
});

describe('train config checks', () => {
  const good: TrainConfig = structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig;

  it('accepts the default config', () => {
    expect(() => checkTrainConfig(good)).not.toThrow();
  });

  it.each([
    [{ dataset: 'cifar' }, /dataset must be one of mnist, fashion-mnist, got "cifar"/],
    [{ batchSize: 0 }, /batchSize must be an integer from 1 to 1024, got 0/],
    [{ epochs: 2.5 }, /epochs must be an integer from 1 to 100, got 2.5/],
    [{ seed: -1 }, /seed must be an integer/],
    [{ optimizer: { kind: 'rmsprop', lr: 0.1, momentum: 0, weightDecay: 0 } }, /optimizer.kind must be one of sgd, momentum, adam/],
    [{ optimizer: { kind: 'sgd', lr: 0, momentum: 0, weightDecay: 0 } }, /optimizer.lr must be a number in \(0, 10\], got 0/],
    [{ optimizer: { kind: 'momentum', lr: 0.1, momentum: 1, weightDecay: 0 } }, /optimizer.momentum must be a number in \[0, 1\), got 1/],
    [{ architecture: { kind: 'resnet' } }, /architecture.kind must be one of lenet5, stack, zoo, got "resnet"/],
  ])('refuses %j', (change, message) => {
    expect(() => checkTrainConfig({ ...good, ...change } as TrainConfig)).toThrow(message);
  });

  it('keeps Tensor out of JSON configs (they survive structuredClone and JSON)', () => {
    expect(JSON.parse(JSON.stringify(good))).toEqual(good);
    expect(good).not.toBeInstanceOf(Tensor);
  });
});
