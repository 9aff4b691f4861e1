/**
 * Lesson 7 ("Dilation") against the engine and the syllabus. The prose prints its
 * numbers from `lesson-numbers.ts`; this test pins them to the syllabus's facts
 * (dilation 2 skips every other pixel; a wider receptive field with no extra
 * parameters; adjacent pixels are not combined), checks them against independent
 * arithmetic, and checks the widget's model: the taps against d(k-1)+1 on a grid,
 * the gridding map against a parity rule, refusals and the query string.
 */
import { describe, expect, it } from 'vitest';
import * as numbers from '../../../components/widgets/dilation/lesson-numbers.ts';
import {
  LIMITS,
  TAP_DILATIONS,
  decodeConfig,
  defaultConfig,
  encodeConfig,
  insideField,
  stack,
  tapPanels,
  traceStack,
} from '../../../components/widgets/dilation/model.ts';
import { STRINGS } from '../../../components/widgets/dilation/strings/index.ts';

type Ok = Extract<ReturnType<typeof traceStack>, { ok: true }>;
const ok = (r: ReturnType<typeof traceStack>): Ok => {
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('lesson 7 numbers, computed by the engine', () => {
  it('dilation 2 leaves a gap of one pixel between taps: it skips every other pixel (syllabus)', () => {
    expect(numbers.d2.dilation).toBe(2);
    expect(numbers.d2.gap).toBe(1);
    // On the engine's map of one dilated 3x3 layer, the seen pixels of the middle row alternate with unseen ones.
    const r = ok(traceStack(numbers.input, stack(3, 2, 1)));
    const row = r.start + 2;
    const pattern = Array.from({ length: r.field }, (_, c) => (r.grad[row * r.side + r.start + c] > 0 ? 1 : 0));
    expect(pattern).toEqual([1, 0, 1, 0, 1]);
  });

  it('a wider receptive field with no extra parameters (syllabus): 3, 5, 7 pixels from the same 9 weights', () => {
    expect(numbers.taps.map((t) => t.dilation)).toEqual([1, 2, 3]);
    expect(numbers.taps.map((t) => t.field)).toEqual([3, 5, 7]);
    expect(numbers.taps.map((t) => t.params)).toEqual([9, 9, 9]);
    for (const t of numbers.taps) expect(t.field).toBe(t.dilation * (numbers.kernel - 1) + 1);
    // Each dilated kernel still has exactly nine taps on the input.
    expect(numbers.taps.map((t) => t.seen)).toEqual([9, 9, 9]);
    expect(numbers.plainSamePlace).toEqual({ side: 7, params: 49 });
  });

  it('the output shrinks by the span minus one (PyTorch formula at stride 1, no padding)', () => {
    expect(numbers.outputSides).toEqual(numbers.taps.map((t) => numbers.input - t.field + 1));
    expect(numbers.outputSides).toEqual([15, 13, 11]);
  });

  it('three 3x3 layers at dilation 2: a 13x13 field from 27 weights, but adjacent pixels are never combined (syllabus)', () => {
    const g = numbers.gridding;
    expect(g).toEqual({ layers: 3, dilation: 2, field: 13, params: 27, seen: 49, unseen: 120, area: 169 });
    expect(g.seen + g.unseen).toBe(g.area);
    expect(numbers.plainStack).toEqual({ field: 7, seen: 49, unseen: 0 });
    // Independent rule: the middle output reaches a pixel iff both its offsets from the field's corner are even.
    const r = ok(traceStack(numbers.input, stack(3, 2, 3)));
    for (let i = 0; i < r.side * r.side; i++) {
      const dr = Math.floor(i / r.side) - r.start;
      const dc = (i % r.side) - r.start;
      const reached = insideField(r, i) && dr % 2 === 0 && dc % 2 === 0;
      expect(r.grad[i] > 0, `pixel ${i}`).toBe(reached);
    }
    // No two horizontally neighbouring pixels are both seen.
    for (let i = 0; i + 1 < r.side * r.side; i++) {
      if ((i + 1) % r.side !== 0) expect(r.grad[i] > 0 && r.grad[i + 1] > 0).toBe(false);
    }
  });

  it('rates 1, 2, 3 reach the same 13x13 field with the same weights and leave no holes', () => {
    expect(numbers.mixed).toEqual({ rates: '1, 2, 3', field: 13, seen: 169, unseen: 0, params: 27 });
  });

  it("quotes the engine's refusal of a kernel wider than its input", () => {
    expect(numbers.refusal.input).toBe(7);
    expect(numbers.refusal.message).toContain("Kernel size can't be greater than actual input size");
  });
});

describe('lesson 7 widget model', () => {
  it('draws the taps at dilations 1, 2 and 3 for every kernel size', () => {
    expect([...TAP_DILATIONS]).toEqual([1, 2, 3]);
    for (let k = LIMITS.kernel[0]; k <= LIMITS.kernel[1]; k++) {
      const panels = tapPanels(k, 32);
      for (const { dilation, result } of panels) {
        const r = ok(result);
        expect(r.seen).toBe(k * k);
        expect(r.params).toBe(k * k);
        expect(r.field).toBe(dilation * (k - 1) + 1);
        expect(r.receptiveField).toBe(r.field);
      }
    }
  });

  it("turns a stack that does not fit into the engine's message instead of throwing", () => {
    const r = traceStack(5, stack(3, 3, 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Kernel size can't be greater than actual input size/);
  });

  it('round-trips its state through the query string and rejects bad values', () => {
    const params = new URLSearchParams();
    const config = { kernel: 5, dilation: 3, layers: 2, input: 24 };
    encodeConfig(config, params);
    expect(params.toString()).toBe('dlK=5&dlD=3&dlL=2&dlN=24');
    expect(decodeConfig(params)).toEqual({ config, rejected: [] });
    const bad = decodeConfig(new URLSearchParams('dlK=9&dlD=x&dlN=3'));
    expect(bad.rejected).toEqual(['dlK', 'dlD']);
    expect(bad.config).toEqual({ ...defaultConfig(), input: 3 });
  });

  it('has the same strings in both languages', () => {
    expect(Object.keys(STRINGS.ko).sort()).toEqual(Object.keys(STRINGS.en).sort());
    expect(STRINGS.en.tapsHeading([1, 2, 3])).toBe('One layer at dilation 1, 2 and 3');
  });
});
