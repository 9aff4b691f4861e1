/**
 * The run's curves, drawn with Observable Plot (loaded with the first chart):
 * loss, and accuracy in percent, against epochs. Training values come from
 * the worker's progress reports, test values from its evaluations. The
 * dashboard hands in a new `history` at most a few times a second, which is
 * what keeps redrawing cheap. The marks are hidden from assistive technology:
 * each chart is one labelled image whose label states the latest values.
 */
import { useCallback, useRef } from 'preact/hooks';
import { LazyPlot } from '../../kit/LazyPlot.tsx';
import type { PlotModule } from '../../kit/LazyPlot.tsx';
import type { RunHistory } from './history.ts';
import type { TrainingStrings } from './strings/index.ts';

/** Props of {@link Charts}. */
export interface ChartsProps {
  history: RunHistory;
  /** Planned epochs: the x axis grows with the run up to this width. */
  epochs: number;
  t: TrainingStrings;
  /** Accessible descriptions of each chart's current state. */
  lossLabel: string;
  accuracyLabel: string;
  /** Bumped when the theme changes, so the charts redraw with its colours. */
  themeVersion: number;
  /** Images in the test sample, formatted, once it has been scored (its legend entry). */
  sampleSize?: string | null;
}

const HEIGHT = 200;
const TRAIN_STYLE = { stroke: 'var(--negative)', dash: 'none' };
const TEST_STYLE = { stroke: 'var(--positive)', dash: '6 3' };
/** The test sample: the test set's colour, dotted, as it estimates the same quantity. */
const SUBSET_STYLE = { stroke: 'var(--positive)', dash: '1.5 3' };

function Legend({ t, sampleSize }: { t: TrainingStrings; sampleSize: string | null }) {
  return (
    <ul class="training-legend" aria-hidden="true">
      {[
        { style: TRAIN_STYLE, name: t.charts.train },
        ...(sampleSize ? [{ style: SUBSET_STYLE, name: t.charts.subset(sampleSize) }] : []),
        { style: TEST_STYLE, name: t.charts.test },
      ].map(({ style, name }) => (
        <li key={name}>
          <svg width="28" height="10" focusable="false">
            <line x1="0" y1="5" x2="28" y2="5" stroke={style.stroke} stroke-width="2.5" stroke-dasharray={style.dash} />
          </svg>
          {name}
        </li>
      ))}
    </ul>
  );
}

/** Both charts, side by side where there is room. */
export function Charts({ history, epochs, t, lossLabel, accuracyLabel, themeVersion, sampleSize = null }: ChartsProps) {
  const box = useRef<HTMLDivElement>(null);
  const latest = Math.max(history.train.at(-1)?.epoch ?? 0, history.test.at(-1)?.epoch ?? 0, history.subset.at(-1)?.epoch ?? 0);
  // Before the first step the axis shows the planned epochs. Then it grows with the run (the
  // first steps would be a sliver of the plan), up to the plan.
  const xEnd = latest === 0 ? epochs : latest >= epochs ? latest : Math.min(epochs, Math.max(0.02, latest * 1.05));
  const width = () => Math.round(Math.min(520, Math.max(260, (box.current?.clientWidth ?? 560) / (box.current && box.current.clientWidth > 620 ? 2 : 1) - 8)));

  const frame = (Plot: PlotModule, yLabel: string, yDomain: [number, number], marks: ReturnType<PlotModule['lineY']>[]) =>
    Plot.plot({
      width: width(),
      height: HEIGHT,
      marginLeft: 44,
      // Room for half of the last tick's label, which sits on the right edge.
      marginRight: 22,
      marginBottom: 36,
      style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px', maxWidth: '100%', height: 'auto' },
      x: { domain: [0, xEnd], label: t.charts.epoch, labelAnchor: 'center', labelArrow: 'none' },
      y: { domain: yDomain, label: yLabel, grid: true, labelArrow: 'none' },
      marks,
    });

  const drawLoss = useCallback(
    (Plot: PlotModule) => {
      const peak = Math.max(2.5, ...history.train.map((p) => p.loss), ...history.test.map((p) => p.loss));
      return frame(Plot, t.charts.loss, [0, Math.min(peak, 10)], [
        Plot.lineY(history.train, { x: 'epoch', y: 'loss', stroke: TRAIN_STYLE.stroke, strokeWidth: 1.75, clip: true, ariaHidden: 'true' }),
        Plot.lineY(history.subset, { x: 'epoch', y: 'loss', stroke: SUBSET_STYLE.stroke, strokeWidth: 2, strokeDasharray: SUBSET_STYLE.dash, clip: true, ariaHidden: 'true' }),
        Plot.lineY(history.test, { x: 'epoch', y: 'loss', stroke: TEST_STYLE.stroke, strokeWidth: 2, strokeDasharray: TEST_STYLE.dash, marker: 'circle', clip: true, ariaHidden: 'true' }),
      ]);
    },
    [history, epochs, t, themeVersion],
  );

  const drawAccuracy = useCallback(
    (Plot: PlotModule) =>
      frame(Plot, t.charts.accuracy, [0, 100], [
        Plot.lineY(history.train, { x: 'epoch', y: (p: { accuracy: number }) => p.accuracy * 100, stroke: TRAIN_STYLE.stroke, strokeWidth: 1.75, ariaHidden: 'true' }),
        Plot.lineY(history.subset, { x: 'epoch', y: (p: { accuracy: number }) => p.accuracy * 100, stroke: SUBSET_STYLE.stroke, strokeWidth: 2, strokeDasharray: SUBSET_STYLE.dash, ariaHidden: 'true' }),
        Plot.lineY(history.test, { x: 'epoch', y: (p: { accuracy: number }) => p.accuracy * 100, stroke: TEST_STYLE.stroke, strokeWidth: 2, strokeDasharray: TEST_STYLE.dash, marker: 'circle', ariaHidden: 'true' }),
      ]),
    [history, epochs, t, themeVersion],
  );

  return (
    <div class="training-charts" ref={box}>
      <Legend t={t} sampleSize={sampleSize} />
      <div class="training-charts__pair">
        <LazyPlot draw={drawLoss} label={lossLabel} height={HEIGHT} loadingText={t.charts.loading} class="training-chart training-chart--loss" />
        <LazyPlot draw={drawAccuracy} label={accuracyLabel} height={HEIGHT} loadingText={t.charts.loading} class="training-chart training-chart--accuracy" />
      </div>
    </div>
  );
}
