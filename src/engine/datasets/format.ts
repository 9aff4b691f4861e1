/**
 * ConvLab's compact dataset file ("CLDS"), the form in which the site ships MNIST
 * and Fashion-MNIST under `/data/`, and the raw (byte) image sets every loader
 * works with before scaling to floats.
 *
 * Layout, all integers little-endian:
 *
 * | offset | size  | field                                   |
 * |--------|-------|-----------------------------------------|
 * | 0      | 4     | magic, ASCII "CLDS"                     |
 * | 4      | 2     | format version (1)                      |
 * | 6      | 2     | number of classes                       |
 * | 8      | 4     | count N (images)                        |
 * | 12     | 2     | channels C                              |
 * | 14     | 2     | height H                                |
 * | 16     | 2     | width W                                 |
 * | 18     | 6     | zero (reserved)                         |
 * | 24     | N     | labels, one byte each                   |
 * | 24 + N | N·C·H·W | pixels 0..255, image after image, NCHW |
 *
 * The site serves each file gzip-compressed (see `manifest.json` beside the files).
 */
import type { ImageDataset } from './xo.ts';

/** An image set as stored: bytes 0..255, before any scaling. */
export interface RawImageSet {
  /** `count` images of `shape`, NCHW, one byte per value. */
  pixels: Uint8Array;
  /** One class index per image. */
  labels: Uint8Array;
  count: number;
  /** Channels, height, width of one image. */
  shape: [number, number, number];
  /** Class names by label. */
  classes: readonly string[];
}

/** A labelled image set with values scaled to [0, 1] and named classes. */
export interface LabelledImageDataset extends ImageDataset {
  /** Class names by label: `classes[labels[i]]` names image `i`. */
  classes: readonly string[];
}

/** The four magic bytes "CLDS". */
export const CLDS_MAGIC = [0x43, 0x4c, 0x44, 0x53] as const;
/** Version written by {@link encodeClds}; the only one {@link decodeClds} reads. */
export const CLDS_VERSION = 1;
/** Bytes before the labels. */
export const CLDS_HEADER_BYTES = 24;

/** Checks that a raw set is self-consistent; every writer and reader goes through it. */
export function checkRawImageSet(set: RawImageSet, what: string): void {
  const [c, h, w] = set.shape;
  if (![c, h, w].every((d) => Number.isInteger(d) && d > 0 && d <= 0xffff)) {
    throw new Error(`${what}: shape must be three integers in 1..65535, got [${set.shape.join(', ')}]`);
  }
  if (!Number.isInteger(set.count) || set.count < 0) throw new Error(`${what}: count must be a non-negative integer, got ${set.count}`);
  if (set.labels.length !== set.count) {
    throw new Error(`${what}: expected ${set.count} labels (one per image), got ${set.labels.length}`);
  }
  if (set.pixels.length !== set.count * c * h * w) {
    throw new Error(
      `${what}: ${set.count} images of [${c}, ${h}, ${w}] need ${set.count * c * h * w} pixel bytes, got ${set.pixels.length}`,
    );
  }
  const n = set.classes.length;
  for (let i = 0; i < set.count; i++) {
    if (set.labels[i] >= n) {
      throw new Error(`${what}: label of image ${i} is ${set.labels[i]}, but there are ${n} classes (labels 0..${n - 1})`);
    }
  }
}

/** Serialises a raw image set into a CLDS file. */
export function encodeClds(set: RawImageSet): Uint8Array {
  checkRawImageSet(set, 'encodeClds');
  if (set.classes.length < 1 || set.classes.length > 256) {
    throw new Error(`encodeClds: labels are single bytes, so 1 to 256 classes, got ${set.classes.length}`);
  }
  const bytes = new Uint8Array(CLDS_HEADER_BYTES + set.count + set.pixels.length);
  const view = new DataView(bytes.buffer);
  bytes.set(CLDS_MAGIC, 0);
  view.setUint16(4, CLDS_VERSION, true);
  view.setUint16(6, set.classes.length, true);
  view.setUint32(8, set.count, true);
  view.setUint16(12, set.shape[0], true);
  view.setUint16(14, set.shape[1], true);
  view.setUint16(16, set.shape[2], true);
  bytes.set(set.labels, CLDS_HEADER_BYTES);
  bytes.set(set.pixels, CLDS_HEADER_BYTES + set.count);
  return bytes;
}

/**
 * Reads a CLDS file. The class names are not stored in the file (the manifest and
 * the loaders know them), so the caller passes them; their number must match the
 * header's. Labels and pixels are views into `bytes`.
 */
export function decodeClds(bytes: Uint8Array, classes: readonly string[]): RawImageSet {
  if (bytes.length < CLDS_HEADER_BYTES) {
    throw new Error(`decodeClds: expected at least ${CLDS_HEADER_BYTES} header bytes, got ${bytes.length} bytes`);
  }
  if (!CLDS_MAGIC.every((b, i) => bytes[i] === b)) {
    const got = Array.from(bytes.subarray(0, 4), (b) => `0x${b.toString(16).padStart(2, '0')}`).join(' ');
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b ? ' (a gzip file: decompress it first)' : '';
    throw new Error(`decodeClds: not a CLDS file: expected magic "CLDS" (0x43 0x4c 0x44 0x53), got ${got}${gzip}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== CLDS_VERSION) {
    throw new Error(`decodeClds: unsupported version ${version}; this reader knows version ${CLDS_VERSION}`);
  }
  const numClasses = view.getUint16(6, true);
  if (numClasses !== classes.length) {
    throw new Error(`decodeClds: the file has ${numClasses} classes, but ${classes.length} class names were given`);
  }
  const count = view.getUint32(8, true);
  const shape: [number, number, number] = [view.getUint16(12, true), view.getUint16(14, true), view.getUint16(16, true)];
  const pixelBytes = count * shape[0] * shape[1] * shape[2];
  const expected = CLDS_HEADER_BYTES + count + pixelBytes;
  if (bytes.length !== expected) {
    throw new Error(
      `decodeClds: ${count} images of [${shape.join(', ')}] make a ${expected}-byte file, got ${bytes.length} bytes` +
        (bytes.length < expected ? ' (truncated download?)' : ''),
    );
  }
  const labelsAt = CLDS_HEADER_BYTES;
  const set: RawImageSet = {
    labels: bytes.subarray(labelsAt, labelsAt + count),
    pixels: bytes.subarray(labelsAt + count, expected),
    count,
    shape,
    classes,
  };
  checkRawImageSet(set, 'decodeClds');
  return set;
}

/** The first `limit` images of a raw set (views, no copy). */
export function takeFirst(set: RawImageSet, limit: number | undefined, what: string): RawImageSet {
  if (limit === undefined) return set;
  if (!Number.isInteger(limit) || limit < 0) throw new Error(`${what}: limit must be a non-negative integer, got ${limit}`);
  if (limit >= set.count) return set;
  const size = set.shape[0] * set.shape[1] * set.shape[2];
  return {
    ...set,
    count: limit,
    labels: set.labels.subarray(0, limit),
    pixels: set.pixels.subarray(0, limit * size),
  };
}

// A table instead of a division per pixel: 47 million of them for MNIST's training set.
const BYTE_TO_UNIT = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/** Scales bytes 0..255 to floats in [0, 1] (exactly v / 255, rounded to float32). */
export function bytesToUnit(bytes: Uint8Array, out = new Float32Array(bytes.length)): Float32Array {
  for (let i = 0; i < bytes.length; i++) out[i] = BYTE_TO_UNIT[bytes[i]];
  return out;
}

/** The float form of a raw set, as `datasets.mnist()` and friends return it. */
export function toUnitDataset(set: RawImageSet): LabelledImageDataset {
  return {
    images: bytesToUnit(set.pixels),
    labels: set.labels.slice(),
    count: set.count,
    shape: [set.shape[0], set.shape[1], set.shape[2]],
    classes: set.classes,
  };
}

// ---------------------------------------------------------------------------
// Transport: gzip and checksums, through web-standard APIs that Node, browsers and
// workers all have, so there is one code path to test.

/** Whether `bytes` start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

async function streamToBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function byteStream(bytes: Uint8Array): ReadableStream<BufferSource> {
  return new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();
}

/** Decompresses a gzip file with the platform's `DecompressionStream`. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined') {
    throw new Error('gunzip: this environment has no DecompressionStream; the data files need a browser from 2023 or later');
  }
  return streamToBytes(byteStream(bytes).pipeThrough(new DecompressionStream('gzip')));
}

/** Compresses with the platform's `CompressionStream` (the build script uses zlib's best level instead). */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return streamToBytes(byteStream(bytes).pipeThrough(new CompressionStream('gzip')));
}

/** SHA-256 of `bytes` as 64 lowercase hex digits, or null where Web Crypto is unavailable (plain-http pages). */
export async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------------------
// The manifest that describes the shipped files.

/** One shipped file, as `manifest.json` lists it. */
export interface ManifestEntry {
  /** File name, relative to the manifest. */
  file: string;
  /** Size of the file as shipped (gzip-compressed). */
  bytes: number;
  /** SHA-256 of the file as shipped. */
  sha256: string;
  /** Size of the CLDS file inside. */
  rawBytes: number;
  /** SHA-256 of the CLDS file inside: what a reader checks, whatever the server did to the transfer. */
  rawSha256: string;
  count: number;
  shape: [number, number, number];
  classes: string[];
  /** SHA-256 over the source files and the conversion rules, to tell when the file is stale. */
  source: string;
}

/** `manifest.json`: every data file of the site by key, e.g. "mnist-train". */
export interface DataManifest {
  format: 'clds';
  version: number;
  files: Record<string, ManifestEntry>;
}

/** Validates a parsed `manifest.json` enough to trust its fields. */
export function checkManifest(value: unknown, where: string): DataManifest {
  const m = value as Partial<DataManifest> | null;
  if (!m || m.format !== 'clds' || typeof m.files !== 'object' || m.files === null) {
    throw new Error(`${where}: not a ConvLab data manifest (expected {"format": "clds", "files": {...}})`);
  }
  if (m.version !== CLDS_VERSION) {
    throw new Error(`${where}: manifest version ${m.version}, this reader knows version ${CLDS_VERSION}`);
  }
  return m as DataManifest;
}
