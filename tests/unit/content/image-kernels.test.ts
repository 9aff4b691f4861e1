/**
 * Lesson 10 ("Image kernels") against the engine and the syllabus: the prose's numbers,
 * the presets (edge kernels sum to zero, blurs and emboss to one, the emboss turned
 * through eight directions), the lab's filtering by the engine's conv2d in colour
 * (depthwise) and gray, the worked window of one output pixel against the engine's
 * output under every padding mode, stride and dilation, the address, and the checks
 * on the reader's files.
 */
import { describe, expect, it } from 'vitest';
import { conv2d, noGrad, tensor } from '../../../src/engine/index.ts';
import * as numbers from '../../../components/widgets/image-kernels/lesson-numbers.ts';
import {
  EMBOSS_DIRECTIONS,
  PADDING_MODES,
  applyKernel,
  binomialRow,
  decodeSettings,
  defaultSettings,
  embossKernel,
  encodeSettings,
  inputPlanes,
  presetKernel,
  resizeKernel,
  sourceIndex,
  windowAt,
} from '../../../src/training/kernel-lab/model.ts';
import type { LabSettings, Pixels } from '../../../src/training/kernel-lab/model.ts';
import { MAX_PIXELS, classifyFile, workingSize } from '../../../components/widgets/image-kernels/picture-input.ts';
import { firstLayerFilters, labWeights } from '../../../src/training/kernel-lab/learned.ts';
import { buildModel } from '../../../src/training/architecture.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../../src/training/config.ts';
import type { TrainConfig } from '../../../src/training/config.ts';
import { exportWeights } from '../../../src/training/weights.ts';
import { STRINGS } from '../../../components/widgets/image-kernels/strings/index.ts';

/** A small picture with every channel different, so colour mistakes show. */
function picture(width: number, height: number, seed = 1): Pixels {
  const data = new Uint8ClampedArray(width * height * 4);
  let x = seed;
  for (let i = 0; i < data.length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    data[i] = i % 4 === 3 ? 255 : x % 256;
  }
  return { data, width, height };
}

describe('lesson 10 numbers, computed by the engine', () => {
  it('an edge kernel answers an edge and ignores a flat patch; a blur keeps brightness (syllabus: edge, blur, Sobel)', () => {
    expect(numbers.edge.sobelX).toBe((numbers.bright - numbers.dark) * 4);
    expect(numbers.edge.sobelY).toBe(0);
    expect(numbers.edge.identity).toBe(numbers.dark);
    expect(numbers.edge.outline).toBe(8 * numbers.dark - 5 * numbers.dark - 3 * numbers.bright);
    expect(numbers.flat).toEqual({ value: 10, outline: 0, sharpen: 10, emboss: 10, box: 10 });
    expect(numbers.sums).toEqual({ outline: 0, 'sobel-x': 0, 'sobel-y': 0, emboss: 1, sharpen: 1, 'box-blur': 1, 'gaussian-blur': 1 });
  });

  it('colour is a depthwise convolution: 27 weights for three channels instead of 81', () => {
    expect(numbers.depthwise).toEqual({ k: 3, channels: 3, perChannel: 9, weights: 27, fullWeights: 81 });
  });

  it('the cat photograph keeps its size at stride 1 with padding 1 and halves (rounded up) at stride 2', () => {
    expect(numbers.cat).toEqual({ width: 451, height: 300, stride: 2, w1: 451, h1: 300, w2: 226, h2: 150 });
    expect(numbers.gaussian).toEqual({ middle: 4, edge: 2, corner: 1, divisor: 16 });
  });
});

describe('presets', () => {
  it('the emboss turns through eight different directions, each a turn of the south-east one', () => {
    const all = EMBOSS_DIRECTIONS.map((d) => embossKernel(d).join(','));
    expect(new Set(all).size).toBe(8);
    expect(embossKernel('se')).toEqual([-2, -1, 0, -1, 1, 1, 0, 1, 2]);
    expect(embossKernel('nw')).toEqual([2, 1, 0, 1, 1, -1, 0, -1, -2]);
    expect(embossKernel('e')).toEqual([-1, 0, 1, -2, 1, 2, -1, 0, 1]);
    for (const d of EMBOSS_DIRECTIONS) expect(embossKernel(d).reduce((s, v) => s + v, 0)).toBe(1);
  });

  it('blurs take odd sizes up to 7 with binomial (Gaussian) or flat weights summing to their divisor', () => {
    expect(binomialRow(5)).toEqual([1, 4, 6, 4, 1]);
    for (const size of [3, 5, 7]) {
      for (const p of ['box-blur', 'gaussian-blur'] as const) {
        const k = presetKernel(p, 'se', size);
        expect(k.size).toBe(size);
        expect(k.weights.reduce((s, v) => s + v, 0)).toBe(k.divisor);
      }
    }
    expect(presetKernel('box-blur', 'se', 4).size).toBe(3);
  });

  it('resizing keeps the weights around the middle', () => {
    const big = resizeKernel(presetKernel('identity', 'se'), 5);
    expect(big.weights[12]).toBe(1);
    expect(big.weights.reduce((s, v) => s + v, 0)).toBe(1);
    expect(resizeKernel(big, 3).weights).toEqual(presetKernel('identity', 'se').weights);
  });
});

describe('filtering by the engine', () => {
  const px = picture(9, 7);

  it('colour runs the kernel on each channel alone (depthwise, groups = 3)', () => {
    const s: LabSettings = { ...defaultSettings(), preset: 'sobel-x', kernel: presetKernel('sobel-x', 'se') };
    const r = applyKernel(px, s);
    if (!r.ok) throw new Error(r.message);
    expect(r.channels).toBe(3);
    const planes = inputPlanes(px, 'colour').data;
    const n = px.width * px.height;
    for (let c = 0; c < 3; c++) {
      const one = noGrad(() =>
        conv2d(tensor(planes.slice(c * n, (c + 1) * n), [1, 1, 7, 9]), tensor([-1, 0, 1, -2, 0, 2, -1, 0, 1], [1, 1, 3, 3]), null, { padding: 1 }),
      );
      expect(Array.from(r.raw.slice(c * n, (c + 1) * n))).toEqual(Array.from(one.data));
    }
    // The picture shown is the sums clamped to bytes.
    expect(r.rgba[0]).toBe(Math.max(0, Math.min(255, Math.round(r.raw[0]))));
  });

  it('gray mixes the channels to luma first, then filters one channel', () => {
    const s: LabSettings = { ...defaultSettings(), mode: 'gray', preset: 'identity', kernel: presetKernel('identity', 'se') };
    const r = applyKernel(px, s);
    if (!r.ok) throw new Error(r.message);
    expect(r.channels).toBe(1);
    const d = px.data;
    expect(r.raw[0]).toBeCloseTo(0.299 * d[0] + 0.587 * d[1] + 0.114 * d[2], 3);
    expect(r.rgba[0]).toBe(r.rgba[1]);
  });

  it('the worked window of any output pixel sums to the engine’s output, in every padding mode, stride and dilation', () => {
    for (const paddingMode of PADDING_MODES) {
      for (const [stride, dilation, padding, size] of [[1, 1, 1, 3], [2, 1, 2, 5], [1, 2, 2, 3], [3, 3, 3, 3], [1, 1, 0, 2]]) {
        for (const mode of ['colour', 'gray'] as const) {
          const kernel = { size, weights: Array.from({ length: size * size }, (_, i) => ((i * 7) % 5) - 2), divisor: 3 };
          const s: LabSettings = { ...defaultSettings(), preset: 'custom', kernel, mode, stride, dilation, padding, paddingMode };
          const r = applyKernel(px, s);
          if (!r.ok) throw new Error(`${paddingMode} ${stride} ${dilation}: ${r.message}`);
          const planes = inputPlanes(px, mode);
          for (let c = 0; c < r.channels; c++) {
            for (let row = 0; row < r.height; row++) {
              for (let col = 0; col < r.width; col++) {
                const w = windowAt(planes, px.width, px.height, s, row, col, c);
                expect(w.sum).toBeCloseTo(r.raw[c * r.width * r.height + row * r.width + col], 2);
              }
            }
          }
        }
      }
    }
  });

  it('reflect and circular padding map positions as PyTorch does', () => {
    expect([-2, -1, 0, 4, 5, 6].map((i) => sourceIndex(i + 2, 5, 2, 'reflect'))).toEqual([2, 1, 0, 4, 3, 2]);
    expect([-2, -1, 5, 6].map((i) => sourceIndex(i + 2, 5, 2, 'circular'))).toEqual([3, 4, 0, 1]);
    expect([-2, 6].map((i) => sourceIndex(i + 2, 5, 2, 'replicate'))).toEqual([0, 4]);
    expect(sourceIndex(0, 5, 2, 'zeros')).toBeNull();
  });

  it('the engine’s refusal comes back as its message, not an exception', () => {
    const s: LabSettings = { ...defaultSettings(), preset: 'custom', kernel: presetKernel('box-blur', 'se', 7), padding: 0, dilation: 3 };
    const r = applyKernel(picture(5, 5), s);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
  });
});

describe('the address', () => {
  it('round-trips every setting, including a custom kernel and its divisor', () => {
    const s: LabSettings = {
      preset: 'custom',
      emboss: 'nw',
      kernel: { size: 2, weights: [1, -2.5, 0, 3], divisor: 4 },
      mode: 'gray',
      stride: 2,
      padding: 3,
      paddingMode: 'circular',
      dilation: 2,
    };
    const params = new URLSearchParams('other=1');
    encodeSettings(s, params);
    expect(params.get('other')).toBe('1');
    expect(decodeSettings(params)).toEqual({ settings: s, rejected: [] });
    const emboss = { ...defaultSettings(), preset: 'emboss' as const, emboss: 'w' as const, kernel: presetKernel('emboss', 'w') };
    const p2 = new URLSearchParams();
    encodeSettings(emboss, p2);
    expect(decodeSettings(p2).settings).toEqual(emboss);
    const blur = { ...defaultSettings(), preset: 'gaussian-blur' as const, kernel: presetKernel('gaussian-blur', 'se', 7), padding: 3 };
    const p3 = new URLSearchParams();
    encodeSettings(blur, p3);
    expect(decodeSettings(p3).settings).toEqual(blur);
    const plain = new URLSearchParams();
    encodeSettings(defaultSettings(), plain);
    expect(plain.toString()).toBe('');
  });

  it('names every key it cannot use and keeps the defaults for them', () => {
    const r = decodeSettings(new URLSearchParams('ikP=sepia&ikS=9&ikPm=mirror&ikE=up&ikM=cmyk&ikD=0&ikPd=x'));
    expect(r.rejected.sort()).toEqual(['ikD', 'ikE', 'ikM', 'ikP', 'ikPd', 'ikPm', 'ikS']);
    expect(r.settings).toEqual(defaultSettings());
    expect(decodeSettings(new URLSearchParams('ikP=custom&ikK=1,2,3')).rejected).toEqual(['ikK']);
    expect(decodeSettings(new URLSearchParams('ikP=custom&ikK=1,2,3,4&ikDv=0')).rejected).toEqual(['ikDv']);
    expect(decodeSettings(new URLSearchParams(`ikP=custom&ikK=${new Array(64).fill(1).join(',')}`)).rejected).toEqual(['ikK']);
  });
});

describe('the reader’s pictures', () => {
  it('refuses SVG and non-images by type before decoding', () => {
    expect(classifyFile('a.svg', 'image/svg+xml')).toBe('svg');
    expect(classifyFile('a.SVG', '')).toBe('svg');
    expect(classifyFile('notes.txt', 'text/plain')).toBe('other');
    expect(classifyFile('cat.png', 'image/png')).toBe('image');
    expect(classifyFile('cat.jpg', '')).toBe('image');
  });

  it('scales a large picture to at most a megapixel, keeping its shape', () => {
    expect(workingSize(451, 300)).toEqual({ width: 451, height: 300 });
    const s = workingSize(4000, 3000);
    expect(s.width * s.height).toBeLessThanOrEqual(MAX_PIXELS);
    expect(s.width / s.height).toBeCloseTo(4 / 3, 2);
    expect(s.width * s.height).toBeGreaterThan(0.99 * MAX_PIXELS);
  });

  it('both languages have every string', () => {
    expect(Object.keys(STRINGS.ko).sort()).toEqual(Object.keys(STRINGS.en).sort());
  });
});

describe('filters a network learned', () => {
  it('reads the first convolution of a saved weights file, and refuses what is not one', () => {
    const config = structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig;
    const { model } = buildModel(config.architecture, { seed: 5 });
    const bytes = exportWeights(model, {
      config,
      inputShape: [1, 28, 28],
      classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
      meta: { epochs: 0, steps: 0, testAccuracy: null, seed: 5, date: '2025-01-01T00:00:00.000Z' },
    });
    const r = firstLayerFilters(bytes);
    if (!r.ok) throw new Error(r.message);
    const state = model.stateDict();
    const weight = state[r.layer.name];
    expect(weight.shape).toEqual([r.layer.count, r.layer.inChannels, r.layer.size, r.layer.size]);
    expect(r.layer.filters[0]).toEqual(Array.from(weight.data.slice(0, r.layer.size * r.layer.size)));
    expect(firstLayerFilters(new Uint8Array([1, 2, 3])).ok).toBe(false);
    expect(labWeights([0.12345, -200, 3], 99)).toEqual([0.123, -99, 3]);
  });
});
