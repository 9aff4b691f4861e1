/**
 * The regrade page's logic (components/teach/regrade-model.ts), against a real
 * regrade by the framework.
 */
import { describe, expect, it } from 'vitest';
import { answerKey, buildSubmission, createAssignment, parseRoster, regrade, serializeSubmission } from '../../../src/exercises/index.ts';
import type { Problem } from '../../../src/exercises/index.ts';
import { addFiles, decodeText, difficultyRows, downloadName, formatBytes, groupProblems, meanPercent, roleOf, totalPercents } from '../../../components/teach/regrade-model.ts';

describe('regrade page logic', () => {
  it('sorts files into a roster and submissions', () => {
    expect(roleOf('class.CSV')).toBe('roster');
    expect(roleOf('ids.txt')).toBe('roster');
    expect(roleOf('s1.json')).toBe('submission');
    expect(roleOf('all.zip')).toBe('submission');
    expect(roleOf('photo.png')).toBe('submission');
  });

  it('reads rosters in UTF-8 (with or without a BOM), UTF-16 and EUC-KR', () => {
    const text = '학번,이름\n2030001,김\n';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toBe(text);
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(decodeText(utf16)).toBe(text);
    // "학번" in EUC-KR: C7 D0 B9 F8.
    expect(decodeText(new Uint8Array([0xc7, 0xd0, 0xb9, 0xf8, 0x0a]))).toBe('학번\n');
  });

  it('adds files, a file chosen again replacing the older copy', () => {
    const list = addFiles([{ name: 'a' , n: 1 }, { name: 'b', n: 1 }], [{ name: 'a', n: 2 }, { name: 'c', n: 1 }]);
    expect(list).toEqual([{ name: 'b', n: 1 }, { name: 'a', n: 2 }, { name: 'c', n: 1 }]);
  });

  it('formats sizes in both languages', () => {
    expect(formatBytes(12, 'en')).toBe('12 bytes');
    expect(formatBytes(12, 'ko')).toBe('12 바이트');
    expect(formatBytes(2048, 'en')).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024, 'ko')).toBe('3.0 MB');
  });

  it('groups problems with the issue’s flags first', () => {
    const p = (code: Problem['code']): Problem => ({ code, message: { en: code, ko: code } });
    const groups = groupProblems([p('late'), p('duplicate'), p('other-assignment'), p('duplicate')]);
    expect(groups.map((g) => [g.code, g.problems.length])).toEqual([
      ['other-assignment', 1],
      ['duplicate', 2],
      ['late', 1],
    ]);
  });

  it('turns a real regrade into chart data and file names', async () => {
    const a = createAssignment({ exercises: [{ id: 'output-size/forward', points: 2 }, 'pooling/forward'], title: 'T', salt: 's', id: 'unit-test' });
    const typed = (student: string) => Object.fromEntries(answerKey(a, student).map((e) => [e.id, e.answer.typed!]));
    const file = (student: string, answers: Record<string, string>) => ({ name: `${student}.json`, bytes: new TextEncoder().encode(serializeSubmission(buildSubmission({ assignment: a.id, student, answers }))) });
    const roster = parseRoster('student\na\nb\nc\n');
    if (!roster.ok) throw new Error(roster.error.en);
    const result = await regrade(a, roster.roster, [file('a', typed('a')), file('b', { 'output-size/forward': typed('b')['output-size/forward'] })]);
    expect(totalPercents(result)).toEqual([100, 66.7]);
    expect(meanPercent(result)).toBe(83.4);
    expect(difficultyRows(result)).toEqual([
      { id: 'output-size/forward', percent: 100 },
      { id: 'pooling/forward', percent: 50 },
    ]);
    expect(downloadName(result, 'canvas')).toBe('unit-test-canvas.csv');
    const empty = await regrade(a, roster.roster, []);
    expect(meanPercent(empty)).toBeNull();
    expect(difficultyRows(empty)).toEqual([]);
  });
});
