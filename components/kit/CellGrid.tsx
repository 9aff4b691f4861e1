/**
 * A square grid of numbers that works with a mouse and with a keyboard alone: one tab
 * stop per grid (roving tabindex), arrow keys / Home / End to move, Enter or Space to
 * act on a cell. Colour says the sign and size of each value; the number is printed too.
 * Lesson 2's convolution stepper and lesson 11's pooling stepper draw their grids with it.
 */
import { useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import './cell-grid.css';

/** What one grid shows and how it reacts. */
export interface CellGridProps {
  /** Cells per row (the grid is square). */
  size: number;
  /** The values, row-major; they set the colour. */
  values: ArrayLike<number>;
  /** The text printed in each cell. */
  text: (index: number) => string;
  /** Accessible name of each cell. */
  cellLabel: (index: number) => string;
  /** Accessible name of the grid. */
  label: string;
  /** Extra class names for the grid (e.g. for size). */
  className?: string;
  /** Cells to mark (the window on the input, the current output position). */
  marked?: (index: number) => boolean;
  /** The cell that holds the grid's tab stop when the parent wants to steer it. */
  focusIndex?: number;
  /** Enter, Space or a click on a cell; omit for a read-only grid. */
  onActivate?: (index: number) => void;
  /** A cell received keyboard focus or a click. */
  onFocusCell?: (index: number) => void;
  /** The pointer entered a cell (`null`: it left the grid). */
  onHoverCell?: (index: number | null) => void;
  /** Extra class names for one cell (e.g. padding around a picture). */
  cellClass?: (index: number) => string | undefined;
  /** Drawn over the cells, e.g. the sliding window frame. */
  overlay?: JSX.Element | null;
  testId?: string;
}

/**
 * Background strength of a value in [-1, 1]: a faint tint even for small values (so the
 * sign shows), up to 45% of the scale's end colour (beyond that, text contrast suffers).
 */
function mixFor(value: number): string {
  const strength = Math.min(1, Math.abs(value));
  return `${Math.round(10 + strength * 35)}%`;
}

/** A grid of numbered, coloured cells (see the file comment). */
export function CellGrid(props: CellGridProps): JSX.Element {
  const { size, values, text, cellLabel, label, className, marked, cellClass, onActivate, onFocusCell, onHoverCell, overlay, testId } = props;
  const [ownFocus, setOwnFocus] = useState(0);
  const tabStop = props.focusIndex ?? ownFocus;
  const root = useRef<HTMLDivElement>(null);

  const focusCell = (index: number) => {
    setOwnFocus(index);
    root.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const row = Math.floor(index / size);
    const col = index % size;
    let target: number | null = null;
    switch (event.key) {
      case 'ArrowLeft': target = col > 0 ? index - 1 : index; break;
      case 'ArrowRight': target = col < size - 1 ? index + 1 : index; break;
      case 'ArrowUp': target = row > 0 ? index - size : index; break;
      case 'ArrowDown': target = row < size - 1 ? index + size : index; break;
      case 'Home': target = event.ctrlKey ? 0 : row * size; break;
      case 'End': target = event.ctrlKey ? size * size - 1 : row * size + size - 1; break;
      case 'Enter':
      case ' ':
        if (onActivate) {
          event.preventDefault();
          onActivate(index);
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    focusCell(target);
  };

  const rows: JSX.Element[] = [];
  for (let r = 0; r < size; r++) {
    const cells: JSX.Element[] = [];
    for (let c = 0; c < size; c++) {
      const index = r * size + c;
      const value = values[index];
      cells.push(
        <div
          role="gridcell"
          key={index}
          data-index={index}
          tabIndex={index === tabStop ? 0 : -1}
          aria-label={cellLabel(index)}
          class={`conv-cell${marked?.(index) ? ' conv-cell--marked' : ''}${onActivate ? ' conv-cell--editable' : ''}${cellClass?.(index) ? ` ${cellClass(index)}` : ''}`}
          data-sign={value > 0 ? 'pos' : value < 0 ? 'neg' : 'zero'}
          style={{ '--conv-mix': mixFor(value) }}
          onKeyDown={(e) => onKeyDown(e, index)}
          onFocus={() => {
            setOwnFocus(index);
            onFocusCell?.(index);
          }}
          onClick={() => onActivate?.(index)}
          onMouseEnter={() => onHoverCell?.(index)}
        >
          {text(index)}
        </div>,
      );
    }
    rows.push(
      <div role="row" key={r} class="conv-row">
        {cells}
      </div>,
    );
  }

  return (
    <div class={`conv-grid-frame ${className ?? ''}`} style={{ '--conv-size': size }} data-testid={testId}>
      <div
        ref={root}
        role="grid"
        aria-label={label}
        class="conv-grid"
        onMouseLeave={() => onHoverCell?.(null)}
      >
        {rows}
      </div>
      {overlay}
    </div>
  );
}
