/**
 * "Train the first layer here": lesson 13's network trained for a few hundred seeded
 * steps in the trainer worker (`src/workers/trainer.worker.ts`, the same worker and
 * session lesson 13's dashboard runs), with a progress bar and Stop. When the run ends
 * the weights are saved in this browser's model store (`src/training/store.ts`), so
 * they outlive a reload, and handed to the learned-filters list; the inspection of one
 * test digit gives a first- and a second-layer map side by side.
 *
 * Nothing changes in the lab until a run has finished and its model is saved: a failed
 * or stopped run only leaves a message.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { WorkerClient } from '../../kit/worker-client.ts';
import { ProgressBar } from '../../kit/ProgressBar.tsx';
import { browserModelStore } from '../../../src/training/store.ts';
import type { LayerInspection, TrainerCommand, TrainerEvent } from '../../../src/training/protocol.ts';
import {
  FIRST_LAYER_TEST_INDEX,
  firstAndSecondMaps,
  firstLayerRunConfig,
  firstLayerSteps,
  mapGrays,
} from '../../../src/training/kernel-lab/first-layer-run.ts';
import type { FeatureMap } from '../../../src/training/kernel-lab/first-layer-run.ts';
import type { KernelLabStrings } from './strings/index.ts';

type Run =
  | { status: 'idle' }
  | { status: 'loading'; loaded: number; total: number }
  | { status: 'running'; step: number; total: number }
  | { status: 'saving' }
  | { status: 'stopped'; step: number; total: number }
  | { status: 'failed'; message: string }
  | { status: 'done'; steps: number };

function dataUrl(): string {
  const base = import.meta.env.BASE_URL ?? '/';
  return `${base.endsWith('/') ? base : `${base}/`}data/`;
}

/** A feature map drawn in gray (zero is mid-gray), scaled up by CSS. */
function MapPicture({ map, label }: { map: FeatureMap; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = canvas.current;
    const context = c?.getContext('2d');
    if (!c || !context) return;
    c.width = map.width;
    c.height = map.height;
    const grays = mapGrays(map.values);
    const image = context.createImageData(map.width, map.height);
    grays.forEach((g, i) => image.data.set([g, g, g, 255], 4 * i));
    context.putImageData(image, 0, 0);
  }, [map]);
  return (
    <figure class="ik-map">
      <canvas ref={canvas} role="img" aria-label={label} />
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** A client of the trainer worker (the one lesson 13's dashboard runs), its failures as a readable message. */
function trainerWorker(onEvent: (event: TrainerEvent) => void, onFailure: (message: string) => void, t: KernelLabStrings) {
  return new WorkerClient<TrainerCommand, TrainerEvent>({
    create: () => new Worker(new URL('../../../src/workers/trainer.worker.ts', import.meta.url), { type: 'module', name: 'convlab-trainer' }),
    ping: { type: 'ping' },
    isPong: (event) => event.type === 'pong',
    onMessage: onEvent,
    onFailure: (failure) => onFailure(failure.kind === 'unreadable' ? t.trainUnreadable : (failure.detail ?? t.trainCrashed)),
  });
}

/**
 * The maps of a saved model, on request: the trainer worker loads its weights file
 * (checking it completely) and inspects the same test digit as after a run.
 */
export function InspectSaved({ bytes, t, onLayers }: { bytes: Uint8Array; t: KernelLabStrings; onLayers: (layers: InspectedLayers) => void }) {
  const [state, setState] = useState<{ status: 'idle' | 'busy' } | { status: 'failed'; message: string }>({ status: 'idle' });
  const client = useRef<WorkerClient<TrainerCommand, TrainerEvent> | null>(null);
  useEffect(() => () => client.current?.end(), []);
  const end = () => {
    client.current?.end();
    client.current = null;
  };
  const run = () => {
    end();
    const worker = trainerWorker(
      (event) => {
        if (client.current !== worker) return;
        if (event.type === 'ready') worker.send({ type: 'inspect', testIndex: FIRST_LAYER_TEST_INDEX });
        else if (event.type === 'inspection') {
          end();
          if (firstAndSecondMaps(event.layers)) {
            setState({ status: 'idle' });
            onLayers(event.layers);
          } else setState({ status: 'failed', message: t.mapsNoSecond });
        } else if (event.type === 'error') {
          end();
          setState({ status: 'failed', message: event.message });
        }
      },
      (message) => {
        if (client.current !== worker) return;
        end();
        setState({ status: 'failed', message });
      },
      t,
    );
    client.current = worker;
    setState({ status: 'busy' });
    try {
      worker.post({ type: 'importWeights', bytes: bytes.slice(), dataUrl: dataUrl() });
    } catch (error) {
      end();
      setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <div class="ik-train__buttons">
      <button type="button" class="cl-button" onClick={run} disabled={state.status === 'busy'} data-testid="maps-open">
        {state.status === 'busy' ? t.mapsBusy : t.mapsOpen}
      </button>
      {state.status === 'failed' && <p class="ik-problem" data-testid="maps-failed">{t.mapsFailed(state.message)}</p>}
    </div>
  );
}

/** The inspected layers of a finished run, for {@link TrainedMaps}. */
export type InspectedLayers = readonly LayerInspection[];

export function TrainFirstLayer({ t, onSaved }: { t: KernelLabStrings; onSaved: (id: string, layers: InspectedLayers | null) => void }) {
  const [run, setRun] = useState<Run>({ status: 'idle' });
  const client = useRef<WorkerClient<TrainerCommand, TrainerEvent> | null>(null);
  const lastStep = useRef({ step: 0, total: 0 });
  const inspection = useRef<TrainerEvent | null>(null);

  useEffect(() => () => client.current?.end(), []);

  const finish = (next: Run) => {
    client.current?.end();
    client.current = null;
    setRun(next);
  };

  const onEvent = (event: TrainerEvent) => {
    switch (event.type) {
      case 'dataProgress':
        setRun({ status: 'loading', loaded: event.loaded, total: event.total });
        break;
      case 'ready':
        lastStep.current = { step: 0, total: event.stepsPerEpoch };
        setRun({ status: 'running', step: 0, total: event.stepsPerEpoch });
        client.current?.send({ type: 'start' });
        break;
      case 'progress':
        lastStep.current = { step: event.globalStep, total: event.totalSteps };
        setRun({ status: 'running', step: event.globalStep, total: event.totalSteps });
        break;
      case 'status':
        if (event.state === 'done') {
          setRun({ status: 'saving' });
          client.current?.send({ type: 'inspect', testIndex: FIRST_LAYER_TEST_INDEX, id: 2 });
          client.current?.send({ type: 'exportWeights', id: 1 });
        }
        break;
      case 'inspection':
        inspection.current = event;
        break;
      case 'weights': {
        const steps = event.meta.steps;
        const layers = inspection.current?.type === 'inspection' ? inspection.current.layers : null;
        browserModelStore()
          .save(t.trainName(steps, event.meta.seed), event.bytes)
          .then((info) => {
            finish({ status: 'done', steps });
            onSaved(info.id, layers);
          })
          .catch((error: unknown) => finish({ status: 'failed', message: error instanceof Error ? error.message : String(error) }));
        break;
      }
      case 'error':
        finish({ status: 'failed', message: event.message });
        break;
      default:
        break;
    }
  };

  const start = () => {
    client.current?.end();
    inspection.current = null;
    const worker = trainerWorker(
      (event) => {
        if (client.current === worker) onEvent(event);
      },
      (message) => {
        if (client.current === worker) finish({ status: 'failed', message });
      },
      t,
    );
    client.current = worker;
    setRun({ status: 'loading', loaded: 0, total: 0 });
    try {
      worker.post({ type: 'init', config: firstLayerRunConfig(firstLayerSteps(location.search)), dataUrl: dataUrl() });
    } catch (error) {
      finish({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const stop = () => finish({ status: 'stopped', ...lastStep.current });

  const busy = run.status === 'loading' || run.status === 'running' || run.status === 'saving';

  return (
    <div class="ik-train" data-testid="train">
      <p class="ik-note">{t.trainNote(firstLayerSteps(typeof location === 'undefined' ? '' : location.search))}</p>
      <div class="ik-train__buttons">
        <button type="button" class="cl-button" onClick={start} disabled={busy} data-testid="train-start">
          {run.status === 'done' ? t.trainAgain : t.trainStart}
        </button>
        {(run.status === 'loading' || run.status === 'running') && (
          <button type="button" class="cl-button" onClick={stop} data-testid="train-stop">
            {t.trainStop}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {run.status === 'loading' && <ProgressBar label={t.trainLoading} value={run.total > 0 ? run.loaded : undefined} max={run.total || 1} />}
        {run.status === 'running' && (
          <div data-testid="train-progress">
            <ProgressBar label={t.trainRunning} value={run.step} max={run.total} text={t.trainSteps(run.step, run.total)} />
          </div>
        )}
        {run.status === 'saving' && <p class="ik-note">{t.trainSaving}</p>}
        {run.status === 'stopped' && <p class="ik-problem" data-testid="train-stopped">{t.trainStopped(run.step, run.total)}</p>}
        {run.status === 'failed' && <p class="ik-problem" data-testid="train-failed">{t.trainFailed(run.message)}</p>}
        {run.status === 'done' && <p class="ik-note" data-testid="train-done">{t.trainDone(run.steps)}</p>}
      </div>
    </div>
  );
}

/** One test digit after the first and after the second convolution of the trained network, a channel at a time. */
export function TrainedMaps({ layers, t }: { layers: InspectedLayers; t: KernelLabStrings }) {
  const [channel, setChannel] = useState(0);
  const maps = firstAndSecondMaps(layers, channel);
  if (!maps) return null;
  return (
    <div class="ik-maps" data-testid="train-maps">
      <h4>{t.mapsHeading}</h4>
      <p class="ik-note">{t.mapsNote}</p>
      <div class="cl-field ik-maps__channel">
        <label for="ik-map-channel">{t.mapsChannel}</label>
        <select id="ik-map-channel" value={channel} onChange={(e) => setChannel(Number(e.currentTarget.value))}>
          {Array.from({ length: maps.first.channels }, (_, c) => (
            <option key={c} value={c}>{c + 1}</option>
          ))}
        </select>
      </div>
      <div class="ik-maps__row">
        <MapPicture map={maps.first} label={t.mapFirst(maps.first.channel + 1, maps.first.width)} />
        <MapPicture map={maps.second} label={t.mapSecond(maps.second.channel + 1, maps.second.width)} />
      </div>
    </div>
  );
}
