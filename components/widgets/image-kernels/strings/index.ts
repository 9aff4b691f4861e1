/** Lesson 10's widget words, by language: one file per language beside this one. */
import type { Translations } from '../../../kit/strings.ts';
import { en } from './en.ts';
import type { KernelLabStrings } from './en.ts';
import { ko } from './ko.ts';

export type { KernelLabStrings };

/** The strings of each language. */
export const STRINGS: Translations<KernelLabStrings> = { en, ko };
