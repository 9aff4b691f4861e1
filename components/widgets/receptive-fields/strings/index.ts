/** The words of lesson 3's widgets, by language: one file per language beside this one. */
import type { Locale } from '../../../../src/i18n/lessons.ts';
import type { Translations } from '../../../kit/strings.ts';
import { en } from './en.ts';
import type { ExplorerStrings, ParamStrings, ReceptiveFieldStrings, TinyStrings } from './en.ts';
import { ko } from './ko.ts';

export type { ExplorerStrings, ParamStrings, ReceptiveFieldStrings, TinyStrings };

/** All strings of each language. */
export const STRINGS: Translations<ReceptiveFieldStrings> = { en, ko };

/** Numbers with the reader's digit grouping (1,234,567 in both languages). */
export function formatCount(value: number, lang: Locale): string {
  return new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { maximumFractionDigits: 1 }).format(value);
}
