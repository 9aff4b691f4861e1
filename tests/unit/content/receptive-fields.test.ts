/**
 * Lesson 3's prose against the engine. The lesson states its numbers through
 * `lessonNumbers()` (computed by the engine at build time); this test makes sure
 * those numbers are the syllabus's, that every figure it names exists, and that
 * button names quoted in the prose are the widgets' real labels. Typed numbers and
 * the two languages' shared skeleton: tests/unit/content/lessons.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFrontmatter } from '../../../src/site/lesson-schema.ts';
import { lessonNumbers, roughly } from '../../../components/widgets/receptive-fields/lesson-numbers.ts';
import { PRESETS } from '../../../components/widgets/receptive-fields/explorer-model.ts';
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
    expect(roughly(numbers.fcParams, 'en')).toBe('12 million');
    expect(roughly(numbers.fcParams, 'ko')).toBe('1,205만');
  });

  it('describe the tiny network: 9 inputs, 4 outputs, 16 edges, 4 weights against 36', () => {
    expect([numbers.tinyInputs, numbers.tinyOutputs, numbers.tinyEdges]).toEqual([9, 4, 16]);
    expect([numbers.tinyConvWeights, numbers.tinyFcWeights]).toEqual([4, 36]);
    expect([INPUT_SIDE, FILTER_SIDE]).toEqual([3, 2]);
    expect([numbers.tinyInputSide, numbers.tinyFilterSide]).toEqual([INPUT_SIDE, FILTER_SIDE]);
  });

  it('name the explorer presets the prose quotes by their stacks', () => {
    const kernels = (name: keyof typeof PRESETS) => PRESETS[name].layers.map((l) => l.kernelSize);
    expect(numbers.stack).toEqual({ layers: 3, kernel: 3 });
    expect(kernels('threeByThreeTimesThree')).toEqual([3, 3, 3]); // "Three 3×3", "3×3 세 층"
    expect(kernels('sevenBySeven')).toEqual([7]); // "One 7×7", "7×7 한 층"
    expect(numbers.single).toBe(numbers.threeByThree[2]);
    expect(PRESETS.dilated.layers.map((l) => l.dilation)).toEqual([1, 2, 4]); // "Dilations 1, 2, 4"
    expect(PRESETS.strided.layers.filter((l) => l.stride === 2)).toHaveLength(2); // "Stride 2, twice"
    expect(STRINGS.en.explorer.presets).toEqual({ threeByThreeTimesThree: 'Three 3×3', sevenBySeven: 'One 7×7', dilated: 'Dilations 1, 2, 4', strided: 'Stride 2, twice' });
    expect(STRINGS.ko.explorer.presets).toEqual({ threeByThreeTimesThree: '3×3 세 층', sevenBySeven: '7×7 한 층', dilated: '팽창 1, 2, 4', strided: '스트라이드 2 두 번' });
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

    it('refers only to figures lessonNumbers() provides', () => {
      const names = new Set([...body.matchAll(/\bn\.(\w+)/g)].map((m) => m[1]));
      expect(names.size).toBeGreaterThan(10);
      for (const name of names) {
        const value = (numbers as Record<string, unknown>)[name];
        const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
        const record = (v: unknown) => typeof v === 'object' && v !== null && Object.values(v).every(finite);
        expect(finite(value) || (Array.isArray(value) && value.every(finite)) || record(value), `n.${name}`).toBe(true);
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
