/**
 * Each row's shape arithmetic as TeX, with the row's own numbers put in: for a
 * convolution or a pooling layer PyTorch's output-size formula worked out for
 * the height and the width, for a flatten the product, for a Linear the
 * feature count. The numbers come from the engine (`convOutputSteps`,
 * `poolOutputSteps`) and the traced shapes; this file only typesets them. A
 * page renders `tex` with KaTeX in display mode.
 */
import { convOutputSteps, poolOutputSteps, nn } from '../engine/index.ts';
import type { OutputSizeSteps } from '../engine/index.ts';
import { Hardtanh, LogSoftmax, SiLU } from './extra-modules.ts';

/** One line of working. */
export interface ShapeStep {
  /** What it computes: "H", "W", "C", "features", "shape". */
  label: string;
  /** Display-mode TeX, aligned with `&=`. */
  tex: string;
  /** The number it arrives at, when it is one number. */
  result: number | null;
}

/** PyTorch's formula with its argument names, as in the Conv2d / MaxPool2d docs. */
export const OUTPUT_SIZE_FORMULA =
  'L_{\\text{out}} = \\left\\lfloor \\frac{L_{\\text{in}} + 2 \\times \\text{padding} - \\text{dilation} \\times (\\text{kernel\\_size} - 1) - 1}{\\text{stride}} + 1 \\right\\rfloor';

function quotient(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const cut = Math.trunc(value * 1000) / 1000;
  return cut === value ? String(cut) : `${cut}\\ldots`;
}

/** The output-size formula for one side, worked from substitution to the result. */
export function sideTex(side: 'H' | 'W', s: OutputSizeSteps): string {
  const [open, close] = s.ceilMode ? ['\\left\\lceil', '\\right\\rceil'] : ['\\left\\lfloor', '\\right\\rfloor'];
  const [o, c] = s.ceilMode ? ['\\lceil', '\\rceil'] : ['\\lfloor', '\\rfloor'];
  const lines = [
    `${side}_{\\text{out}} &= ${open} \\frac{${s.inSize} + 2 \\times ${s.padding} - ${s.dilation} \\times (${s.kernelSize} - 1) - 1}{${s.stride}} + 1 ${close}`,
    `&= ${open} \\frac{${s.numerator}}{${s.stride}} + 1 ${close} = ${o} ${quotient(s.quotient)} ${c} + 1 = ${s.candidate}`,
  ];
  if (s.droppedLastWindow) {
    lines.push(`&\\text{last window starts in the padding: } (${s.candidate} - 1) \\times ${s.stride} \\ge ${s.inSize} + ${s.padding} \\Rightarrow ${s.result}`);
  }
  return `\\begin{aligned}${lines.join(' \\\\ ')}\\end{aligned}`;
}

function product(dims: readonly number[]): string {
  return dims.length === 0 ? '1' : dims.join(' \\times ');
}

function shapeTex(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Sliding-window steps (height and width) from the engine's formula. */
function windowSteps(
  kind: 'conv' | 'pool',
  input: readonly number[],
  kernel: readonly [number, number],
  stride: readonly [number, number],
  padding: readonly [number, number],
  dilation: readonly [number, number],
  ceilMode: boolean,
): ShapeStep[] {
  const [h, w] = input.slice(-2);
  const steps = (d: 0 | 1, size: number) =>
    kind === 'conv'
      ? convOutputSteps(size, { kernelSize: kernel[d], stride: stride[d], padding: padding[d], dilation: dilation[d] })
      : poolOutputSteps(size, { kernelSize: kernel[d], stride: stride[d], padding: padding[d], dilation: dilation[d], ceilMode });
  const hs = steps(0, h);
  const ws = steps(1, w);
  const same = h === w && kernel[0] === kernel[1] && stride[0] === stride[1] && padding[0] === padding[1] && dilation[0] === dilation[1];
  if (same) return [{ label: 'H = W', tex: sideTex('H', hs).replace('H_{\\text{out}}', 'H_{\\text{out}} = W_{\\text{out}}'), result: hs.result }];
  return [
    { label: 'H', tex: sideTex('H', hs), result: hs.result },
    { label: 'W', tex: sideTex('W', ws), result: ws.result },
  ];
}

/**
 * The working of one row: how `module` turns `inputShape` into `outputShape`.
 * `callee` names a function call ("torch.flatten", "x.view", "+") for rows
 * that are not layers of the model.
 */
export function shapeSteps(module: nn.Module, inputShape: readonly number[], outputShape: readonly number[], callee?: string): ShapeStep[] {
  if (module instanceof nn.Conv2d) {
    const channel: ShapeStep = { label: 'C', tex: `C_{\\text{out}} = \\text{out\\_channels} = ${module.outChannels}`, result: module.outChannels };
    if (module.padding === 'same') {
      return [channel, { label: 'H, W', tex: `\\text{padding='same'} \\Rightarrow H_{\\text{out}} = ${outputShape[outputShape.length - 2]},\\ W_{\\text{out}} = ${outputShape[outputShape.length - 1]}`, result: null }];
    }
    return [channel, ...windowSteps('conv', inputShape, module.kernelSize, module.stride, module.leadingPadding(), module.dilation, false)];
  }
  if (module instanceof nn.MaxPool2d) {
    return windowSteps('pool', inputShape, module.kernelSize, module.stride, module.padding, module.dilation, module.ceilMode);
  }
  if (module instanceof nn.AvgPool2d) {
    return windowSteps('pool', inputShape, module.kernelSize, module.stride, module.padding, [1, 1], module.ceilMode);
  }
  if (module instanceof nn.AdaptiveAvgPool2d) {
    const [h, w] = outputShape.slice(-2);
    return [{ label: 'H, W', tex: `(H_{\\text{out}}, W_{\\text{out}}) = \\text{output\\_size} = (${h}, ${w})`, result: null }];
  }
  if (module instanceof nn.Linear) {
    const features = inputShape[inputShape.length - 1];
    return [{
      label: 'features',
      tex: `\\text{in\\_features} = ${module.inFeatures} = ${features} \\;\\checkmark \\quad \\Rightarrow \\quad \\text{out\\_features} = ${module.outFeatures}`,
      result: module.outFeatures,
    }];
  }
  if (module instanceof nn.Flatten || callee === 'x.view' || callee === 'x.reshape') {
    const merged = inputShape.length - outputShape.length + 1;
    const start = module instanceof nn.Flatten ? (module.startDim < 0 ? module.startDim + inputShape.length : module.startDim) : null;
    if (start !== null && merged >= 1) {
      const dims = inputShape.slice(start, start + merged);
      return [{
        label: 'features',
        tex: `${shapeTex(inputShape)} \\to ${shapeTex(outputShape)}: \\quad ${product(dims)} = ${outputShape[start]}`,
        result: outputShape[start],
      }];
    }
    const total = inputShape.reduce((a, b) => a * b, 1);
    return [{
      label: 'shape',
      tex: `${shapeTex(inputShape)} \\to ${shapeTex(outputShape)}: \\quad ${product(inputShape)} = ${total} = ${product(outputShape)}`,
      result: null,
    }];
  }
  if (callee !== undefined && ['+', '-', '*', '/'].includes(callee)) {
    return [{ label: 'shape', tex: `${shapeTex(inputShape)} ${callee === '*' ? '\\times' : callee === '/' ? '\\div' : callee} \\ldots \\to ${shapeTex(outputShape)} \\quad \\text{(elementwise; both sides broadcast to this shape)}`, result: null }];
  }
  const elementwise =
    module instanceof nn.ReLU || module instanceof nn.LeakyReLU || module instanceof nn.RReLU || module instanceof nn.Sigmoid ||
    module instanceof nn.Tanh || module instanceof nn.Softmax || module instanceof LogSoftmax || module instanceof Hardtanh ||
    module instanceof SiLU || module instanceof nn.Dropout || module instanceof nn.BatchNorm2d || module instanceof nn.LocalResponseNorm ||
    module instanceof nn.Identity;
  if (elementwise) return [{ label: 'shape', tex: `${shapeTex(inputShape)} \\to ${shapeTex(outputShape)} \\quad \\text{(shape unchanged)}`, result: null }];
  return [];
}
