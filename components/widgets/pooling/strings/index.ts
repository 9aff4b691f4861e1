/** The words of lesson 11's widget, by language: one file per language beside this one. */
import type { Translations } from '../../../kit/strings.ts';
import { en } from './en.ts';
import type { DivisorReason, PoolStrings } from './en.ts';
import { ko } from './ko.ts';

export type { DivisorReason, PoolStrings };

export const STRINGS: Translations<PoolStrings> = { en, ko };
