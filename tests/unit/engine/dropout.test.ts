// Inverted dropout: seeded masks, the 1/(1-p) scale, evaluation as identity,
// PyTorch's bounds on p, and a backward through the very same mask.
import { describe, expect, it } from 'vitest';
import { dropout, listBackends, manualSeed, ones, sum, tensor, withBackend } from '../../../src/engine/index.ts';
import { randomTensor, seeded } from './helpers/random.ts';
import { expectClose } from './helpers/reference.ts';
import { gradcheck } from './helpers/gradcheck.ts';

for (const backend of listBackends()) {
  describe(`dropout on the ${backend} backend`, () => {
    it('zeroes about a fraction p and scales the survivors by 1/(1-p)', () => {
      withBackend(backend, () => {
        const n = 100_000;
        for (const p of [0.1, 0.5, 0.8]) {
          const y = dropout(ones([n]), { p, seed: 3 });
          let zeros = 0;
          let wronglyScaled = 0;
          let total = 0;
          for (const v of y.data) {
            if (v === 0) zeros++;
            else if (v !== Math.fround(1 / (1 - p))) wronglyScaled++;
            total += v;
          }
          expect(wronglyScaled).toBe(0);
          // Binomial standard error sqrt(p(1-p)/n) <= 0.0016; allow about 5 of them.
          expect(Math.abs(zeros / n - p)).toBeLessThan(0.008);
          // The expected value is unchanged: that is the point of the inverted scaling.
          expect(Math.abs(total / n - 1)).toBeLessThan(0.04);
        }
      });
    });

    it('is deterministic for a seed, and follows manualSeed without one', () => {
      withBackend(backend, () => {
        const x = randomTensor([500], seeded(81));
        const a = dropout(x, { seed: 12 }).data;
        expect([...dropout(x, { seed: 12 }).data]).toEqual([...a]);
        expect([...dropout(x, { seed: 13 }).data]).not.toEqual([...a]);
        manualSeed(4);
        const b = dropout(x).data;
        manualSeed(4);
        expect([...dropout(x).data]).toEqual([...b]);
      });
    });

    it('lets the gradient through the same mask with the same scale', () => {
      withBackend(backend, () => {
        const rng = seeded(82);
        // Keep inputs away from 0 so the mask can be read off the output as y / x.
        const x = randomTensor([4, 5, 6], rng, { requiresGrad: true, low: 0.5, high: 2 });
        const p = 0.3;
        const y = dropout(x, { p, seed: 5 });
        const dy = randomTensor(y.shape, rng);
        y.backward(dy);
        const mask = Float64Array.from(y.data, (v, i) => v / x.data[i]);
        for (const m of mask) expect([0, 1 / (1 - p)].some((want) => Math.abs(m - want) < 1e-5)).toBe(true);
        expectClose(x.grad!.data, Float64Array.from(mask, (m, i) => m * dy.data[i]), { atol: 1e-6, rtol: 1e-6 });
        // A float64 reference that multiplies by that fixed mask.
        const x2 = randomTensor([4, 5, 6], rng, { requiresGrad: true, low: 0.5, high: 2 });
        const maskOf2 = Float64Array.from(dropout(x2, { p, seed: 6 }).data, (v, i) => v / x2.data[i]);
        const report = gradcheck((t) => dropout(t, { p, seed: 6 }), [x2], {
          reference: (a) => a.data.map((v, i) => v * maskOf2[i]),
        });
        expect(report.checked).toBe(64);
      });
    });
  });
}

describe('dropout edge cases', () => {
  it('is the identity in evaluation and for p = 0', () => {
    const x = tensor([1, 2, 3], undefined, { requiresGrad: true });
    expect(dropout(x, { training: false })).toBe(x);
    expect(dropout(x, { p: 0 })).toBe(x);
    expect(dropout(x, { p: 1, training: false })).toBe(x);
  });

  it('zeroes everything, gradient included, for p = 1', () => {
    const x = tensor([1, -2, 3], undefined, { requiresGrad: true });
    const y = dropout(x, { p: 1 });
    // -2 * 0 is -0, as in PyTorch, which also multiplies by the mask.
    expect(y.data.every((v) => v === 0)).toBe(true);
    sum(y).backward();
    expect([...x.grad!.data]).toEqual([0, 0, 0]);
  });

  it("rejects p outside [0, 1] with PyTorch's message", () => {
    const x = tensor([1]);
    expect(() => dropout(x, { p: 1.5 })).toThrow('dropout probability has to be between 0 and 1, but got 1.5');
    expect(() => dropout(x, { p: -0.1 })).toThrow('dropout probability has to be between 0 and 1, but got -0.1');
    expect(() => dropout(x, { p: NaN })).toThrow('dropout probability has to be between 0 and 1, but got NaN');
    expect(() => dropout(x, { p: 2, training: false })).toThrow('dropout probability has to be between 0 and 1, but got 2');
  });
});
