/**
 * Mini-batches for training loops, like iterating a PyTorch `DataLoader`.
 */
import { Tensor } from '../tensor.ts';
import { randomFor } from '../random.ts';
import { bytesToUnit } from './format.ts';
import type { RawImageSet } from './format.ts';
import type { ImageDataset } from './xo.ts';

/** One mini-batch. */
export interface Batch {
  /** Images [B, C, H, W]. */
  images: Tensor;
  /** Class index of each image, as `crossEntropy` takes them. */
  labels: Int32Array;
  /** Which images of the dataset these are. */
  indices: Uint32Array;
}

/** Options of {@link batches}. */
export interface BatchOptions {
  /** Visit the images in a random order (default false, like DataLoader). */
  shuffle?: boolean;
  /** Seed of that order; without it, the engine-wide generator (`manualSeed`) decides. */
  seed?: number;
  /** Leave out a last batch smaller than `batchSize` (default false). */
  dropLast?: boolean;
}

/**
 * Splits a dataset into batches of `batchSize` images, in order or shuffled. A raw
 * set (bytes, as `loadRaw` returns) is scaled to [0, 1] one batch at a time, so a
 * large training set need not be held as floats.
 *
 * @example for (const { images, labels } of batches(train, 64, { shuffle: true, seed: 1 })) { ... }
 */
export function batches(dataset: ImageDataset | RawImageSet, batchSize: number, options: BatchOptions = {}): Generator<Batch> {
  // Checked here rather than inside the generator, which would wait for the first next().
  if (!Number.isInteger(batchSize) || batchSize <= 0) {
    throw new Error(`batch_size should be a positive integer value, but got batch_size=${batchSize}`);
  }
  return generateBatches(dataset, batchSize, options);
}

function* generateBatches(dataset: ImageDataset | RawImageSet, batchSize: number, options: BatchOptions): Generator<Batch> {
  const { count, shape } = dataset;
  const size = shape[0] * shape[1] * shape[2];
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  if (options.shuffle) randomFor(options.seed).shuffle(order);
  const raw = 'pixels' in dataset ? dataset.pixels : null;
  const floats = 'images' in dataset ? dataset.images : null;
  for (let start = 0; start < count; start += batchSize) {
    const b = Math.min(batchSize, count - start);
    if (b < batchSize && options.dropLast) return;
    const indices = order.slice(start, start + b);
    const data = new Float32Array(b * size);
    const labels = new Int32Array(b);
    for (let j = 0; j < b; j++) {
      const i = indices[j];
      if (raw) bytesToUnit(raw.subarray(i * size, (i + 1) * size), data.subarray(j * size, (j + 1) * size));
      else data.set(floats!.subarray(i * size, (i + 1) * size), j * size);
      labels[j] = dataset.labels[i];
    }
    yield { images: new Tensor(data, [b, shape[0], shape[1], shape[2]]), labels, indices };
  }
}
