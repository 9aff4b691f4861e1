/**
 * Assignment links, variants and answer keys, submission files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SITE_VERSION,
  answerKey,
  assignmentLink,
  buildSubmission,
  checkAnswerNow,
  createAssignment,
  decodeAssignment,
  encodeAssignment,
  getExercise,
  listExercises,
  makeVariant,
  parseSubmission,
  serializeSubmission,
  studentVariants,
  submissionFileName,
  variantSeed,
} from '../../../src/exercises/index.ts';
import { catalog } from '../../../src/i18n/lessons.ts';

const ALL = listExercises().map((e) => e.id);

function sample() {
  return createAssignment({
    exercises: ['output-size/forward', { id: 'receptive-fields/stack', points: 2 }, 'pooling/by-hand', 'lenet-5/layer-order'],
    title: '숙제 1: output size',
    salt: 'salt-1',
    id: 'hw1-test',
    due: '2030-06-30',
    created: '2030-06-01T09:00:00.000Z',
  });
}

describe('assignment links', () => {
  it('round-trip through the link, with Korean in the title', () => {
    const a = sample();
    const link = assignmentLink(a, { base: 'https://example.org/convlab/', lang: 'ko' });
    expect(link.startsWith('https://example.org/convlab/ko/assignment/#v1.')).toBe(true);
    const back = decodeAssignment(link);
    expect(back).toEqual({ ok: true, assignment: a });
    // The fragment alone, with or without '#', and the site-relative link read the same.
    expect(decodeAssignment(encodeAssignment(a))).toEqual({ ok: true, assignment: a });
    expect(decodeAssignment(`#${encodeAssignment(a)}`)).toEqual({ ok: true, assignment: a });
    expect(decodeAssignment(assignmentLink(a))).toEqual({ ok: true, assignment: a });
  });

  it('every exercise of the course can be assigned', () => {
    const a = createAssignment({ exercises: ALL, salt: 's' });
    const back = decodeAssignment(assignmentLink(a));
    expect(back.ok && back.assignment.exercises.map((e) => e.id)).toEqual(ALL);
  });

  it('refuses a truncated, tampered, outdated or newer link with a message in both languages', () => {
    const link = assignmentLink(sample());
    const fragment = link.slice(link.indexOf('#') + 1);
    const [v, payload, sum] = fragment.split('.');
    const cases: [string, string][] = [
      ['', 'empty'],
      [link.slice(0, link.length - 4), 'truncated'],
      [`${v}.${payload}`, 'truncated'],
      [`${v}.${payload.slice(0, -10)}.${sum}`, 'checksum'],
      [`${v}.${payload.slice(0, 20)}A${payload.slice(21)}.${sum}`, 'checksum'],
      [`v0.${payload}.${sum}`, 'outdated'],
      [`v2.${payload}.${sum}`, 'newer'],
      ['https://example.org/en/assignment/', 'malformed'],
      ['#hello', 'malformed'],
    ];
    for (const [text, code] of cases) {
      const r = decodeAssignment(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.error.code, text).toBe(code);
        expect(r.error.message.en.length).toBeGreaterThan(10);
        expect(r.error.message.ko).toMatch(/[가-힣]/);
      }
    }
  });

  it('names an exercise version the site does not have', () => {
    const a = { ...sample(), exercises: [{ id: 'output-size/forward', version: 99, points: 1 }] };
    const r = decodeAssignment(encodeAssignment(a));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('unknown-exercise');
      expect(r.error.message.en).toMatch(/version 99 of output-size\/forward/);
    }
    const b = { ...sample(), exercises: [{ id: 'resnet/made-up', version: 1, points: 1 }] };
    const rb = decodeAssignment(encodeAssignment(b));
    expect(!rb.ok && rb.error.code).toBe('unknown-exercise');
  });

  it('refuses bad input when creating, saying what is wrong', () => {
    expect(() => createAssignment({ exercises: [] })).toThrow(/at least one exercise/);
    expect(() => createAssignment({ exercises: ['nope/nothing'] })).toThrow(/unknown exercise "nope\/nothing"/);
    expect(() => createAssignment({ exercises: ['output-size/forward', 'output-size/forward'] })).toThrow(/listed twice/);
    expect(() => createAssignment({ exercises: [{ id: 'output-size/forward', points: -1 }] })).toThrow(/points/);
    expect(() => createAssignment({ exercises: ['output-size/forward'], due: 'tomorrow' })).toThrow(/ISO 8601/);
    expect(() => createAssignment({ exercises: [{ id: 'output-size/forward', version: 7 }] })).toThrow(/no version 7/);
  });
});

describe('variants and answer keys', () => {
  const a = sample();

  it('two students get different numbers, and the same student the same numbers every time', () => {
    const kim = studentVariants(a, 'kim01').map((v) => v.params);
    const lee = studentVariants(a, 'lee02').map((v) => v.params);
    expect(studentVariants(a, 'kim01').map((v) => v.params)).toEqual(kim);
    for (let i = 0; i < kim.length; i++) expect(lee[i], a.exercises[i].id).not.toEqual(kim[i]);
  });

  it('the student id is compared and hashed normalised (case, spaces, Unicode form)', () => {
    expect(variantSeed('s', ' Kim01 ', 'x/y', 1)).toBe(variantSeed('s', 'kim01', 'x/y', 1));
    expect(variantSeed('s', '김\u1100', 'x/y', 1)).toBe(variantSeed('s', '김\u1100'.normalize('NFC'), 'x/y', 1));
    expect(variantSeed('s', 'kim01', 'x/y', 1)).not.toBe(variantSeed('s', 'kim02', 'x/y', 1));
    expect(variantSeed('s', 'kim01', 'x/y', 1)).not.toBe(variantSeed('t', 'kim01', 'x/y', 1));
    expect(variantSeed('s', 'kim01', 'x/y', 1)).not.toBe(variantSeed('s', 'kim01', 'x/y', 2));
  });

  it('the answer key holds each variant\'s params, prompt in both languages and the answer that scores 1', () => {
    const key = answerKey(a, 'kim01');
    expect(key.map((k) => k.id)).toEqual(a.exercises.map((e) => e.id));
    for (const k of key) {
      expect(k.prompt.en.length).toBeGreaterThan(0);
      expect(k.prompt.ko.length).toBe(k.prompt.en.length);
      const exercise = getExercise(k.id, k.version)!;
      expect(checkAnswerNow(exercise, k.params, k.answer.typed).score).toBe(1);
    }
  });

  it('the two named exercises keep their parameter names', () => {
    const forward = answerKey(createAssignment({ exercises: ['output-size/forward'], salt: 'q' }), 'x')[0];
    expect(Object.keys(forward.params as object).sort()).toEqual(['dilation', 'inputSize', 'kernelSize', 'padding', 'stride']);
    expect(Number.isInteger(forward.answer.value)).toBe(true);
    const stack = answerKey(createAssignment({ exercises: ['receptive-fields/stack'], salt: 'q' }), 'x')[0];
    const layers = (stack.params as { layers: object[] }).layers;
    expect(Object.keys(stack.params as object)).toEqual(['layers']);
    for (const layer of layers) expect(Object.keys(layer).sort()).toEqual(['dilation', 'kernelSize', 'stride']);
  });
});

describe('the exercise catalogue', () => {
  it('every written lesson, and the explorer, has at least three exercises; every id starts with a catalog slug or explorer/', () => {
    const written = catalog.filter((l) => existsSync(new URL(`../../../content/lessons/en/${l.slug}.mdx`, import.meta.url))).map((l) => l.slug);
    expect(written.length).toBeGreaterThanOrEqual(10);
    for (const slug of [...written, 'explorer']) {
      expect(listExercises({ lesson: slug }).length, slug).toBeGreaterThanOrEqual(3);
    }
    for (const e of listExercises()) expect([...catalog.map((l) => l.slug), 'explorer'].some((slug) => e.id.startsWith(`${slug}/`)), e.id).toBe(true);
  });

  it('every exercise has a title, hints and a worked solution in both languages', () => {
    for (const e of listExercises()) {
      const { params } = makeVariant(e, 5);
      expect(e.title.ko).toMatch(/[가-힣]/);
      const hints = e.hints(params);
      expect(hints.length, e.id).toBeGreaterThan(0);
      for (const h of hints) expect(h.ko.length).toBeGreaterThan(0);
      expect(e.solution(params).ko.length).toBeGreaterThan(0);
    }
  });

  it('the README beside the framework lists every exercise', () => {
    const readme = readFileSync(new URL('../../../src/exercises/README.md', import.meta.url), 'utf8');
    for (const id of ALL) expect(readme, id).toContain(`\`${id}\``);
  });
});

describe('submission files', () => {
  const s = buildSubmission({ assignment: 'hw1-test', student: 'kim01', answers: { 'output-size/forward': ' 4 ', 'pooling/by-hand': '6, 8; 3, 4' }, submitted: '2030-06-02T10:00:00.000Z' });

  it('have the documented fields and round-trip', () => {
    expect(Object.keys(s)).toEqual(['format', 'version', 'assignment', 'student', 'answers', 'site', 'submitted', 'checksum']);
    expect(s.format).toBe('convlab-submission');
    expect(s.version).toBe(1);
    expect(s.site).toBe(SITE_VERSION);
    const parsed = parseSubmission(new TextEncoder().encode(serializeSubmission(s)));
    expect(parsed.ok && parsed.value.edited).toBe(false);
    expect(parsed.ok && parsed.value.submission.answers['output-size/forward']).toBe(' 4 ');
  });

  it('flag an edited file (the checksum no longer matches)', () => {
    const edited = serializeSubmission(s).replace('6, 8; 3, 4', '6, 8; 3, 5');
    const parsed = parseSubmission(edited);
    expect(parsed.ok && parsed.value.edited).toBe(true);
    const noSum = JSON.stringify({ ...s, checksum: undefined });
    expect(parseSubmission(noSum).ok && (parseSubmission(noSum) as { value: { edited: boolean } }).value.edited).toBe(true);
  });

  it('get a safe file name', () => {
    expect(submissionFileName({ assignment: 'hw1', student: '김 민수/../x' })).toBe('hw1-김_민수_x.json');
  });

  it("SITE_VERSION follows package.json's version", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'));
    expect(SITE_VERSION).toBe(pkg.version);
  });
});
