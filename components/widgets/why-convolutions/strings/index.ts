/** The words of lesson 1's widget, by language: one file per language beside this one. */
import type { Translations } from '../../../kit/strings.ts';
import { en } from './en.ts';
import type { XoLabStrings } from './en.ts';
import { ko } from './ko.ts';

export type { XoLabStrings };

/** The widget's text, by language. */
export const STRINGS: Translations<XoLabStrings> = { en, ko };
