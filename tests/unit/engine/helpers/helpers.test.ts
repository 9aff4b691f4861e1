// The shared test helpers are themselves tested: an oracle that cannot fail proves nothing.
import { describe, expect, it } from 'vitest';
import { Tensor, fromOp, mul, tensor } from '../../../../src/engine/index.ts';
import { gradcheck } from './gradcheck.ts';
import { conv2dNaive, expectClose, padNaive, toArray64 } from './reference.ts';
import { randomTensor, seeded } from './random.ts';
import { depthwiseFromTf, depthwiseToTf, hwioToOihw, nchwToNhwc, nhwcToNchw, oihwToHwio, transpose } from './tf.ts';

const row = (values: number[]) => ({ data: Float64Array.from(values), shape: [1, 1, 1, values.length] });

describe('padNaive', () => {
  it('follows the definitions of the four modes on a row a b c', () => {
    const x = row([1, 2, 3]);
    expect([...padNaive(x, [2, 2], 'constant', 9).data]).toEqual([9, 9, 1, 2, 3, 9, 9]);
    expect([...padNaive(x, [2, 2], 'reflect').data]).toEqual([3, 2, 1, 2, 3, 2, 1]);
    expect([...padNaive(x, [2, 2], 'replicate').data]).toEqual([1, 1, 1, 2, 3, 3, 3]);
    expect([...padNaive(x, [2, 2], 'circular').data]).toEqual([2, 3, 1, 2, 3, 1, 2]);
    expect([...padNaive(x, [-1, 0]).data]).toEqual([2, 3]);
  });
});

describe('conv2dNaive', () => {
  it('computes a hand-worked 3x3 input with a 2x2 kernel', () => {
    const x = { data: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), shape: [1, 1, 3, 3] };
    const w = { data: Float64Array.from([1, 0, 0, -1]), shape: [1, 1, 2, 2] };
    // Each output is top-left minus bottom-right of its 2x2 window: always 1 - 5 = -4.
    expect([...conv2dNaive(x, w, null).data]).toEqual([-4, -4, -4, -4]);
  });
});

describe('expectClose', () => {
  it('passes within tolerance and names the index outside it', () => {
    expect(() => expectClose([1, 2], [1, 2.0001], { atol: 1e-3, rtol: 0 })).not.toThrow();
    expect(() => expectClose([1, 2], [1, 2.1], { atol: 1e-3, rtol: 0 })).toThrow(/index 1/);
    expect(() => expectClose([NaN], [NaN], { atol: 0, rtol: 0 })).not.toThrow();
    expect(() => expectClose([NaN], [0], { atol: 1, rtol: 0 })).toThrow();
  });
});

describe('gradcheck', () => {
  it('accepts a correct backward and rejects a wrong one', () => {
    const rng = seeded(1);
    const a = randomTensor([3, 4], rng, { requiresGrad: true });
    const b = randomTensor([3, 4], rng, { requiresGrad: true });
    const product = (x: { data: Float64Array }, y: { data: Float64Array }) => x.data.map((v, i) => v * y.data[i]);
    const report = gradcheck(mul, [a, b], { reference: product });
    expect(report.checked).toBe(24);

    const wrong = (x: Tensor) => fromOp('wrongSquare', x.data.map((v) => v * v), x.shape, [x], (g) => [g]);
    expect(() => gradcheck(wrong, [a])).toThrow(/backward gives/);
  });

  it('works without a reference, on the engine in float32', () => {
    const a = tensor([0.5, -1.5, 2], [3], { requiresGrad: true });
    expect(gradcheck((x) => mul(x, x), [a]).checked).toBe(3);
  });
});

describe('layout helpers', () => {
  it('round-trip NCHW <-> NHWC and OIHW <-> HWIO', () => {
    const rng = seeded(2);
    const x = randomTensor([2, 3, 4, 5], rng);
    const nhwc = nchwToNhwc(x.data, x.shape);
    expect(nhwc.shape).toEqual([2, 4, 5, 3]);
    // element [n=1, c=2, h=3, w=4] lands at [1, 3, 4, 2]
    expect(nhwc.data[((1 * 4 + 3) * 5 + 4) * 3 + 2]).toBe(x.data[((1 * 3 + 2) * 4 + 3) * 5 + 4]);
    expect([...nhwcToNchw(nhwc.data, nhwc.shape).data]).toEqual([...x.data]);
    const hwio = oihwToHwio(x.data, x.shape);
    expect([...hwioToOihw(hwio.data, hwio.shape).data]).toEqual([...x.data]);
    const dw = randomTensor([6, 1, 3, 3], rng);
    const tfw = depthwiseToTf(dw.data, dw.shape, 3);
    expect(tfw.shape).toEqual([3, 3, 3, 2]);
    // engine channel 5 = input channel 2, multiplier 1
    expect(tfw.data[((0 * 3 + 1) * 3 + 2) * 2 + 1]).toBe(dw.data[5 * 9 + 1]);
    expect([...depthwiseFromTf(tfw.data, tfw.shape).data]).toEqual([...dw.data]);
    expect(transpose([1, 2, 3, 4, 5, 6], [2, 3], [1, 0]).data).toEqual(Float32Array.from([1, 4, 2, 5, 3, 6]));
    expect(toArray64(x).data[7]).toBe(x.data[7]);
  });
});
