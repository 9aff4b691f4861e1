/**
 * Lesson 4 ("Output size") against the engine. The prose prints its numbers from
 * `lesson-numbers.ts`, which the engine computes at build time; this test pins those
 * numbers to the syllabus, checks that the prose prints only those values and types
 * only the formulas' own constants in its math, and checks the calculator's model: its query string,
 * its presets, and that formula and engine agree on every configuration it allows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFrontmatter } from '../../../src/site/lesson-schema.ts';
import { expressionValue } from '../../../src/site/lesson-source.ts';
import { catalogEntry } from '../../../src/i18n/lessons.ts';
import * as numbers from '../../../components/widgets/output-size/lesson-numbers.ts';
import {
  LIMITS,
  PRESETS,
  decodeConfig,
  encodeConfig,
  evaluate,
  keepSize,
  presetConfig,
  stridesFor,
} from '../../../components/widgets/output-size/model.ts';
import type { Config, DimConfig, Mode } from '../../../components/widgets/output-size/model.ts';
import {
  GENERAL_FORMULA,
  GENERAL_FORMULA_NARROW,
  ceilVersion,
  formatQuotient,
  workingTex,
} from '../../../components/widgets/output-size/tex.ts';
import { STRINGS } from '../../../components/widgets/output-size/strings/index.ts';
import { Random, convOutputSize, poolOutputSteps } from '../../../src/engine/index.ts';

const LANGS = ['en', 'ko'] as const;
type Lang = (typeof LANGS)[number];

function read(lang: Lang): { frontmatter: unknown; body: string } {
  const text = readFileSync(path.join(process.cwd(), 'content', 'lessons', lang, 'output-size.mdx'), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`content/lessons/${lang}/output-size.mdx has no frontmatter block`);
  return { frontmatter: parse(match[1]), body: match[2] };
}

/** The MDX expressions `{...}` outside code, in order (one level of nested braces is enough here). */
function expressions(body: string): string[] {
  const withoutCode = body
    .replace(/^import[\s\S]*?from '[^']*';$/gm, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\$\$[\s\S]*?\$\$/g, '')
    .replace(/\$[^$\n]+\$/g, '');
  return [...withoutCode.matchAll(/\{((?:[^{}]|\{[^{}]*\})*)\}/g)].map((m) => m[1].replace(/\s+/g, ' ').trim());
}

/** All TeX the MDX types by hand. */
function math(body: string): string[] {
  return [...body.matchAll(/\$\$([\s\S]*?)\$\$|\$([^$\n]+)\$/g)].map((m) => m[1] ?? m[2]);
}

describe('lesson 4 numbers, computed by the engine', () => {
  it('reproduce the syllabus worked example: L_in 6, k 3, s 1, p 0, d 1 gives 4', () => {
    const { worked } = numbers;
    expect([worked.inSize, worked.kernelSize, worked.stride, worked.padding, worked.dilation]).toEqual([6, 3, 1, 0, 1]);
    expect(worked.result).toBe(4);
    expect(worked.steps).toMatchObject({ numerator: 3, quotient: 3, exact: true, result: 4 });
    expect(numbers.workedShape).toBe('1 × 1 × 4 × 4');
  });

  it('pool 224 with 2x2 windows, stride 2, down to 112, in the formula and in the engine', () => {
    expect(numbers.vggPool).toMatchObject({
      inSize: 224,
      kernelSize: 2,
      stride: 2,
      result: 112,
      shape: '1 × 1 × 112 × 112',
    });
  });

  it('show the CS231n form as the d = 1 case that agrees whenever the stride divides', () => {
    const cs231n = (e: numbers.Example) => (e.inSize - e.kernelSize + 2 * e.padding) / e.stride + 1;
    expect(numbers.cs231nFits.result).toBe(cs231n(numbers.cs231nFits));
    expect(Number.isInteger(cs231n(numbers.cs231nFits))).toBe(true);
    expect(Number.isInteger(cs231n(numbers.cs231nMisfit))).toBe(false);
    expect(numbers.cs231nMisfit.result).toBe(Math.floor(cs231n(numbers.cs231nMisfit)));
    expect(numbers.cs231nMisfit.uncovered).toEqual([6]);
  });

  it('show the textbook form floor((I - K)/S) + 1 as the p = 0, d = 1 case', () => {
    const { worked } = numbers;
    expect(worked.result).toBe(Math.floor((worked.inSize - worked.kernelSize) / worked.stride) + 1);
  });

  it('name the pixel the floor leaves out, and the windows that miss it', () => {
    expect(numbers.notExact).toMatchObject({ inSize: 8, kernelSize: 3, stride: 2, result: 3, uncovered: [7] });
    expect(numbers.notExact.windows).toEqual(['0–2', '2–4', '4–6']);
    expect(numbers.notExact.steps.exact).toBe(false);
  });

  it('contrast floor and ceil mode on a row of 5', () => {
    expect(numbers.ceilExample).toMatchObject({ floor: 2, ceil: 3, uncoveredFloor: [4] });
  });

  it('keep the size with padding (k - 1)/2 at stride 1', () => {
    expect(numbers.keepPadding).toBe(1);
    expect(numbers.keptSize).toBe(numbers.worked.inSize);
  });

  it("quote the engine's refusals in PyTorch's words", () => {
    expect(numbers.refusals.poolTooSmall).toBe(
      'Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small',
    );
    expect(numbers.refusals.convTooSmall).toBe(
      "Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be greater than actual input size",
    );
    expect(numbers.refusals.poolPadding).toBe(
      'pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 and dilation=1',
    );
    expect(() => numbers.errorOf(() => 1)).toThrow('expected the engine to refuse');
  });
});

describe('lesson 4 text', () => {
  for (const lang of LANGS) {
    describe(lang, () => {
      const { frontmatter, body } = read(lang);

      it('has valid frontmatter at the catalog position, naming the calculator', () => {
        const checked = checkFrontmatter(frontmatter);
        expect(checked.ok ? [] : checked.problems).toEqual([]);
        if (!checked.ok) return;
        expect(checked.value.order).toBe(catalogEntry('output-size')!.order);
        expect(checked.value.widgets).toEqual(['OutputSizeCalculator']);
      });

      it('writes only the formulas’ own constants in hand-typed math', () => {
        for (const tex of math(body)) {
          const digits = tex.match(/\d+/g) ?? [];
          expect(
            digits.filter((d) => !['0', '1', '2'].includes(d)),
            tex,
          ).toEqual([]);
        }
      });

      it("states PyTorch's formula in display math", () => {
        const texts = math(body).map((t) => t.replace(/\s+/g, ' ').trim());
        // With PyTorch's argument names it is set by the shared TeX, in a narrow form on phones.
        expect(body).toContain('<Tex tex={GENERAL_FORMULA} narrow={GENERAL_FORMULA_NARROW} display />');
        expect(texts).toContain('\\frac{W - F + 2P}{S} + 1');
        expect(texts).toContain('O = \\left\\lfloor \\frac{I - K}{S} \\right\\rfloor + 1');
      });

      it('runs the code it shows with the worked example’s settings', () => {
        const { inSize: n, kernelSize: k } = numbers.worked;
        expect(body).toContain(`torch.zeros(1, 1, ${n}, ${n})`);
        expect(body).toContain(`torch.zeros(1, 1, ${k}, ${k})`);
        expect(body).toContain(`conv2d(zeros([1, 1, ${n}, ${n}]), zeros([1, 1, ${k}, ${k}]))`);
      });

      it('embeds the calculator in its own language', () => {
        expect(body).toContain(`<OutputSizeCalculator client:visible />`);
      });

      it('prints only values the lesson-numbers module exports', () => {
        const exported = new Set(Object.keys(numbers));
        for (const expr of expressions(body)) {
          // A value printed with its Korean particle, josa(value, '...'), is the value.
          const root = /^[A-Za-z_$][\w$]*/.exec(expressionValue(expr))?.[0];
          // The working's TeX is typeset from a lesson number's steps; every other expression is a lesson number.
          if (root === 'workingTex' || root === 'GENERAL_FORMULA' || root === 'GENERAL_FORMULA_NARROW') continue;
          expect(exported.has(root ?? ''), expr).toBe(true);
        }
      });
    });
  }

});

describe('the calculator model', () => {
  it('starts on the worked example and gets 4 x 4 from formula and engine', () => {
    const result = evaluate(presetConfig('worked'));
    expect(result.formulaSize).toEqual([4, 4]);
    expect(result.engineShape).toEqual([1, 1, 4, 4]);
    expect(result.agree).toBe(true);
  });

  it('pool 224, kernel 2, stride 2 gives 112 in the formula and the engine', () => {
    const result = evaluate(presetConfig('vggPool'));
    expect(result.formulaSize).toEqual([112, 112]);
    expect(result.engineShape).toEqual([1, 1, 112, 112]);
    expect(result.call).toBe(
      'maxPool2d(zeros([1, 1, 224, 224]), { kernelSize: 2, stride: 2, padding: 0, dilation: 1, ceilMode: false })',
    );
  });

  it("kernel 3 on a 2x2 input shows the engine's message and no size", () => {
    const result = evaluate(presetConfig('tooSmall'));
    expect(result.formulaSize).toBeNull();
    expect(result.engineShape).toBeNull();
    expect(result.engineError).toBe(
      'Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small',
    );
    expect(result.agree).toBe(true);
  });

  it('marks the unread pixel of the inexact preset on both axes', () => {
    const result = evaluate(presetConfig('notExact'));
    expect(result.height.uncovered).toEqual([7]);
    expect(result.width.uncovered).toEqual([7]);
  });

  it('agrees with the engine on 1500 random configurations, also when either refuses', () => {
    const rng = new Random(44);
    const pick = (field: keyof typeof LIMITS, cap: number) => {
      const { min, max } = LIMITS[field];
      return min + rng.int(Math.min(max, cap) - min + 1);
    };
    const dim = (): DimConfig => ({
      input: pick('input', 40),
      kernel: pick('kernel', 7),
      stride: pick('stride', 8),
      padding: pick('padding', 4),
      dilation: pick('dilation', 3),
    });
    let refused = 0;
    for (let trial = 0; trial < 1500; trial++) {
      const mode: Mode = rng.next() < 0.5 ? 'conv' : 'pool';
      const config: Config = { mode, linked: false, h: dim(), w: dim(), ceilMode: rng.next() < 0.5, target: 1 };
      const result = evaluate(config);
      expect(result.agree, JSON.stringify(config)).toBe(true);
      if (result.engineError !== null) refused++;
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('solves for the padding that keeps the size, or says why none does', () => {
    const odd = keepSize({ input: 10, kernel: 5, stride: 3, padding: 0, dilation: 1 });
    expect(odd).toEqual({ padding: 2, total: 4, inRange: true });
    expect(convOutputSize(10, { kernelSize: 5, padding: 2 })).toBe(10);
    expect(keepSize({ input: 10, kernel: 4, stride: 1, padding: 0, dilation: 1 }).padding).toBeNull();
    expect(keepSize({ input: 10, kernel: 15, stride: 1, padding: 0, dilation: 5 })).toEqual({
      padding: 35,
      total: 70,
      inRange: false,
    });
  });

  it('solves for strides, or passes on the engine’s refusal', () => {
    const vgg = PRESETS.vggPool;
    expect(stridesFor('pool', vgg.h, 112, false)).toEqual({ strides: [2], andEveryLarger: false });
    expect(stridesFor('pool', { ...vgg.h, padding: 2 }, 112, false)).toEqual({
      error: 'pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1',
    });
  });

  it('round-trips its configuration through the query string', () => {
    const config: Config = {
      mode: 'pool',
      linked: false,
      h: { input: 224, kernel: 3, stride: 2, padding: 1, dilation: 1 },
      w: { input: 100, kernel: 2, stride: 2, padding: 0, dilation: 2 },
      ceilMode: true,
      target: 56,
    };
    const query = new URLSearchParams(encodeConfig(config));
    expect(query.get('osIn')).toBe('224x100');
    expect(decodeConfig(query)).toEqual({ config, rejected: [] });
    const linked = presetConfig('vggPool');
    expect(decodeConfig(new URLSearchParams(encodeConfig(linked)))).toEqual({ config: linked, rejected: [] });
  });

  it('falls back to the defaults for bad values and names them', () => {
    const { config, rejected } = decodeConfig(
      new URLSearchParams('osMode=fft&osIn=0&osK=3x4x5&osS=2.5&osP=-1&osD=9&osCeil=yes&osTarget=abc'),
    );
    expect(rejected).toEqual(['osMode', 'osIn', 'osK', 'osS', 'osP', 'osD', 'osCeil', 'osTarget']);
    expect(config).toEqual(presetConfig('worked'));
    // A good key next to bad ones still applies.
    expect(decodeConfig(new URLSearchParams('osK=5&osS=x')).config.h.kernel).toBe(5);
  });
});

describe('the working, typeset', () => {
  it('writes every step with the engine’s numbers', () => {
    const tex = workingTex(numbers.notExact.steps);
    for (const part of [
      '\\frac{8 + 2 \\times 0 - 1 \\times (3 - 1) - 1}{2}',
      '\\frac{5}{2}',
      '\\lfloor 2.5 \\rfloor + 1',
      '= 2 + 1 = 3',
    ]) {
      expect(tex).toContain(part);
    }
  });

  it('shows ceil mode’s dropped last window', () => {
    const steps = poolOutputSteps(5, { kernelSize: 2, padding: 1, ceilMode: true });
    const tex = workingTex(steps);
    expect(tex).toContain('\\lceil 2.5 \\rceil + 1');
    expect(tex).toContain('(4 - 1) \\times 2 = 6 \\ge L_{\\text{in}} + \\text{padding} = 6');
    expect(tex).toContain('L_{\\text{out}} = 4 - 1 = 3');
  });

  it('writes the same formula in its narrow form, with the numerator named N', () => {
    const numerator = /\\frac\{(.*)\}\{\\text\{stride\}\}/.exec(GENERAL_FORMULA)![1]!;
    const named = /N &= (.*) \\end\{aligned\}$/.exec(GENERAL_FORMULA_NARROW)![1]!.replace(' \\\\ &\\quad ', ' ');
    expect(named).toBe(numerator);
    expect(GENERAL_FORMULA.replace(numerator, 'N').replace(/\s+/g, ' ')).toBe(
      /^\\begin\{aligned\} (.*?) \\\\ N &=/.exec(GENERAL_FORMULA_NARROW)![1]!.replace('&', '').replace(/\s+/g, ' '),
    );
  });

  it('gives the general formula ceiling brackets for ceil mode', () => {
    expect(ceilVersion(GENERAL_FORMULA)).toContain('\\left\\lceil');
    expect(ceilVersion(GENERAL_FORMULA)).not.toContain('floor');
  });

  it('formats quotients exactly when it can and marks cut digits', () => {
    expect(formatQuotient(3)).toBe('3');
    expect(formatQuotient(2.5)).toBe('2.5');
    expect(formatQuotient(4 / 3)).toBe('1.333\\ldots');
    expect(formatQuotient(-1 / 3)).toBe('-0.333\\ldots');
  });
});

describe('the calculator strings', () => {
  it('exist in both languages with the same keys, and the Korean is written in Korean', () => {
    expect(Object.keys(STRINGS.ko).sort()).toEqual(Object.keys(STRINGS.en).sort());
    for (const key of ['title', 'caption', 'refused', 'coverageAll', 'workingHeading'] as const) {
      expect(STRINGS.ko[key]).toMatch(/[가-힣]/);
      expect(STRINGS.ko[key]).not.toBe(STRINGS.en[key]);
    }
  });

  it('describe stride answers in runs', () => {
    expect(STRINGS.en.strides([2], false, 112)).toBe('Stride 2 gives 112.');
    expect(STRINGS.en.strides([3, 4, 5, 8], false, 2)).toBe('Strides 3 to 5 and 8 give 2.');
    expect(STRINGS.en.strides([8, 9, 10], true, 1)).toBe('Every stride from 8 up gives 1.');
    expect(STRINGS.ko.strides([3, 4, 5, 8], false, 2)).toBe('목표 2에 맞는 스트라이드: 3~5, 8');
  });
});
