/** The convolution stepper's model: engine output, formatting and the URL format. */
import { describe, expect, it } from 'vitest';
import { conv2d, datasets, div, listBackends, tensor, withBackend } from '../../../src/engine/index.ts';
import {
  FILTER_PRESETS,
  MAX_FILTERS,
  OUTPUT_SIZE,
  POSITION_COUNT,
  QUERY_KEYS,
  X_IMAGE,
  computeFeatureMaps,
  cycleWeight,
  decodeState,
  defaultState,
  encodeFilters,
  encodeImage,
  encodeState,
  formatFraction,
  formatRounded,
  formatTruncated,
  nextPreset,
  tapsAt,
} from '../../../components/widgets/convolution/model.ts';
import type { Pixel, Weight } from '../../../components/widgets/convolution/model.ts';
import { DEPTH_FILTERS, depthVolume, landscape } from '../../../components/widgets/convolution/depth-model.ts';

describe('the picture', () => {
  it("is the engine's canonical X, not a second drawing of it", () => {
    expect([...X_IMAGE]).toEqual([...datasets.canonicalXo(0, 9)]);
  });
});

for (const backend of listBackends()) {
  describe(`feature maps on the ${backend} backend`, () => {
    it('stacks one 7x7 map per filter, each the engine conv2d / 9', () => {
      withBackend(backend, () => {
        const filters = FILTER_PRESETS.map((p) => p.weights);
        const maps = computeFeatureMaps(X_IMAGE, filters);
        expect(maps.shape).toEqual([1, filters.length, OUTPUT_SIZE, OUTPUT_SIZE]);
        const direct = conv2d(tensor(X_IMAGE, [1, 1, 9, 9]), tensor(filters.flat(), [filters.length, 1, 3, 3]));
        expect([...maps.sums]).toEqual([...direct.data]);
        expect([...maps.values]).toEqual([...div(direct, 9).data]);
      });
    });

    it('the nine taps add up to the engine sum at every position and filter', () => {
      withBackend(backend, () => {
        const image = X_IMAGE.map((p, i) => (i % 7 === 0 ? (-p as Pixel) : p));
        const filters: Weight[][] = [[1, 0, -1, 0, 1, 0, -1, 0, 1], [...FILTER_PRESETS[2].weights]];
        const maps = computeFeatureMaps(image, filters);
        filters.forEach((filter, k) => {
          for (let position = 0; position < POSITION_COUNT; position++) {
            const total = tapsAt(image, filter, position).reduce((s, tap) => s + tap.product, 0);
            expect(maps.sums[k * POSITION_COUNT + position]).toBe(total);
          }
        });
      });
    });

    it('the depth demo is 28x28x5 and each depth value is the dot product of one patch with one filter', () => {
      withBackend(backend, () => {
        const { shape, values } = depthVolume();
        expect(shape).toEqual([1, 5, 28, 28]);
        const picture = landscape();
        const [row, col] = [9, 17];
        DEPTH_FILTERS.forEach((filter, k) => {
          let dot = 0;
          for (let c = 0; c < 3; c++)
            for (let r = 0; r < 5; r++)
              for (let q = 0; q < 5; q++) dot += picture[c * 1024 + (row + r) * 32 + col + q] * filter.weights[c * 25 + r * 5 + q];
          expect(values[k * 784 + row * 28 + col]).toBeCloseTo(dot, 5);
        });
      });
    });
  });
}

describe('formatting', () => {
  it('rounds to two decimals with a real minus sign and never prints −0.00', () => {
    expect(formatRounded(7 / 9)).toBe('0.78');
    expect(formatRounded(-1 / 9)).toBe('\u22120.11');
    expect(formatRounded(1)).toBe('1.00');
    expect(formatRounded(-0.001)).toBe('0.00');
  });

  it('truncates like the source figure, robust to float32 representation', () => {
    expect(formatTruncated(Math.fround(7 / 9))).toBe('0.77');
    expect(formatTruncated(Math.fround(0.29))).toBe('0.29');
    expect(formatTruncated(Math.fround(-5 / 9))).toBe('\u22120.55');
  });

  it('writes the fraction over 9', () => {
    expect(formatFraction(7)).toBe('7/9');
    expect(formatFraction(-1)).toBe('\u22121/9');
  });
});

describe('editing', () => {
  it('cycles a weight 1 → −1 → 0 → 1', () => {
    expect([1, -1, 0].map((w) => cycleWeight(w as Weight))).toEqual([-1, 0, 1]);
  });

  it('offers each preset once, then nothing beyond MAX_FILTERS', () => {
    const filters: Weight[][] = [[...FILTER_PRESETS[0].weights]];
    while (filters.length < MAX_FILTERS) {
      const preset = nextPreset(filters);
      expect(preset).not.toBeNull();
      filters.push([...preset!]);
    }
    expect(filters.map((f) => f.join())).toEqual(FILTER_PRESETS.map((p) => p.weights.join()));
    expect(nextPreset(filters)).toBeNull();
  });

  it('after an edit, offers a preset that is not in the stack', () => {
    const edited: Weight[][] = [[0, 0, 0, 0, 1, 0, 0, 0, 0], [...FILTER_PRESETS[1].weights]];
    expect(nextPreset(edited)).toEqual(FILTER_PRESETS[0].weights);
  });
});

describe('URL state', () => {
  it('leaves the address clean for the default state', () => {
    expect(encodeState(defaultState(), new URLSearchParams('lang=en')).toString()).toBe('lang=en');
  });

  it('round-trips edits, filters, position and selected map, keeping other parameters', () => {
    const state = defaultState();
    state.image[40] = -1;
    state.filters.push([1, 0, -1, 1, 0, -1, 1, 0, -1]);
    state.position = 23;
    state.active = 1;
    const query = encodeState(state, new URLSearchParams('other=keep'));
    expect(query.get('other')).toBe('keep');
    expect(query.get(QUERY_KEYS.filters)).toBe(`${encodeFilters([FILTER_PRESETS[0].weights])}.10-10-10-`);
    const decoded = decodeState(new URLSearchParams(query.toString()));
    expect(decoded.problems).toEqual([]);
    expect(decoded.state).toEqual(state);
  });

  it('writes the picture as nine readable rows', () => {
    expect(encodeImage(X_IMAGE).split('.')).toEqual([
      '---------',
      '-1-----1-',
      '--1---1--',
      '---1-1---',
      '----1----',
      '---1-1---',
      '--1---1--',
      '-1-----1-',
      '---------',
    ]);
  });

  it('falls back to the default for each unreadable part and reports it', () => {
    const query = new URLSearchParams({
      [QUERY_KEYS.image]: '1-1',
      [QUERY_KEYS.filters]: '1---1---x',
      [QUERY_KEYS.at]: '49',
      [QUERY_KEYS.map]: '-1',
    });
    const { state, problems } = decodeState(query);
    expect(problems).toEqual(['image', 'filters', 'at', 'map']);
    expect(state).toEqual(defaultState());
  });

  it('refuses more filters than the widget can show, and a map index beyond the filters', () => {
    const tooMany = Array.from({ length: MAX_FILTERS + 1 }, () => '1---1---1').join('.');
    expect(decodeState(new URLSearchParams({ [QUERY_KEYS.filters]: tooMany })).problems).toEqual(['filters']);
    expect(decodeState(new URLSearchParams({ [QUERY_KEYS.map]: '1' })).problems).toEqual(['map']);
    expect(decodeState(new URLSearchParams({ [QUERY_KEYS.at]: '1e1' })).problems).toEqual(['at']);
  });
});
