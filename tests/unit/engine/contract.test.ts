// The public surface of src/engine/CONTRACT.md, name by name, through the barrel
// only (src/engine/index.ts), with the contract's own examples and defaults.
// Lessons, widgets and outside checks call exactly these names: renaming or
// dropping one, or changing a documented default, must fail here. And the file
// itself must list everything the barrel exports, and nothing it does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as engine from '../../../src/engine/index.ts';
import {
  Tensor,
  adaptiveAvgPool2d,
  add,
  avgPool2d,
  conv2d,
  conv2dGeometry,
  convOutputSize,
  crossEntropy,
  datasets,
  flatten,
  leakyRelu,
  linear,
  localResponseNorm,
  logSoftmax,
  maxPool2d,
  mean,
  models,
  mseLoss,
  mul,
  nn,
  ones,
  optim,
  pad,
  poolOutputSize,
  rand,
  randn,
  relu,
  reshape,
  rrelu,
  sigmoid,
  softmax,
  sum,
  summary,
  tanh,
  tensor,
  zeros,
} from '../../../src/engine/index.ts';

const flat = (t: Tensor) => [...t.data];

const ENGINE = join(import.meta.dirname, '../../../src/engine');
const CONTRACT = readFileSync(join(ENGINE, 'CONTRACT.md'), 'utf8');

/**
 * Every name the barrel exports, values and types, namespaces spelled out
 * ("conv2d", "Conv2dArgs", "nn.Conv2d", "nn.init.kaimingUniform"), as the
 * TypeScript compiler resolves index.ts (no lib: only the export lists matter).
 */
function exportedPaths(): string[] {
  const entry = join(ENGINE, 'index.ts');
  const program = ts.createProgram([entry], {
    noEmit: true,
    noLib: true,
    types: [],
    allowImportingTsExtensions: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  });
  const checker = program.getTypeChecker();
  const paths: string[] = [];
  const walk = (module: ts.Symbol, prefix: string) => {
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      paths.push(prefix + symbol.name);
      const declaration = target.valueDeclaration;
      if (declaration && ts.isSourceFile(declaration)) walk(target, `${prefix}${symbol.name}.`);
    }
  };
  walk(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!, '');
  return paths;
}

/** The leading name of every `code span` in the contract: "nn.Conv2d(3, 16, 3)" gives "nn.Conv2d". */
function documentedNames(): Set<string> {
  const names = [...CONTRACT.matchAll(/`([^`\n]+)`/g)].flatMap(([, span]) => span.match(/^(?:new )?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/)?.[1] ?? []);
  return new Set(names);
}

/** The name each list item of the contract starts with ("- `nn.Conv2d(...)`": "nn.Conv2d"). */
function listedNames(): string[] {
  return [...CONTRACT.matchAll(/^\s*- `(?:new )?([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)/gm)].map(([, name]) => name);
}

describe('CONTRACT.md describes the surface as built', () => {
  const exported = exportedPaths();

  it('the barrel exports what it did (sanity check of the compiler walk)', () => {
    expect(exported).toEqual(expect.arrayContaining(['conv2d', 'Conv2dArgs', 'nn.Conv2d', 'nn.init.kaimingUniform', 'datasets.xo', 'BackwardOptions']));
    expect(exported.length).toBeGreaterThan(250);
  });

  it('names every export, value or type', () => {
    const documented = documentedNames();
    expect(exported.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('lists nothing the barrel does not export', () => {
    const names = new Set(exported);
    expect(listedNames().filter((name) => !names.has(name))).toEqual([]);
    // Anywhere in the text, a name inside one of the namespaces must exist too.
    const namespaced = [...documentedNames()].filter((name) => /^(nn|optim|models|datasets)\./.test(name));
    expect(namespaced.length).toBeGreaterThan(100);
    expect(namespaced.filter((name) => !names.has(name))).toEqual([]);
  });

  it('states the differences from PyTorch the engine has', () => {
    for (const difference of ['float32 tensor', '`detach()` copies', 'retainGraph: true', 'One element type']) {
      expect(CONTRACT).toContain(difference);
    }
  });

  it('is the file index.ts points to', () => {
    expect(readFileSync(join(ENGINE, 'index.ts'), 'utf8')).toContain('CONTRACT.md');
  });
});
/** A [1, 1, h, w] tensor holding 0, 1, 2, ... row by row. */
const counting = (h: number, w: number) => tensor(Array.from({ length: h * w }, (_, i) => i), [1, 1, h, w]);

describe('the barrel exports every name of the contract', () => {
  it('functions, classes and namespaces', () => {
    const functions = [
      'tensor', 'zeros', 'ones', 'randn', 'rand', 'add', 'mul', 'sum', 'mean', 'reshape',
      'conv2d', 'maxPool2d', 'avgPool2d', 'adaptiveAvgPool2d', 'linear', 'flatten', 'pad',
      'relu', 'leakyRelu', 'rrelu', 'sigmoid', 'tanh', 'softmax', 'logSoftmax',
      'localResponseNorm', 'crossEntropy', 'mseLoss', 'convOutputSize', 'poolOutputSize', 'summary',
    ];
    const missing = functions.filter((name) => typeof (engine as Record<string, unknown>)[name] !== 'function');
    expect(missing).toEqual([]);
    const modules = [
      'Conv2d', 'MaxPool2d', 'AvgPool2d', 'AdaptiveAvgPool2d', 'Linear', 'ReLU', 'LeakyReLU', 'RReLU',
      'Sigmoid', 'Tanh', 'Flatten', 'Dropout', 'BatchNorm2d', 'LocalResponseNorm', 'Sequential',
      'BasicBlock', 'Bottleneck',
    ];
    expect(modules.filter((name) => typeof (nn as Record<string, unknown>)[name] !== 'function')).toEqual([]);
    expect([typeof optim.SGD, typeof optim.Adam]).toEqual(['function', 'function']);
    const zoo = ['lenet5', 'alexnet', 'vgg11', 'vgg16', 'vgg19', 'resnet18', 'resnet34', 'resnet50', 'miniAlexNet', 'miniVgg', 'miniResNet'];
    expect(zoo.filter((name) => typeof (models as Record<string, unknown>)[name] !== 'function')).toEqual([]);
    expect([typeof datasets.mnist, typeof datasets.fashionMnist, typeof datasets.xo]).toEqual(['function', 'function', 'function']);
  });
});

describe('tensors', () => {
  it('Tensor: shape, contiguous float32 data, requiresGrad, grad, backward, toArray, item', () => {
    const x = tensor([[1, 2], [3, 4]], undefined, { requiresGrad: true });
    expect(x).toBeInstanceOf(Tensor);
    expect(x.shape).toEqual([2, 2]);
    expect(x.data).toBeInstanceOf(Float32Array);
    expect(flat(x)).toEqual([1, 2, 3, 4]);
    expect([x.requiresGrad, x.grad]).toEqual([true, null]);
    // backward() without a gradient only for one element, as in PyTorch.
    sum(mul(x, x)).backward();
    expect(x.grad!.toArray()).toEqual([[2, 4], [6, 8]]);
    expect(() => mul(x, 2).backward()).toThrow('grad can be implicitly created only for scalar outputs');
    x.grad = null;
    mul(x, 3).backward(ones([2, 2]));
    expect(x.grad!.toArray()).toEqual([[3, 3], [3, 3]]);
    expect(tensor([7]).item()).toBe(7);
  });

  it('creation: tensor(values, shape?, { requiresGrad }), zeros, ones, randn / rand with { seed }', () => {
    expect(tensor([1, 2, 3, 4, 5, 6], [2, 3]).toArray()).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(tensor(Float32Array.of(1, 2)).shape).toEqual([2]);
    expect(tensor([1], [1]).requiresGrad).toBe(false);
    expect(flat(zeros([2, 3]))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(flat(ones([3]))).toEqual([1, 1, 1]);
    // Same seed, same numbers; another seed, other numbers.
    expect(flat(randn([64], { seed: 3 }))).toEqual(flat(randn([64], { seed: 3 })));
    expect(flat(randn([64], { seed: 3 }))).not.toEqual(flat(randn([64], { seed: 4 })));
    const u = rand([1000], { seed: 5 });
    expect(flat(u)).toEqual(flat(rand([1000], { seed: 5 })));
    expect(Math.min(...u.data)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...u.data)).toBeLessThan(1);
  });

  it('backward(grad, { retainGraph: true }) allows one more walk; without it a second walk throws', () => {
    const x = tensor([[1, 2], [3, 4]], undefined, { requiresGrad: true });
    const y = mul(x, 3);
    y.backward(ones([2, 2]), { retainGraph: true });
    y.backward(ones([2, 2]));
    expect(x.grad!.toArray()).toEqual([[6, 6], [6, 6]]);
    expect(() => y.backward(ones([2, 2]))).toThrow('Trying to backward through the graph a second time');
  });

  it('tensor() refuses what is not a number; ops refuse what is not a tensor', () => {
    expect(() => tensor(['a'] as never)).toThrow("tensor: expected a number at [0], but got string 'a'");
    expect(() => relu([1, 2] as never)).toThrow("relu(): argument 'input' (position 1) must be Tensor, not Array");
    expect(() => maxPool2d(zeros([1, 1, 2, 2]), undefined as never)).toThrow("maxPool2d() missing 1 required argument: 'kernelSize'");
  });

  it('add, mul, sum, mean, reshape carry gradients', () => {
    const a = tensor([1, 2, 3, 4], [2, 2], { requiresGrad: true });
    const y = mean(add(reshape(a, [4]), tensor([10])));
    expect(y.item()).toBeCloseTo(12.5, 6);
    y.backward();
    expect(flat(a.grad!)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });
});

describe('functional ops, with the documented options and defaults', () => {
  it('conv2d: stride, padding (number, pair, valid, same), dilation, groups, paddingMode', () => {
    const x = ones([1, 1, 5, 5]);
    const w = ones([1, 1, 3, 3]);
    expect(conv2d(x, w).shape).toEqual([1, 1, 3, 3]);
    expect(conv2d(x, w, null, { padding: 'valid' }).shape).toEqual([1, 1, 3, 3]);
    expect(conv2d(x, w, null, { padding: 'same' }).shape).toEqual([1, 1, 5, 5]);
    expect(conv2d(x, w, null, { padding: [1, 0] }).shape).toEqual([1, 1, 5, 3]);
    expect(conv2d(x, w, null, { stride: 2, padding: 1 }).shape).toEqual([1, 1, 3, 3]);
    expect(conv2d(x, w, null, { stride: [2, 1] }).shape).toEqual([1, 1, 2, 3]);
    expect(flat(conv2d(x, w, null, { dilation: 2 }))).toEqual([9]);
    expect(conv2d(ones([1, 4, 5, 5]), ones([6, 2, 3, 3]), null, { groups: 2 }).shape).toEqual([1, 6, 3, 3]);
    // The corner window holds 4 real pixels: zeros pads 0, replicate repeats the 1s.
    expect(conv2d(x, w, ones([1]), { padding: 1 }).data[0]).toBe(5);
    expect(conv2d(x, w, null, { padding: 1, paddingMode: 'zeros' }).data[0]).toBe(4);
    expect(conv2d(x, w, null, { padding: 1, paddingMode: 'replicate' }).data[0]).toBe(9);
    expect(conv2d(x, w, null, { padding: 1, paddingMode: 'reflect' }).data[0]).toBe(9);
    expect(conv2d(x, w, null, { padding: 1, paddingMode: 'circular' }).data[0]).toBe(9);
  });

  it('maxPool2d: stride defaults to kernelSize; padding, dilation, ceilMode', () => {
    const x = tensor([[[[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]]]]);
    expect(maxPool2d(x, { kernelSize: 2 }).toArray()).toEqual([[[[6, 8], [3, 4]]]]);
    expect(maxPool2d(x, { kernelSize: 2, stride: 1 }).shape).toEqual([1, 1, 3, 3]);
    expect(maxPool2d(x, { kernelSize: 3, stride: 1, padding: 1 }).shape).toEqual([1, 1, 4, 4]);
    // Taps (0,0), (0,2), (2,0), (2,2) hold 1, 2, 3, 1.
    expect(flat(maxPool2d(x, { kernelSize: 2, dilation: 2 }))).toEqual([3]);
    expect(maxPool2d(counting(5, 5), { kernelSize: 2 }).shape).toEqual([1, 1, 2, 2]);
    expect(maxPool2d(counting(5, 5), { kernelSize: 2, ceilMode: true }).shape).toEqual([1, 1, 3, 3]);
  });

  it('avgPool2d: countIncludePad defaults to true; ceilMode and divisorOverride', () => {
    const x = ones([1, 1, 2, 2]);
    // The corner window holds 1 pixel and 3 padded zeros.
    expect(avgPool2d(x, { kernelSize: 2, stride: 1, padding: 1 }).data[0]).toBe(0.25);
    expect(avgPool2d(x, { kernelSize: 2, stride: 1, padding: 1, countIncludePad: false }).data[0]).toBe(1);
    expect(avgPool2d(x, { kernelSize: 2, stride: 1, padding: 1, divisorOverride: 2 }).data[0]).toBe(0.5);
    expect(avgPool2d(counting(5, 5), { kernelSize: 2 }).shape).toEqual([1, 1, 2, 2]);
    expect(avgPool2d(counting(5, 5), { kernelSize: 2, ceilMode: true }).shape).toEqual([1, 1, 3, 3]);
  });

  it('adaptiveAvgPool2d(input, outputSize), linear(input, weight, bias?)', () => {
    expect(flat(adaptiveAvgPool2d(counting(4, 4), 1))).toEqual([7.5]);
    expect(adaptiveAvgPool2d(counting(5, 7), [2, 3]).shape).toEqual([1, 1, 2, 3]);
    const y = linear(ones([2, 3]), ones([4, 3]), tensor([0, 1, 2, 3]));
    expect(y.toArray()).toEqual([[3, 4, 5, 6], [3, 4, 5, 6]]);
    expect(linear(ones([2, 3]), ones([4, 3])).shape).toEqual([2, 4]);
  });

  it('flatten starts at dimension 0 by default (PyTorch), so the batch is merged too', () => {
    const x = zeros([2, 3, 4]);
    expect(flatten(x).shape).toEqual([24]);
    expect(flatten(x, 1).shape).toEqual([2, 12]);
    expect(flatten(x, 0, 1).shape).toEqual([6, 4]);
  });

  it('pad(input, pads, mode)', () => {
    const x = tensor([[[1, 2, 3]]]);
    expect(flat(pad(x, [1, 1]))).toEqual([0, 1, 2, 3, 0]);
    expect(flat(pad(x, [2, 1], 'reflect'))).toEqual([3, 2, 1, 2, 3, 2]);
    expect(flat(pad(x, [1, 1], 'replicate'))).toEqual([1, 1, 2, 3, 3]);
    expect(flat(pad(x, [1, 1], 'circular'))).toEqual([3, 1, 2, 3, 1]);
  });

  it('activations: relu, leakyRelu (slope 0.01), rrelu, sigmoid, tanh, softmax, logSoftmax', () => {
    expect(flat(relu(tensor([-2, 0, 3])))).toEqual([0, 0, 3]);
    expect(flat(leakyRelu(tensor([-100, 5])))).toEqual([-1, 5]);
    expect(flat(leakyRelu(tensor([-100]), 0.2))).toEqual([-20]);
    // Evaluation: the mean slope; training: one seeded slope per element in [lower, upper].
    expect(rrelu(tensor([-2]), { lower: 0.1, upper: 0.3 }).item()).toBeCloseTo(-0.4, 6);
    const trained = rrelu(tensor([-1, -1, -1]), { lower: 0.1, upper: 0.3, training: true, seed: 4 });
    expect(flat(trained)).toEqual(flat(rrelu(tensor([-1, -1, -1]), { lower: 0.1, upper: 0.3, training: true, seed: 4 })));
    expect(flat(trained).every((v) => v <= -0.1 && v >= -0.3)).toBe(true);
    expect([sigmoid(tensor([0])).item(), tanh(tensor([0])).item()]).toEqual([0.5, 0]);
    const s = softmax(tensor([[1, 2, 3], [0, 0, 0]]), 1);
    expect(flat(sum(s, 1))).toEqual([1, 1].map((v) => expect.closeTo(v, 6)));
    expect(flat(s).slice(3)).toEqual([1 / 3, 1 / 3, 1 / 3].map((v) => expect.closeTo(v, 6)));
    expect(logSoftmax(tensor([[0, 0]]), 1).data[0]).toBeCloseTo(-Math.LN2, 6);
  });

  it('localResponseNorm(x, size, { alpha, beta, k }): alpha is divided by size', () => {
    // One channel holding 2; size 2: the window's sum of squares is 4, times alpha / size = 1/2.
    expect(localResponseNorm(tensor([2], [1, 1, 1]), 2, { alpha: 1, beta: 1, k: 1 }).item()).toBeCloseTo(2 / 3, 6);
    // Defaults alpha 1e-4, beta 0.75, k 1.
    expect(localResponseNorm(tensor([10], [1, 1, 1]), 1).item()).toBeCloseTo(10 / (1 + 1e-4 * 100) ** 0.75, 5);
  });

  it('crossEntropy(logits [N, C], Int32Array | number[]) is the mean; mseLoss', () => {
    expect(crossEntropy(zeros([2, 3]), [0, 2]).item()).toBeCloseTo(Math.log(3), 6);
    expect(crossEntropy(tensor([[2, 0, 0]]), Int32Array.of(0)).item()).toBeCloseTo(-Math.log(Math.exp(2) / (Math.exp(2) + 2)), 6);
    expect(mseLoss(tensor([1, 2, 3]), tensor([1, 0, 0])).item()).toBeCloseTo(13 / 3, 6);
  });
});

describe('shape arithmetic', () => {
  it('convOutputSize(inSize, { kernelSize, stride = 1, padding = 0, dilation = 1 })', () => {
    expect(convOutputSize(32, { kernelSize: 5 })).toBe(28);
    expect(convOutputSize(224, { kernelSize: 7, stride: 2, padding: 3 })).toBe(112);
    expect(convOutputSize(7, { kernelSize: 3, dilation: 2 })).toBe(3);
    expect(() => convOutputSize(2, { kernelSize: 3 })).toThrow("Kernel size can't be greater than actual input size");
  });

  it('conv2dGeometry(inputShape, weightShape, args?, biasShape?)', () => {
    expect(conv2dGeometry([1, 3, 32, 32], [16, 3, 5, 5]).outputShape).toEqual([1, 16, 28, 28]);
    expect(conv2dGeometry([1, 1, 7, 7], [1, 1, 4, 4], { padding: 'same' }).padding).toEqual([1, 2, 1, 2]);
  });

  it('poolOutputSize(inSize, { kernelSize, stride = kernelSize, padding = 0, dilation = 1, ceilMode = false })', () => {
    expect(poolOutputSize(224, { kernelSize: 2 })).toBe(112);
    expect(poolOutputSize(5, { kernelSize: 2 })).toBe(2);
    expect(poolOutputSize(5, { kernelSize: 2, ceilMode: true })).toBe(3);
    expect(poolOutputSize(55, { kernelSize: 3, stride: 2 })).toBe(27);
    expect(() => poolOutputSize(8, { kernelSize: 3, padding: 2 })).toThrow('pad should be at most half of effective kernel size');
  });
});

describe('nn modules: PyTorch constructor order and defaults, and the Module interface', () => {
  it("the contract's examples", () => {
    const conv = new nn.Conv2d(3, 16, 3, { stride: 2, padding: 1 });
    expect(conv.forward(zeros([1, 3, 32, 32])).shape).toEqual([1, 16, 16, 16]);
    expect(conv.parameters().map((p) => p.shape)).toEqual([[16, 3, 3, 3], [16]]);
    expect(new nn.MaxPool2d(2).forward(zeros([1, 1, 28, 28])).shape).toEqual([1, 1, 14, 14]);
    expect(new nn.MaxPool2d(3, { stride: 2 }).forward(zeros([1, 1, 55, 55])).shape).toEqual([1, 1, 27, 27]);
    expect(new nn.Linear(400, 120).namedParameters().map(([name, p]) => [name, p.shape])).toEqual([
      ['weight', [120, 400]],
      ['bias', [120]],
    ]);
    expect(flat(new nn.LeakyReLU({ negativeSlope: 0.2 }).forward(tensor([-10])))).toEqual([-2]);
    expect(flat(new nn.LeakyReLU().forward(tensor([-100])))).toEqual([-1]);
    // nn.Flatten keeps the batch (start 1), unlike flatten().
    expect(new nn.Flatten().forward(zeros([2, 3, 4])).shape).toEqual([2, 12]);
  });

  it('every other module of the contract runs forward', () => {
    const x = randn([2, 4, 6, 6], { seed: 1 });
    expect(new nn.AvgPool2d(2).forward(x).shape).toEqual([2, 4, 3, 3]);
    expect(new nn.AdaptiveAvgPool2d(1).forward(x).shape).toEqual([2, 4, 1, 1]);
    expect(new nn.ReLU().forward(x).shape).toEqual([2, 4, 6, 6]);
    expect(new nn.RReLU().eval().forward(tensor([-48])).item()).toBeCloseTo(-11, 5);
    expect(new nn.Sigmoid().forward(tensor([0])).item()).toBe(0.5);
    expect(new nn.Tanh().forward(tensor([0])).item()).toBe(0);
    expect(flat(new nn.Dropout({ p: 0.5 }).eval().forward(tensor([1, 2])))).toEqual([1, 2]);
    expect(new nn.BatchNorm2d(4).forward(x).shape).toEqual([2, 4, 6, 6]);
    expect(new nn.LocalResponseNorm(5, { alpha: 1e-4, beta: 0.75, k: 2 }).forward(x).shape).toEqual([2, 4, 6, 6]);
    const seq = new nn.Sequential(new nn.Conv2d(4, 8, 3, { padding: 1 }), new nn.ReLU(), new nn.Flatten());
    expect(seq.forward(x).shape).toEqual([2, 8 * 36]);
    expect(new nn.BasicBlock(4, 4).forward(x).shape).toEqual([2, 4, 6, 6]);
    // A bottleneck widens to 4 * planes and projects the shortcut to match.
    expect(new nn.Bottleneck(4, 2).forward(x).shape).toEqual([2, 8, 6, 6]);
  });

  it('train / eval, stateDict / loadStateDict', () => {
    const a = new nn.Sequential(new nn.Conv2d(1, 2, 3, { seed: 1 }), new nn.BatchNorm2d(2));
    const b = new nn.Sequential(new nn.Conv2d(1, 2, 3, { seed: 2 }), new nn.BatchNorm2d(2));
    expect(a.training).toBe(true);
    expect(a.eval().training).toBe(false);
    expect(a.train().training).toBe(true);
    const state = a.stateDict();
    expect(Object.keys(state)).toEqual(
      expect.arrayContaining(['0.weight', '0.bias', '1.weight', '1.bias', '1.running_mean', '1.running_var']),
    );
    b.loadStateDict(state);
    expect(b.parameters().map(flat)).toEqual(a.parameters().map(flat));
  });
});

describe('optimisers', () => {
  it('SGD(params, { lr, momentum?, weightDecay?, nesterov? }): step and zeroGrad', () => {
    const w = tensor([1], [1], { requiresGrad: true });
    const sgd = new optim.SGD([w], { lr: 0.1 });
    expect(sgd.paramGroups[0]).toMatchObject({ lr: 0.1, momentum: 0, weightDecay: 0, nesterov: false });
    sum(mul(w, w)).backward(); // dw = 2
    sgd.step();
    expect(w.item()).toBeCloseTo(0.8, 6);
    sgd.zeroGrad();
    expect(w.grad === null || flat(w.grad).every((v) => v === 0)).toBe(true);
    expect(new optim.SGD([w], { lr: 0.1, momentum: 0.9, weightDecay: 1e-4, nesterov: true }).paramGroups[0].nesterov).toBe(true);
  });

  it('Adam(params, { lr?, betas?, eps?, weightDecay? }): defaults 1e-3, [0.9, 0.999], 1e-8, 0', () => {
    const w = tensor([1], [1], { requiresGrad: true });
    const adam = new optim.Adam([w]);
    expect(adam.paramGroups[0]).toMatchObject({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 });
    sum(mul(w, w)).backward();
    adam.step();
    // The first Adam step moves every parameter by about lr, against its gradient.
    expect(w.item()).toBeCloseTo(1 - 1e-3, 6);
    adam.zeroGrad();
  });
});

describe('model zoo and summary', () => {
  // torchvision's published parameter counts (1000 classes); LeNet-5 with 10.
  const zoo: [string, () => engine.nn.Module, number[], number][] = [
    ['lenet5', () => models.lenet5(), [1, 1, 32, 32], 61_706],
    ['alexnet', () => models.alexnet(), [1, 3, 224, 224], 61_100_840],
    ['vgg11', () => models.vgg11(), [1, 3, 224, 224], 132_863_336],
    ['vgg16', () => models.vgg16(), [1, 3, 224, 224], 138_357_544],
    ['vgg19', () => models.vgg19(), [1, 3, 224, 224], 143_667_240],
    ['resnet18', () => models.resnet18(), [1, 3, 224, 224], 11_689_512],
    ['resnet34', () => models.resnet34(), [1, 3, 224, 224], 21_797_672],
    ['resnet50', () => models.resnet50(), [1, 3, 224, 224], 25_557_032],
  ];
  for (const [name, build, input, params] of zoo) {
    it(`${name}() summarises to ${params.toLocaleString('en')} parameters`, () => {
      const result = summary(build(), input);
      expect(result.totalParams).toBe(params);
      expect(result.outputShape).toEqual([1, name === 'lenet5' ? 10 : 1000]);
    });
  }

  it('every builder takes { numClasses }', () => {
    expect(summary(models.resnet18({ numClasses: 10 }), [1, 3, 224, 224]).outputShape).toEqual([1, 10]);
    expect(summary(models.alexnet({ numClasses: 7 }), [1, 3, 224, 224]).outputShape).toEqual([1, 7]);
    expect(summary(models.lenet5({ numClasses: 4 }), [1, 1, 32, 32]).outputShape).toEqual([1, 4]);
  });

  it('small variants train on 28x28 / 32x32 input', () => {
    expect(models.miniAlexNet({ seed: 1 }).forward(zeros([1, 1, 28, 28])).shape).toEqual([1, 10]);
    expect(models.miniVgg({ seed: 1 }).forward(zeros([1, 3, 32, 32])).shape).toEqual([1, 10]);
    expect(models.miniResNet({ seed: 1 }).forward(zeros([1, 3, 32, 32])).shape).toEqual([1, 10]);
  });

  it('summary(models.vgg16(), [1, 3, 224, 224]) returns the documented fields without allocating', () => {
    const vgg = models.vgg16();
    const result = summary(vgg, [1, 3, 224, 224]);
    expect(vgg.isAllocated()).toBe(false);
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['layers', 'totalParams', 'trainableParams', 'totalMacs']));
    expect(result.trainableParams).toBe(138_357_544);
    expect(result.totalMacs).toBeGreaterThan(15e9);
    const first = result.layers[0];
    expect(first).toMatchObject({ name: 'features.0', type: 'Conv2d', outputShape: [1, 64, 224, 224], params: 1792 });
    expect(first.receptiveField!.size).toEqual([3, 3]);
    expect(first.macs).toBe(224 * 224 * 64 * 27);
  });
});

describe('datasets', () => {
  it('mnist, fashionMnist and the X/O generator return { images, labels, count, shape }', async () => {
    for (const load of [datasets.mnist, datasets.fashionMnist]) {
      const set = await load({ split: 'test', limit: 4 });
      expect(set.images).toBeInstanceOf(Float32Array);
      expect(set.labels).toBeInstanceOf(Uint8Array);
      expect([set.count, set.shape, set.images.length, set.labels.length]).toEqual([4, [1, 28, 28], 4 * 784, 4]);
    }
    expect([...datasets.canonicalXo(0)]).toEqual([...datasets.xo({ count: 1 }).images]);
    const xo = datasets.xo({ count: 4 });
    expect([xo.count, xo.shape, [...xo.labels]]).toEqual([4, [1, 9, 9], [0, 1, 0, 1]]);
    expect(xo.images).toBeInstanceOf(Float32Array);
  });
});
