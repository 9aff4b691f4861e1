/**
 * The few `torch.nn` modules the explorer reads that the engine's `nn` does not
 * have as classes, built from the engine's own ops (so they run, trace and
 * train like every other layer): `ModuleList`, `LogSoftmax`, `ReLU6`,
 * `Hardtanh` and `SiLU`.
 */
import { Tensor, normalizeDim, clamp, mul, sigmoid, logSoftmax, nn } from '../engine/index.ts';

/**
 * A list of modules, as `torch.nn.ModuleList`: it registers its items (so their
 * parameters are the model's, named "layers.0.weight", ...) but has no forward
 * of its own; `forward` loops over it.
 */
export class ModuleList extends nn.Module implements Iterable<nn.Module> {
  static readonly typeName = 'ModuleList';
  readonly #items: nn.Module[] = [];

  constructor(modules: Iterable<nn.Module> = []) {
    super();
    for (const m of modules) this.append(m);
  }

  get length(): number {
    return this.#items.length;
  }

  at(index: number): nn.Module {
    const at = index < 0 ? index + this.#items.length : index;
    if (!Number.isInteger(at) || at < 0 || at >= this.#items.length) throw new Error(`index ${index} is out of range`);
    return this.#items[at];
  }

  append(module: nn.Module): this {
    this.registerModule(String(this.#items.length), module);
    this.#items.push(module);
    return this;
  }

  [Symbol.iterator](): Iterator<nn.Module> {
    return this.#items[Symbol.iterator]();
  }

  forward(_x: Tensor): Tensor {
    throw new Error('Module [ModuleList] is missing the required "forward" function');
  }

  override outputShape(_inputShape: readonly number[]): number[] {
    throw new Error('Module [ModuleList] is missing the required "forward" function');
  }
}

/** A layer that keeps the shape, for the activations below. */
abstract class ShapeKeeping extends nn.Module {
  override outputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }
}

/** log(softmax(x)) along `dim`, as `torch.nn.LogSoftmax(dim=None)` (None: PyTorch's implicit rule). */
export class LogSoftmax extends ShapeKeeping {
  static readonly typeName = 'LogSoftmax';
  readonly dim: number | undefined;

  constructor(options: { dim?: number } = {}) {
    super();
    this.dim = options.dim;
  }

  dimFor(ndim: number): number {
    if (this.dim !== undefined) return this.dim;
    return ndim === 0 || ndim === 1 || ndim === 3 ? 0 : 1;
  }

  forward(x: Tensor): Tensor {
    return logSoftmax(x, this.dimFor(x.ndim));
  }

  override outputShape(inputShape: readonly number[]): number[] {
    normalizeDim(this.dimFor(inputShape.length), inputShape.length, 'log_softmax');
    return [...inputShape];
  }

  override extraRepr(): string {
    return `dim=${this.dim ?? 'None'}`;
  }
}

/** Clamps to [minVal, maxVal], as `torch.nn.Hardtanh(min_val=-1.0, max_val=1.0)`. */
export class Hardtanh extends ShapeKeeping {
  static readonly typeName: string = 'Hardtanh';
  readonly minVal: number;
  readonly maxVal: number;

  constructor(minVal = -1, maxVal = 1) {
    super();
    if (!(maxVal > minVal)) throw new Error('max_val must be greater than min_val');
    this.minVal = minVal;
    this.maxVal = maxVal;
  }

  forward(x: Tensor): Tensor {
    return clamp(x, this.minVal, this.maxVal);
  }

  override extraRepr(): string {
    return `min_val=${this.minVal}, max_val=${this.maxVal}`;
  }
}

/** min(max(0, x), 6), as `torch.nn.ReLU6()`. */
export class ReLU6 extends Hardtanh {
  static override readonly typeName = 'ReLU6';

  constructor() {
    super(0, 6);
  }
}

/** x * sigmoid(x) ("swish"), as `torch.nn.SiLU()`. */
export class SiLU extends ShapeKeeping {
  static readonly typeName = 'SiLU';

  forward(x: Tensor): Tensor {
    return mul(x, sigmoid(x));
  }
}
