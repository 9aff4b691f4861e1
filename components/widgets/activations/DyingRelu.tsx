/**
 * Lesson 9's dying ReLU, trained live: a ReLU neuron and a leaky ReLU neuron, both from
 * weight −5 and bias −3, learn y = x + 1/2 with the engine's autograd and SGD. The
 * reader steps or runs the training; every step is the engine's (see `trainNeuron`).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { LazyPlot } from '../../kit/LazyPlot.tsx';
import type { PlotModule } from '../../kit/LazyPlot.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { DYING, INPUT_RANGES, NEURONS, trainNeuron } from './model.ts';
import type { NeuronKind, NeuronStep } from './model.ts';
import { defaultDying, readDying, writeDying } from './state.ts';
import type { DyingState } from './state.ts';
import { STRINGS } from './strings/index.ts';
import type { ActivationStrings } from './strings/index.ts';
import './activations.css';

const QUERY: QueryCodec<DyingState> = { initial: defaultDying, read: readDying, write: writeDying };
const HEIGHT = 200;
const TICK_MS = 150;
const STYLE: Record<NeuronKind, { stroke: string; dash: string }> = {
  relu: { stroke: 'var(--negative)', dash: 'none' },
  leaky: { stroke: 'var(--positive)', dash: '6 4' },
};

const num = (v: number, digits = 3) => {
  const s = v.toFixed(digits);
  return (Number(s) === 0 ? (0).toFixed(digits) : s).replace('-', '−');
};

function verdict(kind: NeuronKind, now: NeuronStep, t: ActivationStrings): string {
  if (now.gradWeight === 0 && now.gradBias === 0 && now.active === 0) return t.verdictDead;
  // Only a ReLU neuron is in danger when some inputs are blocked; a leaky one still learns from all of them.
  if (kind === 'relu' && now.active < DYING.points && now.active > 0) return t.verdictPartly;
  if (now.loss < 1e-3) return t.verdictFitted;
  return t.verdictAlive;
}

function NeuronPanel({ kind, history, t }: { kind: NeuronKind; history: NeuronStep[]; t: ActivationStrings }) {
  const now = history[history.length - 1];
  const start = history[0];
  const rows: [string, string, string, string][] = [
    [t.loss, 'loss', num(now.loss), num(start.loss)],
    [t.weight, 'weight', num(now.weight), num(start.weight)],
    [t.bias, 'bias', num(now.bias), num(start.bias)],
    [t.gradWeight, 'grad-weight', num(now.gradWeight), num(start.gradWeight)],
    [t.gradBias, 'grad-bias', num(now.gradBias), num(start.gradBias)],
  ];
  const dead = now.active === 0 && now.gradWeight === 0 && now.gradBias === 0;
  return (
    <section class={`ac-neuron ${dead ? 'ac-neuron--dead' : ''}`} aria-label={t.neuronName(kind, DYING.leakySlope)} data-testid={`ac-neuron-${kind}`}>
      <h4>{t.neuronName(kind, DYING.leakySlope)}</h4>
      <dl class="ac-values">
        {rows.map(([label, key, value]) => (
          <div key={key}>
            <dt>{label}</dt>
            <dd data-testid={`ac-${kind}-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="ac-active" data-testid={`ac-${kind}-active`}>{t.active(now.active, DYING.points)}</p>
      <p class="ac-verdict" data-testid={`ac-${kind}-verdict`}>{verdict(kind, now, t)}</p>
    </section>
  );
}

export default function DyingRelu({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: state, set, rejected } = useQueryState(QUERY);
  const [running, setRunning] = useState(false);
  // Trained by the engine up to the current step, every time the step or the range changes.
  const histories = useMemo(
    () => Object.fromEntries(NEURONS.map((kind) => [kind, trainNeuron(kind, state.range, state.step)])) as Record<NeuronKind, NeuronStep[]>,
    [state.range, state.step],
  );

  useEffect(() => {
    if (!running) return;
    const id = setInterval(() => {
      set((s) => (s.step >= DYING.maxSteps ? s : { ...s, step: s.step + 1 }));
    }, TICK_MS);
    return () => clearInterval(id);
  }, [running, set]);
  useEffect(() => {
    if (running && state.step >= DYING.maxSteps) setRunning(false);
  }, [running, state.step]);

  const box = useRef<HTMLDivElement>(null);
  const draw = useCallback(
    (Plot: PlotModule) => {
      const width = Math.round(Math.min(640, Math.max(260, box.current?.clientWidth ?? 420)));
      const maxLoss = Math.max(...NEURONS.map((k) => histories[k][0].loss));
      return Plot.plot({
        width,
        height: HEIGHT,
        marginLeft: 40,
        marginRight: 12,
        marginBottom: 34,
        style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px', maxWidth: '100%', height: 'auto' },
        x: { domain: [0, DYING.maxSteps], label: t.axisStep, labelAnchor: 'center', labelArrow: 'none' },
        y: { domain: [0, maxLoss * 1.05], label: t.axisLoss, grid: true, labelArrow: 'none' },
        marks: [
          Plot.ruleY([0], { stroke: 'var(--border)', ariaHidden: 'true' }),
          ...NEURONS.map((kind) =>
            Plot.line(histories[kind], { x: 'step', y: 'loss', stroke: STYLE[kind].stroke, strokeWidth: 2.5, strokeDasharray: STYLE[kind].dash, ariaHidden: 'true' }),
          ),
        ],
      });
    },
    [histories, t],
  );

  // The parameter chart's y range covers the whole run, so the axis stays put while training runs.
  const extent = useMemo(() => {
    const values = NEURONS.flatMap((kind) => trainNeuron(kind, state.range, DYING.maxSteps).flatMap((s) => [s.weight, s.bias]));
    return [Math.floor(Math.min(...values)), Math.ceil(Math.max(...values))] as const;
  }, [state.range]);
  const paramsBox = useRef<HTMLDivElement>(null);
  const drawParams = useCallback(
    (Plot: PlotModule) => {
      const width = Math.round(Math.min(640, Math.max(260, paramsBox.current?.clientWidth ?? 420)));
      const rows = NEURONS.flatMap((kind) =>
        histories[kind].flatMap((s) => [
          { kind, part: 'w', step: s.step, value: s.weight },
          { kind, part: 'b', step: s.step, value: s.bias },
        ]),
      );
      return Plot.plot({
        width,
        height: HEIGHT,
        marginLeft: 40,
        marginRight: 30,
        marginBottom: 34,
        style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px', maxWidth: '100%', height: 'auto' },
        x: { domain: [0, DYING.maxSteps], label: t.axisStep, labelAnchor: 'center', labelArrow: 'none' },
        y: { domain: [...extent], label: t.axisParams, grid: true, labelArrow: 'none' },
        marks: [
          Plot.ruleY([0], { stroke: 'var(--muted)', ariaHidden: 'true' }),
          ...NEURONS.flatMap((kind) =>
            (['w', 'b'] as const).map((part) =>
              Plot.line(
                rows.filter((r) => r.kind === kind && r.part === part),
                { x: 'step', y: 'value', stroke: STYLE[kind].stroke, strokeWidth: part === 'w' ? 2.5 : 1.5, strokeDasharray: STYLE[kind].dash, ariaHidden: 'true' },
              ),
            ),
          ),
          ...NEURONS.flatMap((kind) =>
            (['w', 'b'] as const).map((part) =>
              Plot.text(rows.filter((r) => r.kind === kind && r.part === part).slice(-1), {
                x: 'step',
                y: 'value',
                text: () => part,
                // Side by side, so w and b stay readable when they end close together.
                dx: part === 'w' ? 8 : 20,
                fill: STYLE[kind].stroke,
                fontWeight: 700,
                ariaHidden: 'true',
              }),
            ),
          ),
        ],
      });
    },
    [histories, extent, t],
  );

  const last = (kind: NeuronKind) => histories[kind][histories[kind].length - 1];
  const atEnd = state.step >= DYING.maxSteps;

  return (
    <WidgetFrame title={t.dyingTitle} caption={t.dyingCaption} class="ac-widget ac-dying">
      {rejected.length > 0 && <Note testId="ac-dying-rejected">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <ChoiceGroup
          label={t.rangeLabel}
          options={INPUT_RANGES.map((r) => ({ value: r, label: t.ranges[r] }))}
          value={state.range}
          onChange={(range) => {
            setRunning(false);
            set({ range, step: 0 });
          }}
        />
      </div>
      <div class="ac-buttons">
        <button type="button" class="cl-button" disabled={atEnd || running} onClick={() => set((s) => ({ ...s, step: Math.min(DYING.maxSteps, s.step + 1) }))}>
          {t.step}
        </button>
        <button type="button" class="cl-button cl-button--primary" disabled={atEnd} aria-pressed={running} onClick={() => setRunning((r) => !r)}>
          {running ? t.pause : t.run}
        </button>
        <button
          type="button"
          class="cl-button"
          disabled={state.step === 0 && !running}
          onClick={() => {
            setRunning(false);
            set((s) => ({ ...s, step: 0 }));
          }}
        >
          {t.reset}
        </button>
        <span class="ac-step" aria-live="polite" data-testid="ac-step">{t.stepCount(state.step, DYING.maxSteps)}</span>
      </div>
      <div class="ac-neurons">
        {NEURONS.map((kind) => (
          <NeuronPanel key={kind} kind={kind} history={histories[kind]} t={t} />
        ))}
      </div>
      <div ref={box} class="ac-chart">
        <ul class="ac-legend" aria-hidden="true">
          {NEURONS.map((kind) => (
            <li key={kind}>
              <svg width="28" height="10" focusable="false">
                <line x1="0" y1="5" x2="28" y2="5" stroke={STYLE[kind].stroke} stroke-width="2.5" stroke-dasharray={STYLE[kind].dash} />
              </svg>
              {t.neuronName(kind, DYING.leakySlope)}
            </li>
          ))}
        </ul>
        <LazyPlot draw={draw} label={t.lossChartAria(state.step, num(last('relu').loss), num(last('leaky').loss))} height={HEIGHT} loadingText={t.loading} />
      </div>
      <div ref={paramsBox} class="ac-chart" data-testid="ac-params-chart">
        <LazyPlot
          draw={drawParams}
          label={t.paramsChartAria(state.step, num(last('relu').weight), num(last('relu').bias), num(last('leaky').weight), num(last('leaky').bias))}
          height={HEIGHT}
          loadingText={t.loading}
        />
      </div>
    </WidgetFrame>
  );
}
