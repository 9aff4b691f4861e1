/**
 * The kit's pure helpers behind its fields: what counts as a typed number, the rule
 * check a number field applies to the whole text, and reading a whole number from
 * the query string with the key named when it is refused.
 */
import { describe, expect, it } from 'vitest';
import { checkNumber, parseDecimal } from '../../../components/kit/NumberField.tsx';
import { readInt } from '../../../components/kit/query-state.ts';

describe('parseDecimal', () => {
  it('reads what a number input accepts, and nothing else', () => {
    expect(parseDecimal('12')).toBe(12);
    expect(parseDecimal(' -0.5 ')).toBe(-0.5);
    expect(parseDecimal('.5')).toBe(0.5);
    expect(parseDecimal('1e-3')).toBe(0.001);
    expect(parseDecimal('1E2')).toBe(100);
    for (const text of ['', ' ', 'abc', '0x10', '1e', '1,5', '12px', 'Infinity', '--1']) {
      expect(parseDecimal(text), text).toBeNaN();
    }
  });
});

describe('checkNumber', () => {
  it('takes the whole text: a valid prefix is not enough', () => {
    const rule = { min: 1, max: 512 };
    expect(checkNumber('224', rule, 'from 1 to 512')).toEqual({ value: 224 });
    expect(checkNumber('600', rule, 'from 1 to 512')).toEqual({ message: 'from 1 to 512' });
    expect(checkNumber('22x', rule, 'from 1 to 512')).toEqual({ message: 'from 1 to 512' });
    expect(checkNumber('2.5', rule, 'whole')).toEqual({ message: 'whole' });
    expect(checkNumber('0.3', { min: 0, max: 1, step: 0.1 }, 'tenths')).toEqual({ value: 0.3 });
  });
});

describe('readInt', () => {
  it('falls back silently when the key is absent, and names it when its value is refused', () => {
    const rejected: string[] = [];
    const params = new URLSearchParams('a=3&b=9&c=x&d=&e=1.5');
    expect(readInt(params, 'a', 1, 5, 2, rejected)).toBe(3);
    expect(readInt(params, 'missing', 1, 5, 2, rejected)).toBe(2);
    expect(readInt(params, 'b', 1, 5, 2, rejected)).toBe(2);
    expect(readInt(params, 'c', 1, 5, 2, rejected)).toBe(2);
    expect(readInt(params, 'd', 1, 5, 2, rejected)).toBe(2);
    expect(readInt(params, 'e', 1, 5, 2, rejected)).toBe(2);
    expect(rejected).toEqual(['b', 'c', 'd', 'e']);
  });
});
