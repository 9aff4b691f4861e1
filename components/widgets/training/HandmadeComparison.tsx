/**
 * The first layer's learned filters next to the hand-made filter each one
 * resembles most (Sobel-style edges in four directions and a centre-surround
 * spot), with their correlation. Before training the matches are weak and
 * scattered; as the network learns, many filters drift towards edge and stroke
 * detectors nobody designed.
 */
import { useId } from 'preact/hooks';
import type { DivergingPalette } from '../../kit/colors.ts';
import { PixelCanvas } from './PixelCanvas.tsx';
import { HANDMADE_KINDS, closestHandmade, handmadeFilter } from './handmade.ts';
import { divergingRgba, maxAbs } from './pixels.ts';
import type { TrainingStrings } from './strings/index.ts';

/** Props of {@link HandmadeComparison}. */
export interface HandmadeComparisonProps {
  /** The first layer's weights, [count, 1, size, size]. */
  filters: Float32Array;
  count: number;
  size: number;
  /** Only square kernels are compared. */
  square: boolean;
  palette: DivergingPalette;
  t: TrainingStrings;
}

/** Most learned filters listed (a wide first layer would drown the point). */
const MAX_SHOWN = 16;

/** Learned against hand-made. */
export function HandmadeComparison({ filters, count, size, square, palette, t }: HandmadeComparisonProps) {
  const h = t.handmade;
  const titleId = useId();
  if (!square || size < 2) return null;
  const area = size * size;
  const bank = HANDMADE_KINDS.map((kind) => ({ kind, values: handmadeFilter(kind, size) }));
  const matches = closestHandmade(filters, count, size).slice(0, MAX_SHOWN);
  const px = Math.max(4, Math.round(36 / size));
  return (
    <section class="training-handmade" aria-labelledby={titleId}>
      <h4 id={titleId} class="training-subheading">
        {h.heading}
      </h4>
      <p class="cl-hint">{h.intro}</p>
      <ul class="training-handmade__bank">
        {bank.map(({ kind, values }) => (
          <li key={kind}>
            <PixelCanvas rgba={divergingRgba(values, 0, area, maxAbs(values), palette)} width={size} height={size} scale={px} class="training-filter" />
            <span>{h.kinds[kind]}</span>
          </li>
        ))}
      </ul>
      <ul class="training-handmade__matches">
        {matches.map((match, f) => {
          const learnedScale = maxAbs(filters, f * area, area);
          const reference = bank.find((b) => b.kind === match.kind)!.values;
          return (
            <li key={f} class="training-handmade__match" data-correlation={match.correlation.toFixed(3)}>
              <PixelCanvas rgba={divergingRgba(filters, f * area, area, learnedScale, palette)} width={size} height={size} scale={px} class="training-filter" />
              <span aria-hidden="true">≈</span>
              <PixelCanvas rgba={divergingRgba(reference, 0, area, maxAbs(reference), palette)} width={size} height={size} scale={px} class="training-filter" />
              <span class="training-handmade__text">{h.match(f, h.kinds[match.kind], match.correlation)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
