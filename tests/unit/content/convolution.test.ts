/**
 * Lesson 2's prose against the engine. The lesson renders its numbers from
 * `lessonNumbers()` at build time; this test checks those numbers against an
 * independent conv2d call and the syllabus, and checks that both language versions
 * really render them. Typed numbers, lesson references and the two languages' shared
 * skeleton are checked for every lesson by tests/unit/content/lessons.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { conv2d, convOutputSize, tensor } from '../../../src/engine/index.ts';
import { lessonNumbers } from '../../../components/widgets/convolution/lesson-numbers.ts';
import { FILTER_PRESETS, KERNEL_SIZE, X_IMAGE } from '../../../components/widgets/convolution/model.ts';

const n = lessonNumbers();
const langs = ['en', 'ko'] as const;
const mdx = Object.fromEntries(langs.map((lang) => [lang, readFileSync(`content/lessons/${lang}/convolution.mdx`, 'utf8')])) as Record<
  (typeof langs)[number],
  string
>;

/** The X written out by hand, independent of the model's generator. */
const X_BY_HAND = [
  '---------',
  '-1-----1-',
  '--1---1--',
  '---1-1---',
  '----1----',
  '---1-1---',
  '--1---1--',
  '-1-----1-',
  '---------',
].flatMap((row) => [...row].map((c) => (c === '1' ? 1 : -1)));

/** The diagonal filter's sums over the X, straight from conv2d. */
function engineSums(): number[] {
  const out = conv2d(tensor(X_BY_HAND, [1, 1, 9, 9]), tensor([1, -1, -1, -1, 1, -1, -1, -1, 1], [1, 1, 3, 3]));
  expect(out.shape).toEqual([1, 1, 7, 7]);
  return [...out.data];
}

describe('lesson 2 numbers come from the engine and match the syllabus', () => {
  it('uses the syllabus picture and filter', () => {
    expect([...X_IMAGE]).toEqual(X_BY_HAND);
    expect([...FILTER_PRESETS[0].weights]).toEqual([1, -1, -1, -1, 1, -1, -1, -1, 1]);
  });

  it('top-left is 7/9, which rounds to 0.78 (the source truncated it to 0.77)', () => {
    const sums = engineSums();
    expect(sums[0]).toBe(7);
    expect(n.topLeft).toMatchObject({ sum: sums[0], fraction: '7/9', rounded: '0.78', truncated: '0.77', agree: 8, disagree: 1 });
    expect(n.topLeft.value).toBeCloseTo(7 / 9, 6);
  });

  it('one step right is -1/9 = -0.11', () => {
    expect(engineSums()[1]).toBe(-1);
    expect(n.nextRight).toMatchObject({ sum: -1, sumText: '\u22121', fraction: '\u22121/9', rounded: '\u22120.11' });
  });

  it('reads 1.00 exactly where the diagonal matches, and 5/9 at the crossing', () => {
    const sums = engineSums();
    const exact = sums.flatMap((s, i) => (s === 9 ? [{ row: Math.floor(i / 7), col: i % 7 }] : []));
    expect(n.exact).toEqual(exact);
    expect(n.exact).toEqual([
      { row: 1, col: 1 },
      { row: 2, col: 2 },
      { row: 4, col: 4 },
      { row: 5, col: 5 },
    ]);
    expect(n.firstExact.rounded).toBe('1.00');
    expect(n.centre).toMatchObject({ row: 3, col: 3, sum: sums[3 * 7 + 3], fraction: '5/9', rounded: '0.56' });
  });

  it('gives a 7x7 map whose table matches conv2d / 9, and 7x7x2 with two filters', () => {
    const sums = engineSums();
    expect(n.outputShape).toBe('7×7');
    expect(n.table.flat()).toEqual(sums.map((s) => (s / 9).toFixed(2).replace('-', '\u2212')));
    expect(n.twoFilterShape).toBe('7×7×2');
  });

  it('inking the top-left pixel makes the first window a perfect match', () => {
    expect(n.cornerInked).toEqual({ fraction: '9/9', rounded: '1.00' });
  });

  it('32x32x3 with five 5x5x3 filters gives 28x28x5, each output a sum of 75 products', () => {
    expect(n.depth.inputShape).toBe('32×32×3');
    expect(n.depth.filterShape).toBe('5×5×3');
    expect(n.depth.outputShape).toBe('28×28×5');
    expect(n.depth.outputSide).toBe(convOutputSize(32, { kernelSize: 5 }));
    expect(n.depth.formulaSide).toBe(28);
    expect(n.depth.productsPerOutput).toBe(75);
    expect(n.depth.filters).toBe(5);
  });
});

/** KaTeX blocks. */
function mathBlocks(source: string): string[] {
  return [...source.matchAll(/\$\$([\s\S]*?)\$\$/g)].map((m) => m[1]);
}

describe.each(langs)('lesson 2 prose (%s)', (lang) => {
  // A value printed with its Korean particle, {josa(n.x, '을/를')}, prints {n.x}.
  const source = mdx[lang].replace(/\{josa\(([^{}]*?),\s*'[^']*'\)\}/g, '{$1}');

  it('renders every worked number from lessonNumbers() rather than typing it', () => {
    for (const expression of [
      '{n.topLeft.fraction}',
      '{n.topLeft.rounded}',
      '{n.topLeft.truncated}',
      '{n.topLeft.sumText}',
      '{n.nextRight.sumText}',
      '{n.nextRight.fraction}',
      '{n.nextRight.rounded}',
      '{n.firstExact.rounded}',
      '{n.centre.fraction}',
      '{n.outputShape}',
      '{n.twoFilterShape}',
      '{n.depth.inputShape}',
      '{n.depth.filterShape}',
      '{n.depth.outputShape}',
      '{n.depth.productsPerOutput}',
      '{n.cornerInked.fraction}',
      'n.table',
    ]) {
      expect(source, `the ${lang} lesson should render ${expression}`).toContain(expression);
    }
    expect(source).toContain('export const n = lessonNumbers();');
  });

  it('states the filter and the averaging formula exactly as the engine uses them', () => {
    const [formula, matrix] = mathBlocks(source);
    expect(formula).toContain(`\\frac{1}{${KERNEL_SIZE * KERNEL_SIZE}}`);
    expect(formula).toContain(`\\sum_{u=0}^{${KERNEL_SIZE - 1}}`);
    expect(formula).toContain(`\\sum_{v=0}^{${KERNEL_SIZE - 1}}`);
    const body = matrix.match(/\\begin\{bmatrix\}([\s\S]*)\\end\{bmatrix\}/)?.[1] ?? '';
    const weights = body.split(/\\\\|&/).map((cell) => Number(cell.trim()));
    expect(weights).toEqual([...FILTER_PRESETS[0].weights]);
    expect(mathBlocks(source)).toHaveLength(2);
  });

  it('uses both widgets and the engine-source panel for the conv2d loops', () => {
    expect(source).toContain(`<ConvolutionStepper client:visible />`);
    expect(source).toContain(`<DepthDemo client:visible />`);
    expect(source).toMatch(/<EngineSource\s+file="ops\/conv2d\.ts"/);
    for (const name of ['conv2dForwardLoops', 'conv2dBackwardInputLoops', 'conv2dBackwardWeightLoops']) expect(source).toContain(`'${name}'`);
  });
});
