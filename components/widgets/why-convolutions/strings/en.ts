/**
 * The words of lesson 1's widget in English. This file defines their shape
 * ({@link XoLabStrings}); every other language's file must match it key for key.
 * Keys name purposes, not English sentences.
 */
import type { XoVariant } from '../../../../src/engine/datasets/xo.ts';
import { XO_CLASSES } from '../../../../src/engine/datasets/xo.ts';
import type { XoModelKind, XoTestSet } from '../../../../src/training/xo/config.ts';
import { XO_EXPERIMENT_DEFAULTS } from '../../../../src/training/xo/config.ts';
import type { Locale } from '../../../../src/i18n/lessons.ts';
import type { XoFailure } from '../xo-client.ts';

/** Everything the widget says. */
export interface XoLabStrings {
  title: string;
  galleryHeading: string;
  galleryHint: string;
  variant: Record<XoVariant, string>;
  letter: (label: 0 | 1) => string;
  copyPicture: (letter: string, variant: string) => string;
  trainHeading: string;
  seedLabel: string;
  /** The seed field's rule, shown while its text is refused. */
  seedRule: (max: string) => string;
  newSeed: string;
  train: string;
  retrain: string;
  cancel: string;
  reset: string;
  retry: string;
  progressLabel: string;
  stepOf: (step: number, steps: number) => string;
  status: {
    idle: string;
    starting: string;
    training: string;
    done: (ms: number) => string;
    cancelled: string;
  };
  failed: Record<XoFailure['kind'], string>;
  failedDetail: (detail: string) => string;
  retryHint: string;
  urlNote: (keys: string) => string;
  model: Record<XoModelKind, string>;
  /** The architecture in one line, from the experiment's settings. */
  modelShape: (kind: XoModelKind, o: { size: number; hidden: number; filters: number }) => string;
  paramCount: (params: number) => string;
  resultSeed: (seed: number) => string;
  lossHeading: string;
  lossAxisStep: string;
  lossAxisLoss: string;
  lossSummary: (step: number, mlp: number, cnn: number) => string;
  lossEmpty: string;
  chartLoading: string;
  accuracyHeading: string;
  accuracyCaption: string;
  testSet: Record<XoTestSet, string>;
  testSetColumn: string;
  accuracyEmpty: string;
  drawHeading: string;
  drawHint: string;
  gridLabel: string;
  cellLabel: (row: number, col: number) => string;
  startFrom: string;
  clear: string;
  verdictWaiting: string;
  verdict: (model: string, letter: string, percent: string) => string;
  percent: (value: number) => string;
}

/** A fraction as a whole percentage, as `lang` writes it. */
export const formatPercent = (lang: Locale) => (value: number) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value);

/** Sizes and counts the strings name, from the constants they describe (shared by every language). */
export const SIZE = XO_EXPERIMENT_DEFAULTS.size;
export const CLASSES = XO_CLASSES.length;
export const TEST_COUNT = XO_EXPERIMENT_DEFAULTS.testCount;

const variantEn: Record<XoVariant, string> = {
  canonical: 'Canonical',
  shifted: 'Shifted',
  tilted: 'Tilted',
  short: 'Shorter stroke',
  thick: 'Thick pen',
  noisy: 'Noisy',
};

export const en: XoLabStrings = {
  title: 'X or O? An MLP and a CNN side by side',
  galleryHeading: 'The pictures',
  galleryHint:
    'Both networks train only on the canonical letters (plus a few flipped pixels). Every other kind is new to them. Click a picture to copy it into the drawing pad below.',
  variant: variantEn,
  letter: (label) => (label === 0 ? 'X' : 'O'),
  copyPicture: (letter, variant) => `${letter}, ${variant.toLowerCase()}: copy into the drawing pad`,
  trainHeading: 'Train both networks',
  seedLabel: 'Seed',
  seedRule: (max) => `Type a whole number from 0 to ${max}.`,
  newSeed: 'New seed',
  train: 'Train both',
  retrain: 'Train again',
  cancel: 'Cancel',
  reset: 'Reset',
  retry: 'Try again',
  progressLabel: 'Training progress',
  stepOf: (step, steps) => `step ${step} / ${steps}`,
  status: {
    idle: 'Not trained yet. Press “Train both”.',
    starting: 'Starting the training worker…',
    training: 'Training both networks on the same batches…',
    done: (ms) => `Done. The arithmetic took ${ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`}; the rest was pacing so you can watch.`,
    cancelled: 'Training cancelled.',
  },
  failed: {
    start: 'The training worker could not start in this browser.',
    crash: 'Training stopped with an error.',
    silence: 'The training worker stopped answering, so it was shut down.',
    unreadable: 'A message from the training worker could not be read.',
  },
  failedDetail: (detail) => `Details: ${detail}`,
  retryHint: 'The rest of the page still works; you can try again.',
  urlNote: (keys) => `The address asked for an invalid ${keys}; using the default instead.`,
  model: { mlp: 'MLP', cnn: 'CNN' },
  modelShape: (kind, o) =>
    kind === 'mlp'
      ? `${o.size * o.size} pixels → ${o.hidden} hidden units → ${CLASSES} scores`
      : `${o.filters} filters of 3×3 → ReLU → each filter’s maximum over the picture → ${CLASSES} scores`,
  paramCount: (n) => `${n.toLocaleString('en')} parameters`,
  resultSeed: (seed) => `Run with seed ${seed}.`,
  lossHeading: 'Training loss',
  lossAxisStep: 'step',
  lossAxisLoss: 'loss',
  lossSummary: (step, mlp, cnn) => `Training loss of both networks by step. After step ${step}: MLP ${mlp.toFixed(3)}, CNN ${cnn.toFixed(3)}.`,
  lossEmpty: 'The loss curves appear here while the networks train.',
  chartLoading: 'Loading the chart…',
  accuracyHeading: 'Test accuracy',
  accuracyCaption: `Share of ${TEST_COUNT} new pictures of each kind that each network labels correctly (${formatPercent('en')(1 / CLASSES)} is a coin toss).`,
  testSet: {
    noisy: 'Canonical, new noise',
    shifted: 'Shifted',
    tilted: 'Tilted',
    short: 'Shorter stroke',
    thick: 'Thick pen',
  },
  testSetColumn: 'Pictures',
  accuracyEmpty: 'Accuracies appear here after training.',
  drawHeading: 'Your own picture',
  drawHint: 'Click or drag to paint pixels. With the keyboard: arrow keys move, Space or Enter toggles a pixel.',
  gridLabel: `Drawing pad, ${SIZE} by ${SIZE} pixels`,
  cellLabel: (row, col) => `row ${row}, column ${col}`,
  startFrom: 'Start from',
  clear: 'Clear',
  verdictWaiting: 'Train the networks, then they will judge your picture.',
  verdict: (model, letter, percent) => `${model} says ${letter} (${percent} sure)`,
  percent: formatPercent('en'),
};
