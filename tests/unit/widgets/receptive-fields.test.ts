/**
 * The state and arithmetic behind lesson 3's widgets: URL round trips, fallbacks
 * for bad links, and the numbers each widget shows (all from the engine).
 */
import { describe, expect, it } from 'vitest';
import {
  PRESETS,
  defaultExplorerState,
  encodeExplorer,
  explore,
  formulaTerms,
  parseExplorer,
  withCentredNeuron,
} from '../../../components/widgets/receptive-fields/explorer-model.ts';
import {
  DEFAULT_PARAMS,
  compareParams,
  encodeParams,
  parseParams,
} from '../../../components/widgets/receptive-fields/params-model.ts';
import {
  DEFAULT_INPUT,
  DEFAULT_WEIGHTS,
  EDGES,
  encodeTiny,
  parseTiny,
  readValue,
  tinyOutputs,
} from '../../../components/widgets/receptive-fields/tiny-net-model.ts';

const query = (values: Record<string, string>) => new URLSearchParams(values);

describe('receptive-field explorer state', () => {
  it('starts with three 3x3 layers on 16x16 and the middle neuron of the 10x10 output', () => {
    const state = defaultExplorerState();
    expect(state.inputSize).toBe(16);
    expect(state.layers.map((l) => l.kernelSize)).toEqual([3, 3, 3]);
    expect([state.row, state.col]).toEqual([4, 4]);
    expect(parseExplorer(new URLSearchParams())).toEqual({ state, rejected: [] });
  });

  it('survives a round trip through the address bar', () => {
    const state = { ...withCentredNeuron(20, [...PRESETS.dilated.layers]), row: 1, col: 5 };
    expect(parseExplorer(query(encodeExplorer(state)))).toEqual({ state, rejected: [] });
  });

  it('falls back, and says which keys it ignored, for malformed or out-of-range values', () => {
    const bad = parseExplorer(query({ rfIn: '99', rfL: '3.1.1.0-9.1.1.0', rfAt: 'x' }));
    expect(bad.state.inputSize).toBe(16);
    expect(bad.state.layers).toEqual(defaultExplorerState().layers);
    expect(bad.rejected).toEqual(['rfIn', 'rfL', 'rfAt']);
    const outside = parseExplorer(query({ rfIn: '16', rfL: '3.1.1.0', rfAt: '14.0' }));
    expect(outside.rejected).toEqual(['rfAt']);
    expect([outside.state.row, outside.state.col]).toEqual([6, 6]);
    expect(parseExplorer(query({ rfL: '3.1.1.0-3.1.1.0-3.1.1.0-3.1.1.0-3.1.1.0-3.1.1.0' })).rejected).toEqual(['rfL']);
    expect(parseExplorer(query({ rfL: '3.1..0' })).rejected).toEqual(['rfL']);
  });

  it('shows 7x7 for three 3x3 layers, both by summary and by backward, and grows with dilation', () => {
    const result = explore(defaultExplorerState());
    if (!result.ok) throw new Error(result.message);
    expect(result.summarySides).toEqual([3, 5, 7]);
    expect(result.measuredSide).toBe(7);
    expect(result.clipped).toBe(false);
    expect(result.trace.inputPixels).toBe(49);

    const dilated = defaultExplorerState();
    dilated.layers[1].dilation = 2;
    const wider = explore(withCentredNeuron(dilated.inputSize, dilated.layers));
    if (!wider.ok) throw new Error(wider.message);
    expect(wider.summarySides.at(-1)).toBe(9);
    expect(wider.measuredSide).toBe(9);
    expect(formulaTerms(dilated.layers).map((t) => t.value)).toEqual([2, 4, 2]);
  });

  it('reports a field that hangs over the padding as clipped', () => {
    const state = withCentredNeuron(8, [{ kernelSize: 3, stride: 1, dilation: 1, padding: 1 }]);
    const corner = explore({ ...state, row: 0, col: 0 });
    if (!corner.ok) throw new Error(corner.message);
    expect(corner.clipped).toBe(true);
    expect(corner.measuredSide).toBeNull();
    expect(corner.trace.inputBox).toEqual({ top: 0, left: 0, bottom: 1, right: 1 });
  });

  it('turns a stack that does not fit into a message naming the layer', () => {
    const result = explore(withCentredNeuron(4, [...PRESETS.threeByThreeTimesThree.layers]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^layer 2: /);
  });
});

describe('parameter comparison', () => {
  it('counts 380 for the convolution and 12,046,160 for the fully connected layer on 32x32x3', () => {
    const c = compareParams(DEFAULT_PARAMS);
    expect(c.outSide).toBe(28);
    expect(c.outputs).toBe(3920);
    expect(c.conv).toBe(5 * (5 * 5 * 3 + 1));
    expect(c.fc).toBe(3920 * (3072 + 1));
    expect(c.local).toBe(3920 * 76);
    expect([c.convPerNeuron, c.fcPerNeuron]).toEqual([76, 3073]);
  });

  it('describes a layer of trillions of parameters without allocating it', async ({ annotate }) => {
    // Allocating 10^13 weights could not succeed, so getting the count proves nothing was
    // allocated; the time taken is recorded, never asserted.
    const started = performance.now();
    const c = compareParams({ inputSize: 224, channels: 64, kernelSize: 7, filters: 64 });
    expect(c.fc).toBe(218 * 218 * 64 * (224 * 224 * 64 + 1));
    await annotate(`compareParams took ${(performance.now() - started).toFixed(1)} ms`);
  });

  it('round-trips through the address bar and rejects values it does not offer', () => {
    const state = { inputSize: 64, channels: 1, kernelSize: 3, filters: 16 };
    expect(parseParams(query(encodeParams(state)))).toEqual({ state, rejected: [] });
    const bad = parseParams(query({ pcH: '30', pcC: 'three', pcF: '5', pcK: '64' }));
    expect(bad.state).toEqual({ ...DEFAULT_PARAMS, filters: 64 });
    expect(bad.rejected).toEqual(['pcH', 'pcC']);
  });
});

describe('tiny network', () => {
  it('wires each of the 4 outputs to 4 inputs through w1..w4, each weight once per output', () => {
    expect(EDGES).toHaveLength(16);
    for (let o = 0; o < 4; o++) {
      expect(EDGES.filter((e) => e.output === o).map((e) => e.weight)).toEqual([0, 1, 2, 3]);
    }
    expect(EDGES.filter((e) => e.output === 3).map((e) => e.input)).toEqual([4, 5, 7, 8]);
  });

  it('computes the outputs with the engine: diagonal pairs of 1..9', () => {
    expect(tinyOutputs(DEFAULT_INPUT, DEFAULT_WEIGHTS)).toEqual([6, 8, 12, 14]);
    expect(tinyOutputs([1, 2, 3, 4, 5, 6, 7, 8, 9], [0.5, -1, 2, 0])).toEqual([6.5, 8, 11, 12.5]);
  });

  it('reads typed values and links defensively', () => {
    expect(readValue(' 2.5 ')).toBe(2.5);
    expect(readValue('')).toBeNull();
    expect(readValue('abc')).toBeNull();
    expect(readValue('1e9')).toBeNull();
    const round = parseTiny(query(encodeTiny([9, 8, 7, 6, 5, 4, 3, 2, 1], [1, 2, 3, 4])));
    expect(round).toEqual({ input: [9, 8, 7, 6, 5, 4, 3, 2, 1], weights: [1, 2, 3, 4], rejected: [] });
    const bad = parseTiny(query({ tnX: '1,2,3', tnW: '1,0,0,NaN' }));
    expect(bad).toEqual({ input: [...DEFAULT_INPUT], weights: [...DEFAULT_WEIGHTS], rejected: ['tnX', 'tnW'] });
  });
});
