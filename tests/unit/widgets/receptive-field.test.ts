/**
 * The receptive-field formula, the engine's `summary`, and back-propagation
 * through the engine's conv2d must all tell the same story, on any stack.
 */
import { describe, expect, it } from 'vitest';
import { Random, listBackends, nn, summary, withBackend } from '../../../src/engine/index.ts';
import {
  featureMapSizes,
  nonzeroBox,
  receptiveFieldSize,
  receptiveFieldSpan,
  traceReceptiveField,
  type ConvLayerSpec,
} from '../../../src/geometry/receptive-field.ts';

const layer = (kernelSize: number, stride = 1, dilation = 1, padding = 0): ConvLayerSpec => ({
  kernelSize,
  stride,
  dilation,
  padding,
});

/**
 * An oracle that shares nothing with the code under test: walks down the stack
 * from one output position and collects every index a filter tap lands on, along
 * one axis, dropping taps that fall on padding.
 */
function reachable(sizes: number[], layers: ConvLayerSpec[], outIndex: number): Set<number>[] {
  const sets: Set<number>[] = new Array(sizes.length);
  sets[sizes.length - 1] = new Set([outIndex]);
  for (let l = layers.length - 1; l >= 0; l--) {
    const { kernelSize, stride, dilation, padding } = layers[l];
    const below = new Set<number>();
    for (const q of sets[l + 1]) {
      for (let t = 0; t < kernelSize; t++) {
        const i = q * stride - padding + t * dilation;
        if (i >= 0 && i < sizes[l]) below.add(i);
      }
    }
    sets[l] = below;
  }
  return sets;
}

/** A random stack that leaves at least a 1x1 output on a random input of at most 40 pixels. */
function randomStack(rng: Random): { inputSize: number; layers: ConvLayerSpec[] } {
  for (;;) {
    const depth = 1 + rng.int(5);
    const layers = Array.from({ length: depth }, () =>
      layer(1 + rng.int(7), 1 + rng.int(3), 1 + rng.int(3), rng.int(4)),
    );
    const inputSize = 4 + rng.int(37);
    try {
      featureMapSizes(inputSize, layers);
      return { inputSize, layers };
    } catch {
      // Too small for this stack: draw again.
    }
  }
}

/** The same stack as engine modules, for `summary`. */
function asModel(layers: ConvLayerSpec[]): nn.Sequential {
  return new nn.Sequential(
    ...layers.map(
      (l) =>
        new nn.Conv2d(1, 1, l.kernelSize, { stride: l.stride, padding: l.padding, dilation: l.dilation, bias: false }),
    ),
  );
}

describe('receptiveFieldSize (formula)', () => {
  it('gives the textbook values', () => {
    expect(receptiveFieldSize([layer(5)])).toBe(5);
    expect(receptiveFieldSize([layer(3), layer(3), layer(3)])).toBe(7);
    expect(receptiveFieldSize([layer(7)])).toBe(7);
    expect(receptiveFieldSize([layer(3, 1, 2)])).toBe(5);
    expect(receptiveFieldSize([layer(3, 1, 1), layer(3, 1, 2), layer(3, 1, 4)])).toBe(15);
    // A stride-2 layer doubles what every later tap is worth.
    expect(receptiveFieldSize([layer(3, 2), layer(3)])).toBe(7);
    expect(receptiveFieldSize([layer(1, 3)])).toBe(1);
  });

  it('places the field of an output neuron, padding included', () => {
    expect(receptiveFieldSpan([layer(3), layer(3), layer(3)], 0)).toEqual({ start: 0, end: 6 });
    expect(receptiveFieldSpan([layer(3, 1, 1, 1)], 0)).toEqual({ start: -1, end: 1 });
    expect(receptiveFieldSpan([layer(3, 2, 1, 1), layer(3, 1, 1, 1)], 2)).toEqual({ start: 1, end: 7 });
  });
});

describe('featureMapSizes', () => {
  it('follows the engine and names the layer that runs out of room', () => {
    expect(featureMapSizes(16, [layer(3), layer(3), layer(3)])).toEqual([16, 14, 12, 10]);
    expect(featureMapSizes(32, [layer(3, 2, 1, 1), layer(3, 1, 2, 2)])).toEqual([32, 16, 16]);
    expect(() => featureMapSizes(5, [layer(3), layer(3), layer(3)])).toThrow(/^layer 3: /);
  });
});

describe('nonzeroBox', () => {
  it('finds the rectangle around the nonzero cells', () => {
    const map = new Float32Array(16);
    map[1 * 4 + 2] = 3;
    map[3 * 4 + 1] = 0.5;
    expect(nonzeroBox(map, 4)).toEqual({ box: { top: 1, left: 1, bottom: 3, right: 2 }, count: 2 });
    expect(nonzeroBox(new Float32Array(9), 3)).toEqual({ box: null, count: 0 });
  });
});

for (const backend of listBackends()) {
  describe(`traceReceptiveField on ${backend}`, () => {
    it('sees 7x7 through three 3x3 layers, and 49 pixels of it', () =>
      withBackend(backend, () => {
        const trace = traceReceptiveField(16, [layer(3), layer(3), layer(3)], 5, 5);
        expect(trace.sizes).toEqual([16, 14, 12, 10]);
        expect(trace.inputBox).toEqual({ top: 5, left: 5, bottom: 11, right: 11 });
        expect(trace.inputPixels).toBe(49);
        // Path counts: the centre pixel is reachable in more ways than a corner.
        // Per axis the path counts are 1 3 6 7 6 3 1, so the centre has 7 * 7.
        expect(trace.grads[0][8 * 16 + 8]).toBe(49);
        expect(trace.grads[0][5 * 16 + 5]).toBe(1);
      }));

    it('leaves holes with dilation: a 3x3 filter at dilation 2 spans 5x5 but touches 9 pixels', () =>
      withBackend(backend, () => {
        const trace = traceReceptiveField(9, [layer(3, 1, 2)], 2, 2);
        expect(trace.inputBox).toEqual({ top: 2, left: 2, bottom: 6, right: 6 });
        expect(trace.inputPixels).toBe(9);
      }));

    it('agrees with the formula and an independent oracle on random stacks with stride, dilation and padding', () =>
      withBackend(backend, () => {
        const rng = new Random(2024);
        let inside = 0;
        let withStride = 0;
        let withDilation = 0;
        for (let trial = 0; trial < 60; trial++) {
          const { inputSize, layers } = randomStack(rng);
          if (layers.some((l) => l.stride > 1)) withStride++;
          if (layers.some((l) => l.dilation > 1)) withDilation++;
          const sizes = featureMapSizes(inputSize, layers);
          const last = sizes[sizes.length - 1];
          const r = receptiveFieldSize(layers);
          const picks = [
            [0, 0],
            [last - 1, last - 1],
            [Math.floor(last / 2), Math.floor((last - 1) / 2)],
            [rng.int(last), rng.int(last)],
          ];
          for (const [row, col] of picks) {
            const trace = traceReceptiveField(inputSize, layers, row, col);
            const rows = reachable(sizes, layers, row);
            const cols = reachable(sizes, layers, col);
            trace.grads.forEach((grad, m) => {
              const side = sizes[m];
              for (let i = 0; i < side; i++) {
                for (let j = 0; j < side; j++) {
                  const expected = rows[m].has(i) && cols[m].has(j);
                  if ((grad[i * side + j] !== 0) !== expected) {
                    throw new Error(
                      `stack ${JSON.stringify(layers)} on ${inputSize}, neuron (${row}, ${col}), map ${m}, cell (${i}, ${j}): gradient ${grad[i * side + j]}, oracle ${expected}`,
                    );
                  }
                }
              }
            });
            const rowSpan = receptiveFieldSpan(layers, row);
            const colSpan = receptiveFieldSpan(layers, col);
            const fits = (s: { start: number; end: number }) => s.start >= 0 && s.end < inputSize;
            if (fits(rowSpan) && fits(colSpan)) {
              // A field that lies wholly on the image spans exactly the formula's size.
              inside++;
              expect(trace.inputBox).toEqual({
                top: rowSpan.start,
                left: colSpan.start,
                bottom: rowSpan.end,
                right: colSpan.end,
              });
              expect(trace.inputBox!.bottom - trace.inputBox!.top + 1).toBe(r);
            } else if (trace.inputBox) {
              // Otherwise padding hides part of it, never more than the formula allows.
              expect(trace.inputBox.top).toBeGreaterThanOrEqual(rowSpan.start);
              expect(trace.inputBox.bottom).toBeLessThanOrEqual(rowSpan.end);
              expect(trace.inputBox.left).toBeGreaterThanOrEqual(colSpan.start);
              expect(trace.inputBox.right).toBeLessThanOrEqual(colSpan.end);
            }
          }
        }
        // The random stacks really did exercise every case.
        expect(inside).toBeGreaterThan(20);
        expect(withStride).toBeGreaterThan(20);
        expect(withDilation).toBeGreaterThan(20);
      }));

    it('rejects a neuron outside the output', () =>
      withBackend(backend, () => {
        expect(() => traceReceptiveField(8, [layer(3)], 6, 0)).toThrow(/outside the 6x6 output/);
      }));
  });
}

describe('summary', () => {
  it("reports the formula's receptive field for every layer of random stacks", () => {
    const rng = new Random(7);
    for (let trial = 0; trial < 40; trial++) {
      const { inputSize, layers } = randomStack(rng);
      const report = summary(asModel(layers), [1, 1, inputSize, inputSize]);
      const convRows = report.layers.filter((row) => row.type === 'Conv2d');
      expect(convRows).toHaveLength(layers.length);
      convRows.forEach((row, l) => {
        const side = receptiveFieldSize(layers.slice(0, l + 1));
        expect(row.receptiveField?.size).toEqual([side, side]);
      });
    }
  });
});
