/**
 * The student's progress in localStorage: it comes back as saved, and whatever
 * else is stored under the same keys (broken JSON, wrong types, out-of-range
 * seeds, a quota error) is ignored entry by entry instead of breaking the page.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PRACTICE_KEY,
  MAX_STORED_FIELD,
  assignmentKey,
  assignmentStudentKey,
  readAssignmentAnswers,
  readLastStudent,
  readPractice,
  writeAssignmentAnswers,
  writeLastStudent,
  writePracticeEntry,
} from '../../../components/exercises/storage.ts';

/** A Map behind the Storage interface, optionally refusing writes like a full quota. */
class MemoryStorage {
  readonly data = new Map<string, string>();
  full = false;
  get length() {
    return this.data.size;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('quota', 'QuotaExceededError');
    this.data.set(k, String(v));
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  clear() {
    this.data.clear();
  }
}

let store: MemoryStorage;
beforeEach(() => {
  store = new MemoryStorage();
  (globalThis as { localStorage?: unknown }).localStorage = store;
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('practice progress', () => {
  it('round-trips', () => {
    expect(writePracticeEntry('output-size/forward', { seed: 42, fields: ['7'], best: 1, attempted: true })).toBe(true);
    expect(writePracticeEntry('convolution/macs', { seed: 0xffffffff, fields: [''], best: 0, attempted: false })).toBe(true);
    expect(readPractice()).toEqual({
      'output-size/forward': { seed: 42, fields: ['7'], best: 1, attempted: true },
      'convolution/macs': { seed: 0xffffffff, fields: [''], best: 0, attempted: false },
    });
  });

  it('ignores corrupt values as a whole and entry by entry', () => {
    for (const text of ['{', 'null', '[]', '"text"', '42', 'undefined']) {
      store.setItem(PRACTICE_KEY, text);
      expect(readPractice(), text).toEqual({});
    }
    store.setItem(
      PRACTICE_KEY,
      JSON.stringify({
        good: { seed: 1, fields: ['3'], best: 0.5, attempted: true },
        negativeSeed: { seed: -1, fields: [] },
        hugeSeed: { seed: 2 ** 33, fields: [] },
        fractionalSeed: { seed: 1.5, fields: [] },
        fieldsNotStrings: { seed: 1, fields: [1, 2] },
        noFields: { seed: 1 },
        array: [1, 2],
        best: { seed: 2, fields: [], best: 7, attempted: 'yes' },
      }),
    );
    expect(readPractice()).toEqual({
      good: { seed: 1, fields: ['3'], best: 0.5, attempted: true },
      best: { seed: 2, fields: [], best: 1, attempted: false },
    });
    // Writing over corrupt storage keeps what could be read and drops the rest.
    writePracticeEntry('new', { seed: 3, fields: [], best: 0, attempted: false });
    expect(Object.keys(JSON.parse(store.getItem(PRACTICE_KEY)!)).sort()).toEqual(['best', 'good', 'new']);
  });

  it('reports a refused write, and drops a file-sized field instead of filling the quota', () => {
    writePracticeEntry('f', { seed: 1, fields: ['x'.repeat(MAX_STORED_FIELD + 1)], best: 0, attempted: false });
    expect(readPractice().f?.fields).toEqual(['']);
    store.full = true;
    expect(writePracticeEntry('g', { seed: 1, fields: [], best: 0, attempted: false })).toBe(false);
  });

  it('works without localStorage at all', () => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
    expect(readPractice()).toEqual({});
    expect(writePracticeEntry('x', { seed: 1, fields: [], best: 0, attempted: false })).toBe(false);
  });
});

describe('assignment answers', () => {
  it('are kept per assignment and student', () => {
    writeAssignmentAnswers('hw-1', 'kim01', { 'output-size/forward': ['5'] });
    writeAssignmentAnswers('hw-1', 'lee02', { 'output-size/forward': ['6'] });
    expect(readAssignmentAnswers('hw-1', 'kim01')).toEqual({ 'output-size/forward': ['5'] });
    expect(readAssignmentAnswers('hw-1', 'lee02')).toEqual({ 'output-size/forward': ['6'] });
    expect(readAssignmentAnswers('hw-2', 'kim01')).toEqual({});
  });

  it('ignore corrupt entries', () => {
    store.setItem(assignmentKey('hw-1', 'kim01'), JSON.stringify({ a: ['1'], b: 'x', c: [1], d: null }));
    expect(readAssignmentAnswers('hw-1', 'kim01')).toEqual({ a: ['1'] });
    store.setItem(assignmentKey('hw-1', 'kim01'), '{{{');
    expect(readAssignmentAnswers('hw-1', 'kim01')).toEqual({});
  });

  it('remember the last student id, refusing odd stored values', () => {
    expect(readLastStudent('hw-1')).toBeNull();
    writeLastStudent('hw-1', 'Kim 01');
    expect(readLastStudent('hw-1')).toBe('Kim 01');
    writeLastStudent('hw-1', null);
    expect(readLastStudent('hw-1')).toBeNull();
    for (const bad of ['42', '""', '"   "', JSON.stringify('x'.repeat(65)), 'not json']) {
      store.setItem(assignmentStudentKey('hw-1'), bad);
      expect(readLastStudent('hw-1'), bad).toBeNull();
    }
  });
});
