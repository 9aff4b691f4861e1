/**
 * The instructor's assignment while it is being put together (a "draft"), kept
 * apart from the page so it can be tested: which exercises, their points, the
 * title, due date, salt, and the assignment id and creation date, which are
 * fixed once so that the link stays the same across reloads (a new id on every
 * reload would make every submission look like one for another assignment).
 *
 * The draft survives a reload in localStorage, and it is shared as the
 * assignment link itself: `/en/teach/#v1....` opens the builder on that
 * assignment. Nothing here touches the DOM.
 */
import { ASSIGNMENT_LIMITS, createAssignment, decodeAssignment, exerciseHomes, getExercise, listExercises, randomToken } from '../../src/exercises/index.ts';
import type { Assignment, AnyExercise, Bilingual } from '../../src/exercises/index.ts';
import type { Locale } from '../../src/i18n/lessons.ts';

/** One chosen exercise. */
export interface DraftPick {
  readonly id: string;
  /** Points as typed by the instructor (checked when the assignment is made). */
  readonly points: number;
}

export interface Draft {
  readonly id: string;
  readonly created: string;
  readonly title: string;
  /** YYYY-MM-DD, or '' for none. */
  readonly due: string;
  readonly salt: string;
  readonly picks: readonly DraftPick[];
}

/** The localStorage key of the draft. */
export const DRAFT_STORAGE_KEY = 'convlab.teach.draft';

/** A fresh draft: new id and salt, no exercises. */
export function newDraft(now: Date = new Date(), title = ''): Draft {
  return { id: randomToken(10), created: now.toISOString(), title, due: '', salt: randomToken(16), picks: [] };
}

/** The draft an assignment link describes (to edit or re-share it). */
export function draftFromAssignment(a: Assignment): Draft {
  return {
    id: a.id,
    created: a.created,
    title: a.title,
    due: a.due ? a.due.slice(0, 10) : '',
    salt: a.salt,
    picks: a.exercises.map((e) => ({ id: e.id, points: e.points })),
  };
}

/**
 * Reads a stored draft. Returns null for anything that is not one (corrupt
 * storage, another site's data), so the page starts fresh instead of failing;
 * exercises this site no longer has are dropped.
 */
export function parseStoredDraft(text: string | null): Draft | null {
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  const d = data as Record<string, unknown>;
  const str = (v: unknown, max: number) => (typeof v === 'string' && v.length <= max ? v : null);
  const id = str(d.id, 40);
  const created = str(d.created, 40);
  const title = str(d.title, ASSIGNMENT_LIMITS.title);
  const due = str(d.due, 40);
  const salt = str(d.salt, ASSIGNMENT_LIMITS.salt);
  if (id === null || created === null || title === null || due === null || salt === null || !Array.isArray(d.picks)) return null;
  const picks: DraftPick[] = [];
  for (const p of d.picks.slice(0, ASSIGNMENT_LIMITS.exercises)) {
    if (typeof p !== 'object' || p === null) continue;
    const { id: pid, points } = p as Record<string, unknown>;
    if (typeof pid !== 'string' || !getExercise(pid) || picks.some((q) => q.id === pid)) continue;
    picks.push({ id: pid, points: typeof points === 'number' && Number.isFinite(points) ? points : 1 });
  }
  return { id, created, title, due, salt, picks };
}

/** Adds or removes one exercise (new picks get 1 point, and keep the catalogue's order). */
export function togglePick(draft: Draft, id: string, on: boolean): Draft {
  const has = draft.picks.some((p) => p.id === id);
  if (on === has) return draft;
  if (!on) return { ...draft, picks: draft.picks.filter((p) => p.id !== id) };
  const order = listExercises().map((e) => e.id);
  const picks = [...draft.picks, { id, points: 1 }].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { ...draft, picks };
}

/** Sets one exercise's points. */
export function setPoints(draft: Draft, id: string, points: number): Draft {
  return { ...draft, picks: draft.picks.map((p) => (p.id === id ? { ...p, points } : p)) };
}

export type DraftResult = { ok: true; assignment: Assignment } | { ok: false; message: Bilingual };

/**
 * The assignment a draft makes, or why it cannot make one yet. The framework's
 * `createAssignment` checks everything; its English message is passed on, with
 * the two everyday cases (nothing picked, no title) worded for the page.
 */
export function draftToAssignment(draft: Draft): DraftResult {
  if (draft.picks.length === 0) return { ok: false, message: { en: 'Pick at least one exercise.', ko: '문제를 하나 이상 고르세요.' } };
  if (draft.title.trim() === '') return { ok: false, message: { en: 'Give the assignment a title.', ko: '과제 제목을 입력하세요.' } };
  if (draft.salt.trim() === '') return { ok: false, message: { en: 'The salt cannot be empty; leave the generated one or type your own.', ko: '솔트는 비워 둘 수 없습니다. 만들어진 값을 그대로 두거나 직접 입력하세요.' } };
  try {
    const assignment = createAssignment({
      exercises: draft.picks.map((p) => ({ id: p.id, points: p.points })),
      title: draft.title,
      due: draft.due === '' ? null : draft.due,
      salt: draft.salt.trim(),
      id: draft.id,
      created: draft.created,
    });
    return { ok: true, assignment };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: { en: `This cannot be an assignment yet: ${reason}.`, ko: `아직 과제를 만들 수 없습니다: ${reason}.` } };
  }
}

/** Lessons (and the explorer) that have exercises, in course order, with their titles; `order` is null for the explorer. */
export function lessonsWithExercises(lang: Locale): { slug: string; order: number | null; title: string; count: number }[] {
  const all = listExercises();
  return exerciseHomes
    .map((home) => ({ slug: home.slug, order: home.order, title: home.title[lang], count: all.filter((e) => e.lesson === home.slug).length }))
    .filter((home) => home.count > 0);
}

/** The exercises shown for a lesson filter ('' for every lesson). */
export function exercisesFor(lesson: string): AnyExercise[] {
  return listExercises(lesson === '' ? {} : { lesson });
}

/** Reads a link from the page's fragment; null when there is none. */
export function draftFromFragment(hash: string): { ok: true; draft: Draft } | { ok: false; message: Bilingual } | null {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment.trim() === '') return null;
  const decoded = decodeAssignment(fragment);
  return decoded.ok ? { ok: true, draft: draftFromAssignment(decoded.assignment) } : { ok: false, message: decoded.error.message };
}
