/**
 * Answer strings and the Korean particle helper.
 */
import { describe, expect, it } from 'vitest';
import {
  encodeDataUrl,
  encodeGrid,
  encodeIntegers,
  encodeLineFix,
  encodeOrder,
  parseAnyGrid,
  parseDataUrl,
  parseGrid,
  parseInteger,
  parseIntegers,
  parseLineFix,
  parseNumber,
  parseOrder,
  withParticle,
} from '../../../src/exercises/index.ts';

const value = <T,>(p: { ok: true; value: T } | { ok: false }) => (p.ok ? p.value : undefined);

describe('answer parsers', () => {
  it('read numbers as students type them', () => {
    expect(value(parseNumber(' 4 '))).toBe(4);
    expect(value(parseNumber('−0.11'))).toBe(-0.11);
    expect(value(parseNumber('7/9'))).toBeCloseTo(7 / 9);
    expect(value(parseNumber('61,706'))).toBe(61706);
    expect(value(parseNumber('1e-3'))).toBe(0.001);
    expect(value(parseNumber('４２'))).toBe(42);
    for (const bad of ['', 'four', '1/0', '1,2', '--1', '1e999', '0x10']) expect(parseNumber(bad).ok, bad).toBe(false);
    expect(value(parseInteger('4.0'))).toBe(4);
    expect(parseInteger('4.5').ok).toBe(false);
  });

  it('read lists, grids, orders and line-and-fix answers', () => {
    for (const t of ['28, 28, 5', '28x28x5', '28 × 28 × 5', '[28, 28, 5]', '(28 28 5)']) expect(value(parseIntegers(t, 3)), t).toEqual([28, 28, 5]);
    expect(parseIntegers('28, 28', 3).ok).toBe(false);
    for (const t of ['6, 8; 3, 4', '6 8\n3 4', '[[6, 8], [3, 4]]', '[[6,8],[3,4]]']) expect(value(parseGrid(t, 2, 2)), t).toEqual([[6, 8], [3, 4]]);
    expect(value(parseAnyGrid('1,2,3'))).toEqual([[1, 2, 3]]);
    expect(parseAnyGrid('1,2;3').ok).toBe(false);
    expect(value(parseOrder('B, A -> C', ['A', 'B', 'C']))).toEqual(['B', 'A', 'C']);
    expect(parseOrder('A,A,C', ['A', 'B', 'C']).ok).toBe(false);
    expect(parseOrder('A,B', ['A', 'B', 'C']).ok).toBe(false);
    expect(value(parseLineFix(' 12 : flatten-from-1 ', 20, ['flatten-from-1']))).toEqual({ line: 12, fix: 'flatten-from-1' });
    expect(parseLineFix('21:flatten-from-1', 20, ['flatten-from-1']).ok).toBe(false);
  });

  it('encoders give what the parsers read back', () => {
    expect(value(parseIntegers(encodeIntegers([1, -2, 3]), 3))).toEqual([1, -2, 3]);
    expect(value(parseGrid(encodeGrid([[0.25, -1], [2, 7 / 9]]), 2, 2))).toEqual([[0.25, -1], [2, 0.7778]]);
    expect(value(parseOrder(encodeOrder(['C', 'A', 'B']), ['A', 'B', 'C']))).toEqual(['C', 'A', 'B']);
    expect(value(parseLineFix(encodeLineFix(3, 'x-1'), 5, ['x-1']))).toEqual({ line: 3, fix: 'x-1' });
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 7) & 255);
    expect(value(parseDataUrl(encodeDataUrl(bytes), 100_000))).toEqual(bytes);
    expect(parseDataUrl(encodeDataUrl(bytes), 1000).ok).toBe(false);
    expect(parseDataUrl('data:text/plain,hello', 1000).ok).toBe(false);
  });
});

describe('Korean particles after numbers', () => {
  it('follow the reading of the number', () => {
    expect(withParticle(84, '이', '가')).toBe('84가');
    expect(withParticle(36, '이', '가')).toBe('36이');
    expect(withParticle(32, '은', '는')).toBe('32는');
    expect(withParticle(10, '은', '는')).toBe('10은');
    expect(withParticle(1, '으로', '로')).toBe('1로');
    expect(withParticle(3, '으로', '로')).toBe('3으로');
    expect(withParticle(2, '으로', '로')).toBe('2로');
    expect(withParticle('7/9', '이', '가')).toBe('7/9이');
    expect(withParticle('0.78', '을', '를')).toBe('0.78을');
  });
});
