/**
 * Lesson 1's prose against the engine. The lesson states its numbers through
 * `lessonNumbers()` (computed by the engine at build time); this test checks
 * those numbers against plain arithmetic and the facts the allow-list names. Typed
 * numbers, lesson references and the parity of the two languages are checked for
 * every lesson by tests/unit/content/lessons.test.ts. The experiment's qualitative
 * claims (the CNN gets shifted letters right, the MLP does not, ...) are pinned by
 * tests/unit/training/xo-experiment.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFrontmatter } from '../../../src/site/lesson-schema.ts';
import {
  EXAMPLE_FILTERS,
  EXAMPLE_HIDDEN_UNITS,
  EXAMPLE_KERNEL,
  lessonNumbers,
  pictureAsText,
} from '../../../components/widgets/why-convolutions/lesson-numbers.ts';
import { STRINGS } from '../../../components/widgets/why-convolutions/strings/index.ts';
import type { Locale as Lang } from '../../../src/i18n/lessons.ts';
import { XO_EXPERIMENT_DEFAULTS } from '../../../src/training/xo/config.ts';

const LANGS: Lang[] = ['en', 'ko'];
const WIDGETS = ['XoLab'];

function source(lang: Lang): string {
  return readFileSync(path.join(process.cwd(), 'content', 'lessons', lang, 'why-convolutions.mdx'), 'utf8');
}

function split(text: string): { frontmatter: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('why-convolutions.mdx: no frontmatter block');
  return { frontmatter: parse(match[1]), body: match[2] };
}

const n = lessonNumbers();

describe('lesson 1 numbers, from the engine', () => {
  it('describe the 9x9 X/O task: 81 inputs, 2 classes, a 7x7 letter with 13 ink pixels', () => {
    expect([n.size, n.pixels, n.classes, n.letterSize, n.ink]).toEqual([9, 81, 2, 7, 13]);
    expect(n.size).toBe(XO_EXPERIMENT_DEFAULTS.size);
    // The prose's example pixel, its right neighbour and the pixel below it (0-based, row by row).
    expect(n.neighbours).toEqual({ pixel: 12, right: 13, below: 21 });
    expect(Math.floor(n.neighbours.right / n.size)).toBe(Math.floor(n.neighbours.pixel / n.size));
    expect(n.neighbours.below - n.neighbours.pixel).toBe(n.size);
  });

  it('show the X exactly as the syllabus draws it', () => {
    expect(pictureAsText(n.x, 9).split('\n')[1]).toBe('-1 +1 -1 -1 -1 -1 -1 +1 -1');
    expect(pictureAsText(n.x, 9).split('\n')[4]).toBe('-1 -1 -1 -1 +1 -1 -1 -1 -1');
  });

  it('count what a one-pixel shift changes: 26 of 81 inputs, no ink pixel left in place', () => {
    // Each of the 13 ink pixels moves onto background and leaves background behind.
    expect(n.shiftChanged).toBe(2 * n.ink);
    expect(n.shiftInkKept).toBe(0);
  });

  it('count first-layer weights and letter positions per image size', () => {
    const expected = [
      { key: 'xo', size: 9, channels: 1 },
      { key: 'mnist', size: 28, channels: 1 },
      { key: 'photo', size: 224, channels: 3 },
    ];
    expect(n.rows.map(({ key, size, channels }) => ({ key, size, channels }))).toEqual(expected);
    for (const row of n.rows) {
      const inputs = row.size * row.size * row.channels;
      expect(row.inputs).toBe(inputs);
      expect(row.fcParams).toBe(inputs * EXAMPLE_HIDDEN_UNITS + EXAMPLE_HIDDEN_UNITS);
      expect(row.convParams).toBe(EXAMPLE_FILTERS * (EXAMPLE_KERNEL * EXAMPLE_KERNEL * row.channels + 1));
      expect(row.positions).toBe((row.size - n.letterSize + 1) ** 2);
    }
    expect(n.rows.map((r) => r.positions)).toEqual([9, 484, 47524]);
    expect(n.rows[2].fcParams).toBe(15_052_900);
  });

  it('count the two networks of the experiment', () => {
    expect([n.hidden, n.filters]).toEqual([16, 8]);
    expect(n.mlpParams).toBe(81 * 16 + 16 + 16 * 2 + 2);
    expect(n.cnnParams).toBe(8 * 9 + 8 + 8 * 2 + 2);
    expect(n.cnnParams * 10).toBeLessThan(n.mlpParams);
  });

  it("give LeNet-5's feature-map sizes: 32 -> 28 -> 14 -> 10 -> 5", () => {
    expect(n.lenet).toEqual({ input: 32, c1: 28, s2: 14, c3: 10, s4: 5 });
  });
});

for (const lang of LANGS) {
  describe(`content/lessons/${lang}/why-convolutions.mdx`, () => {
    const { frontmatter, body } = split(source(lang));

    it('has valid frontmatter for lesson 1, listing its widget', () => {
      const checked = checkFrontmatter(frontmatter);
      if (!checked.ok) throw new Error(checked.problems.join('\n'));
      expect(checked.value.order).toBe(1);
      expect(checked.value.widgets).toEqual(WIDGETS);
    });

    it(`hydrates the widget when visible, in ${lang}`, () => {
      expect(body).toContain(`<XoLab client:visible />`);
      expect(body).toContain(`<XAsNumbers`);
      expect(body).toContain(`<VariantStrip`);
    });

    it('refers only to figures lessonNumbers() provides', () => {
      const names = new Set([...body.matchAll(/\bn\.(\w+)/g)].map((m) => m[1]));
      expect(names.size).toBeGreaterThan(10);
      for (const name of names) expect(n, `n.${name}`).toHaveProperty(name);
    });

    it('quotes the widget’s train button exactly', () => {
      expect(body).toContain(`**${STRINGS[lang].train}**`);
    });
  });
}
