/**
 * ILSVRC top-5 error by year, from the one data file of historical figures
 * (src/case-studies/ilsvrc.ts): each year's classification winner, VGG as 2014's
 * runner-up, and the human estimate as a rule. The sources are listed under it.
 *
 * Used from MDX: `<IlsvrcChart client:visible />`.
 */
import { useCallback, useMemo, useRef } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { LazyPlot } from '../../kit/LazyPlot.tsx';
import type { PlotModule } from '../../kit/LazyPlot.tsx';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { humanError, ilsvrcPoints, ilsvrcSources } from './model.ts';
import { STRINGS } from './strings/index.ts';
import './case-studies.css';

const HEIGHT = 300;

export default function IlsvrcChart({ lang }: { lang?: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const points = useMemo(() => ilsvrcPoints(), []);
  const winners = points.filter((p) => p.winner);
  const box = useRef<HTMLDivElement>(null);
  const num = (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 1 });

  const draw = useCallback(
    (Plot: PlotModule) => {
      const width = Math.round(Math.min(680, Math.max(300, box.current?.clientWidth ?? 480)));
      const narrow = width < 440;
      const first = winners[0].year;
      const last = winners[winners.length - 1].year;
      const runnerUpYear = points.find((p) => !p.winner)?.year ?? first;
      type P = (typeof points)[number];
      // Where each label sits: above its dot, except where neighbours would collide. The
      // 2014 pair side by side (winner right, runner-up left); 2015 and 2017 below their dots.
      const placements: { test: (p: P) => boolean; anchor: 'start' | 'middle' | 'end'; dx: number; dy: number }[] = [
        { test: (p) => p.winner && p.year === first, anchor: 'start', dx: -4, dy: -12 },
        { test: (p) => p.winner && p.year === last, anchor: 'end', dx: 4, dy: 16 },
        { test: (p) => p.winner && p.year === runnerUpYear, anchor: 'start', dx: 9, dy: 6 },
        { test: (p) => !p.winner, anchor: 'end', dx: -9, dy: -6 },
        { test: (p) => p.winner && p.year === last - 2, anchor: 'middle', dx: 0, dy: 16 },
        { test: (p) => p.winner && ![first, last, last - 2, runnerUpYear].includes(p.year), anchor: 'middle', dx: 0, dy: -12 },
      ];
      const labelled = points.map((p) => ({ ...p, text: narrow ? num(p.error) : p.winner ? `${p.label} ${num(p.error)}` : `${p.label} ${num(p.error)}` }));
      return Plot.plot({
        width,
        height: HEIGHT,
        marginLeft: 40,
        marginRight: narrow ? 18 : 40,
        marginBottom: 36,
        style: { background: 'transparent', color: 'var(--fg)', fontSize: '12px', maxWidth: '100%', height: 'auto' },
        x: { label: t.ilsvrcXAxis, labelAnchor: 'center', labelArrow: 'none', tickFormat: 'd', domain: [winners[0].year - 0.4, winners[winners.length - 1].year + 0.4], ticks: narrow ? 4 : 8 },
        y: { label: t.ilsvrcYAxis, grid: true, labelArrow: 'none', domain: [0, 30] },
        marks: [
          Plot.ruleY([0], { stroke: 'var(--muted)', ariaHidden: 'true' }),
          Plot.ruleY([humanError], { stroke: 'var(--negative)', strokeDasharray: '5 4', strokeWidth: 1.5, ariaHidden: 'true' }),
          Plot.text([humanError], { x: first - 0.3, y: humanError, text: () => t.humanLabel(num(humanError)), textAnchor: 'start', dy: -8, fill: 'var(--negative)', ariaHidden: 'true' }),
          Plot.line(winners, { x: 'year', y: 'error', stroke: 'var(--positive)', strokeWidth: 2, ariaHidden: 'true' }),
          Plot.dot(points, { x: 'year', y: 'error', r: 4.5, stroke: (p: { winner: boolean }) => (p.winner ? 'var(--positive)' : 'var(--muted)'), fill: (p: { cnn: boolean; winner: boolean }) => (!p.winner ? 'var(--muted)' : p.cnn ? 'var(--positive)' : 'var(--bg)'), ariaHidden: 'true' }),
          // dx, dy and textAnchor are constants in Plot, so each placement is its own mark.
          ...placements.map((m) => Plot.text(labelled.filter(m.test), { x: 'year', y: 'error', text: 'text', dx: m.dx, dy: m.dy, textAnchor: m.anchor, fill: 'var(--fg)', ariaHidden: 'true' })),
        ],
      });
    },
    [points, t, locale],
  );

  return (
    <WidgetFrame title={t.ilsvrcTitle} caption={t.ilsvrcCaption(points.find((p) => !p.winner)?.year ?? winners[0].year)} class="cs-ilsvrc">
      <div ref={box} class="cs-chart" data-testid="ilsvrc-chart">
        <LazyPlot draw={draw} label={t.ilsvrcAria(String(winners[0].year), String(winners[winners.length - 1].year), num(humanError))} height={HEIGHT} loadingText={t.loading} />
      </div>
      <details class="cs-sources" data-testid="ilsvrc-sources">
        <summary>{t.sources}</summary>
        <ul>
          {ilsvrcSources().map((s) => (
            <li key={s.label}>
              <strong>{s.label}</strong>: <a href={s.source.url}>{s.source.citation}</a>, {s.source.where}
            </li>
          ))}
        </ul>
      </details>
    </WidgetFrame>
  );
}
