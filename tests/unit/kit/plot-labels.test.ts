/**
 * Issue 8: Observable Plot's aria-labels ("x-axis tick") were English on Korean pages.
 * The labels here are the ones Plot 0.6 writes; tests/browser/newcomer-words.spec.ts
 * checks a real chart on a Korean page.
 */
import { describe, expect, it } from 'vitest';
import { plotLabel, relabelPlot } from '../../../components/kit/plot-labels.ts';

describe('plotLabel', () => {
  it('puts axis parts and marks into Korean, and leaves English alone', () => {
    expect(plotLabel('x-axis tick', 'ko')).toBe('x축 눈금');
    expect(plotLabel('y-axis tick label', 'ko')).toBe('y축 눈금 값');
    expect(plotLabel('x-axis label', 'ko')).toBe('x축 이름');
    expect(plotLabel('fy-axis', 'ko')).toBe('fy축');
    expect(plotLabel('y-grid', 'ko')).toBe('y축 격자');
    expect(plotLabel('line', 'ko')).toBe('선');
    expect(plotLabel('something new', 'ko')).toBe('something new');
    expect(plotLabel('x-axis tick', 'en')).toBe('x-axis tick');
  });

});
