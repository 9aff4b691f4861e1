/**
 * Lesson 9's activation map: a photograph filtered by the engine's `conv2d` (the
 * feature map), and the same map after the engine's `relu` (the activation map),
 * drawn side by side on one diverging colour scale from the theme's palette.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { useSiteImage } from '../../kit/site-image.ts';
import { usePalette } from '../../kit/use-palette.ts';
import { divergingRgb } from '../../kit/colors.ts';
import type { DivergingPalette } from '../../kit/colors.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Tensor } from '../../../src/engine/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { FILTER_IDS, PHOTOS, greyTensor, mapPair } from './model.ts';
import { defaultMap, readMap, writeMap } from './state.ts';
import type { MapState } from './state.ts';
import { STRINGS } from './strings/index.ts';
import './activations.css';

const QUERY: QueryCodec<MapState> = { initial: defaultMap, read: readMap, write: writeMap };

function MapCanvas({ x, scale, palette, version, label, testId }: { x: Tensor; scale: number; palette: DivergingPalette | null; version: number; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [, , height, width] = x.shape;
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || !palette) return;
    const rgba = new Uint8ClampedArray(width * height * 4);
    for (let i = 0; i < width * height; i++) {
      const [r, g, b] = divergingRgb(x.data[i], scale, palette);
      rgba[4 * i] = r;
      rgba[4 * i + 1] = g;
      rgba[4 * i + 2] = b;
      rgba[4 * i + 3] = 255;
    }
    context.putImageData(new ImageData(rgba, width, height), 0, 0);
  }, [x, scale, palette, version]);
  return <canvas ref={canvas} width={width} height={height} class="ac-canvas" role="img" aria-label={label} data-testid={testId} />;
}

const percent = (share: number) => Math.round(share * 100);
const show = (v: number) => v.toFixed(2).replace('-', '−');

export default function ActivationMap({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: state, set, rejected } = useQueryState(QUERY);
  const image = useSiteImage(`images/${state.photo}.png`);
  const { palette, version } = usePalette();
  const grey = useMemo(() => (image.status === 'ready' ? greyTensor(image.pixels.data, image.pixels.width, image.pixels.height) : null), [image]);
  const pair = useMemo(() => (grey ? mapPair(grey, state.filter) : null), [grey, state.filter]);

  return (
    <WidgetFrame title={t.mapTitle} caption={t.mapCaption} class="ac-widget ac-map">
      {rejected.length > 0 && <Note testId="ac-map-rejected">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <ChoiceGroup label={t.photoLabel} options={PHOTOS.map((id) => ({ value: id, label: t.photos[id] }))} value={state.photo} onChange={(photo) => set((s) => ({ ...s, photo }))} />
        <ChoiceGroup label={t.filterLabel} options={FILTER_IDS.map((id) => ({ value: id, label: t.filters[id] }))} value={state.filter} onChange={(filter) => set((s) => ({ ...s, filter }))} />
      </div>
      {image.status === 'failed' && (
        <p class="cl-error" role="alert">
          {t.loadError(image.message)}
        </p>
      )}
      {grey && pair ? (
        <>
          <p class="ac-note" data-testid="ac-map-source">{t.mapSource(grey.shape[3], grey.shape[2])}</p>
          <div class="ac-maps" data-photo={state.photo} data-filter={state.filter}>
            <figure>
              <MapCanvas x={pair.feature} scale={pair.maxAbs} palette={palette} version={version} label={t.featureAria(grey.shape[3], grey.shape[2])} testId="ac-feature" />
              <figcaption>{t.featureHeading}</figcaption>
            </figure>
            <figure>
              <MapCanvas x={pair.activation} scale={pair.maxAbs} palette={palette} version={version} label={t.activationAria(percent(pair.zeroShare))} testId="ac-activation" />
              <figcaption>{t.activationHeading}</figcaption>
            </figure>
          </div>
          <ul class="ac-legend ac-legend--swatches">
            <li><span class="ac-swatch ac-swatch--neg" aria-hidden="true" />{t.legendNegative}</li>
            <li><span class="ac-swatch ac-swatch--zero" aria-hidden="true" />{t.legendZero}</li>
            <li><span class="ac-swatch ac-swatch--pos" aria-hidden="true" />{t.legendPositive}</li>
          </ul>
          <p class="ac-readout" aria-live="polite" data-testid="ac-map-stats">{t.mapStats(percent(pair.negativeShare), percent(pair.zeroShare))}</p>
          <p class="ac-note" data-testid="ac-map-range">{t.mapRange(show(pair.min), show(pair.max))}</p>
        </>
      ) : (
        image.status !== 'failed' && <p class="ac-note">{t.loading}</p>
      )}
    </WidgetFrame>
  );
}
