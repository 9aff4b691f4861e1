/**
 * The tensor and its reverse-mode autograd.
 *
 * A `Tensor` is a shape plus a contiguous row-major `Float32Array`. Every op that
 * builds a tensor from others may attach a `GradFn`: the parents it read and a
 * function that turns the gradient of its output into gradients of its parents.
 * `backward()` walks that graph once, in reverse topological order.
 *
 * As in PyTorch, a walk frees the graph: a node that kept tensors from the
 * forward pass (its inputs or its output, to compute its derivative) cannot be
 * walked a second time unless the first `backward` was told `retainGraph: true`.
 */
import { randomFor } from './random.ts';

/** Nested arrays of numbers, as `toArray()` returns and `tensor()` accepts. */
export type NestedArray = number | NestedArray[];

/** How an op's output gets its gradient back to its inputs. */
export interface GradFn {
  /** The op's name, for error messages and for drawing the graph in lessons. */
  readonly name: string;
  /** The tensors this output was computed from, in the order `backward` answers. */
  readonly parents: readonly Tensor[];
  /**
   * Given dLoss/dOutput (same length as the output), returns dLoss/dParent for each
   * parent, or `null` for a parent that needs no gradient.
   */
  backward(gradOutput: Float32Array): (Float32Array | null)[];
  /**
   * Whether `backward` needs values kept from the forward pass (PyTorch's saved
   * tensors): true for mul, conv2d, relu, ...; false for add, reshape, sum, ...,
   * whose derivative needs shapes only. Only such nodes refuse a second walk.
   */
  readonly savesTensors: boolean;
  /** Set once a `backward()` without `retainGraph` has walked this node (its saved tensors are gone). */
  released: boolean;
}

/** Options of `Tensor.backward`. */
export interface BackwardOptions {
  /**
   * Keep the graph for another `backward()` through it (PyTorch's `retain_graph=True`).
   * Default false: the walk frees what each node saved, as PyTorch does.
   */
  retainGraph?: boolean;
}

/** PyTorch's words, with our option's name where it names `retain_graph=True`. */
const BACKWARD_TWICE =
  'Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). ' +
  'Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). ' +
  'Specify retainGraph: true (PyTorch: retain_graph=True) if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.';

/** What a released node's `backward` becomes: the closure, and the arrays it held, can be collected. */
function freedBackward(): never {
  throw new Error(BACKWARD_TWICE);
}

let gradEnabled = true;

/** Whether ops record the graph right now (false inside `noGrad`). */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/**
 * Runs `fn` without recording the autograd graph, like `with torch.no_grad():`.
 * Use it for evaluation and for updating parameters in place.
 */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/** Number of elements of a shape (1 for the empty shape of a scalar). */
export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Row-major strides of a shape. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/** Formats a shape the way PyTorch prints sizes in its messages: [2, 3, 4]. */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

function checkShape(shape: readonly number[], what: string): void {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new Error(`${what}: shape must be a list of non-negative integers, got ${formatShape(shape)}`);
    }
  }
}

export class Tensor {
  /** Size of each dimension, outermost first (NCHW for images). */
  readonly shape: readonly number[];
  /** The values, contiguous and row-major; `data.length === numel(shape)`. */
  data: Float32Array;
  /** Whether `backward()` should compute a gradient for this tensor. */
  requiresGrad: boolean;
  /** The accumulated gradient after `backward()` (leaves, and tensors that `retainGrad()`). */
  grad: Tensor | null = null;
  /** How this tensor was computed; `null` for a leaf (created by the user, or under `noGrad`). */
  gradFn: GradFn | null = null;
  /** Keep `.grad` on this non-leaf tensor too (PyTorch's `retain_grad()`). */
  retainsGrad = false;

  constructor(data: Float32Array, shape: readonly number[], requiresGrad = false) {
    checkShape(shape, 'Tensor');
    if (data.length !== numel(shape)) {
      throw new Error(
        `Tensor: shape ${formatShape(shape)} is invalid for input of size ${data.length}`,
      );
    }
    this.shape = Object.freeze([...shape]);
    this.data = data;
    this.requiresGrad = requiresGrad;
  }

  /** Number of dimensions. */
  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. */
  numel(): number {
    return this.data.length;
  }

  /** Size of dimension `dim` (negative counts from the end), or the whole shape. */
  size(): readonly number[];
  size(dim: number): number;
  size(dim?: number): number | readonly number[] {
    if (dim === undefined) return this.shape;
    return this.shape[normalizeDim(dim, this.ndim, 'size')];
  }

  /** True for a tensor the user made (or one computed without a graph). */
  get isLeaf(): boolean {
    return this.gradFn === null;
  }

  /** The single value of a one-element tensor. */
  item(): number {
    if (this.data.length !== 1) {
      throw new Error(
        `a Tensor with ${this.data.length} elements cannot be converted to Scalar`,
      );
    }
    return this.data[0];
  }

  /** The values as nested arrays, one level per dimension. */
  toArray(): NestedArray {
    const { shape, data } = this;
    if (shape.length === 0) return data[0];
    const strides = stridesOf(shape);
    const build = (dim: number, offset: number): NestedArray[] => {
      const out: NestedArray[] = [];
      for (let i = 0; i < shape[dim]; i++) {
        const at = offset + i * strides[dim];
        out.push(dim === shape.length - 1 ? data[at] : build(dim + 1, at));
      }
      return out;
    };
    return build(0, 0);
  }

  /**
   * A tensor sharing no graph with this one. Unlike PyTorch's `detach()`, which
   * shares storage (an in-place change to one shows in the other), this copies
   * the values: the engine has no views, so a copy is the only way to keep an
   * update of one from reaching the other.
   */
  detach(): Tensor {
    return new Tensor(this.data.slice(), this.shape);
  }

  /** A copy, still connected to the graph. */
  clone(): Tensor {
    return fromOp('clone', this.data.slice(), this.shape, [this], (g) => [g], { savesTensors: false });
  }

  /** Sets `requiresGrad` and returns this tensor, for chaining. */
  requiresGrad_(flag = true): this {
    if (flag && !this.isLeaf) {
      throw new Error('you can only change requires_grad flags of leaf variables.');
    }
    this.requiresGrad = flag;
    return this;
  }

  /** Keeps `.grad` on this intermediate tensor after `backward()`. */
  retainGrad(): this {
    this.retainsGrad = true;
    return this;
  }

  /** The same values under another shape, sharing the buffer (a tensor here is always contiguous). */
  reshape(...shape: number[] | [readonly number[]]): Tensor {
    const target = (Array.isArray(shape[0]) ? shape[0] : shape) as readonly number[];
    return reshape(this, target);
  }

  /**
   * Back-propagates from this tensor. `grad` is dLoss/dThis; it may be omitted only
   * for a one-element tensor (then it is 1), as in PyTorch. Gradients add up in
   * `.grad` across calls (zero them between steps, e.g. `optimizer.zeroGrad()`).
   *
   * The walk frees the graph, as in PyTorch: calling `backward()` again through a
   * node that saved tensors throws "Trying to backward through the graph a second
   * time ...", unless this call passed `{ retainGraph: true }` (`retain_graph=True`).
   * Nodes that saved nothing (add, reshape, sum, ...) and lone leaves can be walked
   * again. One difference: the engine checks the whole graph first, so a refused
   * call writes no gradient at all (PyTorch may have written some before it stops).
   *
   * @example loss.backward()
   * @example y.backward(ones(y.shape), { retainGraph: true }) // walk it again later
   */
  backward(grad?: Tensor, options: BackwardOptions = {}): void {
    const retainGraph = options.retainGraph ?? false;
    if (!this.requiresGrad) {
      throw new Error('element 0 of tensors does not require grad and does not have a grad_fn');
    }
    let seed: Float32Array;
    if (grad === undefined) {
      if (this.data.length !== 1) throw new Error('grad can be implicitly created only for scalar outputs');
      seed = new Float32Array([1]);
    } else {
      // The shape, not just the count: a [3, 1] gradient for a [3] output is a mix-up, as in PyTorch.
      if (grad.ndim !== this.ndim || grad.shape.some((d, i) => d !== this.shape[i])) {
        throw new Error(
          `Mismatch in shape: grad_output[0] has a shape of ${formatShape(grad.shape)} and output[0] has a shape of ${formatShape(this.shape)}.`,
        );
      }
      seed = grad.data.slice();
    }

    // Reverse topological order: every tensor after all the tensors computed from it.
    const order: Tensor[] = [];
    const seen = new Set<Tensor>();
    const stack: [Tensor, boolean][] = [[this, false]];
    while (stack.length > 0) {
      const [t, expanded] = stack.pop()!;
      if (expanded) {
        order.push(t);
        continue;
      }
      if (seen.has(t)) continue;
      seen.add(t);
      stack.push([t, true]);
      if (t.gradFn) for (const p of t.gradFn.parents) if (p.requiresGrad && !seen.has(p)) stack.push([p, false]);
    }

    // Refuse before touching any gradient, so a refused call changes nothing.
    if (order.some((t) => t.gradFn !== null && t.gradFn.released && t.gradFn.savesTensors)) {
      throw new Error(BACKWARD_TWICE);
    }

    const grads = new Map<Tensor, Float32Array>([[this, seed]]);
    for (let i = order.length - 1; i >= 0; i--) {
      const t = order[i];
      const g = grads.get(t);
      if (!g) continue;
      if (t.gradFn === null || t.retainsGrad) accumulateGrad(t, g);
      if (t.gradFn === null) continue;
      const parentGrads = t.gradFn.backward(g);
      if (!retainGraph) {
        t.gradFn.released = true;
        if (t.gradFn.savesTensors) t.gradFn.backward = freedBackward;
      }
      t.gradFn.parents.forEach((p, k) => {
        const pg = parentGrads[k];
        if (!p.requiresGrad || !pg) return;
        const existing = grads.get(p);
        if (!existing) grads.set(p, pg === g ? pg.slice() : pg);
        else for (let j = 0; j < existing.length; j++) existing[j] += pg[j];
      });
      grads.delete(t);
    }
  }

  toString(): string {
    return `tensor(${JSON.stringify(this.toArray())}, shape=${formatShape(this.shape)}${this.requiresGrad ? ', requiresGrad=true' : ''})`;
  }
}

function accumulateGrad(t: Tensor, g: Float32Array): void {
  if (t.grad === null) t.grad = new Tensor(g.slice(), t.shape);
  else {
    const acc = t.grad.data;
    for (let j = 0; j < acc.length; j++) acc[j] += g[j];
  }
}

/** Options of {@link fromOp}. */
export interface FromOpOptions {
  /**
   * Whether `backward` uses values kept from the forward pass (default true). Pass
   * false only for ops whose PyTorch node saves no tensor either (add, reshape, sum, ...):
   * their node can then be walked again after the graph is freed, as in PyTorch.
   */
  savesTensors?: boolean;
}

/**
 * Builds an op's output. When grad mode is on and any parent requires a gradient,
 * the output records `backward` so `Tensor.backward()` can call it later.
 */
export function fromOp(
  name: string,
  data: Float32Array,
  shape: readonly number[],
  parents: readonly Tensor[],
  backward: (gradOutput: Float32Array) => (Float32Array | null)[],
  options: FromOpOptions = {},
): Tensor {
  const out = new Tensor(data, shape);
  if (gradEnabled && parents.some((p) => p.requiresGrad)) {
    out.requiresGrad = true;
    out.gradFn = { name, parents, backward, savesTensors: options.savesTensors ?? true, released: false };
  }
  return out;
}

// ---------------------------------------------------------------------------
// Argument checks: the wrong kind of argument, named in PyTorch's words.

/** How messages name a value's type: 'Array', 'Float32Array', 'Tensor', 'Object', 'number', 'null', ... */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object' || typeof value === 'function') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? name : 'Object';
  }
  return typeof value;
}

/**
 * Throws PyTorch's TypeError unless `value` is a Tensor, naming the op, the
 * argument and what came instead: "conv2d(): argument 'input' (position 1) must
 * be Tensor, not Array". Without it, a plain array reaches the op's first
 * `.shape` and fails with a bare "Cannot read properties of undefined".
 */
export function expectTensor(op: string, name: string, position: number, value: unknown): asserts value is Tensor {
  if (!(value instanceof Tensor)) {
    throw new TypeError(`${op}(): argument '${name}' (position ${position}) must be Tensor, not ${typeName(value)}`);
  }
}

/**
 * Throws a TypeError unless `value` is an options object holding `required`
 * (for ops whose options include a required field, like the pooling ops'
 * `kernelSize`). `example` shows the expected form, e.g. "{ kernelSize: 2 }".
 */
export function expectOptions(op: string, position: number, value: unknown, required: string, example: string): void {
  const missing = `${op}() missing 1 required argument: '${required}' (pass the options, e.g. ${op}(input, ${example}))`;
  if (value === undefined || value === null) throw new TypeError(missing);
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(
      `${op}(): argument 'options' (position ${position}) must be an options object such as ${example}, not ${typeName(value)}`,
    );
  }
  if ((value as Record<string, unknown>)[required] === undefined) throw new TypeError(missing);
}

/** Whether `backward` should bother computing a gradient for `t`. */
export function needsGrad(t: Tensor | null | undefined): boolean {
  return !!t && t.requiresGrad;
}

/** Resolves a possibly negative dimension index, with PyTorch's message when out of range. */
export function normalizeDim(dim: number, ndim: number, what = 'dim'): number {
  const lo = -Math.max(ndim, 1);
  const hi = Math.max(ndim, 1) - 1;
  if (!Number.isInteger(dim) || dim < lo || dim > hi) {
    throw new Error(`${what}: Dimension out of range (expected to be in range of [${lo}, ${hi}], but got ${dim})`);
  }
  return dim < 0 ? dim + Math.max(ndim, 1) : dim;
}

// ---------------------------------------------------------------------------
// Creation

/** Options shared by the creation functions. */
export interface CreateOptions {
  requiresGrad?: boolean;
}

/** A value as messages quote it: "string 'a'", "boolean true", "null", "Array". */
function quoted(value: unknown): string {
  if (typeof value === 'string') return `string '${value}'`;
  if (typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  return typeName(value);
}

/** The shape nested arrays claim, read off their first elements (the rest is checked by `flattenNested`). */
function inferShape(values: NestedArray): number[] {
  const shape: number[] = [];
  let v: NestedArray = values;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0];
  }
  return shape;
}

/**
 * Copies nested arrays into `out`, row-major, checking that every row has the
 * length the first one has (PyTorch's message for ragged lists) and that every
 * leaf is a number.
 */
function flattenNested(values: NestedArray, shape: readonly number[], out: Float32Array): void {
  let k = 0;
  const walk = (v: unknown, dim: number, path: string) => {
    if (dim === shape.length) {
      if (typeof v !== 'number') throw new Error(`tensor: expected a number at ${path}, but got ${quoted(v)}`);
      out[k++] = v;
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[dim]) {
      throw new Error(
        `tensor: expected sequence of length ${shape[dim]} at dim ${dim} (got ${Array.isArray(v) ? v.length : typeName(v)})`,
      );
    }
    v.forEach((x, i) => walk(x, dim + 1, `${path}[${i}]`));
  };
  walk(values, 0, '');
}

/** A flat list of values as a Float32Array, refusing anything that is not a number (Float32Array.from would store NaN). */
function numbersOf(values: ArrayLike<unknown>): Float32Array {
  if (ArrayBuffer.isView(values)) return Float32Array.from(values as ArrayLike<number>);
  const data = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number') throw new Error(`tensor: expected a number at [${i}], but got ${quoted(v)}`);
    data[i] = v;
  }
  return data;
}

/**
 * Makes a tensor from numbers: nested arrays (shape inferred), or a flat array /
 * typed array with an explicit `shape`. Refuses anything that is not a number
 * (strings, booleans, null) and ragged nesting, naming where it is.
 *
 * @example tensor([[1, 2], [3, 4]])            // shape [2, 2]
 * @example tensor([1, 2, 3, 4, 5, 6], [2, 3])  // shape [2, 3]
 */
export function tensor(
  values: ArrayLike<number> | NestedArray,
  shape?: readonly number[],
  options: CreateOptions = {},
): Tensor {
  let data: Float32Array;
  let finalShape: readonly number[];
  if (typeof values === 'number') {
    data = new Float32Array([values]);
    finalShape = shape ?? [];
  } else if (typeof values !== 'object' || values === null) {
    throw new TypeError(
      `tensor(): argument 'values' (position 1) must be a number, an array of numbers or a typed array, not ${typeName(values)}`,
    );
  } else if (Array.isArray(values) && values.some((v) => Array.isArray(v))) {
    const inferred = inferShape(values);
    data = new Float32Array(numel(inferred));
    flattenNested(values, inferred, data);
    finalShape = shape ?? inferred;
  } else {
    data = numbersOf(values as ArrayLike<unknown>);
    finalShape = shape ?? [data.length];
  }
  if (shape) checkShape(shape, 'tensor');
  if (numel(finalShape) !== data.length) {
    throw new Error(`tensor: shape ${formatShape(finalShape)} is invalid for input of size ${data.length}`);
  }
  return new Tensor(data, finalShape, options.requiresGrad ?? false);
}

/** A tensor of `value` everywhere. */
export function full(shape: readonly number[], value: number, options: CreateOptions = {}): Tensor {
  checkShape(shape, 'full');
  return new Tensor(new Float32Array(numel(shape)).fill(value), shape, options.requiresGrad ?? false);
}

/** A tensor of zeros. */
export function zeros(shape: readonly number[], options: CreateOptions = {}): Tensor {
  return full(shape, 0, options);
}

/** A tensor of ones. */
export function ones(shape: readonly number[], options: CreateOptions = {}): Tensor {
  return full(shape, 1, options);
}

/** Options for the random creation functions. */
export interface RandomOptions extends CreateOptions {
  /** Same seed, same numbers. Without it, the engine-wide generator (`manualSeed`) is used. */
  seed?: number;
}

/** Standard normal samples (mean 0, variance 1). */
export function randn(shape: readonly number[], options: RandomOptions = {}): Tensor {
  checkShape(shape, 'randn');
  const rng = randomFor(options.seed);
  const data = new Float32Array(numel(shape));
  for (let i = 0; i < data.length; i++) data[i] = rng.normal();
  return new Tensor(data, shape, options.requiresGrad ?? false);
}

/** Uniform samples in [0, 1). */
export function rand(shape: readonly number[], options: RandomOptions = {}): Tensor {
  checkShape(shape, 'rand');
  const rng = randomFor(options.seed);
  const data = new Float32Array(numel(shape));
  for (let i = 0; i < data.length; i++) data[i] = rng.next();
  return new Tensor(data, shape, options.requiresGrad ?? false);
}

/** 0, 1, ..., n-1 (or start, start+step, ... below end). */
export function arange(start: number, end?: number, step = 1): Tensor {
  if (end === undefined) [start, end] = [0, start];
  if (step === 0) throw new Error('arange: step must be nonzero');
  const n = Math.max(0, Math.ceil((end - start) / step));
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = start + i * step;
  return new Tensor(data, [n]);
}

/** A tensor with the shape of `like`, filled with zeros. */
export function zerosLike(like: Tensor): Tensor {
  return zeros(like.shape);
}

// ---------------------------------------------------------------------------
// Reshape lives here because Tensor.reshape needs it and the graph must not lose it.

/**
 * The same values under another shape. One dimension may be -1 and is then
 * inferred, as in PyTorch.
 */
export function reshape(input: Tensor, shape: readonly number[]): Tensor {
  expectTensor('reshape', 'input', 1, input);
  const target = [...shape];
  const inferAt = target.indexOf(-1);
  if (target.filter((d) => d === -1).length > 1) throw new Error('reshape: only one dimension can be inferred');
  if (inferAt >= 0) {
    const known = numel(target.filter((_, i) => i !== inferAt));
    if (known === 0 || input.data.length % known !== 0) {
      throw new Error(`shape '${formatShape(shape)}' is invalid for input of size ${input.data.length}`);
    }
    target[inferAt] = input.data.length / known;
  }
  for (const d of target) {
    if (!Number.isInteger(d) || d < 0) throw new Error(`reshape: invalid shape dimension ${d} in ${formatShape(shape)}`);
  }
  if (numel(target) !== input.data.length) {
    throw new Error(`shape '${formatShape(shape)}' is invalid for input of size ${input.data.length}`);
  }
  // The buffer is shared: values are identical, and backward hands the gradient through.
  return fromOp('reshape', input.data, target, [input], (g) => [g], { savesTensors: false });
}
