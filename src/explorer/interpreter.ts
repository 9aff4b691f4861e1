/**
 * The explorer's interpreter: runs the subset of Python in SUBSET.md to build a
 * real engine model, and runs that model's `forward` either on real tensors or
 * on shapes alone (for `summary`).
 *
 * A user's `nn.Module` class becomes a {@link ScriptedModule}: an engine module
 * whose children are registered under the attribute names `__init__` gives them
 * (so `stateDict()` has PyTorch's names) and whose `forward` and `trace` run the
 * class's own `forward` through this interpreter. `nn.Sequential` becomes an
 * {@link ExplorerSequential}, the engine's Sequential with its layers routed
 * through the same checks. Every other layer is the engine's own class.
 */
import { Tensor, add, sub, mul, div, reshape, broadcastShapes, formatShape, nn } from '../engine/index.ts';
import type { ShapeTracer, LayerSummary, TraceState } from '../engine/nn/index.ts';
import { ExplorerError } from './errors.ts';
import type { Span } from './errors.ts';
import { ModuleList } from './extra-modules.ts';
import { LAYER_NAMES, buildLayer, buildModuleList, isLayer } from './layers.ts';
import { bind } from './signature.ts';
import type { ParamSpec, Signature } from './signature.ts';
import type { Arg, ClassDef, Expr, FunctionDef, Stmt } from './syntax.ts';
import { NONE, bool, equal, float, identical, int, numberOf, repr, str, truthy, typeName } from './values.ts';
import type { Builtin, CallArgs, Flow, Value } from './values.ts';

// ---------------------------------------------------------------------------
// Modules made by the interpreter

/** An instance of a user's `nn.Module` subclass. */
export class ScriptedModule extends nn.Module {
  readonly interpreter: Interpreter;
  readonly classDef: ClassDef;
  /** Plain (non-module) attributes set in `__init__`: numbers, lists, None. */
  readonly attributes = new Map<string, Value>();
  /** Whether `super().__init__()` has run (PyTorch refuses submodules before it). */
  initialized = false;

  constructor(interpreter: Interpreter, classDef: ClassDef) {
    super();
    this.interpreter = interpreter;
    this.classDef = classDef;
  }

  override get typeName(): string {
    return this.classDef.name;
  }

  forward(x: Tensor): Tensor {
    return this.interpreter.forwardEntry(this, x);
  }

  override trace(input: TraceState, tracer: ShapeTracer, name: string): TraceState {
    return this.interpreter.traceEntry(this, input, tracer, name);
  }
}

/** `nn.Sequential` (or a user's subclass of it), its layers run through the interpreter's checks. */
export class ExplorerSequential extends nn.Sequential {
  static override readonly typeName = 'Sequential';
  readonly interpreter: Interpreter;
  /** The user's class name when this is `class Net(nn.Sequential)`. */
  readonly className: string | null;

  constructor(interpreter: Interpreter, modules: nn.Module[], className: string | null = null) {
    super(...modules);
    this.interpreter = interpreter;
    this.className = className;
  }

  override get typeName(): string {
    return this.className ?? 'Sequential';
  }

  override forward(x: Tensor): Tensor {
    return this.interpreter.forwardEntry(this, x);
  }

  override trace(input: TraceState, tracer: ShapeTracer, name: string): TraceState {
    return this.interpreter.traceEntry(this, input, tracer, name);
  }
}

// ---------------------------------------------------------------------------
// What a run of forward records

/** Where a row of the summary came from. */
export interface RowOrigin {
  kind: 'module' | 'function';
  /** The module (for a function call, the engine layer that computed it). */
  module: nn.Module;
  inputShape: number[];
  /** Where the layer was built (`nn.Conv2d(...)` in `__init__`); for a function call, the call. */
  definition: Span | null;
  /** The line of the user's forward that ran it (`x = self.conv1(x)`), or null at the top. */
  call: Span | null;
  /** For a function call, the callee as written ("torch.flatten", "F.relu", "x.view", "+"). */
  callee?: string;
}

export interface Run {
  mode: 'shape' | 'tensor';
  tracer: ShapeTracer | null;
  names: Map<nn.Module, string>;
  origins: Map<LayerSummary, RowOrigin>;
  warnings: ExplorerError[];
  /** Counts functional rows per callee, to name them uniquely. */
  functionCount: Map<string, number>;
}

interface FrameState {
  function: string;
  span: Span;
}

// ---------------------------------------------------------------------------
// Helpers

type Scope = Map<string, Value>;

function isModule(v: Value): v is { t: 'module'; m: nn.Module } {
  return v.t === 'module';
}

function builtin(name: string, call: (a: CallArgs) => Value): Value {
  const fn: Builtin = { name, call };
  return { t: 'builtin', fn };
}

const p = (name: string, def?: Value): ParamSpec => (def === undefined ? { name } : { name, default: def });

/** PyTorch's exception class for an engine message, so "what PyTorch says" reads as a traceback would. */
function pytorchText(message: string): string {
  const m = message.replace(/^(flatten|softmax|log_softmax|size): (?=Dimension out of range)/, '');
  if (/^(Expected more than 1 value per channel|expected \d+D input|Expected 3D or higher|padding=|Invalid padding|in_channels must|out_channels must)/.test(m)) return `ValueError: ${m}`;
  if (/^Dimension out of range|^index \d+ is out of range|index out of range$/.test(m)) return `IndexError: ${m}`;
  return `RuntimeError: ${m}`;
}

function productOf(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** The kind of a top-level import: which namespace a name stands for. */
const NAMESPACES: Record<string, string> = {
  torch: 'torch',
  'torch.nn': 'torch.nn',
  'torch.nn.functional': 'torch.nn.functional',
};

/** Python built-ins the subset does not read (all but range, len, int, float, list, tuple, enumerate, zip, min, max, abs, super). */
const PYTHON_BUILTINS = [
  'print', 'isinstance', 'issubclass', 'sum', 'sorted', 'reversed', 'map', 'filter', 'any', 'all', 'round', 'pow',
  'divmod', 'str', 'bool', 'dict', 'set', 'frozenset', 'getattr', 'setattr', 'hasattr', 'delattr', 'type', 'open',
  'input', 'iter', 'next', 'callable', 'id', 'hash', 'format', 'repr', 'object', 'vars', 'dir', 'globals', 'locals',
  'eval', 'exec', 'compile', 'chr', 'ord', 'hex', 'oct', 'bin', 'slice', 'property', 'staticmethod', 'classmethod',
];

// ---------------------------------------------------------------------------
// The interpreter

/** A user function or method being run. */
interface Callable {
  def: FunctionDef;
  self: Value | null;
  qualname: string;
  /** The class whose method this is (for super()). */
  owner: ClassDef | null;
}

/** The result of running a program: its top-level names and the model it defines. */
export interface ProgramResult {
  model: nn.Module;
  /** How the model was found, for the Python side to find the same one. */
  source: { kind: 'variable'; name: string } | { kind: 'expression' } | { kind: 'class'; name: string };
  /** The top-level statements, for exporting the code. */
  statements: Stmt[];
}

export class Interpreter {
  readonly globals: Scope = new Map();
  readonly classes = new Map<string, ClassDef>();
  /** Where each module was built: the `nn.Conv2d(...)` call. */
  readonly definitions = new WeakMap<nn.Module, Span>();
  #frames: FrameState[] = [];
  #run: Run | null = null;
  #depth = 0;

  // -------------------------------------------------------------------------
  // Errors

  /** Runs `body` as user function `name`; an error leaving it gets the traceback. */
  #inFrame<T>(name: string, span: Span, body: () => T): T {
    if (this.#frames.length > 200) {
      throw new ExplorerError('value', span, 'calls nest more than 200 deep: is a function calling itself?', 'RecursionError: maximum recursion depth exceeded');
    }
    this.#frames.push({ function: name, span });
    try {
      return body();
    } catch (error) {
      if (error instanceof ExplorerError && error.frames.length === 0) {
        error.frames = this.#frames.map((f) => ({ function: f.function, span: f.span }));
      }
      throw error;
    } finally {
      this.#frames.pop();
    }
  }

  /** Marks where the current frame is, as Python's traceback would show it. */
  #at(span: Span): void {
    const top = this.#frames[this.#frames.length - 1];
    if (top) top.span = span;
  }

  #currentLine(): Span | null {
    const top = this.#frames[this.#frames.length - 1];
    return top ? { ...top.span } : null;
  }

  // -------------------------------------------------------------------------
  // Programs

  /** Runs the top level of a program and returns the model it defines. */
  runProgram(statements: Stmt[], moduleSpan: Span): ProgramResult {
    this.#installBuiltins();
    const candidates: { value: nn.Module; source: ProgramResult['source'] }[] = [];
    this.#inFrame('<module>', moduleSpan, () => {
      for (const stmt of statements) {
        this.#at(stmt.span);
        if (stmt.k === 'import') {
          this.#import(stmt);
          continue;
        }
        if (stmt.k === 'return') throw new ExplorerError('syntax', stmt.span, "'return' outside function", "SyntaxError: 'return' outside function");
        this.#exec(stmt, this.globals, null);
        if (stmt.k === 'assign' && stmt.targets.length === 1 && stmt.targets[0].k === 'name') {
          const v = this.globals.get(stmt.targets[0].id)!;
          if (isModule(v)) candidates.push({ value: v.m, source: { kind: 'variable', name: stmt.targets[0].id } });
        }
        if (stmt.k === 'expr' && this.#lastExpressionValue && isModule(this.#lastExpressionValue)) {
          candidates.push({ value: this.#lastExpressionValue.m, source: { kind: 'expression' } });
        }
      }
    });
    const chosen = candidates[candidates.length - 1];
    if (chosen) return { model: chosen.value, source: chosen.source, statements };
    const moduleClasses = statements.filter((s): s is ClassDef => s.k === 'class' && this.#isModuleClass(s));
    const last = moduleClasses[moduleClasses.length - 1];
    if (!last) {
      throw new ExplorerError(
        'model',
        moduleSpan,
        'no model found: write an nn.Module class (with __init__ and forward), or assign nn.Sequential(...) to a variable',
      );
    }
    // Built outside the top level's frame: the Python side builds it the same way, from outside the file.
    const model = this.#instantiate(last, { positional: [], keywords: [], positionalSpans: [], span: last.headSpan });
    return { model: (model as { m: nn.Module }).m, source: { kind: 'class', name: last.name }, statements };
  }

  #lastExpressionValue: Value | null = null;

  #installBuiltins(): void {
    const g = this.globals;
    g.set('range', builtin('range', (a) => this.#range(a)));
    g.set('len', builtin('len', (a) => this.#len(a)));
    g.set('int', builtin('int', (a) => this.#convert(a, 'int')));
    g.set('float', builtin('float', (a) => this.#convert(a, 'float')));
    g.set('list', builtin('list', (a) => ({ t: 'list', items: a.positional.length ? this.#iterate(a.positional[0], a.positionalSpans[0]) : [] })));
    g.set('tuple', builtin('tuple', (a) => ({ t: 'tuple', items: a.positional.length ? this.#iterate(a.positional[0], a.positionalSpans[0]) : [] })));
    g.set('enumerate', builtin('enumerate', (a) => ({
      t: 'list',
      items: this.#iterate(a.positional[0] ?? NONE, a.positionalSpans[0] ?? a.span).map((v, i) => ({ t: 'tuple', items: [int(i), v] })),
    })));
    g.set('zip', builtin('zip', (a) => {
      const lists = a.positional.map((v, i) => this.#iterate(v, a.positionalSpans[i]));
      const n = Math.min(...lists.map((l) => l.length));
      return { t: 'list', items: Array.from({ length: n }, (_, i) => ({ t: 'tuple' as const, items: lists.map((l) => l[i]) })) };
    }));
    g.set('min', builtin('min', (a) => this.#minMax(a, 'min')));
    g.set('max', builtin('max', (a) => this.#minMax(a, 'max')));
    g.set('abs', builtin('abs', (a) => {
      const v = a.positional[0];
      if (v?.t === 'int' || v?.t === 'float') return { t: v.t, v: Math.abs(v.v) };
      throw new ExplorerError('value', a.span, `abs() needs a number, got ${v ? typeName(v) : 'nothing'}`);
    }));
    g.set('super', builtin('super', (a) => this.#super(a)));
    // Python's other built-in functions exist in Python, so they are "outside the subset", never "not defined".
    for (const name of PYTHON_BUILTINS) {
      g.set(name, builtin(name, (a) => {
        const why = name === 'print' ? ': the explorer shows the shapes itself, so remove the print' : '';
        throw new ExplorerError('subset', a.span, `${name}() is outside the explorer's subset${why} (SUBSET.md lists what it reads)`);
      }));
    }
  }

  #import(stmt: Extract<Stmt, { k: 'import' }>): void {
    const known = (module: string) => {
      if (!NAMESPACES[module]) {
        throw new ExplorerError(
          'subset',
          stmt.span,
          `importing ${module} is outside the explorer's subset: it reads torch, torch.nn and torch.nn.functional only`,
        );
      }
      return NAMESPACES[module];
    };
    if (!stmt.from) {
      const path = known(stmt.module);
      if (stmt.alias) this.globals.set(stmt.alias, { t: 'namespace', path });
      else this.globals.set(stmt.module.split('.')[0], { t: 'namespace', path: 'torch' });
      return;
    }
    const base = known(stmt.module);
    for (const item of stmt.names) {
      const full = `${stmt.module}.${item.name}`;
      const value = NAMESPACES[full] ? { t: 'namespace' as const, path: NAMESPACES[full] } : this.#namespaceMember(base, item.name, item.span);
      this.globals.set(item.alias ?? item.name, value);
    }
  }

  #isModuleClass(def: ClassDef): boolean {
    return def.bases.some((b) => {
      try {
        const v = this.#eval(b, this.globals, null);
        return (v.t === 'builtin' && (v.fn.name === 'nn.Module' || v.fn.name === 'nn.Sequential')) || (v.t === 'class' && this.#isModuleClass(v.def));
      } catch {
        return false;
      }
    });
  }

  // -------------------------------------------------------------------------
  // Statements

  #exec(stmt: Stmt, scope: Scope, fn: Callable | null): { returned: Value } | null {
    this.#at(stmt.span);
    switch (stmt.k) {
      case 'pass':
        return null;
      case 'import':
        throw new ExplorerError('subset', stmt.span, "an import inside a function is outside the explorer's subset: import at the top of the file");
      case 'class':
        if (fn) throw new ExplorerError('subset', stmt.span, "a class inside a function is outside the explorer's subset");
        this.#defineClass(stmt);
        return null;
      case 'def':
        if (fn) throw new ExplorerError('subset', stmt.span, "a function inside a function is outside the explorer's subset: define it at the top level or as a method");
        scope.set(stmt.name, { t: 'function', def: stmt });
        return null;
      case 'expr': {
        const value = this.#eval(stmt.value, scope, fn);
        this.#lastExpressionValue = value;
        return null;
      }
      case 'assign': {
        const value = this.#eval(stmt.value, scope, fn);
        for (const target of stmt.targets) this.#assign(target, value, scope, fn);
        return null;
      }
      case 'augassign': {
        const current = this.#eval(stmt.target, scope, fn);
        let value: Value;
        if (stmt.op === '+' && current.t === 'list') {
          // list += iterable extends in place (the same list object, as Python does).
          current.items.push(...this.#iterate(this.#eval(stmt.value, scope, fn), stmt.value.span));
          value = current;
        } else {
          value = this.#binary(stmt.op, current, this.#eval(stmt.value, scope, fn), stmt.span, `${stmt.op}=`);
        }
        this.#assign(stmt.target, value, scope, fn);
        return null;
      }
      case 'return':
        if (!fn) throw new ExplorerError('syntax', stmt.span, "'return' outside function", "SyntaxError: 'return' outside function");
        return { returned: stmt.value ? this.#eval(stmt.value, scope, fn) : NONE };
      case 'if': {
        for (const branch of stmt.branches) {
          if (this.#test(branch.test, scope, fn)) return this.#block(branch.body, scope, fn);
        }
        return stmt.orelse ? this.#block(stmt.orelse, scope, fn) : null;
      }
      case 'for': {
        const items = this.#iterate(this.#eval(stmt.iter, scope, fn), stmt.iter.span);
        for (const item of items) {
          this.#assign(stmt.target, item, scope, fn);
          const result = this.#block(stmt.body, scope, fn);
          if (result) return result;
        }
        return null;
      }
    }
  }

  #block(body: Stmt[], scope: Scope, fn: Callable | null): { returned: Value } | null {
    for (const stmt of body) {
      const result = this.#exec(stmt, scope, fn);
      if (result) return result;
    }
    return null;
  }

  #test(expr: Expr, scope: Scope, fn: Callable | null): boolean {
    const value = this.#eval(expr, scope, fn);
    const t = truthy(value);
    if (t === null) {
      throw new ExplorerError('subset', expr.span, "a condition on a tensor's values is outside the explorer's subset: it sees shapes, not values");
    }
    return t;
  }

  #assign(target: Expr, value: Value, scope: Scope, fn: Callable | null): void {
    switch (target.k) {
      case 'name':
        scope.set(target.id, value);
        return;
      case 'tuple':
      case 'list': {
        const items = this.#iterate(value, target.span);
        if (items.length !== target.items.length) {
          const message = items.length > target.items.length
            ? `too many values to unpack (expected ${target.items.length})`
            : `not enough values to unpack (expected ${target.items.length}, got ${items.length})`;
          throw new ExplorerError('value', target.span, message, `ValueError: ${message}`);
        }
        target.items.forEach((t, i) => this.#assign(t, items[i], scope, fn));
        return;
      }
      case 'attr': {
        const owner = this.#eval(target.obj, scope, fn);
        if (owner.t !== 'module' || !(owner.m instanceof ScriptedModule)) {
          throw new ExplorerError('subset', target.span, "setting an attribute on anything but self is outside the explorer's subset");
        }
        this.#setAttribute(owner.m, target.name, value, target.span);
        return;
      }
      default:
        throw new ExplorerError('subset', target.span, "assigning to this is outside the explorer's subset: assign to a name or to self.name");
    }
  }

  #setAttribute(self: ScriptedModule, name: string, value: Value, span: Span): void {
    if (value.t === 'module') {
      if (!self.initialized) {
        throw new ExplorerError(
          'value',
          span,
          `a submodule is assigned before super().__init__() has run: call super().__init__() first in __init__`,
          'AttributeError: cannot assign module before Module.__init__() call',
        );
      }
      if (value.m === self) throw new ExplorerError('value', span, 'a module cannot be its own child');
      self.registerModule(name, value.m);
      self.attributes.delete(name);
      return;
    }
    if (self.namedChildren().some(([child]) => child === name)) {
      if (value.t === 'none') {
        throw new ExplorerError('subset', span, `replacing the submodule '${name}' by None is outside the explorer's subset`);
      }
      const message = `cannot assign '${typeName(value)}' as child module '${name}' (torch.nn.Module or None expected)`;
      throw new ExplorerError('value', span, message, `TypeError: ${message}`);
    }
    if (name === 'training' || name === 'forward') {
      throw new ExplorerError('subset', span, `setting self.${name} is outside the explorer's subset`);
    }
    self.attributes.set(name, value);
  }

  // -------------------------------------------------------------------------
  // Classes and calls

  #defineClass(def: ClassDef): void {
    if (!this.#isModuleClass(def)) {
      throw new ExplorerError('subset', def.headSpan, `class ${def.name} does not subclass nn.Module: the explorer reads nn.Module (or nn.Sequential) subclasses only`);
    }
    for (const method of def.methods) {
      if (method.params[0]?.name !== 'self') {
        throw new ExplorerError('subset', method.headSpan, `method ${def.name}.${method.name} must take self first (static and class methods are outside the explorer's subset)`);
      }
    }
    this.classes.set(def.name, def);
    this.globals.set(def.name, { t: 'class', def });
  }

  /** The base class: a user class, or 'Module' / 'Sequential'. */
  #baseOf(def: ClassDef): ClassDef | 'Module' | 'Sequential' {
    for (const b of def.bases) {
      const v = this.#eval(b, this.globals, null);
      if (v.t === 'class') return v.def;
      if (v.t === 'builtin' && v.fn.name === 'nn.Sequential') return 'Sequential';
      if (v.t === 'builtin' && v.fn.name === 'nn.Module') return 'Module';
    }
    return 'Module';
  }

  /** The method `name` of class `def` or its user-written bases, with the class that defines it. */
  #findMethod(def: ClassDef, name: string): { method: FunctionDef; owner: ClassDef } | null {
    let current: ClassDef | 'Module' | 'Sequential' = def;
    while (typeof current !== 'string') {
      const method = current.methods.find((m) => m.name === name);
      if (method) return { method, owner: current };
      current = this.#baseOf(current);
    }
    return null;
  }

  /** The root base: 'Module' or 'Sequential'. */
  #rootBase(def: ClassDef): 'Module' | 'Sequential' {
    let current: ClassDef | 'Module' | 'Sequential' = def;
    while (typeof current !== 'string') current = this.#baseOf(current);
    return current;
  }

  #instantiate(def: ClassDef, args: CallArgs): Value {
    if (this.#rootBase(def) === 'Sequential') {
      if (this.#findMethod(def, 'forward')) {
        throw new ExplorerError('subset', def.headSpan, `a subclass of nn.Sequential with its own forward is outside the explorer's subset: subclass nn.Module`);
      }
      const seq = new ExplorerSequential(this, [], def.name);
      const self: Value = { t: 'module', m: seq };
      const init = this.#findMethod(def, '__init__');
      if (init) this.#callFunction({ def: init.method, self, qualname: `${init.owner.name}.__init__`, owner: init.owner }, args);
      else this.#sequentialInit(seq, args);
      return self;
    }
    const module = new ScriptedModule(this, def);
    const self: Value = { t: 'module', m: module };
    const init = this.#findMethod(def, '__init__');
    if (init) {
      this.#callFunction({ def: init.method, self, qualname: `${init.owner.name}.__init__`, owner: init.owner }, args);
    } else {
      bind({ qualname: 'Module.__init__', params: [], method: true }, args);
      module.initialized = true;
    }
    if (!module.initialized) {
      throw new ExplorerError(
        'value',
        init?.method.headSpan ?? def.headSpan,
        `${def.name}.__init__ never calls super().__init__(), so PyTorch has not set the module up`,
        "AttributeError: cannot assign module before Module.__init__() call",
      );
    }
    return self;
  }

  #sequentialInit(seq: ExplorerSequential, args: CallArgs): void {
    if (args.keywords.length > 0) {
      throw new ExplorerError('arguments', args.keywords[0].span, `Sequential.__init__() got an unexpected keyword argument '${args.keywords[0].name}'`, `TypeError: Sequential.__init__() got an unexpected keyword argument '${args.keywords[0].name}'`);
    }
    args.positional.forEach((v, i) => {
      if (v.t !== 'module') {
        const message = `${typeName(v)} is not a Module subclass`;
        throw new ExplorerError('value', args.positionalSpans[i], `nn.Sequential takes layers, and ${repr(v)} is not one`, `TypeError: ${message}`);
      }
      seq.append(v.m);
    });
  }

  #callFunction(fn: Callable, args: CallArgs): Value {
    const params = fn.def.params.slice(fn.self ? 1 : 0);
    const specs: ParamSpec[] = params.map((prm) => ({
      name: prm.name,
      ...(prm.default ? { default: this.#eval(prm.default, this.globals, null) } : {}),
    }));
    const bound = bind({ qualname: fn.qualname, params: specs, method: fn.self !== null }, args);
    const scope: Scope = new Map(bound);
    if (fn.self) scope.set(fn.def.params[0].name, fn.self);
    if (++this.#depth > 100) {
      this.#depth = 0;
      throw new ExplorerError('value', args.span, 'calls nest more than 100 deep: is a function calling itself?', 'RecursionError: maximum recursion depth exceeded');
    }
    const saved = this.#currentCallable;
    this.#currentCallable = fn;
    try {
      return this.#inFrame(fn.def.name, fn.def.headSpan, () => {
        const result = this.#block(fn.def.body, scope, fn);
        return result ? result.returned : NONE;
      });
    } finally {
      this.#currentCallable = saved;
      this.#depth--;
    }
  }

  #super(args: CallArgs): Value {
    // super() and super(Class, self) both mean: the current method's class, this self.
    const frameFn = this.#currentCallable;
    if (!frameFn || !frameFn.self || !frameFn.owner) {
      throw new ExplorerError('subset', args.span, 'super() works here only inside a method');
    }
    return { t: 'super', self: frameFn.self };
  }

  #currentCallable: Callable | null = null;

  // -------------------------------------------------------------------------
  // Expressions

  #eval(expr: Expr, scope: Scope, fn: Callable | null): Value {
    switch (expr.k) {
      case 'num':
        return expr.isInt ? int(expr.value) : float(expr.value);
      case 'str':
        return str(expr.value);
      case 'const':
        return expr.value === null ? NONE : bool(expr.value);
      case 'name': {
        const v = scope.get(expr.id) ?? this.globals.get(expr.id);
        if (v) return v;
        const message = `name '${expr.id}' is not defined`;
        const hint = expr.id === 'nn' || expr.id === 'F' || expr.id === 'torch'
          ? `: add "${expr.id === 'nn' ? 'import torch.nn as nn' : expr.id === 'F' ? 'import torch.nn.functional as F' : 'import torch'}" at the top`
          : '';
        throw new ExplorerError('name', expr.span, `${message}${hint}`, `NameError: ${message}`);
      }
      case 'tuple':
        return { t: 'tuple', items: this.#evalItems(expr.items, scope, fn) };
      case 'list':
        return { t: 'list', items: this.#evalItems(expr.items, scope, fn) };
      case 'listcomp': {
        const items: Value[] = [];
        const inner: Scope = new Map(scope);
        for (const item of this.#iterate(this.#eval(expr.iter, scope, fn), expr.iter.span)) {
          this.#assign(expr.target, item, inner, fn);
          if (expr.cond && !this.#test(expr.cond, inner, fn)) continue;
          items.push(this.#eval(expr.elt, inner, fn));
        }
        return { t: 'list', items };
      }
      case 'ifexp':
        return this.#test(expr.test, scope, fn) ? this.#eval(expr.body, scope, fn) : this.#eval(expr.orelse, scope, fn);
      case 'starred':
        throw new ExplorerError('subset', expr.span, "a starred expression is outside the explorer's subset here: use it in a call or a list");
      case 'unary': {
        const v = this.#eval(expr.operand, scope, fn);
        if (expr.op === 'not') {
          const t = truthy(v);
          if (t === null) throw new ExplorerError('subset', expr.span, "a condition on a tensor's values is outside the explorer's subset");
          return bool(!t);
        }
        if (v.t === 'int' || v.t === 'float') return { t: v.t, v: expr.op === '-' ? -v.v : v.v };
        if (v.t === 'bool') return int(expr.op === '-' ? -Number(v.v) : Number(v.v));
        if (v.t === 'tensor' && expr.op === '-') return this.#binary('*', v, int(-1), expr.span, '-');
        const message = `bad operand type for unary ${expr.op}: '${typeName(v)}'`;
        throw new ExplorerError('value', expr.span, message, `TypeError: ${message}`);
      }
      case 'binop': {
        if (expr.op === 'and' || expr.op === 'or') {
          const left = this.#eval(expr.left, scope, fn);
          const t = truthy(left);
          if (t === null) throw new ExplorerError('subset', expr.span, "a condition on a tensor's values is outside the explorer's subset");
          return (expr.op === 'and' ? !t : t) ? left : this.#eval(expr.right, scope, fn);
        }
        const left = this.#eval(expr.left, scope, fn);
        const right = this.#eval(expr.right, scope, fn);
        return this.#binary(expr.op, left, right, expr.span, expr.op);
      }
      case 'attr':
        return this.#attribute(this.#eval(expr.obj, scope, fn), expr.name, expr.span);
      case 'index':
        return this.#index(this.#eval(expr.obj, scope, fn), this.#eval(expr.index, scope, fn), expr.span);
      case 'call': {
        const callee = this.#eval(expr.func, scope, fn);
        const args = this.#evalArgs(expr.args, scope, fn, expr.span);
        this.#at(expr.span);
        return this.#call(callee, args, expr, fn);
      }
    }
  }

  #evalItems(items: Expr[], scope: Scope, fn: Callable | null): Value[] {
    const out: Value[] = [];
    for (const item of items) {
      if (item.k === 'starred') out.push(...this.#iterate(this.#eval(item.value, scope, fn), item.span));
      else out.push(this.#eval(item, scope, fn));
    }
    return out;
  }

  #evalArgs(args: Arg[], scope: Scope, fn: Callable | null, span: Span): CallArgs {
    const out: CallArgs = { positional: [], keywords: [], positionalSpans: [], span };
    for (const arg of args) {
      if (arg.kind === 'keyword') {
        if (out.keywords.some((k) => k.name === arg.name)) {
          throw new ExplorerError('syntax', arg.span, `keyword argument repeated: ${arg.name}`, `SyntaxError: keyword argument repeated: ${arg.name}`);
        }
        out.keywords.push({ name: arg.name!, value: this.#eval(arg.value, scope, fn), span: arg.span });
      } else if (arg.kind === 'star') {
        for (const v of this.#iterate(this.#eval(arg.value, scope, fn), arg.span)) {
          out.positional.push(v);
          out.positionalSpans.push(arg.span);
        }
      } else {
        out.positional.push(this.#eval(arg.value, scope, fn));
        out.positionalSpans.push(arg.span);
      }
    }
    return out;
  }

  #call(callee: Value, args: CallArgs, expr: Extract<Expr, { k: 'call' }>, fn: Callable | null): Value {
    const span = expr.span;
    switch (callee.t) {
      case 'builtin':
        return callee.fn.call(args);
      case 'class': {
        const made = this.#instantiate(callee.def, args);
        if (made.t === 'module') this.definitions.set(made.m, span);
        return made;
      }
      case 'function':
        return this.#callFunction({ def: callee.def, self: null, qualname: callee.def.name, owner: null }, args);
      case 'module':
        return this.#callModuleValue(callee.m, args, span);
      case 'method':
        return this.#callMethod(callee.self, callee.name, args, span, fn);
      default: {
        const message = `'${typeName(callee)}' object is not callable`;
        throw new ExplorerError('value', expr.func.span, message, `TypeError: ${message}`);
      }
    }
  }

  // -------------------------------------------------------------------------
  // Attributes and methods

  #attribute(obj: Value, name: string, span: Span): Value {
    switch (obj.t) {
      case 'namespace':
        return this.#namespaceMember(obj.path, name, span);
      case 'module':
        return this.#moduleAttribute(obj, name, span);
      case 'tensor':
        if (name === 'shape') return { t: 'tuple', items: obj.x.shape.map(int) };
        if (['view', 'reshape', 'flatten', 'size', 'dim', 'relu', 'sigmoid', 'tanh', 'softmax', 'log_softmax', 'numel'].includes(name)) {
          return { t: 'method', self: obj, name };
        }
        throw new ExplorerError('subset', span, `the tensor method .${name} is outside the explorer's subset (it reads .view, .reshape, .flatten, .size, .shape, .dim, .numel, .relu, .sigmoid, .tanh, .softmax, .log_softmax)`);
      case 'list':
        if (name === 'append' || name === 'extend') return { t: 'method', self: obj, name };
        break;
      case 'super':
        if (name === '__init__') return { t: 'method', self: obj, name };
        throw new ExplorerError('subset', span, `super().${name} is outside the explorer's subset: only super().__init__(...) is read`);
      default:
        break;
    }
    const message = `'${typeName(obj)}' object has no attribute '${name}'`;
    throw new ExplorerError('name', span, message, `AttributeError: ${message}`);
  }

  #moduleAttribute(obj: { t: 'module'; m: nn.Module }, name: string, span: Span): Value {
    const m = obj.m;
    const child = m.namedChildren().find(([n]) => n === name);
    if (child) return { t: 'module', m: child[1] };
    if (m instanceof ScriptedModule) {
      const attr = m.attributes.get(name);
      if (attr) return attr;
      if (name === 'training') return bool(m.training);
      if (this.#findMethod(m.classDef, name)) return { t: 'method', self: obj, name };
    }
    if (name === 'training') return bool(m.training);
    if (['forward', 'eval', 'train'].includes(name)) return { t: 'method', self: obj, name };
    if ((m instanceof ExplorerSequential || m instanceof ModuleList) && ['append', 'extend'].includes(name)) return { t: 'method', self: obj, name };
    const config = this.#layerConfig(m, name);
    if (config) return config;
    const message = `'${m.typeName}' object has no attribute '${name}'`;
    throw new ExplorerError('name', span, message, `AttributeError: ${message}`);
  }

  /** The few layer settings a model's code reads back (self.conv1.out_channels, self.fc.in_features, ...). */
  #layerConfig(m: nn.Module, name: string): Value | null {
    const pair = (v: readonly number[]): Value => ({ t: 'tuple', items: v.map(int) });
    if (m instanceof nn.Conv2d) {
      const table: Record<string, Value> = {
        in_channels: int(m.inChannels),
        out_channels: int(m.outChannels),
        kernel_size: pair(m.kernelSize),
        stride: pair(m.stride),
        padding: typeof m.padding === 'string' ? str(m.padding) : pair(m.padding),
        dilation: pair(m.dilation),
        groups: int(m.groups),
      };
      return table[name] ?? null;
    }
    if (m instanceof nn.Linear) return ({ in_features: int(m.inFeatures), out_features: int(m.outFeatures) } as Record<string, Value>)[name] ?? null;
    if (m instanceof nn.BatchNorm2d) return name === 'num_features' ? int(m.numFeatures) : null;
    return null;
  }

  #namespaceMember(path: string, name: string, span: Span): Value {
    if (path === 'torch') {
      if (name === 'nn') return { t: 'namespace', path: 'torch.nn' };
      const fn = TORCH_FUNCTIONS[name];
      if (fn) return builtin(`torch.${name}`, (a) => this.#functional(fn, `torch.${name}`, a));
    } else if (path === 'torch.nn') {
      if (name === 'functional') return { t: 'namespace', path: 'torch.nn.functional' };
      if (name === 'Module') return builtin('nn.Module', (a) => {
        throw new ExplorerError('subset', a.span, "building a bare nn.Module() is outside the explorer's subset: subclass it");
      });
      if (name === 'Sequential') {
        return builtin('nn.Sequential', (a) => {
          const seq = new ExplorerSequential(this, []);
          this.#sequentialInit(seq, a);
          this.definitions.set(seq, a.span);
          return { t: 'module', m: seq };
        });
      }
      if (name === 'ModuleList') {
        return builtin('nn.ModuleList', (a) => {
          const list = buildModuleList(a, (items) => this.#iterate(items, a.span).map((v, i) => {
            if (v.t !== 'module') {
              throw new ExplorerError('value', a.positionalSpans[0] ?? a.span, `nn.ModuleList takes layers, and item ${i} (${repr(v)}) is not one`, `TypeError: ${typeName(v)} is not a Module subclass`);
            }
            return v.m;
          }));
          this.definitions.set(list, a.span);
          return { t: 'module', m: list };
        });
      }
      if (name === 'Identity') {
        return builtin('nn.Identity', (a) => {
          const m = new nn.Identity();
          this.definitions.set(m, a.span);
          return { t: 'module', m };
        });
      }
      if (isLayer(name)) {
        return builtin(`nn.${name}`, (a) => {
          const m = buildLayer(name, a);
          this.definitions.set(m, a.span);
          return { t: 'module', m };
        });
      }
    } else if (path === 'torch.nn.functional') {
      const fn = F_FUNCTIONS[name];
      if (fn) return builtin(`F.${name}`, (a) => this.#functional(fn, `F.${name}`, a));
    }
    const shown = path === 'torch.nn' ? 'nn' : path === 'torch.nn.functional' ? 'F' : 'torch';
    const known = path === 'torch.nn' ? LAYER_NAMES.join(', ') : path === 'torch' ? Object.keys(TORCH_FUNCTIONS).join(', ') : Object.keys(F_FUNCTIONS).join(', ');
    throw new ExplorerError('subset', span, `${shown}.${name} is outside the explorer's subset (from ${shown} it reads ${known})`);
  }

  #callMethod(self: Value, name: string, args: CallArgs, span: Span, fn: Callable | null): Value {
    if (self.t === 'super') {
      const current = this.#currentCallable ?? fn;
      const owner = current?.owner;
      const target = self.self;
      if (!owner || target.t !== 'module') throw new ExplorerError('subset', span, 'super() works here only inside a method');
      const base = this.#baseOf(owner);
      if (typeof base !== 'string') {
        const init = this.#findMethod(base, '__init__');
        if (init) return this.#callFunction({ def: init.method, self: target, qualname: `${init.owner.name}.__init__`, owner: init.owner }, args);
      }
      if (target.m instanceof ExplorerSequential) {
        this.#sequentialInit(target.m, args);
        return NONE;
      }
      bind({ qualname: 'Module.__init__', params: [], method: true }, args);
      if (target.m instanceof ScriptedModule) target.m.initialized = true;
      return NONE;
    }
    if (self.t === 'list') {
      if (name === 'append') {
        const [item] = [...bind({ qualname: 'list.append', params: [p('object')], method: false }, args).values()];
        self.items.push(item);
      } else {
        const [items] = [...bind({ qualname: 'list.extend', params: [p('iterable')], method: false }, args).values()];
        self.items.push(...this.#iterate(items, span));
      }
      return NONE;
    }
    if (self.t === 'tensor') return this.#tensorMethod(self.x, name, args, span);
    if (self.t === 'module') {
      const m = self.m;
      if (name === 'eval' || name === 'train') {
        const [mode] = [...bind({ qualname: `Module.${name}`, params: name === 'train' ? [p('mode', bool(true))] : [], method: true }, args).values()];
        if (name === 'eval') m.eval();
        else m.train(truthy(mode ?? bool(true)) ?? true);
        return self;
      }
      if (name === 'forward') return this.#callModuleValue(m, args, span);
      if (name === 'append' || name === 'extend') {
        const items = name === 'append' ? [args.positional[0] ?? NONE] : this.#iterate(args.positional[0] ?? NONE, span);
        for (const item of items) {
          if (item.t !== 'module') throw new ExplorerError('value', span, `${m.typeName}.${name} takes layers, and ${repr(item)} is not one`, `TypeError: ${typeName(item)} is not a Module subclass`);
          (m as ExplorerSequential | ModuleList).append(item.m);
        }
        return self;
      }
      if (m instanceof ScriptedModule) {
        const found = this.#findMethod(m.classDef, name)!;
        return this.#callFunction({ def: found.method, self, qualname: `${found.owner.name}.${name}`, owner: found.owner }, args);
      }
    }
    throw new ExplorerError('subset', span, `calling .${name} here is outside the explorer's subset`);
  }

  // -------------------------------------------------------------------------
  // Numbers and containers

  #binary(op: string, a: Value, b: Value, span: Span, shown: string): Value {
    this.#at(span);
    if (a.t === 'tensor' || b.t === 'tensor') return this.#tensorArithmetic(op, a, b, span, shown);
    if (['==', '!=', '<', '>', '<=', '>=', 'in', 'not in', 'is', 'is not'].includes(op)) return this.#compare(op, a, b, span);
    const x = numberOf(a);
    const y = numberOf(b);
    if (x !== null && y !== null) {
      const ints = a.t !== 'float' && b.t !== 'float';
      const zero = () => {
        const message = ints ? (op === '%' ? 'integer division or modulo by zero' : op === '//' ? 'integer division or modulo by zero' : 'division by zero') : 'float division by zero';
        return new ExplorerError('value', span, message, `ZeroDivisionError: ${message}`);
      };
      switch (op) {
        case '+':
          return ints ? int(x + y) : float(x + y);
        case '-':
          return ints ? int(x - y) : float(x - y);
        case '*':
          return ints ? int(x * y) : float(x * y);
        case '/':
          if (y === 0) throw zero();
          return float(x / y);
        case '//':
          if (y === 0) throw zero();
          return ints ? int(Math.floor(x / y)) : float(Math.floor(x / y));
        case '%':
          if (y === 0) throw zero();
          return ints ? int(x - Math.floor(x / y) * y) : float(x - Math.floor(x / y) * y);
        case '**':
          return ints && y >= 0 ? int(x ** y) : float(x ** y);
      }
    }
    if (op === '+' && a.t === 'str' && b.t === 'str') return str(a.v + b.v);
    if (op === '+' && a.t === b.t && (a.t === 'list' || a.t === 'tuple')) {
      return { t: a.t, items: [...a.items, ...(b as { items: Value[] }).items] };
    }
    if (op === '*' && (a.t === 'list' || a.t === 'tuple') && b.t === 'int') {
      return { t: a.t, items: Array.from({ length: Math.max(0, b.v) }, () => a.items).flat() };
    }
    const message = `unsupported operand type(s) for ${shown}: '${typeName(a)}' and '${typeName(b)}'`;
    throw new ExplorerError('value', span, message, `TypeError: ${message}`);
  }

  #compare(op: string, a: Value, b: Value, span: Span): Value {
    switch (op) {
      case '==':
        return bool(equal(a, b));
      case '!=':
        return bool(!equal(a, b));
      case 'is':
        return bool(identical(a, b));
      case 'is not':
        return bool(!identical(a, b));
      case 'in':
      case 'not in': {
        const inside = b.t === 'str' && a.t === 'str' ? b.v.includes(a.v) : this.#iterate(b, span).some((item) => equal(item, a));
        return bool(op === 'in' ? inside : !inside);
      }
    }
    const x = numberOf(a);
    const y = numberOf(b);
    let result: boolean;
    if (x !== null && y !== null) result = op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
    else if (a.t === 'str' && b.t === 'str') result = op === '<' ? a.v < b.v : op === '>' ? a.v > b.v : op === '<=' ? a.v <= b.v : a.v >= b.v;
    else {
      const message = `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`;
      throw new ExplorerError('value', span, message, `TypeError: ${message}`);
    }
    return bool(result);
  }

  #index(obj: Value, index: Value, span: Span): Value {
    this.#at(span);
    if (index.t !== 'int' && index.t !== 'bool') {
      if (obj.t === 'tensor') throw new ExplorerError('subset', span, "indexing a tensor is outside the explorer's subset");
      const message = `${typeName(obj)} indices must be integers or slices, not ${typeName(index)}`;
      throw new ExplorerError('value', span, message, `TypeError: ${message}`);
    }
    const i = numberOf(index)!;
    if (obj.t === 'list' || obj.t === 'tuple') {
      const at = i < 0 ? i + obj.items.length : i;
      if (at < 0 || at >= obj.items.length) {
        const message = `${obj.t} index out of range`;
        throw new ExplorerError('value', span, message, `IndexError: ${message}`);
      }
      return obj.items[at];
    }
    if (obj.t === 'module' && (obj.m instanceof nn.Sequential || obj.m instanceof ModuleList)) {
      const n = obj.m.length;
      const at = i < 0 ? i + n : i;
      if (at < 0 || at >= n) {
        const message = `index ${i} is out of range`;
        throw new ExplorerError('value', span, message, `IndexError: ${message}`);
      }
      return { t: 'module', m: obj.m.at(at) };
    }
    if (obj.t === 'tensor') throw new ExplorerError('subset', span, "indexing a tensor is outside the explorer's subset");
    const message = `'${typeName(obj)}' object is not subscriptable`;
    throw new ExplorerError('value', span, message, `TypeError: ${message}`);
  }

  #iterate(value: Value, span: Span): Value[] {
    if (value.t === 'list' || value.t === 'tuple') return [...value.items];
    if (value.t === 'str') return [...value.v].map(str);
    if (value.t === 'module' && (value.m instanceof nn.Sequential || value.m instanceof ModuleList)) {
      return [...value.m].map((m) => ({ t: 'module' as const, m }));
    }
    if (value.t === 'tensor') throw new ExplorerError('subset', span, "looping over a tensor is outside the explorer's subset");
    const message = `'${typeName(value)}' object is not iterable`;
    throw new ExplorerError('value', span, message, `TypeError: ${message}`);
  }

  #range(a: CallArgs): Value {
    const nums = a.positional.map((v, i) => {
      if (v.t !== 'int' && v.t !== 'bool') {
        const message = `'${typeName(v)}' object cannot be interpreted as an integer`;
        throw new ExplorerError('value', a.positionalSpans[i], message, `TypeError: ${message}`);
      }
      return numberOf(v)!;
    });
    if (a.keywords.length > 0) throw new ExplorerError('arguments', a.span, 'range() takes no keyword arguments', 'TypeError: range() takes no keyword arguments');
    if (nums.length < 1 || nums.length > 3) {
      const message = nums.length < 1 ? 'range expected at least 1 argument, got 0' : `range expected at most 3 arguments, got ${nums.length}`;
      throw new ExplorerError('arguments', a.span, message, `TypeError: ${message}`);
    }
    const [start, stop, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? 1];
    if (step === 0) throw new ExplorerError('value', a.span, 'range() arg 3 must not be zero', 'ValueError: range() arg 3 must not be zero');
    const items: Value[] = [];
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) {
      items.push(int(i));
      if (items.length > 100000) throw new ExplorerError('value', a.span, 'this range is too long for the explorer (over 100,000 items)');
    }
    return { t: 'list', items };
  }

  #len(a: CallArgs): Value {
    const [v] = [...bind({ qualname: 'len', params: [p('obj')], method: false }, a).values()];
    if (v.t === 'list' || v.t === 'tuple') return int(v.items.length);
    if (v.t === 'str') return int(v.v.length);
    if (v.t === 'tensor') return int(v.x.shape[0]);
    if (v.t === 'module' && (v.m instanceof nn.Sequential || v.m instanceof ModuleList)) return int(v.m.length);
    const message = `object of type '${typeName(v)}' has no len()`;
    throw new ExplorerError('value', a.span, message, `TypeError: ${message}`);
  }

  #convert(a: CallArgs, to: 'int' | 'float'): Value {
    const v = a.positional[0] ?? int(0);
    const n = numberOf(v);
    if (n === null) {
      const message = `${to}() argument must be a string or a real number, not '${typeName(v)}'`;
      throw new ExplorerError('value', a.span, message, `TypeError: ${message}`);
    }
    return to === 'int' ? int(Math.trunc(n)) : float(n);
  }

  #minMax(a: CallArgs, which: 'min' | 'max'): Value {
    const items = a.positional.length === 1 ? this.#iterate(a.positional[0], a.positionalSpans[0]) : a.positional;
    if (items.length === 0) {
      const message = `${which}() arg is an empty sequence`;
      throw new ExplorerError('value', a.span, message, `ValueError: ${message}`);
    }
    let best = items[0];
    for (const item of items.slice(1)) {
      const x = numberOf(item);
      const y = numberOf(best);
      if (x === null || y === null) throw new ExplorerError('value', a.span, `${which}() compares numbers here`);
      if (which === 'min' ? x < y : x > y) best = item;
    }
    return best;
  }

  // -------------------------------------------------------------------------
  // Running forward

  /** Engine entry: `summary` (or `outputShape`) traces a module built here. */
  traceEntry(module: nn.Module, input: TraceState, tracer: ShapeTracer, name: string): TraceState {
    const flow: Flow = { shape: [...input.shape], receptiveField: input.receptiveField, tensor: null };
    if (this.#run) {
      const out = this.#callModule(module, flow, null);
      return { shape: out.shape, receptiveField: out.receptiveField };
    }
    const run = this.startRun('shape', module, tracer);
    try {
      if (name !== '') run.names = new Map([...run.names].map(([m, n]) => [m, n === '' ? name : `${name}.${n}`]));
      const out = this.#callModule(module, flow, null);
      return { shape: out.shape, receptiveField: out.receptiveField };
    } finally {
      this.#run = null;
    }
  }

  /**
   * Traces `model` on `inputShape` with a tracer of the caller's, keeping the run
   * (rows, where each came from, warnings) for the caller even when it fails
   * part-way, so the rows up to the failing layer can still be shown.
   */
  traceModel(model: nn.Module, inputShape: readonly number[], tracer: ShapeTracer): { run: Run; output: Flow | null; error: unknown } {
    const run = this.startRun('shape', model, tracer);
    const field = inputShape.length >= 3 ? nn.pixelReceptiveField() : null;
    try {
      const output = this.#callModule(model, { shape: [...inputShape], receptiveField: field, tensor: null }, null);
      return { run, output, error: null };
    } catch (error) {
      return { run, output: null, error };
    } finally {
      this.#run = null;
    }
  }

  /** Engine entry: `model.forward(x)` on a real tensor. */
  forwardEntry(module: nn.Module, x: Tensor): Tensor {
    const flow: Flow = { shape: [...x.shape], receptiveField: null, tensor: x };
    if (this.#run) return this.#callModule(module, flow, null).tensor!;
    this.startRun('tensor', module, null);
    try {
      return this.#callModule(module, flow, null).tensor!;
    } finally {
      this.#run = null;
    }
  }

  /** Begins a run (the explorer's `explore` starts one itself to read what it records). */
  startRun(mode: Run['mode'], root: nn.Module, tracer: ShapeTracer | null): Run {
    const names = new Map<nn.Module, string>();
    for (const [name, m] of root.namedModules()) names.set(m, name);
    this.#run = { mode, tracer, names, origins: new Map(), warnings: [], functionCount: new Map() };
    return this.#run;
  }

  /** The run in progress (for `explore` to collect what it recorded). */
  get currentRun(): Run | null {
    return this.#run;
  }

  /** Ends the run started by `startRun`. */
  endRun(): void {
    this.#run = null;
  }

  #nameOf(m: nn.Module): string {
    return this.#run?.names.get(m) ?? m.typeName;
  }

  /** Calls a module value from user code: `self.conv1(x)`. */
  #callModuleValue(m: nn.Module, args: CallArgs, span: Span): Value {
    const qualname = m instanceof ScriptedModule ? `${m.typeName}.forward` : `${m.typeName}.forward`;
    if (m instanceof ModuleList) {
      throw new ExplorerError('value', span, 'an nn.ModuleList holds layers but cannot be called: loop over it (for layer in self.layers: x = layer(x))', 'NotImplementedError: Module [ModuleList] is missing the required "forward" function');
    }
    if (!(m instanceof ScriptedModule)) {
      const [input] = [...bind({ qualname, params: [p('input')], method: true }, args).values()];
      return this.#moduleOnValue(m, input, args.positionalSpans[0] ?? span, span);
    }
    return this.#moduleOnArgs(m, args, span);
  }

  #moduleOnValue(m: nn.Module, input: Value, inputSpan: Span, span: Span): Value {
    if (input.t !== 'tensor') {
      throw new ExplorerError('value', inputSpan, `${m.typeName} is called on ${repr(input)}, not on a tensor`, null);
    }
    if (!this.#run) throw new ExplorerError('subset', span, "calling a model at the top level is outside the explorer's subset: the explorer runs it on the input shape you give");
    return { t: 'tensor', x: this.#callModule(m, input.x, span) };
  }

  /** A user module's forward with the given arguments. */
  #moduleOnArgs(m: ScriptedModule, args: CallArgs, span: Span): Value {
    if (!this.#run) throw new ExplorerError('subset', span, "calling a model at the top level is outside the explorer's subset: the explorer runs it on the input shape you give");
    const found = this.#findMethod(m.classDef, 'forward');
    if (!found) {
      const message = `Module [${m.typeName}] is missing the required "forward" function`;
      throw new ExplorerError('value', m.classDef.headSpan, `class ${m.typeName} has no forward method: add def forward(self, x): ... returning the output`, `NotImplementedError: ${message}`);
    }
    const result = this.#callFunction({ def: found.method, self: { t: 'module', m }, qualname: `${found.owner.name}.forward`, owner: found.owner }, args);
    if (result.t !== 'tensor') {
      throw new ExplorerError('subset', found.method.headSpan, `${m.typeName}.forward returns ${typeName(result)}: the explorer follows forward methods that return one tensor`);
    }
    return result;
  }

  /** Runs module `m` on `x` in the current run (shapes or tensors). */
  #callModule(m: nn.Module, x: Flow, span: Span | null): Flow {
    if (m instanceof ScriptedModule) {
      const args: CallArgs = { positional: [{ t: 'tensor', x }], keywords: [], positionalSpans: [span ?? m.classDef.headSpan], span: span ?? m.classDef.headSpan };
      return (this.#moduleOnArgs(m, args, span ?? m.classDef.headSpan) as { x: Flow }).x;
    }
    if (m instanceof nn.Sequential) {
      let out = x;
      for (const layer of m) out = this.#callModule(layer, out, span);
      return out;
    }
    if (m instanceof ModuleList) {
      throw new ExplorerError('value', span ?? this.definitions.get(m) ?? { from: 0, to: 0 }, 'an nn.ModuleList cannot be called: loop over it', 'NotImplementedError: Module [ModuleList] is missing the required "forward" function');
    }
    return this.#leaf(m, x, { kind: 'module', definition: this.definitions.get(m) ?? null });
  }

  /** A layer (or a function computed by one), with PyTorch's checks and messages. */
  #leaf(m: nn.Module, x: Flow, how: { kind: 'module' | 'function'; definition: Span | null; callee?: string }): Flow {
    const run = this.#run!;
    const name = how.kind === 'function' ? this.#functionRowName(how.callee!) : this.#nameOf(m);
    const where = how.definition ?? this.#currentLine() ?? { from: 0, to: 0 };
    const fail = (pytorchMessage: string, explanation: string): never => {
      throw new ExplorerError('shape', where, explanation, pytorchText(pytorchMessage), name);
    };
    this.#precheck(m, x, name, fail);
    if (run.mode === 'tensor') {
      try {
        const tensor = m.forward(x.tensor!);
        return { shape: [...tensor.shape], receptiveField: null, tensor, ...(x.batchFlattenedAt ? { batchFlattenedAt: x.batchFlattenedAt, flattenedBatch: x.flattenedBatch } : {}) };
      } catch (error) {
        if (error instanceof ExplorerError) throw error;
        const reason = error instanceof nn.LayerError ? error.reason : error instanceof Error ? error.message : String(error);
        return fail(reason, this.#explain(m, name, x, reason));
      }
    }
    const tracer = run.tracer!;
    const before = tracer.layers.length;
    let state: TraceState;
    try {
      state = m.trace({ shape: x.shape, receptiveField: x.receptiveField }, tracer, name);
    } catch (error) {
      if (error instanceof ExplorerError) throw error;
      const reason = error instanceof nn.LayerError ? error.reason : error instanceof Error ? error.message : String(error);
      return fail(reason, this.#explain(m, name, x, reason));
    }
    for (const row of tracer.layers.slice(before)) {
      if (how.kind === 'function') row.name = name;
      run.origins.set(row, {
        kind: how.kind,
        module: m,
        inputShape: [...x.shape],
        definition: how.definition,
        call: this.#currentLine(),
        ...(how.callee ? { callee: how.callee } : {}),
      });
    }
    return {
      shape: [...state.shape],
      receptiveField: state.receptiveField,
      tensor: null,
      ...(x.batchFlattenedAt ? { batchFlattenedAt: x.batchFlattenedAt, flattenedBatch: x.flattenedBatch } : {}),
    };
  }

  #functionRowName(callee: string): string {
    const run = this.#run!;
    const n = (run.functionCount.get(callee) ?? 0) + 1;
    run.functionCount.set(callee, n);
    return n === 1 ? callee : `${callee}#${n}`;
  }

  /** Checks PyTorch makes in the order it makes them, where the engine's trace words them differently. */
  #precheck(m: nn.Module, x: Flow, name: string, fail: (pytorch: string, why: string) => never): void {
    const shape = x.shape;
    if (m instanceof nn.Linear) {
      const features = shape[shape.length - 1];
      if (shape.length === 0 || features !== m.inFeatures) {
        const rows = productOf(shape.slice(0, -1));
        const pytorch = `mat1 and mat2 shapes cannot be multiplied (${rows}x${features} and ${m.inFeatures}x${m.outFeatures})`;
        const head = `Linear '${name}' expects ${m.inFeatures} input features (its in_features), but its input ${formatShape(shape)} has ${features}`;
        if (x.batchFlattenedAt && x.flattenedBatch) {
          const perExample = features / x.flattenedBatch;
          const fix = perExample === m.inFeatures
            ? `with torch.flatten(x, 1) each example gives ${perExample} features, which fits`
            : `with torch.flatten(x, 1) each example would give ${perExample} features, so also write nn.Linear(${perExample}, ${m.outFeatures})`;
          fail(pytorch, `${head}: the flatten before it merged the batch of ${x.flattenedBatch} into one vector (start_dim defaults to 0); ${fix}`);
        }
        fail(pytorch, `${head}: write nn.Linear(${features}, ${m.outFeatures}), or change the layers before it so they produce ${m.inFeatures} features`);
      }
      if (x.batchFlattenedAt && x.flattenedBatch === 1 && shape.length === 1) this.#foretellBatchError(x.batchFlattenedAt, m, name, features);
    }
    if (m instanceof nn.BatchNorm2d && shape.length === 4 && m.training) {
      const count = shape[0] * shape[2] * shape[3];
      if (count <= 1) {
        fail(
          `Expected more than 1 value per channel when training, got input size torch.Size([${shape.join(', ')}])`,
          `BatchNorm2d '${name}' in training mode averages each channel over the batch and the positions, and its input ${formatShape(shape)} has one value per channel: use a batch larger than 1, a larger input, or model.eval()`,
        );
      }
    }
  }

  /**
   * A batch of 1 hides the flatten bug: the Linear fits. The flatten's warning
   * then says what PyTorch would raise at this Linear for a batch of 2.
   */
  #foretellBatchError(flattenSpan: Span, m: nn.Linear, name: string, features: number): void {
    const warnings = this.#run!.warnings;
    const at = warnings.findIndex((w) => w.span === flattenSpan && !w.message.includes('PyTorch would stop'));
    if (at < 0) return;
    const old = warnings[at];
    const message = `${old.message}. With a batch of 2 the next Linear would receive ${2 * features} features and PyTorch would stop at '${name}' with: RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x${2 * features} and ${m.inFeatures}x${m.outFeatures})`;
    warnings[at] = new ExplorerError(old.kind, old.span, message, null);
  }

  /** A sentence on why a layer refused its input, after PyTorch's own. */
  #explain(m: nn.Module, name: string, x: Flow, reason: string): string {
    const shape = formatShape(x.shape);
    if (m instanceof nn.Conv2d && reason.startsWith('Given groups')) {
      const got = x.shape[x.shape.length - 3];
      return `Conv2d '${name}' expects ${m.inChannels} input channels (its in_channels), but its input ${shape} has ${got}: write nn.Conv2d(${got}, ${m.outChannels}, ...) or give the layer before it ${m.inChannels} output channels`;
    }
    if (m instanceof nn.Conv2d && reason.startsWith('Calculated padded input size')) {
      return `Conv2d '${name}': its ${m.kernelSize.join('x')} kernel is larger than its padded input (input ${shape}): use a smaller kernel, more padding, or shrink the image less before this layer`;
    }
    if (reason.includes('Output size is too small')) {
      return `${m.typeName} '${name}' would produce an empty output from ${shape}: the window does not fit the input; use a smaller kernel or stride, or shrink the image less before this layer`;
    }
    if (reason.startsWith('Expected 3D (unbatched) or 4D')) {
      return `Conv2d '${name}' needs an image-shaped input [N, C, H, W], got ${shape}: convolutions go before the flatten, not after`;
    }
    if (reason.includes('3D or 4D') || reason.includes('expected 4D input')) {
      return `${m.typeName} '${name}' needs an image-shaped input [N, C, H, W], got ${shape}`;
    }
    if (reason.startsWith('running_mean should contain') || reason.startsWith('weight should contain')) {
      return `BatchNorm2d '${name}' normalises ${(m as nn.BatchNorm2d).numFeatures} channels (its num_features), but its input ${shape} has ${x.shape[1]}: write nn.BatchNorm2d(${x.shape[1]})`;
    }
    return `${m.typeName} '${name}' refuses its input ${shape}: ${reason}`;
  }

  // -------------------------------------------------------------------------
  // Functions on tensors

  #functional(spec: FunctionSpec, callee: string, args: CallArgs): Value {
    const sig: Signature = { qualname: spec.qualname, params: spec.params, method: false };
    const bound = bind(sig, args);
    const input = bound.get('input')!;
    if (input.t !== 'tensor') {
      if (!this.#run) throw new ExplorerError('subset', args.span, `${callee} outside forward is outside the explorer's subset`);
      const message = `${spec.qualname}(): argument 'input' (position 1) must be Tensor, not ${typeName(input)}`;
      throw new ExplorerError('value', args.positionalSpans[0] ?? args.span, message, `TypeError: ${message}`);
    }
    return { t: 'tensor', x: spec.run(this, input.x, bound, args, callee) };
  }

  /** Runs `layer` as a function call (a row named after the callee). */
  applyFunction(layer: nn.Module, x: Flow, callee: string, span: Span): Flow {
    return this.#leaf(layer, x, { kind: 'function', definition: span, callee });
  }

  /** The layer a functional call stands for, built from the call's arguments without its input. */
  layerFor(name: string, bound: Map<string, Value>, args: CallArgs, skip: string[]): nn.Module {
    const keywords = [...bound].filter(([k]) => k !== 'input' && !skip.includes(k)).map(([k, v]) => ({ name: k, value: v, span: args.span }));
    return buildLayer(name, { positional: [], keywords, positionalSpans: [], span: args.span });
  }

  /** `torch.flatten(x, start_dim, end_dim)` and `x.flatten(...)`: the batch warning lives here. */
  flatten(x: Flow, start: number, end: number, callee: string, span: Span, startGiven: boolean): Flow {
    const layer = new nn.Flatten({ startDim: start, endDim: end });
    const out = this.applyFunction(layer, x, callee, span);
    const ndim = x.shape.length;
    const s = start < 0 ? start + ndim : start;
    const e = end < 0 ? end + ndim : end;
    if (ndim >= 2 && s === 0 && e >= 1) {
      out.batchFlattenedAt = span;
      out.flattenedBatch = x.shape[0];
      const batch = x.shape[0];
      const message = `${callee}(${startGiven ? `x, ${start}` : 'x'}) flattens the batch dimension too: ${formatShape(x.shape)} becomes ${formatShape(out.shape)}, one long vector for the whole batch${batch === 1 ? ' (with a batch of 1 nothing fails yet)' : ''}. Write torch.flatten(x, 1) (start_dim=1) to keep one row per example`;
      this.#run!.warnings.push(new ExplorerError('shape', span, message, null));
    }
    return out;
  }

  /** `x.view(...)` / `x.reshape(...)`. */
  reshapeFlow(x: Flow, dims: number[], callee: string, span: Span): Flow {
    const total = productOf(x.shape);
    const shown = `[${dims.join(', ')}]`;
    if (dims.filter((d) => d === -1).length > 1) {
      throw new ExplorerError('shape', span, `${callee}: only one dimension can be -1 (inferred)`, 'RuntimeError: only one dimension can be inferred');
    }
    const bad = dims.find((d) => d < -1);
    if (bad !== undefined) {
      throw new ExplorerError('shape', span, `${callee}: a dimension of ${bad} is invalid`, `RuntimeError: invalid shape dimension ${bad}`);
    }
    const known = productOf(dims.filter((d) => d !== -1));
    const infer = dims.indexOf(-1);
    const fits = infer >= 0 ? known > 0 && total % known === 0 : known === total;
    if (!fits) {
      const hint = infer >= 0 ? `${total} values cannot be split into rows of ${known}` : `it has ${total} values, the new shape ${known}`;
      throw new ExplorerError('shape', span, `${callee}${shown.replace('[', '(').replace(']', ')')} cannot reshape a tensor of shape ${formatShape(x.shape)}: ${hint}. Use x.view(x.size(0), -1) to flatten each example`, `RuntimeError: shape '${shown}' is invalid for input of size ${total}`);
    }
    const shape = infer >= 0 ? dims.map((d) => (d === -1 ? total / known : d)) : dims;
    const tensor = x.tensor ? reshape(x.tensor, shape) : null;
    const out: Flow = { shape, receptiveField: null, tensor };
    if (x.batchFlattenedAt) {
      out.batchFlattenedAt = x.batchFlattenedAt;
      if (x.flattenedBatch) out.flattenedBatch = x.flattenedBatch;
    }
    if (x.shape.length >= 2 && shape[0] !== x.shape[0]) {
      out.batchFlattenedAt = span;
      out.flattenedBatch = x.shape[0];
      const message = `${callee}(${dims.join(', ')}) changes the batch dimension from ${x.shape[0]} to ${shape[0]} (${formatShape(x.shape)} becomes ${formatShape(shape)}): the examples of a batch are mixed together. x.view(x.size(0), -1) keeps one row per example`;
      this.#run!.warnings.push(new ExplorerError('shape', span, message, null));
    }
    this.#recordFunctionRow(x, out, callee, span);
    return out;
  }

  /** A row for a function computed here rather than by a layer (view, +). */
  #recordFunctionRow(input: Flow, out: Flow, callee: string, span: Span, type = callee.replace(/^.*\./, '')): void {
    const run = this.#run!;
    if (run.mode !== 'shape' || !run.tracer) return;
    const before = run.tracer.layers.length;
    run.tracer.record({
      name: this.#functionRowName(callee),
      type,
      outputShape: [...out.shape],
      params: 0,
      ...(out.receptiveField ? { receptiveField: out.receptiveField } : {}),
    });
    for (const row of run.tracer.layers.slice(before)) {
      run.origins.set(row, { kind: 'function', module: new nn.Identity(), inputShape: [...input.shape], definition: span, call: this.#currentLine(), callee });
    }
  }

  #tensorArithmetic(op: string, a: Value, b: Value, span: Span, shown: string): Value {
    const ops: Record<string, (x: Tensor | number, y: Tensor | number) => Tensor> = { '+': add, '-': sub, '*': mul, '/': div };
    const f: ((x: Tensor | number, y: Tensor | number) => Tensor) | undefined = ops[op];
    const asFlow = (v: Value): Flow | number | null => (v.t === 'tensor' ? v.x : numberOf(v));
    const x = asFlow(a);
    const y = asFlow(b);
    if (!f) throw new ExplorerError('subset', span, `${shown} on tensors is outside the explorer's subset (it reads +, -, * and / of tensors)`);
    if (x === null || y === null) {
      const message = `unsupported operand type(s) for ${shown}: '${typeName(a)}' and '${typeName(b)}'`;
      throw new ExplorerError('value', span, message, `TypeError: ${message}`);
    }
    const shapeA = typeof x === 'number' ? [] : x.shape;
    const shapeB = typeof y === 'number' ? [] : y.shape;
    let shape: number[];
    try {
      shape = broadcastShapes(shapeA, shapeB);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ExplorerError(
        'shape',
        span,
        `the two sides of ${shown} have shapes ${formatShape(shapeA)} and ${formatShape(shapeB)}, which do not broadcast: in a residual block, the shortcut must produce the main path's shape (a 1x1 convolution with the same stride and out_channels fixes a mismatch)`,
        `RuntimeError: ${reason}`,
      );
    }
    let tensor: Tensor | null = null;
    if (this.#run?.mode === 'tensor') {
      const tx = typeof x === 'number' ? x : x.tensor!;
      const ty = typeof y === 'number' ? y : y.tensor!;
      tensor = f(tx, ty);
    }
    const rfA = typeof x === 'number' ? null : x.receptiveField;
    const rfB = typeof y === 'number' ? null : y.receptiveField;
    let receptiveField: Flow['receptiveField'] = null;
    if (shape.length >= 3) {
      if (rfA && rfB) receptiveField = rfA.jump[0] === rfB.jump[0] && rfA.jump[1] === rfB.jump[1] ? nn.unionReceptiveFields(rfA, rfB) : null;
      else receptiveField = typeof y === 'number' ? rfA : typeof x === 'number' ? rfB : null;
    }
    const out: Flow = { shape, receptiveField, tensor };
    const flagged = [x, y].find((v): v is Flow => typeof v !== 'number' && v.batchFlattenedAt !== undefined);
    if (flagged) {
      out.batchFlattenedAt = flagged.batchFlattenedAt;
      out.flattenedBatch = flagged.flattenedBatch;
    }
    if (typeof x !== 'number' && typeof y !== 'number') {
      this.#recordFunctionRow(x, out, shown.replace('=', ''), span, op === '+' ? 'add' : op === '-' ? 'sub' : op === '*' ? 'mul' : 'div');
    }
    return { t: 'tensor', x: out };
  }

  #tensorMethod(x: Flow, name: string, args: CallArgs, span: Span): Value {
    const callee = `x.${name}`;
    const dimsOf = (): number[] => {
      const values = args.positional.length === 1 && (args.positional[0].t === 'tuple' || args.positional[0].t === 'list')
        ? (args.positional[0] as { items: Value[] }).items
        : args.positional;
      if (args.keywords.length > 0) throw new ExplorerError('subset', args.span, `keyword arguments to .${name} are outside the explorer's subset`);
      return values.map((v, i) => {
        if (v.t !== 'int') {
          const message = `${name}() received an invalid combination of arguments - got (${values.map(typeName).join(', ')}), but expected one of:`;
          throw new ExplorerError('value', args.positionalSpans[i] ?? span, `${callee}: sizes must be ints, got ${repr(v)}`, `TypeError: ${message}`);
        }
        return v.v;
      });
    };
    switch (name) {
      case 'view':
      case 'reshape':
        return { t: 'tensor', x: this.reshapeFlow(x, dimsOf(), callee, span) };
      case 'flatten': {
        const bound = bind({ qualname: 'flatten', params: [p('start_dim', int(0)), p('end_dim', int(-1))], method: false }, args);
        const start = numberOf(bound.get('start_dim')!)!;
        return { t: 'tensor', x: this.flatten(x, start, numberOf(bound.get('end_dim')!)!, callee, span, args.positional.length > 0 || args.keywords.length > 0) };
      }
      case 'size': {
        const bound = bind({ qualname: 'size', params: [p('dim', NONE)], method: false }, args);
        const dim = bound.get('dim')!;
        if (dim.t === 'none') return { t: 'tuple', items: x.shape.map(int) };
        const d = numberOf(dim);
        const n = x.shape.length;
        if (d === null || !Number.isInteger(d) || d < -n || d >= n) {
          const message = `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${repr(dim)})`;
          throw new ExplorerError('value', span, `${callee}(${repr(dim)}): the tensor has ${n} dimensions`, `IndexError: ${message}`);
        }
        return int(x.shape[d < 0 ? d + n : d]);
      }
      case 'dim':
        bind({ qualname: 'dim', params: [], method: false }, args);
        return int(x.shape.length);
      case 'numel':
        bind({ qualname: 'numel', params: [], method: false }, args);
        return int(productOf(x.shape));
      default: {
        const spec = F_FUNCTIONS[name] ?? TORCH_FUNCTIONS[name];
        const withInput: CallArgs = { ...args, positional: [{ t: 'tensor', x }, ...args.positional], positionalSpans: [span, ...args.positionalSpans] };
        return this.#functional(spec, callee, withInput);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// The functions forward may call

interface FunctionSpec {
  qualname: string;
  params: ParamSpec[];
  run: (interp: Interpreter, x: Flow, bound: Map<string, Value>, args: CallArgs, callee: string) => Flow;
}

/** A function that is a layer applied once: F.relu is nn.ReLU(), F.max_pool2d(x, 2) is nn.MaxPool2d(2). */
function layerFunction(qualname: string, layer: string, params: ParamSpec[], skip: string[] = []): FunctionSpec {
  return {
    qualname,
    params: [p('input'), ...params],
    run: (interp, x, bound, args, callee) => interp.applyFunction(interp.layerFor(layer, bound, args, skip), x, callee, args.span),
  };
}

const F_FUNCTIONS: Record<string, FunctionSpec> = {
  relu: layerFunction('relu', 'ReLU', [p('inplace', bool(false))]),
  relu6: layerFunction('relu6', 'ReLU6', [p('inplace', bool(false))]),
  silu: layerFunction('silu', 'SiLU', [p('inplace', bool(false))]),
  leaky_relu: layerFunction('leaky_relu', 'LeakyReLU', [p('negative_slope', float(0.01)), p('inplace', bool(false))]),
  hardtanh: layerFunction('hardtanh', 'Hardtanh', [p('min_val', float(-1)), p('max_val', float(1)), p('inplace', bool(false))]),
  sigmoid: layerFunction('sigmoid', 'Sigmoid', []),
  tanh: layerFunction('tanh', 'Tanh', []),
  softmax: layerFunction('softmax', 'Softmax', [p('dim', NONE), p('_stacklevel', int(3)), p('dtype', NONE)], ['_stacklevel', 'dtype']),
  log_softmax: layerFunction('log_softmax', 'LogSoftmax', [p('dim', NONE), p('_stacklevel', int(3)), p('dtype', NONE)], ['_stacklevel', 'dtype']),
  max_pool2d: layerFunction('_max_pool2d', 'MaxPool2d', [p('kernel_size'), p('stride', NONE), p('padding', int(0)), p('dilation', int(1)), p('ceil_mode', bool(false)), p('return_indices', bool(false))]),
  avg_pool2d: layerFunction('avg_pool2d', 'AvgPool2d', [p('kernel_size'), p('stride', NONE), p('padding', int(0)), p('ceil_mode', bool(false)), p('count_include_pad', bool(true)), p('divisor_override', NONE)]),
  adaptive_avg_pool2d: layerFunction('adaptive_avg_pool2d', 'AdaptiveAvgPool2d', [p('output_size')]),
  local_response_norm: layerFunction('local_response_norm', 'LocalResponseNorm', [p('size'), p('alpha', float(1e-4)), p('beta', float(0.75)), p('k', float(1))]),
  dropout: {
    qualname: 'dropout',
    params: [p('input'), p('p', float(0.5)), p('training', bool(true)), p('inplace', bool(false))],
    run: (interp, x, bound, args, callee) => {
      const layer = interp.layerFor('Dropout', bound, args, ['training']);
      // F.dropout drops only when its own `training` argument says so, whatever the module's mode.
      layer.train(truthy(bound.get('training')!) ?? true);
      return interp.applyFunction(layer, x, callee, args.span);
    },
  },
};

const TORCH_FUNCTIONS: Record<string, FunctionSpec> = {
  flatten: {
    qualname: 'flatten',
    params: [p('input'), p('start_dim', int(0)), p('end_dim', int(-1))],
    run: (interp, x, bound, args, callee) => {
      const start = bound.get('start_dim')!;
      const end = bound.get('end_dim')!;
      if (start.t !== 'int' || end.t !== 'int') {
        throw new ExplorerError('value', args.span, `${callee}: start_dim and end_dim must be ints`, null);
      }
      return interp.flatten(x, start.v, end.v, callee, args.span, args.positional.length > 1 || args.keywords.some((k) => k.name === 'start_dim'));
    },
  },
  relu: layerFunction('relu', 'ReLU', []),
  sigmoid: layerFunction('sigmoid', 'Sigmoid', []),
  tanh: layerFunction('tanh', 'Tanh', []),
  softmax: layerFunction('softmax', 'Softmax', [p('dim')]),
  log_softmax: layerFunction('log_softmax', 'LogSoftmax', [p('dim')]),
  dropout: {
    qualname: 'dropout',
    params: [p('input'), p('p'), p('train')],
    run: (interp, x, bound, args, callee) => {
      const b = new Map(bound);
      const train = b.get('train')!;
      b.delete('train');
      const layer = interp.layerFor('Dropout', b, args, []);
      layer.train(truthy(train) ?? true);
      return interp.applyFunction(layer, x, callee, args.span);
    },
  },
};
