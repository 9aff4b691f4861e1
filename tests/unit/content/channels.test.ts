/**
 * Lesson 8 ("Channels and groups") against the engine and the syllabus. The prose
 * prints its numbers from `lesson-numbers.ts`; this test pins them to the syllabus's
 * facts (input and filter are 3-D; the same position across channels is combined;
 * output channels = filters = feature maps; more channels, more representational
 * power; groups split channels into independent groups; depthwise is groups=C; PyTorch
 * refuses channel counts that groups do not divide), checks them against independent
 * arithmetic, and checks the widgets' model and query strings.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conv2d, noGrad, rand, tensor } from '../../../src/engine/index.ts';
import * as n from '../../../components/widgets/channels/lesson-numbers.ts';
import {
  FILTERS,
  FILTER_IDS,
  decodeGroups,
  decodePhoto,
  defaultGroups,
  defaultPhoto,
  encodeGroups,
  encodePhoto,
  filterBank,
  groupedLayer,
  groupingKind,
  rgbTensor,
  runFilters,
  separable,
} from '../../../components/widgets/channels/model.ts';
import { STRINGS } from '../../../components/widgets/channels/strings/index.ts';

type Ok = Extract<ReturnType<typeof groupedLayer>, { ok: true }>;
const ok = (r: ReturnType<typeof groupedLayer>): Ok => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

/** Rank of a set of vectors by Gram-Schmidt (float64), for the representational-power check. */
function rank(vectors: Float32Array[]): number {
  const basis: Float64Array[] = [];
  for (const v of vectors) {
    const r = Float64Array.from(v);
    for (const b of basis) {
      let dot = 0;
      for (let i = 0; i < r.length; i++) dot += r[i] * b[i];
      for (let i = 0; i < r.length; i++) r[i] -= dot * b[i];
    }
    const norm = Math.hypot(...r);
    if (norm > 1e-3 * Math.hypot(...v)) basis.push(r.map((x) => x / norm));
  }
  return basis.length;
}

describe('lesson 8 numbers, computed by the engine', () => {
  it('input and filter are 3-D, and their depths match (syllabus)', () => {
    expect(n.rgb).toMatchObject({ channels: 3, side: 32, kernel: 5, filters: 6, outC: 6, outSide: 28, outW: 28, perValue: 75 });
    expect(n.rgb.params).toBe(6 * (5 * 5 * 3 + 1));
    // Each filter of the photo widget is [3, 3, 3]: one slice per channel of the RGB input.
    const bank = filterBank(FILTER_IDS.length);
    expect(bank.shape).toEqual([4, 3, 3, 3]);
    expect(n.photo).toEqual({ maxFilters: 4, kernel: 3, slices: 3 });
    // A filter whose depth differs from the input's is refused by the engine, as by PyTorch.
    expect(() => conv2d(rand([1, 3, 8, 8]), rand([1, 2, 3, 3]))).toThrow(/expected input\[1, 3, 8, 8\] to have 2 channels, but got 3 channels instead/);
  });

  it('values at the same position across channels are combined (syllabus)', () => {
    expect(n.onePixel).toEqual({ values: '0.8, 0.4, 0.2', weights: '1, -0.5, -0.5', out: 0.5 });
    // On any picture, the output at a position is the sum of each channel's share there.
    const x = rand([1, 3, 12, 10], { seed: 8 });
    const r = runFilters(x, 4);
    for (const s of r.shares) expect(s.r + s.g + s.b).toBeCloseTo(s.out, 5);
    // And by hand, for the brightness filter at the middle: the 3x3x3 window's mean.
    let mean = 0;
    for (let c = 0; c < 3; c++)
      for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) mean += x.data[c * 120 + (r.at.row + dr) * 10 + r.at.col + dc] / 27;
    expect(r.shares[0].out).toBeCloseTo(mean, 5);
  });

  it('the number of output channels is the number of filters and of feature maps (syllabus)', () => {
    const x = rand([1, 3, 9, 9], { seed: 3 });
    for (let f = 1; f <= FILTER_IDS.length; f++) {
      const r = runFilters(x, f);
      expect(r.weightShape[0]).toBe(f);
      expect(r.outputShape[1]).toBe(f);
      expect(r.maps).toHaveLength(f);
    }
    expect(n.rgb.outC).toBe(n.rgb.filters);
  });

  it('more channels, more representational power: each filter adds a map the others cannot make (syllabus)', () => {
    const x = rand([1, 3, 16, 16], { seed: 11 });
    for (let f = 1; f <= FILTER_IDS.length; f++) expect(rank(runFilters(x, f).maps)).toBe(f);
    // At the price of parameters, which grow with the channels.
    const params = [1, 2, 4, 8].map((c) => ok(groupedLayer({ inC: 8, outC: c, groups: 1, kernel: 3, size: 8 })).params);
    expect(params).toEqual([73, 146, 292, 584]);
  });

  it('groups split the channels into independent groups: a change in one group never reaches another (syllabus)', () => {
    const g = n.grouping;
    expect(g.channels).toBe(8);
    expect([g.full, g.two, g.depthwise].map((r) => r.groups)).toEqual([1, 2, 8]);
    expect([g.full, g.two, g.depthwise].map((r) => r.depth)).toEqual([8, 4, 1]);
    expect([g.full, g.two, g.depthwise].map((r) => r.links)).toEqual([64, 32, 8]);
    expect([g.full, g.two, g.depthwise].map((r) => r.params)).toEqual([8 * 8 * 9 + 8, 8 * 4 * 9 + 8, 8 * 9 + 8]);
    expect([g.full, g.two, g.depthwise].map((r) => r.macsRaw)).toEqual([30 * 30 * 8 * 8 * 9, 30 * 30 * 8 * 4 * 9, 30 * 30 * 8 * 9]);
    expect(g.full.macs).toBe('518,400');
    // The engine's conv2d with groups=2: changing input channel 0 (group 0) leaves outputs 4..7 (group 1) alone.
    const x = rand([1, 8, 6, 6], { seed: 1 });
    const w = rand([8, 4, 3, 3], { seed: 2 });
    const y = noGrad(() => conv2d(x, w, null, { groups: 2 }));
    const x2 = tensor(Array.from(x.data, (v, i) => (i < 36 ? v + 5 : v)), [1, 8, 6, 6]);
    const y2 = noGrad(() => conv2d(x2, w, null, { groups: 2 }));
    const plane = 16;
    expect(Array.from(y2.data.slice(4 * plane))).toEqual(Array.from(y.data.slice(4 * plane)));
    expect(Array.from(y2.data.slice(0, plane))).not.toEqual(Array.from(y.data.slice(0, plane)));
    // The links the widget draws are exactly those: output o sees inputs of its own group only.
    const r = ok(groupedLayer({ inC: 8, outC: 8, groups: 2, kernel: 3, size: 8 }));
    for (const [i, o] of r.links) expect(Math.floor(i / 4)).toBe(Math.floor(o / 4));
  });

  it('depthwise is groups=C: one input channel per filter, each output from its own channel only (syllabus)', () => {
    const r = ok(groupedLayer({ inC: 6, outC: 6, groups: 6, kernel: 3, size: 8 }));
    expect(r.weightShape).toEqual([6, 1, 3, 3]);
    expect(r.links).toEqual([0, 1, 2, 3, 4, 5].map((c) => [c, c]));
    expect(groupingKind({ inC: 6, outC: 6, groups: 6, kernel: 3, size: 8 })).toBe('depthwise');
    expect(groupingKind({ inC: 6, outC: 6, groups: 2, kernel: 3, size: 8 })).toBe('grouped');
    expect(groupingKind({ inC: 6, outC: 6, groups: 1, kernel: 3, size: 8 })).toBe('full');
  });

  it("shows PyTorch's refusal when a channel count is not divisible by groups (syllabus)", () => {
    expect(n.refusals.out.message).toBe('out_channels must be divisible by groups (got out_channels=6, groups=4)');
    expect(n.refusals.in.message).toBe('in_channels must be divisible by groups (got in_channels=6, groups=4)');
    const bad = groupedLayer({ inC: 12, outC: 12, groups: 5, kernel: 3, size: 8 });
    expect(bad).toEqual({ ok: false, message: 'in_channels must be divisible by groups (got in_channels=12, groups=5)' });
  });

  it('a depthwise-separable pair gives the same output shape for a fraction of the parameters', () => {
    const s = n.sep;
    expect(s.sameShape).toBe(true);
    expect(s.fullRaw).toBe(128 * 64 * 9 + 128);
    expect(s.pairRaw).toBe(64 * 9 + 64 + 64 * 128 + 128);
    expect([s.full, s.depthwise, s.pointwise, s.pair]).toEqual(['73,856', '640', '8,320', '8,960']);
    expect(s.percent).toBe(12);
    expect(s.outSide).toBe(54);
    // The widget's comparison holds for every channel count and kernel it offers.
    for (const [i, o, k] of [[1, 1, 1], [3, 12, 5], [12, 2, 3]]) {
      const c = separable(i, o, k, 16);
      expect(c.pair.outputShape).toEqual(c.full.outputShape);
      expect(c.pair.params).toBe(c.depthwise.params + c.pointwise.params);
    }
  });

  it("1x1 convolutions mix channels (CS231n's 56x56x64 through 32 filters)", () => {
    expect(n.pointwise).toEqual({ inC: 64, side: 56, filters: 32, outC: 32, outSide: 56, params: '2,080', perFilter: 65, macs: '6,422,528' });
    expect(n.mix.shape).toBe('1 × 2 × 2 × 2');
    const sum = n.mix.a[0].map((_, p) => n.mix.a[0][p] + n.mix.a[1][p] + n.mix.a[2][p]);
    const diff = n.mix.a[0].map((_, p) => n.mix.a[0][p] - n.mix.a[1][p]);
    expect(n.mix.sum).toEqual(sum);
    expect(n.mix.diff).toEqual(diff);
  });

  it("AlexNet's first layer: 105,705,600 parameters without weight sharing, 34,944 with it (CS231n)", () => {
    const a = n.alexnet;
    expect(a.outSide).toBe(55);
    expect(a.perNeuron).toBe(11 * 11 * 3 + 1);
    expect(a.neurons).toBe('290,400');
    expect(a.unsharedRaw).toBe(105_705_600);
    expect(a.sharedRaw).toBe(34_944);
    expect(a.unshared).toBe('105,705,600');
    expect(a.shared).toBe('34,944');
    expect(a.ratio).toBe('3,025');
    expect(a.positions).toBe('3,025');
  });
});

describe('lesson 8 prose', () => {
  it('prints code with values through the numbers module, never braces inside backticks (MDX would print them raw)', () => {
    expect([n.rgb.inputShape, n.rgb.weightShape, n.rgb.module]).toEqual(['[1, 3, 32, 32]', '[6, 3, 5, 5]', 'nn.Conv2d(3, 6, 5)']);
    expect([n.refusals.out.call, n.refusals.in.call]).toEqual(['nn.Conv2d(8, 6, 3, groups=4)', 'nn.Conv2d(6, 8, 3, groups=4)']);
    for (const lang of ['en', 'ko']) {
      const source = readFileSync(`content/lessons/${lang}/channels.mdx`, 'utf8');
      for (const span of source.match(/`[^`\n]*`/g) ?? []) expect(span, `${lang}: ${span}`).not.toMatch(/[{}]/);
    }
  });
});

describe('lesson 8 widget model', () => {
  it('reads an RGB picture as three channels, averaged 2x2 by the engine', () => {
    // A 4x2 picture: red on the left half, blue on the right.
    const rgba = new Uint8ClampedArray(4 * 8);
    for (let i = 0; i < 8; i++) {
      const left = i % 4 < 2;
      rgba.set(left ? [255, 0, 0, 255] : [0, 0, 255, 255], 4 * i);
    }
    const x = rgbTensor(rgba, 4, 2);
    expect(x.shape).toEqual([1, 3, 1, 2]);
    expect(Array.from(x.data)).toEqual([1, 0, 0, 0, 0, 1]);
    const r = runFilters(x, 3);
    // The redness filter is positive on the red half, the blue filter on the blue half.
    expect(r.maps[1][0]).toBeGreaterThan(0);
    expect(r.maps[2][1]).toBeGreaterThan(0);
    expect(FILTERS.red[0][1][1]).toBe(1);
  });

  it('round-trips its state through the query string and rejects bad values', () => {
    const params = new URLSearchParams();
    encodePhoto({ photo: 'coffee', filters: 3 }, params);
    encodeGroups({ inC: 6, outC: 12, groups: 3, kernel: 1, size: 20 }, params);
    expect(params.toString()).toBe('chPhoto=coffee&chF=3&gIn=6&gOut=12&gG=3&gK=1&gN=20');
    expect(decodePhoto(params)).toEqual({ config: { photo: 'coffee', filters: 3 }, rejected: [] });
    expect(decodeGroups(params)).toEqual({ config: { inC: 6, outC: 12, groups: 3, kernel: 1, size: 20 }, rejected: [] });
    const bad = new URLSearchParams('chPhoto=camera&chF=9&gIn=0&gG=x&gK=3');
    expect(decodePhoto(bad)).toEqual({ config: defaultPhoto(), rejected: ['chPhoto', 'chF'] });
    expect(decodeGroups(bad)).toEqual({ config: defaultGroups(), rejected: ['gIn', 'gG'] });
  });

  it('has the same strings in both languages', () => {
    expect(Object.keys(STRINGS.ko).sort()).toEqual(Object.keys(STRINGS.en).sort());
    expect(STRINGS.en.kinds.depthwise(8)).toContain('depthwise');
    expect(STRINGS.ko.kinds.depthwise(8)).toContain('깊이별');
  });
});
