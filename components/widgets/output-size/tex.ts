/**
 * TeX for PyTorch's output-size formula: the general form, and the same form with a
 * configuration's numbers substituted and every step of the arithmetic written out.
 * The numbers all come from the engine's `OutputSizeSteps`; this file only typesets them.
 * Shared by the calculator (rendered in the browser) and the lesson text (rendered when
 * the site is built).
 */
import type { OutputSizeSteps } from '../../../src/engine/index.ts';

/** PyTorch's formula with its argument names, as in the Conv2d / MaxPool2d docs. */
export const GENERAL_FORMULA =
  'L_{\\text{out}} = \\left\\lfloor \\frac{L_{\\text{in}} + 2 \\times \\text{padding} - \\text{dilation} \\times (\\text{kernel\\_size} - 1) - 1}{\\text{stride}} + 1 \\right\\rfloor';

/**
 * The same formula for a phone, where no single line of it fits: the numerator gets a
 * name, N, and is spelled out on two lines below.
 */
export const GENERAL_FORMULA_NARROW =
  '\\begin{aligned} L_{\\text{out}} &= \\left\\lfloor \\frac{N}{\\text{stride}} + 1 \\right\\rfloor \\\\ N &= L_{\\text{in}} + 2 \\times \\text{padding} \\\\ &\\quad - \\text{dilation} \\times (\\text{kernel\\_size} - 1) - 1 \\end{aligned}';

/** The same formula with one-letter names, for prose that has already introduced them. */
export const SHORT_FORMULA =
  'L_{\\text{out}} = \\left\\lfloor \\frac{L_{\\text{in}} + 2p - d(k-1) - 1}{s} + 1 \\right\\rfloor';

/** The general formula as ceil mode computes it: the same, with ceiling brackets. */
export function ceilVersion(tex: string): string {
  return tex.replace(/lfloor/g, 'lceil').replace(/rfloor/g, 'rceil');
}

/**
 * A quotient shown the way a reader would write it down: exact values in full,
 * others to three decimals followed by an ellipsis when digits were cut.
 */
export function formatQuotient(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const rounded = Math.round(value * 1000) / 1000;
  return rounded === value
    ? String(rounded)
    : `${value < 0 ? '-' : ''}${Math.abs(Math.trunc(value * 1000) / 1000)}\\ldots`;
}

/**
 * The working as aligned TeX lines, from substitution to result. In ceil mode the
 * brackets are ceilings and, when PyTorch drops a last window that would start in
 * the right-hand padding, a final line shows that check.
 */
export function workingTex(s: OutputSizeSteps): string {
  const [open, close] = s.ceilMode ? ['\\left\\lceil', '\\right\\rceil'] : ['\\left\\lfloor', '\\right\\rfloor'];
  const [openSmall, closeSmall] = s.ceilMode ? ['\\lceil', '\\rceil'] : ['\\lfloor', '\\rfloor'];
  const substituted = `${s.inSize} + 2 \\times ${s.padding} - ${s.dilation} \\times (${s.kernelSize} - 1) - 1`;
  const lines = [
    `L_{\\text{out}} &= ${open} \\frac{${substituted}}{${s.stride}} + 1 ${close}`,
    `&= ${open} \\frac{${s.numerator}}{${s.stride}} + 1 ${close}`,
    `&= ${openSmall} ${formatQuotient(s.quotient)} ${closeSmall} + 1`,
    `&= ${s.rounded} + 1 = ${s.candidate}`,
  ];
  if (s.droppedLastWindow) {
    lines.push(
      `&(${s.candidate} - 1) \\times ${s.stride} = ${(s.candidate - 1) * s.stride} \\ge L_{\\text{in}} + \\text{padding} = ${s.inSize + s.padding}`,
      `&\\Rightarrow L_{\\text{out}} = ${s.candidate} - 1 = ${s.result}`,
    );
  }
  return `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
}

/** One line: the formula substituted and its result, for inline use. */
export function compactTex(s: OutputSizeSteps): string {
  const [open, close] = s.ceilMode ? ['\\left\\lceil', '\\right\\rceil'] : ['\\left\\lfloor', '\\right\\rfloor'];
  return `${open} \\frac{${s.inSize} + 2 \\times ${s.padding} - ${s.dilation} \\times (${s.kernelSize} - 1) - 1}{${s.stride}} + 1 ${close} = ${s.result}`;
}
