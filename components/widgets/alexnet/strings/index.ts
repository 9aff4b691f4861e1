/** Lesson 15's widget words, by language: one file per language beside this one. */
import type { Translations } from '../../../kit/strings.ts';
import { en } from './en.ts';
import type { AlexnetStrings } from './en.ts';
import { ko } from './ko.ts';

export type { AlexnetStrings };

/** The strings of each language. */
export const STRINGS: Translations<AlexnetStrings> = { en, ko };
