/** The predict-first mode's words, by language: one file per language beside this one. */
import type { Translations } from '../../strings.ts';
import { en } from './en.ts';
import type { PredictStrings } from './en.ts';
import { ko } from './ko.ts';

export type { PredictStrings };

export const STRINGS: Translations<PredictStrings> = { en, ko };
