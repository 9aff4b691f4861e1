/**
 * Deliberately naive float64 pooling, written from PyTorch's documentation and
 * sharing no code with the engine (not even the output-size formula: windows are
 * counted one by one). Slow and obvious on purpose, so it can be checked by eye.
 *
 * Documented rules used here:
 * - windows step by `stride` over the input padded by `padding` on each side;
 * - without ceil mode a window must lie entirely inside the padded input;
 * - with ceil mode windows keep coming while the previous one (for the first
 *   window, an imaginary one a stride earlier) has not reached the end of the
 *   padded input, but a window may not start in the right-hand padding
 *   ("sliding windows that would start in the right padded region are ignored");
 * - max pooling pads with -infinity, and a NaN in a window makes its output NaN;
 * - average pooling divides by the window's positions inside the padded input
 *   (count_include_pad), by its real pixels otherwise, or by divisor_override.
 */
import type { Array64 } from './helpers/reference.ts';

/** Pooling hyper-parameters for the naive references, [height, width] each. */
export interface NaivePoolOptions {
  kernel: [number, number];
  stride: [number, number];
  padding?: [number, number];
  dilation?: [number, number];
  ceilMode?: boolean;
}

/** Start positions (in unpadded coordinates, so possibly negative) of every window along one dimension. */
export function naiveWindowStarts(
  inSize: number,
  kernel: number,
  stride: number,
  padding: number,
  dilation: number,
  ceilMode: boolean,
): number[] {
  const padded = inSize + 2 * padding;
  const span = dilation * (kernel - 1) + 1;
  const starts: number[] = [];
  for (let start = 0; ; start += stride) {
    if (ceilMode) {
      // The rule also applies to the first window, through an imaginary one a stride
      // before it: so a first window may overhang the padded input by less than a stride.
      const previousReachedEnd = start - stride + span >= padded;
      if (previousReachedEnd || start >= padding + inSize) break;
    } else if (start + span > padded) break;
    starts.push(start - padding);
  }
  return starts;
}

function planesOf(shape: readonly number[]): { planes: number; H: number; W: number; lead: number[] } {
  const H = shape[shape.length - 2];
  const W = shape[shape.length - 1];
  const lead = shape.slice(0, -2);
  return { planes: lead.reduce((a, b) => a * b, 1), H, W, lead };
}

function geometry(x: Array64, o: NaivePoolOptions) {
  const { planes, H, W, lead } = planesOf(x.shape);
  const [pH, pW] = o.padding ?? [0, 0];
  const [dH, dW] = o.dilation ?? [1, 1];
  const rows = naiveWindowStarts(H, o.kernel[0], o.stride[0], pH, dH, o.ceilMode ?? false);
  const cols = naiveWindowStarts(W, o.kernel[1], o.stride[1], pW, dW, o.ceilMode ?? false);
  return { planes, H, W, lead, pH, pW, dH, dW, rows, cols };
}

/** Max pooling in float64: the max of the real pixels under the window's taps, NaN if any is NaN. */
export function maxPoolNaive(x: Array64, o: NaivePoolOptions): Array64 {
  const { planes, H, W, lead, dH, dW, rows, cols } = geometry(x, o);
  const out: number[] = [];
  for (let p = 0; p < planes; p++) {
    for (const r of rows) {
      for (const c of cols) {
        const values: number[] = [];
        for (let i = 0; i < o.kernel[0]; i++) {
          for (let j = 0; j < o.kernel[1]; j++) {
            const h = r + i * dH;
            const w = c + j * dW;
            if (h >= 0 && h < H && w >= 0 && w < W) values.push(x.data[p * H * W + h * W + w]);
          }
        }
        out.push(values.some(Number.isNaN) ? NaN : Math.max(-Infinity, ...values));
      }
    }
  }
  return { data: Float64Array.from(out), shape: [...lead, rows.length, cols.length] };
}

/** Average-pooling options of the naive reference (no dilation: PyTorch's avg_pool2d has none). */
export interface NaiveAvgOptions extends Omit<NaivePoolOptions, 'dilation'> {
  countIncludePad?: boolean;
  divisorOverride?: number | null;
}

/** Average pooling in float64, with PyTorch's three divisors. */
export function avgPoolNaive(x: Array64, o: NaiveAvgOptions): Array64 {
  const { planes, H, W, lead, pH, pW, rows, cols } = geometry(x, o);
  const out: number[] = [];
  for (let p = 0; p < planes; p++) {
    for (const r of rows) {
      for (const c of cols) {
        let sum = 0;
        let real = 0;
        let insidePadded = 0;
        for (let i = 0; i < o.kernel[0]; i++) {
          for (let j = 0; j < o.kernel[1]; j++) {
            const h = r + i;
            const w = c + j;
            if (h < H + pH && w < W + pW) insidePadded++;
            if (h >= 0 && h < H && w >= 0 && w < W) {
              sum += x.data[p * H * W + h * W + w];
              real++;
            }
          }
        }
        const divisor = o.divisorOverride ?? ((o.countIncludePad ?? true) ? insidePadded : real);
        out.push(real === 0 ? 0 : sum / divisor);
      }
    }
  }
  return { data: Float64Array.from(out), shape: [...lead, rows.length, cols.length] };
}

/** Adaptive average pooling in float64: window i spans floor(i*In/Out) .. ceil((i+1)*In/Out). */
export function adaptiveAvgPoolNaive(x: Array64, outH: number, outW: number): Array64 {
  const { planes, H, W, lead } = planesOf(x.shape);
  const out: number[] = [];
  for (let p = 0; p < planes; p++) {
    for (let i = 0; i < outH; i++) {
      for (let j = 0; j < outW; j++) {
        const rows = [Math.floor((i * H) / outH), Math.ceil(((i + 1) * H) / outH)];
        const cols = [Math.floor((j * W) / outW), Math.ceil(((j + 1) * W) / outW)];
        let sum = 0;
        let count = 0;
        for (let h = rows[0]; h < rows[1]; h++) {
          for (let w = cols[0]; w < cols[1]; w++) {
            sum += x.data[p * H * W + h * W + w];
            count++;
          }
        }
        out.push(sum / count);
      }
    }
  }
  return { data: Float64Array.from(out), shape: [...lead, outH, outW] };
}
