// summary: shapes, parameter counts, receptive fields and MACs worked out from the
// layers' configuration, never allocating; the syllabus's worked examples; and
// shape errors that name the layer.
import { describe, expect, it } from 'vitest';
import {
  Tensor,
  flatten,
  formatSummary,
  listBackends,
  maxPool2d,
  models,
  nn,
  relu,
  summary,
  withBackend,
  zeros,
} from '../../../src/engine/index.ts';
import { pick, randomInt, randomTensor, seeded } from './helpers/random.ts';

function row(result: ReturnType<typeof summary>, name: string) {
  const found = result.layers.find((r) => r.name === name);
  if (!found) throw new Error(`no row named ${name}`);
  return found;
}

/** The error message `fn` throws. */
function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

/** The syllabus's worked PyTorch CNN (lesson 12) as layers. */
function workedCnn(flattenStartDim = 1): nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(3, 16, 3, { stride: 2, padding: 1 }),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Conv2d(16, 32, 3, { stride: 1, padding: 1 }),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Flatten({ startDim: flattenStartDim }),
    new nn.Linear(32 * 32 * 32, 10),
  );
}

describe('receptive fields', () => {
  it('three stacked 3x3 convolutions see 7x7 (two see 5x5)', () => {
    const stack = new nn.Sequential(new nn.Conv2d(1, 1, 3), new nn.Conv2d(1, 1, 3), new nn.Conv2d(1, 1, 3));
    const result = summary(stack, [1, 1, 16, 16]);
    expect(result.layers.map((r) => r.receptiveField!.size)).toEqual([[3, 3], [5, 5], [7, 7]]);
    expect(result.layers.map((r) => r.receptiveField!.jump)).toEqual([[1, 1], [1, 1], [1, 1]]);
    // Unpadded: the first output's field is centred on input pixel 1, then 2, then 3.
    expect(result.layers.map((r) => r.receptiveField!.start)).toEqual([[1, 1], [2, 2], [3, 3]]);
  });

  it('strides multiply the jump, and every later tap adds (k - 1) * jump', () => {
    const result = summary(models.lenet5(), [1, 1, 32, 32]);
    const sizes = result.layers.filter((r) => r.receptiveField).map((r) => [r.name, r.receptiveField!.size[0], r.receptiveField!.jump[0]]);
    expect(sizes).toEqual([
      ['features.0', 5, 1],
      ['features.1', 5, 1],
      ['features.2', 6, 2],
      ['features.3', 14, 2],
      ['features.4', 14, 2],
      ['features.5', 16, 4],
    ]);
    const alex = summary(models.alexnet(), [1, 3, 224, 224]);
    expect(row(alex, 'features.0').receptiveField).toEqual({ size: [11, 11], jump: [4, 4], start: [3, 3] });
    expect(row(alex, 'features.2').receptiveField!.size).toEqual([19, 19]);
    expect(row(alex, 'classifier.1').receptiveField).toBeUndefined(); // no spatial layout after Flatten
  });

  it('dilation widens the field without parameters; padding shifts its start', () => {
    const result = summary(new nn.Sequential(new nn.Conv2d(1, 1, 3, { dilation: 2, padding: 2 })), [1, 1, 9, 9]);
    expect(result.layers[0].receptiveField).toEqual({ size: [5, 5], jump: [1, 1], start: [0, 0] });
    expect(result.layers[0].params).toBe(10);
  });

  it('a residual sum takes the union of both paths; ResNet-18 ends at 435 pixels', () => {
    const result = summary(models.resnet18(), [1, 3, 224, 224]);
    expect(row(result, 'layer2.0.downsample.0').receptiveField!.size).toEqual([43, 43]); // the shortcut skips two 3x3s
    expect(row(result, 'layer2.0.conv2').receptiveField!.size).toEqual([67, 67]);
    expect(result.layers.filter((r) => r.name === 'layer2.0.relu').at(-1)!.receptiveField!.size).toEqual([67, 67]);
    expect(row(result, 'layer4.1.bn2').receptiveField!.size).toEqual([435, 435]);
    expect(row(result, 'layer4.1.bn2').receptiveField!.jump).toEqual([32, 32]);
  });

  it('an adaptive pool that does not divide its input has no single field', () => {
    const result = summary(new nn.Sequential(new nn.Conv2d(1, 1, 3), new nn.AdaptiveAvgPool2d(3)), [1, 1, 9, 9]);
    expect(result.layers[1].outputShape).toEqual([1, 1, 3, 3]);
    expect(result.layers[1].receptiveField).toBeUndefined();
    const divides = summary(new nn.Sequential(new nn.AdaptiveAvgPool2d(3)), [1, 1, 9, 9]);
    expect(divides.layers[0].receptiveField).toEqual({ size: [3, 3], jump: [3, 3], start: [1, 1] });
  });
});

describe('parameter counts', () => {
  it("VGG's argument: three 3x3 layers have 27C^2 parameters, one 7x7 layer 49C^2, same field", () => {
    for (const C of [8, 64, 256]) {
      const three = new nn.Sequential(
        new nn.Conv2d(C, C, 3, { padding: 1, bias: false }),
        new nn.Conv2d(C, C, 3, { padding: 1, bias: false }),
        new nn.Conv2d(C, C, 3, { padding: 1, bias: false }),
      );
      const one = new nn.Sequential(new nn.Conv2d(C, C, 7, { padding: 3, bias: false }));
      const a = summary(three, [1, C, 28, 28]);
      const b = summary(one, [1, C, 28, 28]);
      expect(a.totalParams).toBe(27 * C * C);
      expect(b.totalParams).toBe(49 * C * C);
      expect(a.layers.at(-1)!.receptiveField!.size).toEqual([7, 7]);
      expect(b.layers.at(-1)!.receptiveField!.size).toEqual([7, 7]);
      expect(a.outputShape).toEqual(b.outputShape);
    }
  });

  it('rows carry each layer\'s own parameters and MACs', () => {
    const result = summary(models.lenet5(), [2, 1, 32, 32]);
    expect(result.layers.map((r) => [r.name, r.type, r.outputShape, r.params])).toEqual([
      ['features.0', 'Conv2d', [2, 6, 28, 28], 156],
      ['features.1', 'Tanh', [2, 6, 28, 28], 0],
      ['features.2', 'AvgPool2d', [2, 6, 14, 14], 0],
      ['features.3', 'Conv2d', [2, 16, 10, 10], 2416],
      ['features.4', 'Tanh', [2, 16, 10, 10], 0],
      ['features.5', 'AvgPool2d', [2, 16, 5, 5], 0],
      ['flatten', 'Flatten', [2, 400], 0],
      ['classifier.0', 'Linear', [2, 120], 48120],
      ['classifier.1', 'Tanh', [2, 120], 0],
      ['classifier.2', 'Linear', [2, 84], 10164],
      ['classifier.3', 'Tanh', [2, 84], 0],
      ['classifier.4', 'Linear', [2, 10], 850],
    ]);
    expect(result.totalParams).toBe(61706);
    expect(result.trainableParams).toBe(61706);
    // MACs count the whole batch: conv1 has 2*6*28*28 outputs of 25 products each.
    expect(row(result, 'features.0').macs).toBe(2 * 6 * 28 * 28 * 25);
    expect(row(result, 'classifier.0').macs).toBe(2 * 400 * 120);
    expect(row(result, 'features.1').macs).toBeUndefined();
    expect(result.totalMacs).toBe(2 * (6 * 28 * 28 * 25 + 16 * 10 * 10 * 150 + 400 * 120 + 120 * 84 + 84 * 10));
  });

  it('grouped convolutions count in/groups weights per filter', () => {
    const result = summary(new nn.Sequential(new nn.Conv2d(8, 8, 3, { groups: 8, padding: 1 })), [1, 8, 5, 5]);
    expect(result.totalParams).toBe(8 * 9 + 8);
    expect(result.totalMacs).toBe(8 * 25 * 9);
  });

  it('frozen parameters are counted as total but not trainable', () => {
    const model = models.lenet5();
    (model.classifier.at(-1) as nn.Linear).requiresGrad_(false);
    const result = summary(model, [1, 1, 32, 32]);
    expect([result.totalParams, result.trainableParams]).toEqual([61706, 61706 - 850]);
  });
});

describe('VGG-16 without allocating', () => {
  it('summarises 138M parameters from configuration alone', () => {
    const vgg = models.vgg16();
    const result = summary(vgg, [1, 3, 224, 224]);
    expect(vgg.isAllocated()).toBe(false);
    expect(result.totalParams).toBe(138_357_544);
    expect(result.layers.reduce((total, r) => total + r.params, 0)).toBe(138_357_544);
    expect(result.outputShape).toEqual([1, 1000]);
    expect(row(result, 'features.30').outputShape).toEqual([1, 512, 7, 7]);
    expect(row(result, 'avgpool').outputShape).toEqual([1, 512, 7, 7]);
    expect(row(result, 'classifier.0').params).toBe(25088 * 4096 + 4096);
    expect(result.totalMacs).toBe(15_470_264_320);
    expect(row(result, 'features.28').receptiveField!.size).toEqual([196, 196]); // conv5_3
    expect(row(result, 'features.30').receptiveField!.size).toEqual([212, 212]); // pool5
    expect(formatSummary(result)).toContain('Total params: 138,357,544');
  });
});

describe('the worked PyTorch CNN of lesson 12', () => {
  it('3x256x256 in, 32x32x32 before the Linear, 10 out', () => {
    const result = summary(workedCnn(), [1, 3, 256, 256]);
    expect(row(result, '5').outputShape).toEqual([1, 32, 32, 32]);
    expect(row(result, '6').outputShape).toEqual([1, 32768]);
    expect(result.outputShape).toEqual([1, 10]);
    expect(result.totalParams).toBe(16 * 27 + 16 + 32 * 144 + 32 + 32768 * 10 + 10);
  });

  it('any other input size does not fit the Linear, and the error names it', () => {
    expect(() => summary(workedCnn(), [1, 3, 224, 224])).toThrow("layer '7' (Linear): expected last dimension 32768, got 25088");
  });

  it('flatten from dim 0 swallows the batch: wrong shape with one image, an error with two', () => {
    expect(summary(workedCnn(0), [1, 3, 256, 256]).outputShape).toEqual([10]);
    expect(() => summary(workedCnn(0), [2, 3, 256, 256])).toThrow("layer '7' (Linear): expected last dimension 32768, got 65536");
    expect(summary(workedCnn(1), [2, 3, 256, 256]).outputShape).toEqual([2, 10]);
  });

  /** The lesson's code, written as in PyTorch with functional ops in forward. */
  class LessonCnn extends nn.Module {
    conv1 = new nn.Conv2d(3, 16, 3, { stride: 2, padding: 1, seed: 1 });
    conv2 = new nn.Conv2d(16, 32, 3, { stride: 1, padding: 1, seed: 2 });
    fc = new nn.Linear(32 * 32 * 32, 10, { seed: 3 });
    constructor(readonly flattenStartDim: number) {
      super();
    }
    forward(x: Tensor): Tensor {
      let out = maxPool2d(relu(this.conv1.forward(x)), { kernelSize: 2 });
      out = maxPool2d(relu(this.conv2.forward(out)), { kernelSize: 2 });
      return this.fc.forward(flatten(out, this.flattenStartDim));
    }
  }

  for (const backend of listBackends()) {
    it(`running it: flatten(x) fails at the Linear for a batch of 2, flatten(x, 1) works (${backend})`, () =>
      withBackend(backend, () => {
        const x = randomTensor([2, 3, 256, 256], seeded(1));
        expect(() => new LessonCnn(0).forward(x)).toThrow('mat1 and mat2 shapes cannot be multiplied (1x65536 and 32768x10)');
        expect(new LessonCnn(1).forward(x).shape).toEqual([2, 10]);
        // With a single image the bug hides: the output simply loses its batch dimension.
        expect(new LessonCnn(0).forward(zeros([1, 3, 256, 256])).shape).toEqual([10]);
      }));
  }
});

describe('shape errors', () => {
  it("name the layer by its dotted name: \"layer 'classifier.1' (Linear): expected last dimension 120, got 400\"", () => {
    const features = new nn.Sequential(new nn.Conv2d(1, 16, 5), new nn.MaxPool2d(5));
    const model = new models.ConvNet('Net', features, null, new nn.Sequential(new nn.ReLU(), new nn.Linear(120, 84)));
    expect(() => summary(model, [1, 1, 29, 29])).toThrow("layer 'classifier.1' (Linear): expected last dimension 120, got 400");
  });

  it('give the same reason as running the op would (Linear words its own, above)', () => {
    const cases: [nn.Module, number[]][] = [
      [new nn.Conv2d(1, 6, 5), [1, 3, 32, 32]],
      [new nn.Conv2d(1, 6, 5), [1, 1, 3, 3]],
      [new nn.Conv2d(1, 6, 5), [2, 32]],
      [new nn.MaxPool2d(2), [1, 4, 1, 1]],
      [new nn.MaxPool2d(3, { padding: 2 }), [1, 4, 8, 8]],
      [new nn.BatchNorm2d(8), [2, 4, 3, 3]],
    ];
    for (const [layer, shape] of cases) {
      const expected = messageOf(() => layer.forward(new Tensor(new Float32Array(shape.reduce((a, b) => a * b, 1)), shape)));
      const inSummary = messageOf(() => summary(new nn.Sequential(new nn.Identity(), layer), shape));
      expect(inSummary).toBe(`layer '1' (${layer.typeName}): ${expected}`);
    }
    // Unbatched input works in both, as in PyTorch.
    expect(summary(new nn.Sequential(new nn.Conv2d(1, 6, 5)), [1, 32, 32]).outputShape).toEqual([6, 28, 28]);
  });

  it('give the shape running the layer gives, or its very refusal, on random conv and pooling layers', () => {
    const rng = seeded(77);
    const modes = ['zeros', 'reflect', 'replicate', 'circular'] as const;
    const outcome = (fn: () => number[]) => {
      try {
        return { shape: fn() };
      } catch (error) {
        return { error: (error as Error).message };
      }
    };
    let refused = 0;
    for (let trial = 0; trial < 300; trial++) {
      const k = randomInt(rng, 1, 5);
      const size = randomInt(rng, 1, 7);
      const shape = rng.next() < 0.2 ? [2, size, randomInt(rng, 1, 7)] : [1, 2, size, randomInt(rng, 1, 7)];
      let layer: nn.Module;
      const kind = trial % 3;
      if (kind === 0) {
        const same = rng.next() < 0.3;
        layer = new nn.Conv2d(2, 3, [k, randomInt(rng, 1, 4)], {
          padding: same ? 'same' : randomInt(rng, 0, 4),
          stride: same ? 1 : randomInt(rng, 1, 3),
          dilation: randomInt(rng, 1, 2),
          paddingMode: modes[trial % 4],
          seed: trial,
        });
      } else if (kind === 1) {
        layer = new nn.MaxPool2d(k, { stride: randomInt(rng, 1, 3), padding: randomInt(rng, 0, 2), dilation: randomInt(rng, 1, 2), ceilMode: rng.next() < 0.5 });
      } else {
        layer = new nn.AvgPool2d(k, { padding: randomInt(rng, 0, 2), ceilMode: rng.next() < 0.5, divisorOverride: pick(rng, [null, 0, 3]) });
      }
      const label = `trial ${trial}: ${layer.toString()} on [${shape.join(', ')}]`;
      const ran = outcome(() => [...layer.forward(zeros(shape)).shape]);
      const traced = outcome(() => summary(new nn.Sequential(layer), shape).outputShape);
      expect(traced, label).toEqual('error' in ran ? { error: `layer '0' (${layer.typeName}): ${ran.error}` } : ran);
      if ('error' in ran) refused++;
    }
    // Both sides of the comparison must be exercised.
    expect(refused).toBeGreaterThan(30);
    expect(refused).toBeLessThan(270);
  });

  it('a residual sum of different shapes is refused, by summary and by running it alike', () => {
    const model = new nn.Sequential(new nn.BasicBlock(4, 8, { downsample: null }));
    const message =
      "layer '0' (BasicBlock): the residual sum needs equal shapes, got [1, 8, 8, 8] from the main path and [1, 4, 8, 8] from the shortcut";
    expect(() => summary(model, [1, 4, 8, 8])).toThrow(message);
    // Broadcasting would have turned [1, 8, 8, 8] + [1, 4, 8, 8] into an error, but a
    // 1-channel shortcut into a silently wrong [1, 8, 8, 8]: both are refused.
    expect(() => model.forward(zeros([1, 4, 8, 8]))).toThrow(message);
    expect(() => new nn.BasicBlock(1, 8, { downsample: null }).forward(zeros([1, 1, 8, 8]))).toThrow(
      'BasicBlock: the residual sum needs equal shapes, got [1, 8, 8, 8] from the main path and [1, 1, 8, 8] from the shortcut',
    );
    expect(() => new nn.Bottleneck(8, 2, { downsample: null, stride: 2 }).forward(zeros([1, 8, 8, 8]))).toThrow(
      'Bottleneck: the residual sum needs equal shapes, got [1, 8, 4, 4] from the main path and [1, 8, 8, 8] from the shortcut',
    );
  });

  it('a custom forward must describe its shape; one that does is traced like a layer', () => {
    class Opaque extends nn.Module {
      forward(x: Tensor): Tensor {
        return x;
      }
    }
    expect(() => summary(new nn.Sequential(new Opaque()), [1, 2])).toThrow(
      "layer '0' (Opaque): cannot infer the output shape of a custom forward",
    );
    class Doubler extends nn.Module {
      forward(x: Tensor): Tensor {
        return x;
      }
      override outputShape(shape: readonly number[]): number[] {
        return [...shape.slice(0, -1), shape[shape.length - 1] * 2];
      }
    }
    expect(summary(new nn.Sequential(new Doubler(), new nn.Linear(6, 1)), [4, 3]).outputShape).toEqual([4, 1]);
  });

  it('refuses an input shape that is not a list of positive integers', () => {
    expect(() => summary(models.lenet5(), [1, 0, 32, 32])).toThrow('summary: inputShape must be a list of positive integers, got [1,0,32,32]');
  });
});

describe("AlexNet's layer shapes (lesson 15)", () => {
  it('the 2012 network from 3x227x227: 55, 27, 27, 27, 13, 13, 13, 13, 6', () => {
    const result = summary(models.alexnetOriginal(), [1, 3, 227, 227]);
    const spatial = result.layers
      .filter((r) => r.name.startsWith('features.') && r.type !== 'ReLU')
      .map((r) => `${r.type}:${r.outputShape[1]}x${r.outputShape[2]}`);
    expect(spatial).toEqual([
      'Conv2d:96x55',
      'MaxPool2d:96x27',
      'LocalResponseNorm:96x27',
      'Conv2d:256x27',
      'MaxPool2d:256x13',
      'LocalResponseNorm:256x13',
      'Conv2d:384x13',
      'Conv2d:384x13',
      'Conv2d:256x13',
      'MaxPool2d:256x6',
    ]);
    expect(result.totalParams).toBe(62_378_344);
    expect(summary(models.alexnetOriginal({ groups: 2 }), [1, 3, 227, 227]).totalParams).toBe(60_965_224);
  });
});
