/**
 * Lesson 11's photo panel: a photograph from public/images/, or the edge map an outline
 * filter makes of it, through 0 to 5 pooling layers (2x2, stride 2) of the engine's
 * maxPool2d beside the same number of avgPool2d layers. Shows that a colour picture
 * keeps its three maps, that detail goes layer by layer, and that max pooling keeps
 * thin, strong detections that averaging washes out.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { Note } from '../../kit/Note.tsx';
import { useSiteImage } from '../../kit/site-image.ts';
import { SliderField } from '../../kit/SliderField.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { stringsFor } from '../../kit/strings.ts';
import { PHOTO_STRINGS } from './strings/index.ts';
import { MAX_LAYERS, PHOTOS, displayScale, edgeMap, peak, photoTensor, poolRepeatedly, toRgba } from './photo-model.ts';
import type { PhotoId, PhotoSource } from './photo-model.ts';
import type { Tensor } from '../../../src/engine/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import './pooling.css';

export interface PoolingPhotoProps {
  lang: Locale;
}

interface PhotoState {
  photo: PhotoId;
  source: PhotoSource;
  layers: number;
}

const KEYS = { photo: 'photo', source: 'photo-src', layers: 'photo-layers' } as const;
type PhotoProblem = keyof typeof KEYS;
const initial = (): PhotoState => ({ photo: 'chelsea', source: 'edges', layers: 2 });

const QUERY: QueryCodec<PhotoState, PhotoProblem> = {
  initial,
  read: (params) => {
    const value = initial();
    const rejected: PhotoProblem[] = [];
    const photo = params.get(KEYS.photo);
    if (photo !== null) {
      if ((PHOTOS as readonly string[]).includes(photo)) value.photo = photo as PhotoId;
      else rejected.push('photo');
    }
    const source = params.get(KEYS.source);
    if (source !== null) {
      if (source === 'photo' || source === 'edges') value.source = source;
      else rejected.push('source');
    }
    const layers = params.get(KEYS.layers);
    if (layers !== null) {
      if (/^\d$/.test(layers) && Number(layers) <= MAX_LAYERS) value.layers = Number(layers);
      else rejected.push('layers');
    }
    return { value, rejected };
  },
  write: (state, params) => {
    const fresh = initial();
    for (const key of Object.keys(KEYS) as (keyof PhotoState)[]) {
      if (state[key] === fresh[key]) params.delete(KEYS[key]);
      else params.set(KEYS[key], String(state[key]));
    }
  },
};

function PooledCanvas({ x, scale, label, testId }: { x: Tensor; scale: number; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [, , height, width] = x.shape;
  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    context.putImageData(new ImageData(toRgba(x, scale), width, height), 0, 0);
  }, [x, scale]);
  return <canvas ref={canvas} width={width} height={height} class="pool-photo-canvas" role="img" aria-label={label} data-testid={testId} />;
}

/** The photo panel (see the file comment). */
export default function PoolingPhoto({ lang }: PoolingPhotoProps): JSX.Element {
  const t = stringsFor(PHOTO_STRINGS, lang);
  const { value: state, set: setState, rejected } = useQueryState(QUERY);
  const image = useSiteImage(`images/${state.photo}.png`);
  const photo = useMemo(
    () => (image.status === 'ready' ? photoTensor(image.pixels.data, image.pixels.width, image.pixels.height) : null),
    [image],
  );
  const source = useMemo(() => (photo ? (state.source === 'edges' ? edgeMap(photo) : photo) : null), [photo, state.source]);
  // One scale for both columns and every layer count, so a fading edge looks faded.
  const scale = useMemo(() => (source && state.source === 'edges' ? displayScale(source) : 1), [source, state.source]);
  const sourcePeak = useMemo(() => (source ? peak(source) : 1), [source]);
  const pooled = useMemo(
    () => (source ? { max: poolRepeatedly(source, 'max', state.layers), avg: poolRepeatedly(source, 'avg', state.layers) } : null),
    [source, state.layers],
  );

  const shape = (x: Tensor) => t.shape(x.shape[2], x.shape[3], x.shape[1]);
  const kept = (x: Tensor) => Math.round((peak(x) / sourcePeak) * 100);

  return (
    <section class="pool-widget pool-photo" aria-label={t.widgetLabel} data-layers={state.layers}>
      <p class="pool-intro">{t.intro}</p>
      {rejected.length > 0 && <Note testId="photo-url-note">{t.urlProblem(rejected)}</Note>}
      <div class="pool-choices">
        <ChoiceGroup label={t.photoLabel} options={PHOTOS.map((id) => ({ value: id, label: t.photos[id] }))} value={state.photo} onChange={(photo) => setState((s) => ({ ...s, photo }))} />
        <ChoiceGroup
          label={t.sourceLabel}
          options={[
            { value: 'photo', label: t.sources.photo },
            { value: 'edges', label: t.sources.edges },
          ]}
          value={state.source}
          onChange={(src) => setState((s) => ({ ...s, source: src }))}
        />
      </div>
      <SliderField label={t.layers} value={state.layers} min={0} max={MAX_LAYERS} onInput={(layers) => setState((s) => ({ ...s, layers }))} />
      {image.status === 'failed' && (
        <p class="pool-error" role="alert">
          {t.loadError(image.message)}
        </p>
      )}
      {source && pooled ? (
        <>
          <p class="pool-hint" data-testid="photo-source-shape">
            {t.sourceShape(shape(source))}
          </p>
          <div class="pool-photo-panels">
            {(['max', 'avg'] as const).map((mode) => (
              <figure class="pool-photo-figure" key={mode}>
                <PooledCanvas x={pooled[mode]} scale={scale} label={t.canvasLabel(mode, state.layers, shape(pooled[mode]))} testId={`photo-${mode}`} />
                <figcaption>
                  <strong>{t.modes[mode]}</strong>: <span data-testid={`photo-${mode}-shape`}>{shape(pooled[mode])}</span>
                  {state.source === 'edges' && (
                    <>
                      {' · '}
                      <span data-testid={`photo-${mode}-kept`}>{t.kept(kept(pooled[mode]))}</span>
                    </>
                  )}
                </figcaption>
              </figure>
            ))}
          </div>
        </>
      ) : (
        image.status !== 'failed' && <p class="pool-hint">{t.loading}</p>
      )}
    </section>
  );
}
