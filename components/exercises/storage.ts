/**
 * What a student did, kept in localStorage so that it survives a reload: in the
 * lessons, per exercise, the variant's seed, the fields as typed and the best
 * score; on an assignment page, per assignment and student, the fields of each
 * exercise. Anything stored that does not have the expected shape (another
 * version of the site, a hand edit, a half-written value) is ignored entry by
 * entry, never trusted and never fatal. Writing can fail (storage full, private
 * mode): callers learn it from the return value and say so.
 */

/** The key of the lessons' exercise progress. */
export const PRACTICE_KEY = 'convlab:exercises:v1';

/** One exercise's progress in the lessons. */
export interface PracticeEntry {
  seed: number;
  fields: string[];
  /** Best score so far, 0..1, over every variant. */
  best: number;
  /** Whether an answer has been checked on this variant (opens the worked solution). */
  attempted: boolean;
}

/** Answers longer than this (a weights file) are not kept: the student picks the file again. */
export const MAX_STORED_FIELD = 200_000;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // a sandboxed frame throws on access
  }
}

function readJson(key: string): unknown {
  try {
    const text = storage()?.getItem(key);
    return text == null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSeed = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
const isFields = (v: unknown): v is string[] => Array.isArray(v) && v.every((f) => typeof f === 'string');

/** One entry as stored, or null when it is not one. */
export function readPracticeEntry(value: unknown): PracticeEntry | null {
  if (!isObject(value) || !isSeed(value.seed) || !isFields(value.fields)) return null;
  const best = typeof value.best === 'number' && Number.isFinite(value.best) ? Math.min(1, Math.max(0, value.best)) : 0;
  return { seed: value.seed, fields: value.fields, best, attempted: value.attempted === true };
}

/** Every exercise's progress that can be read. */
export function readPractice(): Record<string, PracticeEntry> {
  const all = readJson(PRACTICE_KEY);
  const out: Record<string, PracticeEntry> = {};
  if (!isObject(all)) return out;
  for (const [id, value] of Object.entries(all)) {
    const entry = readPracticeEntry(value);
    if (entry) out[id] = entry;
  }
  return out;
}

/** Long fields (a file's data URL) are dropped before saving. */
function storable(fields: readonly string[]): string[] {
  return fields.map((f) => (f.length > MAX_STORED_FIELD ? '' : f));
}

/** Saves one exercise's progress; false when the browser refused. */
export function writePracticeEntry(id: string, entry: PracticeEntry): boolean {
  const all = readPractice();
  all[id] = { ...entry, fields: storable(entry.fields) };
  return writeJson(PRACTICE_KEY, all);
}

/** The key of one student's answers to one assignment. */
export function assignmentKey(assignmentId: string, student: string): string {
  return `convlab:assignment:v1:${assignmentId}:${student}`;
}

/** The key of the last student id typed for an assignment (so a reload goes straight back to work). */
export function assignmentStudentKey(assignmentId: string): string {
  return `convlab:assignment:v1:${assignmentId}#student`;
}

/** Fields per exercise id, for one assignment and student; unreadable entries are left out. */
export function readAssignmentAnswers(assignmentId: string, student: string): Record<string, string[]> {
  const value = readJson(assignmentKey(assignmentId, student));
  const out: Record<string, string[]> = {};
  if (!isObject(value)) return out;
  for (const [id, fields] of Object.entries(value)) if (isFields(fields)) out[id] = fields;
  return out;
}

export function writeAssignmentAnswers(assignmentId: string, student: string, answers: Readonly<Record<string, readonly string[]>>): boolean {
  const out: Record<string, string[]> = {};
  for (const [id, fields] of Object.entries(answers)) out[id] = storable(fields);
  return writeJson(assignmentKey(assignmentId, student), out);
}

export function readLastStudent(assignmentId: string): string | null {
  const value = readJson(assignmentStudentKey(assignmentId));
  return typeof value === 'string' && value.trim() !== '' && value.length <= 64 ? value : null;
}

export function writeLastStudent(assignmentId: string, student: string | null): boolean {
  const store = storage();
  if (!store) return false;
  try {
    if (student === null) store.removeItem(assignmentStudentKey(assignmentId));
    else store.setItem(assignmentStudentKey(assignmentId), JSON.stringify(student));
    return true;
  } catch {
    return false;
  }
}
