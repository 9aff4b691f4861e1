/**
 * The input drawn as a grid with its padding around it: pixels some window reads,
 * pixels none does (the remainder the floor throws away, or the gaps between
 * dilated taps), and the padding ring. A pixel is read only if both its row and its
 * column are, because a 2-D window is a row range times a column range.
 */
import type { CalculatorStrings } from './strings/index.ts';

/** Largest padded side the grid draws; beyond it the text alone describes coverage. */
export const GRID_LIMIT = 40;

/** Props of {@link CoverageGrid}. */
export interface CoverageGridProps {
  height: number;
  width: number;
  padH: number;
  padW: number;
  unreadRows: readonly number[];
  unreadCols: readonly number[];
  t: CalculatorStrings;
}

/** The grid, or nothing when it would be too large to read. */
export function CoverageGrid({ height, width, padH, padW, unreadRows, unreadCols, t }: CoverageGridProps) {
  const rows = height + 2 * padH;
  const cols = width + 2 * padW;
  if (rows > GRID_LIMIT || cols > GRID_LIMIT) return <p class="cl-hint">{t.gridTooBig(GRID_LIMIT)}</p>;

  const cell = Math.max(6, Math.min(22, Math.floor(288 / Math.max(rows, cols))));
  const rowUnread = new Set(unreadRows);
  const colUnread = new Set(unreadCols);
  let unread = 0;
  const rects = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const h = r - padH;
      const w = c - padW;
      const isPadding = h < 0 || h >= height || w < 0 || w >= width;
      const isUnread = !isPadding && (rowUnread.has(h) || colUnread.has(w));
      if (isUnread) unread++;
      const kind = isPadding ? 'pad' : isUnread ? 'unread' : 'read';
      rects.push(
        <rect
          key={`${r}-${c}`}
          class={`os-cell os-cell--${kind}`}
          x={c * cell}
          y={r * cell}
          width={cell}
          height={cell}
        />,
      );
    }
  }
  return (
    <div class="os-grid">
      <svg
        role="img"
        aria-label={t.gridLabel(height, width, unread)}
        width={cols * cell}
        height={rows * cell}
        viewBox={`0 0 ${cols * cell} ${rows * cell}`}>
        {rects}
      </svg>
      <ul class="os-legend" aria-hidden="true">
        <li>
          <span class="os-swatch os-cell--read" /> {t.legendRead}
        </li>
        <li>
          <span class="os-swatch os-cell--unread" /> {t.legendUnread}
        </li>
        {(padH > 0 || padW > 0) && (
          <li>
            <span class="os-swatch os-cell--pad" /> {t.legendPadding}
          </li>
        )}
      </ul>
    </div>
  );
}
