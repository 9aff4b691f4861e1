/**
 * Lesson 17's centre: the degradation problem. The recorded reference run (a
 * committed fixture written by `npm run degradation:record`) is drawn at once;
 * the reader's own run of the same experiment trains in a Web Worker beside it.
 * The steps per network live in the address (`?dg-steps=…`), so a link, or a
 * test, can ask for a short run.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { LazyPlot } from '../../kit/LazyPlot.tsx';
import type { PlotModule } from '../../kit/LazyPlot.tsx';
import { ProgressBar } from '../../kit/ProgressBar.tsx';
import { NumberField } from '../../kit/NumberField.tsx';
import { Note } from '../../kit/Note.tsx';
import { readInt, useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { WorkerClient } from '../../kit/worker-client.ts';
import { stringsFor } from '../../kit/strings.ts';
import { finalLoss } from '../../../src/training/degradation/experiment.ts';
import type { DegradationCurve, DegradationOptions, NetKind } from '../../../src/training/degradation/experiment.ts';
import type { DegradationRequest, DegradationResponse } from '../../../src/training/degradation/messages.ts';
import { netParams, recorded } from './recorded.ts';
import { STRINGS } from './strings/index.ts';
import type { ResNetStrings } from './strings/index.ts';
import './resnet.css';

const STEP_LIMITS: [number, number] = [10, 300];

const QUERY: QueryCodec<{ steps: number }> = {
  initial: () => ({ steps: recorded.settings.steps }),
  read: (params) => {
    const rejected: string[] = [];
    const steps = readInt(params, 'dg-steps', STEP_LIMITS[0], STEP_LIMITS[1], recorded.settings.steps, rejected);
    return { value: { steps }, rejected };
  },
  write: (value, params) => {
    if (value.steps === recorded.settings.steps) params.delete('dg-steps');
    else params.set('dg-steps', String(value.steps));
  },
};

/** The recorded setting with the reader's number of steps (and a window that still gives a curve). */
function liveOptions(steps: number): DegradationOptions {
  const every = steps === recorded.settings.steps ? recorded.settings.every : Math.max(1, Math.round(steps / 15));
  return { ...recorded.settings, steps, every };
}

/** One colour and dash per depth (shallow to deep); the panels tell plain from residual. */
const DEPTH_STYLE = [
  { stroke: 'var(--muted)', dash: '2 3', width: 2 },
  { stroke: 'var(--accent)', dash: '7 3', width: 2 },
  { stroke: 'var(--danger)', dash: 'none', width: 2.5 },
];
const styleOf = (depths: readonly number[], depth: number) => DEPTH_STYLE[Math.max(0, depths.indexOf(depth)) % DEPTH_STYLE.length];
const HEIGHT = 230;
const PARAMS: Record<string, number> = Object.fromEntries(
  recorded.settings.depths.flatMap((d) => (['plain', 'residual'] as const).map((k) => [`${k}-${d}`, netParams(k, d)])),
);

function netName(t: ResNetStrings, kind: NetKind, depth: number): string {
  return kind === 'plain' ? t.plain(depth) : t.residual(depth);
}

function dataUrl(): string {
  const base = (import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/';
  return new URL(`${base.endsWith('/') ? base : `${base}/`}data/`, location.href).href;
}

interface ChartProps {
  t: ResNetStrings;
  curves: readonly DegradationCurve[];
  depths: readonly number[];
  steps: number;
  title: string;
  version: number;
  testId: string;
}

function CurveChart({ t, curves, depths, steps, title, version, testId }: ChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const draw = useCallback(
    (Plot: PlotModule) => {
      const width = Math.round(Math.min(680, Math.max(280, box.current?.clientWidth ?? 480)));
      const maxLoss = Math.max(2.5, ...curves.flatMap((c) => c.loss));
      const panel: Record<NetKind, string> = { plain: t.plainPanel, residual: t.residualPanel };
      return Plot.plot({
        width,
        height: HEIGHT,
        marginLeft: 40,
        marginRight: 18,
        marginBottom: 36,
        marginTop: 24,
        style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px', maxWidth: '100%', height: 'auto' },
        fx: { domain: ['plain', 'residual'], tickFormat: (k: NetKind) => panel[k], label: null, padding: 0.12 },
        x: { domain: [0, steps], label: t.axisStep, labelAnchor: 'center', labelArrow: 'none', ticks: 3 },
        y: { domain: [0, maxLoss], label: t.axisLoss, grid: true, labelArrow: 'none' },
        marks: [
          Plot.ruleY([0], { stroke: 'var(--border)', ariaHidden: 'true' }),
          ...curves.map((c) => {
            const style = styleOf(depths, c.depth);
            return Plot.lineY(
              c.steps.map((step, i) => ({ step, loss: c.loss[i], kind: c.kind })),
              { x: 'step', y: 'loss', fx: 'kind', stroke: style.stroke, strokeWidth: style.width, strokeDasharray: style.dash, ariaHidden: 'true' },
            );
          }),
        ],
      });
    },
    [version, steps, t],
  );
  const parts = curves.filter((c) => c.loss.length > 0).map((c) => t.chartPart(netName(t, c.kind, c.depth), c.loss[c.loss.length - 1]));
  return (
    <div ref={box} class="rn-chart" data-testid={testId} data-curves={curves.filter((c) => c.loss.length > 1).length}>
      <LazyPlot draw={draw} label={t.chartLabel(title, parts.join(', '))} height={HEIGHT} loadingText={t.loading} />
    </div>
  );
}

function Legend({ t, depths }: { t: ResNetStrings; depths: readonly number[] }) {
  return (
    <ul class="rn-legend" aria-hidden="true">
      {depths.map((depth) => {
        const style = styleOf(depths, depth);
        return (
          <li key={depth}>
            <svg width="28" height="10" focusable="false">
              <line x1="0" y1="5" x2="28" y2="5" stroke={style.stroke} stroke-width="2.5" stroke-dasharray={style.dash} />
            </svg>
            {t.layers(depth)}
          </li>
        );
      })}
    </ul>
  );
}

type Phase = 'idle' | 'loading' | 'training' | 'stopped' | 'done' | 'failed';

/** The lab island. */
export default function DegradationLab({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value, set, rejected } = useQueryState(QUERY);
  const depths = recorded.settings.depths;
  const [phase, setPhase] = useState<Phase>('idle');
  const [live, setLive] = useState<DegradationCurve[]>([]);
  const [progress, setProgress] = useState({ done: 0, total: 1 });
  const [failure, setFailure] = useState('');
  const [version, setVersion] = useState(0);
  const [liveSteps, setLiveSteps] = useState(value.steps);
  const client = useRef<WorkerClient<DegradationRequest, DegradationResponse> | null>(null);

  useEffect(() => () => client.current?.end(), []);

  const fail = (detail: string) => {
    client.current?.end();
    setFailure(detail);
    setPhase('failed');
  };

  const train = () => {
    client.current?.end();
    const options = liveOptions(value.steps);
    setLive([]);
    setLiveSteps(options.steps);
    setProgress({ done: 0, total: options.steps * depths.length * 2 });
    setPhase('loading');
    setVersion((v) => v + 1);
    const worker = new WorkerClient<DegradationRequest, DegradationResponse>({
      create: () => new Worker(new URL('../../../src/workers/degradation.worker.ts', import.meta.url), { type: 'module' }),
      ping: { type: 'ping' },
      isPong: (m) => m.type === 'pong',
      onFailure: (f) => fail(f.detail ?? f.kind),
      onMessage: (m) => {
        if (m.type === 'started') {
          setProgress({ done: 0, total: m.totalSteps });
          setPhase('training');
        } else if (m.type === 'progress') {
          setLive((curves) => [...curves.filter((c) => !(c.kind === m.curve.kind && c.depth === m.curve.depth)), m.curve]);
          setProgress((p) => ({ ...p, done: m.stepsDone }));
          setVersion((v) => v + 1);
        } else if (m.type === 'done') {
          worker.end();
          setPhase('done');
        } else if (m.type === 'error') {
          fail(m.message);
        }
      },
    });
    client.current = worker;
    try {
      worker.post({ type: 'train', options, dataUrl: dataUrl() });
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  };

  const stop = () => {
    client.current?.end();
    setPhase('stopped');
  };

  const running = phase === 'loading' || phase === 'training';
  const liveFinal = (kind: NetKind, depth: number) => {
    const c = live.find((curve) => curve.kind === kind && curve.depth === depth);
    return c && c.loss.length > 0 ? finalLoss(c).toFixed(2) : '—';
  };
  const recordedFinal = (kind: NetKind, depth: number) => {
    const c = recorded.curves.find((curve) => curve.kind === kind && curve.depth === depth);
    return c ? finalLoss(c).toFixed(2) : '—';
  };

  return (
    <WidgetFrame title={t.degTitle} caption={t.degCaption} class="rn-lab">
      {rejected.length > 0 && <Note testId="rejected-note">{t.rejected(rejected.join(', '))}</Note>}
      <Legend t={t} depths={depths} />
      <div class="rn-charts">
        <section aria-label={t.recordedHeading}>
          <h3 class="rn-heading">{t.recordedHeading}</h3>
          <p class="rn-note">{t.recordedNote(recorded.settings.seed, recorded.settings.steps)}</p>
          <CurveChart t={t} curves={recorded.curves} depths={depths} steps={recorded.settings.steps} title={t.recordedHeading} version={0} testId="recorded-chart" />
        </section>
        <section aria-label={t.liveHeading}>
          <h3 class="rn-heading">{t.liveHeading}</h3>
          <div class="cl-controls rn-controls">
            <NumberField
              label={t.steps}
              name="dg-steps"
              value={value.steps}
              rule={{ min: STEP_LIMITS[0], max: STEP_LIMITS[1] }}
              message={t.stepsRule(STEP_LIMITS[0], STEP_LIMITS[1])}
              size={4}
              disabled={running}
              onChange={(steps) => set({ steps })}
            />
            {running ? (
              <button type="button" class="cl-button" onClick={stop} data-testid="dg-stop">
                {t.stop}
              </button>
            ) : (
              <button type="button" class="cl-button cl-button--primary" onClick={train} data-testid="dg-train">
                {t.train}
              </button>
            )}
          </div>
          {running && (
            <ProgressBar
              label={phase === 'loading' ? t.loadingData : t.progress}
              value={phase === 'loading' ? undefined : progress.done}
              max={progress.total}
            />
          )}
          <p class="rn-status" role="status" data-testid="dg-status" data-phase={phase}>
            {phase === 'idle' ? t.liveIdle : phase === 'stopped' ? t.stopped : phase === 'done' ? t.done : phase === 'failed' ? t.failed(failure) : ''}
          </p>
          {live.length > 0 && (
            <CurveChart t={t} curves={live} depths={depths} steps={liveSteps} title={t.liveHeading} version={version} testId="live-chart" />
          )}
        </section>
      </div>
      <div class="rn-table-wrap">
        <table class="rn-table" data-testid="dg-table">
          <caption>{t.finalHeading}</caption>
          <thead>
            <tr>
              <th scope="col">{t.net}</th>
              <th scope="col">{t.params}</th>
              <th scope="col">{t.recordedColumn}</th>
              <th scope="col">{t.liveColumn}</th>
            </tr>
          </thead>
          <tbody>
            {depths.flatMap((depth) =>
              (['plain', 'residual'] as const).map((kind) => (
                <tr key={`${kind}-${depth}`}>
                  <th scope="row">{netName(t, kind, depth)}</th>
                  <td>{PARAMS[`${kind}-${depth}`].toLocaleString(lang)}</td>
                  <td>{recordedFinal(kind, depth)}</td>
                  <td>{liveFinal(kind, depth)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </WidgetFrame>
  );
}
