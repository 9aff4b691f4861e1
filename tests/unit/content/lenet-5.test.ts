/**
 * Lesson 14's prose against the engine. The layer table and every number come
 * from `lenetNumbers()` (the engine's `summary`, at build time); this test
 * checks them against LeNet-5's known sizes and plain arithmetic, pins the
 * historical facts the lesson states (the year, the paper's C3 table and its
 * 7x12 output bitmaps) and checks the claims about the dashboard's defaults.
 * Typed numbers and the two languages' shared skeleton: tests/unit/content/lessons.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFrontmatter } from '../../../src/site/lesson-schema.ts';
import { LENET_YEAR, PAPER_C3_TABLE, PAPER_RBF_BITMAP, lenetNumbers } from '../../../components/widgets/training/lesson-numbers.ts';
import { paperNames } from '../../../components/widgets/training/LenetTable.tsx';
import { STRINGS } from '../../../components/widgets/training/strings/index.ts';
import type { Locale as Lang } from '../../../src/i18n/lessons.ts';
import { defaultSettings } from '../../../components/widgets/training/settings.ts';

const LANGS: Lang[] = ['en', 'ko'];

function source(lang: Lang): string {
  return readFileSync(path.join(process.cwd(), 'content', 'lessons', lang, 'lenet-5.mdx'), 'utf8');
}

function split(text: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('lenet-5.mdx: no frontmatter block');
  return { frontmatter: parse(match[1]) as Record<string, unknown>, body: match[2] };
}

const m = lenetNumbers();

describe('lesson 14 numbers, from the engine', () => {
  it('has LeNet-5’s shapes, in the paper’s order', () => {
    expect(m.rows.map((r) => r.type)).toEqual(['Conv2d', 'Tanh', 'AvgPool2d', 'Conv2d', 'Tanh', 'AvgPool2d', 'Flatten', 'Linear', 'Tanh', 'Linear', 'Tanh', 'Linear']);
    expect(paperNames(m.rows).filter(Boolean)).toEqual(['C1', 'S2', 'C3', 'S4', 'C5', 'F6', 'OUTPUT']);
    expect([m.c1Maps, m.c1Side, m.s2Side, m.c3Maps, m.c3Side, m.s4Side]).toEqual([6, 28, 14, 16, 10, 5]);
    expect([m.flat, m.c5Units, m.f6Units, m.classes, m.kernel, m.pool]).toEqual([400, 120, 84, 10, 5, 2]);
    // Padding 28x28 digits by 2 gives exactly the paper's sizes for 32x32 inputs.
    expect([m.paperInput, m.oursInput, m.padding]).toEqual([32, 28, 2]);
    expect(m.oursShapes).toEqual(m.paperShapes);
  });

  it('counts parameters and multiply-adds as a hand count does', () => {
    expect(m.c1Params).toBe(6 * (5 * 5 + 1));
    expect(m.c3Params).toBe(16 * (6 * 5 * 5 + 1));
    expect(m.c5Params).toBe(400 * 120 + 120);
    expect(m.f6Params).toBe(120 * 84 + 84);
    expect(m.outParams).toBe(84 * 10 + 10);
    expect(m.totalParams).toBe(m.c1Params + m.c3Params + m.c5Params + m.f6Params + m.outParams);
    expect(m.totalParams).toBe(61706);
    const convMacs = 6 * 28 * 28 * 25 + 16 * 10 * 10 * 6 * 25;
    const fullMacs = 400 * 120 + 120 * 84 + 84 * 10;
    expect(m.totalMacs).toBe(convMacs + fullMacs);
    // "The full layers hold most parameters, the convolutions do most of the work."
    expect(m.fullShare).toBe(Math.round(((m.c5Params + m.f6Params + m.outParams) / m.totalParams) * 100));
    expect(m.fullShare).toBeGreaterThan(50);
    expect(m.convMacShare).toBe(Math.round((convMacs / m.totalMacs) * 100));
    expect(m.convMacShare).toBeGreaterThan(50);
  });

  it('pins the paper’s facts: the year, C3’s sparse table, the 7x12 output bitmaps', () => {
    expect(LENET_YEAR).toBe(1998);
    expect(PAPER_C3_TABLE).toHaveLength(m.c3Maps);
    expect(PAPER_C3_TABLE.map((maps) => maps.length)).toEqual([3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 6]);
    for (const maps of PAPER_C3_TABLE) {
      expect(new Set(maps).size).toBe(maps.length);
      expect(maps.every((i) => i >= 0 && i < m.c1Maps)).toBe(true);
    }
    expect(m.paperC3Inputs).toBe(60);
    // "three, four or all six" maps.
    expect(m.paperC3Sizes).toEqual([3, 4, m.c1Maps]);
    expect(m.paperC3Params).toBe(1516);
    expect(m.fullC3Inputs).toBe(96);
    expect(PAPER_RBF_BITMAP.rows * PAPER_RBF_BITMAP.columns).toBe(m.f6Units);
  });

  it('the lesson’s dashboard starts as the prose says: LeNet-5, tanh, max pooling', () => {
    expect(defaultSettings('lenet-5')).toMatchObject({ arch: 'lenet5', lenetActivation: 'tanh', lenetPooling: 'max', dataset: 'mnist' });
  });
});

for (const lang of LANGS) {
  describe(`content/lessons/${lang}/lenet-5.mdx`, () => {
    const { frontmatter, body } = split(source(lang));
    const t = STRINGS[lang];

    it('has valid frontmatter for lesson 14, using the dashboard', () => {
      expect(checkFrontmatter(frontmatter).ok).toBe(true);
      expect(frontmatter.order).toBe(14);
      expect(frontmatter.widgets).toEqual(['TrainingDashboard']);
      expect(body).toContain(`<TrainingDashboard client:visible lesson="lenet-5" />`);
      expect(body).toContain(`<LenetTable rows={m.rows} totalParams={m.totalParams} totalMacs={m.totalMacs} />`);
    });

    it('quotes the dashboard’s real labels', () => {
      const quoted = [t.setup.lenetActivation, t.setup.lenetPooling, t.setup.poolingNames.avg, t.library.save, t.library.load];
      for (const label of quoted) expect(body).toContain(`**${label}**`);
      expect(t.sections.draw).toContain(lang === 'en' ? 'Draw your own' : '직접 그려 보기');
    });
  });
}
