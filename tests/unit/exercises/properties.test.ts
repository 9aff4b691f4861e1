/**
 * Property tests over many seeds per exercise (fast-check): every variant is
 * accepted by the engine, its reference answer scores 1, each typical mistake
 * scores below 1 with the answer note the exercise promises, and answers
 * perturbed at random score below 1.
 *
 * 1,000 seeds per exercise; the slow train-to-target checker has its own test
 * (train-target.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswerNow, encodeGrid, encodeIntegers, listExercises, makeVariant, parseAnyGrid, parseIntegers, parseNumber } from '../../../src/exercises/index.ts';
import type { AnyExercise } from '../../../src/exercises/index.ts';

const RUNS = 1000;
const seed = fc.integer({ min: 0, max: 0xffffffff });

/** Exercises whose right answer is one value (solve-for accepts several; a kernel is judged by a criterion). */
const unique = (e: AnyExercise) => e.kind !== 'solve-for' && e.kind !== 'design-kernel';

/** A few ways to change the reference answer into a wrong one of the same form. */
function perturb(e: AnyExercise, params: unknown, typed: string, delta: number): string | null {
  const spec = e.answerSpec(params);
  switch (spec.kind) {
    case 'integer': {
      const v = parseNumber(typed);
      return v.ok ? String(v.value + delta) : null;
    }
    case 'number': {
      const v = parseNumber(typed);
      // Well outside any tolerance the checkers use (at most 0.01).
      return v.ok ? String(v.value + delta * 0.05) : null;
    }
    case 'integers': {
      const v = parseIntegers(typed, spec.labels.length);
      if (!v.ok) return null;
      const out = [...v.value];
      out[Math.abs(delta) % out.length] += delta;
      return encodeIntegers(out);
    }
    case 'grid': {
      const v = parseAnyGrid(typed);
      if (!v.ok) return null;
      const out = v.value.map((row) => [...row]);
      const r = Math.abs(delta) % out.length;
      out[r][0] += delta;
      return encodeGrid(out);
    }
    default:
      return null;
  }
}

const exercises = listExercises().filter((e) => !e.heavy);

describe('every exercise, over 1,000 seeds', () => {
  for (const e of exercises) {
    it(`${e.id}: valid parameters, reference scores 1, mistakes and perturbations score below 1`, () => {
      fc.assert(
        fc.property(seed, fc.integer({ min: 1, max: 3 }), fc.boolean(), (s, size, negative) => {
          const { params } = makeVariant(e, s);
          // The engine accepts the parameters (validate runs it and throws if not).
          e.validate(params);
          const answer = e.answer(params);
          expect(answer.typed, 'a light exercise must have a typed reference answer').not.toBeNull();
          const ref = checkAnswerNow(e, params, answer.typed);
          expect(ref.score, `reference ${answer.typed} for ${JSON.stringify(params)} got ${ref.answerNote}`).toBe(1);
          expect(ref.status).toBe('correct');
          for (const m of e.mistakes(params)) {
            const got = checkAnswerNow(e, params, m.typed);
            expect(got.score, `mistake ${m.typed} (${m.answerNote}) scored 1`).toBeLessThan(1);
            expect(got.answerNote, `mistake ${m.typed}`).toBe(m.answerNote);
          }
          if (unique(e)) {
            const wrong = perturb(e, params, answer.typed!, negative ? -size : size);
            if (wrong !== null) expect(checkAnswerNow(e, params, wrong).score, `perturbed ${wrong}`).toBeLessThan(1);
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});

describe('variants', () => {
  it('each exercise has many different variants (two students rarely share numbers)', () => {
    for (const e of listExercises()) {
      const distinct = new Set(Array.from({ length: 200 }, (_, s) => JSON.stringify(makeVariant(e, s * 7919 + 1).params)));
      // The train-to-target exercise draws only its target and budget.
      const floor = e.heavy ? 6 : 40;
      expect(distinct.size, `${e.id} has only ${distinct.size} distinct variants in 200 seeds`).toBeGreaterThanOrEqual(floor);
    }
  });

  it('the same seed gives the same variant', () => {
    for (const e of listExercises()) expect(makeVariant(e, 123).params).toEqual(makeVariant(e, 123).params);
  });
});
