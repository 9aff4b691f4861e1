/**
 * Every number lesson 7's prose states, computed by the engine when the site is built.
 * Both language versions import this module and print its values; the content test
 * ties them to the syllabus, so the text and the engine cannot drift apart.
 * Settings (the numbers a reader chooses) are written here once; results never are.
 */
import { conv2d, noGrad, zeros } from '../../../src/engine/index.ts';
import type { AllowList } from '../../../src/i18n/allowed-numbers.ts';
import { TAP_DILATIONS, stack, traceStack } from './model.ts';
import type { StackResult } from './model.ts';

/** The only numbers lesson 7's prose and its widget's strings may type themselves. */
export const allowedNumbers: AllowList = [
  { value: 1, why: 'dilation 1, the ordinary convolution, weights of one, and single pixels' },
  { value: 0, why: 'a gradient of zero marks a pixel the output does not depend on' },
];

type Ok = Extract<StackResult, { ok: true }>;

/** A stack's result, which the lesson's settings are chosen to fit. */
function ok(result: StackResult): Ok {
  if (!result.ok) throw new Error(`lesson 7: the engine refused a lesson setting: ${result.message}`);
  return result;
}

/** The kernel the lesson uses throughout, and the input its examples run on. */
export const kernel = 3;
export const input = 17;

/** One 3x3 layer at dilations 1, 2, 3: its receptive field and its weights, from the engine's summary. */
export const taps = TAP_DILATIONS.map((dilation) => {
  const r = ok(traceStack(input, stack(kernel, dilation, 1)));
  return { dilation, field: r.receptiveField, params: r.params, seen: r.seen, gap: dilation - 1 };
});
export const [d1, d2, d3] = taps;

/** How many weights a plain (undilated) kernel needs to see as far as the 3x3 with dilation 3. */
export const plainSamePlace = (() => {
  const side = d3.field;
  const r = ok(traceStack(input, stack(side, 1, 1)));
  return { side, params: r.params };
})();

/** The output of one dilated layer on the input: it shrinks by the span minus one, not the kernel minus one. */
export const outputSides = taps.map(({ dilation }) =>
  noGrad(() => conv2d(zeros([1, 1, input, input]), zeros([1, 1, kernel, kernel]), null, { dilation }).shape[3]),
);

/** The gridding example: three 3x3 layers, every one with dilation 2. */
export const gridding = (() => {
  const layers = 3;
  const dilation = 2;
  const r = ok(traceStack(input, stack(kernel, dilation, layers)));
  return { layers, dilation, field: r.receptiveField, params: r.params, seen: r.seen, unseen: r.unseen, area: r.field * r.field };
})();

/** The same three layers undilated: a smaller field, but every pixel in it seen. */
export const plainStack = (() => {
  const r = ok(traceStack(input, stack(kernel, 1, gridding.layers)));
  return { field: r.receptiveField, seen: r.seen, unseen: r.unseen };
})();

/** Dilations 1, 2, 3 in turn (rates with no common factor): a wide field with no holes. */
export const mixed = (() => {
  const rates = [1, 2, 3];
  const layers = rates.map((d) => stack(kernel, d, 1)[0]);
  const r = ok(traceStack(input, layers));
  return { rates: rates.join(', '), field: r.receptiveField, seen: r.seen, unseen: r.unseen, params: r.params };
})();

/** A stack too wide for a small input, and the engine's refusal word for word. */
export const refusal = (() => {
  const small = 7;
  const r = traceStack(small, stack(kernel, 4, 1));
  if (r.ok) throw new Error('lesson 7: expected the engine to refuse a 3x3 kernel with dilation 4 on a 7x7 input');
  return { input: small, dilation: 4, message: r.message };
})();
