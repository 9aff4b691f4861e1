/**
 * The `torch.nn` layers the explorer reads: each one's Python signature
 * (PyTorch 1.13's parameter names, order and defaults) and how its checked
 * arguments become a real engine module. Checks PyTorch makes when a layer is
 * built are made here, with its messages.
 */
import { nn } from '../engine/index.ts';
import { ExplorerError } from './errors.ts';
import { ModuleList, LogSoftmax, Hardtanh, ReLU6, SiLU } from './extra-modules.ts';
import { argumentSpan, bind } from './signature.ts';
import type { Signature, ParamSpec } from './signature.ts';
import { NONE, bool, float, int, repr, str, typeName } from './values.ts';
import type { CallArgs, Value } from './values.ts';

/** Reads one bound argument, with a message that names the layer and parameter. */
export class Arguments {
  readonly layer: string;
  readonly sig: Signature;
  readonly args: CallArgs;
  readonly bound: Map<string, Value>;

  constructor(layer: string, sig: Signature, args: CallArgs) {
    this.layer = layer;
    this.sig = sig;
    this.args = args;
    this.bound = bind(sig, args);
  }

  value(name: string): Value {
    return this.bound.get(name)!;
  }

  spanOf(name: string) {
    return argumentSpan(this.sig, this.args, name);
  }

  fail(name: string, expected: string, pytorch: string | null = null): never {
    const got = this.value(name);
    throw new ExplorerError('value', this.spanOf(name), `${this.layer}: ${name} must be ${expected}, got ${typeName(got)} ${repr(got)}`, pytorch);
  }

  isNone(name: string): boolean {
    return this.value(name).t === 'none';
  }

  /** An int (a bool counts, as in Python), at least `min`. */
  int(name: string, min = -Infinity, pytorch: string | null = null): number {
    const v = this.value(name);
    if (v.t === 'int') {
      if (v.v < min) this.fail(name, `an int of at least ${min}`, pytorch);
      return v.v;
    }
    if (v.t === 'bool') return v.v ? 1 : 0;
    return this.fail(name, 'an int', pytorch);
  }

  float(name: string): number {
    const v = this.value(name);
    if (v.t === 'int' || v.t === 'float') return v.v;
    if (v.t === 'bool') return v.v ? 1 : 0;
    return this.fail(name, 'a number');
  }

  bool(name: string): boolean {
    const v = this.value(name);
    if (v.t === 'bool') return v.v;
    if (v.t === 'int') return v.v !== 0;
    return this.fail(name, 'True or False');
  }

  /** An int or a pair of ints (tuple or list), as `_pair` accepts. */
  pair(name: string, min: number): number | [number, number] {
    const v = this.value(name);
    if (v.t === 'int' || v.t === 'bool') {
      const n = this.int(name);
      if (n < min) this.fail(name, `an int of at least ${min} or a pair of them`);
      return n;
    }
    if ((v.t === 'tuple' || v.t === 'list') && v.items.length === 2 && v.items.every((x) => x.t === 'int' && x.v >= min)) {
      return [(v.items[0] as { v: number }).v, (v.items[1] as { v: number }).v];
    }
    return this.fail(name, `an int of at least ${min} or a pair of them (this explorer reads 2-D layers)`);
  }

  /** device=None, dtype=None, inplace: accepted only where they change nothing the explorer shows. */
  unsupported(name: string, allowed: Value): void {
    const v = this.value(name);
    const same = v.t === allowed.t && ('v' in v && 'v' in allowed ? v.v === allowed.v : true);
    if (!same) {
      throw new ExplorerError('subset', this.spanOf(name), `${this.layer}(${name}=${repr(v)}) is outside the explorer's subset: leave ${name} at ${repr(allowed)}`);
    }
  }
}

/** Constructs the module from checked arguments. */
type Builder = (a: Arguments) => nn.Module;

interface LayerEntry {
  params: ParamSpec[];
  /** PyTorch's class for the qualname when it inherits __init__ (Sigmoid uses Module.__init__). */
  initOwner?: string;
  build: Builder;
}

const p = (name: string, def?: Value): ParamSpec => (def === undefined ? { name } : { name, default: def });
const T = bool(true);
const FALSE = bool(false);

/** Runs an engine constructor; a message from it becomes an explorer error at the call. */
function engine<M>(a: Arguments, make: () => M): M {
  try {
    return make();
  } catch (error) {
    if (error instanceof ExplorerError) throw error;
    throw new ExplorerError('value', a.args.span, `${a.layer}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function valueError(a: Arguments, name: string, message: string): never {
  throw new ExplorerError('value', a.spanOf(name), `${a.layer}: ${message}`, `ValueError: ${message}`);
}

function windowStride(a: Arguments): number | [number, number] | null {
  const v = a.value('stride');
  // PyTorch: stride=None (and an empty list) means "the kernel size".
  if (v.t === 'none' || ((v.t === 'list' || v.t === 'tuple') && v.items.length === 0)) return null;
  return a.pair('stride', 1);
}

const LAYERS: Record<string, LayerEntry> = {
  Conv2d: {
    params: [
      p('in_channels'), p('out_channels'), p('kernel_size'), p('stride', int(1)), p('padding', int(0)), p('dilation', int(1)),
      p('groups', int(1)), p('bias', T), p('padding_mode', str('zeros')), p('device', NONE), p('dtype', NONE),
    ],
    build: (a) => {
      a.unsupported('device', NONE);
      a.unsupported('dtype', NONE);
      const inChannels = a.int('in_channels', 1);
      const outChannels = a.int('out_channels', 1);
      const groups = a.int('groups', 1);
      if (inChannels % groups !== 0) valueError(a, 'groups', 'in_channels must be divisible by groups');
      if (outChannels % groups !== 0) valueError(a, 'groups', 'out_channels must be divisible by groups');
      const paddingValue = a.value('padding');
      let padding: number | [number, number] | 'same' | 'valid';
      if (paddingValue.t === 'str') {
        if (paddingValue.v !== 'same' && paddingValue.v !== 'valid') {
          valueError(a, 'padding', `Invalid padding string '${paddingValue.v}', should be one of {'same', 'valid'}`);
        }
        padding = paddingValue.v;
      } else padding = a.pair('padding', 0);
      const stride = a.pair('stride', 1);
      if (padding === 'same' && (Array.isArray(stride) ? stride.some((s) => s !== 1) : stride !== 1)) {
        valueError(a, 'padding', "padding='same' is not supported for strided convolutions");
      }
      const mode = a.value('padding_mode');
      const modes = ['zeros', 'reflect', 'replicate', 'circular'];
      if (mode.t !== 'str' || !modes.includes(mode.v)) {
        valueError(a, 'padding_mode', `padding_mode must be one of ['zeros', 'reflect', 'replicate', 'circular'], but got padding_mode='${mode.t === 'str' ? mode.v : repr(mode)}'`);
      }
      return engine(a, () => new nn.Conv2d(inChannels, outChannels, a.pair('kernel_size', 1), {
        stride,
        padding,
        dilation: a.pair('dilation', 1),
        groups,
        bias: a.bool('bias'),
        paddingMode: mode.v as 'zeros',
      }));
    },
  },
  Linear: {
    params: [p('in_features'), p('out_features'), p('bias', T), p('device', NONE), p('dtype', NONE)],
    build: (a) => {
      a.unsupported('device', NONE);
      a.unsupported('dtype', NONE);
      const sizeError = (name: string, pos: number) =>
        `TypeError: empty(): argument 'size' must be tuple of SymInts, but found element of type ${typeName(a.value(name))} at pos ${pos}`;
      const out = a.int('out_features', 1, sizeError('out_features', 1));
      const inF = a.int('in_features', 1, sizeError('in_features', 2));
      return engine(a, () => new nn.Linear(inF, out, { bias: a.bool('bias') }));
    },
  },
  MaxPool2d: {
    initOwner: '_MaxPoolNd',
    params: [p('kernel_size'), p('stride', NONE), p('padding', int(0)), p('dilation', int(1)), p('return_indices', FALSE), p('ceil_mode', FALSE)],
    build: (a) => {
      a.unsupported('return_indices', FALSE);
      return engine(a, () => new nn.MaxPool2d(a.pair('kernel_size', 1), {
        stride: windowStride(a),
        padding: a.pair('padding', 0),
        dilation: a.pair('dilation', 1),
        ceilMode: a.bool('ceil_mode'),
      }));
    },
  },
  AvgPool2d: {
    params: [p('kernel_size'), p('stride', NONE), p('padding', int(0)), p('ceil_mode', FALSE), p('count_include_pad', T), p('divisor_override', NONE)],
    build: (a) =>
      engine(a, () => new nn.AvgPool2d(a.pair('kernel_size', 1), {
        stride: windowStride(a),
        padding: a.pair('padding', 0),
        ceilMode: a.bool('ceil_mode'),
        countIncludePad: a.bool('count_include_pad'),
        divisorOverride: a.isNone('divisor_override') ? null : a.int('divisor_override'),
      })),
  },
  AdaptiveAvgPool2d: {
    initOwner: '_AdaptiveAvgPoolNd',
    params: [p('output_size')],
    build: (a) => {
      const v = a.value('output_size');
      if (v.t === 'int') return engine(a, () => new nn.AdaptiveAvgPool2d(v.v));
      if ((v.t === 'tuple' || v.t === 'list') && v.items.length === 2 && v.items.every((x) => x.t === 'int' || x.t === 'none')) {
        const sizes = v.items.map((x) => (x.t === 'int' ? x.v : null)) as [number | null, number | null];
        return engine(a, () => new nn.AdaptiveAvgPool2d(sizes));
      }
      return a.fail('output_size', 'an int or a pair of ints (None keeps that side)');
    },
  },
  ReLU: { params: [p('inplace', FALSE)], build: (a) => (a.bool('inplace'), new nn.ReLU()) },
  ReLU6: { params: [p('inplace', FALSE)], build: (a) => (a.bool('inplace'), new ReLU6()) },
  SiLU: { params: [p('inplace', FALSE)], build: (a) => (a.bool('inplace'), new SiLU()) },
  LeakyReLU: {
    params: [p('negative_slope', float(0.01)), p('inplace', FALSE)],
    build: (a) => (a.bool('inplace'), new nn.LeakyReLU({ negativeSlope: a.float('negative_slope') })),
  },
  RReLU: {
    params: [p('lower', float(1 / 8)), p('upper', float(1 / 3)), p('inplace', FALSE)],
    build: (a) => (a.bool('inplace'), engine(a, () => new nn.RReLU({ lower: a.float('lower'), upper: a.float('upper') }))),
  },
  Hardtanh: {
    params: [p('min_val', float(-1)), p('max_val', float(1)), p('inplace', FALSE), p('min_value', NONE), p('max_value', NONE)],
    build: (a) => {
      a.unsupported('min_value', NONE);
      a.unsupported('max_value', NONE);
      a.bool('inplace');
      const min = a.float('min_val');
      const max = a.float('max_val');
      if (!(max > min)) throw new ExplorerError('value', a.args.span, `${a.layer}: max_val must be greater than min_val`, 'AssertionError');
      return new Hardtanh(min, max);
    },
  },
  Sigmoid: { params: [], initOwner: 'Module', build: () => new nn.Sigmoid() },
  Tanh: { params: [], initOwner: 'Module', build: () => new nn.Tanh() },
  Softmax: {
    params: [p('dim', NONE)],
    build: (a) => new nn.Softmax(a.isNone('dim') ? {} : { dim: a.int('dim') }),
  },
  LogSoftmax: {
    params: [p('dim', NONE)],
    build: (a) => new LogSoftmax(a.isNone('dim') ? {} : { dim: a.int('dim') }),
  },
  BatchNorm2d: {
    initOwner: '_BatchNorm',
    params: [p('num_features'), p('eps', float(1e-5)), p('momentum', float(0.1)), p('affine', T), p('track_running_stats', T), p('device', NONE), p('dtype', NONE)],
    build: (a) => {
      a.unsupported('device', NONE);
      a.unsupported('dtype', NONE);
      return engine(a, () => new nn.BatchNorm2d(a.int('num_features', 1), {
        eps: a.float('eps'),
        momentum: a.isNone('momentum') ? null : a.float('momentum'),
        affine: a.bool('affine'),
        trackRunningStats: a.bool('track_running_stats'),
      }));
    },
  },
  Dropout: {
    initOwner: '_DropoutNd',
    params: [p('p', float(0.5)), p('inplace', FALSE)],
    build: (a) => {
      a.bool('inplace');
      const prob = a.float('p');
      if (!(prob >= 0 && prob <= 1)) valueError(a, 'p', `dropout probability has to be between 0 and 1, but got ${repr(a.value('p'))}`);
      return new nn.Dropout({ p: prob });
    },
  },
  Flatten: {
    params: [p('start_dim', int(1)), p('end_dim', int(-1))],
    build: (a) => new nn.Flatten({ startDim: a.int('start_dim'), endDim: a.int('end_dim') }),
  },
  LocalResponseNorm: {
    params: [p('size'), p('alpha', float(1e-4)), p('beta', float(0.75)), p('k', float(1))],
    build: (a) => engine(a, () => new nn.LocalResponseNorm(a.int('size', 1), { alpha: a.float('alpha'), beta: a.float('beta'), k: a.float('k') })),
  },
};

/** The layer types the explorer builds, by their torch.nn names. */
export const LAYER_NAMES: readonly string[] = [...Object.keys(LAYERS), 'Identity', 'Sequential', 'ModuleList'];

/** Whether `name` is a torch.nn layer the explorer knows. */
export function isLayer(name: string): boolean {
  return Object.hasOwn(LAYERS, name);
}

/** Builds `nn.<name>(...)` from evaluated call arguments. */
export function buildLayer(name: string, args: CallArgs): nn.Module {
  const entry = LAYERS[name];
  const sig: Signature = { qualname: `${entry.initOwner ?? name}.__init__`, params: entry.params, method: true };
  return entry.build(new Arguments(name, sig, args));
}

/** `nn.ModuleList(modules=None)`. */
export function buildModuleList(args: CallArgs, modules: (items: Value) => nn.Module[]): nn.Module {
  const a = new Arguments('ModuleList', { qualname: 'ModuleList.__init__', params: [p('modules', NONE)], method: true }, args);
  const v = a.value('modules');
  return new ModuleList(v.t === 'none' ? [] : modules(v));
}
