import { describe, expect, it } from 'vitest';
import { RunningStats, ThroughputMeter, argmaxRow, confusionAccuracy, emptyConfusion, softmaxRows } from '../../../src/training/metrics.ts';

describe('training metrics', () => {
  it('running stats weight each batch by its size and reset on take', () => {
    const stats = new RunningStats();
    stats.add(2, 10, 64);
    stats.add(1, 30, 32);
    expect(stats.count).toBe(96);
    const { loss, accuracy } = stats.take();
    expect(loss).toBeCloseTo((2 * 64 + 1 * 32) / 96, 12);
    expect(accuracy).toBeCloseTo(40 / 96, 12);
    expect(stats.count).toBe(0);
    expect(Number.isNaN(stats.take().loss)).toBe(true);
  });

  it('throughput follows the last few seconds of training and predicts the time left', () => {
    const meter = new ThroughputMeter(2);
    expect(meter.imagesPerSec).toBe(0);
    expect(meter.etaSeconds(100)).toBe(Infinity);
    for (let i = 0; i < 10; i++) meter.add(100, 1); // 100 images/s for 10 s
    expect(meter.imagesPerSec).toBeCloseTo(100, 9);
    for (let i = 0; i < 5; i++) meter.add(100, 0.5); // then 200 images/s
    expect(meter.imagesPerSec).toBeCloseTo(200, 9);
    expect(meter.etaSeconds(1000)).toBeCloseTo(5, 9);
    expect(meter.etaSeconds(0)).toBe(0);
    meter.add(10, 30); // one very slow step is kept even though it is longer than the window
    expect(meter.imagesPerSec).toBeCloseTo(10 / 30, 9);
  });

  it('softmax rows are stable for huge scores and give the cross-entropy of each label', () => {
    const logits = [1000, 1001, 1002, -5, 0, 5];
    const { probabilities, lossSum } = softmaxRows(logits, 2, 3, [2, 0]);
    const z = 1 + Math.exp(-1) + Math.exp(-2);
    expect(probabilities[2]).toBeCloseTo(1 / z, 6);
    expect(probabilities[0] + probabilities[1] + probabilities[2]).toBeCloseTo(1, 6);
    const row2 = Math.exp(-5) + 1 + Math.exp(5);
    expect(lossSum).toBeCloseTo(Math.log(z) + (Math.log(row2) + 5), 6);
  });

  it('argmax of a row takes the first of equal maxima; confusion accuracy is the diagonal share', () => {
    expect(argmaxRow([0, 3, 1, 3], 0, 4)).toBe(1);
    expect(argmaxRow([9, 9, 0, 2, 1], 2, 3)).toBe(1);
    const c = emptyConfusion(3);
    c[0][0] = 5;
    c[1][2] = 3;
    c[2][2] = 2;
    expect(confusionAccuracy(c)).toBeCloseTo(0.7, 12);
    expect(c[1]).toEqual([0, 0, 3]);
  });
});
