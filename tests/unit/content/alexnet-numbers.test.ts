import { describe, expect, it } from 'vitest';
import * as n from '../../../components/widgets/alexnet/lesson-numbers.ts';

describe('lesson 15 numbers, from the engine', () => {
  it("torchvision's AlexNet has exactly 61,100,840 parameters", () => {
    expect(n.torchvision.totalParams).toBe(61_100_840);
  });
  it('the two-GPU original has 60,965,224; one tower 62,378,344', () => {
    expect(n.original.totalParams).toBe(60_965_224);
    expect(n.originalOneTower.totalParams).toBe(62_378_344);
    expect(n.splitSaving).toBe(62_378_344 - 60_965_224);
  });
  it('227 gives conv1 a 55x55 output; 224 does not divide evenly', () => {
    expect(n.conv1Out).toBe(55);
    expect(n.workingSteps.exact).toBe(true);
    expect(n.figureSteps.exact).toBe(false);
  });
  it('the original ends in 1000 class scores with conv1 at 96x55x55', () => {
    expect(n.original.layers.at(-1)!.shape).toEqual([1000]);
    expect(n.original.layers.find((l) => l.type === 'Conv2d')!.shape).toEqual([96, 55, 55]);
  });
});
