/**
 * Shape tracing: what `summary` pushes through a model instead of tensors.
 *
 * Each layer maps an input shape to an output shape from its configuration
 * alone, and conv/pool layers also grow the receptive field. No weights are
 * touched, so a model can be described before (or without) ever allocating it.
 */
import { effectiveKernelSize } from '../shapes.ts';

/**
 * How much of the input one output position sees, per spatial dimension [h, w]:
 * `size` in input pixels, `jump` (the distance in input pixels between two
 * neighbouring outputs: the product of the strides so far) and `start`, the
 * input coordinate of the centre of the first output's field (pixel centres sit
 * at 0, 1, 2, ...; a negative start means the field hangs over the padding).
 * Sizes are not clipped to the image: a field can be wider than the input.
 */
export interface ReceptiveField {
  size: [number, number];
  jump: [number, number];
  start: [number, number];
}

/** What flows from layer to layer during a trace. */
export interface TraceState {
  shape: readonly number[];
  /** `null` once the spatial layout is gone (after Flatten or Linear). */
  receptiveField: ReceptiveField | null;
}

/** One row of a model summary: a leaf layer, in the order the forward pass runs it. */
export interface LayerSummary {
  /** Dotted name as in `namedModules()` ("features.0"). */
  name: string;
  /** The module's type ("Conv2d"). */
  type: string;
  outputShape: number[];
  /** Parameters the layer owns (a layer run twice shows them on both rows). */
  params: number;
  /** For layers whose output still has a spatial layout. */
  receptiveField?: ReceptiveField;
  /** Multiply-accumulates for this input (the whole batch), conv and linear layers only. */
  macs?: number;
}

/** Collects the rows of a summary while a model traces its shapes. */
export class ShapeTracer {
  readonly layers: LayerSummary[] = [];
  /** False for a trace run only to learn an output shape. */
  readonly recording: boolean;

  constructor(recording = true) {
    this.recording = recording;
  }

  /** Adds a row (when recording). */
  record(row: LayerSummary): void {
    if (this.recording) this.layers.push(row);
  }
}

/** The receptive field of an input pixel: itself. */
export function pixelReceptiveField(): ReceptiveField {
  return { size: [1, 1], jump: [1, 1], start: [0, 0] };
}

/** The geometry of a sliding window (conv or pool), per dimension [h, w]. */
export interface WindowGeometry {
  kernel: readonly [number, number];
  stride: readonly [number, number];
  /** Padding before the first row / column. */
  padding: readonly [number, number];
  dilation: readonly [number, number];
}

/**
 * The field after a sliding window: a window of effective extent
 * k' = dilation * (k - 1) + 1 adds (k' - 1) * jump pixels to the field, the
 * stride multiplies the jump, and padding shifts the first window left.
 */
export function slideReceptiveField(rf: ReceptiveField, window: WindowGeometry): ReceptiveField {
  const out: ReceptiveField = { size: [0, 0], jump: [0, 0], start: [0, 0] };
  for (const d of [0, 1] as const) {
    const extent = effectiveKernelSize(window.kernel[d], window.dilation[d]);
    out.size[d] = rf.size[d] + (extent - 1) * rf.jump[d];
    out.start[d] = rf.start[d] + ((extent - 1) / 2 - window.padding[d]) * rf.jump[d];
    out.jump[d] = rf.jump[d] * window.stride[d];
  }
  return out;
}

/**
 * The field of a sum of two paths (a residual block): the union of the two
 * fields. Both paths must have come through the same total stride.
 */
export function unionReceptiveFields(a: ReceptiveField, b: ReceptiveField): ReceptiveField {
  const out: ReceptiveField = { size: [0, 0], jump: [a.jump[0], a.jump[1]], start: [0, 0] };
  for (const d of [0, 1] as const) {
    const low = Math.min(a.start[d] - (a.size[d] - 1) / 2, b.start[d] - (b.size[d] - 1) / 2);
    const high = Math.max(a.start[d] + (a.size[d] - 1) / 2, b.start[d] + (b.size[d] - 1) / 2);
    out.size[d] = high - low + 1;
    out.start[d] = (low + high) / 2;
  }
  return out;
}
