/**
 * Both networks' training loss, step by step, drawn with Observable Plot through
 * the shared lazy loader (Plot is fetched only once this chart is drawn). The
 * chart is one labelled image; its label states the latest losses in words.
 */
import { useCallback, useRef } from 'preact/hooks';
import { LazyPlot } from '../../kit/LazyPlot.tsx';
import type { PlotModule } from '../../kit/LazyPlot.tsx';
import type { XoModelKind } from '../../../src/training/xo/config.ts';

/** One point of a loss curve. */
export interface LossPoint {
  step: number;
  loss: number;
  model: XoModelKind;
}

/** Props of {@link LossChart}. */
export interface LossChartProps {
  /** Appended to in place while training runs; `version` says when it grew. */
  points: readonly LossPoint[];
  version: number;
  /** Total steps, so the x axis does not rescale while training runs. */
  steps: number;
  names: Record<XoModelKind, string>;
  axisStep: string;
  axisLoss: string;
  /** Accessible description of the current state of the chart. */
  label: string;
  loadingText: string;
}

const HEIGHT = 210;
const KINDS: readonly XoModelKind[] = ['mlp', 'cnn'];

// Colours come from the theme; the dash tells the lines apart without colour.
const STYLE: Record<XoModelKind, { stroke: string; dash: string }> = {
  mlp: { stroke: 'var(--negative)', dash: 'none' },
  cnn: { stroke: 'var(--positive)', dash: '5 3' },
};

/** The chart. */
export function LossChart({ points, version, steps, names, axisStep, axisLoss, label, loadingText }: LossChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const draw = useCallback(
    (Plot: PlotModule) => {
      const maxLoss = Math.max(0.8, ...points.map((p) => p.loss));
      // Drawn at the width it is shown, so its text keeps its real size.
      const width = Math.round(Math.min(640, Math.max(260, box.current?.clientWidth ?? 420)));
      return Plot.plot({
        width,
        height: HEIGHT,
        marginLeft: 44,
        marginRight: 12,
        marginBottom: 36,
        style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px', maxWidth: '100%', height: 'auto' },
        x: { domain: [0, steps], label: axisStep, labelAnchor: 'center', labelArrow: 'none' },
        y: { domain: [0, maxLoss], label: axisLoss, grid: true, labelArrow: 'none' },
        marks: [
          // The figure as a whole is the labelled image; its parts are decoration to a screen reader.
          Plot.ruleY([0], { stroke: 'var(--border)', ariaHidden: 'true' }),
          ...KINDS.map((kind) =>
            Plot.lineY(
              points.filter((p) => p.model === kind),
              {
                x: 'step',
                y: 'loss',
                stroke: STYLE[kind].stroke,
                strokeWidth: 2,
                strokeDasharray: STYLE[kind].dash,
                ariaHidden: 'true',
              },
            ),
          ),
        ],
      });
    },
    // `points` grows in place; `version` is what changes.
    [version, steps, names, axisStep, axisLoss],
  );
  return (
    <div ref={box}>
      <ul class="xolab-legend" aria-hidden="true">
        {KINDS.map((kind) => (
          <li key={kind}>
            <svg width="28" height="10" focusable="false">
              <line x1="0" y1="5" x2="28" y2="5" stroke={STYLE[kind].stroke} stroke-width="2.5" stroke-dasharray={STYLE[kind].dash} />
            </svg>
            {names[kind]}
          </li>
        ))}
      </ul>
      <LazyPlot draw={draw} label={label} height={HEIGHT} loadingText={loadingText} class="xolab-chart" />
    </div>
  );
}
