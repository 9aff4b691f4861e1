/**
 * Filters a network learned, beside the hand-set ones: the first convolution of a
 * model saved in this browser by lesson 13's trainer. Each filter is drawn (gray is
 * zero, light positive, dark negative) and can be sent to the lab as its kernel, to
 * run on the photograph like any hand-set one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browserModelStore } from '../../../src/training/store.ts';
import type { SavedModelInfo } from '../../../src/training/store.ts';
import { firstLayerFilters } from '../../../src/training/kernel-lab/learned.ts';
import type { FirstLayer } from '../../../src/training/kernel-lab/learned.ts';
import { presetKernel } from '../../../src/training/kernel-lab/model.ts';
import type { Preset } from '../../../src/training/kernel-lab/model.ts';
import type { KernelLabStrings } from './strings/index.ts';
import { InspectSaved, TrainFirstLayer, TrainedMaps } from './TrainFirstLayer.tsx';
import type { InspectedLayers } from './TrainFirstLayer.tsx';

/** The hand-set kernels drawn beside the learned ones. */
const HAND_SET: readonly Preset[] = ['outline', 'sobel-x', 'sobel-y', 'emboss', 'sharpen'];

function FilterSwatch({ filter, size, label, onUse }: { filter: number[]; size: number; label: string; onUse: () => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const context = c?.getContext('2d');
    if (!c || !context) return;
    c.width = size;
    c.height = size;
    const peak = Math.max(1e-6, ...filter.map(Math.abs));
    const image = context.createImageData(size, size);
    filter.forEach((v, i) => {
      const g = Math.round(128 + (127 * v) / peak);
      image.data.set([g, g, g, 255], 4 * i);
    });
    context.putImageData(image, 0, 0);
  }, [filter, size]);
  return (
    <button type="button" class="ik-learned__filter" aria-label={label} onClick={onUse}>
      <canvas ref={canvas} aria-hidden="true" />
    </button>
  );
}

type State =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'failed'; message: string }
  | { status: 'listed'; models: SavedModelInfo[] };

/** The saved models' first layers, on request (nothing is read before the reader asks). */
export function LearnedFilters({ t, onUse, onPreset }: { t: KernelLabStrings; onUse: (filter: number[], size: number) => void; onPreset: (preset: Preset) => void }) {
  const [state, setState] = useState<State>({ status: 'idle' });
  const [chosen, setChosen] = useState<string>('');
  const [trained, setTrained] = useState<{ id: string; layers: InspectedLayers } | null>(null);
  const [layer, setLayer] = useState<{ id: string; bytes: Uint8Array | null; result: ReturnType<typeof firstLayerFilters> } | null>(null);

  const list = async (prefer?: string) => {
    setState({ status: 'loading' });
    try {
      const models = await browserModelStore().list();
      if (models.length === 0) {
        setState({ status: 'none' });
        return;
      }
      setState({ status: 'listed', models });
      void pick(models.find((m) => m.id === prefer)?.id ?? models[0].id);
    } catch (error) {
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const pick = async (id: string) => {
    setChosen(id);
    try {
      const bytes = await browserModelStore().load(id);
      setLayer({ id, bytes, result: firstLayerFilters(bytes) });
    } catch (error) {
      setLayer({ id, bytes: null, result: { ok: false, message: error instanceof Error ? error.message : String(error) } });
    }
  };

  const shown: FirstLayer | null = layer && layer.id === chosen && layer.result.ok ? layer.result.layer : null;

  return (
    <section class="ik-learned" data-testid="learned">
      <h3>{t.learnedHeading}</h3>
      <p class="ik-note">{t.handSetNote(HAND_SET.map((p) => t.presets[p]).join(', '))}</p>
      <div class="ik-learned__grid" data-testid="hand-set">
        {HAND_SET.map((preset) => (
          <FilterSwatch key={preset} filter={presetKernel(preset, 'se').weights} size={3} label={t.handSetUse(t.presets[preset])} onUse={() => onPreset(preset)} />
        ))}
      </div>
      <TrainFirstLayer
        t={t}
        onSaved={(id, layers) => {
          setTrained(layers ? { id, layers } : null);
          void list(id);
        }}
      />
      <p class="ik-note">{t.learnedNote}</p>
      {state.status === 'idle' || state.status === 'loading' ? (
        <button type="button" class="cl-button" onClick={() => void list()} disabled={state.status === 'loading'} data-testid="learned-open">
          {t.learnedOpen}
        </button>
      ) : null}
      {state.status === 'none' && <p class="ik-note" data-testid="learned-none">{t.learnedNone}</p>}
      {state.status === 'failed' && <p class="ik-problem" data-testid="learned-failed">{t.learnedFailed(state.message)}</p>}
      {state.status === 'listed' && (
        <>
          <div class="cl-field">
            <label for="ik-model">{t.learnedModel}</label>
            <select id="ik-model" value={chosen} onChange={(e) => void pick(e.currentTarget.value)}>
              {state.models.map((m) => (
                <option key={m.id} value={m.id}>{m.name}</option>
              ))}
            </select>
          </div>
          {layer && layer.id === chosen && !layer.result.ok && <p class="ik-problem" data-testid="learned-failed">{t.learnedFailed(layer.result.message)}</p>}
          {shown && (
            <>
              <p class="ik-note" data-testid="learned-summary">{t.learnedSummary(shown.count, shown.size, shown.inChannels)}</p>
              <div class="ik-learned__grid">
                {shown.filters.map((f, i) => (
                  <FilterSwatch key={`${chosen}-${i}`} filter={f} size={shown.size} label={t.learnedUse(i + 1)} onUse={() => onUse(f, shown.size)} />
                ))}
              </div>
            </>
          )}
          {trained && trained.id === chosen ? (
            <TrainedMaps key={trained.id} layers={trained.layers} t={t} />
          ) : (
            shown && layer?.bytes && <InspectSaved key={chosen} bytes={layer.bytes} t={t} onLayers={(layers) => setTrained({ id: chosen, layers })} />
          )}
        </>
      )}
    </section>
  );
}
