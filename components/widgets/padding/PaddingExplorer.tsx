/**
 * Lesson 5's explorer: the four padding modes side by side, on a grid of numbers and
 * on a photograph. The reader picks the amount p; the engine's `pad` draws the padded
 * input and its `conv2d` (padding p, the mode as `paddingMode`) averages every pixel
 * over a (2p+1)x(2p+1) window, so each mode's effect on the border shows in the
 * output. A mode the engine refuses at that width shows the engine's own message.
 */
import { useMemo } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { Note } from '../../kit/Note.tsx';
import { useSiteImage } from '../../kit/site-image.ts';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { EngineMessage } from '../../kit/EngineMessage.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { ValueGrid } from './ValueGrid.tsx';
import { PhotoCanvas } from './PhotoCanvas.tsx';
import {
  AMOUNT,
  GRID_SIZE,
  PHOTOS,
  GRID_VALUES,
  PHOTO_SIZE,
  allModes,
  decodeExplorer,
  defaultExplorer,
  encodeExplorer,
  meanKernelSize,
  toGreyscale,
} from './model.ts';
import type { ExplorerConfig, ModeResult, PhotoName } from './model.ts';
import { STRINGS } from './strings/index.ts';
import type { PaddingStrings } from './strings/index.ts';
import './padding.css';

const QUERY: QueryCodec<ExplorerConfig> = {
  initial: defaultExplorer,
  read: (params) => {
    const { config, rejected } = decodeExplorer(params);
    return { value: config, rejected };
  },
  write: encodeExplorer,
};

/** A photograph's thumbnail (the site's sample pictures, 192 pixels square), scaled down to PHOTO_SIZE x PHOTO_SIZE greyscale. */
function usePhoto(name: PhotoName): Float32Array | 'loading' | 'failed' {
  const image = useSiteImage(`images/thumbs/${name}.jpg`);
  return useMemo(() => {
    if (image.status !== 'ready') return image.status;
    const { data, width, height } = image.pixels;
    return toGreyscale(data, width, height, PHOTO_SIZE);
  }, [image]);
}

const decimal = (v: number) => (Math.abs(v - Math.round(v)) < 0.05 ? String(Math.round(v)) : v.toFixed(1));

function Refusal({ result, t }: { result: ModeResult; t: PaddingStrings }) {
  return (
    <div class="pd-refused" role="status" data-testid={`refused-${result.mode}`}>
      <p>{t.refused(t.modes[result.mode])}</p>
      <EngineMessage label={t.engineMessage} message={result.error!} />
    </div>
  );
}

/** The explorer island. */
export default function PaddingExplorer({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: config, set, rejected } = useQueryState(QUERY);
  const amount = config.amount;
  const photo = usePhoto(config.photo);
  const grids = useMemo(() => allModes(GRID_VALUES, GRID_SIZE, amount), [amount]);
  const photos = useMemo(
    () => (photo instanceof Float32Array ? allModes(photo, PHOTO_SIZE, amount) : null),
    [photo, amount],
  );
  const k = meanKernelSize(amount);

  return (
    <WidgetFrame title={t.explorerTitle} caption={t.explorerCaption} class="pd-explorer">
      {rejected.length > 0 && <Note testId="rejected-note">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <SliderField
          label={t.amountLabel}
          value={amount}
          min={AMOUNT.min}
          max={AMOUNT.max}
          hint={t.amountHint(k)}
          onInput={(v) => set((c) => ({ ...c, amount: v }))}
        />
      </div>

      <h3 class="pd-heading">{t.gridHeading}</h3>
      <div class="pd-modes" data-testid="grid-modes">
        {grids.map((r) => (
          <section key={r.mode} class="pd-mode" data-mode={r.mode} aria-label={t.modes[r.mode]}>
            <h4>{t.modes[r.mode]}</h4>
            <p class="pd-rule">{t.modeRules[r.mode]}</p>
            {r.padded ? (
              <>
                <p class="pd-label">{t.paddedLabel(r.padded.size)}</p>
                <ValueGrid
                  map={r.padded}
                  ring={amount}
                  max={GRID_SIZE * GRID_SIZE}
                  testId={`padded-${r.mode}`}
                  label={t.gridAria(
                    t.paddedWord,
                    t.modes[r.mode],
                    r.padded.size,
                    Array.from(r.padded.values.slice(0, r.padded.size), decimal).join(', '),
                  )}
                />
              </>
            ) : null}
            {r.output ? (
              <>
                <p class="pd-label">{t.outputLabel(r.output.size)}</p>
                <ValueGrid
                  map={r.output}
                  format={decimal}
                  max={GRID_SIZE * GRID_SIZE}
                  scale={r.output.size / (GRID_SIZE + 2 * amount)}
                  testId={`output-${r.mode}`}
                  label={t.gridAria(
                    t.outputWord,
                    t.modes[r.mode],
                    r.output.size,
                    Array.from(r.output.values.slice(0, r.output.size), decimal).join(', '),
                  )}
                />
              </>
            ) : (
              <Refusal result={r} t={t} />
            )}
          </section>
        ))}
      </div>

      <h3 class="pd-heading">{t.photoHeading}</h3>
      <div class="cl-controls">
        <ChoiceGroup<PhotoName>
          label={t.photoLabel}
          options={PHOTOS.map((name) => ({ value: name, label: t.photos[name] }))}
          value={config.photo}
          onChange={(name) => set((c) => ({ ...c, photo: name }))}
        />
      </div>
      {photo === 'loading' && <p class="cl-hint">{t.photoLoading}</p>}
      {photo === 'failed' && <Note>{t.photoFailed}</Note>}
      {photos && (
        <div class="pd-modes" data-testid="photo-modes">
          {photos.map((r) => (
            <section key={r.mode} class="pd-mode" aria-label={`${t.photoHeading}: ${t.modes[r.mode]}`}>
              <h4>{t.modes[r.mode]}</h4>
              {r.padded && (
                <>
                  <p class="pd-label">{t.paddedLabel(r.padded.size)}</p>
                  <PhotoCanvas
                    map={r.padded}
                    ring={amount}
                    testId={`photo-padded-${r.mode}`}
                    label={t.photoAria(t.paddedWord, t.modes[r.mode], r.padded.size)}
                  />
                </>
              )}
              {r.output ? (
                <>
                  <p class="pd-label">{t.outputLabel(r.output.size)}</p>
                  <PhotoCanvas
                    map={r.output}
                    ring={0}
                    scale={r.output.size / (PHOTO_SIZE + 2 * amount)}
                    testId={`photo-output-${r.mode}`}
                    label={t.photoAria(t.outputWord, t.modes[r.mode], r.output.size)}
                  />
                </>
              ) : (
                <Refusal result={r} t={t} />
              )}
            </section>
          ))}
        </div>
      )}
    </WidgetFrame>
  );
}
