/** Lesson 9's widget words, by language: one file per language beside this one. */
import type { Translations } from '../../../kit/strings.ts';
import { en } from './en.ts';
import type { ActivationStrings } from './en.ts';
import { ko } from './ko.ts';

export type { ActivationStrings };

/** The strings of each language. */
export const STRINGS: Translations<ActivationStrings> = { en, ko };
