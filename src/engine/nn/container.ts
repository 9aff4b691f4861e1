/**
 * `nn.Sequential`: layers run one after another, each on the previous output.
 */
import type { Tensor } from '../tensor.ts';
import { Module } from './module.ts';
import type { ShapeTracer, TraceState } from './trace.ts';

/**
 * A chain of modules, as `torch.nn.Sequential(*modules)`. Children are named
 * "0", "1", ... (so parameters are "0.weight", "features.3.bias", ...) and can be
 * read by index: `seq[0]`, `seq.at(-1)`.
 *
 * @example new nn.Sequential(new nn.Conv2d(1, 6, 5), new nn.ReLU(), new nn.MaxPool2d(2))
 */
export class Sequential extends Module implements Iterable<Module> {
  static readonly typeName = 'Sequential';
  readonly [index: number]: Module;
  #layers: Module[] = [];

  constructor(...modules: Module[]) {
    super();
    for (const module of modules) this.append(module);
  }

  /** Number of modules in the chain. */
  get length(): number {
    return this.#layers.length;
  }

  /** The module at `index` (negative counts from the end). */
  at(index: number): Module {
    const at = index < 0 ? index + this.#layers.length : index;
    if (!Number.isInteger(at) || at < 0 || at >= this.#layers.length) {
      throw new Error(`index ${index} is out of range`);
    }
    return this.#layers[at];
  }

  /** Adds `module` at the end, named by its position. */
  append(module: Module): this {
    const name = String(this.#layers.length);
    this.registerModule(name, module);
    // Not enumerable: children are found through the registry, not twice.
    Object.defineProperty(this, name, { value: module, enumerable: false, configurable: true });
    this.#layers.push(module);
    return this;
  }

  [Symbol.iterator](): Iterator<Module> {
    return this.#layers[Symbol.iterator]();
  }

  forward(x: Tensor): Tensor {
    let out = x;
    this.#layers.forEach((layer, i) => {
      out = this.runChild(String(i), layer, out);
    });
    return out;
  }

  override trace(input: TraceState, tracer: ShapeTracer, name: string): TraceState {
    let state = input;
    this.#layers.forEach((layer, i) => {
      state = this.traceChild(String(i), layer, state, tracer, name);
    });
    return state;
  }
}
