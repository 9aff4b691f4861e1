/** The engine-source panel's words, by language: one file per language beside this one. */
import type { Translations } from '../../kit/strings.ts';
import { en } from './en.ts';
import type { EngineSourceStrings } from './en.ts';
import { ko } from './ko.ts';

export type { EngineSourceStrings };

export const STRINGS: Translations<EngineSourceStrings> = { en, ko };
