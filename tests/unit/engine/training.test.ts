// End to end: small CNNs learn a seeded synthetic task (horizontal vs vertical
// bars in noise) with SGD and with Adam, and a run is a pure function of its seed.
import { describe, expect, it } from 'vitest';
import { Random, Tensor, argmax, crossEntropy, listBackends, nn, noGrad, optim, withBackend } from '../../../src/engine/index.ts';

const SIZE = 8;

/** `n` noisy 1x8x8 pictures: label 0 has a horizontal bar, label 1 a vertical one, at a random place. */
function bars(rng: Random, n: number): { x: Tensor; y: number[] } {
  const x = new Float32Array(n * SIZE * SIZE);
  const y: number[] = [];
  for (let k = 0; k < n; k++) {
    const label = rng.int(2);
    const at = 1 + rng.int(SIZE - 2);
    const image = k * SIZE * SIZE;
    for (let i = 0; i < SIZE * SIZE; i++) x[image + i] = 0.3 * rng.normal();
    for (let j = 0; j < SIZE; j++) x[image + (label === 0 ? at * SIZE + j : j * SIZE + at)] += 1;
    y.push(label);
  }
  return { x: new Tensor(x, [n, 1, SIZE, SIZE]), y };
}

function convNet(): nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(1, 4, 3, { padding: 1 }),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Conv2d(4, 8, 3, { padding: 1 }),
    new nn.ReLU(),
    new nn.AdaptiveAvgPool2d(1),
    new nn.Flatten(),
    new nn.Linear(8, 2),
  );
}

function batchNormNet(): nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(1, 4, 3, { padding: 1 }),
    new nn.BatchNorm2d(4),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Flatten(),
    new nn.Dropout({ p: 0.2 }),
    new nn.Linear(64, 2),
  );
}

interface Run {
  losses: number[];
  accuracy: number;
  weights: number[][];
}

/** Trains `model` (seeded) for `steps` batches of 16, then measures accuracy on 128 held-out pictures. */
function train(model: nn.Module, makeOptimizer: (params: Tensor[]) => optim.Optimizer<object>, seed: number, steps: number): Run {
  model.reseed(seed);
  const optimizer = makeOptimizer(model.parameters());
  const data = new Random(seed + 1000);
  const losses: number[] = [];
  model.train();
  for (let step = 0; step < steps; step++) {
    const { x, y } = bars(data, 16);
    optimizer.zeroGrad();
    const loss = crossEntropy(model.forward(x), y);
    loss.backward();
    optimizer.step();
    losses.push(loss.item());
  }
  model.eval();
  const test = bars(new Random(999), 128);
  const predicted = noGrad(() => argmax(model.forward(test.x), 1));
  const correct = test.y.filter((label, i) => predicted[i] === label).length;
  return { losses, accuracy: correct / test.y.length, weights: model.parameters().map((p) => [...p.data]) };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

for (const backend of listBackends()) {
  describe(`training (${backend})`, () => {
    const run = <T>(fn: () => T): T => withBackend(backend, fn);

    it('a small CNN with SGD + momentum learns bars: the loss falls by 4x and held-out accuracy passes 95%', () =>
      run(() => {
        const result = train(convNet(), (p) => new optim.SGD(p, { lr: 0.1, momentum: 0.9 }), 1, 60);
        expect(mean(result.losses.slice(0, 5))).toBeGreaterThan(0.6); // chance level is ln 2 = 0.69
        expect(mean(result.losses.slice(-5))).toBeLessThan(mean(result.losses.slice(0, 5)) / 4);
        expect(result.accuracy).toBeGreaterThanOrEqual(0.95);
      }));

    it('BatchNorm + Dropout with Adam learns too, evaluated in eval mode', () =>
      run(() => {
        const result = train(batchNormNet(), (p) => new optim.Adam(p, { lr: 0.01 }), 1, 60);
        expect(mean(result.losses.slice(-5))).toBeLessThan(mean(result.losses.slice(0, 5)) / 4);
        expect(result.accuracy).toBeGreaterThanOrEqual(0.95);
      }));

    it('a run is determined by its seed: same seed, same losses and weights, bit for bit', () =>
      run(() => {
        const sgd = (p: Tensor[]) => new optim.SGD(p, { lr: 0.1, momentum: 0.9 });
        const a = train(batchNormNet(), sgd, 7, 15);
        const b = train(batchNormNet(), sgd, 7, 15);
        const c = train(batchNormNet(), sgd, 8, 15);
        expect(b.losses).toEqual(a.losses);
        expect(b.weights).toEqual(a.weights);
        expect(c.losses).not.toEqual(a.losses);
      }));
  });
}
