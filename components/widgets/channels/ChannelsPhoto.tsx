/**
 * Lesson 8's photo panel: a colour photograph split by the engine into its red, green
 * and blue channels, a bank of 3-D filters (each as deep as the photo: one 3x3 slice
 * per channel), and one output map per filter from the engine's `conv2d`. Under each
 * map, the output at the middle pixel is shown as the sum of the three channels' shares.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { useSiteImage } from '../../kit/site-image.ts';
import { usePalette } from '../../kit/use-palette.ts';
import { divergingRgb } from '../../kit/colors.ts';
import type { DivergingPalette } from '../../kit/colors.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { FILTERS, FILTER_IDS, FILTER_LIMITS, PHOTOS, channelPlane, decodePhoto, defaultPhoto, encodePhoto, rgbTensor, runFilters, scaleOf } from './model.ts';
import type { PhotoConfig } from './model.ts';
import { STRINGS } from './strings/index.ts';
import './channels.css';

const QUERY: QueryCodec<PhotoConfig> = {
  initial: defaultPhoto,
  read: (params) => {
    const { config, rejected } = decodePhoto(params);
    return { value: config, rejected };
  },
  write: encodePhoto,
};

/** Channel c of the picture, drawn in its own colour. */
function channelRgba(plane: Float32Array, channel: number): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(4 * plane.length);
  for (let i = 0; i < plane.length; i++) {
    out[4 * i + channel] = Math.round(plane[i] * 255);
    out[4 * i + 3] = 255;
  }
  return out;
}

/** A signed map on the theme's diverging scale. */
function mapRgba(plane: Float32Array, palette: DivergingPalette): Uint8ClampedArray<ArrayBuffer> {
  const scale = scaleOf(plane);
  const out = new Uint8ClampedArray(4 * plane.length);
  for (let i = 0; i < plane.length; i++) {
    const [r, g, b] = divergingRgb(plane[i], scale, palette);
    out[4 * i] = r;
    out[4 * i + 1] = g;
    out[4 * i + 2] = b;
    out[4 * i + 3] = 255;
  }
  return out;
}

function Plane({ rgba, width, height, label, testId }: { rgba: Uint8ClampedArray<ArrayBuffer> | null; width: number; height: number; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (context && rgba) context.putImageData(new ImageData(rgba, width, height), 0, 0);
  }, [rgba, width, height]);
  return <canvas ref={canvas} width={width} height={height} class="ch-canvas" role="img" aria-label={label} data-testid={testId} />;
}

/** One filter's three 3x3 slices as coloured squares, labelled with the channel. */
function FilterSlices({ weights, palette, label, channelNames }: { weights: number[][][]; palette: DivergingPalette | null; label: string; channelNames: readonly string[] }) {
  const max = Math.max(...weights.flat(2).map(Math.abs)) || 1;
  const k = weights[0].length;
  const cell = 10;
  const gap = 8;
  const width = 3 * k * cell + 2 * gap;
  return (
    <svg class="ch-slices" viewBox={`0 0 ${width} ${k * cell + 14}`} role="img" aria-label={label}>
      {weights.map((plane, c) => (
        <g key={c} transform={`translate(${c * (k * cell + gap)}, 0)`}>
          {plane.flatMap((row, r) =>
            row.map((v, col) => {
              const fill = palette ? `rgb(${divergingRgb(v, max, palette).join(',')})` : 'transparent';
              return <rect key={`${r}-${col}`} x={col * cell} y={r * cell} width={cell} height={cell} fill={fill} class="ch-slice-cell" />;
            }),
          )}
          <text x={(k * cell) / 2} y={k * cell + 11} text-anchor="middle" class="ch-slice-label">
            {channelNames[c]}
          </text>
        </g>
      ))}
    </svg>
  );
}

const signed = (v: number) => (v < 0 ? `− ${Math.abs(v).toFixed(2)}` : `+ ${v.toFixed(2)}`);

/** The photo panel island. */
export default function ChannelsPhoto({ lang }: { lang: Locale }): JSX.Element {
  const t = stringsFor(STRINGS, lang);
  const { value: config, set, rejected } = useQueryState(QUERY);
  const { palette, version } = usePalette();
  const image = useSiteImage(`images/${config.photo}.png`);
  const x = useMemo(() => (image.status === 'ready' ? rgbTensor(image.pixels.data, image.pixels.width, image.pixels.height) : null), [image]);
  const result = useMemo(() => (x ? runFilters(x, config.filters) : null), [x, config.filters]);
  const channels = useMemo(() => (x ? [0, 1, 2].map((c) => channelRgba(channelPlane(x, c), c)) : null), [x]);
  const maps = useMemo(() => (result && palette ? result.maps.map((m) => mapRgba(m, palette)) : null), [result, palette, version]);
  const height = x?.shape[2] ?? 0;
  const width = x?.shape[3] ?? 0;

  return (
    <WidgetFrame title={t.photoTitle} caption={t.photoCaption} class="ch-photo">
      {rejected.length > 0 && <Note testId="ch-photo-rejected">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <ChoiceGroup label={t.photoLabel} options={PHOTOS.map((id) => ({ value: id, label: t.photos[id] }))} value={config.photo} onChange={(photo) => set((c) => ({ ...c, photo }))} />
        <SliderField label={t.filtersLabel} value={config.filters} min={FILTER_LIMITS[0]} max={FILTER_LIMITS[1]} onInput={(filters) => set((c) => ({ ...c, filters }))} />
      </div>
      {image.status === 'failed' && (
        <p class="ch-error" role="alert">
          {t.loadError(image.message)}
        </p>
      )}
      {x && result && channels ? (
        <>
          <p class="ch-shapes" data-testid="ch-shapes" aria-live="polite">
            {t.shapes(t.shape(x.shape), t.shape(result.weightShape), t.shape(result.outputShape))}
          </p>
          <h3 class="ch-heading">{t.channelsHeading}</h3>
          <div class="ch-row ch-row--three">
            {channels.map((rgba, c) => (
              <figure key={c} class="ch-figure">
                <Plane rgba={rgba} width={width} height={height} label={t.channelAria(t.channelNames[c], height, width)} testId={`ch-channel-${c}`} />
                <figcaption>{t.channelNames[c]}</figcaption>
              </figure>
            ))}
          </div>
          <h3 class="ch-heading">{t.mapsHeading}</h3>
          <p class="ch-note">{t.sumAt(result.at.row, result.at.col)}</p>
          <div class="ch-row ch-row--maps" data-testid="ch-maps" data-count={result.maps.length}>
            {result.maps.map((_, f) => {
              const id = FILTER_IDS[f];
              const s = result.shares[f];
              return (
                <figure key={id} class="ch-figure ch-filter" data-testid={`ch-filter-${f}`}>
                  <figcaption>
                    <strong>{t.filterNames[id]}</strong>
                  </figcaption>
                  <FilterSlices weights={FILTERS[id]} palette={palette} label={t.filterAria(t.filterNames[id], FILTERS[id][0].length)} channelNames={t.channelNames} />
                  <Plane rgba={maps ? maps[f] : null} width={width} height={height} label={t.mapAria(t.filterNames[id], height, width)} testId={`ch-map-${f}`} />
                  <p class="ch-sum" data-testid={`ch-sum-${f}`}>
                    {`${s.r.toFixed(2)} ${signed(s.g)} ${signed(s.b)} = ${s.out.toFixed(2)}`}
                  </p>
                </figure>
              );
            })}
          </div>
          <p class="ch-note ch-legend">
            <span class="ch-ramp" aria-hidden="true" />
            {t.legend}
          </p>
        </>
      ) : (
        image.status !== 'failed' && <p class="ch-note">{t.loading}</p>
      )}
    </WidgetFrame>
  );
}
