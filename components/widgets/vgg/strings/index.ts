/** Lesson 16's widget words, by language: one file per language beside this one. */
import type { Translations } from '../../../kit/strings.ts';
import { en } from './en.ts';
import type { VggStrings } from './en.ts';
import { ko } from './ko.ts';

export type { VggStrings };

/** The strings of each language. */
export const STRINGS: Translations<VggStrings> = { en, ko };
