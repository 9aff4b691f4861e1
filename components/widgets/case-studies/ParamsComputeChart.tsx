/**
 * Where a case study's parameters and compute sit: for each model, one bar of its
 * parameters and one of its MACs, split into convolutions, fully connected layers and
 * the rest; below, the first model's weight layers one by one. Numbers from the same
 * summary rows as ArchitectureTable (src/case-studies/architectures.ts).
 *
 * Used from MDX: `<ParamsComputeChart client:visible models={['vgg16', 'mini-vgg']} />`.
 */
import { useCallback, useMemo, useRef } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { LazyPlot } from '../../kit/LazyPlot.tsx';
import type { PlotModule } from '../../kit/LazyPlot.tsx';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { ARCHITECTURES, LAYER_GROUPS, MEASURES, layerShares, shareData } from './model.ts';
import type { ArchitectureKey, LayerGroup } from './model.ts';
import { STRINGS } from './strings/index.ts';
import './case-studies.css';

/** Props of {@link ParamsComputeChart}. */
export interface ParamsComputeChartProps {
  /** Registry keys, one pair of bars each; the first is also charted layer by layer. */
  models: ArchitectureKey[];
  lang?: Locale;
}

/** Fill of each group (theme variables only). */
export const GROUP_FILL: Record<LayerGroup, string> = { conv: 'var(--div-pos-3)', fc: 'var(--div-neg-3)', other: 'var(--muted)' };

const STYLE = { background: 'transparent', color: 'var(--fg)', fontSize: '12px', maxWidth: '100%', height: 'auto' };

export default function ParamsComputeChart({ models, lang }: ParamsComputeChartProps) {
  const t = stringsFor(STRINGS, lang);
  const locale = lang === 'ko' ? 'ko-KR' : 'en-US';
  const key = models.join(',');
  const data = useMemo(() => shareData(models), [key]);
  const layers = useMemo(() => layerShares(models[0]), [key]);
  const box = useRef<HTMLDivElement>(null);
  const rowOf = (label: string, measure: (typeof MEASURES)[number]) => `${label} · ${t.measureName[measure]}`;
  const rowsOrder = models.flatMap((m) => MEASURES.map((measure) => rowOf(ARCHITECTURES[m].label, measure)));
  const pct = (v: number) => v.toLocaleString(locale, { maximumFractionDigits: 1 });

  const width = () => Math.round(Math.min(680, Math.max(300, box.current?.clientWidth ?? 480)));
  const longest = Math.max(...rowsOrder.map((r) => r.length));
  // Narrow screens put each bar's name above it, so rows need room for a line of text.
  const isNarrow = () => width() < 420 || longest * 7 + 40 > width() * 0.45;
  const barHeight = 34 + rowsOrder.length * (isNarrow() ? 46 : 30);
  const drawBars = useCallback(
    (Plot: PlotModule) => {
      const rows = data.map((d) => ({ ...d, row: rowOf(d.label, d.measure), fill: GROUP_FILL[d.group] }));
      const narrow = isNarrow();
      return Plot.plot({
        width: width(),
        height: 34 + rowsOrder.length * (narrow ? 46 : 30),
        marginLeft: narrow ? 10 : Math.round(longest * 7 + 14),
        marginTop: narrow ? 18 : 6,
        marginRight: 14,
        marginBottom: 34,
        style: STYLE,
        x: { domain: [0, 100], label: t.shareAxis, labelAnchor: 'center', labelArrow: 'none' },
        y: { domain: rowsOrder, label: null, axis: narrow ? null : 'left', padding: narrow ? 0.45 : 0.1 },
        marks: [
          Plot.barX(rows, Plot.stackX({ x: 'percent', y: 'row', fill: 'fill', order: LAYER_GROUPS as unknown as string[], z: 'group', ariaHidden: 'true', inset: 1 })),
          Plot.text(
            rows.filter((d) => d.percent >= 12),
            Plot.stackX({ x: 'percent', y: 'row', z: 'group', text: (d: { percent: number }) => `${pct(d.percent)}%`, fill: 'var(--bg)', fontWeight: 600, ariaHidden: 'true' }),
          ),
          ...(narrow ? [Plot.text(rowsOrder, { x: 0, y: (d: string) => d, text: (d: string) => d, textAnchor: 'start', dy: -17, fill: 'var(--fg)', ariaHidden: 'true' })] : []),
          Plot.ruleX([0], { stroke: 'var(--muted)', ariaHidden: 'true' }),
        ],
      });
    },
    [data, t, locale],
  );

  const drawLayers = useCallback(
    (Plot: PlotModule) => {
      const points = layers.flatMap((l, i) => [
        { i: i + 1, measure: t.measureName.params, percent: l.paramsPercent, name: l.name, stroke: GROUP_FILL.fc },
        { i: i + 1, measure: t.measureName.macs, percent: l.macsPercent, name: l.name, stroke: GROUP_FILL.conv },
      ]);
      return Plot.plot({
        width: width(),
        height: 220,
        marginLeft: 40,
        marginRight: 14,
        marginBottom: 36,
        style: STYLE,
        x: { label: t.colLayer, labelAnchor: 'center', labelArrow: 'none', domain: [1, Math.max(2, layers.length)], ticks: Math.min(layers.length, 10), tickFormat: 'd' },
        y: { label: t.layerAxis, grid: true, labelArrow: 'none', domain: [0, Math.max(10, ...points.map((p) => p.percent))] },
        marks: [
          Plot.ruleY([0], { stroke: 'var(--muted)', ariaHidden: 'true' }),
          Plot.line(points, { x: 'i', y: 'percent', z: 'measure', stroke: 'stroke', strokeWidth: 2, ariaHidden: 'true' }),
          Plot.dot(points, { x: 'i', y: 'percent', fill: 'stroke', r: 3, ariaHidden: 'true' }),
        ],
      });
    },
    [layers, t],
  );

  const first = data.filter((d) => d.model === models[0]);
  const fcParams = first.find((d) => d.measure === 'params' && d.group === 'fc')?.percent ?? 0;
  const convMacs = first.find((d) => d.measure === 'macs' && d.group === 'conv')?.percent ?? 0;
  const topParams = layers.reduce((a, b) => (b.paramsPercent > a.paramsPercent ? b : a), layers[0]);
  const topMacs = layers.reduce((a, b) => (b.macsPercent > a.macsPercent ? b : a), layers[0]);
  const firstLabel = ARCHITECTURES[models[0]].label;

  return (
    <WidgetFrame title={t.shareTitle} caption={t.shareCaption} class="cs-share">
      <div ref={box} class="cs-chart" data-testid="share-chart">
        <ul class="cs-legend" aria-hidden="true">
          {LAYER_GROUPS.map((g) => (
            <li key={g}>
              <span class="cs-swatch" style={{ background: GROUP_FILL[g] }} />
              {t.groupName[g]}
            </li>
          ))}
        </ul>
        <LazyPlot draw={drawBars} label={t.shareAria(firstLabel, pct(fcParams), pct(convMacs))} height={barHeight} loadingText={t.loading} />
      </div>
      <ul class="cs-share-list" data-testid="share-list">
        {models.flatMap((m) =>
          MEASURES.map((measure) => (
            <li key={`${m}-${measure}`} data-model={m} data-measure={measure}>
              {t.shareList(
                ARCHITECTURES[m].label,
                t.measureName[measure],
                data
                  .filter((d) => d.model === m && d.measure === measure && d.value > 0)
                  .map((d) => `${t.groupName[d.group]} ${pct(d.percent)}%`)
                  .join(', '),
              )}
            </li>
          )),
        )}
      </ul>
      <h4 class="cs-subtitle">{t.layerView}: {firstLabel}</h4>
      <div class="cs-chart" data-testid="layer-chart">
        <ul class="cs-legend" aria-hidden="true">
          <li><span class="cs-swatch" style={{ background: GROUP_FILL.fc }} />{t.measureName.params}</li>
          <li><span class="cs-swatch" style={{ background: GROUP_FILL.conv }} />{t.measureName.macs}</li>
        </ul>
        <LazyPlot draw={drawLayers} label={t.layerAria(firstLabel, topParams?.name ?? '', topMacs?.name ?? '')} height={220} loadingText={t.loading} />
      </div>
    </WidgetFrame>
  );
}
