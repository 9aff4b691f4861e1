/**
 * Numbers as the dashboard prints them, in the reader's language.
 */
import type { Locale } from '../../../src/i18n/lessons.ts';
import type { ArchitectureSpec, ZooModelName } from '../../../src/training/config.ts';

/** The Intl locale each language prints numbers and dates in. */
const INTL: Record<Locale, string> = { en: 'en-GB', ko: 'ko-KR' };

/** A whole number with digit grouping: 61,706. */
export function grouped(value: number, lang: Locale): string {
  return Math.round(value).toLocaleString(INTL[lang]);
}

/** A fraction as a percentage with `digits` decimals: 0.9812 -> "98.12%". */
export function percent(fraction: number, digits = 1): string {
  return Number.isFinite(fraction) ? `${(fraction * 100).toFixed(digits)}%` : '–';
}

/** A loss value: three significant decimals, enough to see it move. */
export function lossText(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : '–';
}

/** Seconds as "1 h 02 min", "3 min 07 s", "42 s" (or "1시간 02분", "3분 07초", "42초"). */
export function duration(seconds: number, lang: Locale): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  if (lang === 'ko') {
    if (h > 0) return `${h}시간 ${two(m)}분`;
    if (m > 0) return `${m}분 ${two(r)}초`;
    return `${r}초`;
  }
  if (h > 0) return `${h} h ${two(m)} min`;
  if (m > 0) return `${m} min ${two(r)} s`;
  return `${r} s`;
}

/** Bytes as megabytes with one decimal: "11.5 MB". */
export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** A tensor shape as the engine prints it: "6×28×28". */
export function shapeText(shape: readonly number[]): string {
  return shape.join('×');
}

/** A date as the reader's locale writes it, with the time (saved models). */
export function dateTime(iso: string, lang: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(INTL[lang], { dateStyle: 'medium', timeStyle: 'short' });
}

/** The name the dashboard shows for an architecture (LeNet-5, the learner's stack, or a zoo model). */
export function archName(
  arch: ArchitectureSpec,
  names: Readonly<Record<'stack' | 'lenet5' | ZooModelName, string>>,
): string {
  return arch.kind === 'zoo' ? names[arch.model] : names[arch.kind];
}
