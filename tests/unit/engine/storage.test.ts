// ArrayPool: a training step's arrays come back to the pool and are lent again,
// and a pooled run computes exactly what an unpooled one does, on every backend.
import { describe, expect, it } from 'vitest';
import { ArrayPool, Tensor, crossEntropy, lastingArrays, listBackends, nn, optim, withBackend } from '../../../src/engine/index.ts';
import { floats, ints } from '../../../src/engine/storage.ts';
import { seeded, randomData } from './helpers/random.ts';

const BIG = 8192; // floats: 32 KB, over the pool's 16 KB threshold
const SMALL = 1024; // 4 KB: below it, never pooled

describe('ArrayPool lends and takes back', () => {
  it('lends nothing outside run: every array is new and zero', () => {
    const pool = new ArrayPool();
    const a = floats(BIG);
    pool.reclaim([]);
    const b = floats(BIG);
    expect(b.buffer).not.toBe(a.buffer);
    expect(b.every((v) => v === 0)).toBe(true);
  });

  it('lends the same memory again after a reclaim, zeroed for floats and ints', () => {
    const pool = new ArrayPool();
    const first = pool.run(() => {
      const f = floats(BIG);
      const i = ints(BIG);
      f.fill(7);
      i.fill(-3);
      return [f, i] as const;
    });
    pool.reclaim([]);
    expect(pool.freeBytes).toBe(2 * BIG * 4);
    const second = pool.run(() => [floats(BIG), ints(BIG)] as const);
    const reused = new Set([first[0].buffer, first[1].buffer]);
    expect(reused.has(second[0].buffer)).toBe(true);
    expect(reused.has(second[1].buffer)).toBe(true);
    expect(second[0].every((v) => v === 0)).toBe(true);
    expect(second[1].every((v) => v === 0)).toBe(true);
    expect(pool.freeBytes).toBe(0);
  });

  it('never lends a kept array again, and leaves small arrays alone', () => {
    const pool = new ArrayPool();
    const [kept, dropped, small] = pool.run(() => [floats(BIG), floats(BIG), floats(SMALL)]);
    kept.fill(1);
    pool.reclaim([kept]);
    expect(pool.freeBytes).toBe(BIG * 4);
    const [next, after] = pool.run(() => [floats(BIG), floats(BIG)]);
    expect(next.buffer).toBe(dropped.buffer);
    expect(after.buffer).not.toBe(kept.buffer);
    expect(kept.every((v) => v === 1)).toBe(true);
    expect(pool.run(() => floats(SMALL)).buffer).not.toBe(small.buffer);
  });

  it('holds at most one round: arrays not lent again are let go at the next reclaim', () => {
    const pool = new ArrayPool();
    pool.run(() => [floats(BIG), floats(2 * BIG)]);
    pool.reclaim();
    expect(pool.freeBytes).toBe(3 * BIG * 4);
    pool.run(() => floats(BIG));
    pool.reclaim();
    expect(pool.freeBytes).toBe(BIG * 4);
    pool.clear();
    expect(pool.freeBytes).toBe(0);
  });

  it('refuses to nest, and stops lending when run throws', () => {
    const outer = new ArrayPool();
    const inner = new ArrayPool();
    expect(() => outer.run(() => inner.run(() => 0))).toThrow('ArrayPool.run: another pool is already lending (pools do not nest)');
    expect(() =>
      outer.run(() => {
        throw new Error('inside');
      }),
    ).toThrow('inside');
    const a = floats(BIG);
    outer.reclaim();
    expect(outer.run(() => floats(BIG)).buffer).not.toBe(a.buffer);
  });
});

/** Conv, BatchNorm (buffers), tanh, pooling, dropout and linear layers: the ops a step of the dashboard's models runs. */
function model(): nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(1, 6, 5, { padding: 2, seed: 1 }),
    new nn.BatchNorm2d(6),
    new nn.Tanh(),
    new nn.MaxPool2d(2),
    new nn.Conv2d(6, 16, 5, { seed: 2 }),
    new nn.ReLU(),
    new nn.AvgPool2d(2),
    new nn.Flatten(),
    new nn.Dropout({ p: 0.25, seed: 3 }),
    new nn.Linear(16 * 5 * 5, 10, { seed: 4 }),
  );
}

/**
 * Six batches of seeded 28x28 pictures, with or without a pool: momentum SGD steps
 * once per two batches, so each gradient is summed over two runs of the pool and
 * must survive the reclaim in between. The weights and buffers after.
 */
function train(pool: ArrayPool | null): { weights: Float32Array[]; buffers: Float32Array[]; losses: number[] } {
  const net = model();
  const optimizer = new optim.SGD(net.parameters(), { lr: 0.05, momentum: 0.9 });
  const rng = seeded(11);
  const losses: number[] = [];
  for (let step = 0; step < 6; step++) {
    const x = new Tensor(randomData(16 * 28 * 28, rng), [16, 1, 28, 28]);
    const labels = Array.from({ length: 16 }, (_, i) => (i * 7 + step) % 10);
    const stepOnce = () => {
      if (step % 2 === 0) optimizer.zeroGrad();
      const loss = crossEntropy(net.forward(x), labels);
      loss.backward();
      return loss.item();
    };
    losses.push(pool ? pool.run(stepOnce) : stepOnce());
    pool?.reclaim(lastingArrays(net));
    if (step % 2 === 1) optimizer.step();
  }
  return { weights: net.parameters().map((p) => p.data.slice()), buffers: net.buffers().map((b) => b.data.slice()), losses };
}

describe.each(listBackends())('a pooled training run on the %s backend', (backend) => {
  it('gives bit for bit the weights, running statistics and losses of an unpooled one', () => {
    withBackend(backend, () => {
      const plain = train(null);
      const pool = new ArrayPool();
      const pooled = train(pool);
      expect(pool.freeBytes).toBeGreaterThan(0);
      expect(pooled.losses).toEqual(plain.losses);
      pooled.weights.forEach((w, i) => expect(w).toEqual(plain.weights[i]));
      pooled.buffers.forEach((b, i) => expect(b).toEqual(plain.buffers[i]));
    });
  });
});
