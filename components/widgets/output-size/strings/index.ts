/** The output-size calculator's words, by language: one file per language beside this one. */
import type { Translations } from '../../../kit/strings.ts';
import { en } from './en.ts';
import type { CalculatorStrings } from './en.ts';
import { ko } from './ko.ts';

export type { CalculatorStrings };

/** The strings of each language. */
export const STRINGS: Translations<CalculatorStrings> = { en, ko };
