/**
 * Fields to answer strings: for every exercise, the reference answer typed into
 * the fields the card shows encodes to a string the framework's checker gives
 * full marks, so the card can never turn a right answer into a wrong one. Also
 * what comes back from storage must fit the spec.
 */
import { describe, expect, it } from 'vitest';
import { emptyFields, encodeFields, isBlank, restoreFields } from '../../../components/exercises/answer-fields.ts';
import { submissionAnswers } from '../../../components/exercises/AssignmentPage.tsx';
import { checkAnswerNow, createAssignment, listExercises, makeVariant, parseAnyGrid, studentVariants } from '../../../src/exercises/index.ts';
import type { AnswerSpec, AnyExercise } from '../../../src/exercises/index.ts';

/** The reference answer as a student would enter it into the card's fields. */
function fieldsFor(spec: AnswerSpec, typed: string): string[] {
  switch (spec.kind) {
    case 'integer':
    case 'number':
    case 'file':
      return [typed];
    case 'integers':
      return typed.split(/[,x×\s]+/).filter((t) => t !== '');
    case 'grid': {
      const grid = parseAnyGrid(typed);
      if (!grid.ok) throw new Error(`reference grid ${typed} does not parse`);
      return grid.value.flat().map(String);
    }
    case 'line-and-fix':
      return typed.split(':');
    case 'order':
      return typed.split(',').map((t) => t.trim());
  }
}

const light = listExercises().filter((e: AnyExercise) => !e.heavy);

describe('encodeFields', () => {
  it('gives full marks to the reference answer entered field by field', () => {
    for (const exercise of light) {
      for (const seed of [1, 2, 3, 99, 12345]) {
        const { params } = makeVariant(exercise, seed);
        const spec = exercise.answerSpec(params);
        const typed = exercise.answer(params).typed;
        if (typed === null) continue;
        const fields = fieldsFor(spec, typed);
        expect(fields.length, exercise.id).toBe(emptyFields(spec).length);
        expect(checkAnswerNow(exercise, params, encodeFields(spec, fields)).score, `${exercise.id} seed ${seed}`).toBe(1);
      }
    }
  });

  it('passes blanks on for the checker to name', () => {
    const spec: AnswerSpec = { kind: 'integers', labels: [{ en: 'a', ko: 'a' }, { en: 'b', ko: 'b' }] };
    expect(encodeFields(spec, [' 3 ', ''])).toBe('3, ');
    expect(isBlank(spec, ['', ' '])).toBe(true);
    expect(encodeFields({ kind: 'grid', label: { en: '', ko: '' }, rows: 2, cols: 2 }, ['1', '2', '3', '4'])).toBe('1, 2; 3, 4');
    expect(encodeFields({ kind: 'line-and-fix', lines: 3, options: [] }, ['2', 'x'])).toBe('2:x');
  });
});

describe('restoreFields', () => {
  const order: AnswerSpec = { kind: 'order', items: ['a', 'b', 'c'].map((id) => ({ id, label: { en: id, ko: id } })) };
  it('accepts only fields that fit the spec', () => {
    expect(restoreFields(order, ['c', 'a', 'b'])).toEqual(['c', 'a', 'b']);
    expect(restoreFields(order, ['c', 'a', 'x'])).toBeNull();
    expect(restoreFields(order, ['c', 'a'])).toBeNull();
    expect(restoreFields({ kind: 'integer', label: { en: '', ko: '' } }, [3])).toBeNull();
    expect(restoreFields({ kind: 'integer', label: { en: '', ko: '' } }, 'x')).toBeNull();
    expect(restoreFields({ kind: 'integer', label: { en: '', ko: '' } }, ['7'])).toEqual(['7']);
  });
});

describe('submissionAnswers', () => {
  it('encodes what was entered and leaves blank exercises out', () => {
    const a = createAssignment({ exercises: [{ id: 'output-size/forward', points: 2 }, { id: 'convolution/macs', points: 1 }], title: 'T' });
    const variants = studentVariants(a, 'kim01');
    const spec = variants[0].exercise.answerSpec(variants[0].params);
    expect(submissionAnswers(variants, { 'output-size/forward': fieldsFor(spec, ' 12 '), 'convolution/macs': [''] })).toEqual({ 'output-size/forward': '12' });
  });
});
