/**
 * Every number lesson 8's prose states, computed by the engine when the site is built.
 * Both language versions import this module and print its values; the content test
 * ties them to the syllabus and to independent arithmetic. Settings (the numbers a
 * reader chooses, and the sizes of the classic examples) are written here once;
 * results never are.
 */
import { conv2d, conv2dGeometry, nn, noGrad, summary, tensor } from '../../../src/engine/index.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';
import { FILTERS, FILTER_IDS, FILTER_LIMITS, groupedLayer, separable } from './model.ts';
import type { GroupsResult } from './model.ts';

/** The only numbers lesson 8's prose and its widgets' strings may type themselves. */
export const allowedNumbers: AllowList = [
  { value: 1, why: 'the 1×1 convolution, groups=1 (the ordinary convolution) and one channel per group' },
  { value: 3, why: 'an RGB picture has three channels (red, green, blue), and input and filter are 3-D: the content test pins rgb.channels' },
  { value: 2, why: 'groups=2, the syllabus setting, and 2-D pictures; pinned by the content test (grouping.settings)' },
  { value: 0, why: 'channel 0, the first channel, as PyTorch numbers them' },
  { value: 2012, why: 'the year of the AlexNet paper, a date not a computed value' },
];

const fmt = (v: number) => v.toLocaleString('en-US');

/** The photo widget's filters: how many the reader may stack, and their slices' size. */
export const photo = { maxFilters: FILTER_LIMITS[1], kernel: FILTERS[FILTER_IDS[0]][0].length, slices: FILTERS[FILTER_IDS[0]].length };

/** A 3-channel 32x32 picture and six 5x5 filters, each as deep as the picture. */
export const rgb = (() => {
  const channels = 3;
  const side = 32;
  const kernel = 5;
  const filters = 6;
  const plan = conv2dGeometry([1, channels, side, side], [filters, channels, kernel, kernel]);
  const layer = summary(new nn.Sequential(new nn.Conv2d(channels, filters, kernel)), [1, channels, side, side]);
  const [, outC, outH, outW] = plan.outputShape;
  return {
    channels,
    side,
    kernel,
    filters,
    outC,
    outSide: outH,
    outW,
    /** Multiplications in one output value: a kernel x kernel window in each of the channels. */
    perValue: kernel * kernel * channels,
    params: layer.totalParams,
    /** The shapes and the layer as code, for the prose (MDX does not fill in values inside backticks). */
    inputShape: `[1, ${channels}, ${side}, ${side}]`,
    weightShape: `[${filters}, ${channels}, ${kernel}, ${kernel}]`,
    module: `nn.Conv2d(${channels}, ${filters}, ${kernel})`,
  };
})();

/** The same position across channels is added up: one filter, one pixel, by the engine. */
export const onePixel = (() => {
  // A 1x1 picture of 3 channels and a 1x1 filter of depth 3: the smallest case of the rule.
  const values = [0.8, 0.4, 0.2];
  const weights = [1, -0.5, -0.5];
  const out = noGrad(() => conv2d(tensor(values, [1, 3, 1, 1]), tensor(weights, [1, 3, 1, 1]))).data[0];
  return { values: values.join(', '), weights: weights.join(', '), out: Number(out.toFixed(2)) };
})();

type Ok = Extract<GroupsResult, { ok: true }>;
function ok(result: GroupsResult): Ok {
  if (!result.ok) throw new Error(`lesson 8: the engine refused a lesson setting: ${result.message}`);
  return result;
}

/** groups = 1, 2 and C on 8 channels in and out, 3x3, 32x32: the widget's default family. */
export const grouping = (() => {
  const channels = 8;
  const kernel = 3;
  const size = 32;
  const settings = [1, 2, channels];
  const rows = settings.map((groups) => {
    const r = ok(groupedLayer({ inC: channels, outC: channels, groups, kernel, size }));
    return {
      groups,
      links: r.links.length,
      perGroup: channels / groups,
      depth: r.weightShape[1],
      params: r.params,
      macs: fmt(r.macs),
      macsRaw: r.macs,
    };
  });
  const [full, two, depthwise] = rows;
  return { channels, kernel, size, full, two, depthwise };
})();

/** A setting PyTorch refuses, in the engine's own words. */
export const refusals = (() => {
  const bad = (inC: number, outC: number, groups: number) => {
    const r = groupedLayer({ inC, outC, groups, kernel: 3, size: 8 });
    if (r.ok) throw new Error(`lesson 8: expected the engine to refuse in=${inC}, out=${outC}, groups=${groups}`);
    return { inC, outC, groups, call: `nn.Conv2d(${inC}, ${outC}, 3, groups=${groups})`, message: r.message };
  };
  return { out: bad(8, 6, 4), in: bad(6, 8, 4) };
})();

/** A depthwise-separable pair against the full convolution, at a realistic size. */
export const sep = (() => {
  const inC = 64;
  const outC = 128;
  const kernel = 3;
  const size = 56;
  const c = separable(inC, outC, kernel, size);
  const percent = Math.round((100 * c.pair.params) / c.full.params);
  const macPercent = Math.round((100 * c.pair.macs) / c.full.macs);
  return {
    inC,
    outC,
    kernel,
    size,
    outSide: c.full.outputShape[2],
    sameShape: c.full.outputShape.join(',') === c.pair.outputShape.join(','),
    full: fmt(c.full.params),
    fullRaw: c.full.params,
    depthwise: fmt(c.depthwise.params),
    pointwise: fmt(c.pointwise.params),
    pair: fmt(c.pair.params),
    pairRaw: c.pair.params,
    fullMacs: fmt(c.full.macs),
    pairMacs: fmt(c.pair.macs),
    percent,
    macPercent,
  };
})();

/** CS231n's 1x1 example: a 56x56x64 volume through 32 filters of 1x1. */
export const pointwise = (() => {
  const inC = 64;
  const side = 56;
  const filters = 32;
  const s = summary(new nn.Sequential(new nn.Conv2d(inC, filters, 1)), [1, inC, side, side]);
  const [, outC, outSide] = s.outputShape;
  return { inC, side, filters, outC, outSide, params: fmt(s.totalParams), perFilter: s.totalParams / filters, macs: fmt(s.totalMacs) };
})();

/** A 1x1 convolution that mixes three channels into two, on a 2x2 picture, run by the engine. */
export const mix = (() => {
  // Channels 0, 1, 2 of a 2x2 picture, and two 1x1 filters: the sum of all three, and channel 0 minus channel 1.
  const input = [
    [
      [1, 2],
      [3, 4],
    ],
    [
      [0, 1],
      [1, 0],
    ],
    [
      [2, 2],
      [0, 1],
    ],
  ];
  const weights = [
    [[[1]], [[1]], [[1]]],
    [[[1]], [[-1]], [[0]]],
  ];
  const out = noGrad(() => conv2d(tensor([input]), tensor(weights)));
  const cell = (c: number, r: number, col: number) => out.data[c * 4 + r * 2 + col];
  return {
    shape: out.shape.join(' × '),
    a: input.map((ch) => ch.flat()),
    sum: [cell(0, 0, 0), cell(0, 0, 1), cell(0, 1, 0), cell(0, 1, 1)],
    diff: [cell(1, 0, 0), cell(1, 0, 1), cell(1, 1, 0), cell(1, 1, 1)],
  };
})();

/** AlexNet's first layer: 96 filters of 11x11x3 at stride 4 over a 227x227 RGB picture, with and without weight sharing. */
export const alexnet = (() => {
  const input = 227;
  const channels = 3;
  const kernel = 11;
  const filters = 96;
  const stride = 4;
  const plan = conv2dGeometry([1, channels, input, input], [filters, channels, kernel, kernel], { stride });
  const [, outC, outSide, outW] = plan.outputShape;
  const shared = summary(new nn.Sequential(new nn.Conv2d(channels, filters, kernel, { stride })), [1, channels, input, input]);
  // Each filter's weights plus its bias, as summary counts them.
  const perNeuron = shared.totalParams / filters;
  // Without sharing, every neuron of the output volume (positions x filters) has its own copy.
  const neurons = outSide * outW * outC;
  const unshared = neurons * perNeuron;
  return {
    input,
    kernel,
    filters,
    stride,
    outSide,
    positions: fmt(outSide * outW),
    neurons: fmt(neurons),
    perNeuron,
    shared: fmt(shared.totalParams),
    sharedRaw: shared.totalParams,
    unshared: fmt(unshared),
    unsharedRaw: unshared,
    ratio: fmt(unshared / shared.totalParams),
    macs: fmt(shared.totalMacs),
  };
})();
