/**
 * Lesson 15's second widget: local response normalisation on a real feature map.
 * Eight conv1-like filters run over a grey photo, then ReLU; the engine's
 * `localResponseNorm` divides each map by the activity of its n neighbouring maps.
 * k, n, alpha and beta start at the paper's values and live in the address.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { NumberField } from '../../kit/NumberField.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { Note } from '../../kit/Note.tsx';
import { useSiteImage } from '../../kit/site-image.ts';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { CHANNELS, LRN_RULES, PAPER_LRN, applyLrn, channelOf, decodeLrn, encodeLrn, greyPhoto, lrnEffect, mapRgba, maxOf, responses } from './model.ts';
import type { LrnState } from './model.ts';
import { STRINGS } from './strings/index.ts';
import './alexnet.css';

const QUERY: QueryCodec<LrnState> = {
  initial: () => ({ ...PAPER_LRN }),
  read: (params) => {
    const { state, rejected } = decodeLrn(params);
    return { value: state, rejected };
  },
  write: encodeLrn,
};

function MapCanvas({ data, width, height, scale, label, testId }: { data: Float32Array; width: number; height: number; scale: number; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.putImageData(new ImageData(mapRgba(data, scale), width, height), 0, 0);
  }, [data, scale, width, height]);
  return <canvas ref={canvas} width={width} height={height} class="ax-map" role="img" aria-label={label} data-testid={testId} />;
}

export default function LrnPhoto({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: s, set, rejected } = useQueryState(QUERY);
  const image = useSiteImage('images/chelsea.png');
  const maps = useMemo(
    () => (image.status === 'ready' ? responses(greyPhoto(image.pixels.data, image.pixels.width, image.pixels.height)) : null),
    [image],
  );
  const normed = useMemo(() => (maps ? applyLrn(maps, s) : null), [maps, s.k, s.n, s.alpha, s.beta]);
  const view = useMemo(() => {
    if (!maps || !normed) return null;
    const before = channelOf(maps, s.channel);
    const after = channelOf(normed, s.channel);
    return { before, after, scale: maxOf(before), effect: lrnEffect(before, after), height: maps.shape[2], width: maps.shape[3] };
  }, [maps, normed, s.channel]);
  const field = (key: 'k' | 'n' | 'alpha' | 'beta', label: string) => (
    <NumberField label={label} value={s[key]} name={`lrn-${key}`} rule={LRN_RULES[key]}
      message={t.mustBe(LRN_RULES[key].min, LRN_RULES[key].max)} size={8}
      onChange={(v) => set((old) => ({ ...old, [key]: v }))} />
  );
  const pct = (r: number) => Math.round(r * 100);
  const filter = t.filters[s.channel];

  return (
    <WidgetFrame title={t.lrnTitle} caption={t.lrnCaption} class="ax-lrn">
      {rejected.length > 0 && <Note testId="lrn-rejected">{t.rejected(rejected.join(', '))}</Note>}
      <div class="ax-fields">
        {field('k', 'k')}
        {field('n', 'n')}
        {field('alpha', 'α')}
        {field('beta', 'β')}
        <button type="button" class="cl-button" data-testid="lrn-paper" onClick={() => set((old) => ({ ...PAPER_LRN, channel: old.channel }))}>
          {t.paper}
        </button>
      </div>
      <SliderField label={t.channel} value={s.channel} min={0} max={CHANNELS - 1} format={(c) => `${c + 1}: ${t.filters[c]}`}
        onInput={(channel) => set((old) => ({ ...old, channel }))} />
      {image.status === 'failed' && <p role="alert">{t.loadError(image.message)}</p>}
      {view ? (
        <>
          <div class="ax-maps">
            <figure>
              <MapCanvas data={view.before} width={view.width} height={view.height} scale={view.scale} label={t.mapLabel(t.before, filter)} testId="lrn-before" />
              <figcaption>{t.before}</figcaption>
            </figure>
            <figure>
              <MapCanvas data={view.after} width={view.width} height={view.height} scale={view.scale} label={t.mapLabel(t.after, filter)} testId="lrn-after" />
              <figcaption>{t.after}</figcaption>
            </figure>
          </div>
          <p class="ax-effect" aria-live="polite" data-testid="lrn-effect" data-strongest={pct(view.effect.strongest)} data-typical={pct(view.effect.typical)}>
            {t.effect(pct(view.effect.strongest), pct(view.effect.typical))}
          </p>
        </>
      ) : (
        image.status !== 'failed' && <p>{t.loading}</p>
      )}
    </WidgetFrame>
  );
}
