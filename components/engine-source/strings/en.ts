/**
 * The engine-source panel's words in English. This file defines their shape
 * ({@link EngineSourceStrings}); every other language's file must match it key for key.
 */

/** Everything the panel says around the code. */
export interface EngineSourceStrings {
  /** The disclosure's label, before the function names. */
  summary: string;
  /** Before the file's path under each function. */
  from: string;
  lines: (first: number, last: number) => string;
  note: string;
  wholeFile: (path: string) => string;
}

export const en: EngineSourceStrings = {
  summary: "Read the engine's code",
  from: 'From',
  lines: (a, b) => `lines ${a}–${b}`,
  note: 'This is the code the widgets on this page run, copied from the file when the site was built.',
  wholeFile: (p) => `The whole file, ${p}`,
};
