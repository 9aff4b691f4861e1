/**
 * Lesson 6's photo comparison: an outline filter on a photograph, downsampled by 2 or
 * 4 two ways, a stride-1 convolution followed by max pooling or one strided
 * convolution, both run by the engine, with each path's output shape and
 * multiply-accumulates from the engine's `summary`.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { useSiteImage } from '../../kit/site-image.ts';
import { stringsFor } from '../../kit/strings.ts';
import { STRINGS } from './strings/index.ts';
import { FACTORS, PHOTOS, bothPaths, edgeShare, greyTensor, pathCosts, toRgba, whitePoint } from './photo-model.ts';
import type { Factor, PhotoId } from './photo-model.ts';
import type { Tensor } from '../../../src/engine/index.ts';
import { conv2d, noGrad, relu, tensor } from '../../../src/engine/index.ts';
import { EDGE_KERNEL } from './photo-model.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import './stride.css';

export interface StridePhotoProps {
  lang: Locale;
}

interface PhotoState {
  photo: PhotoId;
  factor: Factor;
}

const KEYS = { photo: 'stPhoto', factor: 'stF' } as const;
type PhotoProblem = keyof typeof KEYS;

const QUERY: QueryCodec<PhotoState, PhotoProblem> = {
  initial: () => ({ photo: 'camera', factor: 2 }),
  read: (params) => {
    const value: PhotoState = { photo: 'camera', factor: 2 };
    const rejected: PhotoProblem[] = [];
    const photo = params.get(KEYS.photo);
    if (photo !== null) {
      if ((PHOTOS as readonly string[]).includes(photo)) value.photo = photo as PhotoId;
      else rejected.push('photo');
    }
    const factor = params.get(KEYS.factor);
    if (factor !== null) {
      if ((FACTORS as readonly number[]).map(String).includes(factor)) value.factor = Number(factor) as Factor;
      else rejected.push('factor');
    }
    return { value, rejected };
  },
  write: (state, params) => {
    if (state.photo === 'camera') params.delete(KEYS.photo);
    else params.set(KEYS.photo, state.photo);
    if (state.factor === 2) params.delete(KEYS.factor);
    else params.set(KEYS.factor, String(state.factor));
  },
};

function MapCanvas({ x, white, label, testId }: { x: Tensor; white: number; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [, , height, width] = x.shape;
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (context) context.putImageData(new ImageData(toRgba(x, white), width, height), 0, 0);
  }, [x, white]);
  return <canvas ref={canvas} width={width} height={height} class="st-photo-canvas" role="img" aria-label={label} data-testid={testId} />;
}

/** The photo comparison (see the file comment). */
export default function StridePhoto({ lang }: StridePhotoProps): JSX.Element {
  const t = stringsFor(STRINGS, lang);
  const { value: state, set: setState, rejected } = useQueryState(QUERY);
  const image = useSiteImage(`images/${state.photo}.png`);
  const grey = useMemo(
    () => (image.status === 'ready' ? greyTensor(image.pixels.data, image.pixels.width, image.pixels.height) : null),
    [image],
  );
  // One white point for both paths, taken from the full-resolution edge map, so they compare fairly.
  const white = useMemo(
    () => (grey ? whitePoint(noGrad(() => relu(conv2d(grey, tensor(EDGE_KERNEL, [1, 1, 3, 3]), null, { padding: 1 })))) : 1),
    [grey],
  );
  const paths = useMemo(() => (grey ? bothPaths(grey, state.factor) : null), [grey, state.factor]);
  const costs = useMemo(() => (grey ? pathCosts(grey.shape[2], grey.shape[3], state.factor) : null), [grey, state.factor]);
  const macs = (n: number) => n.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US');
  const shape = (s: readonly number[]) => t.photoShape(s[2], s[3]);

  return (
    <section class="st-widget st-photo" aria-label={t.photoWidgetLabel} data-factor={state.factor}>
      <p class="st-intro">{t.photoIntro}</p>
      {rejected.length > 0 && <Note testId="st-photo-url-note">{t.photoUrlProblem(rejected)}</Note>}
      <div class="st-choices">
        <ChoiceGroup label={t.photoLabel} options={PHOTOS.map((id) => ({ value: id, label: t.photos[id] }))} value={state.photo} onChange={(photo) => setState((s) => ({ ...s, photo }))} />
        <ChoiceGroup label={t.factorLabel} options={FACTORS.map((f) => ({ value: f, label: t.factor(f) }))} value={state.factor} onChange={(factor) => setState((s) => ({ ...s, factor }))} />
      </div>
      {image.status === 'failed' && (
        <p class="st-error" role="alert">
          {t.loadError(image.message)}
        </p>
      )}
      {grey && paths && costs ? (
        <>
          <p class="st-hint" data-testid="st-photo-source">{t.photoSource(grey.shape[2], grey.shape[3])}</p>
          <div class="st-photo-panels">
            {(['pooled', 'strided'] as const).map((path) => (
              <figure class="st-photo-figure" key={path}>
                <MapCanvas x={paths[path]} white={white} label={t.photoCanvas(path, shape(costs[path].shape))} testId={`st-photo-${path}`} />
                <figcaption>
                  <strong>{t.pathName(path, state.factor)}</strong>
                  <br />
                  <span data-testid={`st-photo-${path}-shape`}>{shape(costs[path].shape)}</span>
                  {' · '}
                  <span data-testid={`st-photo-${path}-macs`}>{t.macs(macs(costs[path].macs))}</span>
                  {' · '}
                  <span data-testid={`st-photo-${path}-edges`}>{t.edgeShare(Math.round(edgeShare(paths[path], white) * 100))}</span>
                </figcaption>
              </figure>
            ))}
          </div>
        </>
      ) : (
        image.status !== 'failed' && <p class="st-hint">{t.loading}</p>
      )}
    </section>
  );
}
