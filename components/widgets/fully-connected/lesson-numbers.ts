/**
 * Every number lesson 12's prose states, computed by the engine when the site is built.
 * Both language versions import this module and print its values; the content test
 * ties them to the syllabus, so the text and the engine cannot drift apart.
 * Settings (the numbers a reader chooses) are written here once; results never are.
 */
import { deflateSync, strToU8 } from 'fflate';
import { nn, summary } from '../../../src/engine/index.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';
import { BUGGY, CLASSES, HIDDEN, LIMITS, PRESETS, TINY, TRAINING, TinyTrainer, defaultStack, flattenBug, pictures, traceHead, traceStack } from './model.ts';
import type { StackConfig, StackResult } from './model.ts';

/** The only numbers lesson 12's prose and its widgets' strings may type themselves. */
export const allowedNumbers: AllowList = [
  { value: 2, why: 'a 2×2 pool or a stride of 2 halves a map; each block doubles the channels' },
  { value: 1, why: 'the 1×1 convolution, the 1×1 map a global average pool leaves, dimension 1 of torch.flatten(x, 1), and probabilities summing to one' },
  { value: 0, why: 'dimension 0, where torch.flatten starts by default, and K = 0' },
];

type Ok = Extract<StackResult, { ok: true }>;
type Refused = Extract<StackResult, { ok: false }>;

function ok(config: StackConfig): Ok & { config: StackConfig } {
  const r = traceStack(config);
  if (!r.ok) throw new Error(`lesson 12: the engine refused a lesson setting: ${r.message}`);
  return { ...r, config };
}

const pct = (part: number, whole: number) => Math.round((1000 * part) / whole) / 10;

/** The syllabus's bounds on the recipe: N up to about 5, K from 0 to 2 (the builder's limits). */
export const recipe = { nMax: LIMITS.n[1], kMin: LIMITS.k[0], kMax: LIMITS.k[1], mMax: LIMITS.m[1], classes: CLASSES, hidden: HIDDEN };

/** The builder's starting stack. */
export const base = (() => {
  const r = ok(defaultStack());
  const last = r.rows.filter((row) => row.role.kind === 'pool').at(-1)!.shape;
  return {
    ...r.config,
    totalParams: r.totalParams,
    totalMacs: r.totalMacs,
    flat: r.flatLength!,
    lastDepth: last[0],
    lastSide: last[1],
    fcParams: r.fcParams,
    fcPercent: pct(r.fcParams, r.totalParams),
    field: r.receptiveField,
  };
})();

/** The same stack on a bigger picture: the FC layer grows with the picture, the convolutions do not. */
export const bigger = (() => {
  const r = ok({ ...defaultStack(), size: 128 });
  return { size: r.config.size, totalParams: r.totalParams, flat: r.flatLength!, fcParams: r.fcParams, fcPercent: pct(r.fcParams, r.totalParams) };
})();

/** A stack that pools a 1×1 map away, and the engine's refusal. */
export const refusal = (() => {
  const config: StackConfig = { ...defaultStack(), size: 8, m: 4 };
  const r = traceStack(config);
  if (r.ok) throw new Error('lesson 12: expected the engine to refuse four pooled blocks on an 8×8 picture');
  const failed = r as Refused;
  if (failed.failedRole.kind !== 'pool') throw new Error('lesson 12: expected the refusal at a pool');
  return { size: config.size, m: config.m, block: failed.failedRole.block, type: failed.failedType, message: failed.message };
})();

/** Smaller filters: one 5×5 layer against two 3×3 layers, 64 channels in and out, by the engine's summary. */
export const smaller = (() => {
  const c = 64;
  const one = summary(new nn.Sequential(new nn.Conv2d(c, c, 5, { padding: 2 })), [1, c, 16, 16]);
  const two = summary(new nn.Sequential(new nn.Conv2d(c, c, 3, { padding: 1 }), new nn.ReLU(), new nn.Conv2d(c, c, 3, { padding: 1 })), [1, c, 16, 16]);
  const field = (s: typeof one) => s.layers.filter((l) => l.type === 'Conv2d').at(-1)!.receptiveField!.size[0];
  return { channels: c, fieldOne: field(one), fieldTwo: field(two), paramsOne: one.totalParams, paramsTwo: two.totalParams, relus: 2 };
})();

/** The builder with 5×5 filters and one per block, against the starting stack's two 3×3 (the same field per block). */
export const bigFilters = (() => {
  const r = ok(PRESETS.bigFilters());
  return { n: r.config.n, kernel: r.config.kernel, totalParams: r.totalParams, field: r.receptiveField };
})();

/** The all-convolutional version: stride-2 convolutions instead of pools, a 1×1 conv and global average pooling instead of FC layers. */
export const allConv = (() => {
  const r = ok(PRESETS.allConv());
  return { totalParams: r.totalParams, totalMacs: r.totalMacs, fcParams: r.fcParams, saved: base.totalParams - r.totalParams, field: r.receptiveField };
})();

/** The tiny network of the head explorer, trained here exactly as in the page. */
export const head = (() => {
  const trainer = new TinyTrainer().run();
  const pics = pictures();
  const traces = pics.map((p) => traceHead(trainer.model, p.pixels));
  const right = traces.filter((tr, i) => (tr.probabilities[0] >= tr.probabilities[1] ? 0 : 1) === pics[i].label).length;
  const first = traces[0];
  return {
    size: TINY.size,
    filters: TINY.filters,
    pool: TINY.pool,
    side: first.volumeSide,
    flat: first.flat.length,
    hidden: first.hidden.length,
    classes: first.logits.length,
    steps: TRAINING.steps,
    seed: TRAINING.seed,
    pictures: pics.length,
    right,
    fc1Params: first.flat.length * TINY.hidden + TINY.hidden,
  };
})();

/** Lesson 12's PyTorch network with its bug, run on a batch of two pictures. */
export const bug = (() => {
  const b = flattenBug();
  return {
    input: BUGGY.input,
    batch: BUGGY.batch,
    c1: BUGGY.c1,
    c2: BUGGY.c2,
    classes: BUGGY.classes,
    maps: b.maps.join('×'),
    side: b.side,
    inFeatures: b.inFeatures,
    wrong: b.wrongShape.join('×'),
    wrongLength: b.wrongShape[0],
    right: b.rightShape.join('×'),
    out: b.out.join('×'),
    message: b.message,
  };
})();

/** The example file the network explorer offers, read at build time. */
const SOURCES = import.meta.glob('../../../src/explorer/examples/lesson12-cnn.py', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
export const explorerSource = Object.values(SOURCES)[0];

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * The explorer's address for that example with a batch of two pictures (its `code`
 * and `input` keys, as components/explorer/address.ts writes them), relative to a
 * lesson page so it works in both languages.
 */
export const explorerHref = `../../explorer/?code=${base64Url(deflateSync(strToU8(explorerSource), { level: 9 }))}&input=${BUGGY.batch},3,${BUGGY.input},${BUGGY.input}`;

/** The recipe as display math, on one line and, for narrow screens, on two. */
export const RECIPE_TEX = String.raw`[(\text{CONV-RELU}) \times N - \text{POOL?}] \times M - (\text{FC-RELU}) \times K - \text{SOFTMAX}`;
export const RECIPE_TEX_NARROW = String.raw`\begin{aligned}&[(\text{CONV-RELU}) \times N - \text{POOL?}] \times M \\ &\quad - (\text{FC-RELU}) \times K - \text{SOFTMAX}\end{aligned}`;

/** Counts of four digits and more as the prose prints them, grouped by thousands (both languages group them so). */
const grouped = (value: number) => value.toLocaleString('en-US');
export const text = {
  baseParams: grouped(base.totalParams),
  baseMacs: grouped(base.totalMacs),
  baseFlat: grouped(base.flat),
  biggerFlat: grouped(bigger.flat),
  biggerParams: grouped(bigger.totalParams),
  smallerOne: grouped(smaller.paramsOne),
  smallerTwo: grouped(smaller.paramsTwo),
  bigFiltersParams: grouped(bigFilters.totalParams),
  allConvParams: grouped(allConv.totalParams),
  allConvMacs: grouped(allConv.totalMacs),
  inFeatures: grouped(bug.inFeatures),
  wrongLength: grouped(bug.wrongLength),
};
