import { describe, expect, it } from 'vitest';
import { datasets } from '../../../src/engine/index.ts';

const { parseCifar10Batch, decodeCifar10Batch, encodeCifar10Batch, CIFAR10_CLASSES, batches } = datasets;

/** The value the generated file holds for image i, channel c, row y, column x. */
const pixelOf = (i: number, c: number, y: number, x: number) => (i * 31 + c * 97 + y * 8 + x * 3) % 256;

/**
 * A CIFAR-10 batch file written record by record straight from the format's
 * description (label byte, then 1024 red, 1024 green, 1024 blue, each row by row),
 * independently of the engine's own writer.
 */
function generateBatch(count: number, labelOf = (i: number) => (i * 3) % 10): Uint8Array {
  const file = new Uint8Array(count * 3073);
  let at = 0;
  for (let i = 0; i < count; i++) {
    file[at++] = labelOf(i);
    for (let c = 0; c < 3; c++) for (let y = 0; y < 32; y++) for (let x = 0; x < 32; x++) file[at++] = pixelOf(i, c, y, x);
  }
  return file;
}

describe('parseCifar10Batch', () => {
  it('reads images as [N, 3, 32, 32] in [0, 1], with labels and the ten class names', () => {
    const ds = parseCifar10Batch(generateBatch(5));
    expect(ds.count).toBe(5);
    expect(ds.shape).toEqual([3, 32, 32]);
    expect(ds.images.length).toBe(5 * 3 * 32 * 32);
    expect(Array.from(ds.labels)).toEqual([0, 3, 6, 9, 2]);
    expect(ds.classes).toEqual(['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck']);
    for (const [i, c, y, x] of [[0, 0, 0, 0], [1, 0, 31, 31], [2, 1, 5, 7], [4, 2, 31, 0], [3, 2, 16, 16]]) {
      const at = ((i * 3 + c) * 32 + y) * 32 + x;
      expect(ds.images[at]).toBe(Math.fround(pixelOf(i, c, y, x) / 255));
    }
    expect(Math.max(...ds.images)).toBeLessThanOrEqual(1);
  });

  it('takes an ArrayBuffer, and batch files joined end to end', () => {
    const a = generateBatch(2);
    const b = generateBatch(3, () => 7);
    const joined = new Uint8Array(a.length + b.length);
    joined.set(a);
    joined.set(b, a.length);
    const ds = parseCifar10Batch(joined.buffer);
    expect(ds.count).toBe(5);
    expect(Array.from(ds.labels)).toEqual([0, 3, 7, 7, 7]);
  });

  it('matches the engine writer byte for byte, and round-trips through it', () => {
    const file = generateBatch(4);
    const raw = decodeCifar10Batch(file);
    expect(Array.from(encodeCifar10Batch(raw))).toEqual(Array.from(file));
    expect(() => encodeCifar10Batch({ ...raw, count: 5 })).toThrow('5 images need 5 labels and 15360 pixel bytes, got 4 and 12288');
  });

  it('refuses a length that is not a whole number of 3073-byte records, with the arithmetic', () => {
    const file = generateBatch(2);
    expect(() => parseCifar10Batch(file.subarray(0, 6000))).toThrow(
      'a CIFAR-10 batch is a whole, non-zero number of 3073-byte records (1 label byte + 3072 pixel bytes), got 6000 bytes (1 records and 2927 bytes over)',
    );
    expect(() => parseCifar10Batch(new Uint8Array(0))).toThrow('got 0 bytes (0 records and 0 bytes over)');
  });

  it('recognises CIFAR-100 records and gzip archives', () => {
    expect(() => parseCifar10Batch(new Uint8Array(3074 * 2))).toThrow('fits CIFAR-100 records (3074 bytes, two label bytes)');
    const gz = new Uint8Array(3073);
    gz.set([0x1f, 0x8b, 8]);
    expect(() => parseCifar10Batch(gz)).toThrow('this is a gzip file (cifar-10-binary.tar.gz?)');
  });

  it('refuses a label beyond 9, naming the record', () => {
    expect(() => parseCifar10Batch(generateBatch(4, (i) => (i === 2 ? 10 : 0)))).toThrow(
      'record 2 (byte offset 6146) has label 10; CIFAR-10 labels are 0..9',
    );
  });

  it('feeds batches() with [B, 3, 32, 32] tensors', () => {
    const ds = parseCifar10Batch(generateBatch(5));
    const sizes = [...batches(ds, 2)].map((b) => b.images.shape);
    expect(sizes).toEqual([[2, 3, 32, 32], [2, 3, 32, 32], [1, 3, 32, 32]]);
    expect(CIFAR10_CLASSES.length).toBe(10);
  });
});
