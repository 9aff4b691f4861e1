/**
 * Binding call arguments to parameters the way Python does, with Python's own
 * TypeError messages, so `nn.Conv2d(3, 16)` fails here exactly as it fails in
 * Python: "Conv2d.__init__() missing 1 required positional argument: 'kernel_size'".
 */
import { ExplorerError } from './errors.ts';
import type { Span } from './errors.ts';
import type { CallArgs, Value } from './values.ts';

export interface ParamSpec {
  name: string;
  /** Absent: required. */
  default?: Value;
}

export interface Signature {
  /** As Python names the function in messages: "Conv2d.__init__", "relu". */
  qualname: string;
  params: ParamSpec[];
  /** Counts `self` in "takes N positional arguments" (methods and constructors). */
  method: boolean;
}

/** "'a'", "'a' and 'b'", "'a', 'b', and 'c'" as CPython lists missing arguments. */
function quotedList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

function typeError(span: Span, pythonMessage: string, explanation: string): ExplorerError {
  return new ExplorerError('arguments', span, `${pythonMessage}: ${explanation}`, `TypeError: ${pythonMessage}`);
}

/**
 * Matches `args` to `sig` (keywords first, then the count of positionals, then
 * what is missing: CPython's order) and returns each parameter's value.
 */
export function bind(sig: Signature, args: CallArgs): Map<string, Value> {
  const bound = new Map<string, Value>();
  const names = sig.params.map((p) => p.name);
  args.positional.forEach((value, i) => {
    if (i < names.length) bound.set(names[i], value);
  });
  for (const kw of args.keywords) {
    if (!names.includes(kw.name)) {
      const close = names.find((n) => n.startsWith(kw.name) || kw.name.startsWith(n));
      throw typeError(
        kw.span,
        `${sig.qualname}() got an unexpected keyword argument '${kw.name}'`,
        close ? `the parameter is called '${close}'` : `its parameters are ${names.join(', ') || '(none)'}`,
      );
    }
    if (bound.has(kw.name)) {
      throw typeError(kw.span, `${sig.qualname}() got multiple values for argument '${kw.name}'`, 'it is also given by position');
    }
    bound.set(kw.name, kw.value);
  }
  const offset = sig.method ? 1 : 0;
  if (args.positional.length > names.length) {
    const required = sig.params.filter((p) => p.default === undefined).length;
    const max = names.length + offset;
    const min = required + offset;
    const given = args.positional.length + offset;
    const takes = min === max ? `${max} positional argument${max === 1 ? '' : 's'}` : `from ${min} to ${max} positional arguments`;
    const where = args.positionalSpans[names.length] ?? args.span;
    throw typeError(
      { from: where.from, to: args.positionalSpans[args.positionalSpans.length - 1]?.to ?? where.to },
      `${sig.qualname}() takes ${takes} but ${given} ${given === 1 ? 'was' : 'were'} given`,
      names.length === 0 ? 'it takes no arguments' : `its parameters are ${names.join(', ')}`,
    );
  }
  const missing = sig.params.filter((p) => p.default === undefined && !bound.has(p.name)).map((p) => p.name);
  if (missing.length > 0) {
    throw typeError(
      args.span,
      `${sig.qualname}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${quotedList(missing)}`,
      'give it a value',
    );
  }
  for (const p of sig.params) if (!bound.has(p.name)) bound.set(p.name, p.default!);
  return bound;
}

/** The span of the argument bound to `name`, for pointing at a bad value. */
export function argumentSpan(sig: Signature, args: CallArgs, name: string): Span {
  const kw = args.keywords.find((k) => k.name === name);
  if (kw) return kw.span;
  const at = sig.params.findIndex((p) => p.name === name);
  return args.positionalSpans[at] ?? args.span;
}
