/**
 * A pixel grid the reader paints on. Pointer: press to flip a pixel, drag to
 * paint more with the same colour. Keyboard: one cell is in the tab order
 * (roving tabindex), arrow keys / Home / End move, Space or Enter flips.
 * Follows the ARIA grid pattern: ink pixels are the "selected" cells.
 */
import { memo } from 'preact/compat';
import { useRef, useState } from 'preact/hooks';

/** Props of {@link DrawPad}. */
export interface DrawPadProps {
  /** `size * size` values, +1 ink and -1 background. */
  pixels: Float32Array;
  size: number;
  onChange: (pixels: Float32Array) => void;
  label: string;
  cellLabel: (row: number, col: number) => string;
}

const MOVES: Record<string, [number, number]> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

function DrawPadGrid({ pixels, size, onChange, label, cellLabel }: DrawPadProps) {
  const [active, setActive] = useState(Math.floor((size * size) / 2));
  const cells = useRef<(HTMLDivElement | null)[]>([]);
  // The colour a drag paints with: the opposite of the first pixel it touched.
  const paint = useRef<number | null>(null);
  // Several pointer moves can arrive before the next render: paint on the newest picture.
  const latest = useRef(pixels);
  latest.current = pixels;

  const setPixel = (index: number, value: number) => {
    if (latest.current[index] === value) return;
    const next = latest.current.slice();
    next[index] = value;
    latest.current = next;
    onChange(next);
  };

  const focusCell = (index: number) => {
    setActive(index);
    cells.current[index]?.focus();
  };

  const indexAt = (x: number, y: number): number | null => {
    const element = document.elementFromPoint(x, y);
    const raw = element instanceof HTMLElement ? element.dataset.index : undefined;
    return raw === undefined ? null : Number(raw);
  };

  const onPointerDown = (event: PointerEvent) => {
    const index = indexAt(event.clientX, event.clientY);
    if (index === null) return;
    event.preventDefault();
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    paint.current = -latest.current[index];
    setActive(index);
    cells.current[index]?.focus();
    setPixel(index, paint.current);
  };

  const onPointerMove = (event: PointerEvent) => {
    if (paint.current === null) return;
    const index = indexAt(event.clientX, event.clientY);
    if (index !== null) setPixel(index, paint.current);
  };

  const endPaint = () => {
    paint.current = null;
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const row = Math.floor(index / size);
    const col = index % size;
    const move = MOVES[event.key];
    if (move) {
      const r = Math.min(size - 1, Math.max(0, row + move[0]));
      const c = Math.min(size - 1, Math.max(0, col + move[1]));
      focusCell(r * size + c);
    } else if (event.key === 'Home') focusCell(event.ctrlKey ? 0 : row * size);
    else if (event.key === 'End') focusCell(event.ctrlKey ? size * size - 1 : row * size + size - 1);
    else if (event.key === ' ' || event.key === 'Enter') setPixel(index, -pixels[index]);
    else return;
    event.preventDefault();
  };

  const rows = [];
  for (let r = 0; r < size; r++) {
    const row = [];
    for (let c = 0; c < size; c++) {
      const index = r * size + c;
      const ink = pixels[index] > 0;
      row.push(
        <div
          key={index}
          role="gridcell"
          ref={(el) => {
            cells.current[index] = el;
          }}
          data-index={index}
          class={ink ? 'xolab-cell xolab-cell--ink' : 'xolab-cell'}
          tabIndex={index === active ? 0 : -1}
          aria-selected={ink ? 'true' : 'false'}
          aria-label={cellLabel(r + 1, c + 1)}
          onKeyDown={(event) => onKeyDown(event, index)}
          onFocus={() => setActive(index)}
        />,
      );
    }
    rows.push(
      <div role="row" key={r} class="xolab-row">
        {row}
      </div>,
    );
  }

  return (
    <div
      role="grid"
      aria-label={label}
      aria-multiselectable="true"
      class="xolab-pad"
      style={{ '--xolab-size': String(size) }}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={endPaint}
      onPointerCancel={endPaint}
      onLostPointerCapture={endPaint}
    >
      {rows}
    </div>
  );
}

/** The editable grid (re-renders only when the picture or the labels change). */
export const DrawPad = memo(DrawPadGrid);
