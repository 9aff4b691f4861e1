/**
 * `Module`, the base of every layer and model, as `torch.nn.Module`.
 *
 * Two things differ from PyTorch on purpose, both invisible in ordinary use:
 *  - Parameters are allocated lazily. A module records each parameter's shape
 *    and initialiser, and allocates (and initialises) it the first time it is
 *    read: by `forward`, `parameters()`, `stateDict()` or its accessor. So
 *    `models.vgg16()` costs nothing until used, and `summary` never allocates.
 *  - Each parameterised module owns an initialisation seed, taken at
 *    construction (from its `seed` option, or one draw from the engine-wide
 *    generator). Every parameter is drawn from its own generator seeded from
 *    that, so values do not depend on the order in which parameters happen to
 *    be touched first.
 */
import { Tensor, formatShape, numel } from '../tensor.ts';
import { Random, randomFor } from '../random.ts';
import type { Initializer } from './init.ts';
import { LayerError, inLayer, joinName } from './errors.ts';
import { ShapeTracer } from './trace.ts';
import type { ReceptiveField, TraceState } from './trace.ts';

/** Parameters and buffers by dotted name, as `state_dict()` returns them. */
export type StateDict = Record<string, Tensor>;

/** Anything with a shape and values: a Tensor, or a checkpoint entry parsed from JSON. */
export interface TensorData {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

/** Options of `loadStateDict`. */
export interface LoadStateDictOptions {
  /** Require the keys to match exactly (default true). Shapes must match either way. */
  strict?: boolean;
}

/** What `loadStateDict` found, like PyTorch's `_IncompatibleKeys`. */
export interface LoadStateDictResult {
  missingKeys: string[];
  unexpectedKeys: string[];
}

interface Slot {
  readonly kind: 'parameter' | 'buffer';
  readonly shape: readonly number[];
  init: Initializer;
  /** Position among the module's slots: salts the slot's own generator. */
  readonly index: number;
  tensor: Tensor | null;
  /** `requiresGrad` to give the parameter when it is allocated. */
  trainable: boolean;
}

/** A 32-bit hash of (seed, salt): independent-looking seeds for parts of one model. */
export function mixSeed(seed: number, salt: number): number {
  let h = (Math.floor(seed) >>> 0) ^ Math.imul(salt + 1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One draw from the engine-wide generator, to seed something created now. */
export function drawSeed(): number {
  return randomFor().int(0x100000000);
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The base class of layers and models. A subclass implements `forward(x)`; its
 * submodules are found automatically among its own properties (as PyTorch
 * finds attributes), or registered with `registerModule`. Leaf layers also
 * implement `outputShape(inputShape)` so that `summary` can trace them without
 * running anything; containers implement `trace`.
 */
export abstract class Module {
  /** Training mode (true) or evaluation mode (false); see `train()` / `eval()`. */
  training = true;
  readonly #slots = new Map<string, Slot>();
  readonly #registered = new Map<string, Module>();
  #initSeed: number | null = null;

  /** Computes the output for input `x`. */
  abstract forward(x: Tensor): Tensor;

  /**
   * The type shown in summaries and errors. Built-in layers declare a static
   * `typeName`, which survives minification; other classes use their own name.
   */
  get typeName(): string {
    const ctor = this.constructor as { typeName?: string; name: string };
    return Object.hasOwn(ctor, 'typeName') && ctor.typeName ? ctor.typeName : ctor.name;
  }

  // -------------------------------------------------------------------------
  // Registration

  /** Seeds this module's parameters from `seed` when one is given (call before registering them). */
  protected useSeed(seed: number | undefined): void {
    if (seed !== undefined) {
      if (!Number.isFinite(seed)) throw new Error(`${this.typeName}: seed must be a finite number, got ${seed}`);
      this.#initSeed = seed;
    }
  }

  #registerSlot(kind: Slot['kind'], name: string, shape: readonly number[], init: Initializer): void {
    if (name === '' || name.includes('.')) {
      throw new Error(`${kind} name can't be empty or contain ".", got: "${name}"`);
    }
    if (this.#slots.has(name)) throw new Error(`attribute '${name}' already exists`);
    this.#initSeed ??= drawSeed();
    this.#slots.set(name, {
      kind,
      shape: Object.freeze([...shape]),
      init,
      index: this.#slots.size,
      tensor: null,
      trainable: kind === 'parameter',
    });
  }

  /** Declares a parameter; it is allocated and initialised on first use. */
  protected registerParameter(name: string, shape: readonly number[], init: Initializer): void {
    this.#registerSlot('parameter', name, shape, init);
  }

  /** Declares a buffer: state saved in `stateDict()` that is not trained (BatchNorm's running mean). */
  protected registerBuffer(name: string, shape: readonly number[], init: Initializer): void {
    this.#registerSlot('buffer', name, shape, init);
  }

  /**
   * Replaces how this module's parameter or buffer `name` is initialised, as
   * PyTorch code calls `nn.init.kaiming_normal_(m.weight, ...)` after building a
   * model. Still lazy: an unallocated tensor stays unallocated; an allocated
   * one is refilled now.
   */
  setInitializer(name: string, init: Initializer): this {
    const slot = this.#slots.get(name);
    if (!slot) throw new Error(`${this.typeName} has no parameter or buffer named '${name}'`);
    slot.init = init;
    if (slot.tensor) slot.tensor.data.set(init(slot.shape, new Random(mixSeed(this.#initSeed ?? 0, slot.index))));
    return this;
  }

  /** Adds a submodule under `name` (for containers; plain properties are found without this). */
  registerModule<M extends Module>(name: string, module: M): M {
    if (name === '') throw new Error('module name can\'t be empty string ""');
    if (name.includes('.')) throw new Error(`module name can't contain ".", got: ${name}`);
    if (!(module instanceof Module)) throw new Error(`${String(module)} is not a Module subclass`);
    this.#registered.set(name, module);
    return module;
  }

  #allocate(slot: Slot): Tensor {
    if (slot.tensor === null) {
      const rng = new Random(mixSeed(this.#initSeed ?? 0, slot.index));
      const data = slot.init(slot.shape, rng);
      if (data.length !== numel(slot.shape)) {
        throw new Error(`initialiser gave ${data.length} values for shape ${formatShape(slot.shape)}`);
      }
      slot.tensor = new Tensor(data, slot.shape, slot.kind === 'parameter' && slot.trainable);
    }
    return slot.tensor;
  }

  /** This module's own parameter or buffer `name`, allocating it if needed. */
  protected tensorOf(name: string): Tensor {
    const slot = this.#slots.get(name);
    if (!slot) throw new Error(`${this.typeName} has no parameter or buffer named '${name}'`);
    return this.#allocate(slot);
  }

  // -------------------------------------------------------------------------
  // The module tree

  /** Direct submodules with their names, in definition order. */
  namedChildren(): [string, Module][] {
    const out: [string, Module][] = [...this.#registered];
    const seen = new Set<Module>(this.#registered.values());
    for (const [key, value] of Object.entries(this)) {
      if (value instanceof Module && !seen.has(value) && !this.#registered.has(key)) {
        out.push([key, value]);
        seen.add(value);
      }
    }
    return out;
  }

  /** Direct submodules. */
  children(): Module[] {
    return this.namedChildren().map(([, m]) => m);
  }

  /** This module and every module below it, depth first, each once; this one is named ''. */
  namedModules(prefix = ''): [string, Module][] {
    const out: [string, Module][] = [];
    const seen = new Set<Module>();
    const visit = (name: string, module: Module) => {
      if (seen.has(module)) return;
      seen.add(module);
      out.push([name, module]);
      for (const [childName, child] of module.namedChildren()) visit(joinName(name, childName), child);
    };
    visit(prefix, this);
    return out;
  }

  /** This module and every module below it. */
  modules(): Module[] {
    return this.namedModules().map(([, m]) => m);
  }

  /** The submodule at a dotted path ("features.0"). */
  getSubmodule(target: string): Module {
    let module: Module = this;
    if (target === '') return module;
    for (const part of target.split('.')) {
      const next = module.namedChildren().find(([name]) => name === part);
      if (!next) throw new Error(`${module.typeName} has no attribute \`${part}\``);
      module = next[1];
    }
    return module;
  }

  /** The parameter at a dotted path ("features.0.weight"), allocating it if needed. */
  getParameter(target: string): Tensor {
    return this.#slotAt(target, 'parameter');
  }

  /** The buffer at a dotted path ("bn1.running_mean"), allocating it if needed. */
  getBuffer(target: string): Tensor {
    return this.#slotAt(target, 'buffer');
  }

  #slotAt(target: string, kind: Slot['kind']): Tensor {
    const cut = target.lastIndexOf('.');
    const owner = this.getSubmodule(cut < 0 ? '' : target.slice(0, cut));
    const name = target.slice(cut + 1);
    const slot = owner.#slots.get(name);
    if (!slot) throw new Error(`${owner.typeName} has no attribute \`${name}\``);
    if (slot.kind !== kind) throw new Error(`\`${name}\` is not a ${kind}`);
    return owner.#allocate(slot);
  }

  /** Calls `fn` on every submodule (children first) and then on this one. */
  apply(fn: (module: Module) => void): this {
    for (const child of this.children()) child.apply(fn);
    fn(this);
    return this;
  }

  // -------------------------------------------------------------------------
  // Parameters and state

  #namedSlots(kind: Slot['kind']): [string, Module, Slot][] {
    const out: [string, Module, Slot][] = [];
    for (const [moduleName, module] of this.namedModules()) {
      for (const [name, slot] of module.#slots) {
        if (slot.kind === kind) out.push([joinName(moduleName, name), module, slot]);
      }
    }
    return out;
  }

  /** Every parameter with its dotted name ("features.0.weight"), each once. Allocates them. */
  namedParameters(): [string, Tensor][] {
    return this.#namedSlots('parameter').map(([name, module, slot]) => [name, module.#allocate(slot)]);
  }

  /** Every parameter, each once, in definition order: what an optimiser takes. Allocates them. */
  parameters(): Tensor[] {
    return this.namedParameters().map(([, t]) => t);
  }

  /** Every buffer with its dotted name ("bn1.running_mean"). Allocates them. */
  namedBuffers(): [string, Tensor][] {
    return this.#namedSlots('buffer').map(([name, module, slot]) => [name, module.#allocate(slot)]);
  }

  /** Every buffer. Allocates them. */
  buffers(): Tensor[] {
    return this.namedBuffers().map(([, t]) => t);
  }

  /**
   * Number of parameter values in the whole tree, from the declared shapes (no
   * allocation). With `trainableOnly`, only those with `requiresGrad`.
   */
  countParameters(options: { trainableOnly?: boolean } = {}): number {
    let total = 0;
    for (const [, , slot] of this.#namedSlots('parameter')) {
      const trainable = slot.tensor ? slot.tensor.requiresGrad : slot.trainable;
      if (!options.trainableOnly || trainable) total += numel(slot.shape);
    }
    return total;
  }

  /** Number of parameter values this module owns itself (not its submodules). */
  ownParameterCount(): number {
    let total = 0;
    for (const slot of this.#slots.values()) if (slot.kind === 'parameter') total += numel(slot.shape);
    return total;
  }

  /** Whether any parameter or buffer in this tree has been allocated yet. */
  isAllocated(): boolean {
    return this.modules().some((m) => [...m.#slots.values()].some((slot) => slot.tensor !== null));
  }

  /** Freezes (false) or unfreezes (true) every parameter in the tree, as `requires_grad_`. */
  requiresGrad_(flag = true): this {
    for (const [, , slot] of this.#namedSlots('parameter')) {
      slot.trainable = flag;
      if (slot.tensor) slot.tensor.requiresGrad = flag;
    }
    return this;
  }

  /** Forgets the gradients of every parameter (sets them to null, PyTorch's default). */
  zeroGrad(): void {
    for (const [, , slot] of this.#namedSlots('parameter')) if (slot.tensor) slot.tensor.grad = null;
  }

  /**
   * Parameters then buffers of each module, depth first, by dotted name. The
   * tensors are copies (PyTorch hands out views of the live storage; a copy here
   * means a saved checkpoint does not move as training goes on). Allocates.
   */
  stateDict(): StateDict {
    const out: StateDict = {};
    for (const [key, , slot, module] of this.#stateEntries()) {
      const t = module.#allocate(slot);
      out[key] = new Tensor(t.data.slice(), t.shape);
    }
    return out;
  }

  #stateEntries(): [string, string, Slot, Module][] {
    const out: [string, string, Slot, Module][] = [];
    for (const [moduleName, module] of this.namedModules()) {
      for (const kind of ['parameter', 'buffer'] as const) {
        for (const [name, slot] of module.#slots) {
          if (slot.kind === kind) out.push([joinName(moduleName, name), name, slot, module]);
        }
      }
    }
    return out;
  }

  /**
   * Copies values from `state` into this model's parameters and buffers (in
   * place, so optimisers holding them stay valid). Like PyTorch, a shape
   * mismatch is always an error and, with `strict` (default), so is a missing
   * or unexpected key. Unlike PyTorch, nothing is copied when there is an error.
   */
  loadStateDict(state: Record<string, TensorData>, options: LoadStateDictOptions = {}): LoadStateDictResult {
    const { strict = true } = options;
    const entries = this.#stateEntries();
    const expected = new Set(entries.map(([key]) => key));
    const missingKeys = entries.map(([key]) => key).filter((key) => !Object.hasOwn(state, key));
    const unexpectedKeys = Object.keys(state).filter((key) => !expected.has(key));
    const errors: string[] = [];
    if (strict && missingKeys.length > 0) {
      errors.push(`Missing key(s) in state_dict: ${missingKeys.map((k) => `"${k}"`).join(', ')}. `);
    }
    if (strict && unexpectedKeys.length > 0) {
      errors.push(`Unexpected key(s) in state_dict: ${unexpectedKeys.map((k) => `"${k}"`).join(', ')}. `);
    }
    for (const [key, , slot] of entries) {
      if (!Object.hasOwn(state, key)) continue;
      const source = state[key];
      const sameShape =
        source.shape.length === slot.shape.length && source.shape.every((d, i) => d === slot.shape[i]);
      if (!sameShape) {
        errors.push(
          `size mismatch for ${key}: copying a param with shape ${formatShape(source.shape)} from checkpoint, the shape in current model is ${formatShape(slot.shape)}.`,
        );
      } else if (source.data.length !== numel(slot.shape)) {
        errors.push(`${key}: shape ${formatShape(source.shape)} does not match its ${source.data.length} values.`);
      }
    }
    if (errors.length > 0) {
      throw new Error(`Error(s) in loading state_dict for ${this.typeName}:\n\t${errors.join('\n\t')}`);
    }
    for (const [key, , slot] of entries) {
      if (!Object.hasOwn(state, key)) continue;
      const values = state[key].data;
      if (slot.tensor) slot.tensor.data.set(values);
      else slot.tensor = new Tensor(Float32Array.from(values), slot.shape, slot.kind === 'parameter' && slot.trainable);
    }
    return { missingKeys, unexpectedKeys };
  }

  /**
   * Draws every parameter and buffer of the tree afresh from `seed` (each
   * module from its own seed derived from this one and its position), and
   * re-seeds random layers such as Dropout. Allocated tensors are refilled in
   * place; the others stay lazy. Same seed, same model.
   */
  reseed(seed: number): this {
    this.namedModules().forEach(([, module], position) => {
      const moduleSeed = mixSeed(seed, position);
      module.reseedRandomness(moduleSeed);
      if (module.#slots.size === 0) return;
      module.#initSeed = moduleSeed;
      for (const slot of module.#slots.values()) {
        if (slot.tensor) slot.tensor.data.set(slot.init(slot.shape, new Random(mixSeed(moduleSeed, slot.index))));
      }
    });
    return this;
  }

  /** Re-seeds a random layer's own generator (Dropout, RReLU); nothing for others. */
  protected reseedRandomness(_seed: number): void {}

  // -------------------------------------------------------------------------
  // Modes

  /** Training mode for the whole tree (or evaluation mode with `mode = false`). */
  train(mode = true): this {
    for (const module of this.modules()) module.training = mode;
    return this;
  }

  /** Evaluation mode for the whole tree: Dropout passes through, BatchNorm uses running statistics. */
  eval(): this {
    return this.train(false);
  }

  // -------------------------------------------------------------------------
  // Running children

  /** Runs child `name` on `x`, naming it in any error ("layer 'features.3' (Conv2d): ..."). */
  protected runChild(name: string, child: Module, x: Tensor): Tensor {
    return inLayer(name, child.typeName, () => child.forward(x));
  }

  // -------------------------------------------------------------------------
  // Shape tracing, for `summary`

  /**
   * The output shape for an input of `inputShape`, from the configuration alone.
   * Leaf layers implement it; containers get it from their `trace`.
   */
  outputShape(inputShape: readonly number[]): number[] {
    return [...this.trace({ shape: inputShape, receptiveField: null }, new ShapeTracer(false), '').shape];
  }

  /**
   * Pushes a shape (and receptive field) through this module, recording a row
   * per leaf layer in `tracer`. `name` is this module's dotted name. A leaf
   * layer is handled here; a container overrides this to trace its children.
   */
  trace(input: TraceState, tracer: ShapeTracer, name: string): TraceState {
    if (this.outputShape === Module.prototype.outputShape) {
      throw new LayerError(
        name,
        this.typeName,
        'cannot infer the output shape of a custom forward: give the module an outputShape(inputShape) method, or trace() if it has children',
      );
    }
    let shape: number[];
    try {
      shape = this.outputShape(input.shape);
    } catch (error) {
      if (error instanceof LayerError) throw error;
      throw new LayerError(name, this.typeName, reasonOf(error), error);
    }
    const field =
      input.receptiveField && shape.length >= 3 ? this.receptiveField(input.receptiveField, input.shape, shape) : null;
    const macs = this.macs(input.shape, shape);
    tracer.record({
      name,
      type: this.typeName,
      outputShape: shape,
      params: this.ownParameterCount(),
      ...(field ? { receptiveField: field } : {}),
      ...(macs !== undefined ? { macs } : {}),
    });
    return { shape, receptiveField: field };
  }

  /** Traces child `childName` of this module (whose own name is `name`). */
  protected traceChild(childName: string, child: Module, input: TraceState, tracer: ShapeTracer, name: string): TraceState {
    return child.trace(input, tracer, joinName(name, childName));
  }

  /**
   * The receptive field of one output position. Default: unchanged when the
   * spatial size is unchanged (elementwise layers), unknown otherwise. Sliding
   * windows override it.
   */
  receptiveField(field: ReceptiveField, inputShape: readonly number[], outputShape: readonly number[]): ReceptiveField | null {
    const n = inputShape.length;
    const m = outputShape.length;
    return n >= 3 && inputShape[n - 1] === outputShape[m - 1] && inputShape[n - 2] === outputShape[m - 2] ? field : null;
  }

  /** Multiply-accumulates of one forward pass on this input, for layers that count them. */
  macs(_inputShape: readonly number[], _outputShape: readonly number[]): number | undefined {
    return undefined;
  }

  // -------------------------------------------------------------------------
  // Printing

  /** The configuration shown inside the parentheses when printing, as PyTorch's `extra_repr`. */
  extraRepr(): string {
    return '';
  }

  /** The module tree, printed the way PyTorch prints a model. */
  toString(): string {
    const children = this.namedChildren();
    if (children.length === 0) return `${this.typeName}(${this.extraRepr()})`;
    const lines = children.map(([name, child]) => `  (${name}): ${child.toString().split('\n').join('\n  ')}`);
    const extra = this.extraRepr();
    return `${this.typeName}(${extra ? `\n  ${extra}` : ''}\n${lines.join('\n')}\n)`;
  }
}
