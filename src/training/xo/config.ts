/**
 * The names and settings of lesson 1's experiment, without the engine: the page
 * imports these to lay out its table before the worker (which loads the engine)
 * has even started.
 */
import type { XoVariant } from '../../engine/datasets/xo.ts';

/** The test sets, each a variant the networks never trained on (except fresh noise). */
export const XO_TEST_SETS = ['noisy', 'shifted', 'tilted', 'short', 'thick'] as const satisfies readonly XoVariant[];

/** One of {@link XO_TEST_SETS}. */
export type XoTestSet = (typeof XO_TEST_SETS)[number];

/** The two networks under comparison. */
export const XO_MODELS = ['mlp', 'cnn'] as const;

/** One of {@link XO_MODELS}. */
export type XoModelKind = (typeof XO_MODELS)[number];

/** A value for each network. */
export type PerModel<T> = Record<XoModelKind, T>;

/** Settings of a run; every one has a default tuned so a run takes well under a second of arithmetic. */
export interface XoExperimentOptions {
  /** Seeds the training pictures, the initial weights and the batch order. */
  seed: number;
  /** Picture width and height. */
  size: number;
  /** Optimiser steps, each on one mini-batch, for each network. */
  steps: number;
  batchSize: number;
  /** Adam's learning rate. */
  lr: number;
  /** Hidden units of the MLP. */
  hidden: number;
  /** 3x3 filters of the CNN. */
  filters: number;
  /** Training pictures: half canonical, half canonical with a few flipped pixels. */
  trainCount: number;
  /** Pictures per test set. */
  testCount: number;
}

/** The settings the widget and the tests use unless told otherwise. */
export const XO_EXPERIMENT_DEFAULTS: Readonly<XoExperimentOptions> = Object.freeze({
  seed: 1,
  size: 9,
  steps: 150,
  batchSize: 16,
  lr: 0.02,
  hidden: 16,
  filters: 8,
  trainCount: 128,
  testCount: 100,
});

/** Largest seed the widget accepts (in its URL and its seed box). */
export const XO_MAX_SEED = 999_999;
