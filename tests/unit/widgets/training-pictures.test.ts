/**
 * The dashboard's pictures and curves: colourings of maps and filters, the
 * hand-made filters (Sobel at 3x3) and the likeness measure, chart series
 * that stay small, the redraw throttle, the run-state reducer, confusion
 * shading, and number formats.
 */
import { describe, expect, it } from 'vitest';
import { divergingRgb } from '../../../components/kit/colors.ts';
import type { DivergingPalette } from '../../../components/kit/colors.ts';
import { bytesToRgba, divergingRgba, greyscaleRgba, maxAbs, padTo, stripShape, valueRange } from '../../../components/widgets/training/pixels.ts';
import { HANDMADE_KINDS, binomialRow, closestHandmade, correlation, handmadeFilter } from '../../../components/widgets/training/handmade.ts';
import { addSubsetPoint, addTestPoint, addTrainPoint, emptyHistory } from '../../../components/widgets/training/history.ts';
import { throttle } from '../../../components/widgets/training/throttle.ts';
import type { Timers } from '../../../components/widgets/training/throttle.ts';
import { applyEvent, initialRunState, runFraction } from '../../../components/widgets/training/run-state.ts';
import { confusionShades } from '../../../components/widgets/training/ConfusionMatrix.tsx';
import { duration, grouped, percent, shapeText } from '../../../components/widgets/training/format.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../../src/training/config.ts';
import type { ReadyEvent } from '../../../src/training/protocol.ts';

const palette: DivergingPalette = { negative: [0, 0, 255], zero: [240, 240, 240], positive: [255, 0, 0] };

describe('pixels', () => {
  it('greyscale runs from black at the minimum to white at the maximum', () => {
    const rgba = greyscaleRgba([-2, 0, 2, 1], 0, 4, -2, 2);
    expect(Array.from(rgba.filter((_, i) => i % 4 === 0))).toEqual([0, 128, 255, 191]);
    expect(Array.from(rgba.filter((_, i) => i % 4 === 3))).toEqual([255, 255, 255, 255]);
    // A flat filter has no contrast: mid-grey.
    expect(greyscaleRgba([3, 3], 0, 2, 3, 3)[0]).toBe(128);
  });

  it('diverging colours: zero neutral, the ends at ±scale, NaN (padding) neutral', () => {
    const rgba = divergingRgba([0, 1, -1, 0.5, Number.NaN], 0, 5, 1, palette);
    const px = (i: number) => Array.from(rgba.subarray(i * 4, i * 4 + 3));
    expect(px(0)).toEqual([240, 240, 240]);
    expect(px(1)).toEqual([255, 0, 0]);
    expect(px(2)).toEqual([0, 0, 255]);
    expect(px(3)).toEqual([...divergingRgb(0.5, 1, palette)]);
    expect(px(4)).toEqual([240, 240, 240]);
  });

  it('ranges skip non-finite values; flat layers are laid out nearly square', () => {
    expect(valueRange([Number.NaN, -1, 4, Number.POSITIVE_INFINITY])).toEqual({ min: -1, max: 4 });
    expect(valueRange([])).toEqual({ min: 0, max: 0 });
    expect(maxAbs([1, -3, 2], 1, 2)).toBe(3);
    expect(stripShape(400)).toEqual({ width: 20, height: 20 });
    expect(stripShape(120)).toEqual({ width: 11, height: 11 });
    expect(stripShape(10)).toEqual({ width: 4, height: 3 });
    const padded = padTo([1, 2, 3], 1, 2, 4);
    expect(Array.from(padded.subarray(0, 2))).toEqual([2, 3]);
    expect(Number.isNaN(padded[3])).toBe(true);
    expect(Array.from(bytesToRgba([7]))).toEqual([7, 7, 7, 255]);
  });
});

describe('hand-made filters', () => {
  it('at 3x3 the edge filters are Sobel’s', () => {
    expect(binomialRow(3)).toEqual([1, 2, 1]);
    expect(binomialRow(5)).toEqual([1, 4, 6, 4, 1]);
    expect(Array.from(handmadeFilter('vertical', 3))).toEqual([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
    expect(Array.from(handmadeFilter('horizontal', 3))).toEqual([-1, -2, -1, 0, 0, 0, 1, 2, 1]);
  });

  it('every hand-made filter ignores flat patches (sums to zero)', () => {
    for (const kind of HANDMADE_KINDS) {
      for (const size of [3, 5, 4]) {
        const sum = handmadeFilter(kind, size).reduce((a, b) => a + b, 0);
        expect(Math.abs(sum)).toBeLessThan(1e-5);
      }
    }
  });

  it('correlation: 1 for the same pattern, -1 with light and dark swapped, 0 for a flat filter', () => {
    const v = handmadeFilter('vertical', 5);
    const brighter = v.map((x) => 3 * x + 7);
    expect(correlation(v, brighter)).toBeCloseTo(1, 6);
    expect(correlation(v, v.map((x) => -x))).toBeCloseTo(-1, 6);
    expect(correlation(v, new Float32Array(25).fill(2))).toBe(0);
    expect(Math.abs(correlation(v, handmadeFilter('horizontal', 5)))).toBeLessThan(1e-6);
  });

  it('finds each hand-made filter among a layer’s filters, whatever its sign', () => {
    const size = 5;
    const filters = new Float32Array(3 * 25);
    filters.set(handmadeFilter('horizontal', size).map((x) => -2 * x), 0);
    filters.set(handmadeFilter('spot', size), 25);
    filters.set(handmadeFilter('diagonalUp', size), 50);
    const found = closestHandmade(filters, 3, size);
    expect(found.map((f) => f.kind)).toEqual(['horizontal', 'spot', 'diagonalUp']);
    expect(found[0].correlation).toBeCloseTo(-1, 6);
    expect(found[1].correlation).toBeCloseTo(1, 6);
  });
});

describe('history', () => {
  it('merges neighbouring points to stay under the limit, keeping the weighted means', () => {
    let h = emptyHistory();
    for (let step = 1; step <= 1000; step++) h = addTrainPoint(h, { epoch: step / 100, step, loss: step, accuracy: 0.5 }, 64);
    expect(h.train.length).toBeLessThanOrEqual(64);
    expect(h.train.reduce((n, p) => n + p.weight, 0)).toBe(1000);
    const meanLoss = h.train.reduce((s, p) => s + p.loss * p.weight, 0) / 1000;
    expect(meanLoss).toBeCloseTo(500.5, 6);
    expect(h.train.at(-1)!.step).toBe(1000);
    for (let i = 1; i < h.train.length; i++) expect(h.train[i].step).toBeGreaterThan(h.train[i - 1].step);
  });

  it('ignores non-finite points; a step backwards starts new curves; a test at the same step replaces the old one', () => {
    let h = addTrainPoint(emptyHistory(), { epoch: 0.1, step: 10, loss: 2, accuracy: 0.3 });
    h = addTestPoint(h, { epoch: 0.1, step: 10, loss: 2, accuracy: 0.3 });
    expect(addTrainPoint(h, { epoch: 0.2, step: 20, loss: Number.NaN, accuracy: 0.4 })).toBe(h);
    h = addTestPoint(h, { epoch: 0.1, step: 10, loss: 1.5, accuracy: 0.4 });
    expect(h.test).toEqual([{ epoch: 0.1, step: 10, loss: 1.5, accuracy: 0.4 }]);
    h = addSubsetPoint(h, { epoch: 0.1, step: 10, loss: 1.6, accuracy: 0.45 });
    expect(h.subset).toEqual([{ epoch: 0.1, step: 10, loss: 1.6, accuracy: 0.45 }]);
    expect(h.test).toHaveLength(1); // the sample's series and the whole set's are kept apart
    const fresh = addTrainPoint(h, { epoch: 0.01, step: 1, loss: 2.3, accuracy: 0.1 });
    expect(fresh.train).toHaveLength(1);
    expect(fresh.test).toEqual([]);
    expect(fresh.subset).toEqual([]);
  });
});

describe('throttle', () => {
  function fakeTimers() {
    let now = 0;
    const queue: { at: number; fn: () => void; id: number }[] = [];
    let nextId = 1;
    const timers: Timers = {
      now: () => now,
      setTimeout: (fn, ms) => {
        const id = nextId++;
        queue.push({ at: now + ms, fn, id });
        return id;
      },
      clearTimeout: (id) => {
        const i = queue.findIndex((q) => q.id === id);
        if (i >= 0) queue.splice(i, 1);
      },
    };
    const advance = (ms: number) => {
      now += ms;
      for (const due of queue.filter((q) => q.at <= now)) {
        queue.splice(queue.indexOf(due), 1);
        due.fn();
      }
    };
    return { timers, advance };
  }

  it('runs at once, then at most once per interval, always ending with a trailing call', () => {
    const { timers, advance } = fakeTimers();
    let calls = 0;
    const f = throttle(() => calls++, 250, timers);
    f();
    expect(calls).toBe(1);
    f();
    f();
    expect(calls).toBe(1);
    advance(249);
    expect(calls).toBe(1);
    advance(1);
    expect(calls).toBe(2);
    advance(1000);
    expect(calls).toBe(2);
    f();
    expect(calls).toBe(3);
  });

  it('flush runs the pending call now; cancel drops it', () => {
    const { timers, advance } = fakeTimers();
    let calls = 0;
    const f = throttle(() => calls++, 250, timers);
    f();
    f();
    f.flush();
    expect(calls).toBe(2);
    f();
    f.cancel();
    advance(1000);
    expect(calls).toBe(2);
  });
});

describe('run state', () => {
  const ready: ReadyEvent = {
    type: 'ready',
    config: structuredClone(DEFAULT_TRAIN_CONFIG),
    layers: [],
    totalParams: 61706,
    trainCount: 640,
    testCount: 100,
    stepsPerEpoch: 10,
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    inputShape: [1, 28, 28],
    step: 0,
  };

  it('folds status, downloads, progress and evaluations; a new run clears the curves', () => {
    let s = applyEvent(initialRunState(), { type: 'status', state: 'loading' });
    expect(s.download).toEqual({ loaded: 0, total: 0 });
    s = applyEvent(s, { type: 'dataProgress', loaded: 5, total: 10 });
    expect(s.download).toEqual({ loaded: 5, total: 10 });
    s = applyEvent(s, { type: 'status', state: 'idle' });
    expect(s.download).toBeNull();
    s = applyEvent(s, ready);
    s = applyEvent(s, { type: 'progress', epoch: 1, step: 5, stepsPerEpoch: 10, globalStep: 5, totalSteps: 20, imagesPerSec: 100, etaSeconds: 2, loss: 1.2, trainAcc: 0.6 });
    expect(s.globalStep).toBe(5);
    expect(runFraction(s)).toBe(0.25);
    expect(s.history.train).toEqual([{ epoch: 0.5, step: 5, loss: 1.2, accuracy: 0.6, weight: 1 }]);
    s = applyEvent(s, { type: 'evalResult', epoch: 0.5, globalStep: 5, testAcc: 0.7, testLoss: 1, confusion: [], misclassified: [], misclassifiedCount: 30 });
    expect(s.history.test).toHaveLength(1);
    expect(s.evaluation?.testAcc).toBe(0.7);
    s = applyEvent(s, { type: 'subsetResult', epoch: 0.7, globalStep: 7, testAcc: 0.75, testLoss: 0.9, count: 500 });
    expect(s.subset?.count).toBe(500);
    expect(s.history.subset).toEqual([{ epoch: 0.7, step: 7, loss: 0.9, accuracy: 0.75 }]);
    s = applyEvent(s, { ...ready, step: 0 });
    expect(s.history.train).toEqual([]);
    expect(s.history.subset).toEqual([]);
    expect(s.evaluation).toBeNull();
    expect(s.subset).toBeNull();
    expect(s.globalStep).toBe(0);
  });
});

describe('confusion shading', () => {
  it('shades right answers by their share of the row, mistakes against the largest mistake', () => {
    const shades = confusionShades([
      [8, 2, 0],
      [1, 9, 0],
      [0, 4, 0],
    ]);
    expect(shades[0]).toEqual([0.8, 0.5, 0]);
    expect(shades[1]).toEqual([0.25, 0.9, 0]);
    expect(shades[2]).toEqual([0, 1, 0]);
  });
});

describe('formats', () => {
  it('write numbers the reader’s way', () => {
    expect(grouped(61706, 'en')).toBe('61,706');
    expect(grouped(61706, 'ko')).toBe('61,706');
    expect(percent(0.98123, 2)).toBe('98.12%');
    expect(percent(Number.NaN)).toBe('–');
    expect(duration(3725, 'en')).toBe('1 h 02 min');
    expect(duration(187, 'en')).toBe('3 min 07 s');
    expect(duration(42, 'ko')).toBe('42초');
    expect(duration(187, 'ko')).toBe('3분 07초');
    expect(duration(Number.POSITIVE_INFINITY, 'en')).toBe('–');
    expect(shapeText([6, 28, 28])).toBe('6×28×28');
  });
});
