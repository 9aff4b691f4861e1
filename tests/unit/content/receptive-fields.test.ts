/**
 * Lesson 3's prose against the engine. The lesson states its numbers through
 * `lessonNumbers()` (computed by the engine at build time); this test makes sure
 * those numbers are the syllabus's, that the prose types no number of its own,
 * that every figure it names exists, and that button names quoted in the prose
 * are the widgets' real labels.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFrontmatter } from '../../../src/site/lesson-schema.ts';
import { lessonNumbers } from '../../../components/widgets/receptive-fields/lesson-numbers.ts';
import { STRINGS } from '../../../components/widgets/receptive-fields/strings/index.ts';
import type { Locale as Lang } from '../../../src/i18n/lessons.ts';
import { EDGES, FILTER_SIDE, INPUT_SIDE } from '../../../components/widgets/receptive-fields/tiny-net-model.ts';

const LANGS: Lang[] = ['en', 'ko'];
const WIDGETS = ['TinyNetwork', 'ParameterCount', 'ReceptiveFieldExplorer'];

function source(lang: Lang): string {
  return readFileSync(path.join(process.cwd(), 'content', 'lessons', lang, 'receptive-fields.mdx'), 'utf8');
}

function split(text: string): { frontmatter: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('receptive-fields.mdx: no frontmatter block');
  return { frontmatter: parse(match[1]), body: match[2] };
}

/** The words a reader sees, minus code, math, engine expressions and the widget labels it quotes. */
function prose(body: string, lang: Lang): string {
  let text = body
    .replace(/^(import|export) .*$/gm, '')
    .replace(/\$\$[\s\S]*?\$\$/g, '')
    .replace(/\$[^$\n]+\$/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/<[A-Z][^>]*\/>/g, '')
    .replace(/\{[^{}]*(\{[^{}]*\}[^{}]*)*\}/g, '');
  const quoted = [...Object.values(STRINGS[lang].explorer.presets), STRINGS[lang].tiny.showShared(1)];
  for (const label of quoted) text = text.split(`**${label}**`).join('');
  return text;
}

const numbers = lessonNumbers();

describe('lesson 3 numbers, from the engine', () => {
  it('match the syllabus examples', () => {
    expect(numbers.threeByThree).toEqual([3, 5, 7]);
    expect(numbers.singleField).toBe(5);
    // 32x32x3 with five 5x5 filters, stride 1, no padding: 28x28x5.
    expect([numbers.inputSize, numbers.channels, numbers.kernelSize, numbers.filters]).toEqual([32, 3, 5, 5]);
    expect([numbers.outSide, numbers.outDepth]).toEqual([28, 5]);
  });

  it('count parameters the way PyTorch does', () => {
    const { inputValues, kernelSize: k, channels: c, filters, outputs } = numbers;
    expect(inputValues).toBe(32 * 32 * 3);
    expect(outputs).toBe(28 * 28 * 5);
    expect(numbers.convParams).toBe(filters * (k * k * c + 1));
    expect(numbers.fcParams).toBe(outputs * (inputValues + 1));
    expect(numbers.localParams).toBe(outputs * (k * k * c + 1));
    expect(numbers.convWeightsPerNeuron).toBe(k * k * c);
    expect(numbers.fcWeightsPerNeuron).toBe(inputValues);
    expect(numbers.ratio).toBe(Math.round(numbers.fcParams / numbers.convParams));
    expect(numbers.fcParamsMillions).toBe(12);
    expect(numbers.fcParamsTenThousands).toBe(1205);
  });

  it('describe the tiny network: 9 inputs, 4 outputs, 16 edges, 4 weights against 36', () => {
    expect([numbers.tinyInputs, numbers.tinyOutputs, numbers.tinyEdges]).toEqual([9, 4, 16]);
    expect([numbers.tinyConvWeights, numbers.tinyFcWeights]).toEqual([4, 36]);
    expect([INPUT_SIDE, FILTER_SIDE]).toEqual([3, 2]);
  });
});

for (const lang of LANGS) {
  describe(`content/lessons/${lang}/receptive-fields.mdx`, () => {
    const { frontmatter, body } = split(source(lang));

    it('has valid frontmatter for lesson 3, listing the widgets it uses', () => {
      const checked = checkFrontmatter(frontmatter);
      if (!checked.ok) throw new Error(checked.problems.join('\n'));
      expect(checked.value.order).toBe(3);
      expect(checked.value.widgets).toEqual(WIDGETS);
      const used = [...body.matchAll(/<([A-Z]\w*)\b/g)].map((m) => m[1]);
      expect(used).toEqual(WIDGETS);
    });

    it(`hydrates every widget when visible, in ${lang}`, () => {
      for (const widget of WIDGETS) {
        expect(body).toContain(`<${widget} client:visible />`);
      }
    });

    it('types no number the engine should have computed', () => {
      const digits = prose(body, lang).match(/\d+/g) ?? [];
      // Small structural constants only: zero, the tiny network's 3x3 and 2x2, stride 1,
      // a 3x3 layer, "layer 2 to dilation 2", lessons 1 and 16.
      const allowed = new Set(['0', '1', '2', '3', '16']);
      expect(digits.filter((d) => !allowed.has(d))).toEqual([]);
    });

    it('refers only to figures lessonNumbers() provides', () => {
      const names = new Set([...body.matchAll(/\bn\.(\w+)/g)].map((m) => m[1]));
      expect(names.size).toBeGreaterThan(10);
      for (const name of names) {
        const value = (numbers as Record<string, unknown>)[name];
        const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
        expect(finite(value) || (Array.isArray(value) && value.every(finite)), `n.${name}`).toBe(true);
      }
    });

    it("writes y1 with the tiny network's own edges", () => {
      const first = EDGES.filter((e) => e.output === 0)
        .map((e) => `w_${e.weight + 1} x_${e.input + 1}`)
        .join(' + ');
      expect(body).toContain(`y_1 = ${first}`);
    });

    it('quotes the widgets’ button labels exactly', () => {
      const labels = [...body.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]);
      const known = [...Object.values(STRINGS[lang].explorer.presets), STRINGS[lang].tiny.showShared(1)];
      const quotedButtons = labels.filter((l) => /×|w1|Stride 2|스트라이드 2/.test(l));
      expect(quotedButtons.length).toBeGreaterThanOrEqual(4);
      for (const label of quotedButtons) expect(known).toContain(label);
    });
  });
}
