// nn modules: PyTorch's constructor defaults and initialisation, lazy allocation,
// the module tree and its dotted names, state dicts (round trip and PyTorch's
// strict-load messages), train/eval, and forward passes on every backend.
import { describe, expect, it } from 'vitest';
import {
  Tensor,
  add,
  conv2d,
  crossEntropy,
  linear,
  listBackends,
  manualSeed,
  nn,
  randn,
  sum,
  withBackend,
} from '../../../src/engine/index.ts';
import { Random } from '../../../src/engine/index.ts';
import { randomTensor, seeded } from './helpers/random.ts';

function stats(values: ArrayLike<number>): { mean: number; variance: number; maxAbs: number } {
  let total = 0;
  let maxAbs = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i];
    maxAbs = Math.max(maxAbs, Math.abs(values[i]));
  }
  const mean = total / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return { mean, variance: squares / values.length, maxAbs };
}

/** A small model with every kind of state: conv (weight, bias), BN (params and buffers), linear. */
function smallNet(seed?: number): nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(1, 4, 3, { padding: 1, seed }),
    new nn.BatchNorm2d(4),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Flatten(),
    new nn.Linear(4 * 4 * 4, 3, { seed: seed === undefined ? undefined : seed + 1 }),
  );
}

describe('constructor arguments and PyTorch defaults', () => {
  it('Conv2d: shapes, defaults and PyTorch-style validation', () => {
    const conv = new nn.Conv2d(3, 16, 3, { stride: 2, padding: 1 });
    expect(conv.weight.shape).toEqual([16, 3, 3, 3]);
    expect(conv.bias!.shape).toEqual([16]);
    expect(conv.kernelSize).toEqual([3, 3]);
    expect(conv.stride).toEqual([2, 2]);
    expect(conv.padding).toEqual([1, 1]);
    expect(conv.dilation).toEqual([1, 1]);
    expect(conv.groups).toBe(1);
    expect(conv.paddingMode).toBe('zeros');
    expect(new nn.Conv2d(3, 8, [1, 5], { bias: false }).bias).toBeNull();
    expect(new nn.Conv2d(4, 8, 3, { groups: 2 }).weight.shape).toEqual([8, 2, 3, 3]);
    expect(() => new nn.Conv2d(3, 16, 3, { groups: 2 })).toThrow('in_channels must be divisible by groups');
    expect(() => new nn.Conv2d(4, 6, 3, { groups: 4 })).toThrow('out_channels must be divisible by groups');
    expect(() => new nn.Conv2d(3, 16, 3, { padding: 'same', stride: 2 })).toThrow(
      "padding='same' is not supported for strided convolutions",
    );
    expect(() => new nn.Conv2d(3, 16, 3, { padding: 'full' as 'same' })).toThrow(
      "Invalid padding string 'full', should be one of {'valid', 'same'}",
    );
    expect(() => new nn.Conv2d(3, 16, 3, { paddingMode: 'mirror' as 'zeros' })).toThrow(
      "padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='mirror'",
    );
    expect(() => new nn.Conv2d(0, 16, 3)).toThrow('Conv2d: in_channels must be a positive integer, got 0');
  });

  it('pooling, flatten, activations, dropout and normalisation keep PyTorch defaults', () => {
    const pool = new nn.MaxPool2d(2);
    expect([pool.kernelSize, pool.stride, pool.padding, pool.dilation, pool.ceilMode]).toEqual([[2, 2], [2, 2], [0, 0], [1, 1], false]);
    expect(new nn.MaxPool2d(3, { stride: 2 }).stride).toEqual([2, 2]);
    const avg = new nn.AvgPool2d(2);
    expect([avg.stride, avg.countIncludePad, avg.divisorOverride]).toEqual([[2, 2], true, null]);
    expect([new nn.Flatten().startDim, new nn.Flatten().endDim]).toEqual([1, -1]);
    expect(new nn.LeakyReLU().negativeSlope).toBe(0.01);
    expect(new nn.LeakyReLU({ negativeSlope: 0.2 }).negativeSlope).toBe(0.2);
    const rrelu = new nn.RReLU();
    expect([rrelu.lower, rrelu.upper]).toEqual([1 / 8, 1 / 3]);
    expect(new nn.Dropout().p).toBe(0.5);
    expect(() => new nn.Dropout({ p: 1.5 })).toThrow('dropout probability has to be between 0 and 1, but got 1.5');
    const lrn = new nn.LocalResponseNorm(5);
    expect([lrn.size, lrn.alpha, lrn.beta, lrn.k]).toEqual([5, 1e-4, 0.75, 1]);
    const bn = new nn.BatchNorm2d(64);
    expect([bn.eps, bn.momentum, bn.affine, bn.trackRunningStats]).toEqual([1e-5, 0.1, true, true]);
    expect([...bn.weight!.data].every((v) => v === 1)).toBe(true);
    expect([...bn.bias!.data].every((v) => v === 0)).toBe(true);
    expect([...bn.runningMean!.data].every((v) => v === 0)).toBe(true);
    expect([...bn.runningVar!.data].every((v) => v === 1)).toBe(true);
    expect(bn.numBatchesTracked!.shape).toEqual([]);
    expect(bn.numBatchesTracked!.item()).toBe(0);
  });

  it('conv and linear weights and biases are U(-1/sqrt(fanIn), 1/sqrt(fanIn)) (kaiming_uniform, a = sqrt(5))', () => {
    const conv = new nn.Conv2d(64, 64, 3, { seed: 11 });
    const bound = 1 / Math.sqrt(64 * 9);
    const w = stats(conv.weight.data);
    expect(w.maxAbs).toBeLessThanOrEqual(bound);
    expect(w.maxAbs).toBeGreaterThan(0.99 * bound);
    expect(Math.abs(w.mean)).toBeLessThan(0.02 * bound);
    // A uniform on [-b, b] has variance b^2 / 3.
    expect(w.variance / (bound * bound / 3)).toBeCloseTo(1, 1);
    const b = stats(conv.bias!.data);
    expect(b.maxAbs).toBeLessThanOrEqual(bound);

    const fc = new nn.Linear(400, 120, { seed: 12 });
    const fcBound = 1 / Math.sqrt(400);
    const fw = stats(fc.weight.data);
    expect(fw.maxAbs).toBeLessThanOrEqual(fcBound);
    expect(fw.variance / (fcBound * fcBound / 3)).toBeCloseTo(1, 1);
    expect(stats(fc.bias!.data).maxAbs).toBeLessThanOrEqual(fcBound);
    expect(stats(fc.bias!.data).maxAbs).toBeGreaterThan(0.5 * fcBound);
  });
});

describe('nn.init', () => {
  it('gains and fans follow torch.nn.init', () => {
    expect(nn.init.calculateGain('relu')).toBeCloseTo(Math.SQRT2, 12);
    expect(nn.init.calculateGain('tanh')).toBeCloseTo(5 / 3, 12);
    expect(nn.init.calculateGain('leaky_relu', Math.sqrt(5))).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(nn.init.calculateGain('sigmoid')).toBe(1);
    expect(nn.init.calculateFanInAndFanOut([16, 3, 5, 5])).toEqual([75, 400]);
    expect(() => nn.init.calculateFanInAndFanOut([5])).toThrow(
      'Fan in and fan out can not be computed for tensor with fewer than 2 dimensions',
    );
    expect(() => nn.init.kaimingUniform({ mode: 'fan_avg' as 'fan_in' })([4, 4], new Random(0))).toThrow(
      'Mode fan_avg not supported, please use one of fan_in, fan_out',
    );
  });

  it('kaiming normal (fan_out, relu) has std sqrt(2 / fanOut); xavier uniform is bounded by sqrt(6 / (in + out))', () => {
    const values = nn.init.kaimingNormal({ mode: 'fan_out', nonlinearity: 'relu' })([32, 16, 3, 3], new Random(3));
    expect(Math.sqrt(stats(values).variance) / Math.sqrt(2 / (32 * 9))).toBeCloseTo(1, 1);
    const xavier = nn.init.xavierUniform()([50, 30], new Random(4));
    const bound = Math.sqrt(6 / 80);
    expect(stats(xavier).maxAbs).toBeLessThanOrEqual(bound);
    expect(stats(xavier).maxAbs).toBeGreaterThan(0.95 * bound);
  });
});

describe('seeding and lazy allocation', () => {
  it('the same seed gives the same weights, a different seed different ones', () => {
    const a = new nn.Conv2d(3, 8, 3, { seed: 5 });
    const b = new nn.Conv2d(3, 8, 3, { seed: 5 });
    const c = new nn.Conv2d(3, 8, 3, { seed: 6 });
    expect([...a.weight.data]).toEqual([...b.weight.data]);
    expect([...a.bias!.data]).toEqual([...b.bias!.data]);
    expect([...a.weight.data]).not.toEqual([...c.weight.data]);
  });

  it('without a seed, manualSeed makes construction reproducible (as torch.manual_seed)', () => {
    manualSeed(123);
    const a = smallNet();
    manualSeed(123);
    const b = smallNet();
    // Touch b's parameters in a different order: values must not depend on it.
    const bParams = b.parameters().reverse().reverse();
    expect(a.parameters().map((p) => [...p.data])).toEqual(bParams.map((p) => [...p.data]));
  });

  it('values do not depend on when or in which order parameters are first touched', () => {
    const a = new nn.Linear(6, 4, { seed: 9 });
    const b = new nn.Linear(6, 4, { seed: 9 });
    const biasFirst = [...b.bias!.data];
    expect([...a.weight.data]).toEqual([...b.weight.data]);
    expect([...a.bias!.data]).toEqual(biasFirst);
  });

  it('nothing is allocated until parameters are touched', () => {
    const model = smallNet(1);
    expect(model.isAllocated()).toBe(false);
    expect(model.countParameters()).toBe(4 * 9 + 4 + 4 + 4 + 64 * 3 + 3);
    expect(model.ownParameterCount()).toBe(0);
    expect(model.isAllocated()).toBe(false);
    void (model[0] as nn.Conv2d).weight;
    expect(model.isAllocated()).toBe(true);
  });

  it('a 138M-parameter VGG can be built and counted without allocating', async () => {
    const { models } = await import('../../../src/engine/index.ts');
    const vgg = models.vgg16();
    expect(vgg.countParameters()).toBe(138_357_544);
    expect(vgg.isAllocated()).toBe(false);
  });

  it('reseed redraws the whole tree deterministically, in place for allocated tensors', () => {
    const model = smallNet(1);
    const weight = (model[0] as nn.Conv2d).weight;
    model.reseed(42);
    const first = model.parameters().map((p) => [...p.data]);
    expect((model[0] as nn.Conv2d).weight).toBe(weight); // same tensor, refilled
    const twin = smallNet(2).reseed(42);
    expect(twin.parameters().map((p) => [...p.data])).toEqual(first);
    model.reseed(43);
    expect(model.parameters().map((p) => [...p.data])).not.toEqual(first);
  });
});

describe('the module tree', () => {
  it('Sequential names children 0, 1, ... and is indexable', () => {
    const seq = smallNet(1);
    expect(seq.length).toBe(6);
    expect(seq[0]).toBeInstanceOf(nn.Conv2d);
    expect(seq.at(-1)).toBeInstanceOf(nn.Linear);
    expect([...seq].map((m) => m.typeName)).toEqual(['Conv2d', 'BatchNorm2d', 'ReLU', 'MaxPool2d', 'Flatten', 'Linear']);
    expect(seq.namedChildren().map(([name]) => name)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(() => seq.at(6)).toThrow('index 6 is out of range');
    expect(seq.namedParameters().map(([name, p]) => [name, p.shape])).toEqual([
      ['0.weight', [4, 1, 3, 3]],
      ['0.bias', [4]],
      ['1.weight', [4]],
      ['1.bias', [4]],
      ['5.weight', [3, 64]],
      ['5.bias', [3]],
    ]);
    expect(seq.namedBuffers().map(([name]) => name)).toEqual(['1.running_mean', '1.running_var', '1.num_batches_tracked']);
  });

  it('custom modules find their submodules among their properties, in definition order, with dotted names', () => {
    class Net extends nn.Module {
      features = new nn.Sequential(new nn.Conv2d(1, 2, 3), new nn.ReLU());
      head = new nn.Linear(8, 2);
      forward(x: Tensor): Tensor {
        return this.head.forward(this.features.forward(x));
      }
    }
    const net = new Net();
    expect(net.namedModules().map(([name, m]) => `${name}:${m.typeName}`)).toEqual([
      ':Net',
      'features:Sequential',
      'features.0:Conv2d',
      'features.1:ReLU',
      'head:Linear',
    ]);
    expect(net.namedParameters().map(([name]) => name)).toEqual([
      'features.0.weight',
      'features.0.bias',
      'head.weight',
      'head.bias',
    ]);
    expect(net.getSubmodule('features.0')).toBe(net.features[0]);
    expect(net.getParameter('head.bias')).toBe(net.head.bias);
    expect(() => net.getSubmodule('features.7')).toThrow('Sequential has no attribute `7`');
    expect(() => net.getParameter('head.running_mean')).toThrow('Linear has no attribute `running_mean`');
  });

  it('a parameter shared by two paths is listed once', () => {
    const shared = new nn.Linear(3, 3);
    const seq = new nn.Sequential(shared, new nn.ReLU(), shared);
    expect(seq.parameters()).toHaveLength(2);
    expect(seq.countParameters()).toBe(12);
  });

  it('train() and eval() set the mode of the whole tree', () => {
    const model = smallNet(1);
    expect(model.modules().every((m) => m.training)).toBe(true);
    model.eval();
    expect(model.modules().every((m) => !m.training)).toBe(true);
    model.train();
    expect(model.modules().every((m) => m.training)).toBe(true);
  });

  it('requiresGrad_(false) freezes parameters, also before allocation', () => {
    const model = smallNet(1);
    model.requiresGrad_(false);
    expect(model.countParameters({ trainableOnly: true })).toBe(0);
    expect(model.parameters().every((p) => !p.requiresGrad)).toBe(true);
    (model[5] as nn.Linear).requiresGrad_(true);
    expect(model.countParameters({ trainableOnly: true })).toBe(64 * 3 + 3);
  });

  it('prints like PyTorch', () => {
    const text = new nn.Sequential(new nn.Conv2d(3, 16, 3, { stride: 2, padding: 1 }), new nn.ReLU(), new nn.Linear(4, 2)).toString();
    expect(text).toBe(
      [
        'Sequential(',
        '  (0): Conv2d(3, 16, kernel_size=(3, 3), stride=(2, 2), padding=(1, 1))',
        '  (1): ReLU()',
        '  (2): Linear(in_features=4, out_features=2, bias=True)',
        ')',
      ].join('\n'),
    );
  });
});

describe('state dicts', () => {
  it('keys are PyTorch\'s: parameters then buffers per module, depth first', () => {
    expect(Object.keys(smallNet(1).stateDict())).toEqual([
      '0.weight',
      '0.bias',
      '1.weight',
      '1.bias',
      '1.running_mean',
      '1.running_var',
      '1.num_batches_tracked',
      '5.weight',
      '5.bias',
    ]);
  });

  it('round trip: another model loaded with the state computes the same outputs', () => {
    for (const backend of listBackends()) {
      withBackend(backend, () => {
        const source = smallNet(1);
        const x = randomTensor([2, 1, 8, 8], seeded(3));
        source.forward(x); // one training step of BN statistics
        source.eval();
        const expected = source.forward(x);
        const target = smallNet(99);
        expect(target.loadStateDict(source.stateDict())).toEqual({ missingKeys: [], unexpectedKeys: [] });
        target.eval();
        expect([...target.forward(x).data]).toEqual([...expected.data]);
        expect((target[1] as nn.BatchNorm2d).numBatchesTracked!.item()).toBe(1);
      });
    }
  });

  it('returns copies, so a saved state does not move when training continues', () => {
    const model = smallNet(1);
    const saved = model.stateDict();
    const before = [...saved['5.bias'].data];
    (model[5] as nn.Linear).bias!.data[0] += 1;
    expect([...saved['5.bias'].data]).toEqual(before);
  });

  it('loads in place, so tensors held elsewhere (optimisers) see the new values', () => {
    const model = smallNet(1);
    const weight = (model[5] as nn.Linear).weight;
    model.loadStateDict(smallNet(2).stateDict());
    expect((model[5] as nn.Linear).weight).toBe(weight);
    expect([...weight.data]).toEqual([...smallNet(2).getParameter('5.weight').data]);
  });

  it('loading into an unallocated model takes the values without drawing', () => {
    const state = smallNet(1).stateDict();
    const fresh = smallNet(2);
    fresh.loadStateDict(state);
    expect(fresh.parameters().map((p) => [...p.data])).toEqual(smallNet(1).parameters().map((p) => [...p.data]));
  });

  it('strict loading names missing and unexpected keys like PyTorch, and changes nothing', () => {
    const model = smallNet(1);
    const state = smallNet(2).stateDict();
    delete state['5.weight'];
    delete state['5.bias'];
    state['6.weight'] = new Tensor(new Float32Array(3), [3]);
    const before = model.parameters().map((p) => [...p.data]);
    expect(() => model.loadStateDict(state)).toThrow(
      'Error(s) in loading state_dict for Sequential:\n\tMissing key(s) in state_dict: "5.weight", "5.bias". \n\tUnexpected key(s) in state_dict: "6.weight". ',
    );
    expect(model.parameters().map((p) => [...p.data])).toEqual(before);
    const result = model.loadStateDict(state, { strict: false });
    expect(result).toEqual({ missingKeys: ['5.weight', '5.bias'], unexpectedKeys: ['6.weight'] });
    expect([...model.getParameter('0.weight').data]).toEqual([...state['0.weight'].data]);
  });

  it('a shape mismatch is an error even when not strict, with PyTorch\'s message', () => {
    class LeNetHead extends nn.Module {
      fc = new nn.Linear(120, 10);
      forward(x: Tensor): Tensor {
        return this.fc.forward(x);
      }
    }
    const checkpoint = { 'fc.weight': new Tensor(new Float32Array(840), [10, 84]), 'fc.bias': new Tensor(new Float32Array(10), [10]) };
    const message =
      'size mismatch for fc.weight: copying a param with shape [10, 84] from checkpoint, the shape in current model is [10, 120].';
    expect(() => new LeNetHead().loadStateDict(checkpoint)).toThrow(message);
    expect(() => new LeNetHead().loadStateDict(checkpoint, { strict: false })).toThrow(message);
  });
});

for (const backend of listBackends()) {
  describe(`forward passes (${backend})`, () => {
    const run = <T>(fn: () => T): T => withBackend(backend, fn);

    it('Conv2d and Linear compute their functional ops with their own parameters', () =>
      run(() => {
        const conv = new nn.Conv2d(3, 16, 3, { stride: 2, padding: 1, seed: 1 });
        const x = randomTensor([2, 3, 8, 8], seeded(1));
        const y = conv.forward(x);
        expect(y.shape).toEqual([2, 16, 4, 4]);
        expect([...y.data]).toEqual([...conv2d(x, conv.weight, conv.bias, { stride: 2, padding: 1 }).data]);
        expect(conv.outputShape(x.shape)).toEqual([...y.shape]);

        const fc = new nn.Linear(5, 3, { seed: 2 });
        const v = randomTensor([4, 5], seeded(2));
        expect([...fc.forward(v).data]).toEqual([...linear(v, fc.weight, fc.bias).data]);
      }));

    it('every layer\'s outputShape agrees with its forward', () =>
      run(() => {
        const x = randomTensor([2, 4, 9, 9], seeded(4));
        const layers: nn.Module[] = [
          new nn.Conv2d(4, 6, 3, { padding: 'same', dilation: 2 }),
          new nn.Conv2d(4, 6, [2, 3], { stride: [2, 1], padding: [1, 0] }),
          new nn.Conv2d(4, 4, 3, { groups: 4, padding: 1, paddingMode: 'reflect' }),
          new nn.MaxPool2d(3, { stride: 2, padding: 1, ceilMode: true }),
          new nn.AvgPool2d(2, { stride: 1 }),
          new nn.AdaptiveAvgPool2d([4, null]),
          new nn.ReLU(),
          new nn.LeakyReLU({ negativeSlope: 0.2 }),
          new nn.RReLU({ seed: 3 }),
          new nn.Sigmoid(),
          new nn.Tanh(),
          new nn.Softmax({ dim: 1 }),
          new nn.Dropout({ p: 0.3, seed: 1 }),
          new nn.BatchNorm2d(4),
          new nn.LocalResponseNorm(3),
          new nn.Identity(),
          new nn.Flatten(),
          new nn.Flatten({ startDim: 2 }),
        ];
        for (const layer of layers) {
          expect([layer.typeName, layer.forward(x).shape]).toEqual([layer.typeName, layer.outputShape(x.shape)]);
        }
      }));

    it('Dropout and RReLU are random in training and deterministic in evaluation', () =>
      run(() => {
        const x = randn([4, 50], { seed: 5 });
        const drop = new nn.Dropout({ p: 0.5, seed: 7 });
        const a = drop.forward(x);
        const b = drop.forward(x);
        expect([...a.data]).not.toEqual([...b.data]); // a fresh mask per call
        const zeros = [...a.data].filter((v) => v === 0).length;
        expect(zeros).toBeGreaterThan(60);
        expect(zeros).toBeLessThan(140);
        expect(new nn.Dropout({ seed: 7 }).forward(x).data).toEqual(a.data); // same seed, same masks
        drop.eval();
        expect(drop.forward(x)).toBe(x);

        const rrelu = new nn.RReLU({ seed: 1 }).eval();
        const negative = new Tensor(new Float32Array([-1, -2, 3]), [3]);
        const mid = (1 / 8 + 1 / 3) / 2;
        expect([...rrelu.forward(negative).data].map((v) => Number(v.toFixed(6)))).toEqual(
          [-mid, -2 * mid, 3].map((v) => Number(Math.fround(v).toFixed(6))),
        );
      }));

    it('BatchNorm2d updates its running statistics in training and uses them in evaluation', () =>
      run(() => {
        const bn = new nn.BatchNorm2d(3);
        const x = randomTensor([4, 3, 5, 5], seeded(6), { low: 1, high: 3 });
        const y = bn.forward(x);
        // Training output: each channel standardised over the batch.
        const perChannel = (t: Tensor, c: number) => {
          const values: number[] = [];
          for (let n = 0; n < 4; n++) for (let i = 0; i < 25; i++) values.push(t.data[(n * 3 + c) * 25 + i]);
          return stats(values);
        };
        expect(perChannel(y, 0).mean).toBeCloseTo(0, 5);
        expect(perChannel(y, 0).variance).toBeCloseTo(1, 3);
        const batchMean = perChannel(x, 1).mean;
        expect(bn.runningMean!.data[1]).toBeCloseTo(0.1 * batchMean, 5);
        expect(bn.numBatchesTracked!.item()).toBe(1);
        bn.eval();
        const z = bn.forward(x);
        const mean = bn.runningMean!.data[2];
        const variance = bn.runningVar!.data[2];
        expect(z.data[2 * 25]).toBeCloseTo((x.data[2 * 25] - mean) / Math.sqrt(variance + 1e-5), 4);
        expect(bn.numBatchesTracked!.item()).toBe(1);
      }));

    it('BatchNorm2d with momentum null keeps a plain average of every batch', () =>
      run(() => {
        const bn = new nn.BatchNorm2d(1, { momentum: null });
        const means: number[] = [];
        for (let step = 0; step < 3; step++) {
          const x = randomTensor([2, 1, 3, 3], seeded(10 + step));
          means.push(stats(x.data).mean);
          bn.forward(x);
        }
        expect(bn.runningMean!.data[0]).toBeCloseTo((means[0] + means[1] + means[2]) / 3, 5);
      }));

    it('BasicBlock and Bottleneck: torchvision shapes, projection shortcuts and gradients to every parameter', () =>
      run(() => {
        const block = new nn.BasicBlock(4, 8, { stride: 2 });
        expect(block.downsample).toBeInstanceOf(nn.Sequential);
        expect(block.namedParameters().map(([name]) => name)).toEqual([
          'conv1.weight',
          'bn1.weight',
          'bn1.bias',
          'conv2.weight',
          'bn2.weight',
          'bn2.bias',
          'downsample.0.weight',
          'downsample.1.weight',
          'downsample.1.bias',
        ]);
        const x = randomTensor([2, 4, 6, 6], seeded(8));
        const y = block.forward(x);
        expect(y.shape).toEqual([2, 8, 3, 3]);
        expect([...y.data].every((v) => v >= 0)).toBe(true); // ends in a ReLU
        sum(y).backward();
        expect(block.parameters().every((p) => p.grad !== null)).toBe(true);

        expect(new nn.BasicBlock(8, 8).downsample).toBeNull();
        const bottleneck = new nn.Bottleneck(16, 4);
        expect(bottleneck.downsample).toBeNull(); // 16 = 4 * expansion
        expect(bottleneck.forward(randomTensor([1, 16, 5, 5], seeded(9))).shape).toEqual([1, 16, 5, 5]);
        expect(new nn.Bottleneck(8, 4, { stride: 2 }).forward(randomTensor([1, 8, 6, 6], seeded(9))).shape).toEqual([1, 16, 3, 3]);
      }));

    it('the residual block adds its input: with the main path zeroed it is relu(x)', () =>
      run(() => {
        const block = new nn.BasicBlock(3, 3);
        block.bn2.weight!.data.fill(0); // main path output is bn2's bias = 0
        const x = randomTensor([2, 3, 4, 4], seeded(12));
        expect([...block.forward(x).data]).toEqual([...x.data].map((v) => Math.max(v, 0)));
        const plain = new nn.BasicBlock(3, 3, { residual: false });
        plain.bn2.weight!.data.fill(0);
        expect(plain.typeName).toBe('PlainBlock');
        expect([...plain.forward(x).data].every((v) => v === 0)).toBe(true);
      }));

    it('errors from inside a model name the layer with its full dotted name', () =>
      run(() => {
        const model = new nn.Sequential(
          new nn.Sequential(new nn.Conv2d(1, 2, 3), new nn.Flatten()),
          new nn.Sequential(new nn.ReLU(), new nn.Linear(10, 2)),
        );
        expect(() => model.forward(randomTensor([2, 1, 5, 5], seeded(1)))).toThrow(
          "layer '1.1' (Linear): mat1 and mat2 shapes cannot be multiplied (2x18 and 10x2)",
        );
        try {
          model.forward(randomTensor([2, 1, 5, 5], seeded(1)));
        } catch (error) {
          expect(error).toBeInstanceOf(nn.LayerError);
          expect((error as nn.LayerError).layerName).toBe('1.1');
        }
      }));

    it('zeroGrad clears the gradients that backward filled', () =>
      run(() => {
        const model = smallNet(1);
        const loss = crossEntropy(model.forward(randomTensor([2, 1, 8, 8], seeded(2))), [0, 2]);
        loss.backward();
        expect(model.parameters().every((p) => p.grad !== null)).toBe(true);
        model.zeroGrad();
        expect(model.parameters().every((p) => p.grad === null)).toBe(true);
      }));

    it('a hand-written module composes layers and functional ops', () =>
      run(() => {
        class Skip extends nn.Module {
          conv = new nn.Conv2d(2, 2, 3, { padding: 1, seed: 3 });
          forward(x: Tensor): Tensor {
            return add(x, this.conv.forward(x));
          }
        }
        const x = randomTensor([1, 2, 4, 4], seeded(5));
        const y = new Skip().forward(x);
        expect(y.shape).toEqual([1, 2, 4, 4]);
      }));
  });
}
