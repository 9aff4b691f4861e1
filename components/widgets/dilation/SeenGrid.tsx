/**
 * One input picture as an SVG grid: the pixels an output neuron depends on are shaded
 * (darker where more paths lead to it), the pixels inside its receptive field that it
 * never sees are crossed, and the field's square is outlined. Read-only: one image to
 * a screen reader, described by `label`.
 */
import { insideField } from './model.ts';
import type { SeenMap } from './model.ts';

const CELL = 10;

export function SeenGrid({ map, label, testId }: { map: SeenMap; label: string; testId: string }) {
  const { side, grad } = map;
  const top = Math.max(1e-9, ...grad);
  const cells = [];
  for (let i = 0; i < side * side; i++) {
    const x = (i % side) * CELL;
    const y = Math.floor(i / side) * CELL;
    const v = grad[i];
    if (v > 0) {
      // Never fainter than 35%, so a pixel seen by one path alone still stands out.
      const strength = Math.round(35 + (v / top) * 50);
      cells.push(
        <rect key={i} class="dl-cell dl-cell--seen" x={x} y={y} width={CELL} height={CELL}
          style={{ fill: `color-mix(in oklab, var(--div-pos-3) ${strength}%, var(--bg))` }} />,
      );
    } else if (insideField(map, i)) {
      cells.push(
        <g key={i} class="dl-unseen">
          <rect class="dl-cell" x={x} y={y} width={CELL} height={CELL} />
          <path class="dl-cross" d={`M${x + 2.5} ${y + 2.5}L${x + CELL - 2.5} ${y + CELL - 2.5}M${x + CELL - 2.5} ${y + 2.5}L${x + 2.5} ${y + CELL - 2.5}`} />
        </g>,
      );
    } else {
      cells.push(<rect key={i} class="dl-cell dl-cell--out" x={x} y={y} width={CELL} height={CELL} />);
    }
  }
  return (
    <svg class="dl-grid" role="img" aria-label={label} viewBox={`0 0 ${side * CELL} ${side * CELL}`} data-testid={testId}
      data-seen={map.seen} data-unseen={map.unseen}>
      {cells}
      <rect class="dl-frame" x={map.start * CELL} y={map.start * CELL} width={map.field * CELL} height={map.field * CELL} />
    </svg>
  );
}
