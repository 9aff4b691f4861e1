/**
 * `summary`: a model's layers, output shapes, parameter counts, receptive
 * fields and multiply-accumulates, worked out from the layers' configuration
 * alone. No weight is allocated and no tensor is computed, so describing
 * VGG-16 (138 million parameters) costs microseconds, not half a gigabyte.
 */
import type { Module } from './nn/module.ts';
import { ShapeTracer, pixelReceptiveField } from './nn/trace.ts';
import type { LayerSummary } from './nn/trace.ts';
import { formatShape } from './tensor.ts';

/** What `summary` returns. */
export interface ModelSummary {
  /** One row per leaf layer, in the order the forward pass runs them. */
  layers: LayerSummary[];
  /** Every parameter value of the model, each shared parameter once. */
  totalParams: number;
  /** Those with `requiresGrad`. */
  trainableParams: number;
  /** Sum of the rows' multiply-accumulates (conv and linear layers). */
  totalMacs: number;
  inputShape: number[];
  outputShape: number[];
}

/**
 * Traces `inputShape` (batch included, e.g. [1, 3, 224, 224]) through `model`.
 * A shape that does not fit throws an error naming the layer and the reason:
 * "layer 'classifier.1' (Linear): expected last dimension 120, got 400".
 *
 * @example summary(models.vgg16(), [1, 3, 224, 224]).totalParams // 138357544
 */
export function summary(model: Module, inputShape: readonly number[]): ModelSummary {
  if (!Array.isArray(inputShape) || !inputShape.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new Error(`summary: inputShape must be a list of positive integers, got ${JSON.stringify(inputShape)}`);
  }
  const tracer = new ShapeTracer();
  const output = model.trace(
    { shape: inputShape, receptiveField: inputShape.length >= 3 ? pixelReceptiveField() : null },
    tracer,
    '',
  );
  return {
    layers: tracer.layers,
    totalParams: model.countParameters(),
    trainableParams: model.countParameters({ trainableOnly: true }),
    totalMacs: tracer.layers.reduce((total, row) => total + (row.macs ?? 0), 0),
    inputShape: [...inputShape],
    outputShape: [...output.shape],
  };
}

/** Groups digits in threes: 138357544 -> "138,357,544". */
function grouped(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A summary as a fixed-width text table, like torchinfo prints (for logs and the console). */
export function formatSummary(result: ModelSummary): string {
  const header = ['Layer', 'Type', 'Output shape', 'Params', 'RF'];
  const rows = result.layers.map((row) => [
    row.name || '(root)',
    row.type,
    formatShape(row.outputShape),
    grouped(row.params),
    row.receptiveField ? `${row.receptiveField.size[0]}x${row.receptiveField.size[1]}` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const rule = '-'.repeat(widths.reduce((a, b) => a + b + 2, -2));
  return [
    line(header),
    rule,
    ...rows.map(line),
    rule,
    `Total params: ${grouped(result.totalParams)}`,
    `Trainable params: ${grouped(result.trainableParams)}`,
    `Mult-adds: ${grouped(result.totalMacs)}`,
  ].join('\n');
}
