import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { datasets } from '../../../src/engine/index.ts';
import type { RawImageSet } from '../../../src/engine/datasets/format.ts';

const { encodeClds, decodeClds, takeFirst, bytesToUnit, toUnitDataset, gzip, gunzip, isGzip, sha256Hex, checkManifest } = datasets;

const CLASSES = ['a', 'b', 'c'];

/** Three 2x2 RGB images with every pixel value distinct, labels 2, 0, 1. */
function smallSet(): RawImageSet {
  return {
    pixels: Uint8Array.from({ length: 3 * 3 * 2 * 2 }, (_, i) => (i * 7) % 256),
    labels: new Uint8Array([2, 0, 1]),
    count: 3,
    shape: [3, 2, 2],
    classes: CLASSES,
  };
}

describe('CLDS files', () => {
  it('lay out the header as documented: magic, version, classes, count, C, H, W, then labels and pixels', () => {
    const set = smallSet();
    const file = encodeClds(set);
    expect(file.length).toBe(24 + 3 + 36);
    expect(Array.from(file.subarray(0, 4))).toEqual([0x43, 0x4c, 0x44, 0x53]); // "CLDS"
    // Little-endian fields, read back byte by byte rather than with the decoder.
    expect(Array.from(file.subarray(4, 24))).toEqual([1, 0, 3, 0, 3, 0, 0, 0, 3, 0, 2, 0, 2, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(file.subarray(24, 27))).toEqual([2, 0, 1]);
    expect(Array.from(file.subarray(27))).toEqual(Array.from(set.pixels));
  });

  it('round-trip through encodeClds and decodeClds', () => {
    const set = smallSet();
    const back = decodeClds(encodeClds(set), CLASSES);
    expect(back.count).toBe(3);
    expect(back.shape).toEqual([3, 2, 2]);
    expect(back.classes).toEqual(CLASSES);
    expect(Array.from(back.labels)).toEqual([2, 0, 1]);
    expect(Array.from(back.pixels)).toEqual(Array.from(set.pixels));
  });

  it('hold an empty set', () => {
    const empty: RawImageSet = { pixels: new Uint8Array(0), labels: new Uint8Array(0), count: 0, shape: [1, 28, 28], classes: CLASSES };
    expect(decodeClds(encodeClds(empty), CLASSES).count).toBe(0);
  });

  it('refuse a wrong magic number, naming gzip when they see it', () => {
    const file = encodeClds(smallSet());
    file[0] = 0x58;
    expect(() => decodeClds(file, CLASSES)).toThrow('expected magic "CLDS" (0x43 0x4c 0x44 0x53), got 0x58 0x4c 0x44 0x53');
    const zipped = new Uint8Array(gzipSync(encodeClds(smallSet())));
    expect(() => decodeClds(zipped, CLASSES)).toThrow('a gzip file: decompress it first');
  });

  it('refuse a short header, another version, truncation and extra bytes', () => {
    const file = encodeClds(smallSet());
    expect(() => decodeClds(file.subarray(0, 10), CLASSES)).toThrow('expected at least 24 header bytes, got 10 bytes');
    const v2 = file.slice();
    v2[4] = 2;
    expect(() => decodeClds(v2, CLASSES)).toThrow('unsupported version 2; this reader knows version 1');
    expect(() => decodeClds(file.subarray(0, file.length - 1), CLASSES)).toThrow(
      '3 images of [3, 2, 2] make a 63-byte file, got 62 bytes (truncated download?)',
    );
    const longer = new Uint8Array(file.length + 1);
    longer.set(file);
    expect(() => decodeClds(longer, CLASSES)).toThrow('make a 63-byte file, got 64 bytes');
  });

  it('refuse class names that do not match the header, and labels beyond the classes', () => {
    const file = encodeClds(smallSet());
    expect(() => decodeClds(file, ['a', 'b'])).toThrow('the file has 3 classes, but 2 class names were given');
    const bad = file.slice();
    bad[25] = 3;
    expect(() => decodeClds(bad, CLASSES)).toThrow('label of image 1 is 3, but there are 3 classes (labels 0..2)');
  });

  it('are refused by the writer for inconsistent sets', () => {
    expect(() => encodeClds({ ...smallSet(), labels: new Uint8Array(2) })).toThrow('expected 3 labels (one per image), got 2');
    expect(() => encodeClds({ ...smallSet(), pixels: new Uint8Array(5) })).toThrow('3 images of [3, 2, 2] need 36 pixel bytes, got 5');
    expect(() => encodeClds({ ...smallSet(), shape: [0, 2, 2] })).toThrow('shape must be three integers in 1..65535, got [0, 2, 2]');
  });
});

describe('raw sets to floats', () => {
  it('scale every byte to exactly v / 255 in float32', () => {
    const all = Uint8Array.from({ length: 256 }, (_, v) => v);
    const unit = bytesToUnit(all);
    for (let v = 0; v < 256; v++) expect(unit[v]).toBe(Math.fround(v / 255));
    expect(unit[0]).toBe(0);
    expect(unit[255]).toBe(1);
  });

  it('keep shape, count, classes and labels (copied, not shared)', () => {
    const set = smallSet();
    const ds = toUnitDataset(set);
    expect(ds.images.length).toBe(36);
    expect(ds.images[5]).toBeCloseTo(set.pixels[5] / 255, 7);
    expect(ds.shape).toEqual([3, 2, 2]);
    ds.labels[0] = 9;
    expect(set.labels[0]).toBe(2);
  });

  it('take the first images with limit, and refuse a bad limit', () => {
    const set = smallSet();
    const two = takeFirst(set, 2, 'test');
    expect(two.count).toBe(2);
    expect(Array.from(two.labels)).toEqual([2, 0]);
    expect(two.pixels.length).toBe(24);
    expect(takeFirst(set, 10, 'test').count).toBe(3);
    expect(takeFirst(set, undefined, 'test')).toBe(set);
    expect(() => takeFirst(set, -1, 'datasets.mnist')).toThrow('datasets.mnist: limit must be a non-negative integer, got -1');
    expect(() => takeFirst(set, 1.5, 'datasets.mnist')).toThrow('got 1.5');
  });
});

describe('transport helpers', () => {
  it('gunzip what zlib compressed, and zlib reads what gzip compressed', async () => {
    const data = encodeClds(smallSet());
    const zipped = new Uint8Array(gzipSync(data));
    expect(isGzip(zipped)).toBe(true);
    expect(isGzip(data)).toBe(false);
    expect(Array.from(await gunzip(zipped))).toEqual(Array.from(data));
    expect(Array.from(gunzipSync(await gzip(data)))).toEqual(Array.from(data));
  });

  it('hash with SHA-256 (FIPS 180-2 test vector "abc")', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('check the manifest format and version', () => {
    expect(() => checkManifest({ hello: 1 }, '/data/manifest.json')).toThrow('/data/manifest.json: not a ConvLab data manifest');
    expect(() => checkManifest({ format: 'clds', version: 7, files: {} }, 'm')).toThrow('m: manifest version 7, this reader knows version 1');
    expect(checkManifest({ format: 'clds', version: 1, files: {} }, 'm').files).toEqual({});
  });
});
