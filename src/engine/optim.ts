/**
 * Optimisers, as `torch.optim`: they hold references to a model's parameters
 * and, after `backward()` has filled every `.grad`, `step()` moves each
 * parameter against its gradient, in place. The update rules are PyTorch's
 * exactly (same order of operations, same state), so a learner's PyTorch
 * intuition and hyper-parameters carry over.
 */
import { Tensor, noGrad, formatShape } from './tensor.ts';
import type { TensorData } from './nn/module.ts';

/** A parameter group: parameters sharing hyper-parameters (PyTorch's `param_groups` entry). */
export type ParamGroup<H> = H & { params: Tensor[] };

/** Parameters, or groups of them with their own hyper-parameters (the rest default). */
export type ParamsArgument<H> = Iterable<Tensor> | readonly (Partial<H> & { params: Iterable<Tensor> })[];

/** A serialisable snapshot of an optimiser (PyTorch's `state_dict()` layout, camelCase). */
export interface OptimizerStateDict<H> {
  /** Per-parameter state, keyed by the parameter's position across all groups. */
  state: Record<number, Record<string, number | Tensor>>;
  /** Each group's hyper-parameters, with its parameters as positions. */
  paramGroups: (H & { params: number[] })[];
}

type SlotState = Record<string, number | Float32Array>;

/** Something that recomputes the loss (for `step(closure)`). */
export type Closure = () => Tensor | number;

/** What every optimiser shares: groups, state, `zeroGrad`, `stateDict`. */
export abstract class Optimizer<H extends object> {
  /** The groups, with their hyper-parameters; change `lr` here to schedule the learning rate. */
  readonly paramGroups: ParamGroup<H>[];
  /** Per-parameter state (momentum buffers, Adam's moments). */
  protected readonly state = new Map<Tensor, SlotState>();

  constructor(params: ParamsArgument<H>, defaults: H) {
    const list = [...(params as Iterable<Tensor | (Partial<H> & { params: Iterable<Tensor> })>)];
    if (list.length === 0) throw new Error('optimizer got an empty parameter list');
    const groups = list.every((p) => p instanceof Tensor)
      ? [{ params: list as Tensor[] }]
      : (list as (Partial<H> & { params: Iterable<Tensor> })[]);
    const seen = new Set<Tensor>();
    this.paramGroups = groups.map((group) => {
      if (group instanceof Tensor || typeof group !== 'object' || group === null || !('params' in group)) {
        throw new Error('optimizer: give a list of tensors, or a list of groups { params, ...hyper-parameters }');
      }
      const tensors = [...group.params];
      for (const p of tensors) {
        if (!(p instanceof Tensor)) throw new Error(`optimizer can only optimize Tensors, but one of the params is ${typeof p}`);
        if (!p.isLeaf) throw new Error("can't optimize a non-leaf Tensor");
        if (seen.has(p)) throw new Error('some parameters appear in more than one parameter group');
        seen.add(p);
      }
      const merged = { ...defaults, ...group, params: tensors } as ParamGroup<H>;
      this.validate(merged);
      return merged;
    });
  }

  /** Throws PyTorch's message for an invalid hyper-parameter. */
  protected abstract validate(group: H): void;

  /** One update of every parameter that has a gradient. With a closure, returns the loss it computed. */
  step(closure?: Closure): number | undefined {
    let loss: number | undefined;
    if (closure) {
      const value = closure();
      loss = typeof value === 'number' ? value : value.item();
    }
    noGrad(() => {
      for (const group of this.paramGroups) {
        for (const p of group.params) {
          if (p.grad === null) continue;
          if (p.grad.data.length !== p.data.length) {
            throw new Error(`optimizer: gradient of shape ${formatShape(p.grad.shape)} does not match parameter of shape ${formatShape(p.shape)}`);
          }
          let s = this.state.get(p);
          if (!s) this.state.set(p, (s = {}));
          this.update(p.data, p.grad.data, s, group);
        }
      }
    });
    return loss;
  }

  /** The update rule for one parameter, in place on `weight`. */
  protected abstract update(weight: Float32Array, grad: Float32Array, state: SlotState, group: H): void;

  /** Forgets every parameter's gradient (sets it to null, PyTorch's default). */
  zeroGrad(): void {
    for (const group of this.paramGroups) for (const p of group.params) p.grad = null;
  }

  /** A copy of the hyper-parameters and state, with parameters referred to by position. */
  stateDict(): OptimizerStateDict<H> {
    const state: OptimizerStateDict<H>['state'] = {};
    let index = 0;
    const paramGroups = this.paramGroups.map((group) => {
      const { params, ...hyper } = group;
      const positions = params.map((p) => {
        const s = this.state.get(p);
        if (s) {
          state[index] = Object.fromEntries(
            Object.entries(s).map(([k, v]) => [k, typeof v === 'number' ? v : new Tensor(v.slice(), p.shape)]),
          );
        }
        return index++;
      });
      return { ...(hyper as unknown as H), params: positions };
    });
    return { state, paramGroups };
  }

  /** Restores hyper-parameters and state saved by `stateDict()` (same parameter layout required). */
  loadStateDict(saved: {
    state: Record<number, Record<string, number | TensorData>>;
    paramGroups: readonly (H & { params: readonly number[] })[];
  }): void {
    if (saved.paramGroups.length !== this.paramGroups.length) {
      throw new Error('loaded state dict has a different number of parameter groups');
    }
    saved.paramGroups.forEach((g, i) => {
      if (g.params.length !== this.paramGroups[i].params.length) {
        throw new Error("loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
      }
    });
    const restored = new Map<Tensor, SlotState>();
    saved.paramGroups.forEach((g, i) => {
      g.params.forEach((position, k) => {
        const p = this.paramGroups[i].params[k];
        const entry = saved.state[position];
        if (!entry) return;
        const s: SlotState = {};
        for (const [key, value] of Object.entries(entry)) {
          if (typeof value === 'number') s[key] = value;
          else if (value.data.length !== p.data.length) {
            throw new Error(`loaded state '${key}' has ${value.data.length} values for a parameter of shape ${formatShape(p.shape)}`);
          } else s[key] = Float32Array.from(value.data);
        }
        restored.set(p, s);
      });
    });
    saved.paramGroups.forEach((g, i) => {
      const { params: _positions, ...hyper } = g;
      Object.assign(this.paramGroups[i], hyper);
    });
    this.state.clear();
    for (const [p, s] of restored) this.state.set(p, s);
  }
}

/** Hyper-parameters of SGD, PyTorch's names and defaults. */
export interface SGDOptions {
  /** Learning rate (default 1e-3, as in PyTorch 2.x). */
  lr: number;
  /** Momentum factor (default 0: plain SGD). */
  momentum: number;
  /** Fraction of each new gradient held back from the momentum buffer (default 0). */
  dampening: number;
  /** L2 penalty: weightDecay * w is added to the gradient (default 0). */
  weightDecay: number;
  /** Nesterov's look-ahead momentum (default false; needs momentum > 0 and no dampening). */
  nesterov: boolean;
}

/**
 * Stochastic gradient descent, as `torch.optim.SGD`. For each parameter w with gradient g:
 *
 *   d = g + weightDecay * w
 *   with momentum: b = d on the first step, then b = momentum * b + (1 - dampening) * d;
 *                  d = d + momentum * b (Nesterov) or d = b
 *   w = w - lr * d
 *
 * @example new optim.SGD(model.parameters(), { lr: 0.1, momentum: 0.9 })
 */
export class SGD extends Optimizer<SGDOptions> {
  constructor(params: ParamsArgument<SGDOptions>, options: Partial<SGDOptions> = {}) {
    super(params, { lr: 1e-3, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false, ...options });
  }

  protected validate(group: SGDOptions): void {
    if (!(group.lr >= 0)) throw new Error(`Invalid learning rate: ${group.lr}`);
    if (!(group.momentum >= 0)) throw new Error(`Invalid momentum value: ${group.momentum}`);
    if (!(group.weightDecay >= 0)) throw new Error(`Invalid weight_decay value: ${group.weightDecay}`);
    if (group.nesterov && (group.momentum <= 0 || group.dampening !== 0)) {
      throw new Error('Nesterov momentum requires a momentum and zero dampening');
    }
  }

  protected update(w: Float32Array, g: Float32Array, state: SlotState, group: SGDOptions): void {
    const { lr, momentum, dampening, weightDecay, nesterov } = group;
    let buffer: Float32Array | null = null;
    let first = false;
    if (momentum !== 0) {
      const existing = state.momentumBuffer;
      first = !(existing instanceof Float32Array);
      buffer = first ? new Float32Array(w.length) : (existing as Float32Array);
      state.momentumBuffer = buffer;
    }
    for (let i = 0; i < w.length; i++) {
      let d = weightDecay !== 0 ? g[i] + weightDecay * w[i] : g[i];
      if (buffer) {
        // The buffer starts as the first gradient itself, not as a damped one.
        buffer[i] = first ? d : momentum * buffer[i] + (1 - dampening) * d;
        d = nesterov ? d + momentum * buffer[i] : buffer[i];
      }
      w[i] -= lr * d;
    }
  }
}

/** Hyper-parameters of Adam, PyTorch's names and defaults. */
export interface AdamOptions {
  /** Learning rate (default 1e-3). */
  lr: number;
  /** Decay rates of the first and second moment averages (default [0.9, 0.999]). */
  betas: readonly [number, number];
  /** Added to the denominator for stability (default 1e-8). */
  eps: number;
  /** L2 penalty added to the gradient, as torch.optim.Adam (not AdamW's decoupled decay). Default 0. */
  weightDecay: number;
}

/**
 * Adam, as `torch.optim.Adam`. For each parameter w with gradient g, at step t:
 *
 *   d = g + weightDecay * w
 *   m = beta1 * m + (1 - beta1) * d          v = beta2 * v + (1 - beta2) * d^2
 *   w = w - lr / (1 - beta1^t) * m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 *
 * The two corrections undo the bias of m and v towards their zero start.
 *
 * @example new optim.Adam(model.parameters(), { lr: 1e-3 })
 */
export class Adam extends Optimizer<AdamOptions> {
  constructor(params: ParamsArgument<AdamOptions>, options: Partial<AdamOptions> = {}) {
    super(params, { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, ...options });
  }

  protected validate(group: AdamOptions): void {
    if (!(group.lr >= 0)) throw new Error(`Invalid learning rate: ${group.lr}`);
    if (!(group.eps >= 0)) throw new Error(`Invalid epsilon value: ${group.eps}`);
    const [beta1, beta2] = group.betas;
    if (!(beta1 >= 0 && beta1 < 1)) throw new Error(`Invalid beta parameter at index 0: ${beta1}`);
    if (!(beta2 >= 0 && beta2 < 1)) throw new Error(`Invalid beta parameter at index 1: ${beta2}`);
    if (!(group.weightDecay >= 0)) throw new Error(`Invalid weight_decay value: ${group.weightDecay}`);
  }

  protected update(w: Float32Array, g: Float32Array, state: SlotState, group: AdamOptions): void {
    const { lr, eps, weightDecay } = group;
    const [beta1, beta2] = group.betas;
    if (!(state.expAvg instanceof Float32Array)) {
      state.step = 0;
      state.expAvg = new Float32Array(w.length);
      state.expAvgSq = new Float32Array(w.length);
    }
    const step = (state.step as number) + 1;
    state.step = step;
    const m = state.expAvg;
    const v = state.expAvgSq as Float32Array;
    const stepSize = lr / (1 - beta1 ** step);
    const correction2Sqrt = Math.sqrt(1 - beta2 ** step);
    for (let i = 0; i < w.length; i++) {
      const d = weightDecay !== 0 ? g[i] + weightDecay * w[i] : g[i];
      m[i] += (d - m[i]) * (1 - beta1);
      v[i] = beta2 * v[i] + (1 - beta2) * d * d;
      w[i] -= (stepSize * m[i]) / (Math.sqrt(v[i]) / correction2Sqrt + eps);
    }
  }
}
