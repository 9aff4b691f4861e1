/**
 * A square map drawn as an SVG grid that scales with its box: every value printed,
 * the cells tinted by size, and an optional inner square (the original picture inside
 * its padding) outlined. Read-only: nothing in it takes focus.
 */
import type { SquareMap } from './model.ts';

export interface ValueGridProps {
  map: SquareMap;
  /** Accessible name (the whole grid is one image to a screen reader). */
  label: string;
  /** Width of the padding ring to mark, 0 for none. */
  ring?: number;
  /** How a value is printed. */
  format?: (value: number) => string;
  /** Largest value of the tint scale (default: the largest value in the map). */
  max?: number;
  /** Drawn at this fraction of the full width, so an output's cells line up with a padded input's. */
  scale?: number;
  testId?: string;
}

const CELL = 20;

/** The grid (see the file comment). */
export function ValueGrid({ map, label, ring = 0, format = String, max, scale = 1, testId }: ValueGridProps) {
  const { size, values } = map;
  const top = max ?? Math.max(1e-9, ...Array.from(values, Math.abs));
  const side = size * CELL;
  // Four characters ("10.3") need a smaller font than two to stay inside a cell.
  const longest = Math.max(...Array.from(values, (v) => format(v).length));
  const fontSize = longest >= 4 ? 6 : longest === 3 ? 7 : 8;
  const cells = [];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const v = values[r * size + c];
      const inside = r >= ring && r < size - ring && c >= ring && c < size - ring;
      const strength = Math.round(Math.min(1, Math.abs(v) / top) * 55);
      cells.push(
        <g key={`${r}-${c}`}>
          <rect
            class={inside ? 'pd-cell' : 'pd-cell pd-cell--pad'}
            x={c * CELL}
            y={r * CELL}
            width={CELL}
            height={CELL}
            style={{ fill: `color-mix(in oklab, var(--div-pos-3) ${strength}%, var(--bg))` }}
          />
          <text
            x={c * CELL + CELL / 2}
            y={r * CELL + CELL / 2}
            font-size={fontSize}
            class={inside ? 'pd-num' : 'pd-num pd-num--pad'}>
            {format(v)}
          </text>
        </g>,
      );
    }
  }
  return (
    <svg
      class="pd-grid"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      data-testid={testId}
      // A small grid stops at about 2.4rem a cell, so three cells do not fill a panel with giant digits.
      style={{ width: `${scale * 100}%`, maxWidth: `min(${scale * 16}rem, ${size * 2.4}rem)` }}>
      {cells}
      {ring > 0 && (
        <rect
          class="pd-frame"
          x={ring * CELL}
          y={ring * CELL}
          width={(size - 2 * ring) * CELL}
          height={(size - 2 * ring) * CELL}
        />
      )}
    </svg>
  );
}
