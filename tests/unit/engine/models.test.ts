// The model zoo: torchvision's published parameter counts (by summary, and by
// real allocation for the small models), torchvision's names and initialisation,
// and forward passes of the small models on every backend.
import { describe, expect, it } from 'vitest';
import { listBackends, models, nn, noGrad, numel, summary, withBackend } from '../../../src/engine/index.ts';
import { randomTensor, seeded } from './helpers/random.ts';

function std(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  const mean = total / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return Math.sqrt(squares / values.length);
}

describe('ImageNet models match torchvision', () => {
  // torchvision's documented parameter counts (weights tables of torchvision.models).
  const published: [string, () => nn.Module, number][] = [
    ['alexnet', () => models.alexnet(), 61_100_840],
    ['vgg11', () => models.vgg11(), 132_863_336],
    ['vgg13', () => models.vgg13(), 133_047_848],
    ['vgg16', () => models.vgg16(), 138_357_544],
    ['vgg19', () => models.vgg19(), 143_667_240],
    ['resnet18', () => models.resnet18(), 11_689_512],
    ['resnet34', () => models.resnet34(), 21_797_672],
    ['resnet50', () => models.resnet50(), 25_557_032],
    ['resnet101', () => models.resnet101(), 44_549_160],
    ['resnet152', () => models.resnet152(), 60_192_808],
  ];
  for (const [name, build, count] of published) {
    it(`${name}: ${count.toLocaleString('en')} parameters, [1, 1000] out of [1, 3, 224, 224], nothing allocated`, () => {
      const model = build();
      const result = summary(model, [1, 3, 224, 224]);
      expect(result.totalParams).toBe(count);
      expect(model.countParameters()).toBe(count);
      expect(result.outputShape).toEqual([1, 1000]);
      expect(model.isAllocated()).toBe(false);
    });
  }

  it('multiply-accumulates match the published GFLOPS (torchvision counts MACs)', () => {
    const gmacs = (model: nn.Module) => Number((summary(model, [1, 3, 224, 224]).totalMacs / 1e9).toFixed(2));
    expect(gmacs(models.alexnet())).toBe(0.71);
    expect(gmacs(models.vgg16())).toBe(15.47);
    expect(gmacs(models.resnet18())).toBe(1.81);
    expect(gmacs(models.resnet50())).toBe(4.09);
  });

  it('numClasses resizes only the last layer', () => {
    expect(models.resnet18({ numClasses: 10 }).countParameters()).toBe(11_689_512 - 513_000 + 5_130);
    expect(models.vgg16({ numClasses: 10 }).countParameters()).toBe(138_357_544 - 4_097_000 + 40_970);
    expect(summary(models.alexnet({ numClasses: 7 }), [2, 3, 224, 224]).outputShape).toEqual([2, 7]);
    expect(() => models.alexnet({ numClasses: 0 })).toThrow('alexnet: numClasses must be a positive integer, got 0');
  });

  it('the adaptive pool lets AlexNet and VGG take other input sizes', () => {
    expect(summary(models.alexnet(), [1, 3, 256, 256]).outputShape).toEqual([1, 1000]);
    expect(summary(models.vgg11(), [1, 3, 160, 160]).outputShape).toEqual([1, 1000]);
  });

  it("VGG's conv layers sit at torchvision's indices, and VGG is initialised as torchvision does", () => {
    const vgg = models.vgg16({ seed: 1 });
    const convs = summary(vgg, [1, 3, 224, 224]).layers.filter((r) => r.type === 'Conv2d').map((r) => r.name);
    expect(convs).toEqual([0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28].map((i) => `features.${i}`));
    // Only the tensors read are allocated: the last Linear (4M values), not all 138M.
    const last = vgg.getParameter('classifier.6.weight');
    expect(last.shape).toEqual([1000, 4096]);
    expect(std(last.data)).toBeCloseTo(0.01, 3);
    expect([...vgg.getParameter('classifier.6.bias').data].every((v) => v === 0)).toBe(true);
    expect([...vgg.getParameter('features.0.bias').data].every((v) => v === 0)).toBe(true);
    // kaiming_normal(fan_out, relu): std sqrt(2 / (64 * 9)).
    expect(std(vgg.getParameter('features.2.weight').data) / Math.sqrt(2 / (64 * 9))).toBeCloseTo(1, 1);
  });

  it("ResNet-18's state dict has torchvision's 122 keys, names and shapes", () => {
    const resnet = models.resnet18({ seed: 2 });
    const state = resnet.stateDict();
    const keys = Object.keys(state);
    expect(keys).toHaveLength(122);
    expect(keys.slice(0, 8)).toEqual([
      'conv1.weight',
      'bn1.weight',
      'bn1.bias',
      'bn1.running_mean',
      'bn1.running_var',
      'bn1.num_batches_tracked',
      'layer1.0.conv1.weight',
      'layer1.0.bn1.weight',
    ]);
    expect(state['layer2.0.downsample.0.weight'].shape).toEqual([128, 64, 1, 1]);
    expect(state['layer2.0.downsample.1.running_var'].shape).toEqual([128]);
    expect(state['fc.weight'].shape).toEqual([1000, 512]);
    expect(keys.at(-1)).toBe('fc.bias');
    expect(std(state['conv1.weight'].data) / Math.sqrt(2 / (64 * 49))).toBeCloseTo(1, 1);
    // fc keeps PyTorch's Linear default: U(-1/sqrt(512), 1/sqrt(512)).
    expect(state['fc.weight'].data.every((v) => Math.abs(v) <= 1 / Math.sqrt(512))).toBe(true);
  });

  it('ResNet-50 uses Bottleneck blocks with a projection on the first block of every stage', () => {
    const resnet = models.resnet50();
    const blocks = resnet.namedModules().filter(([, m]) => m instanceof nn.Bottleneck);
    expect(blocks).toHaveLength(16);
    const projected = blocks.filter(([, m]) => (m as nn.Bottleneck).downsample !== null).map(([name]) => name);
    expect(projected).toEqual(['layer1.0', 'layer2.0', 'layer3.0', 'layer4.0']);
    const result = summary(resnet, [1, 3, 224, 224]);
    expect(result.layers.find((r) => r.name === 'layer4.2.conv3')!.outputShape).toEqual([1, 2048, 7, 7]);
    // v1.5: the stride-2 sits on the 3x3 convolution.
    expect(result.layers.find((r) => r.name === 'layer2.0.conv1')!.outputShape).toEqual([1, 128, 56, 56]);
    expect(result.layers.find((r) => r.name === 'layer2.0.conv2')!.outputShape).toEqual([1, 128, 28, 28]);
  });
});

describe('small models', () => {
  const small: [string, () => nn.Module, number[], number][] = [
    ['lenet5', () => models.lenet5({ seed: 1 }), [2, 1, 32, 32], 61_706],
    ['lenet5 (28x28, relu, max)', () => models.lenet5({ inputSize: 28, activation: 'relu', pooling: 'max', seed: 1 }), [2, 1, 28, 28], 61_706],
    ['miniAlexNet', () => models.miniAlexNet({ seed: 1 }), [2, 1, 28, 28], 347_274],
    ['miniAlexNet (3x32x32)', () => models.miniAlexNet({ inChannels: 3, seed: 1 }), [2, 3, 32, 32], 430_794],
    ['miniVgg', () => models.miniVgg({ seed: 1 }), [2, 3, 32, 32], 204_570],
    ['miniVgg (1x28x28, bn)', () => models.miniVgg({ inChannels: 1, batchNorm: true, widths: [8, 16], seed: 1 }), [2, 1, 28, 28], 106_018],
    ['miniResNet', () => models.miniResNet({ seed: 1 }), [2, 3, 32, 32], 19_954],
    ['plainNet', () => models.plainNet({ depth: 8, widths: [4, 8, 16], inChannels: 1, seed: 1 }), [2, 1, 28, 28], 4_934],
    ['residualNet', () => models.residualNet({ depth: 14, widths: [4, 8, 16], seed: 1 }), [2, 3, 32, 32], 11_374],
    ['mlp', () => models.mlp({ seed: 1 }), [2, 1, 28, 28], 101_770],
  ];

  for (const [name, build, shape, count] of small) {
    it(`${name}: ${count} parameters, counted by summary and by the allocated tensors`, () => {
      const model = build();
      expect(summary(model, shape).totalParams).toBe(count);
      expect(model.parameters().reduce((total, p) => total + numel(p.shape), 0)).toBe(count);
    });
  }

  for (const backend of listBackends()) {
    it(`every small model runs forward and backward, with the shape summary predicts (${backend})`, () =>
      withBackend(backend, () => {
        for (const [name, build, shape] of small) {
          const model = build();
          const out = model.forward(randomTensor(shape, seeded(1)));
          expect([name, out.shape]).toEqual([name, summary(model, shape).outputShape]);
          out.backward(randomTensor(out.shape, seeded(2)));
          const missing = model.namedParameters().filter(([, p]) => p.grad === null).map(([n]) => n);
          expect([name, missing]).toEqual([name, []]);
        }
      }));
  }

  it('the same seed builds the same model, another seed another', () => {
    const a = models.miniVgg({ seed: 3 }).parameters().map((p) => [...p.data]);
    const b = models.miniVgg({ seed: 3 }).parameters().map((p) => [...p.data]);
    const c = models.miniVgg({ seed: 4 }).parameters().map((p) => [...p.data]);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('plain and residual nets: depth counts the weight layers; the twins differ only by the skips', () => {
    for (const depth of [8, 14, 20, 32]) {
      const plain = models.plainNet({ depth });
      const residual = models.residualNet({ depth });
      const weightLayers = (m: nn.Module) =>
        m.namedModules().filter(([name, layer]) => (layer instanceof nn.Conv2d || layer instanceof nn.Linear) && !name.includes('downsample')).length;
      expect(weightLayers(plain)).toBe(depth);
      expect(weightLayers(residual)).toBe(depth);
      expect(plain.namedModules().some(([name]) => name.includes('downsample'))).toBe(false);
      // Two stride-2 stages, each with a 1x1 projection and its BN.
      const projections = residual.namedModules().filter(([name]) => name.endsWith('downsample')).length;
      expect(projections).toBe(2);
      expect(summary(plain, [1, 3, 32, 32]).outputShape).toEqual([1, 10]);
      expect(summary(plain, [1, 3, 32, 32]).layers.find((r) => r.name === 'layer3.0.conv1')!.outputShape).toEqual([1, 64, 8, 8]);
    }
    expect(models.plainNet().typeName).toBe('PlainNet');
    expect(models.residualNet().typeName).toBe('ResidualNet');
    expect(() => models.plainNet({ depth: 10 })).toThrow('plainNet: depth must be 2 * blocks * stages + 2 (with 3 stages: 8, 14, 20, 26, ...), got 10');
    expect(() => models.residualNet({ depth: 10, widths: [8, 16] })).not.toThrow();
  });

  it('the residual net computes the identity when every block\'s last BN is zeroed; the plain net collapses', () => {
    const zeroLastBn = (model: nn.Module) => {
      for (const [, m] of model.namedModules()) if (m instanceof nn.BasicBlock) m.bn2.weight!.data.fill(0);
      return model;
    };
    const x = randomTensor([1, 3, 8, 8], seeded(4));
    noGrad(() => {
      const residual = zeroLastBn(models.residualNet({ depth: 8, widths: [4, 4, 4], seed: 1 })).eval();
      const plain = zeroLastBn(models.plainNet({ depth: 8, widths: [4, 4, 4], seed: 1 })).eval();
      const stem = (model: nn.Module) => ['conv1', 'bn1', 'relu'].reduce((t, name) => model.getSubmodule(name).forward(t), x);
      // With equal widths there is no projection in the first stage: the block passes its input through.
      const afterStage1 = (model: nn.Module) => model.getSubmodule('layer1').forward(stem(model));
      expect([...afterStage1(residual).data]).toEqual([...stem(residual).data]);
      expect([...afterStage1(plain).data].every((v) => v === 0)).toBe(true);
    });
  });
});
