/**
 * An Observable Plot chart that loads Plot only when it is first drawn, so pages and
 * widgets that never chart pay nothing for it. Until Plot arrives a box of the final
 * height holds the place, so the page does not jump.
 *
 * The chart is exposed as one image with `label` as its accessible name: Plot's own
 * `<g aria-label>` marks are not valid ARIA on their own (axe flags them), and a chart
 * is best described by one sentence anyway. Put the numbers that matter in the text or
 * a table beside it. Plot's part names are put into the page's language (the nearest
 * `lang` attribute), see plot-labels.ts.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { relabelPlot } from './plot-labels.ts';
import { isLocale } from '../../src/i18n/lessons.ts';

/** The `@observablehq/plot` module, as handed to the draw function. */
export type PlotModule = typeof import('@observablehq/plot');

/** Props of {@link LazyPlot}. */
export interface LazyPlotProps {
  /**
   * Build the chart: receives the Plot module and returns `Plot.plot({...})`. Called
   * again whenever this function changes identity, so wrap it in `useCallback` with
   * the data it depends on (or let it change on every render for live charts).
   */
  draw: (Plot: PlotModule) => SVGSVGElement | HTMLElement;
  /** Accessible description of what the chart shows. */
  label: string;
  /** Height reserved before the chart is drawn, in pixels. */
  height: number;
  /** Text shown while loading (in the page's language). */
  loadingText?: string;
  class?: string;
}

let plotModule: Promise<PlotModule> | null = null;

/** Load Plot once per page, whichever widget asks first. */
export function loadPlot(): Promise<PlotModule> {
  plotModule ??= import('@observablehq/plot');
  return plotModule;
}

/** A Plot chart drawn after Plot has loaded. */
export function LazyPlot({ draw, label, height, loadingText = '', class: className }: LazyPlotProps) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    loadPlot()
      .then((Plot) => {
        if (cancelled || !box.current) return;
        const chart = draw(Plot);
        const lang = box.current.closest('[lang]')?.getAttribute('lang') ?? 'en';
        if (isLocale(lang)) relabelPlot(chart, lang);
        box.current.replaceChildren(chart);
        setReady(true);
      })
      .catch((error: unknown) => {
        if (!cancelled) setFailure(error instanceof Error ? error.message : String(error));
      });
    return () => {
      cancelled = true;
    };
  }, [draw]);

  const classes = ['cl-plot', ready ? '' : 'cl-plot--loading', className ?? ''].filter(Boolean).join(' ');
  return (
    <div class={classes} role="img" aria-label={label} style={ready ? undefined : { minHeight: `${height}px` }}>
      <div ref={box} />
      {!ready && <span aria-hidden="true">{failure ?? loadingText}</span>}
    </div>
  );
}
