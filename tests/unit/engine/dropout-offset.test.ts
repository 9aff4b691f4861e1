// A slice of a batch gets the same dropout mask as those rows of the whole batch:
// what data-parallel training relies on to split a batch across workers.
import { describe, expect, it } from 'vitest';
import { Random, Tensor, dropout, nn } from '../../../src/engine/index.ts';
import { randomTensor, seeded } from './helpers/random.ts';

describe('Random.skip', () => {
  it('lands where that many next() calls land, for small and 32-bit-overflowing counts', () => {
    for (const n of [0, 1, 7, 65_535, 65_536, 65_537, 1_000_003]) {
      const walked = new Random(42);
      for (let i = 0; i < n; i++) walked.next();
      const skipped = new Random(42).skip(n);
      expect(skipped.next()).toBe(walked.next());
    }
    // Past 2^32 draws the state wraps: skipping 2^32 + 5 is skipping 5.
    expect(new Random(9).skip(2 ** 32 + 5).next()).toBe(new Random(9).skip(5).next());
  });

  it('refuses a negative or fractional count', () => {
    expect(() => new Random(1).skip(-1)).toThrow(/whole number >= 0, got -1/);
    expect(() => new Random(1).skip(1.5)).toThrow(/got 1.5/);
  });
});

describe('dropout offset', () => {
  it('masks a slice as the same slice of the whole tensor is masked', () => {
    const x = randomTensor([6, 4, 3], seeded(5));
    const whole = dropout(x, { p: 0.4, seed: 77 }).data;
    const row = 12;
    for (const [from, to] of [[0, 2], [2, 6], [3, 4]]) {
      const part = new Tensor(x.data.slice(from * row, to * row), [to - from, 4, 3]);
      const masked = dropout(part, { p: 0.4, seed: 77, offset: from * row }).data;
      expect([...masked]).toEqual([...whole.subarray(from * row, to * row)]);
    }
  });

  it('needs a seed and a whole number', () => {
    const x = randomTensor([4], seeded(1));
    expect(() => dropout(x, { offset: 2 })).toThrow(/offset needs an explicit seed/);
    expect(() => dropout(x, { seed: 1, offset: -2 })).toThrow(/offset must be a whole number >= 0, got -2/);
  });

  it('nn.Dropout with rowOffset gives two half batches the whole batch\'s mask', () => {
    const x = randomTensor([8, 5], seeded(3));
    const whole = new nn.Dropout({ p: 0.5, seed: 11 }).forward(x).data;
    const first = new nn.Dropout({ p: 0.5, seed: 11 });
    const second = new nn.Dropout({ p: 0.5, seed: 11 });
    second.rowOffset = 4;
    const a = first.forward(new Tensor(x.data.slice(0, 20), [4, 5])).data;
    const b = second.forward(new Tensor(x.data.slice(20), [4, 5])).data;
    expect([...a, ...b]).toEqual([...whole]);
  });
});
