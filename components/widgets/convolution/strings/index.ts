/** The words of lesson 2's widgets, by language: one file per language beside this one. */
import type { Translations } from '../../../kit/strings.ts';
import { depthEn, en } from './en.ts';
import type { ConvStrings, DepthStrings } from './en.ts';
import { depthKo, ko } from './ko.ts';

export type { ConvStrings, DepthStrings };

/** The convolution stepper's strings. */
export const STRINGS: Translations<ConvStrings> = { en, ko };

/** The depth demo's strings. */
export const DEPTH_STRINGS: Translations<DepthStrings> = { en: depthEn, ko: depthKo };
