// Optimisers against hand-worked steps and against float64 references written
// from PyTorch's documented update rules (torch.optim.SGD / torch.optim.Adam),
// plus groups, state dicts and PyTorch's argument errors.
import { describe, expect, it } from 'vitest';
import { Tensor, listBackends, mseLoss, nn, optim, tensor, withBackend } from '../../../src/engine/index.ts';
import { randomData, seeded } from './helpers/random.ts';

interface SgdConfig {
  lr: number;
  momentum?: number;
  dampening?: number;
  weightDecay?: number;
  nesterov?: boolean;
}

interface AdamConfig {
  lr?: number;
  betas?: [number, number];
  eps?: number;
  weightDecay?: number;
}

/** torch.optim.SGD's algorithm, in float64, one step. */
function sgdReferenceStep(w: Float64Array, g: ArrayLike<number>, buffer: { b: Float64Array | null }, c: SgdConfig): void {
  const { lr, momentum = 0, dampening = 0, weightDecay = 0, nesterov = false } = c;
  const d = Float64Array.from(g, (gi, i) => gi + weightDecay * w[i]);
  if (momentum !== 0) {
    if (buffer.b === null) buffer.b = Float64Array.from(d);
    else for (let i = 0; i < d.length; i++) buffer.b[i] = momentum * buffer.b[i] + (1 - dampening) * d[i];
    for (let i = 0; i < d.length; i++) d[i] = nesterov ? d[i] + momentum * buffer.b[i] : buffer.b[i];
  }
  for (let i = 0; i < w.length; i++) w[i] -= lr * d[i];
}

/** torch.optim.Adam's algorithm (amsgrad off), in float64, one step. */
function adamReferenceStep(
  w: Float64Array,
  g: ArrayLike<number>,
  s: { t: number; m: Float64Array; v: Float64Array },
  c: AdamConfig,
): void {
  const { lr = 1e-3, betas = [0.9, 0.999], eps = 1e-8, weightDecay = 0 } = c;
  s.t += 1;
  for (let i = 0; i < w.length; i++) {
    const d = g[i] + weightDecay * w[i];
    s.m[i] = betas[0] * s.m[i] + (1 - betas[0]) * d;
    s.v[i] = betas[1] * s.v[i] + (1 - betas[1]) * d * d;
    const mHat = s.m[i] / (1 - betas[0] ** s.t);
    const vHat = s.v[i] / (1 - betas[1] ** s.t);
    w[i] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
  }
}

/** Runs `steps` updates with seeded gradients on the engine and on the reference, comparing after each. */
function compareWithReference(
  makeOptimizer: (params: Tensor[]) => optim.Optimizer<object>,
  referenceStep: (w: Float64Array, g: Float32Array) => void,
  steps: number,
  seed: number,
): void {
  const rng = seeded(seed);
  const start = randomData(12, rng);
  const param = new Tensor(start.slice(), [3, 4], true);
  const reference = Float64Array.from(start);
  const optimizer = makeOptimizer([param]);
  for (let step = 0; step < steps; step++) {
    const grad = randomData(12, rng, { low: -2, high: 2 });
    param.grad = new Tensor(grad.slice(), [3, 4]);
    optimizer.step();
    referenceStep(reference, grad);
    for (let i = 0; i < 12; i++) {
      expect(Math.abs(param.data[i] - reference[i])).toBeLessThan(2e-6 * Math.max(1, Math.abs(reference[i])));
    }
  }
}

describe('SGD', () => {
  it('hand-worked steps: plain, momentum (buffer starts as the first gradient) and Nesterov', () => {
    const run = (config: SgdConfig, steps: number) => {
      const w = tensor([1], undefined, { requiresGrad: true });
      const opt = new optim.SGD([w], config);
      const out: number[] = [];
      for (let i = 0; i < steps; i++) {
        w.grad = tensor([1]);
        opt.step();
        out.push(Number(w.data[0].toFixed(6)));
      }
      return out;
    };
    expect(run({ lr: 0.1 }, 3)).toEqual([0.9, 0.8, 0.7]);
    // b1 = 1, b2 = 0.9 + 1 = 1.9, b3 = 1.71 + 1 = 2.71
    expect(run({ lr: 0.1, momentum: 0.9 }, 3)).toEqual([0.9, 0.71, 0.439]);
    // d1 = 1 + 0.9 * 1 = 1.9, d2 = 1 + 0.9 * 1.9 = 2.71
    expect(run({ lr: 0.1, momentum: 0.9, nesterov: true }, 2)).toEqual([0.81, 0.539]);
    // weight decay 0.5: d = 1 + 0.5 * 1 = 1.5
    expect(run({ lr: 0.1, weightDecay: 0.5 }, 1)).toEqual([0.85]);
  });

  const configs: SgdConfig[] = [
    { lr: 0.1 },
    { lr: 0.1, momentum: 0.9 },
    { lr: 0.05, momentum: 0.9, dampening: 0.3 },
    { lr: 0.1, momentum: 0.9, nesterov: true },
    { lr: 0.1, momentum: 0.5, weightDecay: 0.01 },
    { lr: 0.02, momentum: 0.99, nesterov: true, weightDecay: 0.1 },
  ];
  for (const [k, config] of configs.entries()) {
    it(`matches PyTorch's rule in float64 over 6 steps: ${JSON.stringify(config)}`, () => {
      const buffer = { b: null as Float64Array | null };
      compareWithReference((p) => new optim.SGD(p, config), (w, g) => sgdReferenceStep(w, g, buffer, config), 6, 100 + k);
    });
  }

  it('refuses bad hyper-parameters with PyTorch\'s messages', () => {
    const p = [tensor([1], undefined, { requiresGrad: true })];
    expect(() => new optim.SGD(p, { lr: -0.1 })).toThrow('Invalid learning rate: -0.1');
    expect(() => new optim.SGD(p, { lr: 0.1, momentum: -1 })).toThrow('Invalid momentum value: -1');
    expect(() => new optim.SGD(p, { lr: 0.1, weightDecay: -0.5 })).toThrow('Invalid weight_decay value: -0.5');
    expect(() => new optim.SGD(p, { lr: 0.1, nesterov: true })).toThrow('Nesterov momentum requires a momentum and zero dampening');
    expect(() => new optim.SGD(p, { lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true })).toThrow(
      'Nesterov momentum requires a momentum and zero dampening',
    );
    expect(() => new optim.SGD([], { lr: 0.1 })).toThrow('optimizer got an empty parameter list');
    expect(() => new optim.SGD([{ params: p }, { params: p }], { lr: 0.1 })).toThrow(
      'some parameters appear in more than one parameter group',
    );
    const nonLeaf = p[0].clone();
    expect(() => new optim.SGD([nonLeaf], { lr: 0.1 })).toThrow("can't optimize a non-leaf Tensor");
    expect(new optim.SGD(p).paramGroups[0].lr).toBe(1e-3); // PyTorch 2.x default
  });
});

describe('Adam', () => {
  it('hand-worked first step: bias correction makes it lr * g / (|g| + eps)', () => {
    const w = tensor([1, -1], undefined, { requiresGrad: true });
    const opt = new optim.Adam([w]);
    w.grad = tensor([2, -0.5]);
    opt.step();
    expect(w.data[0]).toBeCloseTo(1 - 0.001, 7);
    expect(w.data[1]).toBeCloseTo(-1 + 0.001, 7);
  });

  const configs: AdamConfig[] = [
    {},
    { lr: 0.01, betas: [0.8, 0.99] },
    { lr: 0.01, weightDecay: 0.1 },
    { lr: 0.1, eps: 1e-3 },
  ];
  for (const [k, config] of configs.entries()) {
    it(`matches PyTorch's rule in float64 over 8 steps: ${JSON.stringify(config)}`, () => {
      const state = { t: 0, m: new Float64Array(12), v: new Float64Array(12) };
      compareWithReference((p) => new optim.Adam(p, config), (w, g) => adamReferenceStep(w, g, state, config), 8, 200 + k);
    });
  }

  it('refuses bad hyper-parameters with PyTorch\'s messages', () => {
    const p = [tensor([1], undefined, { requiresGrad: true })];
    expect(() => new optim.Adam(p, { lr: -1 })).toThrow('Invalid learning rate: -1');
    expect(() => new optim.Adam(p, { eps: -1e-8 })).toThrow('Invalid epsilon value: -1e-8');
    expect(() => new optim.Adam(p, { betas: [1, 0.999] })).toThrow('Invalid beta parameter at index 0: 1');
    expect(() => new optim.Adam(p, { betas: [0.9, -0.1] })).toThrow('Invalid beta parameter at index 1: -0.1');
    expect(() => new optim.Adam(p, { weightDecay: -1 })).toThrow('Invalid weight_decay value: -1');
  });
});

describe('optimiser mechanics', () => {
  it('updates in place without recording a graph, and skips parameters without a gradient', () => {
    const a = tensor([1, 2], undefined, { requiresGrad: true });
    const b = tensor([3], undefined, { requiresGrad: true });
    const opt = new optim.SGD([a, b], { lr: 0.5, momentum: 0.9 });
    const data = a.data;
    a.grad = tensor([1, 1]);
    opt.step();
    expect(a.data).toBe(data);
    expect([...a.data]).toEqual([0.5, 1.5]);
    expect(a.isLeaf && a.requiresGrad).toBe(true);
    expect([...b.data]).toEqual([3]);
    expect(Object.keys(opt.stateDict().state)).toEqual(['0']); // b has no momentum buffer yet
    opt.zeroGrad();
    expect(a.grad).toBeNull();
  });

  it('parameter groups override the defaults', () => {
    const a = tensor([1], undefined, { requiresGrad: true });
    const b = tensor([1], undefined, { requiresGrad: true });
    const opt = new optim.SGD([{ params: [a] }, { params: [b], lr: 0.5 }], { lr: 0.1 });
    a.grad = tensor([1]);
    b.grad = tensor([1]);
    opt.step();
    expect([a.data[0], b.data[0]]).toEqual([Math.fround(0.9), 0.5]);
    opt.paramGroups[0].lr = 0.2; // a learning-rate schedule edits the group
    opt.step();
    expect(a.data[0]).toBeCloseTo(0.7, 6);
  });

  it('step(closure) evaluates the loss and returns it', () => {
    const w = tensor([0, 0], undefined, { requiresGrad: true });
    const target = tensor([1, -1]);
    const opt = new optim.SGD([w], { lr: 0.25 });
    const closure = () => {
      opt.zeroGrad();
      const loss = mseLoss(w, target);
      loss.backward();
      return loss;
    };
    expect(opt.step(closure)).toBeCloseTo(1, 6);
    expect([...w.data]).toEqual([0.25, -0.25]);
  });

  for (const backend of listBackends()) {
    it(`a state dict resumes training exactly (${backend})`, () =>
      withBackend(backend, () => {
        const makeModel = () => new nn.Sequential(new nn.Linear(4, 3, { seed: 1 }), new nn.Tanh(), new nn.Linear(3, 2, { seed: 2 }));
        const x = new Tensor(randomData(20, seeded(3)), [5, 4]);
        const y = new Tensor(randomData(10, seeded(4)), [5, 2]);
        const train = (model: nn.Module, opt: optim.Optimizer<object>, steps: number) => {
          for (let i = 0; i < steps; i++) {
            opt.zeroGrad();
            mseLoss(model.forward(x), y).backward();
            opt.step();
          }
        };
        const factories: ((p: Tensor[]) => optim.Optimizer<object>)[] = [
          (p: Tensor[]) => new optim.Adam(p, { lr: 0.01, weightDecay: 0.01 }),
          (p: Tensor[]) => new optim.SGD(p, { lr: 0.1, momentum: 0.9, nesterov: true }),
        ];
        for (const make of factories) {
          const straight = makeModel();
          const straightOpt = make(straight.parameters());
          train(straight, straightOpt, 6);

          const first = makeModel();
          const firstOpt = make(first.parameters());
          train(first, firstOpt, 3);
          const resumed = makeModel();
          resumed.loadStateDict(first.stateDict());
          const resumedOpt = make(resumed.parameters());
          resumedOpt.loadStateDict(firstOpt.stateDict());
          train(resumed, resumedOpt, 3);
          expect(resumed.parameters().map((p) => [...p.data])).toEqual(straight.parameters().map((p) => [...p.data]));
        }
      }));
  }

  it('loadStateDict refuses a different layout', () => {
    const a = tensor([1], undefined, { requiresGrad: true });
    const b = tensor([1], undefined, { requiresGrad: true });
    const saved = new optim.SGD([a, b], { lr: 0.1 }).stateDict();
    expect(() => new optim.SGD([a], { lr: 0.1 }).loadStateDict(saved)).toThrow(
      "loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
    );
    expect(() => new optim.SGD([{ params: [a] }, { params: [b] }], { lr: 0.1 }).loadStateDict(saved)).toThrow(
      'loaded state dict has a different number of parameter groups',
    );
  });
});
