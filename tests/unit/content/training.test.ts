/**
 * Lesson 13's prose against the engine. Its numbers come from
 * `trainingNumbers()` (computed by the engine at build time); this test checks
 * them against plain arithmetic and the data, and that the widget labels the
 * prose quotes are the dashboard's real ones. Typed numbers and the two languages'
 * shared skeleton: tests/unit/content/lessons.test.ts. The quick-run claim (test
 * accuracy after a few hundred steps) is pinned by the browser test
 * tests/browser/lesson-training.spec.ts, which trains that run.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { datasets } from '../../../src/engine/index.ts';
import { checkFrontmatter } from '../../../src/site/lesson-schema.ts';
import { DEFAULT_STACK } from '../../../src/training/config.ts';
import { MNIST_TEST_COUNT, MNIST_TRAIN_COUNT, QUICK_RUN, trainingNumbers } from '../../../components/widgets/training/lesson-numbers.ts';
import { STRINGS } from '../../../components/widgets/training/strings/index.ts';
import type { Locale as Lang } from '../../../src/i18n/lessons.ts';
import { defaultSettings } from '../../../components/widgets/training/settings.ts';

const LANGS: Lang[] = ['en', 'ko'];

function source(lang: Lang): string {
  return readFileSync(path.join(process.cwd(), 'content', 'lessons', lang, 'training.mdx'), 'utf8');
}

function split(text: string): { frontmatter: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error('training.mdx: no frontmatter block');
  return { frontmatter: parse(match[1]) as Record<string, unknown>, body: match[2] };
}

const m = trainingNumbers();

describe('lesson 13 numbers, from the engine', () => {
  it('an untrained network’s loss is ln of the number of classes', () => {
    expect(m.classes).toBe(10);
    expect(m.initialLoss).toBeCloseTo(Math.log(10), 5);
  });

  it('max pooling routes each window’s gradient to its maximum; average pooling spreads it', () => {
    expect(m.maxOutput).toEqual([
      [6, 8],
      [3, 4],
    ]);
    const routed = m.poolInput.map((row, r) =>
      row.map((v, c) => {
        const wr = Math.floor(r / 2) * 2;
        const wc = Math.floor(c / 2) * 2;
        const window = [m.poolInput[wr][wc], m.poolInput[wr][wc + 1], m.poolInput[wr + 1][wc], m.poolInput[wr + 1][wc + 1]];
        return v === Math.max(...window) ? 1 : 0;
      }),
    );
    expect(m.maxGrad).toEqual(routed);
    expect(m.avgGrad.flat()).toEqual(Array(16).fill(0.25));
    expect(m.avgOutput).toEqual([
      [3.25, 5.25],
      [2, 2],
    ]);
  });

  it('a convolution’s weight gradient adds up the pixels each weight met, its input gradient the weights each pixel met', () => {
    const x = m.convInput;
    const w = m.convFilter;
    const positions = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    expect(m.convPositions).toBe(positions.length);
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        expect(m.convWeightGrad[i][j]).toBe(positions.reduce((s, [r, c]) => s + x[r + i][c + j], 0));
        expect(m.convOutput[i][j]).toBe(w.flat().reduce((s, wv, k) => s + wv * x[i + Math.floor(k / 2)][j + (k % 2)], 0));
      }
    }
    for (let r = 0; r < 3; r++) {
      for (let c = 0; c < 3; c++) {
        const met = positions.filter(([pr, pc]) => r - pr >= 0 && r - pr < 2 && c - pc >= 0 && c - pc < 2);
        expect(m.convInputGrad[r][c]).toBe(met.reduce((s, [pr, pc]) => s + w[r - pr][c - pc], 0));
      }
    }
  });

  it('momentum steps follow lr (1 - mu^k) / (1 - mu), towards 1 / (1 - mu) times the plain step', () => {
    m.momentumSteps.forEach((step, k) => expect(step).toBeCloseTo((m.lr * (1 - m.momentum ** (k + 1))) / (1 - m.momentum), 5));
    expect(m.momentumGain).toBe(10);
    expect(m.optimizerLr.momentum).toBeLessThan(m.optimizerLr.sgd);
  });

  it('the default stack and LeNet-5 have the parameters a hand count gives', () => {
    // conv 1->8 (5x5), conv 8->16 (5x5), 16x5x5 -> 64, 64 -> 10
    expect(m.stackParams).toBe(8 * (25 + 1) + 16 * (8 * 25 + 1) + (400 * 64 + 64) + (64 * 10 + 10));
    expect([m.stackFilters, m.stackKernel]).toEqual([8, 5]);
    expect(DEFAULT_STACK.layers[0]).toMatchObject({ type: 'conv', outChannels: m.stackFilters, kernelSize: m.stackKernel });
    expect(m.lenetParams).toBe(61706);
    expect(m.edgeDirections).toBe(4);
    expect(m.sobel).toEqual([
      [-1, 0, 1],
      [-2, 0, 2],
      [-1, 0, 1],
    ]);
  });

  it('MNIST has the sizes the prose states, and the epoch its number of steps', async () => {
    const [train, test] = await Promise.all([datasets.loadRaw('mnist', { split: 'train' }), datasets.loadRaw('mnist', { split: 'test' })]);
    expect([train.count, test.count]).toEqual([MNIST_TRAIN_COUNT, MNIST_TEST_COUNT]);
    expect(m.stepsPerEpoch).toBe(Math.ceil(train.count / m.batchSize));
    expect(m.quickFraction).toBe(Math.round((QUICK_RUN.steps / m.stepsPerEpoch) * 100));
  });

  it('the lesson’s dashboard starts from the stack the prose describes', () => {
    const settings = defaultSettings('training');
    expect(settings.arch).toBe('stack');
    expect(settings.layers.map((l) => l.type)).toEqual(['conv', 'activation', 'pool', 'conv', 'activation', 'pool', 'flatten', 'linear', 'activation', 'linear']);
  });
});

for (const lang of LANGS) {
  describe(`content/lessons/${lang}/training.mdx`, () => {
    const { frontmatter, body } = split(source(lang));
    const t = STRINGS[lang];

    it('has valid frontmatter for lesson 13, using the dashboard', () => {
      const checked = checkFrontmatter(frontmatter);
      expect(checked.ok).toBe(true);
      expect(frontmatter.order).toBe(13);
      expect(frontmatter.widgets).toEqual(['TrainingDashboard']);
      expect(body).toContain(`<TrainingDashboard client:visible lesson="training" />`);
      // The one number in the objectives is the ln 10 of an untrained loss.
      expect(JSON.stringify(frontmatter.objectives)).toContain(`ln ${m.classes}`);
    });

    it('quotes the dashboard’s real labels', () => {
      const quoted = [t.run.step, t.run.start, t.run.reset, t.stack.types.flatten, t.setup.datasetNames['fashion-mnist']];
      for (const label of quoted) expect(body).toContain(`**${label}**`);
      expect(body.replace(/\s+/g, ' ')).toContain(t.handmade.heading);
    });

    it('shows the engine’s own pooling backward passes', () => {
      expect(body).toContain(`<EngineSource file="ops/maxPool2d.ts" functions={['maxPool2dBackwardLoops']} />`);
      expect(body).toContain(`<EngineSource file="ops/avgPool2d.ts" functions={['avgPool2dBackwardLoops']} />`);
    });
  });
}
