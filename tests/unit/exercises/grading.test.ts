/**
 * Regrading: rosters, submission files and zips in; gradebook, Canvas layout,
 * long answer list and statistics out, with every misfit flagged.
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  answerKey,
  answersCsv,
  buildSubmission,
  canvasCsv,
  createAssignment,
  getExercise,
  gradebookCsv,
  parseRoster,
  readCsv,
  regrade,
  serializeSubmission,
} from '../../../src/exercises/index.ts';
import type { Assignment, InputFile } from '../../../src/exercises/index.ts';

const encoder = new TextEncoder();
const file = (name: string, text: string): InputFile => ({ name, bytes: encoder.encode(text) });

const assignment: Assignment = createAssignment({
  exercises: [{ id: 'output-size/forward', points: 2 }, 'receptive-fields/stack', 'pooling/by-hand', 'fully-connected/flatten-bug'],
  title: 'HW 2',
  salt: 'grading-salt',
  id: 'hw2-grading',
  due: '2030-01-31',
  created: '2030-01-01T00:00:00.000Z',
});

/** Every answer right, from the answer key. */
function perfect(student: string): Record<string, string> {
  return Object.fromEntries(answerKey(assignment, student).map((k) => [k.id, k.answer.typed!]));
}

/** The first typical mistake of each exercise. */
function mistaken(student: string): Record<string, string> {
  return Object.fromEntries(
    answerKey(assignment, student).map((k) => [k.id, getExercise(k.id, k.version)!.mistakes(k.params)[0].typed]),
  );
}

const submission = (student: string, answers: Record<string, string>, extra: { submitted?: string; assignment?: string } = {}) =>
  serializeSubmission(buildSubmission({ assignment: extra.assignment ?? assignment.id, student, answers, submitted: extra.submitted ?? '2030-01-20T12:00:00.000Z' }));

describe('rosters', () => {
  it('read a header with an id column, a BOM, semicolons, quotes and empty lines', () => {
    const r = parseRoster('\uFEFFname;Student ID;Section\r\n\r\n"Kim, Minsu";s001;A\n"Lee ""Jay"" Park";S002 ;B\n\n;;\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.roster.idColumn).toBe('Student ID');
    expect(r.roster.students.map((s) => [s.id, s.key])).toEqual([
      ['s001', 's001'],
      ['S002', 's002'],
    ]);
    expect(r.roster.students[1].row.name).toBe('Lee "Jay" Park');
  });

  it('read a plain list of ids, skip Canvas\' "Points Possible" row, and flag duplicates and blank ids', () => {
    const plain = parseRoster('s1\ns2\ns3\n');
    expect(plain.ok && plain.roster.students.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    const canvas = parseRoster('Student,ID,SIS User ID,SIS Login ID,Section\n    Points Possible,,,,\n"Kim, M",101,s1,kim,A\n"Lee, J",102,S1,lee,A\n"Park",103,,park,A\n');
    expect(canvas.ok).toBe(true);
    if (!canvas.ok) return;
    expect(canvas.roster.idColumn).toBe('SIS User ID');
    expect(canvas.roster.students.map((s) => s.id)).toEqual(['s1']);
    expect(canvas.roster.problems.map((p) => p.code).sort()).toEqual(['roster', 'roster-duplicate']);
  });

  it('fail with a message when nothing can be read, or a named column is missing', () => {
    expect(parseRoster('')).toMatchObject({ ok: false });
    expect(parseRoster('\n\n  \n')).toMatchObject({ ok: false });
    const r = parseRoster('a,b\n1,2\n', { idColumn: 'email' });
    expect(!r.ok && r.error.en).toMatch(/no column "email"/);
  });

  it('read 5,000 students', () => {
    const text = ['student', ...Array.from({ length: 5000 }, (_, i) => `s${i}`)].join('\n');
    const r = parseRoster(text);
    expect(r.ok && r.roster.students.length).toBe(5000);
  });
});

describe('regrade', () => {
  const roster = parseRoster('student,name\ns1,Ann\ns2,Bo\ns3,Cy\n');
  if (!roster.ok) throw new Error('roster');

  it('scores a perfect and a mistaken submission, flags every misfit, and writes the CSVs', async () => {
    const perfectS1 = submission('s1', perfect('s1'), { submitted: '2030-01-20T12:00:00.000Z' });
    const olderS1 = submission('s1', mistaken('s1'), { submitted: '2030-01-19T12:00:00.000Z' });
    const edited = submission('s2', mistaken('s2')).replace('"student": "s2"', '"student": "S2"');
    const files: InputFile[] = [
      file('s1-old.json', olderS1),
      { name: 'batch.zip', bytes: zipSync({ 'inner/s1.json': encoder.encode(perfectS1), '__MACOSX/._s1.json': new Uint8Array([1, 2]) }) },
      file('s2.json', edited),
      file('s9.json', submission('s9', perfect('s9'))),
      file('other.json', submission('s3', perfect('s3'), { assignment: 'another-one' })),
      file('notes.txt', 'not a submission'),
      file('late.json', submission('s4-not-there', {}, { submitted: '2030-03-01T00:00:00.000Z' })),
    ];
    const result = await regrade(assignment, roster.roster, files);
    const codes = result.problems.map((p) => p.code).sort();
    expect(codes).toEqual(['duplicate', 'edited', 'late', 'not-on-roster', 'not-on-roster', 'other-assignment', 'unreadable']);

    const [s1, s2, s3] = result.grades;
    expect(s1).toMatchObject({ student: 's1', total: 5, max: 5, points: [2, 1, 1, 1], submitted: true, notes: [] });
    expect(s2.student).toBe('s2');
    expect(s2.total).toBeLessThan(5);
    expect(s2.notes).toContain('edited file');
    expect(s3).toMatchObject({ student: 's3', total: 0, points: [0, 0, 0, 0], submitted: false, notes: ['no submission'] });

    const book = readCsv(gradebookCsv(result));
    expect(book[0]).toEqual(['student', 'total', 'max', 'output-size/forward', 'receptive-fields/stack', 'pooling/by-hand', 'fully-connected/flatten-bug', 'notes']);
    expect(book.slice(1).map((r) => r.slice(0, 3))).toEqual([
      ['s1', '5', '5'],
      ['s2', String(s2.total), '5'],
      ['s3', '0', '5'],
    ]);
    expect(book[3][7]).toBe('no submission');

    const long = readCsv(answersCsv(result));
    expect(long[0]).toEqual(['student', 'on_roster', 'exercise', 'version', 'points', 'score', 'earned', 'status', 'answer_note', 'answer', 'file']);
    const s2rows = long.filter((r) => r[0] === 's2');
    expect(s2rows.map((r) => r[8])).toEqual(
      answerKey(assignment, 's2').map((k) => getExercise(k.id, k.version)!.mistakes(k.params)[0].answerNote),
    );
    expect(long.some((r) => r[0] === 's9' && r[1] === 'no')).toBe(true);

    const canvas = readCsv(canvasCsv(result));
    expect(canvas[0]).toEqual(['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', 'HW 2 (hw2-grading)']);
    expect(canvas[1]).toEqual(['Points Possible', '', '', '', '', '5']);
    expect(canvas[2][2]).toBe('s1');

    const stats = result.exercises[0];
    expect(stats).toMatchObject({ id: 'output-size/forward', submitted: 2, answered: 2 });
    expect(stats.scoreBins.reduce((a, b) => a + b)).toBe(2);
    expect(result.totals).toHaveLength(2);
  });

  it('keeps answers as typed, and neutralises formulas in the long CSV', async () => {
    const answers = { 'output-size/forward': '=HYPERLINK("http://x")', 'pooling/by-hand': '-1, 0; 0, 1' };
    const result = await regrade(assignment, roster.roster, [file('s1.json', submission('s1', answers))]);
    const long = answersCsv(result);
    expect(long).toContain(`"'=HYPERLINK(""http://x"")"`);
    const rows = readCsv(long);
    expect(rows.find((r) => r[2] === 'output-size/forward')![8]).toBe('invalid: not a number');
    expect(rows.find((r) => r[2] === 'receptive-fields/stack')![7]).toBe('missing');
  });

  it('grades a file whose answers have the wrong types, and ignores answers to other exercises', async () => {
    const text = JSON.stringify({ format: 'convlab-submission', version: 1, assignment: assignment.id, student: 's1', answers: { 'output-size/forward': 4, 'nope/x': '1' }, site: 'x' });
    const result = await regrade(assignment, roster.roster, [file('odd.json', text)]);
    expect(result.problems.map((p) => p.code).sort()).toEqual(['edited', 'unknown-exercise', 'wrong-type']);
    expect(result.grades[0].total).toBe(0);
  });

  it('reports a damaged zip and carries on', async () => {
    const zip = zipSync({ 'a.json': encoder.encode('{}') });
    const result = await regrade(assignment, roster.roster, [{ name: 'broken.zip', bytes: zip.slice(0, 30) }]);
    expect(result.problems.map((p) => p.code)).toContain('zip');
    expect(result.grades).toHaveLength(3);
  });
});
