/**
 * The shape of `allowedNumbers`, the list each lesson's numbers module
 * (`components/widgets/<slug>/lesson-numbers.ts`) exports of the few numbers its prose
 * and its widgets' strings may type themselves. It lives here, with the catalog and
 * the Korean particles, because both the widgets (which export the lists) and the
 * build's lesson rules in src/site/ (which read them) may import src/i18n/.
 */

/** A number the prose may type, and why: a fact the tests pin, or a value that is not the engine's. */
export interface AllowedNumber {
  /** The value allowed anywhere in the lesson (sign ignored), e.g. 1998 or 2. */
  readonly value?: number;
  /** Or: numbers allowed only inside this exact phrase, e.g. "Stride 2, twice". */
  readonly phrase?: string;
  /** Why this number may be typed: which test pins it, or why it is not a computed value. */
  readonly why: string;
}

/** The allow-list a lesson's numbers module exports as `allowedNumbers`. */
export type AllowList = readonly AllowedNumber[];
