/**
 * The regrade page's logic that is not drawing: sorting dropped files into a
 * roster and submissions, reading a roster's text in the encodings
 * spreadsheets write, grouping the framework's problems into flags, and the
 * numbers behind the charts. Grading itself is the framework's `regrade`, run
 * in a worker (src/workers/regrade.worker.ts).
 */
import type { Problem, ProblemCode, RegradeResult } from '../../src/exercises/index.ts';

/** Where a chosen file goes. */
export type FileRole = 'roster' | 'submission';

/** A roster is a CSV or a plain list; submissions are JSON files and zips (and anything else, which the regrade reports). */
export function roleOf(name: string): FileRole {
  return /\.(csv|tsv|txt)$/i.test(name) ? 'roster' : 'submission';
}

/**
 * A roster's text. Spreadsheets save UTF-8 (with or without a byte-order
 * mark) or, as "Unicode text", UTF-16 with one; anything that is not valid
 * UTF-8 is read as EUC-KR (Korean Excel's CSV) rather than turned into
 * replacement characters.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('euc-kr').decode(bytes);
  }
}

/** Adds files to a list, a file of the same name replacing the older one (choosing a file twice is not a duplicate hand-in). */
export function addFiles<F extends { name: string }>(list: readonly F[], added: readonly F[]): F[] {
  const names = new Set(added.map((f) => f.name));
  return [...list.filter((f) => !names.has(f.name)), ...added];
}

/** Sizes as people read them. */
export function formatBytes(bytes: number, lang: 'en' | 'ko'): string {
  const unit = lang === 'ko' ? ['바이트', 'KB', 'MB'] : ['bytes', 'KB', 'MB'];
  if (bytes < 1024) return `${bytes} ${unit[0]}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} ${unit[1]}`;
  return `${(bytes / 1024 / 1024).toFixed(1)} ${unit[2]}`;
}

/** The flags the issue names first, then the rest, in a fixed order. */
export const FLAG_ORDER: readonly ProblemCode[] = [
  'other-assignment',
  'not-on-roster',
  'duplicate',
  'edited',
  'unreadable',
  'zip',
  'late',
  'unknown-exercise',
  'wrong-type',
  'roster',
  'roster-duplicate',
];

/** Problems grouped by kind, in {@link FLAG_ORDER}. */
export function groupProblems(problems: readonly Problem[]): { code: ProblemCode; problems: Problem[] }[] {
  const groups = new Map<ProblemCode, Problem[]>();
  for (const p of problems) groups.set(p.code, [...(groups.get(p.code) ?? []), p]);
  const known = FLAG_ORDER.filter((code) => groups.has(code)).map((code) => ({ code, problems: groups.get(code)! }));
  const other = [...groups].filter(([code]) => !FLAG_ORDER.includes(code)).map(([code, list]) => ({ code, problems: list }));
  return [...known, ...other];
}

/** The per-exercise difficulty chart's rows: mean score in percent (exercises no one handed in are left out). */
export function difficultyRows(result: RegradeResult): { id: string; percent: number }[] {
  return result.exercises.filter((e) => Number.isFinite(e.meanScore)).map((e) => ({ id: e.id, percent: Math.round(e.meanScore * 1000) / 10 }));
}

/** Totals in percent of the maximum, one per roster student who handed in. */
export function totalPercents(result: RegradeResult): number[] {
  return result.totals.map((t) => Math.round(t * 1000) / 10);
}

/** The mean total in percent, or null when no one handed in. */
export function meanPercent(result: RegradeResult): number | null {
  const totals = totalPercents(result);
  if (totals.length === 0) return null;
  return Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10;
}

/** Names of the downloads: the assignment id keeps files from different assignments apart. */
export function downloadName(result: RegradeResult, kind: 'gradebook' | 'canvas' | 'answers'): string {
  return `${result.assignment.id}-${kind}.csv`;
}
