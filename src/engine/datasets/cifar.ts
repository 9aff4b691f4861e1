/**
 * CIFAR-10 (Krizhevsky, 2009): 32x32 colour photographs in ten classes. No npm
 * package ships it, so the learner picks the files of the "binary version"
 * (`data_batch_1.bin` ... `data_batch_5.bin`, `test_batch.bin`) and this reads them.
 *
 * A batch file is nothing but records one after another, each 3073 bytes: the
 * label (0..9), then the 1024 red values, the 1024 green, the 1024 blue, every
 * plane row by row. That is already NCHW, and it also means that several batch
 * files joined end to end are a valid batch file.
 */
import { toUnitDataset } from './format.ts';
import type { LabelledImageDataset, RawImageSet } from './format.ts';

/** Class names of CIFAR-10 by label. */
export const CIFAR10_CLASSES: readonly string[] = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

const SIDE = 32;
const CHANNELS = 3;
const PIXELS = CHANNELS * SIDE * SIDE;
/** Bytes per record: one label byte and the three colour planes. */
export const CIFAR10_RECORD_BYTES = 1 + PIXELS;

/** Reads a CIFAR-10 binary batch into raw bytes (pixels 0..255), checking every record. */
export function decodeCifar10Batch(file: Uint8Array | ArrayBuffer): RawImageSet {
  const bytes = file instanceof Uint8Array ? file : new Uint8Array(file);
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw new Error(
      'parseCifar10Batch: this is a gzip file (cifar-10-binary.tar.gz?); extract it and pick data_batch_1.bin ... test_batch.bin',
    );
  }
  if (bytes.length === 0 || bytes.length % CIFAR10_RECORD_BYTES !== 0) {
    const whole = Math.floor(bytes.length / CIFAR10_RECORD_BYTES);
    const left = bytes.length - whole * CIFAR10_RECORD_BYTES;
    const cifar100 = bytes.length > 0 && bytes.length % (CIFAR10_RECORD_BYTES + 1) === 0
      ? '; its length fits CIFAR-100 records (3074 bytes, two label bytes), which this reader does not take'
      : '';
    throw new Error(
      `parseCifar10Batch: a CIFAR-10 batch is a whole, non-zero number of ${CIFAR10_RECORD_BYTES}-byte records ` +
        `(1 label byte + ${PIXELS} pixel bytes), got ${bytes.length} bytes (${whole} records and ${left} bytes over)${cifar100}`,
    );
  }
  const count = bytes.length / CIFAR10_RECORD_BYTES;
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * PIXELS);
  for (let i = 0; i < count; i++) {
    const at = i * CIFAR10_RECORD_BYTES;
    const label = bytes[at];
    if (label >= CIFAR10_CLASSES.length) {
      throw new Error(`parseCifar10Batch: record ${i} (byte offset ${at}) has label ${label}; CIFAR-10 labels are 0..9`);
    }
    labels[i] = label;
    pixels.set(bytes.subarray(at + 1, at + CIFAR10_RECORD_BYTES), i * PIXELS);
  }
  return { pixels, labels, count, shape: [CHANNELS, SIDE, SIDE], classes: CIFAR10_CLASSES };
}

/**
 * Reads a CIFAR-10 binary batch: images [N, 3, 32, 32] scaled to [0, 1], labels,
 * and the ten class names.
 */
export function parseCifar10Batch(file: Uint8Array | ArrayBuffer): LabelledImageDataset {
  return toUnitDataset(decodeCifar10Batch(file));
}

/** Writes images in the CIFAR-10 batch format: the inverse of {@link decodeCifar10Batch}. */
export function encodeCifar10Batch(set: Pick<RawImageSet, 'pixels' | 'labels' | 'count'>): Uint8Array {
  if (set.labels.length !== set.count || set.pixels.length !== set.count * PIXELS) {
    throw new Error(
      `encodeCifar10Batch: ${set.count} images need ${set.count} labels and ${set.count * PIXELS} pixel bytes, got ${set.labels.length} and ${set.pixels.length}`,
    );
  }
  const out = new Uint8Array(set.count * CIFAR10_RECORD_BYTES);
  for (let i = 0; i < set.count; i++) {
    out[i * CIFAR10_RECORD_BYTES] = set.labels[i];
    out.set(set.pixels.subarray(i * PIXELS, (i + 1) * PIXELS), i * CIFAR10_RECORD_BYTES + 1);
  }
  return out;
}
