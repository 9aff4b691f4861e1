/**
 * The reader's progress, kept in localStorage: which lessons are done and which lesson
 * was opened last. Versioned, and defensive: storage may be missing (private mode,
 * disabled), full, or hold a value written by an older site or edited by hand. Any
 * value that does not match the current shape is treated as "no progress" rather than
 * breaking the page.
 */

/** localStorage key; bump the version suffix when the stored shape changes. */
export const PROGRESS_KEY = 'convlab.progress.v1';

/** What is stored under {@link PROGRESS_KEY}. */
export interface Progress {
  readonly version: 1;
  /** Slugs of lessons marked as done (language-independent). */
  readonly done: readonly string[];
  /** The lesson opened most recently, for "continue where you left off". */
  readonly last: { readonly slug: string; readonly lang: string } | null;
}

/** Progress of a reader who has not started. */
export const emptyProgress: Progress = { version: 1, done: [], last: null };

const slugPattern = /^[a-z0-9-]{1,64}$/;

function isSlug(value: unknown): value is string {
  return typeof value === 'string' && slugPattern.test(value);
}

/**
 * Parse a stored value. Anything malformed yields {@link emptyProgress}; stray bad
 * entries inside an otherwise valid value are dropped.
 */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return emptyProgress;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return emptyProgress;
  }
  if (typeof value !== 'object' || value === null) return emptyProgress;
  const record = value as Record<string, unknown>;
  if (record.version !== 1) return emptyProgress;
  const done = Array.isArray(record.done) ? [...new Set(record.done.filter(isSlug))] : [];
  const lastRaw = record.last as Record<string, unknown> | null | undefined;
  const last =
    lastRaw && typeof lastRaw === 'object' && isSlug(lastRaw.slug) && typeof lastRaw.lang === 'string'
      ? { slug: lastRaw.slug, lang: lastRaw.lang }
      : null;
  return { version: 1, done, last };
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Some browsers throw on mere access when storage is disabled.
    return null;
  }
}

/** The stored progress, or empty progress when there is none or it is unreadable. */
export function readProgress(): Progress {
  try {
    return parseProgress(storage()?.getItem(PROGRESS_KEY) ?? null);
  } catch {
    return emptyProgress;
  }
}

/** Store progress; failures (quota, disabled storage) are ignored: progress is a nicety. */
export function writeProgress(progress: Progress): void {
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    /* Nothing sensible to do: the page keeps working without persistence. */
  }
}

/** Mark a lesson done or not done, and return the new progress. */
export function setDone(slug: string, done: boolean): Progress {
  const current = readProgress();
  const others = current.done.filter((s) => s !== slug);
  const next: Progress = { ...current, done: done ? [...others, slug] : others };
  writeProgress(next);
  return next;
}

/** Remember the lesson being read, and return the new progress. */
export function setLastVisited(slug: string, lang: string): Progress {
  const next: Progress = { ...readProgress(), last: { slug, lang } };
  writeProgress(next);
  return next;
}
