/** The words of lesson 11's widgets, by language: one file per language beside this one. */
import type { Translations } from '../../../kit/strings.ts';
import { en, photoEn } from './en.ts';
import type { DivisorReason, PhotoStrings, PoolStrings } from './en.ts';
import { ko, photoKo } from './ko.ts';

export type { DivisorReason, PhotoStrings, PoolStrings };

/** The pooling stepper's strings. */
export const STRINGS: Translations<PoolStrings> = { en, ko };

/** The photo panel's strings. */
export const PHOTO_STRINGS: Translations<PhotoStrings> = { en: photoEn, ko: photoKo };
