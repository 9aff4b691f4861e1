import type { Translations } from '../../kit/strings.ts';
import { en } from './en.ts';
import type { TeachStrings } from './en.ts';
import { ko } from './ko.ts';

export type { TeachStrings };
/** The instructor's pages' words in every language. */
export const STRINGS: Translations<TeachStrings> = { en, ko };
