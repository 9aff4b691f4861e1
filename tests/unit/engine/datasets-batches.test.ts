import { describe, expect, it } from 'vitest';
import { Tensor, datasets, manualSeed } from '../../../src/engine/index.ts';
import type { RawImageSet } from '../../../src/engine/datasets/format.ts';

const { batches, toUnitDataset } = datasets;

/** Seven 2x3x3 images; every pixel of image i is 10 * i + channel, label i mod 3. */
function rawSet(): RawImageSet {
  const count = 7;
  const pixels = new Uint8Array(count * 18);
  for (let i = 0; i < count; i++) for (let p = 0; p < 18; p++) pixels[i * 18 + p] = 10 * i + Math.floor(p / 9);
  return { pixels, labels: Uint8Array.from({ length: count }, (_, i) => i % 3), count, shape: [2, 3, 3], classes: ['a', 'b', 'c'] };
}

describe('batches', () => {
  it('cuts the set in order into [B, C, H, W] tensors and Int32 labels, the last batch smaller', () => {
    const all = [...batches(toUnitDataset(rawSet()), 3)];
    expect(all.map((b) => b.images.shape)).toEqual([[3, 2, 3, 3], [3, 2, 3, 3], [1, 2, 3, 3]]);
    expect(all[0].images).toBeInstanceOf(Tensor);
    expect(all[1].labels).toBeInstanceOf(Int32Array);
    expect(Array.from(all[1].labels)).toEqual([0, 1, 2]);
    expect(Array.from(all[2].indices)).toEqual([6]);
    // Image 4 is the second of the second batch: its channel 1 holds (40 + 1) / 255.
    expect(all[1].images.data[18 + 9]).toBeCloseTo(41 / 255, 7);
  });

  it('drops a short last batch when asked', () => {
    expect([...batches(toUnitDataset(rawSet()), 3, { dropLast: true })].length).toBe(2);
    expect([...batches(toUnitDataset(rawSet()), 7, { dropLast: true })].length).toBe(1);
  });

  it('gives the same tensors from a raw set (scaled per batch) as from its float form', () => {
    const raw = rawSet();
    const fromRaw = [...batches(raw, 4, { shuffle: true, seed: 3 })];
    const fromFloat = [...batches(toUnitDataset(raw), 4, { shuffle: true, seed: 3 })];
    expect(fromRaw.map((b) => Array.from(b.images.data))).toEqual(fromFloat.map((b) => Array.from(b.images.data)));
    expect(fromRaw.map((b) => Array.from(b.labels))).toEqual(fromFloat.map((b) => Array.from(b.labels)));
  });

  it('shuffles every image exactly once, the same way for the same seed, differently for another', () => {
    const order = (seed: number) => [...batches(rawSet(), 2, { shuffle: true, seed })].flatMap((b) => Array.from(b.indices));
    const a = order(1);
    expect([...a].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(order(1)).toEqual(a);
    expect([1, 2, 3, 4, 5].map(order).some((o) => o.join() !== a.join())).toBe(true);
    expect(a).not.toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Labels and pixels travel with their image.
    for (const b of batches(rawSet(), 3, { shuffle: true, seed: 9 })) {
      b.indices.forEach((i, j) => {
        expect(b.labels[j]).toBe(i % 3);
        expect(b.images.data[j * 18]).toBeCloseTo((10 * i) / 255, 7);
      });
    }
  });

  it('without a seed, follows the engine-wide generator (manualSeed)', () => {
    const order = () => [...batches(rawSet(), 7, { shuffle: true })][0].indices.join();
    manualSeed(42);
    const first = order();
    manualSeed(42);
    expect(order()).toBe(first);
  });

  it("refuses a batch size that is not a positive integer, with PyTorch's message", () => {
    // At the call, as DataLoader does, not at the first next().
    expect(() => batches(rawSet(), 0)).toThrow('batch_size should be a positive integer value, but got batch_size=0');
    expect(() => batches(rawSet(), 2.5)).toThrow('but got batch_size=2.5');
  });

  it('yields nothing for an empty set', () => {
    const empty: RawImageSet = { ...rawSet(), pixels: new Uint8Array(0), labels: new Uint8Array(0), count: 0 };
    expect([...batches(empty, 4)]).toEqual([]);
  });
});
