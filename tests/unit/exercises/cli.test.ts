/**
 * End to end through the terminal: `npm run assignment -- create`, `show` for
 * two students, their submission files (one perfect from the answer key, one
 * with mistakes and a missing answer, zipped), then `npm run grade`, and the
 * gradebook's scores checked.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildSubmission, readCsv, serializeSubmission } from '../../../src/exercises/index.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function run(script: string, args: string[]) {
  const r = spawnSync(tsx, [path.join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface Shown {
  assignment: string;
  exercises: { id: string; version: number; points: number; params: unknown; prompt: { en: unknown[]; ko: unknown[] }; answer: unknown; typed: string }[];
}

describe('npm run assignment and npm run grade', () => {
  it('create, show, hand in, grade', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'convlab-cli-'));
    const created = run('assignment.ts', [
      'create',
      '--exercises',
      'output-size/forward,receptive-fields/stack:2,convolution/one-output,training/cross-entropy:3,lenet-5/layer-order',
      '--title',
      'Terminal test',
      '--salt',
      'e2e-salt',
      '--id',
      'e2e-test',
      '--base',
      'https://example.org/convlab',
    ]);
    expect(created.code, created.err).toBe(0);
    const link = created.out.trim().split('\n').pop()!;
    expect(link).toMatch(/^https:\/\/example\.org\/convlab\/en\/assignment\/#v1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);

    const show = (student: string): Shown => {
      const r = run('assignment.ts', ['show', '--assignment', link, '--student', student]);
      expect(r.code, r.err).toBe(0);
      return JSON.parse(r.out);
    };
    const one = show('s1');
    const two = show('s2');
    expect(one.assignment).toBe('e2e-test');
    expect(one.exercises.map((e) => e.id)).toEqual(['output-size/forward', 'receptive-fields/stack', 'convolution/one-output', 'training/cross-entropy', 'lenet-5/layer-order']);
    expect(one.exercises[0].params).toEqual(expect.objectContaining({ inputSize: expect.any(Number), kernelSize: expect.any(Number), stride: expect.any(Number), padding: expect.any(Number), dilation: expect.any(Number) }));
    expect(one.exercises[0].prompt.ko.length).toBeGreaterThan(0);
    expect(one.exercises[0].params).not.toEqual(two.exercises[0].params);

    // s1: every answer from the key. s2: output size one too many, receptive field doubled, no cross-entropy answer.
    const perfect = Object.fromEntries(one.exercises.map((e) => [e.id, e.typed]));
    const answersTwo = Object.fromEntries(two.exercises.map((e) => [e.id, e.typed]));
    answersTwo['output-size/forward'] = String(Number(answersTwo['output-size/forward']) + 1);
    answersTwo['receptive-fields/stack'] = String(Number(answersTwo['receptive-fields/stack']) * 2);
    delete answersTwo['training/cross-entropy'];
    const subs = path.join(dir, 'submissions');
    mkdirSync(subs);
    writeFileSync(path.join(subs, 's1.json'), serializeSubmission(buildSubmission({ assignment: 'e2e-test', student: 's1', answers: perfect })));
    const s2 = serializeSubmission(buildSubmission({ assignment: 'e2e-test', student: 's2', answers: answersTwo }));
    writeFileSync(path.join(subs, 'more.zip'), zipSync({ 's2.json': new TextEncoder().encode(s2) }));
    writeFileSync(path.join(dir, 'roster.csv'), '\uFEFFStudent ID;Name\ns1;Ann\ns2;Bo\ns3;Cy\n');

    const out = path.join(dir, 'grades.csv');
    const graded = run('grade.ts', ['--assignment', link, '--roster', path.join(dir, 'roster.csv'), '--submissions', subs, '--out', out, '--answers', path.join(dir, 'answers.csv')]);
    expect(graded.code, graded.err).toBe(0);
    expect(graded.out).toMatch(/graded 2 of 3 roster students/);
    const rows = readCsv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['student', 'total', 'max', 'output-size/forward', 'receptive-fields/stack', 'convolution/one-output', 'training/cross-entropy', 'lenet-5/layer-order', 'notes']);
    expect(rows[1]).toEqual(['s1', '8', '8', '1', '2', '1', '3', '1', '']);
    expect(rows[2]).toEqual(['s2', '2', '8', '0', '0', '1', '0', '1', 'no answer to training/cross-entropy']);
    expect(rows[3]).toEqual(['s3', '0', '8', '0', '0', '0', '0', '0', 'no submission']);
    const answers = readCsv(readFileSync(path.join(dir, 'answers.csv'), 'utf8'));
    expect(answers.filter((r) => r[0] === 's2').map((r) => r[8])).toEqual(['incorrect: other', 'incorrect: other', 'correct', 'missing', 'correct'].map((n, i) => (i < 2 ? expect.any(String) : n)));
  }, 240_000);

  it('exits non-zero only when it cannot grade at all', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'convlab-cli-'));
    writeFileSync(path.join(dir, 'roster.csv'), 'student\ns1\n');
    mkdirSync(path.join(dir, 'subs'));
    const bad = run('grade.ts', ['--assignment', 'https://example.org/en/assignment/#v1.abc.00000000', '--roster', path.join(dir, 'roster.csv'), '--submissions', path.join(dir, 'subs'), '--out', path.join(dir, 'g.csv')]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/cannot grade: The link was changed or cut short/);
    const link = run('assignment.ts', ['create', '--exercises', 'output-size/forward']).out.trim().split('\n').pop()!;
    const noRoster = run('grade.ts', ['--assignment', link, '--roster', path.join(dir, 'missing.csv'), '--submissions', path.join(dir, 'subs')]);
    expect(noRoster.code).toBe(1);
    expect(noRoster.err).toMatch(/roster .* cannot be read \(ENOENT\)/);
    const empty = run('grade.ts', ['--assignment', link, '--roster', path.join(dir, 'roster.csv'), '--submissions', path.join(dir, 'subs'), '--out', path.join(dir, 'g.csv')]);
    expect(empty.code, empty.err).toBe(0);
    expect(readFileSync(path.join(dir, 'g.csv'), 'utf8')).toContain('s1,0,1,0,no submission');
    expect(run('grade.ts', ['--bogus', 'x']).code).toBe(2);
    expect(run('assignment.ts', ['create', '--exercises', 'nope/none']).err).toMatch(/unknown exercise "nope\/none"/);
  }, 240_000);
});
