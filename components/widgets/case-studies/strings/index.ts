/** The case-study widgets' words, by language: one file per language beside this one. */
import type { Translations } from '../../../kit/strings.ts';
import { en } from './en.ts';
import type { CaseStudyStrings } from './en.ts';
import { ko } from './ko.ts';

export type { CaseStudyStrings };

/** The strings of each language. */
export const STRINGS: Translations<CaseStudyStrings> = { en, ko };
