/**
 * Lesson 1's live experiment: look at X/O pictures and their variants, train an
 * MLP and a small CNN on the canonical letters in a Web Worker, watch both loss
 * curves, compare test accuracies per variant, and let both networks judge a
 * picture the reader draws. Seed and drawing live in the URL.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Random } from '../../../src/engine/random.ts';
import { drawXo } from '../../../src/engine/datasets/xo.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { XO_EXPERIMENT_DEFAULTS, XO_MAX_SEED, XO_MODELS } from '../../../src/training/xo/config.ts';
import type { PerModel, XoTestSet } from '../../../src/training/xo/config.ts';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { loadPlot } from '../../kit/LazyPlot.tsx';
import { ProgressBar } from '../../kit/ProgressBar.tsx';
import { NumberField } from '../../kit/NumberField.tsx';
import { Note } from '../../kit/Note.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { useReducedMotion } from '../../kit/reduced-motion.ts';
import { stringsFor } from '../../kit/strings.ts';
import { AccuracyTable } from './AccuracyTable.tsx';
import { DrawPad } from './DrawPad.tsx';
import { Gallery } from './Gallery.tsx';
import { LossChart } from './LossChart.tsx';
import type { LossPoint } from './LossChart.tsx';
import { STRINGS } from './strings/index.ts';
import { XoClient } from './xo-client.ts';
import type { XoFailure, XoMessage } from './xo-client.ts';
import { readUrlState, writeUrlState } from './url-state.ts';
import './XoLab.css';

const SIZE = XO_EXPERIMENT_DEFAULTS.size;
/** Wall-clock ms per step when motion is welcome: slow enough to watch, quick enough not to bore. */
const PACE_MS = 12;
/** Least time between two redraws of the chart and progress bar while training runs. */
const REDRAW_MS = 120;

type Phase = 'idle' | 'starting' | 'training' | 'done' | 'cancelled' | 'failed';

interface Outcome {
  seed: number;
  accuracy: Record<XoTestSet, PerModel<number>>;
  computeMs: number;
}

function canonical(label: 0 | 1): Float32Array {
  return drawXo(label, 'canonical', SIZE, new Random(0));
}

/** What a link holds: the run's seed and the reader's drawing. */
interface Shared {
  seed: number;
  drawing: Float32Array;
}

/** Both keys are written as soon as the address is read, so a copied link names the run. */
const QUERY: QueryCodec<Shared> = {
  initial: () => ({ seed: XO_EXPERIMENT_DEFAULTS.seed, drawing: canonical(0) }),
  read: (params) => {
    const read = readUrlState(params, SIZE * SIZE);
    return { value: { seed: read.seed, drawing: read.drawing ?? canonical(0) }, rejected: read.rejected };
  },
  write: ({ seed, drawing }, params) => writeUrlState(seed, drawing, params),
  follow: 'always',
};

/** Props of {@link XoLab}. */
export interface XoLabProps {
  lang: Locale;
}

/** The widget. */
export function XoLab({ lang }: XoLabProps) {
  const t = stringsFor(STRINGS, lang);
  const shared = useQueryState(QUERY);
  const { seed, drawing } = shared.value;
  const rejected = shared.rejected;
  // Stable setters: the drawing pad and the gallery skip re-rendering while training redraws the rest.
  const { setSeed, setDrawing } = useMemo(
    () => ({
      setSeed: (next: number) => shared.set((s) => ({ ...s, seed: next })),
      setDrawing: (next: Float32Array) => shared.set((s) => ({ ...s, drawing: next })),
    }),
    [shared.set],
  );
  const reducedMotion = useReducedMotion();
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState({ step: 0, steps: XO_EXPERIMENT_DEFAULTS.steps });
  const [params, setParams] = useState<PerModel<number> | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [failure, setFailure] = useState<XoFailure | null>(null);
  const [verdict, setVerdict] = useState<PerModel<[number, number]> | null>(null);
  const [chartVersion, setChartVersion] = useState(0);
  // A seed field holding a refused text ("1e20") holds Train: the run would use another seed.
  const [seedInvalid, setSeedInvalid] = useState(false);

  const points = useRef<LossPoint[]>([]);
  const latestProgress = useRef(progress);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const frame = useRef<number | null>(null);
  const lastFlush = useRef(0);
  const runSeed = useRef(seed);
  const pendingClassify = useRef<number | null>(null);
  const client = useRef<XoClient | null>(null);

  // Redraw in an animation frame, at most every REDRAW_MS, however fast the worker
  // reports: the page's thread stays free for the reader.
  const scheduleFlush = (final = false) => {
    if (flushTimer.current !== null || frame.current !== null) return;
    const wait = final ? 0 : Math.max(0, lastFlush.current + REDRAW_MS - performance.now());
    flushTimer.current = setTimeout(() => {
      flushTimer.current = null;
      frame.current = requestAnimationFrame(() => {
        frame.current = null;
        lastFlush.current = performance.now();
        setProgress({ ...latestProgress.current });
        setChartVersion((v) => v + 1);
      });
    }, wait);
  };

  const handleMessage = (message: XoMessage) => {
    switch (message.type) {
      case 'started':
        setParams(message.params);
        latestProgress.current = { step: 0, steps: message.steps };
        setProgress(latestProgress.current);
        setPhase('training');
        break;
      case 'progress': {
        const { step, steps, loss } = message.progress;
        for (const model of XO_MODELS) points.current.push({ step, loss: loss[model], model });
        latestProgress.current = { step, steps };
        scheduleFlush();
        break;
      }
      case 'done':
        latestProgress.current = { step: message.result.final.step, steps: message.result.final.steps };
        scheduleFlush(true);
        setParams(message.result.params);
        setOutcome({ seed: runSeed.current, accuracy: message.result.accuracy, computeMs: message.computeMs });
        setPhase('done');
        break;
      case 'classified':
        if (message.id === pendingClassify.current) setVerdict(message.probabilities);
        break;
      case 'ready':
      case 'error':
        break;
    }
  };

  useEffect(() => {
    client.current = new XoClient({
      onMessage: handleMessage,
      onFailure: (f) => {
        setFailure(f);
        setPhase('failed');
      },
    });
    // Fetch and compile the chart library while the reader is still reading, not mid-training.
    const idle = (window as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
    if (idle) idle(() => void loadPlot().catch(() => undefined));
    else setTimeout(() => void loadPlot().catch(() => undefined), 500);
    return () => {
      client.current?.stop();
      if (flushTimer.current !== null) clearTimeout(flushTimer.current);
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, []);

  // Ask the trained networks about the drawing whenever either changes.
  useEffect(() => {
    if (phase !== 'done') return;
    pendingClassify.current = client.current?.classify(drawing) ?? null;
  }, [drawing, phase]);

  const clearRun = () => {
    points.current = [];
    latestProgress.current = { step: 0, steps: XO_EXPERIMENT_DEFAULTS.steps };
    setProgress(latestProgress.current);
    setChartVersion((v) => v + 1);
    setOutcome(null);
    setVerdict(null);
    setFailure(null);
    pendingClassify.current = null;
  };

  const train = () => {
    clearRun();
    runSeed.current = seed;
    setPhase('starting');
    client.current?.train({ seed }, reducedMotion ? 0 : PACE_MS);
  };

  const cancel = () => {
    client.current?.stop();
    setPhase('cancelled');
  };

  const reset = () => {
    client.current?.stop();
    clearRun();
    setParams(null);
    setPhase('idle');
  };

  const busy = phase === 'starting' || phase === 'training';
  const last = points.current.length >= 2 ? points.current.slice(-2) : null;
  const statusText =
    phase === 'starting'
      ? t.status.starting
      : phase === 'training'
        ? t.status.training
        : phase === 'done' && outcome
          ? t.status.done(outcome.computeMs)
          : phase === 'cancelled'
            ? t.status.cancelled
            : phase === 'idle'
              ? t.status.idle
              : '';

  return (
    <WidgetFrame title={t.title} class="xolab">
      {rejected.length > 0 && (
        <Note class="xolab-note">{t.urlNote(rejected.join(', '))}</Note>
      )}

      <section class="xolab-section" aria-labelledby="xolab-gallery-heading">
        <h3 id="xolab-gallery-heading">{t.galleryHeading}</h3>
        <p class="xolab-hint">{t.galleryHint}</p>
        <Gallery seed={seed} size={SIZE} t={t} onPick={setDrawing} />
      </section>

      <section class="xolab-section" aria-labelledby="xolab-train-heading">
        <h3 id="xolab-train-heading">{t.trainHeading}</h3>
        <ul class="xolab-models">
          {XO_MODELS.map((kind) => (
            <li key={kind} class={`xolab-models__item xolab-models__item--${kind}`}>
              <strong>{t.model[kind]}</strong> {t.modelShape(kind, XO_EXPERIMENT_DEFAULTS)}
              {params && <span class="xolab-models__params"> ({t.paramCount(params[kind])})</span>}
            </li>
          ))}
        </ul>
        {/* Two groups that wrap as wholes, so no button is left alone on a line. */}
        <div class="cl-controls xolab-controls">
          <div class="xolab-controls__group">
            <NumberField
              label={t.seedLabel}
              value={seed}
              rule={{ min: 0, max: XO_MAX_SEED }}
              message={t.seedRule(XO_MAX_SEED.toLocaleString(lang))}
              onInvalid={setSeedInvalid}
              disabled={busy}
              onChange={setSeed}
            />
            <button type="button" class="cl-button" disabled={busy} onClick={() => setSeed(Math.floor(Math.random() * (XO_MAX_SEED + 1)))}>
              {t.newSeed}
            </button>
          </div>
          <div class="xolab-controls__group">
            <button type="button" class="cl-button cl-button--primary" disabled={busy || seedInvalid} onClick={train}>
              {phase === 'done' ? t.retrain : t.train}
            </button>
            <button type="button" class="cl-button" disabled={!busy} onClick={cancel}>
              {t.cancel}
            </button>
            <button type="button" class="cl-button" disabled={busy || phase === 'idle'} onClick={reset}>
              {t.reset}
            </button>
          </div>
        </div>
        <ProgressBar
          label={t.progressLabel}
          value={progress.step}
          max={progress.steps}
          text={t.stepOf(progress.step, progress.steps)}
        />
        {/* Phase changes only: the step count lives in the progress bar, not in a live region. */}
        <p class="xolab-status" role="status">
          {statusText}
        </p>
        {phase === 'failed' && failure && (
          <div class="xolab-error" role="alert">
            <p>{t.failed[failure.kind]}</p>
            {failure.detail && <p class="xolab-error__detail">{t.failedDetail(failure.detail)}</p>}
            <p>{t.retryHint}</p>
            <button type="button" class="cl-button" onClick={train}>
              {t.retry}
            </button>
          </div>
        )}
      </section>

      <div class="xolab-results">
        <section class="xolab-section" aria-labelledby="xolab-loss-heading">
          <h3 id="xolab-loss-heading">{t.lossHeading}</h3>
          {last ? (
            <LossChart
              points={points.current}
              version={chartVersion}
              steps={progress.steps}
              names={t.model}
              axisStep={t.lossAxisStep}
              axisLoss={t.lossAxisLoss}
              label={t.lossSummary(last[0].step, last[0].loss, last[1].loss)}
              loadingText={t.chartLoading}
            />
          ) : (
            <p class="xolab-hint">{t.lossEmpty}</p>
          )}
        </section>
        <section class="xolab-section" aria-labelledby="xolab-accuracy-heading">
          <h3 id="xolab-accuracy-heading">{t.accuracyHeading}</h3>
          <div aria-live="polite">
            {outcome ? (
              <>
                <AccuracyTable accuracy={outcome.accuracy} t={t} />
                <p class="xolab-hint">{t.resultSeed(outcome.seed)}</p>
              </>
            ) : (
              <p class="xolab-hint">{t.accuracyEmpty}</p>
            )}
          </div>
        </section>
      </div>

      <section class="xolab-section xolab-draw" aria-labelledby="xolab-draw-heading">
        <h3 id="xolab-draw-heading">{t.drawHeading}</h3>
        <p class="xolab-hint">{t.drawHint}</p>
        <div class="xolab-draw__body">
          <DrawPad pixels={drawing} size={SIZE} onChange={setDrawing} label={t.gridLabel} cellLabel={t.cellLabel} />
          <div class="xolab-draw__side">
            <div class="xolab-draw__tools" role="group" aria-label={t.startFrom}>
              <span class="xolab-draw__tools-label" aria-hidden="true">
                {t.startFrom}
              </span>
              <button type="button" class="cl-button" onClick={() => setDrawing(canonical(0))}>
                X
              </button>
              <button type="button" class="cl-button" onClick={() => setDrawing(canonical(1))}>
                O
              </button>
              <button type="button" class="cl-button" onClick={() => setDrawing(new Float32Array(SIZE * SIZE).fill(-1))}>
                {t.clear}
              </button>
            </div>
            <div class="xolab-verdicts" aria-live="polite">
              {verdict && phase === 'done' ? (
                XO_MODELS.map((kind) => {
                  const [pX, pO] = verdict[kind];
                  const label = pX >= pO ? 0 : 1;
                  return (
                    <p key={kind} class={`xolab-verdict xolab-verdict--${kind}`} data-model={kind} data-letter={t.letter(label)}>
                      <span>{t.verdict(t.model[kind], t.letter(label), t.percent(Math.max(pX, pO)))}</span>
                      <span class="xolab-verdict__bar" aria-hidden="true">
                        <span class="xolab-verdict__x" style={{ width: `${pX * 100}%` }}>
                          X
                        </span>
                        <span class="xolab-verdict__o">O</span>
                      </span>
                    </p>
                  );
                })
              ) : (
                <p class="xolab-hint">{t.verdictWaiting}</p>
              )}
            </div>
          </div>
        </div>
      </section>
    </WidgetFrame>
  );
}

export default XoLab;
