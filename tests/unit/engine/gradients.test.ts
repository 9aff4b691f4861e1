// Float64 finite-difference gradient checks for the small ops the layers are
// built from (the layer ops check theirs in their own files): broadcasting
// arithmetic, the unary maths, reductions and the ops that only move values.
// Together with those files, every differentiable op of the engine is checked
// against finite differences or the adjoint identity, on every backend.
import { describe, expect, it } from 'vitest';
import {
  abs,
  add,
  cat,
  clamp,
  exp,
  flatten,
  listBackends,
  log,
  maximum,
  mean,
  neg,
  pow,
  reshape,
  scale,
  sqrt,
  sum,
  withBackend,
} from '../../../src/engine/index.ts';
import type { Tensor } from '../../../src/engine/index.ts';
import { gradcheck } from './helpers/gradcheck.ts';
import type { Array64 } from './helpers/reference.ts';
import { randomTensor, seeded } from './helpers/random.ts';

/** Multi-index of flat position `k` in a row-major `shape`. */
function indexOf(k: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = k % shape[d];
    k = Math.floor(k / shape[d]);
  }
  return index;
}

/** Sum (or mean) over `dims` in float64, by visiting every element and adding it to its output cell. */
function reduceNaive(a: Array64, dims: readonly number[], average: boolean): Float64Array {
  const kept = a.shape.map((n, d) => (dims.includes(d) ? 1 : n));
  const out = new Float64Array(kept.reduce((p, q) => p * q, 1));
  for (let k = 0; k < a.data.length; k++) {
    const at = indexOf(k, a.shape).reduce((flat, i, d) => flat * kept[d] + (dims.includes(d) ? 0 : i), 0);
    out[at] += a.data[k];
  }
  const count = a.data.length / out.length;
  return average ? out.map((v) => v / count) : out;
}

/** out[i, j, k] = f(a[i, j, k], b[j, 0]) for a of shape [2, 3, 4] and b of shape [3, 1]. */
const broadcastNaive = (f: (x: number, y: number) => number) => (a: Array64, b: Array64) =>
  a.data.map((v, k) => f(v, b.data[Math.floor(k / 4) % 3]));

for (const backend of listBackends()) {
  describe(`gradients of the building blocks on the ${backend} backend`, () => {
    const check = (name: string, body: () => number) =>
      it(name, () => withBackend(backend, () => expect(body()).toBeGreaterThan(0)));

    check('add, broadcasting [2, 3, 4] with [3, 1]', () => {
      const rng = seeded(1);
      const a = randomTensor([2, 3, 4], rng, { requiresGrad: true });
      const b = randomTensor([3, 1], rng, { requiresGrad: true });
      return gradcheck(add, [a, b], { reference: broadcastNaive((x, y) => x + y) }).checked;
    });

    check('maximum, broadcasting, away from ties', () => {
      const rng = seeded(2);
      const a = randomTensor([2, 3, 4], rng, { requiresGrad: true });
      // b in (-0.9, 0.9) and a nudged 0.05 away from it: a finite-difference step never crosses a tie.
      const b = randomTensor([3, 1], rng, { requiresGrad: true, low: -0.9, high: 0.9 });
      for (let k = 0; k < a.data.length; k++) {
        const other = b.data[Math.floor(k / 4) % 3];
        if (Math.abs(a.data[k] - other) < 0.05) a.data[k] = other + 0.05;
      }
      return gradcheck(maximum, [a, b], { reference: broadcastNaive(Math.max) }).checked;
    });

    const unary: [string, (x: Tensor) => Tensor, (v: number) => number, number, number][] = [
      ['neg', neg, (v) => -v, -2, 2],
      ['exp', exp, Math.exp, -2, 2],
      ['log', log, Math.log, 0.2, 3],
      ['sqrt', sqrt, Math.sqrt, 0.2, 3],
      ['pow 3', (x) => pow(x, 3), (v) => v ** 3, -2, 2],
      ['pow -1.5', (x) => pow(x, -1.5), (v) => v ** -1.5, 0.5, 2],
      ['pow 0', (x) => pow(x, 0), () => 1, -2, 2],
      ['scale -2.5', (x) => scale(x, -2.5), (v) => -2.5 * v, -2, 2],
    ];
    for (const [name, op, f, low, high] of unary) {
      check(name, () => {
        const x = randomTensor([3, 5], seeded(name.length), { requiresGrad: true, low, high });
        return gradcheck(op, [x], { reference: (a) => a.data.map(f) }).checked;
      });
    }

    check('abs and clamp, away from their kinks', () => {
      const x = randomTensor([4, 5], seeded(3), { requiresGrad: true, low: 0.1, high: 2 });
      for (let k = 0; k < x.data.length; k += 2) x.data[k] = -x.data[k];
      const a = gradcheck(abs, [x], { reference: (t) => t.data.map(Math.abs) }).checked;
      // |x| >= 0.1 and the bounds at +-0.05 away from any value: no step crosses a bound.
      const bounded = (t: Tensor) => clamp(t, -1.05, 1.05);
      for (let k = 0; k < x.data.length; k++) if (Math.abs(Math.abs(x.data[k]) - 1.05) < 0.05) x.data[k] *= 0.9;
      const c = gradcheck(bounded, [x], { reference: (t) => t.data.map((v) => Math.min(1.05, Math.max(-1.05, v))) }).checked;
      return Math.min(a, c);
    });

    check('sum and mean over every subset of dims, with and without keepdim', () => {
      const x = randomTensor([2, 3, 4], seeded(4), { requiresGrad: true });
      let checked = 0;
      for (const dims of [[0], [1], [2], [0, 2], [1, 2], [0, 1, 2]]) {
        for (const keepdim of [false, true]) {
          checked += gradcheck((t) => sum(t, dims, { keepdim }), [x], { reference: (a) => reduceNaive(a, dims, false) }).checked;
          checked += gradcheck((t) => mean(t, dims.map((d) => d - 3), { keepdim }), [x], { reference: (a) => reduceNaive(a, dims, true) }).checked;
        }
      }
      checked += gradcheck((t) => sum(t), [x], { reference: (a) => reduceNaive(a, [0, 1, 2], false) }).checked;
      return checked;
    });

    check('cat along the middle dimension hands each input its own slice', () => {
      const rng = seeded(5);
      const a = randomTensor([2, 1, 3], rng, { requiresGrad: true });
      const b = randomTensor([2, 2, 3], rng, { requiresGrad: true });
      const catNaive = (p: Array64, q: Array64) => {
        const out: number[] = [];
        for (let i = 0; i < 2; i++) out.push(...p.data.slice(i * 3, i * 3 + 3), ...q.data.slice(i * 6, i * 6 + 6));
        return out;
      };
      return gradcheck((p, q) => cat([p, q], 1), [a, b], { reference: catNaive }).checked;
    });

    check('reshape, clone and flatten pass the gradient straight through, also to a tensor used twice', () => {
      const x = randomTensor([2, 3, 2], seeded(6), { requiresGrad: true });
      // y = flatten(x) + reshape(x.clone(), [12]) = 2x elementwise.
      const twice = (t: Tensor) => add(flatten(t), reshape(t.clone(), [12]));
      return gradcheck(twice, [x], { reference: (a) => a.data.map((v) => 2 * v) }).checked;
    });
  });
}
