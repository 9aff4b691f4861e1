/** The training dashboard's words, by language: one file per language beside this one. */
import type { Locale } from '../../../../src/i18n/lessons.ts';
import type { TrainDataset } from '../../../../src/training/config.ts';
import { DATASET_CLASSES } from '../../../../src/engine/datasets/loaders.ts';
import { stringsFor } from '../../../kit/strings.ts';
import type { Translations } from '../../../kit/strings.ts';
import { en } from './en.ts';
import type { TrainingStrings } from './en.ts';
import { ko } from './ko.ts';

export type { TrainingStrings };

/** The dashboard's words in each language. */
export const STRINGS: Translations<TrainingStrings> = { en, ko };

/**
 * Class names to show: the digits as they are; Fashion-MNIST's in the reader's
 * language (the worker reports the dataset's own English names).
 */
export function classNames(lang: Locale, dataset: TrainDataset, fromWorker?: readonly string[]): readonly string[] {
  const own = dataset === 'fashion-mnist' ? stringsFor(STRINGS, lang).fashionClasses : null;
  if (own) return own;
  if (fromWorker && fromWorker.length > 0) return fromWorker;
  return DATASET_CLASSES[dataset];
}
