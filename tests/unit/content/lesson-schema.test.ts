import { describe, expect, it } from 'vitest';
import { checkFrontmatter, describeReceived, lessonSchema } from '../../../src/site/lesson-schema.ts';

const good = {
  title: 'The convolution operation',
  order: 2,
  summary: 'A filter slides over the image.',
  objectives: ['Compute one output value by hand'],
  widgets: ['ConvStepper'],
};

function problemsOf(data: unknown): string[] {
  const result = checkFrontmatter(data);
  return result.ok ? [] : result.problems;
}

describe('lesson frontmatter schema', () => {
  it('accepts a complete frontmatter, with or without an update date', () => {
    expect(checkFrontmatter(good).ok).toBe(true);
    const dated = checkFrontmatter({ ...good, updated: new Date('2025-03-01') });
    expect(dated.ok && dated.value.updated?.toISOString().slice(0, 10)).toBe('2025-03-01');
    const quoted = checkFrontmatter({ ...good, updated: '2025-03-01' });
    expect(quoted.ok && quoted.value.updated instanceof Date).toBe(true);
  });

  it('accepts a lesson without widgets (an empty list)', () => {
    expect(checkFrontmatter({ ...good, widgets: [] }).ok).toBe(true);
  });

  it('names the field, what was expected and what was received', () => {
    expect(problemsOf({ ...good, order: 18 })).toEqual([
      'order: expected a whole number from 1 to 17, received number 18',
    ]);
    expect(problemsOf({ ...good, order: '2' })).toEqual([
      'order: expected a whole number from 1 to 17, received the text "2"',
    ]);
    expect(problemsOf({ ...good, order: 2.5 })).toEqual([
      'order: expected a whole number from 1 to 17, received number 2.5',
    ]);
    expect(problemsOf({ ...good, title: 3 })).toEqual(['title: expected a non-empty title string, received number 3']);
  });

  it('reports a missing field as missing', () => {
    const { summary: _dropped, ...withoutSummary } = good;
    expect(problemsOf(withoutSummary)).toEqual([
      'summary: expected a one- or two-sentence summary string, received nothing (the field is missing)',
    ]);
  });

  it('refuses an empty objectives list and empty entries, pointing at the entry', () => {
    expect(problemsOf({ ...good, objectives: [] })).toEqual([
      'objectives: expected at least one learning objective, received an array []',
    ]);
    expect(problemsOf({ ...good, objectives: ['fine', '  '] })).toEqual([
      'objectives.1: expected each objective to be a non-empty string, received the text "  "',
    ]);
  });

  it('refuses widgets given as a single string', () => {
    expect(problemsOf({ ...good, widgets: 'ConvStepper' })).toEqual([
      'widgets: expected a list of the widget names the lesson uses (may be empty: []), received the text "ConvStepper"',
    ]);
  });

  it('refuses a date that is not one', () => {
    expect(problemsOf({ ...good, updated: 'last Tuesday' })).toEqual([
      'updated: expected a date such as 2025-01-31, received the text "last Tuesday"',
    ]);
  });

  it('catches misspelt field names instead of ignoring them', () => {
    expect(problemsOf({ ...good, objective: ['x'] })).toEqual([
      '(frontmatter): unknown frontmatter field(s) "objective"; expected only title, order, summary, objectives, widgets and optionally updated and translatedFrom',
    ]);
  });

  it('accepts a translation hash and refuses anything but 12 hex digits', () => {
    expect(problemsOf({ ...good, translatedFrom: '0123456789ab' })).toEqual([]);
    expect(problemsOf({ ...good, translatedFrom: 'abc' })).toEqual([
      "translatedFrom: expected the first 12 hex digits of the English file's SHA-256, written by npm run lesson:sync-hash, received the text \"abc\"",
    ]);
  });

  it('lists every problem at once', () => {
    expect(problemsOf({ order: 0, objectives: 'x' })).toHaveLength(5);
  });

  it('is the schema Astro uses (a zod object with the documented fields)', () => {
    expect(Object.keys(lessonSchema.shape).sort()).toEqual(['objectives', 'order', 'summary', 'title', 'translatedFrom', 'updated', 'widgets']);
  });

  it('describes received values readably', () => {
    expect(describeReceived(undefined)).toBe('nothing (the field is missing)');
    expect(describeReceived(null)).toBe('null');
    expect(describeReceived(new Date('x'))).toBe('an invalid date');
    expect(describeReceived({ a: 1 })).toBe('an object {"a":1}');
    expect(describeReceived(true)).toBe('boolean true');
  });
});
