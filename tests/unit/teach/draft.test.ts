/**
 * The instructor's builder logic (components/teach/draft.ts): drafts make the
 * framework's assignments, survive storage (and corrupt storage), and a link
 * opens the draft it came from.
 */
import { describe, expect, it } from 'vitest';
import { assignmentLink, decodeAssignment, encodeAssignment, listExercises } from '../../../src/exercises/index.ts';
import {
  draftFromAssignment,
  draftFromFragment,
  draftToAssignment,
  exercisesFor,
  lessonsWithExercises,
  newDraft,
  parseStoredDraft,
  setPoints,
  togglePick,
} from '../../../components/teach/draft.ts';

const base = () => ({ ...newDraft(new Date('2030-01-01T00:00:00Z')), title: 'Homework', salt: 'salt-1' });

describe('drafts', () => {
  it('a new draft has an id and a salt but cannot be an assignment until something is picked', () => {
    const d = newDraft();
    expect(d.id).toMatch(/^[a-z0-9]{10}$/);
    expect(d.salt).toMatch(/^[a-z0-9]{16}$/);
    const made = draftToAssignment({ ...d, title: 'x' });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.message.en).toBe('Pick at least one exercise.');
  });

  it('picks keep the course order and one entry per exercise', () => {
    let d = togglePick(base(), 'output-size/forward', true);
    d = togglePick(d, 'receptive-fields/stack', true);
    d = togglePick(d, 'receptive-fields/stack', true);
    expect(d.picks.map((p) => p.id)).toEqual(['receptive-fields/stack', 'output-size/forward']);
    d = setPoints(d, 'output-size/forward', 2.5);
    const made = draftToAssignment(d);
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.assignment.exercises.map((e) => [e.id, e.points])).toEqual([
      ['receptive-fields/stack', 1],
      ['output-size/forward', 2.5],
    ]);
    expect(made.assignment.id).toBe(d.id);
    expect(made.assignment.created).toBe('2030-01-01T00:00:00.000Z');
    // The same draft gives the same link every time: reloads do not change the assignment.
    const again = draftToAssignment(d);
    expect(again.ok && encodeAssignment(again.assignment)).toBe(encodeAssignment(made.assignment));
    expect(togglePick(d, 'output-size/forward', false).picks.map((p) => p.id)).toEqual(['receptive-fields/stack']);
  });

  it('says what is missing or out of range', () => {
    const d = togglePick(base(), 'output-size/forward', true);
    const noTitle = draftToAssignment({ ...d, title: '  ' });
    expect(!noTitle.ok && noTitle.message.en).toBe('Give the assignment a title.');
    const noSalt = draftToAssignment({ ...d, salt: '' });
    expect(!noSalt.ok && noSalt.message.en).toMatch(/salt/);
    const tooMany = draftToAssignment(setPoints(d, 'output-size/forward', 5000));
    expect(!tooMany.ok && tooMany.message.en).toMatch(/points of output-size\/forward must be a number from 0 to 1000/);
    const badDue = draftToAssignment({ ...d, due: '31/01/2030' });
    expect(!badDue.ok && badDue.message.en).toMatch(/due date/);
  });

  it('round-trips through storage, and corrupt storage gives null', () => {
    const d = setPoints(togglePick(base(), 'pooling/forward', true), 'pooling/forward', 3);
    expect(parseStoredDraft(JSON.stringify(d))).toEqual(d);
    for (const bad of ['{', 'null', '[]', '42', JSON.stringify({ ...d, picks: 'x' }), JSON.stringify({ ...d, id: 7 })]) {
      expect(parseStoredDraft(bad)).toBeNull();
    }
    expect(parseStoredDraft(null)).toBeNull();
    // Unknown exercises and repeats are dropped, odd points become 1.
    const odd = parseStoredDraft(JSON.stringify({ ...d, picks: [{ id: 'nope/none', points: 1 }, { id: 'pooling/forward', points: 'x' }, { id: 'pooling/forward', points: 2 }] }));
    expect(odd?.picks).toEqual([{ id: 'pooling/forward', points: 1 }]);
  });

  it('a link opens the draft it was made from', () => {
    const d = { ...setPoints(togglePick(base(), 'convolution/macs', true), 'convolution/macs', 4), due: '2030-02-01' };
    const made = draftToAssignment(d);
    if (!made.ok) throw new Error(made.message.en);
    const link = assignmentLink(made.assignment, { base: 'https://example.org' });
    const opened = draftFromFragment(`#${link.split('#')[1]}`);
    expect(opened).toEqual({ ok: true, draft: d });
    expect(draftFromAssignment(made.assignment)).toEqual(d);
    expect(draftFromFragment('')).toBeNull();
    const broken = draftFromFragment('#v1.abc.00000000');
    expect(broken?.ok).toBe(false);
    if (broken && !broken.ok) expect(broken.message.en).toBe((decodeAssignment('v1.abc.00000000') as { ok: false; error: { message: { en: string } } }).error.message.en);
  });

  it('lists lessons with exercises in course order, and filters by lesson', () => {
    const lessons = lessonsWithExercises('ko');
    // Lessons by number, then the explorer (a page, not a numbered lesson).
    const numbered = lessons.filter((l) => l.order !== null).map((l) => l.order!);
    expect(numbered).toEqual([...numbered].sort((a, b) => a - b));
    expect(lessons.at(-1)).toMatchObject({ slug: 'explorer', order: null, title: '네트워크 탐색기', count: 3 });
    expect(lessons.reduce((n, l) => n + l.count, 0)).toBe(listExercises().length);
    expect(lessons.find((l) => l.slug === 'output-size')?.title).toBe('출력 크기 계산');
    expect(exercisesFor('pooling').every((e) => e.lesson === 'pooling')).toBe(true);
    expect(exercisesFor('')).toHaveLength(listExercises().length);
  });
});
