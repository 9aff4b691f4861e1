/**
 * LeNet-5-style networks with the variant's sizes, built from the engine's
 * `nn` modules: what the lesson-14 exercises count, trace and reorder.
 */
import { nn, summary } from '../../../engine/index.ts';
import type { Random } from '../../../engine/index.ts';
import { pick } from '../../seed.ts';

/** The sizes that vary between students. */
export interface LeNetVariant {
  /** 28 (MNIST as it comes; the first convolution pads by 2) or 32 (the paper's padded digits). */
  input: 28 | 32;
  c1: number;
  c3: number;
  f5: number;
  f6: number;
  classes: number;
  activation: 'tanh' | 'relu';
  pooling: 'avg' | 'max';
}

export function drawVariant(rng: Random): LeNetVariant {
  return {
    input: pick(rng, [28, 32] as const),
    c1: pick(rng, [4, 6, 6, 8]),
    c3: pick(rng, [12, 16, 16, 20]),
    f5: pick(rng, [100, 120, 120]),
    f6: pick(rng, [64, 84, 84]),
    classes: pick(rng, [10, 10, 26]),
    activation: pick(rng, ['tanh', 'relu'] as const),
    pooling: pick(rng, ['avg', 'max'] as const),
  };
}

/** The roles of the twelve layers, in LeNet-5's order. */
export const ROLES = ['conv1', 'act1', 'pool1', 'conv2', 'act2', 'pool2', 'flatten', 'fc1', 'act3', 'fc2', 'act4', 'fc3'] as const;
export type Role = (typeof ROLES)[number];

/** The side of the maps after C3 and S4: (input - 4 with padding) ... 5 for both inputs. */
export const S4_SIDE = 5;

/** PyTorch code of one layer. */
export function layerCode(v: LeNetVariant, role: Role): string {
  const act = v.activation === 'tanh' ? 'nn.Tanh()' : 'nn.ReLU()';
  const pool = v.pooling === 'avg' ? 'nn.AvgPool2d(2)' : 'nn.MaxPool2d(2)';
  switch (role) {
    case 'conv1':
      return v.input === 28 ? `nn.Conv2d(1, ${v.c1}, kernel_size=5, padding=2)` : `nn.Conv2d(1, ${v.c1}, kernel_size=5)`;
    case 'conv2':
      return `nn.Conv2d(${v.c1}, ${v.c3}, kernel_size=5)`;
    case 'pool1':
    case 'pool2':
      return pool;
    case 'flatten':
      return 'nn.Flatten()';
    case 'fc1':
      return `nn.Linear(${v.c3} * ${S4_SIDE} * ${S4_SIDE}, ${v.f5})`;
    case 'fc2':
      return `nn.Linear(${v.f5}, ${v.f6})`;
    case 'fc3':
      return `nn.Linear(${v.f6}, ${v.classes})`;
    default:
      return act;
  }
}

/** One layer as an engine module; its weights are seeded by its role, so the same card is the same layer wherever it goes. */
export function layerModule(v: LeNetVariant, role: Role): nn.Module {
  const seed = ROLES.indexOf(role) + 1;
  switch (role) {
    case 'conv1':
      return new nn.Conv2d(1, v.c1, 5, { padding: v.input === 28 ? 2 : 0, seed });
    case 'conv2':
      return new nn.Conv2d(v.c1, v.c3, 5, { seed });
    case 'pool1':
    case 'pool2':
      return v.pooling === 'avg' ? new nn.AvgPool2d(2) : new nn.MaxPool2d(2);
    case 'flatten':
      return new nn.Flatten();
    case 'fc1':
      return new nn.Linear(v.c3 * S4_SIDE * S4_SIDE, v.f5, { seed });
    case 'fc2':
      return new nn.Linear(v.f5, v.f6, { seed });
    case 'fc3':
      return new nn.Linear(v.f6, v.classes, { seed });
    default:
      return v.activation === 'tanh' ? new nn.Tanh() : new nn.ReLU();
  }
}

/** The network with its layers in `order` (LeNet-5's own order by default). */
export function buildNet(v: LeNetVariant, order: readonly Role[] = ROLES): nn.Sequential {
  return new nn.Sequential(...order.map((role) => layerModule(v, role)));
}

/** The engine's summary of the network in LeNet-5's order, for one image. */
export function netSummary(v: LeNetVariant) {
  return summary(buildNet(v), [1, 1, v.input, v.input]);
}

/** The summary row of a role (its position in the Sequential is its name). */
export function rowOf(v: LeNetVariant, role: Role) {
  const result = netSummary(v);
  const row = result.layers.find((l) => l.name === String(ROLES.indexOf(role)));
  if (!row) throw new Error(`no summary row for ${role}`);
  return row;
}

/** The whole network as a PyTorch listing, one layer a line. */
export function listing(v: LeNetVariant): string {
  const lines = ROLES.map((role, i) => `    ${layerCode(v, role)},${' '.repeat(Math.max(1, 44 - layerCode(v, role).length))}# ${i}`);
  return `net = nn.Sequential(\n${lines.join('\n')}\n)\nx = torch.randn(1, 1, ${v.input}, ${v.input})`;
}
