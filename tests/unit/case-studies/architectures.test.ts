import { describe, expect, it } from 'vitest';
import { summary } from '../../../src/engine/index.ts';
import {
  ARCHITECTURES,
  ARCHITECTURE_KEYS,
  FLOAT32_BYTES,
  architectureRows,
  describeArchitecture,
  shares,
} from '../../../src/case-studies/architectures.ts';

/** torchvision's parameter counts (sum(p.numel() for p in model.parameters())). */
const TORCHVISION: Record<string, number> = {
  alexnet: 61_100_840,
  vgg11: 132_863_336,
  vgg16: 138_357_544,
  vgg19: 143_667_240,
  resnet18: 11_689_512,
  resnet34: 21_797_672,
  resnet50: 25_557_032,
};

describe('case-study architectures', () => {
  it('match torchvision parameter counts, and the paper split of AlexNet', () => {
    for (const [key, count] of Object.entries(TORCHVISION)) {
      expect(describeArchitecture(key as never).totalParams, key).toBe(count);
    }
    expect(describeArchitecture('alexnet-original').totalParams).toBe(60_965_224);
    expect(describeArchitecture('alexnet-original').inputShape).toEqual([3, 227, 227]);
  });

  it('rows add up to the summary totals for every model', () => {
    for (const key of ARCHITECTURE_KEYS) {
      const spec = ARCHITECTURES[key];
      const raw = summary(spec.build(), [1, ...spec.inputShape]);
      const report = architectureRows(raw);
      expect(report.rows.length, key).toBe(raw.layers.length);
      expect(report.rows.reduce((s, r) => s + r.params, 0), key).toBe(raw.totalParams);
      expect(report.rows.reduce((s, r) => s + r.macs, 0), key).toBe(raw.totalMacs);
      const g = report.groups;
      expect(g.conv.params + g.fc.params + g.other.params, key).toBe(raw.totalParams);
      expect(g.conv.macs + g.fc.macs + g.other.macs, key).toBe(raw.totalMacs);
      expect(report.activationBytes).toBe(report.activations * FLOAT32_BYTES);
      expect(report.rows.at(-1)!.outputShape, key).toEqual([spec.mini ? 10 : 1000]);
    }
  });

  it('counts MACs per image whatever the batch of the summary', () => {
    const spec = ARCHITECTURES.vgg16;
    const one = architectureRows(summary(spec.build(), [1, ...spec.inputShape]));
    const four = architectureRows(summary(spec.build(), [4, ...spec.inputShape]));
    expect(four.totalMacs).toBe(one.totalMacs);
  });

  it('puts most parameters in the FC layers and most compute in the convolutions (AlexNet, VGG)', () => {
    for (const key of ['alexnet', 'alexnet-original', 'vgg16'] as const) {
      const s = shares(describeArchitecture(key));
      expect(s.fc.params, key).toBeGreaterThan(0.5);
      expect(s.conv.macs, key).toBeGreaterThan(0.5);
    }
    // ResNet's single FC layer holds a small share: most of both sit in convolutions.
    expect(shares(describeArchitecture('resnet50')).conv.params).toBeGreaterThan(0.5);
  });

  it('gives receptive fields while the output is a map, and keeps in-place ReLU out of the memory total', () => {
    const vgg = describeArchitecture('vgg16');
    const firstConv = vgg.rows[0];
    expect(firstConv.receptiveField).toEqual([3, 3]);
    expect(vgg.rows.filter((r) => r.type === 'Linear').every((r) => r.receptiveField === null)).toBe(true);
    expect(vgg.rows.filter((r) => r.type === 'ReLU').every((r) => !r.kept)).toBe(true);
    expect(vgg.weightLayers).toBe(16);
    expect(describeArchitecture('vgg19').weightLayers).toBe(19);
  });
});
