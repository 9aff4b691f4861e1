/**
 * Lesson 9's activation plot: ReLU, leaky ReLU (slope on a slider), randomized leaky
 * ReLU (seeded samples in training, the mean slope in evaluation), sigmoid and tanh,
 * each drawn with its gradient. Both curves come from the engine: a forward pass
 * through its activation and a backward pass (see `evaluate` in model.ts).
 */
import { useCallback, useMemo, useRef } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { LazyPlot } from '../../kit/LazyPlot.tsx';
import type { PlotModule } from '../../kit/LazyPlot.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { ACTIVATIONS, RRELU_LOWER, RRELU_MODES, RRELU_UPPER, SLOPE_LIMITS, X_RANGE, curve, evaluate } from './model.ts';
import { PROBE_LIMITS, defaultPlot, readPlot, writePlot } from './state.ts';
import type { PlotState } from './state.ts';
import { STRINGS } from './strings/index.ts';
import './activations.css';

const QUERY: QueryCodec<PlotState> = { initial: defaultPlot, read: readPlot, write: writePlot };
const HEIGHT = 260;

/** Numbers as the widget prints them: up to three decimals, a real minus sign. */
export function show(v: number): string {
  const rounded = Math.round(v * 1000) / 1000;
  return String(Object.is(rounded, -0) ? 0 : rounded).replace('-', '−');
}

export default function ActivationPlot({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: state, set, rejected } = useQueryState(QUERY);
  const slope = state.slope / 100;
  const points = useMemo(() => curve(state.fn, slope, state.mode), [state.fn, slope, state.mode]);
  const probeX = state.probe / 2;
  // The probe is its own forward and backward pass; in training the rrelu draws are the first sample's.
  const probe = useMemo(() => evaluate([probeX], state.fn, slope, state.mode)[0], [probeX, state.fn, slope, state.mode]);
  const box = useRef<HTMLDivElement>(null);
  const scatter = state.fn === 'rrelu' && state.mode === 'train';

  const draw = useCallback(
    (Plot: PlotModule) => {
      const width = Math.round(Math.min(640, Math.max(260, box.current?.clientWidth ?? 420)));
      const series = [
        { key: 'y' as const, stroke: 'var(--positive)', dash: 'none' },
        { key: 'grad' as const, stroke: 'var(--negative)', dash: '6 4' },
      ];
      const ys = points.flatMap((p) => [p.y, p.grad]);
      const low = Math.min(-1.2, ...ys);
      const high = Math.max(1.2, ...ys);
      return Plot.plot({
        width,
        height: HEIGHT,
        marginLeft: 40,
        marginRight: 12,
        marginBottom: 34,
        style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px', maxWidth: '100%', height: 'auto' },
        x: { domain: [...X_RANGE], label: t.axisX, labelAnchor: 'center', labelArrow: 'none' },
        y: { domain: [low, high], label: t.axisY, grid: true, labelArrow: 'none' },
        marks: [
          Plot.ruleY([0], { stroke: 'var(--muted)', ariaHidden: 'true' }),
          Plot.ruleX([0], { stroke: 'var(--muted)', ariaHidden: 'true' }),
          ...series.map((s) =>
            scatter
              ? Plot.dot(points, { x: 'x', y: s.key, r: 1.6, fill: s.stroke, ariaHidden: 'true' })
              : Plot.line(points, { x: 'x', y: s.key, stroke: s.stroke, strokeWidth: 2.5, strokeDasharray: s.dash, ariaHidden: 'true' }),
          ),
          Plot.dot([probe], { x: 'x', y: 'y', r: 5, stroke: 'var(--fg)', fill: 'var(--positive)', ariaHidden: 'true' }),
          Plot.dot([probe], { x: 'x', y: 'grad', r: 5, stroke: 'var(--fg)', fill: 'var(--negative)', ariaHidden: 'true' }),
        ],
      });
    },
    [points, probe, scatter, t],
  );

  const ys = points.map((p) => p.y);
  const gs = points.map((p) => p.grad);
  const name = t.names[state.fn];
  const label = t.plotAria(name, show(X_RANGE[0]), show(X_RANGE[1]), show(Math.min(...ys)), show(Math.max(...ys)), show(Math.min(...gs)), show(Math.max(...gs)));

  return (
    <WidgetFrame title={t.plotTitle} caption={t.plotCaption} class="ac-widget ac-plot">
      {rejected.length > 0 && <Note testId="ac-plot-rejected">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <ChoiceGroup label={t.functionLabel} options={ACTIVATIONS.map((id) => ({ value: id, label: t.names[id] }))} value={state.fn} onChange={(fn) => set((s) => ({ ...s, fn }))} />
      </div>
      <div class="cl-controls">
        {state.fn === 'leaky' && (
          <SliderField label={t.slope} value={state.slope} min={SLOPE_LIMITS.min} max={SLOPE_LIMITS.max} format={(v) => (v / 100).toFixed(2)} onInput={(v) => set((s) => ({ ...s, slope: v }))} />
        )}
        {state.fn === 'rrelu' && (
          <ChoiceGroup label={t.modeLabel} options={RRELU_MODES.map((m) => ({ value: m, label: t.modes[m] }))} value={state.mode} onChange={(mode) => set((s) => ({ ...s, mode }))} />
        )}
        <SliderField label={t.probe} value={state.probe} min={PROBE_LIMITS.min} max={PROBE_LIMITS.max} format={(v) => show(v / 2)} onInput={(v) => set((s) => ({ ...s, probe: v }))} />
      </div>
      {state.fn === 'rrelu' && (
        <p class="ac-note" data-testid="ac-rrelu-note">
          {t.rreluNote(RRELU_LOWER.toFixed(3), RRELU_UPPER.toFixed(3), ((RRELU_LOWER + RRELU_UPPER) / 2).toFixed(3))}
        </p>
      )}
      <div ref={box} class="ac-chart" data-fn={state.fn}>
        <ul class="ac-legend" aria-hidden="true">
          <li>
            <svg width="28" height="10" focusable="false"><line x1="0" y1="5" x2="28" y2="5" stroke="var(--positive)" stroke-width="2.5" /></svg>
            {t.legendValue}
          </li>
          <li>
            <svg width="28" height="10" focusable="false"><line x1="0" y1="5" x2="28" y2="5" stroke="var(--negative)" stroke-width="2.5" stroke-dasharray="6 4" /></svg>
            {t.legendGrad}
          </li>
        </ul>
        <LazyPlot draw={draw} label={label} height={HEIGHT} loadingText={t.loading} />
      </div>
      <p class="ac-readout" aria-live="polite" data-testid="ac-readout">
        {t.readout(show(probe.x), show(probe.y), show(probe.grad))}
      </p>
    </WidgetFrame>
  );
}
