import { describe, expect, it } from 'vitest';
import {
  ALEXNET_FACTS,
  HUMAN_TOP5_ERROR,
  ILSVRC_WINNERS,
  LAST_ILSVRC_YEAR,
  RUNNER_UP_2012,
  VGG_2014,
  allSourced,
} from '../../../src/case-studies/ilsvrc.ts';

describe('ILSVRC data file', () => {
  it('has a source (citation, address and place) for every value', () => {
    const rows = allSourced();
    expect(rows.length).toBeGreaterThan(20);
    for (const row of rows) {
      expect(Number.isFinite(row.value), row.key).toBe(true);
      expect(row.source.citation.trim().length, row.key).toBeGreaterThan(10);
      expect(row.source.where.trim().length, row.key).toBeGreaterThan(3);
      expect(row.source.url, row.key).toMatch(/^https:\/\/\S+$/);
    }
  });

  it('lists one winner per year from 2010 to the last year, years ascending', () => {
    const years = ILSVRC_WINNERS.map((w) => w.year);
    expect(years[0]).toBe(2010);
    expect(years.at(-1)).toBe(LAST_ILSVRC_YEAR.value);
    years.forEach((y, i) => i > 0 && expect(y).toBe(years[i - 1] + 1));
  });

  it('keeps error rates in range and falling from year to year', () => {
    for (const w of [...ILSVRC_WINNERS, VGG_2014, RUNNER_UP_2012]) {
      expect(w.top5Error).toBeGreaterThan(0);
      expect(w.top5Error).toBeLessThan(50);
      expect(w.team.length).toBeGreaterThan(0);
    }
    ILSVRC_WINNERS.forEach((w, i) => i > 0 && expect(w.top5Error).toBeLessThan(ILSVRC_WINNERS[i - 1].top5Error));
    expect(HUMAN_TOP5_ERROR.value).toBeGreaterThan(3);
    expect(HUMAN_TOP5_ERROR.value).toBeLessThan(7);
  });

  it('agrees with itself where two sources print the same figure', () => {
    const alex = ILSVRC_WINNERS.find((w) => w.year === 2012)!;
    expect(alex.top5Error.toFixed(1)).toBe(ALEXNET_FACTS.ensembleTop5.value.toFixed(1));
    expect(RUNNER_UP_2012.top5Error.toFixed(1)).toBe(ALEXNET_FACTS.runnerUpTop5.value.toFixed(1));
    const firstBelowHuman = ILSVRC_WINNERS.find((w) => w.top5Error < HUMAN_TOP5_ERROR.value)!;
    expect(firstBelowHuman.network).toBe('ResNet');
    expect(ILSVRC_WINNERS.filter((w) => w.cnn)[0].year).toBe(2012);
  });
});
