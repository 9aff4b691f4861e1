/**
 * Inside the network, for one test image: the picture and the answer, then
 * every layer's output (its activation maps, or its values for a flat layer)
 * and every convolution's filters. Signed numbers use the theme's diverging
 * colours (zero is the neutral middle); the first layer's filters can also be
 * shown in greyscale, the classic way, where each filter is stretched from
 * black (its most negative weight) to white (its most positive).
 */
import { memo } from 'preact/compat';
import type { DivergingPalette } from '../../kit/colors.ts';
import type { InspectionEvent, LayerInspection } from '../../../src/training/protocol.ts';
import { PixelCanvas } from './PixelCanvas.tsx';
import { ProbabilityList } from './ProbabilityList.tsx';
import { HandmadeComparison } from './HandmadeComparison.tsx';
import { divergingRgba, greyscaleRgba, maxAbs, padTo, stripShape, valueRange } from './pixels.ts';
import { shapeText } from './format.ts';
import type { TrainingStrings } from './strings/index.ts';

/** How the first layer's filters are coloured. */
export type FilterColouring = 'grey' | 'signed';

/** Props of {@link NetworkView}. */
export interface NetworkViewProps {
  inspection: InspectionEvent;
  /** One image, [C, H, W] (from the trainer's ready event). */
  inputShape: readonly number[];
  palette: DivergingPalette;
  classes: readonly string[];
  colouring: FilterColouring;
  /** Show the first layer's filters beside hand-made ones (lesson 13). */
  showHandmade: boolean;
  t: TrainingStrings;
}

/** Shown size of one value, so maps of any size come out about 50 px wide. */
function scaleFor(width: number, target = 50): number {
  return Math.max(1, Math.min(12, Math.round(target / width)));
}

function format2(v: number): string {
  return Number.isFinite(v) ? v.toFixed(2) : '–';
}

interface LayerProps {
  layer: LayerInspection;
  first: boolean;
  palette: DivergingPalette;
  colouring: FilterColouring;
  t: TrainingStrings;
}

/** One layer's output maps (or values) and, for a convolution, its filters. */
function LayerPanel({ layer, first, palette, colouring, t }: LayerProps) {
  const v = t.inside;
  const values = layer.activations;
  const scale = maxAbs(values);
  const range = valueRange(values);
  let maps;
  if (layer.shape.length === 3) {
    const [channels, height, width] = layer.shape;
    const area = height * width;
    const px = scaleFor(width);
    maps = (
      <div
        class="training-maps"
        role="img"
        aria-label={v.mapsLabel(channels, shapeText([height, width]), format2(range.min), format2(range.max))}
        data-maps={channels}
      >
        {Array.from({ length: channels }, (_, c) => (
          <PixelCanvas key={c} rgba={divergingRgba(values, c * area, area, scale, palette)} width={width} height={height} scale={px} />
        ))}
      </div>
    );
  } else {
    const count = values.length;
    const { width, height } = stripShape(count);
    const padded = padTo(values, 0, count, width * height);
    maps = (
      <div class="training-maps" role="img" aria-label={v.valuesLabel(count, format2(range.min), format2(range.max))} data-maps={1}>
        <PixelCanvas rgba={divergingRgba(padded, 0, padded.length, scale, palette)} width={width} height={height} scale={Math.max(3, scaleFor(width, 60))} />
      </div>
    );
  }

  let filters = null;
  if (layer.filters && layer.filterShape && layer.filterShape.length === 4) {
    const [outC, inC, kh, kw] = layer.filterShape;
    const area = kh * kw;
    const weights = layer.filters;
    const wScale = maxAbs(weights);
    const grey = first && colouring === 'grey';
    const tiles = [];
    for (let o = 0; o < outC; o++) {
      for (let i = 0; i < inC; i++) {
        const from = (o * inC + i) * area;
        const { min, max } = grey ? valueRange(weights, from, area) : { min: 0, max: 0 };
        tiles.push(
          <PixelCanvas
            key={`${o}-${i}`}
            rgba={grey ? greyscaleRgba(weights, from, area, min, max) : divergingRgba(weights, from, area, wScale, palette)}
            width={kw}
            height={kh}
            scale={first ? scaleFor(kw, 40) : scaleFor(kw, 20)}
            class="training-filter"
          />,
        );
      }
    }
    const wRange = valueRange(weights);
    filters = (
      <div class="training-filters-block">
        <p class="training-layer__sub">{first ? v.firstFilters(outC, shapeText([kh, kw])) : v.filters(outC, inC, shapeText([kh, kw]))}</p>
        <div
          class={first ? 'training-filters training-filters--first' : 'training-filters'}
          style={first ? undefined : { gridTemplateColumns: `repeat(${inC}, auto)` }}
          role="img"
          aria-label={v.filtersLabel(outC, inC, shapeText([kh, kw]), format2(wRange.min), format2(wRange.max), grey)}
          data-filters={outC * inC}
        >
          {tiles}
        </div>
      </div>
    );
  }

  return (
    <li class="training-layer" data-layer={layer.name}>
      <p class="training-layer__title">
        <span class="training-mono">{layer.name}</span> <span class="training-layer__type">{layer.type}</span>{' '}
        <span class="training-mono training-layer__shape">{shapeText(layer.shape)}</span>
      </p>
      {maps}
      {filters}
    </li>
  );
}

function NetworkViewInner({ inspection, inputShape, palette, classes, colouring, showHandmade, t }: NetworkViewProps) {
  const v = t.inside;
  // The datasets are grey; a colour picture would show its first channel.
  const [h, w] = [inputShape[1] ?? 28, inputShape[2] ?? 28];
  const picture = greyscaleRgba(inspection.input, 0, h * w, 0, 1);
  const firstConv = inspection.layers.findIndex((l) => l.filters !== undefined);
  const first = firstConv >= 0 ? inspection.layers[firstConv] : undefined;
  const correct = inspection.predicted === inspection.label;
  return (
    <div class="training-inside" data-test-index={inspection.testIndex}>
      <div class="training-inside__top">
        <div class="training-inside__picture">
          <PixelCanvas rgba={picture} width={w} height={h} scale={4} label={v.pictureLabel(inspection.testIndex, classes[inspection.label] ?? String(inspection.label))} class="training-picture" />
          <p class={correct ? 'training-verdict training-verdict--right' : 'training-verdict training-verdict--wrong'} aria-live="polite">
            {v.verdict(classes[inspection.label] ?? String(inspection.label), classes[inspection.predicted] ?? String(inspection.predicted), correct)}
          </p>
        </div>
        <ProbabilityList probabilities={inspection.probabilities} classes={classes} predicted={inspection.predicted} label={inspection.label} caption={v.probabilities} />
      </div>
      {showHandmade && first && first.filterShape && first.filterShape[1] === 1 && first.filters && (
        <HandmadeComparison filters={first.filters} count={first.filterShape[0]} size={first.filterShape[2]} square={first.filterShape[2] === first.filterShape[3]} palette={palette} t={t} />
      )}
      <ol class="training-layers">
        {inspection.layers.map((layer, index) => (
          <LayerPanel key={layer.name} layer={layer} first={index === firstConv} palette={palette} colouring={colouring} t={t} />
        ))}
      </ol>
    </div>
  );
}

/** The inspector (redrawn only when a new inspection, palette or colouring arrives). */
export const NetworkView = memo(NetworkViewInner);
