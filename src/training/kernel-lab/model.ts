/**
 * Lesson 10's kernel lab, free of any page: the hand-set kernels (presets), the lab's
 * settings, and applying a kernel to a picture with the engine's `conv2d`. Colour runs
 * as a depthwise convolution (`groups = 3`, one copy of the kernel per channel);
 * grayscale first mixes the channels to luma with a 1x1 convolution, then filters the
 * one channel. The widget's worker (`src/workers/kernel-lab.worker.ts`) runs
 * {@link applyKernel}; the widget itself only draws and explains.
 */
import { conv2d, conv2dGeometry, noGrad, tensor } from '../../engine/index.ts';
import type { PaddingMode } from '../../engine/index.ts';

/** Kernel sides the lab accepts: 1x1 up to 7x7. */
export const MAX_KERNEL = 7;
export const LIMITS = { size: [1, MAX_KERNEL], stride: [1, 4], dilation: [1, 3], padding: [0, 9], weight: [-99, 99], divisor: [1, 999] } as const;
export const PADDING_MODES: readonly PaddingMode[] = ['zeros', 'reflect', 'replicate', 'circular'];
export type ColourMode = 'colour' | 'gray';

/** The eight directions an emboss can face, named by where its largest positive weight sits. */
export const EMBOSS_DIRECTIONS = ['n', 'ne', 'e', 'se', 's', 'sw', 'w', 'nw'] as const;
export type EmbossDirection = (typeof EMBOSS_DIRECTIONS)[number];

export const PRESETS = ['identity', 'outline', 'sobel-x', 'sobel-y', 'emboss', 'sharpen', 'box-blur', 'gaussian-blur', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

/** A kernel as integer-friendly weights and one divisor: the applied weight is weight / divisor. */
export interface Kernel {
  size: number;
  /** Row by row, size * size numbers. */
  weights: number[];
  divisor: number;
}

/** Everything the reader sets, and the address holds. */
export interface LabSettings {
  preset: Preset;
  emboss: EmbossDirection;
  kernel: Kernel;
  mode: ColourMode;
  stride: number;
  padding: number;
  paddingMode: PaddingMode;
  dilation: number;
}

/** The ring of a 3x3 kernel, clockwise from the top middle (row, column): n, ne, e, se, s, sw, w, nw. */
const RING: readonly [number, number][] = [[0, 1], [0, 2], [1, 2], [2, 2], [2, 1], [2, 0], [1, 0], [0, 0]];
/** The emboss facing south-east: -2 in the north-west corner, +2 in the south-east one, 1 in the middle. */
const EMBOSS_RING_SE = [-1, 0, 1, 2, 1, 0, -1, -2];

/** The 3x3 emboss facing `direction`: the south-east one turned by 45 degree steps. */
export function embossKernel(direction: EmbossDirection): number[] {
  const turn = (EMBOSS_DIRECTIONS.indexOf(direction) - EMBOSS_DIRECTIONS.indexOf('se') + 8) % 8;
  const w = new Array<number>(9).fill(0);
  w[4] = 1;
  RING.forEach(([r, c], i) => {
    w[r * 3 + c] = EMBOSS_RING_SE[(i - turn + 8) % 8];
  });
  return w;
}

/** Row `n - 1` of Pascal's triangle: the binomial weights of an n-tap Gaussian. */
export function binomialRow(n: number): number[] {
  let row = [1];
  for (let i = 1; i < n; i++) row = [...row, 0].map((v, j) => v + (j > 0 ? row[j - 1] : 0));
  return row;
}

/** The kernel of a preset. Blurs take the size asked for (an even or 1 size becomes 3). */
export function presetKernel(preset: Preset, emboss: EmbossDirection, size = 3, current?: Kernel): Kernel {
  const three = (weights: number[], divisor = 1): Kernel => ({ size: 3, weights, divisor });
  switch (preset) {
    case 'identity':
      return three([0, 0, 0, 0, 1, 0, 0, 0, 0]);
    case 'outline':
      return three([-1, -1, -1, -1, 8, -1, -1, -1, -1]);
    case 'sobel-x':
      return three([-1, 0, 1, -2, 0, 2, -1, 0, 1]);
    case 'sobel-y':
      return three([-1, -2, -1, 0, 0, 0, 1, 2, 1]);
    case 'emboss':
      return three(embossKernel(emboss));
    case 'sharpen':
      return three([0, -1, 0, -1, 5, -1, 0, -1, 0]);
    case 'box-blur':
    case 'gaussian-blur': {
      const n = size % 2 === 1 && size > 1 ? size : 3;
      const row = preset === 'box-blur' ? new Array<number>(n).fill(1) : binomialRow(n);
      const weights = row.flatMap((a) => row.map((b) => a * b));
      return { size: n, weights, divisor: weights.reduce((s, v) => s + v, 0) };
    }
    case 'custom':
      return current ?? three([0, 0, 0, 0, 1, 0, 0, 0, 0]);
  }
}

/** Half the span of a kernel: the padding that keeps the size at stride 1 (odd kernels). */
export function samePadding(size: number, dilation: number): number {
  return Math.floor((dilation * (size - 1)) / 2);
}

export function defaultSettings(): LabSettings {
  return { preset: 'outline', emboss: 'se', kernel: presetKernel('outline', 'se'), mode: 'colour', stride: 1, padding: 1, paddingMode: 'zeros', dilation: 1 };
}

/** Resizes a kernel, keeping the weights that still fit around the middle. */
export function resizeKernel(kernel: Kernel, size: number): Kernel {
  const weights = new Array<number>(size * size).fill(0);
  const shift = Math.floor((kernel.size - size) / 2);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const rr = r + shift;
      const cc = c + shift;
      if (rr >= 0 && cc >= 0 && rr < kernel.size && cc < kernel.size) weights[r * size + c] = kernel.weights[rr * kernel.size + cc];
    }
  }
  return { size, weights, divisor: kernel.divisor };
}

/** RGBA pixels, row by row. */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** What {@link applyKernel} gives: the raw sums, per channel, and the picture to show. */
export interface Filtered {
  ok: true;
  width: number;
  height: number;
  /** 3 (colour) or 1 (gray) channels of width * height raw sums, channel by channel. */
  channels: number;
  raw: Float32Array;
  /** The sums clamped to 0..255, as RGBA. */
  rgba: Uint8ClampedArray;
}
export type FilterResult = Filtered | { ok: false; message: string };

/** Luma weights (ITU-R BT.601), the 1x1 convolution that turns colour into gray. */
export const LUMA = [0.299, 0.587, 0.114];

/** RGBA bytes as a [1, 3, H, W] float tensor's data (0..255). */
export function planar(pixels: Pixels): Float32Array {
  const { data, width, height } = pixels;
  const n = width * height;
  const out = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    out[i] = data[4 * i];
    out[n + i] = data[4 * i + 1];
    out[2 * n + i] = data[4 * i + 2];
  }
  return out;
}

/** The engine's convolution options for the settings. */
export function convOptions(s: Pick<LabSettings, 'stride' | 'padding' | 'paddingMode' | 'dilation'>) {
  return { stride: s.stride, padding: s.padding, dilation: s.dilation, paddingMode: s.paddingMode };
}

/** The applied weights: weight / divisor. */
export function appliedWeights(kernel: Kernel): number[] {
  return kernel.weights.map((w) => w / kernel.divisor);
}

/** The input the kernel sees: three colour planes, or one luma plane mixed by the engine. */
export function inputPlanes(pixels: Pixels, mode: ColourMode): { data: Float32Array; channels: number } {
  const rgb = tensor(planar(pixels), [1, 3, pixels.height, pixels.width]);
  if (mode === 'colour') return { data: rgb.data, channels: 3 };
  const gray = noGrad(() => conv2d(rgb, tensor(LUMA, [1, 3, 1, 1])));
  return { data: gray.data, channels: 1 };
}

/**
 * Filters `pixels` with the kernel and settings, by the engine's `conv2d`: depthwise
 * (`groups = 3`) in colour, one channel in gray. The engine's refusal (a kernel wider
 * than the padded picture, reflect padding as wide as the picture) comes back as text.
 */
export function applyKernel(pixels: Pixels, settings: LabSettings, planes = inputPlanes(pixels, settings.mode)): FilterResult {
  const { kernel } = settings;
  const c = planes.channels;
  try {
    const input = tensor(planes.data, [1, c, pixels.height, pixels.width]);
    const w1 = appliedWeights(kernel);
    const weight = tensor(Array.from({ length: c }, () => w1).flat(), [c, 1, kernel.size, kernel.size]);
    const out = noGrad(() => conv2d(input, weight, null, { ...convOptions(settings), groups: c }));
    const [, , height, width] = out.shape;
    const raw = out.data;
    const n = width * height;
    const rgba = new Uint8ClampedArray(4 * n);
    for (let i = 0; i < n; i++) {
      rgba[4 * i] = raw[i];
      rgba[4 * i + 1] = raw[(c === 3 ? n : 0) + i];
      rgba[4 * i + 2] = raw[(c === 3 ? 2 * n : 0) + i];
      rgba[4 * i + 3] = 255;
    }
    return { ok: true, width, height, channels: c, raw, rgba };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The output's size, by the engine's geometry, without running anything. */
export function outputSize(width: number, height: number, settings: LabSettings): { ok: true; width: number; height: number } | { ok: false; message: string } {
  try {
    const g = conv2dGeometry([1, 1, height, width], [1, 1, settings.kernel.size, settings.kernel.size], convOptions(settings));
    return { ok: true, height: g.outputShape[2], width: g.outputShape[3] };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Where a padded position `i` (counted from the first padding pixel) reads the input of
 * length `n` with `pad` pixels added on each side, as the padding mode fills it:
 * `null` for a zero. Used to show a window's numbers; the output itself is the engine's.
 */
export function sourceIndex(i: number, n: number, pad: number, mode: PaddingMode): number | null {
  const j = i - pad;
  if (j >= 0 && j < n) return j;
  switch (mode) {
    case 'zeros':
      return null;
    case 'replicate':
      return j < 0 ? 0 : n - 1;
    case 'circular':
      return ((j % n) + n) % n;
    case 'reflect': {
      const period = 2 * (n - 1);
      if (period === 0) return 0;
      const m = ((j % period) + period) % period;
      return m < n ? m : period - m;
    }
  }
}

/** One output pixel's window: the inputs it reads, the weights, and the engine's sum. */
export interface WindowBreakdown {
  /** size * size inputs (null where zero padding), row by row. */
  inputs: (number | null)[];
  weights: number[];
  products: number[];
  /** The sum of the products (the worked arithmetic). */
  sum: number;
  /** Top-left of the window in input pixels (may be negative: padding). */
  top: number;
  left: number;
  span: number;
  /** The kernel's side. */
  side: number;
}

/** The window of output pixel (row, col) on channel `channel` of `planes`. */
export function windowAt(planes: { data: Float32Array; channels: number }, width: number, height: number, settings: LabSettings, row: number, col: number, channel: number): WindowBreakdown {
  const { kernel, stride, padding, dilation, paddingMode } = settings;
  const plane = channel * width * height;
  const weights = appliedWeights(kernel);
  const inputs: (number | null)[] = [];
  for (let r = 0; r < kernel.size; r++) {
    for (let c = 0; c < kernel.size; c++) {
      const y = sourceIndex(row * stride + r * dilation, height, padding, paddingMode);
      const x = sourceIndex(col * stride + c * dilation, width, padding, paddingMode);
      inputs.push(y === null || x === null ? null : planes.data[plane + y * width + x]);
    }
  }
  const products = inputs.map((v, i) => (v ?? 0) * weights[i]);
  return {
    inputs,
    weights,
    products,
    sum: products.reduce((s, v) => s + v, 0),
    top: row * stride - padding,
    left: col * stride - padding,
    span: dilation * (kernel.size - 1) + 1,
    side: kernel.size,
  };
}

// ---- the address ----

const isPreset = (v: string): v is Preset => (PRESETS as readonly string[]).includes(v);
const isDirection = (v: string): v is EmbossDirection => (EMBOSS_DIRECTIONS as readonly string[]).includes(v);
const intIn = (v: string | null, [lo, hi]: readonly [number, number]): number | null => {
  if (v === null || !/^-?\d+$/.test(v)) return null;
  const n = Number(v);
  return n >= lo && n <= hi ? n : null;
};

/** Reads the lab's keys (`ik…`), naming each one it could not use. */
export function decodeSettings(params: URLSearchParams): { settings: LabSettings; rejected: string[] } {
  const s = defaultSettings();
  const rejected: string[] = [];
  const num = (key: string, range: readonly [number, number], apply: (n: number) => void) => {
    if (!params.has(key)) return;
    const n = intIn(params.get(key), range);
    if (n === null) rejected.push(key);
    else apply(n);
  };
  const preset = params.get('ikP');
  if (preset !== null) {
    if (isPreset(preset)) s.preset = preset;
    else rejected.push('ikP');
  }
  const emboss = params.get('ikE');
  if (emboss !== null) {
    if (isDirection(emboss)) s.emboss = emboss;
    else rejected.push('ikE');
  }
  const mode = params.get('ikM');
  if (mode !== null) {
    if (mode === 'colour' || mode === 'gray') s.mode = mode;
    else rejected.push('ikM');
  }
  const pm = params.get('ikPm');
  if (pm !== null) {
    if ((PADDING_MODES as readonly string[]).includes(pm)) s.paddingMode = pm as PaddingMode;
    else rejected.push('ikPm');
  }
  num('ikS', LIMITS.stride, (n) => (s.stride = n));
  num('ikD', LIMITS.dilation, (n) => (s.dilation = n));
  num('ikPd', LIMITS.padding, (n) => (s.padding = n));
  s.kernel = presetKernel(s.preset, s.emboss);
  if (s.preset === 'custom') {
    const k = params.get('ikK');
    const cells = k?.split(',') ?? [];
    const size = Math.round(Math.sqrt(cells.length));
    const weights = cells.map((c) => (/^-?\d+(\.\d+)?$/.test(c) ? Number(c) : Number.NaN));
    const divisor = params.has('ikDv') ? intIn(params.get('ikDv'), LIMITS.divisor) : 1;
    if (k === null || size < 1 || size > MAX_KERNEL || size * size !== cells.length || weights.some((w) => !Number.isFinite(w) || w < LIMITS.weight[0] || w > LIMITS.weight[1])) {
      rejected.push('ikK');
    } else if (divisor === null) {
      rejected.push('ikDv');
      s.kernel = { size, weights, divisor: 1 };
    } else {
      s.kernel = { size, weights, divisor };
    }
  } else if (s.preset === 'box-blur' || s.preset === 'gaussian-blur') {
    num('ikN', [3, MAX_KERNEL], (n) => (s.kernel = presetKernel(s.preset, s.emboss, n)));
  }
  return { settings: s, rejected };
}

/** Writes the lab's keys, leaving every other key alone. */
export function encodeSettings(s: LabSettings, params: URLSearchParams): void {
  const d = defaultSettings();
  const put = (key: string, value: string, fallback: string) => (value === fallback ? params.delete(key) : params.set(key, value));
  put('ikP', s.preset, d.preset);
  put('ikE', s.emboss, d.emboss);
  put('ikM', s.mode, d.mode);
  put('ikPm', s.paddingMode, d.paddingMode);
  put('ikS', String(s.stride), String(d.stride));
  put('ikD', String(s.dilation), String(d.dilation));
  put('ikPd', String(s.padding), String(d.padding));
  put('ikK', s.preset === 'custom' ? s.kernel.weights.join(',') : '', '');
  put('ikDv', s.preset === 'custom' ? String(s.kernel.divisor) : '1', '1');
  put('ikN', s.preset === 'box-blur' || s.preset === 'gaussian-blur' ? String(s.kernel.size) : '3', '3');
}
