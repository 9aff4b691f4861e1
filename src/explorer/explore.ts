/**
 * The explorer's front door: PyTorch source and an input shape in, a real
 * engine model, a summary row per layer (with its shape arithmetic) and any
 * errors or warnings out. The page and `npm run explorer` both call `explore`.
 */
import { nn } from '../engine/index.ts';
import { ExplorerError, SourceText } from './errors.ts';
import type { Diagnostic, Location } from './errors.ts';
import { Interpreter } from './interpreter.ts';
import type { ProgramResult, RowOrigin } from './interpreter.ts';
import { parsePython } from './syntax.ts';
import type { Stmt } from './syntax.ts';
import { shapeSteps } from './tex.ts';
import type { ShapeStep } from './tex.ts';

/** Options of {@link explore}. */
export interface ExploreOptions {
  /** The input shape, batch first ([1, 3, 32, 32]). Without it nothing is traced (the model is still built). */
  input?: readonly number[];
  /** Trace in training mode (default true: a freshly built PyTorch module is in training mode). */
  train?: boolean;
}

/** One row of the explorer's table. */
export interface ExplorerRow {
  /** Dotted name as PyTorch's named_modules() gives it ("features.0"); for a function call, the callee ("torch.flatten"). */
  name: string;
  /** "Conv2d", ...; for a function call, the function ("flatten", "view", "add"). */
  type: string;
  /** A layer of the model, or a function called in forward (no parameters of its own). */
  kind: 'module' | 'function';
  inputShape: number[];
  outputShape: number[];
  params: number;
  /** Multiply-accumulates for this input (conv and linear layers), else null. */
  macs: number | null;
  /** The receptive field of one output position, [h, w], while the output is still an image. */
  receptiveField: { size: [number, number]; jump: [number, number]; start: [number, number] } | null;
  /** Where the layer was built (or the function called). */
  definition: Location | null;
  /** The line of forward that ran it. */
  call: Location | null;
  /** The shape arithmetic, as TeX with the numbers put in. */
  steps: ShapeStep[];
}

/** What {@link explore} returns. */
export interface ExploreResult {
  /** True when the model was built and (if an input was given) traced without an error. */
  ok: boolean;
  /** Errors (at most one: the first, as Python stops at it) and warnings, in source order. */
  diagnostics: Diagnostic[];
  /** The model, when it could be built. Its stateDict() has PyTorch's names. */
  model: nn.Module | null;
  /** The rows traced, up to the failing layer when the trace failed. */
  rows: ExplorerRow[];
  inputShape: number[] | null;
  outputShape: number[] | null;
  totalParams: number | null;
  trainableParams: number | null;
  totalMacs: number | null;
  /** How the model was found in the code, so another tool (the Python tests) can find the same one. */
  modelSource: ProgramResult['source'] | null;
  /** The parsed program (for the exporter). */
  program: { source: SourceText; statements: Stmt[] } | null;
}

function toDiagnostic(error: unknown, source: SourceText): Diagnostic {
  if (error instanceof ExplorerError) return error.toDiagnostic(source);
  // Anything else is a bug in the explorer; say so rather than pretend it is the user's.
  const message = error instanceof Error ? error.message : String(error);
  return {
    severity: 'error',
    kind: 'model',
    message: `internal error in the explorer (please report it): ${message}`,
    pytorch: null,
    ...source.location({ from: 0, to: 0 }),
    frames: [],
  };
}

function checkInput(input: readonly number[]): string | null {
  if (!Array.isArray(input) || input.length === 0 || !input.every((d) => Number.isInteger(d) && d >= 1)) {
    return `the input shape must be a list of positive whole numbers, batch first (like 1,3,32,32), got ${JSON.stringify(input)}`;
  }
  if (input.reduce((a, b) => a * b, 1) > 2 ** 31) return 'the input shape is too large (more than 2^31 values)';
  return null;
}

/**
 * Parses `code`, builds the model it defines and, given an input shape,
 * traces every layer's output shape. Never throws for anything in the code:
 * problems come back as diagnostics.
 *
 * @example explore('model = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU())', { input: [1, 3, 32, 32] })
 */
export function explore(code: string, options: ExploreOptions = {}): ExploreResult {
  const source = new SourceText(code);
  const result: ExploreResult = {
    ok: false,
    diagnostics: [],
    model: null,
    rows: [],
    inputShape: options.input ? [...options.input] : null,
    outputShape: null,
    totalParams: null,
    trainableParams: null,
    totalMacs: null,
    modelSource: null,
    program: null,
  };
  let statements: Stmt[];
  try {
    statements = parsePython(code);
  } catch (error) {
    result.diagnostics.push(toDiagnostic(error, source));
    return result;
  }
  result.program = { source, statements };
  const interpreter = new Interpreter();
  let built: ProgramResult;
  try {
    built = interpreter.runProgram(statements, { from: 0, to: Math.min(code.length, 1) });
  } catch (error) {
    result.diagnostics.push(toDiagnostic(error, source));
    return result;
  }
  const model = built.model;
  model.train(options.train ?? true);
  result.model = model;
  result.modelSource = built.source;
  result.totalParams = model.countParameters();
  result.trainableParams = model.countParameters({ trainableOnly: true });
  if (!options.input) {
    result.ok = true;
    return result;
  }
  const inputProblem = checkInput(options.input);
  if (inputProblem) {
    result.diagnostics.push({ severity: 'error', kind: 'shape', message: inputProblem, pytorch: null, ...source.location({ from: 0, to: 0 }), frames: [] });
    return result;
  }
  const tracer = new nn.ShapeTracer();
  const { run, output, error } = interpreter.traceModel(model, options.input, tracer);
  result.rows = tracer.layers.map((row) => {
    const origin: RowOrigin | undefined = run.origins.get(row);
    const inputShape = origin?.inputShape ?? [];
    return {
      name: row.name,
      type: row.type,
      kind: origin?.kind ?? 'module',
      inputShape,
      outputShape: [...row.outputShape],
      params: row.params,
      macs: row.macs ?? null,
      receptiveField: row.receptiveField
        ? { size: [...row.receptiveField.size], jump: [...row.receptiveField.jump], start: [...row.receptiveField.start] }
        : null,
      definition: origin?.definition ? source.location(origin.definition) : null,
      call: origin?.call ? source.location(origin.call) : null,
      steps: origin ? safeSteps(origin, row.outputShape) : [],
    } as ExplorerRow;
  });
  for (const warning of run.warnings) {
    result.diagnostics.push({ ...warning.toDiagnostic(source), severity: 'warning' });
  }
  if (error) {
    result.diagnostics.push(toDiagnostic(error, source));
  } else if (output) {
    result.outputShape = [...output.shape];
    result.totalMacs = result.rows.reduce((total, row) => total + (row.macs ?? 0), 0);
    result.ok = true;
  }
  result.diagnostics.sort((a, b) => (a.severity === b.severity ? a.line - b.line : a.severity === 'error' ? -1 : 1));
  return result;
}

function safeSteps(origin: RowOrigin, outputShape: readonly number[]): ShapeStep[] {
  try {
    return shapeSteps(origin.module, origin.inputShape, outputShape, origin.callee);
  } catch {
    return [];
  }
}
