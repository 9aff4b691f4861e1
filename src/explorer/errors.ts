/**
 * What the explorer reports: errors and warnings tied to a place in the source.
 *
 * Every message has two voices. `pytorch` is what PyTorch itself would raise
 * (exception type and first line, as PyTorch 1.13 words it), so a learner
 * recognises it when they meet it in a traceback; `message` says why it
 * happens and what would fix it.
 */

/** A stretch of the source: character offsets, end exclusive. */
export interface Span {
  from: number;
  to: number;
}

/** A place in the source as people count: 1-based line and column. */
export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One line of a traceback into the user's code. */
export interface Frame extends Location {
  /** The function running there: "forward", "__init__", "<module>" (the top level). */
  function: string;
}

/** What kind of problem: decides how the page colours and words it. */
export type DiagnosticKind =
  /** Not Python: what Python's own parser refuses. */
  | 'syntax'
  /** Python, but not part of the subset the explorer understands. */
  | 'subset'
  /** A call with arguments the function does not take (Python's TypeError). */
  | 'arguments'
  /** A name or attribute that does not exist. */
  | 'name'
  /** A value of the wrong kind or range (PyTorch's ValueError / TypeError). */
  | 'value'
  /** Shapes that do not fit together when the model runs. */
  | 'shape'
  /** No model found in the code. */
  | 'model';

/** An error or warning. */
export interface Diagnostic extends Location {
  severity: 'error' | 'warning';
  kind: DiagnosticKind;
  /** The explanation: what is wrong, why, and how to fix it. */
  message: string;
  /** What PyTorch (or Python) would raise, "RuntimeError: ..."; null for things PyTorch accepts or that only the explorer refuses. */
  pytorch: string | null;
  /** The traceback into the user's code, outermost first, as Python would print it. */
  frames: Frame[];
  /** The layer involved, by its dotted name, when there is one. */
  layer?: string;
}

/** Converts character offsets to lines and columns. */
export class SourceText {
  readonly text: string;
  readonly #lineStarts: number[];

  constructor(text: string) {
    this.text = text;
    this.#lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') this.#lineStarts.push(i + 1);
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.#lineStarts[low] + 1 };
  }

  location(span: Span): Location {
    const start = this.position(span.from);
    const end = this.position(Math.max(span.from, span.to));
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }

  /** The text of line `line` (1-based), without its newline. */
  lineText(line: number): string {
    const start = this.#lineStarts[line - 1] ?? this.text.length;
    const next = this.#lineStarts[line];
    return this.text.slice(start, next === undefined ? undefined : next - 1);
  }

  slice(span: Span): string {
    return this.text.slice(span.from, span.to);
  }
}

/**
 * A problem found in the code. Thrown inside the explorer and caught by
 * `explore`, which turns it into a {@link Diagnostic}.
 */
export class ExplorerError extends Error {
  readonly kind: DiagnosticKind;
  readonly span: Span;
  readonly pytorch: string | null;
  /** The traceback, filled in by the interpreter as the error passes up through user code. */
  frames: { function: string; span: Span }[] = [];
  layer?: string;

  constructor(kind: DiagnosticKind, span: Span, message: string, pytorch: string | null = null, layer?: string) {
    super(message);
    this.name = 'ExplorerError';
    this.kind = kind;
    this.span = span;
    this.pytorch = pytorch;
    if (layer !== undefined) this.layer = layer;
  }

  toDiagnostic(source: SourceText): Diagnostic {
    return {
      severity: 'error',
      kind: this.kind,
      message: this.message,
      pytorch: this.pytorch,
      ...source.location(this.span),
      frames: this.frames.map((f) => ({ function: f.function, ...source.location(f.span) })),
      ...(this.layer !== undefined ? { layer: this.layer } : {}),
    };
  }
}

/** A diagnostic as one line of text, "model.py:12:5: error: ...", with PyTorch's words after it. */
export function formatDiagnostic(d: Diagnostic, file = '<input>'): string {
  const head = `${file}:${d.line}:${d.column}: ${d.severity}: ${d.message}`;
  const lines = [head];
  if (d.pytorch) lines.push(`  PyTorch: ${d.pytorch}`);
  if (d.frames.length > 0) lines.push(`  traceback: ${d.frames.map((f) => `line ${f.line} (${f.function})`).join(' -> ')}`);
  return lines.join('\n');
}
