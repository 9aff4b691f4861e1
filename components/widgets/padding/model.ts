/**
 * Lesson 5's pure logic: the four padding modes run through the engine's own `pad`
 * and `conv2d`, the number of windows that read each input pixel (the engine's
 * backward pass: the gradient of the summed output under an all-ones kernel), and
 * where PyTorch puts the pixels of `padding='same'`. No DOM here, so the content
 * test, the widgets and the exercises share one computation.
 */
import { conv2d, conv2dGeometry, full, noGrad, ones, pad, sum, tensor, zeros } from '../../../src/engine/index.ts';
import type { PadMode, PaddingMode } from '../../../src/engine/index.ts';

/** The convolution's padding modes, in the order the lesson draws them. */
export const MODES = ['zeros', 'reflect', 'replicate', 'circular'] as const satisfies readonly PaddingMode[];
export type Mode = (typeof MODES)[number];

/** `F.pad` calls zero padding 'constant'; `nn.Conv2d` calls it 'zeros'. */
export function padModeOf(mode: Mode): PadMode {
  return mode === 'zeros' ? 'constant' : mode;
}

/** Side of the grid of numbers: small enough to print every value, large enough to have a centre. */
export const GRID_SIZE = 5;

/** The grid's values, 1 to 25 row by row, so that every copied value says where it came from. */
export const GRID_VALUES: readonly number[] = Array.from({ length: GRID_SIZE * GRID_SIZE }, (_, i) => i + 1);

/** Side the photograph is scaled down to before padding: coarse enough that a padding of a few pixels shows. */
export const PHOTO_SIZE = 48;

/** The amount of padding the explorer offers; 5 is as wide as the grid, where reflect refuses. */
export const AMOUNT = { min: 0, max: 6 } as const;

/** A square map of values (row-major). */
export interface SquareMap {
  size: number;
  values: Float32Array;
}

/** What one padding mode does to one picture: the padded input, the output, or the engine's refusal. */
export interface ModeResult {
  mode: Mode;
  padded: SquareMap | null;
  output: SquareMap | null;
  /** The engine's message when it refuses the padding (null when it accepts). */
  error: string | null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The mean filter the explorer convolves with: (2p+1)x(2p+1) taps of 1/(2p+1)^2.
 * With padding p it gives an output as large as the input, so the two can be
 * compared pixel for pixel, and a wider padding reaches further into the picture.
 */
export function meanKernelSize(amount: number): number {
  return 2 * amount + 1;
}

/** Pads a square picture by `amount` on every side with `mode`, and convolves it with the mean filter. */
export function padAndConvolve(values: ArrayLike<number>, size: number, amount: number, mode: Mode): ModeResult {
  return noGrad(() => {
    const x = tensor(Float32Array.from(values), [1, 1, size, size]);
    let padded: SquareMap | null = null;
    try {
      const p = pad(x, [amount, amount, amount, amount], padModeOf(mode));
      padded = { size: p.shape[3], values: p.data };
    } catch (error) {
      return { mode, padded: null, output: null, error: messageOf(error) };
    }
    const k = meanKernelSize(amount);
    const weight = full([1, 1, k, k], 1 / (k * k));
    try {
      const y = conv2d(x, weight, null, { padding: amount, paddingMode: mode });
      return { mode, padded, output: { size: y.shape[3], values: y.data }, error: null };
    } catch (error) {
      return { mode, padded, output: null, error: messageOf(error) };
    }
  });
}

/** Every mode on one picture. */
export function allModes(values: ArrayLike<number>, size: number, amount: number): ModeResult[] {
  return MODES.map((mode) => padAndConvolve(values, size, amount, mode));
}

/** One padded row of a 1-D signal, as `F.pad` returns it (a [1, 1, n] tensor padded on its last axis). */
export function padRow(row: readonly number[], before: number, after: number, mode: Mode): number[] {
  return noGrad(() => Array.from(pad(tensor(row, [1, 1, row.length]), [before, after], padModeOf(mode)).data));
}

/** The window counts of an input, or the engine's refusal. */
export type CountResult = { counts: SquareMap; error: null } | { counts: null; error: string };

/**
 * How many windows of a stride-1 convolution with a `kernel`-wide square kernel and
 * zero padding `padding` read each pixel of a `size`x`size` input. Computed by the
 * engine: with every weight 1, the gradient of the summed output with respect to an
 * input pixel is the number of output positions whose window covers it.
 */
export function windowCounts(size: number, kernel: number, padding: number): CountResult {
  try {
    const x = zeros([1, 1, size, size], { requiresGrad: true });
    const y = conv2d(x, ones([1, 1, kernel, kernel]), null, { padding });
    sum(y).backward();
    return { counts: { size, values: Float32Array.from(x.grad!.data) }, error: null };
  } catch (error) {
    return { counts: null, error: messageOf(error) };
  }
}

/** What `padding='same'` does along one axis, according to the engine. */
export interface SameResult {
  /** Pixels added before (top / left) and after (bottom / right). */
  before: number;
  after: number;
  /** The shape of the engine's real convolution of a `size`x`size` input, or its refusal. */
  outputShape: number[] | null;
  error: string | null;
}

/** Input side the 'same' diagram uses. */
export const SAME_INPUT = 6;

/** Kernel size and dilation the 'same' diagram offers. */
export const SAME_LIMITS = { kernel: { min: 1, max: 8 }, dilation: { min: 1, max: 3 } } as const;

/**
 * The padding PyTorch adds for `padding='same'`, read from the engine's own
 * convolution plan, and the shape of the real convolution (which fails with
 * PyTorch's message when the stride is not 1).
 */
export function samePaddingOf(kernel: number, dilation: number, stride = 1, size = SAME_INPUT): SameResult {
  const shape = [1, 1, size, size];
  const weight = [1, 1, kernel, kernel];
  try {
    const [top, bottom] = conv2dGeometry(shape, weight, { padding: 'same', dilation, stride }).padding;
    const y = noGrad(() => conv2d(zeros(shape), zeros(weight), null, { padding: 'same', dilation, stride }));
    return { before: top, after: bottom, outputShape: [...y.shape], error: null };
  } catch (error) {
    return { before: 0, after: 0, outputShape: null, error: messageOf(error) };
  }
}

/** The photographs the explorer offers (thumbnails in public/images/thumbs/, credited on the about page). */
export const PHOTOS = ['camera', 'astronaut', 'chelsea', 'coffee'] as const;
export type PhotoName = (typeof PHOTOS)[number];

/** The explorer's state: the amount of padding and the photograph. */
export interface ExplorerConfig {
  amount: number;
  photo: PhotoName;
}

export const defaultExplorer = (): ExplorerConfig => ({ amount: 1, photo: 'camera' });

function readInt(params: URLSearchParams, key: string, min: number, max: number): number | null | undefined {
  const raw = params.get(key);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

/** Reads the explorer's keys `padP` (0..6) and `padImg` (a photograph's name); a bad value falls back and is named. */
export function decodeExplorer(params: URLSearchParams): { config: ExplorerConfig; rejected: string[] } {
  const amount = readInt(params, 'padP', AMOUNT.min, AMOUNT.max);
  const config = defaultExplorer();
  const rejected: string[] = [];
  if (amount === null) rejected.push('padP');
  else if (amount !== undefined) config.amount = amount;
  const photo = params.get('padImg');
  if (photo !== null) {
    if ((PHOTOS as readonly string[]).includes(photo)) config.photo = photo as PhotoName;
    else rejected.push('padImg');
  }
  return { config, rejected };
}

export function encodeExplorer(config: ExplorerConfig, params: URLSearchParams): void {
  params.set('padP', String(config.amount));
  params.set('padImg', config.photo);
}

/** The window-count map's settings. */
export interface CountsConfig {
  size: number;
  kernel: number;
  padding: number;
}

export const COUNT_LIMITS = { size: { min: 3, max: 9 }, kernel: { min: 1, max: 5 }, padding: { min: 0, max: 4 } } as const;

export const defaultCounts = (): CountsConfig => ({ size: 6, kernel: 3, padding: 1 });

/** Reads `pcN`, `pcK`, `pcP`; each bad value falls back and is named. */
export function decodeCounts(params: URLSearchParams): { config: CountsConfig; rejected: string[] } {
  const config = defaultCounts();
  const rejected: string[] = [];
  const keys = { size: 'pcN', kernel: 'pcK', padding: 'pcP' } as const;
  for (const field of ['size', 'kernel', 'padding'] as const) {
    const v = readInt(params, keys[field], COUNT_LIMITS[field].min, COUNT_LIMITS[field].max);
    if (v === null) rejected.push(keys[field]);
    else if (v !== undefined) config[field] = v;
  }
  return { config, rejected };
}

export function encodeCounts(config: CountsConfig, params: URLSearchParams): void {
  params.set('pcN', String(config.size));
  params.set('pcK', String(config.kernel));
  params.set('pcP', String(config.padding));
}

/** The 'same' diagram's settings. */
export interface SameConfig {
  kernel: number;
  dilation: number;
  stride: number;
}

export const defaultSame = (): SameConfig => ({ kernel: 4, dilation: 1, stride: 1 });

/** Reads `psK`, `psD`, `psS` (stride 1 or 2); each bad value falls back and is named. */
export function decodeSame(params: URLSearchParams): { config: SameConfig; rejected: string[] } {
  const config = defaultSame();
  const rejected: string[] = [];
  const k = readInt(params, 'psK', SAME_LIMITS.kernel.min, SAME_LIMITS.kernel.max);
  const d = readInt(params, 'psD', SAME_LIMITS.dilation.min, SAME_LIMITS.dilation.max);
  const s = readInt(params, 'psS', 1, 2);
  if (k === null) rejected.push('psK');
  else if (k !== undefined) config.kernel = k;
  if (d === null) rejected.push('psD');
  else if (d !== undefined) config.dilation = d;
  if (s === null) rejected.push('psS');
  else if (s !== undefined) config.stride = s;
  return { config, rejected };
}

export function encodeSame(config: SameConfig, params: URLSearchParams): void {
  params.set('psK', String(config.kernel));
  params.set('psD', String(config.dilation));
  params.set('psS', String(config.stride));
}

/**
 * A photograph's pixels as greyscale in [0, 1], averaged down to `side`x`side` (box
 * filter over each block; RGBA input as `getImageData` returns it).
 */
export function toGreyscale(rgba: ArrayLike<number>, width: number, height: number, side = PHOTO_SIZE): Float32Array {
  const out = new Float32Array(side * side);
  for (let r = 0; r < side; r++) {
    const y0 = Math.floor((r * height) / side);
    const y1 = Math.max(y0 + 1, Math.floor(((r + 1) * height) / side));
    for (let c = 0; c < side; c++) {
      const x0 = Math.floor((c * width) / side);
      const x1 = Math.max(x0 + 1, Math.floor(((c + 1) * width) / side));
      let total = 0;
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) {
          const i = 4 * (y * width + x);
          total += 0.299 * rgba[i] + 0.587 * rgba[i + 1] + 0.114 * rgba[i + 2];
        }
      }
      out[r * side + c] = total / ((y1 - y0) * (x1 - x0) * 255);
    }
  }
  return out;
}
