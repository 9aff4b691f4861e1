/**
 * Lesson 10's kernel lab. The reader picks a photograph of the site, their own file
 * (picker, drop, paste) or a camera frame; a preset kernel or weights of their own up
 * to 7x7; colour or gray; stride, padding, padding mode and dilation. The engine's
 * conv2d runs in a worker (`src/workers/kernel-lab.worker.ts`); the page only draws
 * the result and, for the output pixel under the pointer or the keyboard's cursor,
 * the window it read and the weighted sum with its numbers.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { EngineMessage } from '../../kit/EngineMessage.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { useSiteImage } from '../../kit/site-image.ts';
import { WorkerClient } from '../../kit/worker-client.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import {
  EMBOSS_DIRECTIONS,
  LIMITS,
  MAX_KERNEL,
  PADDING_MODES,
  PRESETS,
  decodeSettings,
  defaultSettings,
  encodeSettings,
  presetKernel,
  resizeKernel,
  samePadding,
  windowAt,
} from '../../../src/training/kernel-lab/model.ts';
import type { ColourMode, EmbossDirection, LabSettings, Pixels, Preset } from '../../../src/training/kernel-lab/model.ts';
import type { KernelLabCommand, KernelLabMessage } from '../../../src/training/kernel-lab/protocol.ts';
import type { PaddingMode } from '../../../src/engine/index.ts';
import { MAX_MEGAPIXELS, liveFrame, openCamera, pixelsOf, readPictureFile, stopCamera } from './picture-input.ts';
import type { LiveCamera } from './picture-input.ts';
import type { PictureRefusal } from './picture-input.ts';
import { LearnedFilters } from './LearnedFilters.tsx';
import { labWeights } from '../../../src/training/kernel-lab/learned.ts';
import { STRINGS } from './strings/index.ts';
import type { KernelLabStrings } from './strings/index.ts';
import './image-kernels.css';

/** The site's photographs, in `public/images/`. */
export const PHOTOS = ['chelsea', 'astronaut', 'camera', 'coffee'] as const;
type Photo = (typeof PHOTOS)[number];

const SETTINGS: QueryCodec<LabSettings> = {
  initial: defaultSettings,
  read: (params) => {
    const { settings, rejected } = decodeSettings(params);
    return { value: settings, rejected };
  },
  write: encodeSettings,
};

const PHOTO: QueryCodec<Photo> = {
  initial: () => PHOTOS[0],
  read: (params) => {
    const v = params.get('ikI');
    if (v === null) return { value: PHOTOS[0], rejected: [] };
    return (PHOTOS as readonly string[]).includes(v) ? { value: v as Photo, rejected: [] } : { value: PHOTOS[0], rejected: ['ikI'] };
  },
  write: (value, params) => (value === PHOTOS[0] ? params.delete('ikI') : params.set('ikI', value)),
};

interface Result {
  requestId: number;
  settings: LabSettings;
  width: number;
  height: number;
  channels: number;
  raw: Float32Array;
  rgba: Uint8ClampedArray;
  planes: Float32Array;
  inWidth: number;
  inHeight: number;
  ms: number;
  roundTripMs: number;
}

function createWorker() {
  return new Worker(new URL('../../../src/workers/kernel-lab.worker.ts', import.meta.url), { type: 'module', name: 'convlab-kernel-lab' });
}

/** Up to three decimals, without trailing zeros. */
export function fmt(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

function refusalText(t: KernelLabStrings, r: PictureRefusal): string {
  switch (r.kind) {
    case 'svg':
      return t.badSvg;
    case 'type':
      return t.badType(r.name);
    case 'corrupt':
      return t.badCorrupt(r.name);
    case 'large':
      return t.badLarge(r.width, r.height, MAX_MEGAPIXELS);
  }
}

function draw(canvas: HTMLCanvasElement | null, rgba: Uint8ClampedArray, width: number, height: number) {
  if (!canvas) return;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
}

/** The lab island. */
export default function KernelLab({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: settings, set, rejected } = useQueryState(SETTINGS);
  const { value: photo, set: setPhoto, rejected: photoRejected } = useQueryState(PHOTO);
  const site = useSiteImage(`images/${photo}.png`);
  const [own, setOwn] = useState<{ pixels: Pixels; note: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [cameraBusy, setCameraBusy] = useState(false);
  const [live, setLive] = useState<LiveCamera | null>(null);
  const [paused, setPaused] = useState(false);
  const [liveStats, setLiveStats] = useState<{ frames: number; fps: number } | null>(null);
  const liveRef = useRef<{ camera: LiveCamera; paused: boolean; waiting: boolean; frames: number; start: number; canvas: HTMLCanvasElement } | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [workerFailed, setWorkerFailed] = useState(false);
  const [cursor, setCursor] = useState<{ row: number; col: number } | null>(null);
  const [channel, setChannel] = useState(0);
  const [weightError, setWeightError] = useState<string | null>(null);

  const pixels: Pixels | null = own?.pixels ?? (site.status === 'ready' ? site.pixels : null);
  const imageId = useRef(0);
  const sentFor = useRef<Pixels | null>(null);
  const requestId = useRef(0);
  const sentAt = useRef(new Map<number, { at: number; settings: LabSettings; pixels: Pixels }>());
  const client = useRef<WorkerClient<KernelLabCommand, KernelLabMessage> | null>(null);
  const inputCanvas = useRef<HTMLCanvasElement>(null);
  const outputCanvas = useRef<HTMLCanvasElement>(null);

  const getClient = () => {
    client.current ??= new WorkerClient<KernelLabCommand, KernelLabMessage>({
      create: createWorker,
      ping: { type: 'ping' },
      isPong: (m) => m.type === 'pong',
      onFailure: () => {
        sentFor.current = null;
        setWorkerFailed(true);
      },
      onMessage: (m) => {
        if (m.type === 'pong') return;
        const sent = sentAt.current.get(m.requestId);
        if (m.requestId !== requestId.current || !sent) return; // an older request
        sentAt.current.clear();
        client.current?.watch(false);
        const l = liveRef.current;
        if (l && l.waiting) {
          l.waiting = false;
          if (m.type === 'filtered') {
            l.frames += 1;
            const seconds = (performance.now() - l.start) / 1000;
            setLiveStats({ frames: l.frames, fps: seconds > 0 ? l.frames / seconds : 0 });
          }
        }
        if (m.type === 'refused') {
          setRefusal(m.message);
          return;
        }
        setRefusal(null);
        setResult({
          requestId: m.requestId,
          settings: sent.settings,
          width: m.width,
          height: m.height,
          channels: m.channels,
          raw: m.raw,
          rgba: m.rgba,
          planes: m.planes,
          inWidth: sent.pixels.width,
          inHeight: sent.pixels.height,
          ms: m.ms,
          roundTripMs: performance.now() - sent.at,
        });
      },
    });
    return client.current;
  };

  useEffect(() => () => client.current?.end(), []);

  // The input picture, drawn as it is.
  useEffect(() => {
    if (pixels) draw(inputCanvas.current, pixels.data, pixels.width, pixels.height);
  }, [pixels]);

  // Every change of picture or settings asks the worker again; only the newest answer counts.
  useEffect(() => {
    if (!pixels) return;
    const c = getClient();
    try {
      if (sentFor.current !== pixels || !c.alive) {
        imageId.current += 1;
        const copy = new Uint8ClampedArray(pixels.data);
        c.post({ type: 'image', imageId: imageId.current, data: copy, width: pixels.width, height: pixels.height }, [copy.buffer]);
        sentFor.current = pixels;
      }
      requestId.current += 1;
      sentAt.current.set(requestId.current, { at: performance.now(), settings, pixels });
      c.watch(true);
      c.post({ type: 'filter', requestId: requestId.current, imageId: imageId.current, settings });
      setWorkerFailed(false);
    } catch {
      setWorkerFailed(true);
    }
  }, [pixels, settings]);

  useEffect(() => {
    if (result) draw(outputCanvas.current, result.rgba, result.width, result.height);
  }, [result]);

  // A paste anywhere on the page that carries an image file becomes the lab's picture.
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = Array.from(event.clipboardData?.files ?? []).find((f) => f.type.startsWith('image/') || f.name !== '');
      if (!file) return;
      event.preventDefault();
      void takeFile(file);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  const takeFile = async (file: File) => {
    stopLive();
    const r = await readPictureFile(file);
    if (!r.ok) {
      setProblem(refusalText(t, r.refusal));
      return;
    }
    setProblem(null);
    const { width, height } = r.pixels;
    const scaled = width !== r.original.width || height !== r.original.height;
    setOwn({ pixels: r.pixels, note: scaled ? t.scaled(width, height, r.original.width, r.original.height) : '' });
  };

  /** Ends the live camera: every track stopped, the last frame stays the picture. */
  const stopLive = () => {
    const l = liveRef.current;
    if (!l) return;
    liveRef.current = null;
    stopCamera(l.camera.stream);
    l.camera.video.srcObject = null;
    setLive(null);
    setPaused(false);
  };

  /** Freezes the camera's current frame, at the lab's working size, as an ordinary picture. */
  const takeStill = () => {
    const l = liveRef.current;
    if (!l) return;
    const { video } = l.camera;
    const frame = pixelsOf(video, video.videoWidth, video.videoHeight);
    stopLive();
    setOwn({ pixels: frame, note: '' });
  };

  const takeCamera = async () => {
    stopLive();
    setCameraBusy(true);
    const r = await openCamera();
    setCameraBusy(false);
    if (!r.ok) {
      setProblem(r.reason === 'denied' ? t.cameraDenied : t.cameraMissing);
      return;
    }
    setProblem(null);
    // With reduced motion the video does not run by itself: one frame, then Play.
    const still = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    liveRef.current = { camera: r.camera, paused: still, waiting: false, frames: 0, start: performance.now(), canvas: document.createElement('canvas') };
    setLiveStats(null);
    setPaused(still);
    setLive(r.camera);
    setOwn({ pixels: liveFrame(r.camera, liveRef.current.canvas), note: '' });
  };

  // While live and not paused, the next frame goes to the worker only when it has answered
  // the last one: frames the worker cannot keep up with are dropped, never queued.
  useEffect(() => {
    if (!live) return;
    let handle = 0;
    const tick = () => {
      const l = liveRef.current;
      if (!l) return;
      if (!l.paused && !l.waiting && l.camera.video.readyState >= 2) {
        l.waiting = true;
        setOwn({ pixels: liveFrame(l.camera, l.canvas), note: '' });
      }
      handle = requestAnimationFrame(tick);
    };
    handle = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(handle);
  }, [live]);

  // A hidden page, or the lab leaving the page, lets the camera go.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') stopLive();
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      stopLive();
    };
  }, []);

  const togglePause = () => {
    const l = liveRef.current;
    if (!l) return;
    l.paused = !l.paused;
    if (!l.paused) {
      l.frames = 0;
      l.start = performance.now();
    }
    setPaused(l.paused);
  };

  const choosePreset = (preset: Preset) =>
    set((s) => {
      const kernel = presetKernel(preset, s.emboss, s.kernel.size, s.kernel);
      return { ...s, preset, kernel, padding: Math.min(LIMITS.padding[1], samePadding(kernel.size, s.dilation)) };
    });
  const chooseSize = (size: number) =>
    set((s) => {
      const blur = s.preset === 'box-blur' || s.preset === 'gaussian-blur';
      const kernel = blur && size % 2 === 1 && size > 1 ? presetKernel(s.preset, s.emboss, size) : resizeKernel(s.kernel, size);
      return { ...s, preset: blur && kernel.size === size && size > 1 && size % 2 === 1 ? s.preset : 'custom', kernel, padding: Math.min(LIMITS.padding[1], samePadding(size, s.dilation)) };
    });
  const setWeight = (i: number, text: string) => {
    const v = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(v) || v < LIMITS.weight[0] || v > LIMITS.weight[1]) {
      setWeightError(t.weightRule(LIMITS.weight[0], LIMITS.weight[1]));
      return;
    }
    setWeightError(null);
    set((s) => ({ ...s, preset: 'custom', kernel: { ...s.kernel, weights: s.kernel.weights.map((w, j) => (j === i ? v : w)) } }));
  };
  const setDivisor = (text: string) => {
    const v = Number(text.trim());
    if (!/^\d+$/.test(text.trim()) || v < LIMITS.divisor[0] || v > LIMITS.divisor[1]) {
      setWeightError(t.divisorRule(LIMITS.divisor[0], LIMITS.divisor[1]));
      return;
    }
    setWeightError(null);
    set((s) => ({ ...s, preset: 'custom', kernel: { ...s.kernel, divisor: v } }));
  };

  // The inspected pixel: the cursor, kept inside the output; the middle by default.
  const at = result
    ? {
        row: Math.min(result.height - 1, cursor?.row ?? Math.floor(result.height / 2)),
        col: Math.min(result.width - 1, cursor?.col ?? Math.floor(result.width / 2)),
      }
    : null;
  const shownChannel = result && result.channels === 1 ? 0 : channel;
  const breakdown = useMemo(
    () =>
      result && at
        ? windowAt({ data: result.planes, channels: result.channels }, result.inWidth, result.inHeight, result.settings, at.row, at.col, shownChannel)
        : null,
    [result, at?.row, at?.col, shownChannel],
  );
  const engineValue = result && at ? result.raw[shownChannel * result.width * result.height + at.row * result.width + at.col] : 0;

  const onKey = (event: JSX.TargetedEvent<HTMLDivElement, KeyboardEvent>) => {
    if (!result || !at) return;
    const step = event.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = { ArrowUp: [-step, 0], ArrowDown: [step, 0], ArrowLeft: [0, -step], ArrowRight: [0, step] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setCursor({
      row: Math.max(0, Math.min(result.height - 1, at.row + move[0])),
      col: Math.max(0, Math.min(result.width - 1, at.col + move[1])),
    });
  };
  const onPointer = (event: JSX.TargetedEvent<HTMLDivElement, PointerEvent>) => {
    if (!result) return;
    const box = event.currentTarget.getBoundingClientRect();
    const col = Math.floor(((event.clientX - box.left) / box.width) * result.width);
    const row = Math.floor(((event.clientY - box.top) / box.height) * result.height);
    if (row >= 0 && col >= 0 && row < result.height && col < result.width) setCursor({ row, col });
  };

  const k = settings.kernel;
  const presetOptions = PRESETS.map((p) => ({ value: p, label: t.presets[p] }));
  const allRejected = [...rejected, ...photoRejected];
  const pct = (v: number, of: number) => `${(v / of) * 100}%`;

  return (
    <WidgetFrame title={t.title} caption={t.caption} class="ik-lab">
      {allRejected.length > 0 && <Note testId="rejected-note">{t.rejected(allRejected.join(', '))}</Note>}

      <div class="ik-source">
        <div class="cl-field">
          <label for="ik-photo">{t.source}</label>
          <select
            id="ik-photo"
            value={own ? 'own' : photo}
            onChange={(e) => {
              const v = e.currentTarget.value;
              if (v === 'own') return;
              stopLive();
              setOwn(null);
              setProblem(null);
              setPhoto(v as Photo);
            }}
          >
            {PHOTOS.map((p) => (
              <option key={p} value={p}>{t.photos[p]}</option>
            ))}
            {own && <option value="own">{t.ownPicture}</option>}
          </select>
        </div>
        <div
          class="ik-drop"
          data-testid="drop-zone"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            e.preventDefault();
            const file = e.dataTransfer?.files[0];
            if (file) void takeFile(file);
          }}
        >
          <label class="ik-file">
            <span>{t.choose}</span>
            <input
              type="file"
              accept="image/*"
              data-testid="file-input"
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void takeFile(file);
                e.currentTarget.value = '';
              }}
            />
          </label>
          <span class="ik-hint">{t.dropHint}</span>
        </div>
        {live ? (
          <div class="ik-live" role="group" aria-label={t.liveGroup} data-testid="live" data-frames={liveStats?.frames ?? 0} data-fps={liveStats ? liveStats.fps.toFixed(1) : ''}>
            <button type="button" class="cl-button" onClick={togglePause} aria-pressed={paused} data-testid="live-pause">
              {paused ? t.livePlay : t.livePause}
            </button>
            <button type="button" class="cl-button" onClick={takeStill} data-testid="live-still">
              {t.liveStill}
            </button>
            <button type="button" class="cl-button" onClick={stopLive} data-testid="live-stop">
              {t.liveStop}
            </button>
            <span class="ik-note" aria-live="off">{t.liveStatus(live.width, live.height, paused ? null : liveStats ? liveStats.fps.toFixed(1) : '…')}</span>
          </div>
        ) : (
          <button type="button" class="cl-button" onClick={() => void takeCamera()} disabled={cameraBusy} data-testid="camera">
            {cameraBusy ? t.cameraBusy : t.camera}
          </button>
        )}
      </div>
      {problem && (
        <p class="ik-problem" role="alert" data-testid="picture-error">{problem}</p>
      )}
      {own?.note && <p class="ik-note" data-testid="scaled-note">{own.note}</p>}

      <div class="ik-controls">
        <div class="cl-field">
          <label for="ik-preset">{t.preset}</label>
          <select id="ik-preset" value={settings.preset} onChange={(e) => choosePreset(e.currentTarget.value as Preset)}>
            {presetOptions.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </div>
        {settings.preset === 'emboss' && (
          <div class="cl-field">
            <label for="ik-direction">{t.direction}</label>
            <select
              id="ik-direction"
              value={settings.emboss}
              onChange={(e) => {
                const emboss = e.currentTarget.value as EmbossDirection;
                set((s) => ({ ...s, emboss, kernel: presetKernel('emboss', emboss) }));
              }}
            >
              {EMBOSS_DIRECTIONS.map((d) => (
                <option key={d} value={d}>{t.directions[d]}</option>
              ))}
            </select>
          </div>
        )}
        <div class="cl-field">
          <label for="ik-size">{t.size}</label>
          <select id="ik-size" value={String(k.size)} onChange={(e) => chooseSize(Number(e.currentTarget.value))}>
            {Array.from({ length: MAX_KERNEL }, (_, i) => i + 1).map((n) => (
              <option key={n} value={String(n)}>{t.sizeOption(n)}</option>
            ))}
          </select>
        </div>
        <ChoiceGroup<ColourMode>
          label={t.mode}
          value={settings.mode}
          options={[{ value: 'colour', label: t.modes.colour }, { value: 'gray', label: t.modes.gray }]}
          onChange={(mode) => set((s) => ({ ...s, mode }))}
        />
      </div>

      <fieldset class="ik-kernel" data-testid="kernel">
        <legend>{t.weightsLegend}</legend>
        <div class="ik-kernel__grid" style={{ gridTemplateColumns: `repeat(${k.size}, minmax(0, 1fr))` }}>
          {k.weights.map((w, i) => (
            <input
              key={`${settings.preset}-${k.size}-${i}-${w}`}
              type="text"
              inputMode="decimal"
              class="ik-weight"
              aria-label={t.weight(Math.floor(i / k.size) + 1, (i % k.size) + 1)}
              defaultValue={String(w)}
              onChange={(e) => setWeight(i, e.currentTarget.value)}
            />
          ))}
        </div>
        <div class="cl-field ik-divisor">
          <label for="ik-divisor">{t.divisor}</label>
          <input
            id="ik-divisor"
            key={`d-${k.divisor}`}
            type="text"
            inputMode="numeric"
            defaultValue={String(k.divisor)}
            onChange={(e) => setDivisor(e.currentTarget.value)}
          />
        </div>
        {weightError && <p class="ik-problem" role="alert" data-testid="weight-error">{weightError}</p>}
      </fieldset>

      <div class="ik-controls">
        <SliderField label={t.stride} value={settings.stride} min={LIMITS.stride[0]} max={LIMITS.stride[1]} onInput={(stride) => set((s) => ({ ...s, stride }))} />
        <SliderField label={t.padding} value={settings.padding} min={LIMITS.padding[0]} max={LIMITS.padding[1]} onInput={(padding) => set((s) => ({ ...s, padding }))} />
        <SliderField label={t.dilation} value={settings.dilation} min={LIMITS.dilation[0]} max={LIMITS.dilation[1]} onInput={(dilation) => set((s) => ({ ...s, dilation }))} />
        <div class="cl-field">
          <label for="ik-padmode">{t.paddingMode}</label>
          <select id="ik-padmode" value={settings.paddingMode} onChange={(e) => set((s) => ({ ...s, paddingMode: e.currentTarget.value as PaddingMode }))}>
            {PADDING_MODES.map((m) => (
              <option key={m} value={m}>{t.paddingModes[m]}</option>
            ))}
          </select>
        </div>
      </div>

      <div class="ik-pictures">
        <figure class="ik-picture">
          <figcaption>{t.inputHeading}</figcaption>
          <div class="ik-canvas-box">
            <canvas ref={inputCanvas} role="img" aria-label={pixels ? t.inputLabel(pixels.width, pixels.height) : t.loading} data-testid="input-canvas" />
            {breakdown && result && (
              <div
                class="ik-window"
                aria-hidden="true"
                style={{
                  left: pct(breakdown.left, result.inWidth),
                  top: pct(breakdown.top, result.inHeight),
                  width: pct(breakdown.span, result.inWidth),
                  height: pct(breakdown.span, result.inHeight),
                }}
              />
            )}
          </div>
        </figure>
        <figure class="ik-picture">
          <figcaption>{t.outputHeading}</figcaption>
          <div
            class="ik-canvas-box ik-output"
            tabIndex={0}
            role="application"
            aria-label={result ? t.outputLabel(result.width, result.height) : t.working}
            aria-describedby="ik-inspect"
            data-testid="output"
            onKeyDown={onKey}
            onPointerMove={onPointer}
            onPointerDown={onPointer}
          >
            <canvas ref={outputCanvas} data-testid="output-canvas" aria-hidden="true" />
            {result && at && (
              <div
                class="ik-cursor"
                aria-hidden="true"
                style={{ left: pct(at.col, result.width), top: pct(at.row, result.height), width: pct(1, result.width), height: pct(1, result.height) }}
              />
            )}
          </div>
        </figure>
      </div>

      <div aria-live="polite">
        {workerFailed && <p class="ik-problem" data-testid="worker-failed">{t.workerFailed}</p>}
        {refusal && (
          <div class="ik-problem" data-testid="engine-refusal">
            <p>{t.refused}</p>
            <EngineMessage label={t.engineMessage} message={refusal} />
          </div>
        )}
        {result && (
          <p class="ik-note" data-testid="stats" data-request={result.requestId} data-worker-ms={fmt(result.ms)} data-roundtrip-ms={fmt(result.roundTripMs)}>
            {t.sizes(result.inWidth, result.inHeight, result.width, result.height)}. {t.timing(result.ms.toFixed(1))}
          </p>
        )}
      </div>

      <section class="ik-inspect" aria-labelledby="ik-inspect">
        <h3 id="ik-inspect" data-testid="inspect-heading">{at ? t.inspect(at.row, at.col) : t.inspectHint}</h3>
        <p class="ik-note">{t.inspectHint}</p>
        {result && result.channels === 3 && (
          <ChoiceGroup<number>
            label={t.channel}
            value={channel}
            options={[0, 1, 2].map((c) => ({ value: c, label: t.channels[c] }))}
            onChange={setChannel}
          />
        )}
        {result && result.channels === 1 && <p class="ik-note">{t.channel}: {t.grayChannel}</p>}
        {breakdown && (
          <>
            <div class="ik-table-scroll">
              <table class="ik-window-table" data-testid="window-table">
                <caption>{t.windowCaption}</caption>
                <tbody>
                  {Array.from({ length: breakdown.side }, (_, r) => (
                    <tr key={r}>
                      {breakdown.inputs.slice(r * breakdown.side, (r + 1) * breakdown.side).map((v, c) => (
                        <td key={c} class={v === null ? 'ik-pad' : undefined}>
                          {v === null ? t.padCell : fmt(v)}×{fmt(result!.settings.kernel.weights[r * breakdown.side + c])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p class="ik-sum" data-testid="window-sum">
              {result!.settings.kernel.divisor === 1
                ? t.sumLine(breakdown.products.length, fmt(breakdown.sum))
                : t.sumDivided(breakdown.products.length, fmt(breakdown.sum * result!.settings.kernel.divisor), result!.settings.kernel.divisor, fmt(breakdown.sum))}
            </p>
            <p class="ik-sum" data-testid="engine-value">
              {t.engineLine(fmt(engineValue), Math.max(0, Math.min(255, Math.round(engineValue))), 0, 255)}
            </p>
          </>
        )}
      </section>

      <LearnedFilters
        t={t}
        onPreset={choosePreset}
        onUse={(filter, size) =>
          set((s) => ({
            ...s,
            preset: 'custom',
            mode: 'gray',
            kernel: { size, weights: labWeights(filter, LIMITS.weight[1]), divisor: 1 },
            padding: Math.min(LIMITS.padding[1], samePadding(size, s.dilation)),
          }))
        }
      />
    </WidgetFrame>
  );
}
