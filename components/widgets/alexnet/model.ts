/**
 * Lesson 15's widget models, all from the engine:
 *
 * - the paper's two-GPU AlexNet (`models.alexnetOriginal({ groups: 2 })`) layer by layer,
 *   with which layers keep to their own GPU (grouped convolutions) and which take input
 *   from both GPUs, beside the same network on one tower and torchvision's version;
 * - conv1's output side for a 224 or 227 input, from `convOutputSteps`;
 * - local response normalisation (`localResponseNorm`) on conv1-like responses of a photo.
 */
import { conv2d, localResponseNorm, models, noGrad, relu, summary, tensor } from '../../../src/engine/index.ts';
import type { Tensor } from '../../../src/engine/index.ts';
import { convOutputSteps } from '../../../src/engine/shapes.ts';

/** Where a layer's work happens in the paper's split. */
export type GpuRole = 'both-halves' | 'own-gpu' | 'crosses' | 'none';

export interface SplitRow {
  /** conv1, pool1, norm1, ..., fc8 */
  label: string;
  type: string;
  shape: number[];
  params: number;
  /** Parameters of the same layer on one tower (groups = 1). */
  paramsOneTower: number;
  role: GpuRole;
}

const LABELS: Record<string, string[]> = {
  Conv2d: ['conv1', 'conv2', 'conv3', 'conv4', 'conv5'],
  MaxPool2d: ['pool1', 'pool2', 'pool5'],
  LocalResponseNorm: ['norm1', 'norm2'],
  Linear: ['fc6', 'fc7', 'fc8'],
};

/** The layers the lesson lists, in order (ReLU, dropout and flatten left out). */
export const LAYER_ORDER = ['conv1', 'pool1', 'norm1', 'conv2', 'pool2', 'norm2', 'conv3', 'conv4', 'conv5', 'pool5', 'fc6', 'fc7', 'fc8'] as const;
export type LayerName = (typeof LAYER_ORDER)[number];

export const INPUT_SIDE = 227;

function roleOf(label: string, grouped: boolean): GpuRole {
  if (label === 'conv1') return 'both-halves';
  if (label.startsWith('conv')) return grouped ? 'own-gpu' : 'crosses';
  if (label.startsWith('fc')) return 'crosses';
  return 'none';
}

function labelled(groups: 1 | 2) {
  const s = summary(models.alexnetOriginal({ groups, seed: 0 }), [1, 3, INPUT_SIDE, INPUT_SIDE]);
  const seen: Record<string, number> = {};
  const rows: { label: string; type: string; shape: number[]; params: number }[] = [];
  for (const l of s.layers) {
    const names = LABELS[l.type];
    if (!names) continue;
    const i = seen[l.type] ?? 0;
    seen[l.type] = i + 1;
    rows.push({ label: names[i], type: l.type, shape: l.outputShape.slice(1), params: l.params });
  }
  return { rows, totalParams: s.totalParams };
}

/** The paper's network layer by layer, with the one-tower count of each layer beside it. */
export function splitRows(): { rows: SplitRow[]; totalParams: number; totalOneTower: number } {
  const two = labelled(2);
  const one = labelled(1);
  const rows = two.rows.map((r, i) => {
    const paramsOneTower = one.rows[i].params;
    return { ...r, paramsOneTower, role: roleOf(r.label, paramsOneTower !== r.params) };
  });
  return { rows, totalParams: two.totalParams, totalOneTower: one.totalParams };
}

/** Parameters of a convolution with `groups` groups, bias included: each filter sees in/groups channels. */
export function groupedConvParams(inChannels: number, outChannels: number, kernel: number, groups: number): number {
  return (inChannels / groups) * kernel * kernel * outChannels + outChannels;
}

/** conv1 (11x11, stride 4, no padding) on a square input of this side. */
export function conv1Steps(side: number) {
  return convOutputSteps(side, { kernelSize: 11, stride: 4, padding: 0 });
}

/** The two input sides the lesson compares. */
export const SIDES = [224, 227] as const;

// ---------------------------------------------------------------- LRN

/** LRN settings with the paper's names: b = a / (k + alpha * sum a^2)^beta over n neighbouring maps. */
export interface LrnState {
  k: number;
  n: number;
  alpha: number;
  beta: number;
  /** Which map to draw. */
  channel: number;
}

/** The paper's values (Sec. 3.3): k = 2, n = 5, alpha = 1e-4, beta = 0.75. */
export const PAPER_LRN: Readonly<LrnState> = Object.freeze({ k: 2, n: 5, alpha: 1e-4, beta: 0.75, channel: 0 });

export const LRN_KEYS = { k: 'lrK', n: 'lrN', alpha: 'lrA', beta: 'lrB', channel: 'lrC' } as const;

export const LRN_RULES = {
  k: { min: 0.1, max: 10, step: 0.1 },
  n: { min: 1, max: 8, step: 1 },
  alpha: { min: 0, max: 0.01, step: 0.00001 },
  beta: { min: 0, max: 2, step: 0.05 },
} as const;

/** The conv1-like filters: eight oriented edges and blobs on the grey photo. */
export const FILTER_NAMES = ['vertical', 'horizontal', 'diagonal', 'antidiagonal', 'vertical-dark', 'horizontal-dark', 'spot', 'spot-dark'] as const;
export const CHANNELS = FILTER_NAMES.length;

export function decodeLrn(params: URLSearchParams): { state: LrnState; rejected: string[] } {
  const state: LrnState = { ...PAPER_LRN };
  const rejected: string[] = [];
  const read = (key: keyof LrnState, min: number, max: number, integer: boolean) => {
    const raw = params.get(LRN_KEYS[key]);
    if (raw === null) return;
    const v = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) rejected.push(LRN_KEYS[key]);
    else state[key] = v;
  };
  read('k', LRN_RULES.k.min, LRN_RULES.k.max, false);
  read('n', LRN_RULES.n.min, LRN_RULES.n.max, true);
  read('alpha', LRN_RULES.alpha.min, LRN_RULES.alpha.max, false);
  read('beta', LRN_RULES.beta.min, LRN_RULES.beta.max, false);
  read('channel', 0, CHANNELS - 1, true);
  return { state, rejected };
}

export function encodeLrn(state: LrnState, params: URLSearchParams): void {
  for (const key of Object.keys(LRN_KEYS) as (keyof LrnState)[]) {
    if (state[key] === PAPER_LRN[key]) params.delete(LRN_KEYS[key]);
    else params.set(LRN_KEYS[key], String(state[key]));
  }
}

function filterBank(): Tensor {
  const size = 5;
  const w = new Float32Array(CHANNELS * size * size);
  for (let c = 0; c < CHANNELS; c++) {
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const dx = x - 2;
        const dy = y - 2;
        let v = 0;
        if (c === 0) v = Math.sign(dx);
        else if (c === 1) v = Math.sign(dy);
        else if (c === 2) v = Math.sign(dx + dy);
        else if (c === 3) v = Math.sign(dx - dy);
        else if (c === 4) v = -Math.sign(dx);
        else if (c === 5) v = -Math.sign(dy);
        else v = (dx * dx + dy * dy <= 2 ? 1 : -9 / 16) * (c === 6 ? 1 : -1);
        w[(c * size + y) * size + x] = v / 10;
      }
    }
  }
  return tensor(w, [CHANNELS, 1, size, size]);
}

/** Grey levels 0..255 with the mean taken away (the paper subtracts the mean activity), as [1, 1, H, W]. */
export function greyPhoto(rgba: Uint8ClampedArray, width: number, height: number): Tensor {
  const plane = width * height;
  const data = new Float32Array(plane);
  let mean = 0;
  for (let i = 0; i < plane; i++) {
    data[i] = 0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2];
    mean += data[i];
  }
  mean /= plane;
  for (let i = 0; i < plane; i++) data[i] -= mean;
  return tensor(data, [1, 1, height, width]);
}

/** conv1-like responses after ReLU, [1, CHANNELS, H', W'] (stride 2 keeps the canvas small). */
export function responses(grey: Tensor): Tensor {
  return noGrad(() => relu(conv2d(grey, filterBank(), null, { stride: 2, padding: 2 })));
}

/**
 * The paper's LRN through the engine. PyTorch (and the engine) divide alpha by the
 * window size n; the paper does not, so the engine gets alpha * n.
 */
export function applyLrn(maps: Tensor, s: Pick<LrnState, 'k' | 'n' | 'alpha' | 'beta'>): Tensor {
  return noGrad(() => localResponseNorm(maps, s.n, { alpha: s.alpha * s.n, beta: s.beta, k: s.k }));
}

/** One map of [1, C, H, W] as its own [1, 1, H, W] data. */
export function channelOf(x: Tensor, c: number): Float32Array {
  const [, , h, w] = x.shape;
  return x.data.slice(c * h * w, (c + 1) * h * w);
}

export function maxOf(a: Float32Array): number {
  let m = 0;
  for (const v of a) if (v > m) m = v;
  return m;
}

/** Gray RGBA of a map, scaled so `scale` is white. */
export function mapRgba(a: Float32Array, scale: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(4 * a.length);
  const s = scale > 0 ? scale : 1;
  for (let i = 0; i < a.length; i++) {
    const g = Math.round(Math.min(1, a[i] / s) * 255);
    out[4 * i] = g;
    out[4 * i + 1] = g;
    out[4 * i + 2] = g;
    out[4 * i + 3] = 255;
  }
  return out;
}

/** How LRN changed a map: its peak before and after, and after/before at the strongest pixel and at a median active pixel. */
export function lrnEffect(before: Float32Array, after: Float32Array) {
  let top = 0;
  for (let i = 1; i < before.length; i++) if (before[i] > before[top]) top = i;
  const active = [...before.keys()].filter((i) => before[i] > 0).sort((a, b) => before[a] - before[b]);
  const mid = active.length ? active[Math.floor(active.length / 2)] : top;
  const ratio = (i: number) => (before[i] > 0 ? after[i] / before[i] : 1);
  return { peakBefore: maxOf(before), peakAfter: maxOf(after), strongest: ratio(top), typical: ratio(mid) };
}
