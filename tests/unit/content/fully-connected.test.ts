/**
 * Lesson 12 ("The fully connected head and the whole ConvNet") against the engine and
 * the syllabus. The prose prints its numbers from `lesson-numbers.ts`; this test pins
 * them to the syllabus's facts (the typical stack with N up to about 5 and K from 0 to
 * 2; the last volume flattened W×H×D into a vector; softmax class scores; smaller
 * filters, deeper stacks, all-convolutional nets; the worked CNN's shapes and its
 * flatten bug), checks them against independent arithmetic, and checks the widgets'
 * models: the builder's summary, its refusals and address, and the trained head.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { nn, softmax, summary, tensor } from '../../../src/engine/index.ts';
import { explore } from '../../../src/explorer/index.ts';
import { decodeCode } from '../../../components/explorer/address.ts';
import * as numbers from '../../../components/widgets/fully-connected/lesson-numbers.ts';
import {
  HIDDEN,
  LIMITS,
  TINY,
  TinyTrainer,
  decodeStack,
  defaultStack,
  encodeStack,
  pictures,
  traceHead,
  traceStack,
} from '../../../components/widgets/fully-connected/model.ts';
import type { StackConfig } from '../../../components/widgets/fully-connected/model.ts';
import { recipeText } from '../../../components/widgets/fully-connected/StackBuilder.tsx';
import { STRINGS } from '../../../components/widgets/fully-connected/strings/index.ts';
import { allExercises as EXERCISES } from '../../../src/exercises/catalog.ts';

const ok = (c: StackConfig) => {
  const r = traceStack(c);
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe('lesson 12: the typical stack (syllabus)', () => {
  it('the builder offers N up to 5 and K from 0 to 2, and M blocks', () => {
    expect(numbers.recipe.nMax).toBe(5);
    expect([numbers.recipe.kMin, numbers.recipe.kMax]).toEqual([0, 2]);
    expect(LIMITS.n).toEqual([1, 5]);
    expect(LIMITS.k).toEqual([0, 2]);
    expect(recipeText(defaultStack())).toBe('[(CONV-RELU)×2 − POOL]×3 − (FC-RELU)×1 − FC − SOFTMAX');
  });

  it('every layer of the recipe is in the traced stack, in order: conv-relu ×N, pool, ×M, flatten, fc-relu ×K, fc, softmax', () => {
    for (const n of [1, 3, 5]) {
      for (const k of [0, 1, 2]) {
        const r = ok({ ...defaultStack(), n, k, m: 2 });
        const kinds = r.rows.map((row) => row.role.kind);
        const block = [...Array(n).fill('conv'), 'pool'];
        expect(kinds).toEqual([...block, ...block, 'flatten', ...Array(k + 1).fill('fc'), 'softmax']);
        expect(r.rows.filter((row) => row.role.kind === 'conv').every((row) => row.relu)).toBe(true);
        expect(r.rows.filter((row) => row.role.kind === 'fc').map((row) => row.relu)).toEqual([...Array(k).fill(true), false]);
        expect(r.outputShape).toEqual([10]);
      }
    }
  });

  it('the starting stack: its shapes, parameters and MACs are the summary of the same PyTorch-style modules', () => {
    const b = numbers.base;
    const model = new nn.Sequential(
      new nn.Conv2d(3, 16, 3, { padding: 1 }), new nn.ReLU(), new nn.Conv2d(16, 16, 3, { padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2),
      new nn.Conv2d(16, 32, 3, { padding: 1 }), new nn.ReLU(), new nn.Conv2d(32, 32, 3, { padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2),
      new nn.Conv2d(32, 64, 3, { padding: 1 }), new nn.ReLU(), new nn.Conv2d(64, 64, 3, { padding: 1 }), new nn.ReLU(), new nn.MaxPool2d(2),
      new nn.Flatten(), new nn.Linear(1024, HIDDEN), new nn.ReLU(), new nn.Linear(HIDDEN, 10), new nn.Softmax({ dim: 1 }),
    );
    const s = summary(model, [1, 3, 32, 32]);
    expect(b.totalParams).toBe(s.totalParams);
    expect(b.totalMacs).toBe(s.totalMacs);
    expect(b.totalParams).toBe(204570);
    // Flatten W×H×D into a vector (syllabus): 64 maps of 4×4 give 1,024 numbers.
    expect([b.lastDepth, b.lastSide, b.flat]).toEqual([64, 4, 1024]);
    expect(b.flat).toBe(b.lastDepth * b.lastSide * b.lastSide);
    expect(b.fcParams).toBe((1024 + 1) * HIDDEN + (HIDDEN + 1) * 10);
    expect(b.fcPercent).toBe(Math.round((1000 * b.fcParams) / b.totalParams) / 10);
    expect(b.fcPercent).toBeGreaterThan(50);
  });

  it('a bigger picture grows only the FC layer', () => {
    expect(numbers.bigger.flat).toBe(64 * 16 * 16);
    expect(numbers.bigger.totalParams - numbers.base.totalParams).toBe(numbers.bigger.fcParams - numbers.base.fcParams);
    expect(numbers.bigger.fcPercent).toBeGreaterThan(numbers.base.fcPercent);
  });

  it('pooling a 1×1 map away: the engine names the pool of block 4 and says why', () => {
    expect(numbers.refusal).toMatchObject({ size: 8, m: 4, block: 4, type: 'MaxPool2d' });
    expect(numbers.refusal.message).toBe('Given input size: (128x1x1). Calculated output size: (128x0x0). Output size is too small');
    const r = traceStack({ ...defaultStack(), size: 8, m: 4 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      // The rows before the failing layer are shown, ending at the 1×1 map.
      expect(r.rows.at(-1)!.shape).toEqual([128, 1, 1]);
      expect(r.failedRole).toEqual({ kind: 'pool', block: 4 });
    }
  });

  it('the builder keeps its state in the address and rejects what it cannot use', () => {
    const c: StackConfig = { n: 4, m: 2, k: 0, size: 64, kernel: 5, downsample: 'stride', head: 'gap' };
    const params = new URLSearchParams();
    encodeStack(c, params);
    expect(decodeStack(params)).toEqual({ config: c, rejected: [] });
    const bad = decodeStack(new URLSearchParams('fcN=9&fcF=4&fcH=mlp&fcS=3'));
    expect(bad.config).toEqual(defaultStack());
    expect(bad.rejected).toEqual(['fcN', 'fcS', 'fcF', 'fcH']);
  });
});

describe('lesson 12: the trends (syllabus)', () => {
  it('smaller filters: two 3×3 layers see what one 5×5 sees, with fewer parameters and one more ReLU', () => {
    const s = numbers.smaller;
    expect([s.fieldOne, s.fieldTwo]).toEqual([5, 5]);
    expect(s.paramsOne).toBe(25 * 64 * 64 + 64);
    expect(s.paramsTwo).toBe(2 * (9 * 64 * 64 + 64));
    expect(s.paramsTwo).toBeLessThan(s.paramsOne);
    expect(numbers.bigFilters.field).toBe(numbers.base.field);
    expect(numbers.bigFilters.totalParams).toBeLessThan(numbers.base.totalParams);
  });

  it('all-convolutional: stride-2 convolutions instead of pools, a global average pool instead of FC layers', () => {
    const r = ok({ ...defaultStack(), downsample: 'stride', head: 'gap', k: 0 });
    expect(r.rows.some((row) => row.role.kind === 'pool' || row.role.kind === 'fc')).toBe(false);
    expect(r.rows.filter((row) => row.role.kind === 'conv' && row.role.stride === 2)).toHaveLength(3);
    expect(r.totalParams).toBe(numbers.allConv.totalParams);
    expect(numbers.allConv.fcParams).toBe(0);
    expect(numbers.allConv.totalParams).toBeLessThan(numbers.base.totalParams);
    expect(numbers.allConv.totalMacs).toBeLessThan(numbers.base.totalMacs);
    // The same weights on a bigger picture: nothing depends on its size.
    expect(ok({ ...defaultStack(), downsample: 'stride', head: 'gap', size: 96 }).totalParams).toBe(r.totalParams);
  });
});

describe('lesson 12: flatten, FC, softmax on the network trained in the page', () => {
  const trainer = new TinyTrainer().run();
  const pics = pictures();

  it('the last volume flattens into filters × side × side numbers, in the same order', () => {
    const tr = traceHead(trainer.model, pics[0].pixels);
    expect(tr.volume).toHaveLength(TINY.filters);
    expect(tr.flat).toEqual(tr.volume.flat());
    expect(numbers.head.flat).toBe(TINY.filters * numbers.head.side * numbers.head.side);
    expect(numbers.head.fc1Params).toBe(summary(new nn.Linear(numbers.head.flat, numbers.head.hidden), [1, numbers.head.flat]).totalParams);
  });

  it('softmax turns the class scores into probabilities that sum to one, keeping their order', () => {
    for (const p of pics) {
      const tr = traceHead(trainer.model, p.pixels);
      expect(tr.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(tr.probabilities).toEqual(Array.from(softmax(tensor(tr.logits, [1, 2]), 1).data as Float32Array));
      expect(tr.logits[0] > tr.logits[1]).toBe(tr.probabilities[0] > tr.probabilities[1]);
    }
  });

  it('training is seeded: the numbers the lesson prints are the page’s', () => {
    expect(numbers.head.steps).toBe(120);
    expect(numbers.head.pictures).toBe(12);
    expect(numbers.head.right).toBe(pics.filter((p) => {
      const tr = traceHead(trainer.model, p.pixels);
      return (tr.probabilities[0] >= tr.probabilities[1] ? 0 : 1) === p.label;
    }).length);
    expect(numbers.head.right).toBeGreaterThanOrEqual(11);
  });
});

describe('lesson 12: the worked PyTorch CNN and its flatten bug (syllabus)', () => {
  it('3×256×256 in, 32×32×32 before the Linear, 10 out; torch.flatten(x) fails with a batch of 2', () => {
    const b = numbers.bug;
    expect([b.input, b.c1, b.c2, b.classes]).toEqual([256, 16, 32, 10]);
    expect(b.maps).toBe('2×32×32×32');
    expect(b.inFeatures).toBe(32 * 32 * 32);
    expect(b.wrongLength).toBe(2 * 32 * 32 * 32);
    expect(b.message).toBe('mat1 and mat2 shapes cannot be multiplied (1x65536 and 32768x10)');
    expect(b.right).toBe('2×32768');
    expect(b.out).toBe('2×10');
  });

  it('the explorer link opens the explorer’s own lesson-12 example with a batch of 2, and the explorer flags the flatten line', () => {
    const file = readFileSync('src/explorer/examples/lesson12-cnn.py', 'utf8');
    expect(numbers.explorerSource).toBe(file);
    const url = new URL(numbers.explorerHref, 'https://example.org/en/lessons/fully-connected/');
    expect(url.pathname).toBe('/en/explorer/');
    expect(decodeCode(url.searchParams.get('code')!)).toBe(file);
    expect(url.searchParams.get('input')).toBe('2,3,256,256');
    const result = explore(file, { input: [2, 3, 256, 256] });
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    const flattenLine = file.split('\n').findIndex((l) => l.trim() === 'x = torch.flatten(x)') + 1;
    expect(flattenLine).toBeGreaterThan(0);
    expect(result.diagnostics.find((d) => d.severity === 'error')!.pytorch).toContain(numbers.bug.message);
    expect(result.diagnostics.some((d) => d.line === flattenLine)).toBe(true);
  });

  it('the lesson has at least three exercises, the flatten bug among them', () => {
    const ids = EXERCISES.filter((e) => e.lesson === 'fully-connected').map((e) => e.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    expect(ids).toContain('fully-connected/flatten-bug');
  });
});

describe('lesson 12 widget strings', () => {
  it('both languages name every row kind', () => {
    for (const t of [STRINGS.en, STRINGS.ko]) {
      for (const role of [{ kind: 'conv', block: 1, index: 2, stride: 2 }, { kind: 'pool', block: 3 }, { kind: 'fc', index: 1, last: false }, { kind: 'softmax' }] as const) {
        expect(t.role(role).length).toBeGreaterThan(0);
      }
    }
  });
});

describe('lesson 12 builder presets', () => {
  it('the presets are the lesson’s three stacks, and K does not tell two global-pool stacks apart', async () => {
    const { PRESETS, sameStack } = await import('../../../components/widgets/fully-connected/model.ts');
    expect(traceStack(PRESETS.classic()).ok && ok(PRESETS.classic()).totalParams).toBe(numbers.base.totalParams);
    expect(ok(PRESETS.bigFilters()).totalParams).toBe(numbers.bigFilters.totalParams);
    expect(ok(PRESETS.allConv()).totalParams).toBe(numbers.allConv.totalParams);
    expect(sameStack(PRESETS.allConv(), { ...PRESETS.allConv(), k: 2 })).toBe(true);
    expect(sameStack(PRESETS.classic(), { ...PRESETS.classic(), k: 2 })).toBe(false);
  });
});

describe('lesson 12 prose counts', () => {
  it('prints the engine’s counts grouped by thousands', () => {
    expect(numbers.text.baseParams).toBe('204,570');
    expect(numbers.text.inFeatures).toBe('32,768');
    expect(numbers.text.wrongLength).toBe('65,536');
    expect(numbers.text.allConvParams).toBe(numbers.allConv.totalParams.toLocaleString('en-US'));
    expect(numbers.text.smallerTwo).toBe(numbers.smaller.paramsTwo.toLocaleString('en-US'));
  });
});
