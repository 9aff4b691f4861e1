/**
 * Fuzz (fast-check): nothing crashes on malformed input, and every failure is
 * a message in both languages. Checkers, assignment links, rosters and
 * submission files.
 */
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  MAX_SUBMISSION_BYTES,
  assignmentLink,
  buildSubmission,
  checkAnswer,
  checkAnswerNow,
  createAssignment,
  decodeAssignment,
  encodeDataUrl,
  listExercises,
  makeVariant,
  normaliseStudentId,
  parseRoster,
  parseSubmission,
  regrade,
  serializeSubmission,
} from '../../../src/exercises/index.ts';
import type { CheckResult } from '../../../src/exercises/index.ts';

function expectValidResult(r: CheckResult): void {
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(1);
  expect(['correct', 'partial', 'incorrect', 'invalid']).toContain(r.status);
  expect(r.feedback.en.length).toBeGreaterThan(0);
  expect(r.feedback.ko.length).toBeGreaterThan(0);
  expect(r.answerNote.length).toBeGreaterThan(0);
  expect(r.answerNote.startsWith('error:'), `a checker threw: ${r.answerNote}`).toBe(false);
}

/** Strings students might type, and garbage. */
const typed = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.stringMatching(/^[-+0-9.,;:\s/xX×eE[\]A-L]{0,30}$/),
  fc.array(fc.double({ noNaN: false }), { maxLength: 12 }).map((xs) => xs.join(', ')),
  fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 12 }).map((xs) => xs.join(fc.sample(fc.constantFrom(', ', '; ', ' ', 'x'), 1)[0])),
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-0', '1/0', '0/0', '1e400', '9007199254740993', '[[1,2],[3]]', '12:flatten-from-1', 'A,A,A', 'data:;base64,AAAA'),
);

describe('checkers never crash', () => {
  for (const e of listExercises().filter((x) => !x.heavy)) {
    it(`${e.id}: any typed text gets a score and a message`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 0xffffffff }), typed, (seed, text) => {
          const { params } = makeVariant(e, seed);
          expectValidResult(checkAnswerNow(e, params, text));
        }),
        { numRuns: 150 },
      );
      // Not text at all.
      const { params } = makeVariant(e, 1);
      for (const value of [undefined, null, 4, {}, ['4']]) expect(checkAnswerNow(e, params, value).status).toBe('invalid');
    });
  }

  it('training/target-accuracy: any text, random bytes or a huge file is refused with a message, without loading data', async () => {
    const e = listExercises().find((x) => x.heavy)!;
    const { params } = makeVariant(e, 1);
    await fc.assert(
      fc.asyncProperty(fc.oneof(typed, fc.uint8Array({ maxLength: 300 }).map((b) => encodeDataUrl(b))), async (text) => {
        const r = await checkAnswer(e, params, text);
        expectValidResult(r);
        expect(r.status).toBe('invalid');
      }),
      { numRuns: 100 },
    );
    const huge = encodeDataUrl(new Uint8Array(3_000_000));
    expect((await checkAnswer(e, params, huge)).answerNote).toBe('invalid: no weights file');
  });
});

describe('assignment links never crash', () => {
  const link = assignmentLink(createAssignment({ exercises: ['output-size/forward', 'lenet-5/shapes'], salt: 'fuzz', id: 'fuzz-1', created: '2030-01-01T00:00:00Z' }));

  it('arbitrary text gets an error with both messages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl({ withFragments: true })), (text) => {
        const r = decodeAssignment(text);
        if (!r.ok) {
          expect(r.error.message.en.length).toBeGreaterThan(0);
          expect(r.error.message.ko.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
    for (const value of [undefined, null, 42, {}, [], 'x'.repeat(100_000)]) expect(decodeAssignment(value).ok).toBe(false);
  });

  it('a link with one character changed, removed or added, or cut anywhere, is refused', () => {
    const start = link.indexOf('#') + 1;
    const decoded = decodeAssignment(link);
    if (!decoded.ok) throw new Error('the link should read');
    const original = decoded.assignment;
    fc.assert(
      fc.property(fc.integer({ min: start, max: link.length - 1 }), fc.constantFrom('change', 'remove', 'add', 'cut'), fc.string({ minLength: 1, maxLength: 1 }), (at, how, c) => {
        let bad: string;
        if (how === 'change') bad = link.slice(0, at) + (link[at] === c ? (c === 'A' ? 'B' : 'A') : c) + link.slice(at + 1);
        else if (how === 'remove') bad = link.slice(0, at) + link.slice(at + 1);
        else if (how === 'add') bad = link.slice(0, at) + c + link.slice(at);
        else bad = link.slice(0, at);
        const r = decodeAssignment(bad);
        // Only a change of letter case in the hex checksum may still read, and then as the same assignment.
        if (r.ok) expect(r.assignment, bad).toEqual(original);
        else expect(r.error.message.ko.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('rosters never crash', () => {
  it('arbitrary text gives students or a message', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parseRoster(text);
        if (r.ok) expect(r.roster.students.length).toBeGreaterThan(0);
        else expect(r.error.ko.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('ids with quotes, commas, semicolons and Korean survive any delimiter, BOM, line ending and empty lines', () => {
    const id = fc.stringMatching(/^[A-Za-z0-9가-힣"',; _.-]{1,12}$/).filter((s) => s.trim() !== '' && s.trim().toLowerCase() !== 'points possible');
    fc.assert(
      fc.property(
        fc.uniqueArray(id, { minLength: 1, maxLength: 30, selector: (s) => normaliseStudentId(s) }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (ids, delimiter, newline, bom, blanks) => {
          let text = Papa.unparse([['student', 'name'], ...ids.map((s, i) => [s, `n${i}`])], { delimiter, newline, quotes: true });
          if (blanks) text = text.split(newline).join(`${newline}${newline}`);
          if (bom) text = `\uFEFF${text}`;
          const r = parseRoster(text);
          expect(r.ok).toBe(true);
          if (r.ok) expect(r.roster.students.map((s) => s.id)).toEqual(ids.map((s) => s.trim()));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('submission files never crash', () => {
  it('any JSON value, any bytes: a submission or a message in both languages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v) ?? ''), fc.uint8Array({ maxLength: 200 })), (input) => {
        const r = parseSubmission(input);
        if (!r.ok) {
          expect(r.error.message.en.length).toBeGreaterThan(0);
          expect(r.error.message.ko.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a submission-shaped object with fields of any type', () => {
    fc.assert(
      fc.property(
        fc.record({ format: fc.constant('convlab-submission'), version: fc.oneof(fc.constant(1), fc.anything()), assignment: fc.anything(), student: fc.anything(), answers: fc.anything(), site: fc.anything(), checksum: fc.anything() }, { requiredKeys: ['format'] }),
        (obj) => {
          const r = parseSubmission(JSON.stringify(obj) ?? '');
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a huge file is refused unread', () => {
    const r = parseSubmission(new Uint8Array(MAX_SUBMISSION_BYTES + 1));
    expect(!r.ok && r.error.code).toBe('too-large');
  });

  it('regrading random files, and answers to unknown exercises, never crashes', async () => {
    const assignment = createAssignment({ exercises: ['output-size/forward', 'convolution/vertical-edges'], salt: 'f', id: 'fuzz-2' });
    const roster = parseRoster('student\na\nb\n');
    if (!roster.ok) throw new Error('roster');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.uint8Array({ maxLength: 100 }),
            fc.dictionary(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), { maxKeys: 5 }).map((answers) =>
              new TextEncoder().encode(serializeSubmission(buildSubmission({ assignment: 'fuzz-2', student: 'a', answers }))),
            ),
          ),
          { maxLength: 6 },
        ),
        async (blobs) => {
          const result = await regrade(assignment, roster.roster, blobs.map((bytes, i) => ({ name: `f${i}`, bytes })));
          expect(result.grades).toHaveLength(2);
          for (const g of result.grades) expect(g.total).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 100 },
    );
  });
});
