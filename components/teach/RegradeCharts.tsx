/**
 * The regrade's two charts, drawn with Observable Plot through the kit's lazy
 * loader: how the class's totals are spread, and how hard each exercise was
 * (mean score). Each chart is one labelled image whose label, in the page's
 * language, states what it shows; the numbers are also in the tables beside them.
 */
import { useCallback, useRef } from 'preact/hooks';
import { LazyPlot } from '../kit/LazyPlot.tsx';
import type { PlotModule } from '../kit/LazyPlot.tsx';
import type { TeachStrings } from './strings/index.ts';

const HEIGHT = 220;

const STYLE = { background: 'transparent', color: 'var(--fg)', fontSize: '12px', maxWidth: '100%', height: 'auto' };

function widthOf(box: HTMLDivElement | null): number {
  return Math.round(Math.min(640, Math.max(260, box?.clientWidth ?? 420)));
}

/** Histogram of totals, in percent of the maximum, in ten bins from 0 to 100. */
export function DistributionChart({ percents, t }: { percents: readonly number[]; t: TeachStrings }) {
  const box = useRef<HTMLDivElement>(null);
  const draw = useCallback(
    (Plot: PlotModule) =>
      Plot.plot({
        width: widthOf(box.current),
        height: HEIGHT,
        marginLeft: 40,
        marginBottom: 38,
        style: STYLE,
        x: { domain: [0, 100], label: t.distributionX, labelAnchor: 'center', labelArrow: 'none' },
        y: { label: t.distributionY, grid: true, labelArrow: 'none', tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
        marks: [
          Plot.rectY(
            // 100% belongs in the last bin, not a bin of its own.
            percents.map((p) => Math.min(p, 99.999)),
            {
              ...Plot.binX({ y: 'count' }, { x: (d: number) => d, domain: [0, 100], thresholds: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] }),
              fill: 'var(--accent)',
              inset: 1,
              ariaHidden: 'true',
            },
          ),
          Plot.ruleY([0], { stroke: 'var(--border)', ariaHidden: 'true' }),
        ],
      }),
    [percents, t],
  );
  return (
    <div ref={box} data-testid="chart-distribution">
      <LazyPlot draw={draw} label={t.distributionLabel(percents.length)} height={HEIGHT} loadingText={t.loadingChart} />
    </div>
  );
}

/** Mean score of each exercise, one bar each, hardest at the bottom. */
export function DifficultyChart({ rows, t }: { rows: readonly { id: string; percent: number }[]; t: TeachStrings }) {
  const box = useRef<HTMLDivElement>(null);
  const height = Math.max(120, 40 + rows.length * 26);
  const draw = useCallback(
    (Plot: PlotModule) => {
      const width = widthOf(box.current);
      // Full ids when they fit in under half the width; otherwise the name after the
      // lesson (the table below and the chart's label give the full ids).
      const full = 12 + Math.max(...rows.map((r) => r.id.length), 8) * 6.6 <= width * 0.45;
      const short = (id: string) => (full ? id : id.slice(id.indexOf('/') + 1));
      const longest = Math.max(...rows.map((r) => short(r.id).length), 6);
      return Plot.plot({
        width,
        height,
        marginLeft: Math.min(Math.round(width * 0.45), 12 + longest * 6.6),
        marginRight: 36,
        marginBottom: 38,
        style: STYLE,
        x: { domain: [0, 100], label: t.difficultyX, labelAnchor: 'center', labelArrow: 'none', grid: true },
        y: { label: null, tickFormat: short, domain: [...rows].sort((a, b) => b.percent - a.percent).map((r) => r.id) },
        marks: [
          Plot.barX(rows, { x: 'percent', y: 'id', fill: 'var(--negative)', ariaHidden: 'true' }),
          Plot.text(rows, { x: 'percent', y: 'id', text: (r: { percent: number }) => `${r.percent}%`, textAnchor: 'start', dx: 4, fill: 'var(--fg)', ariaHidden: 'true' }),
          Plot.ruleX([0], { stroke: 'var(--border)', ariaHidden: 'true' }),
        ],
      });
    },
    [rows, t, height],
  );
  const parts = rows.map((r) => `${r.id} ${r.percent}%`).join(', ');
  return (
    <div ref={box} data-testid="chart-difficulty">
      <LazyPlot draw={draw} label={t.difficultyLabel(parts)} height={height} loadingText={t.loadingChart} />
    </div>
  );
}
