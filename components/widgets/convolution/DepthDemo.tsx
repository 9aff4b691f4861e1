/**
 * The depth demo: five 5x5x3 filters over a 32x32x3 picture give a 28x28x5 volume.
 * Pick a position and the same 5x5x3 patch lights up on the picture while the five
 * numbers along the output's depth, one per filter, are read out. All numbers are
 * the engine's conv2d.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { CHANNELS, DEPTH_FILTERS, DEPTH_KERNEL, PICTURE_SIZE, depthVolume, landscape } from './depth-model.ts';
import { formatRounded } from './model.ts';
import { divergingRgb } from '../../kit/colors.ts';
import type { DivergingPalette } from '../../kit/colors.ts';
import { usePalette } from '../../kit/use-palette.ts';
import { stringsFor } from '../../kit/strings.ts';
import { DEPTH_STRINGS } from './strings/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import './convolution.css';

/** Props the MDX passes. */
export interface DepthDemoProps {
  lang: Locale;
}

/** Paints a [size x size] plane of signed values with the diverging scale, scaled by maxAbs. */
function paintSigned(canvas: HTMLCanvasElement | null, plane: Float32Array, size: number, maxAbs: number, palette: DivergingPalette): void {
  const context = canvas?.getContext('2d');
  if (!canvas || !context) return;
  const image = context.createImageData(size, size);
  for (let i = 0; i < size * size; i++) image.data.set([...divergingRgb(plane[i], maxAbs, palette), 255], i * 4);
  context.putImageData(image, 0, 0);
}

function paintPicture(canvas: HTMLCanvasElement | null, pixels: Float32Array): void {
  const context = canvas?.getContext('2d');
  if (!canvas || !context) return;
  const n = PICTURE_SIZE;
  const image = context.createImageData(n, n);
  for (let i = 0; i < n * n; i++) {
    for (let c = 0; c < CHANNELS; c++) image.data[i * 4 + c] = Math.round(pixels[c * n * n + i] * 255);
    image.data[i * 4 + 3] = 255;
  }
  context.putImageData(image, 0, 0);
}

/** A square frame over a canvas, in canvas pixels. */
function Frame({ row, col, span, of }: { row: number; col: number; span: number; of: number }): JSX.Element {
  return (
    <div
      class="conv-window conv-window--still"
      aria-hidden="true"
      style={{
        left: `${(col / of) * 100}%`,
        top: `${(row / of) * 100}%`,
        width: `${(span / of) * 100}%`,
        height: `${(span / of) * 100}%`,
      }}
    />
  );
}

/** The depth demo (see the file comment). */
export default function DepthDemo({ lang }: DepthDemoProps): JSX.Element {
  const t = stringsFor(DEPTH_STRINGS, lang);
  const pixels = useMemo(landscape, []);
  const volume = useMemo(() => {
    try {
      return { ok: true as const, ...depthVolume() };
    } catch (error) {
      return { ok: false as const, message: error instanceof Error ? error.message : String(error) };
    }
  }, []);
  const outSize = volume.ok ? volume.shape[2] : 0;
  const depth = volume.ok ? volume.shape[1] : 0;
  const [row, setRow] = useState(8);
  const [col, setCol] = useState(16);
  const { palette } = usePalette();

  const pictureCanvas = useRef<HTMLCanvasElement>(null);
  const mapCanvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const filterCanvases = useRef<(HTMLCanvasElement | null)[]>([]);

  useEffect(() => {
    paintPicture(pictureCanvas.current, pixels);
    if (!volume.ok || !palette) return;
    const plane = outSize * outSize;
    for (let k = 0; k < depth; k++) {
      const values = volume.values.subarray(k * plane, (k + 1) * plane);
      const maxAbs = values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      paintSigned(mapCanvases.current[k], values, outSize, maxAbs, palette);
    }
    DEPTH_FILTERS.forEach((filter, k) => {
      const area = DEPTH_KERNEL * DEPTH_KERNEL;
      const maxAbs = filter.weights.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      for (let c = 0; c < CHANNELS; c++) {
        paintSigned(filterCanvases.current[k * CHANNELS + c], filter.weights.subarray(c * area, (c + 1) * area), DEPTH_KERNEL, maxAbs, palette);
      }
    });
  }, [pixels, volume, palette, outSize, depth]);

  if (!volume.ok) {
    return (
      <section class="conv-widget" aria-label={t.widgetLabel}>
        <p class="conv-error" role="alert">
          {t.engineError(volume.message)}
        </p>
      </section>
    );
  }

  const pickFrom = (event: MouseEvent, size: number, offset: number) => {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const clampTo = (v: number) => Math.max(0, Math.min(outSize - 1, v));
    setCol(clampTo(Math.floor(((event.clientX - box.left) / box.width) * size) - offset));
    setRow(clampTo(Math.floor(((event.clientY - box.top) / box.height) * size) - offset));
  };
  const plane = outSize * outSize;
  const column = DEPTH_FILTERS.map((_, k) => volume.values[k * plane + row * outSize + col]);

  return (
    <section class="conv-widget conv-depth-demo" aria-label={t.widgetLabel}>
      <p class="conv-intro">{t.intro}</p>
      <p class="conv-depth-shapes" data-testid="depth-shapes">
        {t.shapes(
          `${PICTURE_SIZE}×${PICTURE_SIZE}×${CHANNELS}`,
          depth,
          `${DEPTH_KERNEL}×${DEPTH_KERNEL}×${CHANNELS}`,
          `${outSize}×${outSize}×${depth}`,
        )}
      </p>
      <div class="conv-controls">
        <label class="conv-slider">
          <span>{t.row}</span>
          <input type="range" min={0} max={outSize - 1} value={row} onInput={(e) => setRow(Number((e.currentTarget as HTMLInputElement).value))} />
          <output>{row}</output>
        </label>
        <label class="conv-slider">
          <span>{t.column}</span>
          <input type="range" min={0} max={outSize - 1} value={col} onInput={(e) => setCol(Number((e.currentTarget as HTMLInputElement).value))} />
          <output>{col}</output>
        </label>
      </div>

      <div class="conv-depth-layout">
        <figure class="conv-depth-figure">
          <figcaption>{t.pictureCaption}</figcaption>
          <div class="conv-canvas-frame conv-canvas-frame--picture" onClick={(e) => pickFrom(e, PICTURE_SIZE, Math.floor(DEPTH_KERNEL / 2))}>
            <canvas ref={pictureCanvas} width={PICTURE_SIZE} height={PICTURE_SIZE} role="img" aria-label={t.pictureLabel(row, col, DEPTH_KERNEL)} />
            <Frame row={row} col={col} span={DEPTH_KERNEL} of={PICTURE_SIZE} />
          </div>
        </figure>

        <figure class="conv-depth-figure">
          <figcaption>{t.filtersCaption}</figcaption>
          <div class="conv-depth-filters">
            {DEPTH_FILTERS.map((filter, k) => (
              <div class="conv-depth-filter" key={filter.id}>
                <span class="conv-depth-filter-name">{t.filterName(filter.id)}</span>
                <div class="conv-depth-slices" role="img" aria-label={t.filterLabel(filter.id, DEPTH_KERNEL)}>
                  {[0, 1, 2].map((c) => (
                    <canvas
                      key={c}
                      ref={(el) => {
                        filterCanvases.current[k * CHANNELS + c] = el;
                      }}
                      width={DEPTH_KERNEL}
                      height={DEPTH_KERNEL}
                      class="conv-depth-slice"
                      data-channel={t.channelNames[c]}
                    />
                  ))}
                </div>
                <span class="conv-depth-channels" aria-hidden="true">
                  {t.channelNames.join(' · ')}
                </span>
              </div>
            ))}
          </div>
        </figure>
      </div>

      <figure class="conv-depth-figure">
        <figcaption>{t.mapsCaption(`${outSize}×${outSize}×${depth}`)}</figcaption>
        <div class="conv-depth-maps">
          {DEPTH_FILTERS.map((filter, k) => (
            <div class="conv-depth-map" key={filter.id}>
              <div class="conv-canvas-frame" onClick={(e) => pickFrom(e, outSize, 0)}>
                <canvas
                  ref={(el) => {
                    mapCanvases.current[k] = el;
                  }}
                  width={outSize}
                  height={outSize}
                  role="img"
                  aria-label={t.mapLabel(filter.id)}
                />
                <Frame row={row} col={col} span={1} of={outSize} />
              </div>
              <span class="conv-depth-filter-name">{t.filterName(filter.id)}</span>
            </div>
          ))}
        </div>
      </figure>

      <div class="conv-readout" aria-live="polite" data-testid="depth-readout">
        <p class="conv-sum">{t.columnLine(row, col, depth)}</p>
        <ul class="conv-depth-values">
          {DEPTH_FILTERS.map((filter, k) => (
            <li key={filter.id}>
              {t.filterName(filter.id)}: <strong>{formatRounded(column[k])}</strong>
            </li>
          ))}
        </ul>
        <p class="conv-hint">{t.samePatch(DEPTH_KERNEL * DEPTH_KERNEL * CHANNELS, `${DEPTH_KERNEL} × ${DEPTH_KERNEL} × ${CHANNELS}`)}</p>
      </div>
    </section>
  );
}
