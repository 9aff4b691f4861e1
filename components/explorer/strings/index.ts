/** The network explorer's words, by language: one file per language beside this one. */
import type { Translations } from '../../kit/strings.ts';
import { en } from './en.ts';
import type { ExplorerStrings } from './en.ts';
import { ko } from './ko.ts';

export type { ExplorerStrings };

export const STRINGS: Translations<ExplorerStrings> = { en, ko };
