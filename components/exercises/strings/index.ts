/** The exercise cards' and assignment page's words, by language: one file per language beside this one. */
import type { Translations } from '../../kit/strings.ts';
import { en } from './en.ts';
import type { ExerciseStrings } from './en.ts';
import { ko } from './ko.ts';

export type { ExerciseStrings };

/** The strings of each language. */
export const STRINGS: Translations<ExerciseStrings> = { en, ko };
