// ready(): the fastest backend this runtime has becomes active (wasm in Node),
// and without WebAssembly SIMD (forced here by a WebAssembly.validate that says
// no) the engine stays on fast and everything still works. Each case imports a
// fresh copy of the engine, so its ready() starts from scratch.
import { afterEach, describe, expect, it, vi } from 'vitest';

type Engine = typeof import('../../../src/engine/index.ts');

async function freshEngine(): Promise<Engine> {
  vi.resetModules();
  return import('../../../src/engine/index.ts');
}

/** A few SGD steps of a small CNN on a fixed batch; returns the losses. */
function trainSteps(engine: Engine, steps: number): number[] {
  const { nn, optim, randn, crossEntropy } = engine;
  const model = new nn.Sequential(
    new nn.Conv2d(1, 4, 5, { padding: 2 }), new nn.Tanh(), new nn.MaxPool2d(2),
    new nn.Flatten(), new nn.Linear(4 * 7 * 7, 10),
  ).reseed(3);
  const images = randn([8, 1, 14, 14], { seed: 4 });
  const labels = Array.from({ length: 8 }, (_, i) => i % 10);
  const optimizer = new optim.SGD(model.parameters(), { lr: 0.05, momentum: 0.9 });
  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    optimizer.zeroGrad();
    const loss = crossEntropy(model.forward(images), labels);
    loss.backward();
    optimizer.step();
    losses.push(loss.item());
  }
  return losses;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ready()', () => {
  it('starts on fast, and makes wasm active once it resolves (Node has WebAssembly SIMD)', async () => {
    const engine = await freshEngine();
    expect(engine.getBackend().name).toBe('fast');
    const first = engine.ready();
    expect(engine.ready()).toBe(first);
    await first;
    expect(engine.getBackend().name).toBe('wasm');
    expect(engine.listBackends()).toEqual(['reference', 'fast', 'wasm']);
    // Training on wasm follows training on fast step for step, up to float32 rounding.
    const onWasm = trainSteps(engine, 8);
    const onFast = engine.withBackend('fast', () => trainSteps(engine, 8));
    expect(onWasm[7]).toBeLessThan(onWasm[0] / 2);
    onWasm.forEach((loss, i) => expect(loss).toBeCloseTo(onFast[i], 3));
  });

  it('picks the relaxed-SIMD build where it validates, and the plain SIMD build where only SIMD does', async () => {
    const real = WebAssembly.validate.bind(WebAssembly);
    let engine = await freshEngine();
    await engine.ready();
    expect((engine.getBackend() as unknown as { variant: string }).variant).toBe('relaxed');

    // The relaxed probe is the longer of the two tiny modules ready() validates.
    const probes: number[] = [];
    vi.spyOn(WebAssembly, 'validate').mockImplementation((bytes) => {
      const length = (bytes as Uint8Array).byteLength;
      probes.push(length);
      return length < 60 && real(bytes);
    });
    engine = await freshEngine();
    await engine.ready();
    expect(probes).toHaveLength(2);
    expect(engine.getBackend().name).toBe('wasm');
    expect((engine.getBackend() as unknown as { variant: string }).variant).toBe('simd');
    expect(trainSteps(engine, 3)).toHaveLength(3);
  });

  it('stays on fast where WebAssembly SIMD is missing, and everything works there', async () => {
    const validate = vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    const warn = vi.spyOn(console, 'warn');
    const engine = await freshEngine();
    await engine.ready();
    expect(validate).toHaveBeenCalled();
    expect(engine.getBackend().name).toBe('fast');
    expect(engine.listBackends()).toEqual(['reference', 'fast']);
    expect(warn).not.toHaveBeenCalled();
    const losses = trainSteps(engine, 8);
    expect(losses[7]).toBeLessThan(losses[0] / 2);
    const y = engine.conv2d(engine.ones([1, 1, 3, 3]), engine.ones([1, 1, 2, 2]));
    expect([...y.data]).toEqual([4, 4, 4, 4]);
  });

  it('stays on fast, with a console warning, when the kernels cannot be loaded', async () => {
    const fetchFails = vi.spyOn(WebAssembly, 'instantiate').mockRejectedValue(new Error('no such file'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const engine = await freshEngine();
    await expect(engine.ready()).resolves.toBeUndefined();
    expect(fetchFails).toHaveBeenCalled();
    expect(engine.getBackend().name).toBe('fast');
    expect(warn.mock.calls[0][0]).toMatch(/staying on the 'fast' backend \(no such file\)/);
  });

  it("keeps the module's memory flat over many training steps", async () => {
    const engine = await freshEngine();
    await engine.ready();
    const kernels = engine.getBackend() as unknown as { memoryBytes(): number };
    trainSteps(engine, 2);
    const after2 = kernels.memoryBytes();
    trainSteps(engine, 30);
    expect(kernels.memoryBytes()).toBe(after2);
  });
});
