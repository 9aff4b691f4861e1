/**
 * Lesson 11 ("Pooling") against the engine and the syllabus. The prose prints its
 * numbers from `lesson-numbers.ts`; this test pins those numbers to the syllabus facts
 * (the notes' max pool [[6,8],[3,4]], 224x224x64 to 112x112x64, 2x2 or 3x3 with
 * stride 2, AlexNet's overlapping pooling, the output-size formula), checks that the
 * prose prints only those values, and checks the stepper's model: every output it
 * explains matches the engine, and its state round-trips through the address.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFrontmatter } from '../../../src/site/lesson-schema.ts';
import { expressionValue } from '../../../src/site/lesson-source.ts';
import { catalogEntry } from '../../../src/i18n/lessons.ts';
import * as numbers from '../../../components/widgets/pooling/lesson-numbers.ts';
import {
  INPUTS,
  INPUT_IDS,
  LIMITS,
  decodeState,
  defaultState,
  encodeState,
  runPool,
  volumeShape,
  windowAt,
} from '../../../components/widgets/pooling/model.ts';
import type { PoolState } from '../../../components/widgets/pooling/model.ts';
import { avgPool2d, maxPool2d, poolOutputSize, tensor, zeros } from '../../../src/engine/index.ts';
import { MAX_LAYERS, edgeMap, mean, peak, photoTensor, poolRepeatedly, toRgba } from '../../../components/widgets/pooling/photo-model.ts';
import { exercises } from '../../../src/exercises/lessons/pooling/index.ts';

const LANGS = ['en', 'ko'] as const;

function read(lang: (typeof LANGS)[number]): { frontmatter: unknown; body: string } {
  const text = readFileSync(path.join(process.cwd(), 'content', 'lessons', lang, 'pooling.mdx'), 'utf8');
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`content/lessons/${lang}/pooling.mdx has no frontmatter block`);
  return { frontmatter: parse(match[1]), body: match[2] };
}

/** The MDX expressions `{...}` outside code and math, in order. */
function expressions(body: string): string[] {
  const withoutCode = body
    .replace(/^import[\s\S]*?from '[^']*';$/gm, '')
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`[^`\n]*`/g, '')
    .replace(/\$\$[\s\S]*?\$\$/g, '')
    .replace(/\$[^$\n]+\$/g, '');
  return [...withoutCode.matchAll(/\{((?:[^{}]|\{[^{}]*\})*)\}/g)].map((m) => m[1].replace(/\s+/g, ' ').trim());
}

describe('lesson 11 numbers, computed by the engine, against the syllabus', () => {
  it('max pooling 2x2, stride 2, on the notes’ 4x4 example gives [[6,8],[3,4]]', () => {
    expect(numbers.example.input).toEqual([
      ['1', '1', '2', '4'],
      ['5', '6', '7', '8'],
      ['3', '2', '1', '0'],
      ['1', '2', '3', '4'],
    ]);
    expect([numbers.example.kernel, numbers.example.stride]).toEqual([2, 2]);
    expect(numbers.example.max).toEqual([
      ['6', '8'],
      ['3', '4'],
    ]);
    expect(numbers.example.firstWindow).toEqual(['1', '1', '5', '6']);
    expect(numbers.example.firstMax).toBe('6');
  });

  it('average pooling of the same example is each window’s mean', () => {
    expect(numbers.example.avg).toEqual([
      ['3.25', '5.25'],
      ['2', '2'],
    ]);
    expect(`${numbers.example.firstSum}/${numbers.example.windowCells}`).toBe('13/4');
  });

  it('the output-size formula floor((L + 2p - k)/s + 1) gives the engine’s side', () => {
    const { side, kernel, stride } = numbers.example;
    expect(Math.floor((side + 2 * 0 - kernel) / stride + 1)).toBe(numbers.example.formulaSide);
    expect(numbers.example.outSide).toBe(numbers.example.formulaSide);
  });

  it('depth is untouched: 224x224x64 becomes 112x112x64, with no parameters', () => {
    expect(numbers.depth.inShape).toBe('224×224×64');
    expect(numbers.depth.outShape).toBe('112×112×64');
    expect(numbers.depth.params).toBe(0);
    expect(numbers.depth.shrink).toBe(4);
    expect(numbers.depth.inValues).toBe('3,211,264');
    expect(numbers.depth.outValues).toBe('802,816');
  });

  it('count_include_pad and divisor_override change the corner average as PyTorch does', () => {
    // PyTorch 1.13: F.avg_pool2d(x, 3, 1, 1)[0,0,0,0] = 13/9; count_include_pad=False: 13/4; divisor_override=2: 13/2.
    expect(numbers.divisor.included).toMatchObject({ sum: '13', divisor: 9, value: '1.44', padding: 5 });
    expect(numbers.divisor.excluded).toMatchObject({ divisor: 4, value: '3.25' });
    expect(numbers.divisor.overridden).toMatchObject({ divisor: 2, value: '6.5' });
  });

  it('ceil mode, dilation and the refusals', () => {
    expect(numbers.ceil).toMatchObject({ floorSide: 1, ceilSide: 2, floorValues: '7', lastCells: 4 });
    expect(numbers.dilated).toMatchObject({ span: 3, outSide: 2, firstTaps: '1, 2, 3, 1', firstMax: '3' });
    expect(numbers.refusals.tooMuchPadding).toBe('pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1');
    expect(numbers.refusals.tooBig).toContain('Output size is too small');
  });

  it('overlapping pooling as in AlexNet: 3x3 windows, stride 2, 55 to 27, up to 4 windows per pixel', () => {
    expect(numbers.overlap).toMatchObject({ side: 55, channels: 96, kernel: 3, stride: 2, outSide: 27, plainOutSide: 27 });
    expect(numbers.overlap.mostWindows).toBe(4);
    expect(numbers.overlap.plainMostWindows).toBe(1);
  });

  it('a strided convolution gives pooling’s shape at a cost', () => {
    expect(numbers.strided.outShape).toBe(numbers.depth.outShape);
    // 64 * 64 * 3 * 3 weights + 64 biases.
    expect(numbers.strided.params).toBe((64 * 64 * 9 + 64).toLocaleString('en-US'));
    expect(numbers.strided.macs).toBe((112 * 112 * 64 * 64 * 9).toLocaleString('en-US'));
    expect(numbers.strided.poolParams).toBe(0);
  });

  it('why max: equal averages, different maxima, and a shift inside the window changes nothing', () => {
    expect(numbers.whyMax.avgLeft).toBe(numbers.whyMax.avgRight);
    expect(Number(numbers.whyMax.peak)).toBeGreaterThan(Number(numbers.whyMax.plateauMax));
    expect(numbers.whyMax.shiftedPeak).toBe(numbers.whyMax.peak);
  });

  it('repeated 2x2 pooling: 224 halves down to VGG’s 7', () => {
    expect(numbers.repeated).toEqual({ sides: '224 → 112 → 56 → 28 → 14 → 7', layers: 5, last: 7 });
  });

  it('the lesson has at least three exercises', () => {
    expect(exercises.length).toBeGreaterThanOrEqual(3);
    expect(new Set(exercises.map((e) => e.lesson))).toEqual(new Set(['pooling']));
  });
});

describe('the stepper’s model', () => {
  /** Every state the sliders reach on both inputs (a few thousand). */
  function* states(): Generator<PoolState> {
    for (const input of INPUT_IDS)
      for (const mode of ['max', 'avg'] as const)
        for (let kernel = LIMITS.kernel.min; kernel <= LIMITS.kernel.max; kernel++)
          for (let stride = LIMITS.stride.min; stride <= LIMITS.stride.max; stride++)
            for (let padding = LIMITS.padding.min; padding <= LIMITS.padding.max; padding++)
              for (const dilation of mode === 'max' ? [1, 2, 3] : [1])
                for (const ceilMode of [false, true])
                  for (const countIncludePad of mode === 'avg' ? [true, false] : [true])
                    for (const divisorOverride of mode === 'avg' ? [0, 3] : [0])
                      yield { ...defaultState(), input, mode, kernel, stride, padding, dilation, ceilMode, countIncludePad, divisorOverride };
  }

  it('explains every output the engine gives: the max of its taps, or its sum over the engine’s divisor', () => {
    let checked = 0;
    let refused = 0;
    for (const state of states()) {
      let result;
      try {
        result = runPool(state);
      } catch {
        refused++;
        continue;
      }
      const n = INPUTS[state.input].length;
      expect(result.outHeight).toBe(poolOutputSize(n, { kernelSize: state.kernel, stride: state.stride, padding: state.padding, dilation: state.mode === 'max' ? state.dilation : 1, ceilMode: state.ceilMode }));
      for (let p = 0; p < result.outHeight * result.outWidth; p++) {
        const w = windowAt(state, p, result.outWidth);
        if (state.mode === 'max') {
          const real = w.taps.filter((t) => t.value !== null).map((t) => t.value!);
          expect(Math.max(...real), JSON.stringify({ state, p })).toBe(result.values[p]);
          const winner = result.winners![p];
          expect(w.taps.some((t) => t.row * n + t.col === winner), JSON.stringify({ state, p })).toBe(true);
        } else {
          expect(w.sum / w.avg!.divisor).toBeCloseTo(result.values[p], 5);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
    expect(refused).toBeGreaterThan(100);
  });

  it('runs the engine’s maxPool2d / avgPool2d with the state’s arguments', () => {
    const state: PoolState = { ...defaultState(), mode: 'avg', input: 'seven', kernel: 3, stride: 2, padding: 1, countIncludePad: false };
    const x = tensor(INPUTS.seven.flat(), [1, 1, 7, 7]);
    expect(Array.from(runPool(state).values)).toEqual(Array.from(avgPool2d(x, { kernelSize: 3, stride: 2, padding: 1, countIncludePad: false }).data));
    const max: PoolState = { ...state, mode: 'max', dilation: 2 };
    expect(Array.from(runPool(max).values)).toEqual(Array.from(maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1, dilation: 2 }).data));
  });

  it('keeps the depth of a 224x224x64 volume under any accepted setting', () => {
    for (const state of states()) {
      let shape: number[];
      try {
        shape = volumeShape(state, 224, 64);
      } catch {
        continue;
      }
      expect(shape[1]).toBe(64);
    }
    expect(volumeShape(defaultState(), 224, 64)).toEqual([1, 64, 112, 112]);
  });

  it('round-trips its state through the address and rejects what it cannot use', () => {
    const state: PoolState = { ...defaultState(), mode: 'avg', input: 'seven', kernel: 3, stride: 1, padding: 1, ceilMode: true, countIncludePad: false, divisorOverride: 5, position: 7 };
    const params = encodeState(state, new URLSearchParams('other=1'));
    expect(params.get('other')).toBe('1');
    expect(decodeState(params)).toEqual({ state, problems: [] });
    expect(encodeState(defaultState(), new URLSearchParams()).toString()).toBe('');
    const bad = decodeState(new URLSearchParams('pool-mode=min&pool-k=9&pool-ceil=yes&pool-in=cat&pool-at=4'));
    expect(bad.state).toEqual(defaultState());
    expect(bad.problems.sort()).toEqual(['ceilMode', 'input', 'kernel', 'mode', 'position']);
  });
});

describe('the photo panel’s model', () => {
  it('reads RGBA pixels into three maps and draws them back unchanged', () => {
    const rgba = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 51, 102, 153, 255]);
    const x = photoTensor(rgba, 2, 2);
    expect(x.shape).toEqual([1, 3, 2, 2]);
    expect(Array.from(toRgba(x))).toEqual(Array.from(rgba));
  });

  it('pools the depth untouched and halves each side per layer, flooring odd sides (the cat: 451×300)', () => {
    const x = zeros([1, 3, 300, 451]);
    const shapes = Array.from({ length: MAX_LAYERS + 1 }, (_, k) => poolRepeatedly(x, 'max', k).shape);
    expect(shapes.map((s) => `${s[2]}×${s[3]}×${s[1]}`)).toEqual(['300×451×3', '150×225×3', '75×112×3', '37×56×3', '18×28×3', '9×14×3']);
  });

  it('the edge map is dark on flat areas and bright on a line; max pooling keeps the line, averaging fades it', () => {
    const side = 16;
    const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
    for (let r = 0; r < side; r++) rgba.fill(0, (r * side + 5) * 4, (r * side + 5) * 4 + 3); // a dark vertical line
    const edges = edgeMap(photoTensor(rgba, side, side));
    expect(edges.shape).toEqual([1, 1, side, side]);
    expect(edges.data[8 * side + 12]).toBe(0); // flat white area
    const top = peak(edges);
    expect(top).toBeGreaterThan(1);
    for (let k = 1; k <= 3; k++) {
      expect(peak(poolRepeatedly(edges, 'max', k))).toBe(top);
      expect(peak(poolRepeatedly(edges, 'avg', k))).toBeLessThan(top);
      // Averages keep the mean brightness; they only spread it out.
      expect(mean(poolRepeatedly(edges, 'avg', k))).toBeCloseTo(mean(edges), 5);
    }
  });
});

describe('lesson 11 text', () => {
  for (const lang of LANGS) {
    describe(lang, () => {
      const { frontmatter, body } = read(lang);

      it('has valid frontmatter at the catalog position, naming its two widgets', () => {
        const checked = checkFrontmatter(frontmatter);
        expect(checked.ok ? [] : checked.problems).toEqual([]);
        if (!checked.ok) return;
        expect(checked.value.order).toBe(catalogEntry('pooling')!.order);
        expect(checked.value.widgets).toEqual(['PoolingStepper', 'PoolingPhoto']);
        expect(body).toContain('<PoolingStepper client:visible />');
        expect(body).toContain('<PoolingPhoto client:visible />');
      });

      it('states the output-size formula and prints the engine’s matrices', () => {
        expect(body).toContain('\\left\\lfloor \\frac{L_{\\text{in}} + 2p - d(k-1) - 1}{s} \\right\\rfloor + 1');
        for (const tex of ['example.inputTex', 'example.maxTex', 'example.avgTex', 'ceil.ceilTex', 'whyMax.mapTex']) {
          expect(body).toContain(`<Tex tex={${tex}} display />`);
        }
      });

      it('puts no {value} inside backticks, where MDX would print it literally', () => {
        expect(body.match(/`[^`\n]*\{[^`\n]*`/g) ?? []).toEqual([]);
        expect(body).toContain('<code>{refusals.tooMuchPadding}</code>');
      });

      it('prints only values the lesson-numbers module exports', () => {
        const exported = new Set(Object.keys(numbers));
        for (const expr of expressions(body)) {
          const root = /^[A-Za-z_$][\w$]*/.exec(expressionValue(expr))?.[0];
          expect(exported.has(root ?? ''), expr).toBe(true);
        }
      });

      it('is where lesson 13’s pooling example links', () => {
        const training = readFileSync(path.join(process.cwd(), 'content', 'lessons', lang, 'training.mdx'), 'utf8');
        expect(training).toContain('](../pooling/)');
      });
    });
  }
});
