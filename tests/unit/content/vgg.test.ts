/**
 * Lesson 16 ("VGG") against the engine, the syllabus and torchvision. The prose prints
 * its numbers from `lesson-numbers.ts`; this test pins them to the syllabus's facts
 * (three 3x3 layers see 7x7 with 27C² weights against 49C², three non-linearities
 * against one), to torchvision's parameter counts, and checks the widgets' model
 * against independent arithmetic and the query string.
 */
import { describe, expect, it } from 'vitest';
import * as numbers from '../../../components/widgets/vgg/lesson-numbers.ts';
import {
  BATCHES,
  CHANNEL_CHOICES,
  VGG_NAMES,
  blocks,
  budget,
  bytes,
  compare,
  configurations,
  decodeStack,
  encodeStack,
  fieldMap,
  single,
  stackCost,
  threeByThreeStack,
} from '../../../components/widgets/vgg/model.ts';
import { STRINGS } from '../../../components/widgets/vgg/strings/index.ts';
import { models } from '../../../src/engine/index.ts';

describe('lesson 16 numbers, computed by the engine', () => {
  it('one, two and three stacked 3x3 layers see 3x3, 5x5 and 7x7, as one 3x3, 5x5 and 7x7 kernel does (syllabus)', () => {
    expect(numbers.depths.map((d) => d.field)).toEqual([3, 5, 7]);
    expect(numbers.depths.map((d) => d.kernel)).toEqual([3, 5, 7]);
    expect(numbers.depths.map((d) => d.bigField)).toEqual([3, 5, 7]);
    expect(numbers.three.kernel).toBe(7);
  });

  it('27C² against 49C², 18C² against 25C², and three ReLUs against one (syllabus)', () => {
    expect([numbers.three.stackCoef, numbers.three.bigCoef]).toEqual([27, 49]);
    expect([numbers.two.stackCoef, numbers.two.bigCoef]).toEqual([18, 25]);
    expect([numbers.three.stackRelu, numbers.three.bigRelu]).toEqual([3, 1]);
    for (const c of CHANNEL_CHOICES) {
      const s = stackCost(3, 3, c);
      const b = stackCost(7, 1, c);
      expect(s.weights).toBe(27 * c * c);
      expect(b.weights).toBe(49 * c * c);
      expect(s.biases).toBe(3 * c);
      expect(b.biases).toBe(c);
      expect(s.params).toBe(s.weights + s.biases);
    }
  });

  it('the default C = 64 example, weights and biases apart', () => {
    expect(numbers.example).toMatchObject({
      channels: 64,
      stackWeights: '110,592',
      bigWeights: '200,704',
      stackBiases: '192',
      bigBiases: '64',
      stackParams: '110,784',
      bigParams: '200,768',
      savedPercent: 45,
    });
  });

  it("torchvision's parameter counts for VGG-11, 13, 16 and 19", () => {
    expect(numbers.configs.vgg11.params).toBe('132,863,336');
    expect(numbers.configs.vgg13.params).toBe('133,047,848');
    expect(numbers.configs.vgg16.params).toBe('138,357,544');
    expect(numbers.configs.vgg19.params).toBe('143,667,240');
    expect(budget('vgg16').totalParams).toBe(138357544);
    expect(configurations().map((c) => c.weightLayers)).toEqual([11, 13, 16, 19]);
    // The same counts by hand from the paper's tables: (9·Cin + 1)·Cout per conv, (in + 1)·out per FC.
    const byHand = (convs: number[]) => {
      let c = 3;
      let total = 0;
      for (const out of convs) {
        total += (9 * c + 1) * out;
        c = out;
      }
      return total + (512 * 7 * 7 + 1) * 4096 + (4096 + 1) * 4096 + (4096 + 1) * 1000;
    };
    const widths = (counts: number[]) => counts.flatMap((n, i) => Array<number>(n).fill([64, 128, 256, 512, 512][i]));
    expect(byHand(widths([1, 1, 2, 2, 2]))).toBe(132863336);
    expect(byHand(widths([2, 2, 2, 2, 2]))).toBe(133047848);
    expect(byHand(widths([2, 2, 3, 3, 3]))).toBe(138357544);
    expect(byHand(widths([2, 2, 4, 4, 4]))).toBe(143667240);
    expect(numbers.configCount).toBe(4);
    expect(numbers.blockCount).toBe(5);
  });

  it("VGG-16's budget: rows, activations and memory against hand arithmetic (CS231n's table)", () => {
    const b = budget('vgg16');
    // Input, 13 convs, 5 pools, 3 FC.
    expect(b.rows.length).toBe(22);
    const byHand =
      224 * 224 * 3 +
      2 * 224 * 224 * 64 + 112 * 112 * 64 +
      2 * 112 * 112 * 128 + 56 * 56 * 128 +
      3 * 56 * 56 * 256 + 28 * 28 * 256 +
      3 * 28 * 28 * 512 + 14 * 14 * 512 +
      3 * 14 * 14 * 512 + 7 * 7 * 512 +
      4096 + 4096 + 1000;
    expect(b.activations).toBe(byHand);
    expect(numbers.vgg16.activations).toBe(byHand.toLocaleString('en-US'));
    expect(bytes(b.activations, 64)).toBe(byHand * 64 * 4);
    expect(numbers.vgg16.forwardSmallMb).toBe((Math.round((byHand * 4) / 1e5) / 10).toFixed(1));
    expect(numbers.vgg16.firstFcParams).toBe((25088 * 4096 + 4096).toLocaleString('en-US'));
    expect(numbers.vgg16.firstConvParams).toBe('1,792');
    expect([numbers.vgg16.smallBatch, numbers.vgg16.largeBatch]).toEqual([...BATCHES]);
    expect(numbers.vgg16.fcPercent).toBeGreaterThan(80);
    expect(numbers.vgg16.convMacsPercent).toBeGreaterThan(90);
  });

  it('the configurations come from the engine and differ only in conv counts per block', () => {
    expect(blocks(models.VGG_CONFIGS.vgg16)).toEqual([[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]]);
    for (const name of VGG_NAMES) expect(blocks(models.VGG_CONFIGS[name]).length).toBe(5);
  });

  it('the mini-VGG is built from the zoo', () => {
    expect(numbers.mini.convLayers).toBe(6);
    expect(numbers.mini.weightLayers).toBe(8);
    const b = budget('mini-vgg');
    expect(b.rows[0].shape).toEqual([1, 28, 28]);
    expect(b.totalParams).toBe(Number(numbers.mini.params.replaceAll(',', '')));
  });
});

describe('lesson 16 widget model', () => {
  it('the field map is the input gradient: exactly the field square is nonzero', () => {
    for (const depth of [1, 2, 3]) {
      const m = fieldMap(threeByThreeStack(depth));
      let nonzero = 0;
      for (const v of m.grad) if (v > 0) nonzero++;
      expect(nonzero).toBe(m.field * m.field);
      expect(m.field).toBe(fieldMap(single(2 * depth + 1)).field);
    }
    expect(compare(1, 64).big.cost.weights).toBe(compare(1, 64).stack.cost.weights);
  });

  it('query state round-trips and rejects what it cannot show', () => {
    const p = new URLSearchParams();
    encodeStack({ channels: 128, depth: 2 }, p);
    expect(decodeStack(p)).toEqual({ state: { channels: 128, depth: 2 }, rejected: [] });
    expect(decodeStack(new URLSearchParams('vgC=5&vgN=9')).rejected).toEqual(['vgC', 'vgN']);
  });

  it('both languages have the same keys', () => {
    expect(Object.keys(STRINGS.ko).sort()).toEqual(Object.keys(STRINGS.en).sort());
  });
});
