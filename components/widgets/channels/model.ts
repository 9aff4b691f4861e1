/**
 * Lesson 8's widgets, apart from the UI.
 *
 * Photo: an RGB picture as a [1, 3, H, W] tensor, its three channels, a few 3-D
 * filters (each [3, 3, 3]: as deep as the picture) run by the engine's `conv2d`, one
 * output map per filter, and at one position how each channel's share adds up to the
 * output (the shares are the same filter run with `groups: 3`, one channel at a time).
 *
 * Groups: which input channels feed which output channels of an
 * `nn.Conv2d(inC, outC, k, groups)`, its weight shape, parameters and
 * multiply-accumulates from the engine's `summary`, or the engine's refusal; and a
 * depthwise-separable pair against the full convolution.
 */
import { avgPool2d, conv2d, nn, noGrad, summary, tensor } from '../../../src/engine/index.ts';
import type { Tensor } from '../../../src/engine/index.ts';
import { readInt } from '../../kit/query-state.ts';

// ---------------------------------------------------------------- photo

/** The colour photographs in public/images/ (the grey camera man has one channel only). */
export const PHOTOS = ['chelsea', 'astronaut', 'coffee'] as const;
export type PhotoId = (typeof PHOTOS)[number];

/** The picture is averaged over 2x2 blocks first: smaller maps, the same story. */
export const SHRINK = 2;

/** The filters the reader can stack, in order: each is [channel][row][column], 3x3x3. */
export const FILTER_IDS = ['bright', 'red', 'blue', 'edge'] as const;
export type FilterId = (typeof FILTER_IDS)[number];

const centre = (r: number, g: number, b: number): number[][][] =>
  [r, g, b].map((v) => [
    [0, 0, 0],
    [0, v, 0],
    [0, 0, 0],
  ]);
const same = (plane: number[][]): number[][][] => [plane, plane, plane];

/** Weights of each filter, by channel (R, G, B). */
export const FILTERS: Record<FilterId, number[][][]> = {
  // Brightness: a small blur that adds the three channels.
  bright: same([
    [1 / 27, 1 / 27, 1 / 27],
    [1 / 27, 1 / 27, 1 / 27],
    [1 / 27, 1 / 27, 1 / 27],
  ]),
  // Red against the other two at the same pixel: positive where the picture is redder than grey.
  red: centre(1, -0.5, -0.5),
  // Blue against red and green (yellow): positive on blue, negative on yellow.
  blue: centre(-0.5, -0.5, 1),
  // Vertical edges in every channel at once (Sobel in x, summed over the channels).
  edge: same([
    [-1, 0, 1],
    [-2, 0, 2],
    [-1, 0, 1],
  ]),
};

/** Filters per layer the reader may choose: 1 to all of them. */
export const FILTER_LIMITS = [1, FILTER_IDS.length] as const;

/** RGBA pixels as a [1, 3, H, W] tensor in [0, 1], averaged over SHRINK x SHRINK blocks by the engine. */
export function rgbTensor(rgba: ArrayLike<number>, width: number, height: number): Tensor {
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    for (let c = 0; c < 3; c++) data[c * plane + i] = rgba[4 * i + c] / 255;
  }
  return noGrad(() => avgPool2d(tensor(data, [1, 3, height, width]), { kernelSize: SHRINK }));
}

/** The weight tensor of the first `count` filters: [count, 3, 3, 3], as deep as the picture. */
export function filterBank(count: number): Tensor {
  const ids = FILTER_IDS.slice(0, count);
  return tensor(ids.map((id) => FILTERS[id]));
}

/** What the photo panel shows for a picture and a number of filters. */
export interface PhotoResult {
  weightShape: readonly number[];
  outputShape: readonly number[];
  /** One [H, W] map per filter, from the engine's conv2d (padding 1 keeps the size). */
  maps: Float32Array[];
  /** Where the sums below are read: the middle of the picture. */
  at: { row: number; col: number };
  /** Per filter: each channel's share at `at`, and the output there. */
  shares: { r: number; g: number; b: number; out: number }[];
}

/** Runs the first `count` filters over the picture. */
export function runFilters(x: Tensor, count: number): PhotoResult {
  return noGrad(() => {
    const w = filterBank(count);
    const out = conv2d(x, w, null, { padding: 1 });
    const [, , h, wd] = out.shape;
    const plane = h * wd;
    const row = Math.floor(h / 2);
    const col = Math.floor(wd / 2);
    const maps = Array.from({ length: count }, (_, f) => out.data.slice(f * plane, (f + 1) * plane));
    const shares = Array.from({ length: count }, (_, f) => {
      // The same filter one channel at a time: groups=3, so channel c meets only its own slice of weights.
      const perChannel = conv2d(x, tensor(FILTERS[FILTER_IDS[f]].map((p) => [p]) as number[][][][]), null, { padding: 1, groups: 3 });
      const read = (c: number) => perChannel.data[c * plane + row * wd + col];
      return { r: read(0), g: read(1), b: read(2), out: out.data[f * plane + row * wd + col] };
    });
    return { weightShape: w.shape, outputShape: out.shape, maps, at: { row, col }, shares };
  });
}

/** One channel of the picture as an [H, W] plane. */
export function channelPlane(x: Tensor, channel: number): Float32Array {
  const plane = x.shape[2] * x.shape[3];
  return x.data.slice(channel * plane, (channel + 1) * plane);
}

/** The 99th percentile of |values|: the map's colour scale, so a few extreme pixels do not wash it out. */
export function scaleOf(values: Float32Array): number {
  const sorted = Float32Array.from(values, Math.abs).sort();
  const v = sorted[Math.floor(0.99 * (sorted.length - 1))];
  return v > 0 ? v : 1;
}

export interface PhotoConfig {
  photo: PhotoId;
  filters: number;
}

export const PHOTO_KEYS = { photo: 'chPhoto', filters: 'chF' } as const;

export function defaultPhoto(): PhotoConfig {
  return { photo: 'chelsea', filters: 2 };
}

export function decodePhoto(params: URLSearchParams): { config: PhotoConfig; rejected: string[] } {
  const rejected: string[] = [];
  const config = defaultPhoto();
  const photo = params.get(PHOTO_KEYS.photo);
  if (photo !== null) {
    if ((PHOTOS as readonly string[]).includes(photo)) config.photo = photo as PhotoId;
    else rejected.push(PHOTO_KEYS.photo);
  }
  config.filters = readInt(params, PHOTO_KEYS.filters, FILTER_LIMITS[0], FILTER_LIMITS[1], config.filters, rejected);
  return { config, rejected };
}

export function encodePhoto(config: PhotoConfig, params: URLSearchParams): void {
  params.set(PHOTO_KEYS.photo, config.photo);
  params.set(PHOTO_KEYS.filters, String(config.filters));
}

// ---------------------------------------------------------------- groups

/** Allowed range of every control of the groups explorer, inclusive. */
export const LIMITS = {
  inC: [1, 12],
  outC: [1, 12],
  groups: [1, 12],
  kernel: [1, 5],
  size: [5, 64],
} as const;

export interface GroupsConfig {
  inC: number;
  outC: number;
  groups: number;
  kernel: number;
  /** Height and width of the input. */
  size: number;
}

/** Where the explorer starts: 8 channels in and out, 3x3, two groups, on 32x32. */
export function defaultGroups(): GroupsConfig {
  return { inC: 8, outC: 8, groups: 2, kernel: 3, size: 32 };
}

export const GROUP_KEYS = { inC: 'gIn', outC: 'gOut', groups: 'gG', kernel: 'gK', size: 'gN' } as const;

export function encodeGroups(config: GroupsConfig, params: URLSearchParams): void {
  for (const field of Object.keys(GROUP_KEYS) as (keyof GroupsConfig)[]) params.set(GROUP_KEYS[field], String(config[field]));
}

export function decodeGroups(params: URLSearchParams): { config: GroupsConfig; rejected: string[] } {
  const rejected: string[] = [];
  const fallback = defaultGroups();
  const config = { ...fallback };
  for (const field of Object.keys(GROUP_KEYS) as (keyof GroupsConfig)[]) {
    config[field] = readInt(params, GROUP_KEYS[field], LIMITS[field][0], LIMITS[field][1], fallback[field], rejected);
  }
  return { config, rejected };
}

/** A layer's cost as the engine's summary reports it. */
export interface LayerCost {
  weightShape: readonly number[];
  outputShape: readonly number[];
  params: number;
  macs: number;
}

/** What the explorer shows for one setting, or the engine's refusal. */
export type GroupsResult =
  | ({ ok: true; links: [number, number][]; groupOf: { input: number[]; output: number[] } } & LayerCost)
  | { ok: false; message: string };

/** `summary` of one model on a [1, inC, size, size] input. */
function cost(model: nn.Module, inC: number, size: number, weightShape: readonly number[]): LayerCost {
  const report = summary(model, [1, inC, size, size]);
  return { weightShape, outputShape: report.outputShape, params: report.totalParams, macs: report.totalMacs };
}

/**
 * The grouped convolution: which input channel feeds which output channel (read from
 * the layer's own weight shape: output j sees inputs of its group only), and its cost.
 * Never throws: a setting PyTorch refuses becomes the engine's message.
 */
export function groupedLayer(config: GroupsConfig): GroupsResult {
  try {
    const layer = new nn.Conv2d(config.inC, config.outC, config.kernel, { groups: config.groups });
    const c = cost(layer, config.inC, config.size, layer.weight.shape);
    const perGroupIn = c.weightShape[1];
    const perGroupOut = config.outC / config.groups;
    const links: [number, number][] = [];
    for (let o = 0; o < config.outC; o++) {
      const g = Math.floor(o / perGroupOut);
      for (let k = 0; k < perGroupIn; k++) links.push([g * perGroupIn + k, o]);
    }
    return {
      ok: true,
      ...c,
      links,
      groupOf: {
        input: Array.from({ length: config.inC }, (_, i) => Math.floor(i / perGroupIn)),
        output: Array.from({ length: config.outC }, (_, o) => Math.floor(o / perGroupOut)),
      },
    };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

/** A full convolution against a depthwise k x k followed by a 1x1, for the same channels, kernel and input. */
export interface SeparableComparison {
  full: LayerCost;
  depthwise: LayerCost;
  pointwise: LayerCost;
  pair: { params: number; macs: number; outputShape: readonly number[] };
}

export function separable(inC: number, outC: number, kernel: number, size: number): SeparableComparison {
  const fullLayer = new nn.Conv2d(inC, outC, kernel);
  const dwLayer = new nn.Conv2d(inC, inC, kernel, { groups: inC });
  const pwLayer = new nn.Conv2d(inC, outC, 1);
  const full = cost(fullLayer, inC, size, fullLayer.weight.shape);
  const depthwise = cost(dwLayer, inC, size, dwLayer.weight.shape);
  const pointwise = cost(pwLayer, inC, depthwise.outputShape[2], pwLayer.weight.shape);
  const both = summary(new nn.Sequential(new nn.Conv2d(inC, inC, kernel, { groups: inC }), new nn.Conv2d(inC, outC, 1)), [1, inC, size, size]);
  return { full, depthwise, pointwise, pair: { params: both.totalParams, macs: both.totalMacs, outputShape: both.outputShape } };
}

/** The name of a grouping: ordinary (1), depthwise (groups = in channels), or grouped. */
export function groupingKind(config: GroupsConfig): 'full' | 'depthwise' | 'grouped' {
  if (config.groups === 1) return 'full';
  if (config.groups === config.inC) return 'depthwise';
  return 'grouped';
}
