/**
 * The Python values the explorer's interpreter computes with: numbers, strings,
 * lists and tuples while a model is built; modules (real engine modules); and,
 * inside `forward`, tensors, which are either real tensors or, when only the
 * shapes are wanted, a shape and a receptive field.
 */
import type { Tensor } from '../engine/index.ts';
import type { nn } from '../engine/index.ts';
import type { Span } from './errors.ts';
import type { ClassDef, FunctionDef } from './syntax.ts';

/** What flows through `forward`: a shape always, a tensor when running for real. */
export interface Flow {
  shape: number[];
  receptiveField: nn.ReceptiveField | null;
  tensor: Tensor | null;
  /** Where `torch.flatten(x)` (no start_dim) merged the batch into the features, if it did. */
  batchFlattenedAt?: Span;
  /** The batch size that was merged there. */
  flattenedBatch?: number;
}

/** A callable provided by the explorer (nn.Conv2d, F.relu, range, ...). */
export interface Builtin {
  name: string;
  call: (call: CallArgs) => Value;
}

/** The arguments of a call, evaluated. */
export interface CallArgs {
  positional: Value[];
  /** Each with the span of its value, for pointing at a bad one. */
  keywords: { name: string; value: Value; span: Span }[];
  positionalSpans: Span[];
  span: Span;
}

export type Value =
  | { t: 'int'; v: number }
  | { t: 'float'; v: number }
  | { t: 'bool'; v: boolean }
  | { t: 'str'; v: string }
  | { t: 'none' }
  | { t: 'tuple'; items: Value[] }
  | { t: 'list'; items: Value[] }
  | { t: 'module'; m: nn.Module }
  | { t: 'tensor'; x: Flow }
  | { t: 'builtin'; fn: Builtin }
  | { t: 'class'; def: ClassDef }
  | { t: 'function'; def: FunctionDef }
  /** An imported module: 'torch', 'torch.nn', 'torch.nn.functional'. */
  | { t: 'namespace'; path: string }
  /** A method looked up on a value and not yet called (list.append, x.view, ...). */
  | { t: 'method'; self: Value; name: string }
  /** What `super()` returns inside a class. */
  | { t: 'super'; self: Value };

export const NONE: Value = { t: 'none' };
export const int = (v: number): Value => ({ t: 'int', v });
export const float = (v: number): Value => ({ t: 'float', v });
export const bool = (v: boolean): Value => ({ t: 'bool', v });
export const str = (v: string): Value => ({ t: 'str', v });

/** Python's type name for messages: 'int', 'list', 'Conv2d', ... */
export function typeName(value: Value): string {
  switch (value.t) {
    case 'none':
      return 'NoneType';
    case 'module':
      return value.m.typeName;
    case 'tensor':
      return 'Tensor';
    case 'builtin':
      return 'builtin_function_or_method';
    case 'class':
      return 'type';
    case 'namespace':
      return 'module';
    case 'method':
      return 'method';
    default:
      return value.t;
  }
}

/** A float as Python prints it: 3.0, 0.0001, 1e-05. */
export function pythonFloat(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  const s = String(v);
  // JavaScript writes 1e-7 as "1e-7"; Python pads the exponent to two digits.
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** Python's repr, as messages and exported code show values. */
export function repr(value: Value): string {
  switch (value.t) {
    case 'int':
      return String(value.v);
    case 'float':
      return pythonFloat(value.v);
    case 'bool':
      return value.v ? 'True' : 'False';
    case 'str':
      return `'${value.v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
    case 'none':
      return 'None';
    case 'tuple':
      return value.items.length === 1 ? `(${repr(value.items[0])},)` : `(${value.items.map(repr).join(', ')})`;
    case 'list':
      return `[${value.items.map(repr).join(', ')}]`;
    case 'module':
      return `${value.m.typeName}(...)`;
    case 'tensor':
      return `tensor of shape [${value.x.shape.join(', ')}]`;
    case 'builtin':
      return value.fn.name;
    case 'class':
      return `<class '${value.def.name}'>`;
    case 'function':
      return `<function ${value.def.name}>`;
    case 'namespace':
      return `<module '${value.path}'>`;
    case 'method':
      return `<method ${value.name}>`;
    case 'super':
      return '<super>';
  }
}

/** Python's truth value. */
export function truthy(value: Value): boolean | null {
  switch (value.t) {
    case 'int':
    case 'float':
      return value.v !== 0;
    case 'bool':
      return value.v;
    case 'str':
      return value.v.length > 0;
    case 'none':
      return false;
    case 'tuple':
    case 'list':
      return value.items.length > 0;
    case 'tensor':
      return null; // depends on values: not knowable from a shape
    default:
      return true;
  }
}

/** The number in an int, bool or float, or null. */
export function numberOf(value: Value): number | null {
  if (value.t === 'int' || value.t === 'float') return value.v;
  if (value.t === 'bool') return value.v ? 1 : 0;
  return null;
}

/** Python's ==, for the values the subset compares. */
export function equal(a: Value, b: Value): boolean {
  const x = numberOf(a);
  const y = numberOf(b);
  if (x !== null && y !== null) return x === y;
  if (a.t === 'str' && b.t === 'str') return a.v === b.v;
  if (a.t === 'none' || b.t === 'none') return a.t === b.t;
  if ((a.t === 'list' && b.t === 'list') || (a.t === 'tuple' && b.t === 'tuple')) {
    return a.items.length === b.items.length && a.items.every((item, i) => equal(item, b.items[i]));
  }
  if (a.t === 'module' && b.t === 'module') return a.m === b.m;
  return a === b;
}

/** Python's `is`, for the values the subset compares (None, True, modules). */
export function identical(a: Value, b: Value): boolean {
  if (a.t === 'none' || b.t === 'none') return a.t === b.t;
  if (a.t === 'bool' && b.t === 'bool') return a.v === b.v;
  if (a.t === 'module' && b.t === 'module') return a.m === b.m;
  return a === b;
}
