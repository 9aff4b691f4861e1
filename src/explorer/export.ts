/**
 * Exporting a model as PyTorch code: an `nn.Module` class that PyTorch runs
 * unchanged and the explorer reads back to the same network, with the same
 * state-dict names, so a `.safetensors` file saved from the engine model loads
 * into it with `load_state_dict(strict=True)`.
 *
 * A model built from pasted code is exported as that code: it already is PyTorch,
 * and regenerating a hand-written forward could only lose something. A model
 * built from layers (the page's layer builder, the training dashboard's stacks,
 * the zoo's LeNet-5) is written out layer by layer.
 */
import { models, nn } from '../engine/index.ts';
import { ExplorerSequential, ScriptedModule } from './interpreter.ts';
import { Hardtanh, LogSoftmax, ModuleList, ReLU6, SiLU } from './extra-modules.ts';
import { pythonFloat } from './values.ts';

/** A model the exporter cannot write as PyTorch code. */
export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** Options of {@link exportPyTorch}. */
export interface ExportOptions {
  /** Name of the generated class (default "Net"). */
  className?: string;
  /** The code the model was built from, for a model of a user's class. */
  source?: string;
  /** Input the model is meant for, written into the header comment. */
  input?: readonly number[];
}

const num = (v: number): string => (Number.isInteger(v) ? String(v) : pythonFloat(v));

/** An int when both sides agree, a tuple otherwise. */
function size2(pair: readonly [number, number]): string {
  return pair[0] === pair[1] ? String(pair[0]) : `(${pair[0]}, ${pair[1]})`;
}

/** The constructor call that builds `m`, with only the arguments that differ from PyTorch's defaults. */
export function layerCode(m: nn.Module): string {
  if (m instanceof nn.Conv2d) {
    const args = [String(m.inChannels), String(m.outChannels), `kernel_size=${size2(m.kernelSize)}`];
    if (m.stride.some((s) => s !== 1)) args.push(`stride=${size2(m.stride)}`);
    if (typeof m.padding === 'string') args.push(`padding='${m.padding}'`);
    else if (m.padding.some((p) => p !== 0)) args.push(`padding=${size2(m.padding)}`);
    if (m.dilation.some((d) => d !== 1)) args.push(`dilation=${size2(m.dilation)}`);
    if (m.groups !== 1) args.push(`groups=${m.groups}`);
    if (!m.hasBias) args.push('bias=False');
    if (m.paddingMode !== 'zeros') args.push(`padding_mode='${m.paddingMode}'`);
    return `nn.Conv2d(${args.join(', ')})`;
  }
  if (m instanceof nn.Linear) return `nn.Linear(${m.inFeatures}, ${m.outFeatures}${m.hasBias ? '' : ', bias=False'})`;
  if (m instanceof nn.MaxPool2d || m instanceof nn.AvgPool2d) {
    const name = m instanceof nn.MaxPool2d ? 'MaxPool2d' : 'AvgPool2d';
    const args = [`kernel_size=${size2(m.kernelSize)}`];
    if (m.stride[0] !== m.kernelSize[0] || m.stride[1] !== m.kernelSize[1]) args.push(`stride=${size2(m.stride)}`);
    if (m.padding.some((p) => p !== 0)) args.push(`padding=${size2(m.padding)}`);
    if (m instanceof nn.MaxPool2d && m.dilation.some((d) => d !== 1)) args.push(`dilation=${size2(m.dilation)}`);
    if (m.ceilMode) args.push('ceil_mode=True');
    if (m instanceof nn.AvgPool2d) {
      if (!m.countIncludePad) args.push('count_include_pad=False');
      if (m.divisorOverride !== null) args.push(`divisor_override=${m.divisorOverride}`);
    }
    return `nn.${name}(${args.join(', ')})`;
  }
  if (m instanceof nn.AdaptiveAvgPool2d) {
    const size = m.outputSize;
    if (typeof size === 'number') return `nn.AdaptiveAvgPool2d(${size})`;
    return `nn.AdaptiveAvgPool2d((${size.map((s) => (s === null ? 'None' : String(s))).join(', ')}))`;
  }
  if (m instanceof nn.BatchNorm2d) {
    const args = [String(m.numFeatures)];
    if (m.eps !== 1e-5) args.push(`eps=${num(m.eps)}`);
    if (m.momentum !== 0.1) args.push(`momentum=${m.momentum === null ? 'None' : num(m.momentum)}`);
    if (!m.affine) args.push('affine=False');
    if (!m.trackRunningStats) args.push('track_running_stats=False');
    return `nn.BatchNorm2d(${args.join(', ')})`;
  }
  if (m instanceof nn.LocalResponseNorm) {
    const args = [String(m.size)];
    if (m.alpha !== 1e-4) args.push(`alpha=${num(m.alpha)}`);
    if (m.beta !== 0.75) args.push(`beta=${num(m.beta)}`);
    if (m.k !== 1) args.push(`k=${num(m.k)}`);
    return `nn.LocalResponseNorm(${args.join(', ')})`;
  }
  if (m instanceof nn.Dropout) return m.p === 0.5 ? 'nn.Dropout()' : `nn.Dropout(p=${num(m.p)})`;
  if (m instanceof nn.Flatten) {
    const args = [];
    if (m.startDim !== 1) args.push(`start_dim=${m.startDim}`);
    if (m.endDim !== -1) args.push(`end_dim=${m.endDim}`);
    return `nn.Flatten(${args.join(', ')})`;
  }
  if (m instanceof nn.LeakyReLU) return m.negativeSlope === 0.01 ? 'nn.LeakyReLU()' : `nn.LeakyReLU(negative_slope=${num(m.negativeSlope)})`;
  if (m instanceof nn.RReLU) return `nn.RReLU(lower=${num(m.lower)}, upper=${num(m.upper)})`;
  if (m instanceof nn.Softmax) return m.dim === undefined ? 'nn.Softmax()' : `nn.Softmax(dim=${m.dim})`;
  if (m instanceof LogSoftmax) return m.dim === undefined ? 'nn.LogSoftmax()' : `nn.LogSoftmax(dim=${m.dim})`;
  if (m instanceof ReLU6) return 'nn.ReLU6()';
  if (m instanceof Hardtanh) return `nn.Hardtanh(min_val=${num(m.minVal)}, max_val=${num(m.maxVal)})`;
  if (m instanceof SiLU) return 'nn.SiLU()';
  if (m instanceof nn.ReLU) return 'nn.ReLU()';
  if (m instanceof nn.Sigmoid) return 'nn.Sigmoid()';
  if (m instanceof nn.Tanh) return 'nn.Tanh()';
  if (m instanceof nn.Identity) return 'nn.Identity()';
  throw new ExportError(`cannot write a ${m.typeName} as PyTorch code: the exporter knows the layers of SUBSET.md`);
}

function indent(text: string, spaces: number): string {
  return text.split('\n').map((line) => (line ? ' '.repeat(spaces) + line : line)).join('\n');
}

/** A module as an expression: a layer call, or nn.Sequential(...) of them. */
function moduleExpression(m: nn.Module): string {
  if (m instanceof ScriptedModule) throw new ExportError(`cannot write ${m.typeName} inside a generated model: export the code it was written in`);
  if (m instanceof ModuleList) return `nn.ModuleList([\n${indent(m.children().map(moduleExpression).join(',\n'), 4)},\n])`;
  if (m instanceof nn.Sequential) {
    const items = [...m];
    if (items.length === 0) return 'nn.Sequential()';
    return `nn.Sequential(\n${indent(items.map(moduleExpression).join(',\n'), 4)},\n)`;
  }
  return layerCode(m);
}

const IMPORTS = 'import torch\nimport torch.nn as nn\n';

function header(options: ExportOptions): string {
  const input = options.input ? ` for input ${options.input.join('x')} (batch first)` : '';
  return `# Exported by ConvLab's network explorer${input}.\n# Load saved weights with: model.load_state_dict(safetensors_state_dict, strict=True)\n`;
}

/**
 * PyTorch code for `model`. Throws an {@link ExportError} for a model whose
 * forward the exporter cannot write: anything other than a chain of layers
 * (nn.Sequential), the zoo's ConvNet (features, flatten, classifier), or a
 * model built from code (pass that code as `options.source`).
 */
export function exportPyTorch(model: nn.Module, options: ExportOptions = {}): string {
  const name = options.className ?? 'Net';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ExportError(`"${name}" is not a Python class name`);
  if (model instanceof ScriptedModule || (model instanceof ExplorerSequential && model.className !== null)) {
    if (options.source === undefined) throw new ExportError(`${model.typeName} was written as code: export that code (pass it as options.source)`);
    // Exporting exported code again changes nothing.
    const head = options.source.startsWith('# Exported by ConvLab') ? '' : header(options);
    return `${head}${options.source.trimEnd()}\n`;
  }
  if (model instanceof nn.Sequential) {
    const items = [...model];
    const body = items.length === 0 ? '' : `\n${indent(items.map(moduleExpression).join(',\n'), 12)},\n        `;
    return `${header(options)}${IMPORTS}\n\nclass ${name}(nn.Sequential):\n    def __init__(self):\n        super().__init__(${body})\n`;
  }
  if (model instanceof models.ConvNet) {
    const children = model.namedChildren();
    const init = children.map(([child, m]) => indent(`self.${child} = ${moduleExpression(m)}`, 8));
    const forward = children.map(([child]) => `        x = self.${child}(x)`);
    return `${header(options)}${IMPORTS}\n\nclass ${name}(nn.Module):\n    def __init__(self):\n        super().__init__()\n${init.join('\n')}\n\n    def forward(self, x):\n${forward.join('\n')}\n        return x\n`;
  }
  if (model.children().length === 0) {
    throw new ExportError(`a lone ${model.typeName} has no class to export: put it in an nn.Sequential (its state-dict names then gain the prefix "0.")`);
  }
  throw new ExportError(`cannot export a ${model.typeName}: its forward is not a chain of layers the exporter can write`);
}
