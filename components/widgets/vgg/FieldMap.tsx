/**
 * One input picture as an SVG grid: the pixels an output pixel depends on are shaded
 * (darker where more paths lead to it) and the field's square is outlined. Read-only:
 * one image to a screen reader, described by `label`.
 */
import type { FieldMap as Map } from './model.ts';

const CELL = 10;

export function FieldMap({ map, label, testId }: { map: Map; label: string; testId: string }) {
  const { side, grad } = map;
  const top = Math.max(1e-9, ...grad);
  const cells = [];
  for (let i = 0; i < side * side; i++) {
    const x = (i % side) * CELL;
    const y = Math.floor(i / side) * CELL;
    const v = grad[i];
    if (v > 0) {
      const strength = Math.round(25 + (v / top) * 60);
      cells.push(
        <rect key={i} class="vg-cell" x={x} y={y} width={CELL} height={CELL}
          style={{ fill: `color-mix(in oklab, var(--div-pos-3) ${strength}%, var(--bg))` }} />,
      );
    } else {
      cells.push(<rect key={i} class="vg-cell vg-cell--out" x={x} y={y} width={CELL} height={CELL} />);
    }
  }
  return (
    <svg class="vg-grid" role="img" aria-label={label} viewBox={`0 0 ${side * CELL} ${side * CELL}`} data-testid={testId}
      data-field={map.field}>
      {cells}
      <rect class="vg-frame" x={map.start * CELL} y={map.start * CELL} width={map.field * CELL} height={map.field * CELL} />
    </svg>
  );
}
