/**
 * Every number lesson 1's prose states, computed by the engine when the site is
 * built. Both language versions import this, and the content test checks it, so
 * the English and Korean pages can never disagree with each other or with the
 * engine.
 */
import { convOutputSize, datasets, nn, poolOutputSize, summary } from '../../../src/engine/index.ts';
import { Random } from '../../../src/engine/random.ts';
import { buildCnn, buildMlp } from '../../../src/training/xo/experiment.ts';
import { XO_EXPERIMENT_DEFAULTS } from '../../../src/training/xo/config.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';

/** Hidden units of the example first layer in the "weights grow with the image" table. */
export const EXAMPLE_HIDDEN_UNITS = 100;
/** Filters of the example conv layer in that table. */
export const EXAMPLE_FILTERS = 8;
/** The example conv layer's kernel size. */
export const EXAMPLE_KERNEL = 3;

/** One image size of the table. */
export interface ImageSizeRow {
  /** Which picture this is ('xo', 'mnist', 'photo'), for the prose to name. */
  key: 'xo' | 'mnist' | 'photo';
  size: number;
  channels: number;
  /** Inputs a fully connected layer receives: width x height x channels. */
  inputs: number;
  /** Parameters of Linear(inputs, 100). */
  fcParams: number;
  /** Parameters of Conv2d(channels, 8, 3): the same at every image size. */
  convParams: number;
  /** Whole-pixel positions a letter as big as the X/O letter (7x7) can take. */
  positions: number;
}

/** `picture` moved right by `dx` and down by `dy`, background coming in at the edges. */
export function shiftPicture(picture: ArrayLike<number>, size: number, dx: number, dy: number): Float32Array {
  const out = new Float32Array(size * size).fill(-1);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const sr = r - dy;
      const sc = c - dx;
      if (sr >= 0 && sr < size && sc >= 0 && sc < size) out[r * size + c] = picture[sr * size + sc];
    }
  }
  return out;
}

function countParams(model: nn.Module, inputShape: number[]): number {
  return summary(model, inputShape).totalParams;
}

/**
 * The only numbers lesson 1's prose and widget strings may type themselves (every other
 * number is printed from {@link lessonNumbers}); tests/unit/content/lessons.test.ts
 * holds both languages to this list, and why-convolutions.test.ts pins each fact.
 */
export const allowedNumbers: AllowList = [
  { value: 1, why: 'the pixel values: +1 for ink, −1 for the background (the X as the syllabus draws it)' },
  { value: 0, why: 'a loss that falls to almost 0 (the experiment test pins both final losses under 0.1)' },
  { value: 2, why: 'two kinds of cells (simple and complex), and the two networks of the experiment (MLP and CNN)' },
  { value: 1959, why: 'the year of Hubel and Wiesel’s first paper on the cat’s visual cortex' },
  { value: 1962, why: 'the year of Hubel and Wiesel’s paper on simple and complex cells' },
  { value: 1980, why: 'the year of Fukushima’s Neocognitron paper' },
  { value: 1989, why: 'the year of Cybenko’s universal approximation theorem' },
  { value: 1998, why: 'the year LeNet-5 was published (LENET_YEAR in training/lesson-numbers.ts)' },
  { phrase: '3×3', why: 'the experiment CNN’s filters are 3×3 (buildCnn; why-convolutions.test.ts counts their weights)' },
];

/** The numbers, computed once per build. */
export function lessonNumbers() {
  const { size, hidden, filters } = XO_EXPERIMENT_DEFAULTS;
  const sample = datasets.xo({ count: 2, size });
  const [, height, width] = sample.shape;
  const pixels = height * width;
  const x = sample.images.slice(0, pixels);
  const o = sample.images.slice(pixels, 2 * pixels);
  // The letter spans the square inside the one-pixel frame.
  const letterSize = size - 2;

  const moved = shiftPicture(x, size, 1, 0);
  let changed = 0;
  let inkKept = 0;
  let ink = 0;
  for (let i = 0; i < pixels; i++) {
    if (moved[i] !== x[i]) changed++;
    if (x[i] > 0) ink++;
    if (x[i] > 0 && moved[i] > 0) inkKept++;
  }

  const images: Pick<ImageSizeRow, 'key' | 'size' | 'channels'>[] = [
    { key: 'xo', size, channels: 1 },
    { key: 'mnist', size: 28, channels: 1 },
    { key: 'photo', size: 224, channels: 3 },
  ];
  const rows: ImageSizeRow[] = images.map(({ key, size: s, channels }) => {
    const inputs = s * s * channels;
    const input = [1, channels, s, s];
    return {
      key,
      size: s,
      channels,
      inputs,
      fcParams: countParams(new nn.Sequential(new nn.Flatten(), new nn.Linear(inputs, EXAMPLE_HIDDEN_UNITS)), input),
      convParams: countParams(new nn.Sequential(new nn.Conv2d(channels, EXAMPLE_FILTERS, EXAMPLE_KERNEL)), input),
      positions: convOutputSize(s, { kernelSize: letterSize }) ** 2,
    };
  });

  // LeNet-5's feature maps, 32x32 in: 5x5 convolutions and 2x2 subsampling, twice.
  const c1 = convOutputSize(32, { kernelSize: 5 });
  const s2 = poolOutputSize(c1, { kernelSize: 2 });
  const c3 = convOutputSize(s2, { kernelSize: 5 });
  const s4 = poolOutputSize(c3, { kernelSize: 2 });

  return {
    size,
    pixels,
    classes: datasets.XO_CLASSES.length,
    letterSize,
    /** The canonical X and O, for the pictures in the prose. */
    x,
    o,
    /** Shifting the X one pixel right: inputs that change, and ink pixels that stay ink. */
    shiftChanged: changed,
    shiftInkKept: inkKept,
    ink,
    /** A pixel inside the letter's square, its right neighbour and the pixel below it (0-based, row by row). */
    neighbours: { pixel: size + 3, right: size + 4, below: 2 * size + 3 },
    rows,
    hidden,
    filters,
    mlpParams: countParams(buildMlp(size, hidden), [1, 1, size, size]),
    cnnParams: countParams(buildCnn(size, filters), [1, 1, size, size]),
    lenet: { input: 32, c1, s2, c3, s4 },
  };
}

/** What {@link lessonNumbers} returns. */
export type LessonNumbers = ReturnType<typeof lessonNumbers>;

/** The picture as rows of "+1"/"-1", the way the network receives it. */
export function pictureAsText(picture: ArrayLike<number>, size: number): string {
  const lines: string[] = [];
  for (let r = 0; r < size; r++) {
    const cells: string[] = [];
    for (let c = 0; c < size; c++) cells.push(picture[r * size + c] > 0 ? '+1' : '-1');
    lines.push(cells.join(' '));
  }
  return lines.join('\n');
}

/** A seeded example of each variant of the X, for a figure. */
export function variantExamples(seed: number): { variant: datasets.XoVariant; pixels: Float32Array }[] {
  const rng = new Random(seed);
  return datasets.XO_VARIANTS.map((variant) => ({ variant, pixels: datasets.drawXo(0, variant, XO_EXPERIMENT_DEFAULTS.size, rng) }));
}
