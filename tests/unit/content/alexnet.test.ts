/**
 * Lesson 15 ("AlexNet") against the engine, torchvision and the paper. The prose prints
 * its numbers from `lesson-numbers.ts`; this test pins them: torchvision's parameter
 * count, the two-GPU and one-tower counts, conv1's 227-against-224 arithmetic, the layer
 * order, which layers read both GPUs, the LRN widget's model and its address.
 */
import { describe, expect, it } from 'vitest';
import * as n from '../../../components/widgets/alexnet/lesson-numbers.ts';
import {
  LAYER_ORDER,
  PAPER_LRN,
  applyLrn,
  channelOf,
  conv1Steps,
  decodeLrn,
  encodeLrn,
  greyPhoto,
  groupedConvParams,
  lrnEffect,
  responses,
  splitRows,
} from '../../../components/widgets/alexnet/model.ts';
import { STRINGS } from '../../../components/widgets/alexnet/strings/index.ts';
import { localResponseNorm, tensor } from '../../../src/engine/index.ts';
import { ALEXNET_FACTS } from '../../../src/case-studies/ilsvrc.ts';

describe('lesson 15 numbers, from the engine', () => {
  it("torchvision's AlexNet has exactly 61,100,840 parameters", () => {
    expect(n.torchvision.totalParams).toBe(61_100_840);
    expect(n.totals.torchvision).toBe('61,100,840');
  });
  it('the two-GPU original has 60,965,224; one tower 62,378,344', () => {
    expect(n.original.totalParams).toBe(60_965_224);
    expect(n.originalOneTower.totalParams).toBe(62_378_344);
    expect(n.splitSaving).toBe(62_378_344 - 60_965_224);
    expect(n.totals.original).toBe('60,965,224');
  });
  it('227 gives conv1 a 55x55 output; 224 does not divide evenly', () => {
    expect(n.conv1Out).toBe(55);
    expect(n.workingSteps.exact).toBe(true);
    expect(n.figureSteps.exact).toBe(false);
    expect(n.figure).toEqual({ quotient: 53.25, result: 54, numerator: 213 });
    expect(n.working).toEqual({ quotient: 54, result: 55, numerator: 216 });
    expect(conv1Steps(224).result).toBe(Math.floor((224 - 11) / 4) + 1);
  });
  it('the original ends in 1000 class scores with conv1 at 96x55x55', () => {
    expect(n.original.layers.at(-1)!.shape).toEqual([1000]);
    expect(n.original.layers.find((l) => l.type === 'Conv2d')!.shape).toEqual([96, 55, 55]);
  });
  it('historical figures come from the ILSVRC data file', () => {
    expect(n.history.top5).toBe(ALEXNET_FACTS.ensembleTop5.value);
    expect(n.history.ensemble).toBe(7);
    expect(n.history.gpus).toBe(2);
    expect(n.history.year).toBe(2012);
  });
});

describe('the two-GPU split', () => {
  const split = splitRows();
  it('lists the layers in the syllabus order with their shapes from 227x227x3', () => {
    expect(split.rows.map((r) => r.label)).toEqual([...LAYER_ORDER]);
    expect(Object.fromEntries(split.rows.map((r) => [r.label, r.shape.join('x')]))).toEqual({
      conv1: '96x55x55', pool1: '96x27x27', norm1: '96x27x27', conv2: '256x27x27', pool2: '256x13x13', norm2: '256x13x13',
      conv3: '384x13x13', conv4: '384x13x13', conv5: '256x13x13', pool5: '256x6x6', fc6: '4096', fc7: '4096', fc8: '1000',
    });
  });
  it('conv2, conv4 and conv5 stay on their GPU (grouped); conv3 and the FC layers read both', () => {
    const role = Object.fromEntries(split.rows.map((r) => [r.label, r.role]));
    expect(['conv2', 'conv4', 'conv5'].map((l) => role[l])).toEqual(['own-gpu', 'own-gpu', 'own-gpu']);
    expect(['conv3', 'fc6', 'fc7', 'fc8'].map((l) => role[l])).toEqual(['crosses', 'crosses', 'crosses', 'crosses']);
    expect(role.conv1).toBe('both-halves');
  });
  it('grouped counts match (C_in/2)·k²·C_out + C_out', () => {
    const row = (l: string) => split.rows.find((r) => r.label === l)!;
    expect(row('conv2').params).toBe(groupedConvParams(96, 256, 5, 2));
    expect(row('conv4').params).toBe(groupedConvParams(384, 384, 3, 2));
    expect(row('conv5').params).toBe(groupedConvParams(384, 256, 3, 2));
    expect(row('conv2').paramsOneTower).toBe(groupedConvParams(96, 256, 5, 1));
    expect(split.totalParams).toBe(60_965_224);
  });
});

describe('local response normalisation widget', () => {
  it("passes the paper's alpha (not divided by n) to the engine", () => {
    const a = tensor(Float32Array.from({ length: 8 }, (_, i) => 10 * (i + 1)), [1, 8, 1, 1]);
    const out = applyLrn(a, PAPER_LRN);
    const i = 3;
    let sum = 0;
    for (let j = Math.max(0, i - 2); j <= Math.min(7, i + 2); j++) sum += a.data[j] ** 2;
    expect(out.data[i]).toBeCloseTo(a.data[i] / (2 + 1e-4 * sum) ** 0.75, 4);
    expect(out.data).toEqual(localResponseNorm(a, 5, { alpha: 5e-4, beta: 0.75, k: 2 }).data);
  });
  it('damps the strongest response of a real-looking map more than a typical one', () => {
    const W = 48;
    const rgba = new Uint8ClampedArray(4 * W * W);
    for (let p = 0; p < W * W; p++) {
      const v = ((p % W >> 3) + (Math.floor(p / W) >> 3)) % 2 ? 230 : 20;
      rgba.fill(v, 4 * p, 4 * p + 3);
      rgba[4 * p + 3] = 255;
    }
    const maps = responses(greyPhoto(rgba, W, W));
    const e = lrnEffect(channelOf(maps, 0), channelOf(applyLrn(maps, PAPER_LRN), 0));
    expect(e.strongest).toBeLessThan(e.typical);
    expect(e.peakAfter).toBeLessThan(e.peakBefore);
    // alpha 0: only the division by k^beta is left.
    const flat = lrnEffect(channelOf(maps, 0), channelOf(applyLrn(maps, { ...PAPER_LRN, alpha: 0 }), 0));
    expect(flat.strongest).toBeCloseTo(2 ** -0.75, 5);
  });
  it('round-trips its settings through the address and rejects bad values', () => {
    const params = new URLSearchParams();
    encodeLrn({ ...PAPER_LRN, k: 1, n: 3, channel: 4 }, params);
    expect(params.toString()).toBe('lrK=1&lrN=3&lrC=4');
    expect(decodeLrn(params).state).toEqual({ ...PAPER_LRN, k: 1, n: 3, channel: 4 });
    const bad = decodeLrn(new URLSearchParams('lrN=2.5&lrA=-1&lrC=9'));
    expect(bad.rejected).toEqual(['lrN', 'lrA', 'lrC']);
    expect(bad.state).toEqual(PAPER_LRN);
  });
  it('has a name for every filter in both languages', () => {
    expect(STRINGS.en.filters).toHaveLength(8);
    expect(STRINGS.ko.filters).toHaveLength(8);
  });
});
