/**
 * Seeded random networks, written as a student would write them, for checking
 * the explorer against PyTorch. Most fit their input; some are broken the ways
 * students break them (a Linear that does not fit, channels that do not match,
 * a kernel larger than the image, torch.flatten(x) without start_dim, a
 * shortcut of the wrong shape, a misspelt keyword), so the errors get checked too.
 * The generator's own shape arithmetic only steers it towards plausible networks;
 * what is right is decided by PyTorch.
 */
import { Random } from '../../../src/engine/index.ts';

export interface GeneratedCase {
  id: string;
  code: string;
  input: number[];
}

const HEADER = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n';

class Gen {
  readonly rng: Random;
  constructor(seed: number) {
    this.rng = new Random(seed);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.rng.int(items.length)];
  }
  chance(p: number): boolean {
    return this.rng.next() < p;
  }
  int(lo: number, hi: number): number {
    return lo + this.rng.int(hi - lo + 1);
  }
}

interface State {
  c: number;
  h: number;
  w: number;
}

/** A layer as module code, optionally with a functional form for forward. */
interface Layer {
  module: string;
  functional?: string;
}

function convOut(n: number, k: number, s: number, p: number, d: number): number {
  return Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
}

function poolOut(n: number, k: number, s: number, p: number, ceil: boolean): number {
  const q = (n + 2 * p - (k - 1) - 1) / s;
  let out = (ceil ? Math.ceil(q) : Math.floor(q)) + 1;
  if (ceil && (out - 1) * s >= n + p) out -= 1;
  return out;
}

function conv(g: Gen, st: State): Layer {
  const out = g.pick([2, 4, 6, 8, 12, 16]);
  const k = g.pick([1, 3, 3, 5]);
  const s = g.pick([1, 1, 2]);
  const d = g.chance(0.1) ? 2 : 1;
  const p = g.int(0, Math.min(2, k));
  const groups = g.chance(0.1) && st.c % 2 === 0 && out % 2 === 0 ? 2 : 1;
  const inC = g.chance(0.04) ? st.c + 1 : st.c;
  const same = s === 1 && g.chance(0.08);
  const args = [String(inC), String(out), g.chance(0.3) ? `kernel_size=${k}` : String(k)];
  if (s !== 1) args.push(`stride=${s}`);
  if (same) args.push("padding='same'");
  else if (p !== 0) args.push(`padding=${p}`);
  if (d !== 1) args.push(`dilation=${d}`);
  if (groups !== 1) args.push(`groups=${groups}`);
  if (g.chance(0.15)) args.push('bias=False');
  if (!same) {
    st.h = convOut(st.h, k, s, p, d);
    st.w = convOut(st.w, k, s, p, d);
  }
  st.c = out;
  return { module: `nn.Conv2d(${args.join(', ')})` };
}

function pool(g: Gen, st: State): Layer {
  const max = g.chance(0.6);
  const k = g.pick([2, 2, 3]);
  const stride = g.pick([null, null, 1, 2]);
  const p = g.chance(0.2) ? 1 : 0;
  const ceil = g.chance(0.15);
  const args = [String(k)];
  if (stride !== null) args.push(`stride=${stride}`);
  if (p) args.push(`padding=${p}`);
  if (ceil) args.push('ceil_mode=True');
  const s = stride ?? k;
  st.h = poolOut(st.h, k, s, p, ceil);
  st.w = poolOut(st.w, k, s, p, ceil);
  const name = max ? 'MaxPool2d' : 'AvgPool2d';
  return { module: `nn.${name}(${args.join(', ')})`, functional: `F.${max ? 'max_pool2d' : 'avg_pool2d'}(x, ${args.join(', ')})` };
}

function activation(g: Gen): Layer {
  return g.pick<Layer>([
    { module: 'nn.ReLU()', functional: 'F.relu(x)' },
    { module: 'nn.ReLU(inplace=True)', functional: 'torch.relu(x)' },
    { module: 'nn.LeakyReLU(0.1)', functional: 'F.leaky_relu(x, 0.1)' },
    { module: 'nn.Sigmoid()', functional: 'torch.sigmoid(x)' },
    { module: 'nn.Tanh()', functional: 'torch.tanh(x)' },
    { module: 'nn.ReLU6()', functional: 'F.relu6(x)' },
    { module: 'nn.SiLU()', functional: 'F.silu(x)' },
  ]);
}

/** A broken constructor call, the way people get arguments wrong. */
function badArguments(g: Gen, st: State): Layer {
  return g.pick<Layer>([
    { module: `nn.Conv2d(${st.c}, 8)` },
    { module: `nn.Conv2d(${st.c}, 8, kernel=3)` },
    { module: `nn.Conv2d(${st.c}, 8, 3, in_channels=${st.c})` },
    { module: 'nn.MaxPool2d()' },
    { module: 'nn.ReLU(True, True)' },
    { module: 'nn.Sigmoid(1)' },
    { module: 'nn.Dropout(1.5)' },
    { module: `nn.Conv2d(${st.c}, 8, 3, stride=2, padding='same')` },
    { module: `nn.Conv2d(${st.c}, 9, 3, groups=2)` },
  ]);
}

/** The feature part: conv/pool/activation/norm stages on an image. */
function features(g: Gen, st: State, allowBad: boolean): Layer[] {
  const layers: Layer[] = [];
  const stages = g.int(1, 4);
  for (let i = 0; i < stages; i++) {
    if (allowBad && g.chance(0.02)) layers.push(badArguments(g, st));
    layers.push(conv(g, st));
    if (g.chance(0.3)) layers.push({ module: `nn.BatchNorm2d(${g.chance(0.05) ? st.c + 2 : st.c})` });
    layers.push(activation(g));
    if (g.chance(0.1)) layers.push({ module: 'nn.LocalResponseNorm(3)', functional: 'F.local_response_norm(x, 3)' });
    if (g.chance(0.6)) layers.push(pool(g, st));
    if (g.chance(0.1)) layers.push({ module: 'nn.Dropout(0.25)', functional: 'F.dropout(x, 0.25, training=self.training)' });
  }
  if (g.chance(0.2)) {
    const size = g.pick([1, 2, 3]);
    layers.push({ module: `nn.AdaptiveAvgPool2d(${size})`, functional: `F.adaptive_avg_pool2d(x, ${size})` });
    st.h = size;
    st.w = size;
  }
  return layers;
}

/** Flatten and the classifier. `flatten` is the forward line for class style. */
function classifier(g: Gen, st: State): { flatten: Layer; layers: Layer[] } {
  const features = st.c * Math.max(st.h, 1) * Math.max(st.w, 1);
  const flatten = g.pick<Layer>([
    { module: 'nn.Flatten()', functional: 'torch.flatten(x, 1)' },
    { module: 'nn.Flatten()', functional: 'x.view(x.size(0), -1)' },
    { module: 'nn.Flatten()', functional: 'x.reshape(x.shape[0], -1)' },
    { module: 'nn.Flatten()', functional: 'torch.flatten(x, start_dim=1)' },
    { module: 'nn.Flatten(0)', functional: 'torch.flatten(x)' },
    { module: 'nn.Flatten()', functional: 'x.flatten(1)' },
    { module: 'nn.Flatten()', functional: `x.view(-1, ${features})` },
  ]);
  const inF = g.chance(0.85) ? features : g.pick([features + 1, Math.max(1, features - 3), features * 2, 120]);
  const layers: Layer[] = [];
  if (g.chance(0.4)) {
    const hidden = g.pick([16, 32, 64]);
    layers.push({ module: `nn.Linear(${inF}, ${hidden})` }, activation(g));
    if (g.chance(0.3)) layers.push({ module: 'nn.Dropout()', functional: 'F.dropout(x, training=self.training)' });
    layers.push({ module: `nn.Linear(${g.chance(0.95) ? hidden : hidden + 1}, ${g.pick([2, 5, 10])})` });
  } else {
    layers.push({ module: `nn.Linear(${inF}, ${g.pick([2, 5, 10])}${g.chance(0.2) ? ', bias=False' : ''})` });
  }
  if (g.chance(0.1)) layers.push(g.pick<Layer>([{ module: 'nn.Softmax(dim=1)', functional: 'F.softmax(x, dim=1)' }, { module: 'nn.LogSoftmax(dim=1)', functional: 'F.log_softmax(x, dim=1)' }]));
  return { flatten, layers };
}

function inputFor(g: Gen): { input: number[]; st: State } {
  const c = g.pick([1, 1, 3, 3, 4]);
  const h = g.pick([5, 8, 12, 16, 28, 32, 37]);
  const w = g.chance(0.7) ? h : g.pick([8, 16, 24, 31]);
  const b = g.pick([1, 1, 2, 3]);
  return { input: [b, c, h, w], st: { c, h, w } };
}

function sequentialCase(g: Gen): { code: string; input: number[] } {
  const { input, st } = inputFor(g);
  const layers = features(g, st, true);
  const head = classifier(g, st);
  const all = [...layers, head.flatten, ...head.layers].map((l) => `    ${l.module},`);
  return { code: `${HEADER}model = nn.Sequential(\n${all.join('\n')}\n)\n`, input };
}

function classCase(g: Gen): { code: string; input: number[] } {
  const { input, st } = inputFor(g);
  const layers = [...features(g, st, true)];
  const head = classifier(g, st);
  const init: string[] = [];
  const forward: string[] = [];
  let n = 0;
  const place = (layer: Layer, preferFunctional: boolean) => {
    if (layer.functional && preferFunctional) {
      forward.push(`        x = ${layer.functional}`);
    } else {
      n += 1;
      const name = layer.module.startsWith('nn.Conv2d') ? `conv${n}` : layer.module.startsWith('nn.Linear') ? `fc${n}` : `layer${n}`;
      init.push(`        self.${name} = ${layer.module}`);
      forward.push(`        x = self.${name}(x)`);
    }
  };
  const functional = g.chance(0.5);
  for (const layer of layers) place(layer, functional && g.chance(0.7));
  place(head.flatten, true);
  for (const layer of head.layers) place(layer, functional && g.chance(0.5));
  const code =
    `${HEADER}class Net(nn.Module):\n    def __init__(self):\n        super().__init__()\n${init.join('\n') || '        pass'}\n\n` +
    `    def forward(self, x):\n${forward.join('\n')}\n        return x\n`;
  return { code, input };
}

function residualCase(g: Gen): { code: string; input: number[] } {
  const c = g.pick([1, 3]);
  const h = g.pick([4, 8, 16, 32]);
  const b = g.pick([1, 2]);
  const width = g.pick([4, 8]);
  const stages = g.int(1, 3);
  const breakShortcut = g.chance(0.1);
  const useLoop = g.chance(0.5);
  const block = `class Block(nn.Module):
    def __init__(self, in_channels, out_channels, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_channels, out_channels, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(out_channels)
        self.conv2 = nn.Conv2d(out_channels, out_channels, 3, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(out_channels)
        self.shortcut = nn.Sequential()
        if ${breakShortcut ? 'False' : 'stride != 1 or in_channels != out_channels'}:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_channels, out_channels, 1, stride=stride, bias=False),
                nn.BatchNorm2d(out_channels),
            )

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += self.shortcut(x)
        return F.relu(out)
`;
  const widths = Array.from({ length: stages }, (_, i) => width * 2 ** i);
  const blocks = useLoop
    ? `        layers = []
        channels = ${width}
        for i, w in enumerate([${widths.join(', ')}]):
            layers.append(Block(channels, w, 1 if i == 0 else 2))
            channels = w
        self.blocks = nn.Sequential(*layers)`
    : `        self.blocks = nn.ModuleList([${widths.map((w, i) => `Block(${i === 0 ? width : widths[i - 1]}, ${w}, ${i === 0 ? 1 : 2})`).join(', ')}])`;
  const run = useLoop ? '        x = self.blocks(x)' : '        for block in self.blocks:\n            x = block(x)';
  const fcIn = g.chance(0.9) ? widths[widths.length - 1] : widths[widths.length - 1] * 2;
  const code = `${HEADER}${block}

class ResNet(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(${c}, ${width}, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(${width})
${blocks}
        self.pool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(${fcIn}, num_classes)

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
${run}
        x = self.pool(x)
        x = torch.flatten(x, 1)
        return self.fc(x)
`;
  return { code, input: [b, c, h, h] };
}

/** `count` networks from `seed`: about half Sequential, a third classes, the rest residual nets. */
export function generateNetworks(count: number, seed: number): GeneratedCase[] {
  const g = new Gen(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = g.rng.next();
    const made = kind < 0.45 ? sequentialCase(g) : kind < 0.85 ? classCase(g) : residualCase(g);
    return { id: `generated-${seed}-${i}`, ...made };
  });
}
