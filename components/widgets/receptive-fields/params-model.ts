/**
 * State and arithmetic of the parameter-count comparison.
 *
 * Two layers read the same H x W x C input and give the same number of outputs:
 * a convolution with K filters of F x F (stride 1, no padding), and a fully
 * connected layer with one output per value of the convolution's output volume.
 * Both counts come from the engine's `summary` of real `nn` modules. The third bar,
 * a locally connected layer (the convolution without sharing), is the convolution's
 * per-filter count times the number of positions: the cost of local connections
 * alone, before sharing divides it.
 */
import { convOutputSize, nn, summary } from '../../../src/engine/index.ts';
import { readInt } from '../../kit/query-state.ts';

/** The four sizes the reader controls. */
export interface ParamState {
  inputSize: number;
  channels: number;
  kernelSize: number;
  filters: number;
}

/** The values each control offers (a select, so a value is always one of these). */
export const PARAM_CHOICES: Record<keyof ParamState, readonly number[]> = {
  inputSize: [8, 16, 28, 32, 64, 128, 224],
  channels: [1, 3, 16, 64],
  kernelSize: [1, 3, 5, 7],
  filters: [1, 2, 4, 5, 8, 16, 32, 64],
};

/** The lesson's running example: a 32x32 colour image and five 5x5 filters. */
export const DEFAULT_PARAMS: ParamState = { inputSize: 32, channels: 3, kernelSize: 5, filters: 5 };

/** Query keys of the comparison. */
export const PARAM_KEYS: Record<keyof ParamState, string> = {
  inputSize: 'pcH',
  channels: 'pcC',
  kernelSize: 'pcF',
  filters: 'pcK',
};

/** The state as query values. */
export function encodeParams(state: ParamState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(PARAM_KEYS) as (keyof ParamState)[]) out[PARAM_KEYS[key]] = String(state[key]);
  return out;
}

/** Reads the state; a value that is not one of the offered choices falls back and is listed. */
export function parseParams(params: URLSearchParams): { state: ParamState; rejected: string[] } {
  const rejected: string[] = [];
  const state = { ...DEFAULT_PARAMS };
  for (const key of Object.keys(PARAM_KEYS) as (keyof ParamState)[]) {
    const choices = PARAM_CHOICES[key];
    const value = readInt(
      params,
      PARAM_KEYS[key],
      choices[0],
      choices[choices.length - 1],
      DEFAULT_PARAMS[key],
      rejected,
    );
    if (choices.includes(value)) state[key] = value;
    else rejected.push(PARAM_KEYS[key]);
  }
  return { state, rejected };
}

/** The three counts and what they are made of. */
export interface ParamComparison {
  /** Side of the convolution's output. */
  outSide: number;
  /** outSide * outSide * filters: how many numbers each layer produces. */
  outputs: number;
  /** Parameters of nn.Conv2d(C, K, F), weights and biases, from `summary`. */
  conv: number;
  /** Parameters of nn.Linear(H*W*C, outputs), from `summary`. */
  fc: number;
  /** A separate F x F x C filter and bias for every output: conv / K * outputs. */
  local: number;
  /** One convolution neuron's parameters: its filter and bias. */
  convPerNeuron: number;
  /** One fully connected neuron's parameters: a weight per input, and a bias. */
  fcPerNeuron: number;
}

/** Builds both layers as engine modules and asks `summary` for their sizes. */
export function compareParams(state: ParamState): ParamComparison {
  const { inputSize, channels, kernelSize, filters } = state;
  const outSide = convOutputSize(inputSize, { kernelSize });
  const outputs = outSide * outSide * filters;
  const inputShape = [1, channels, inputSize, inputSize];
  const conv = summary(new nn.Sequential(new nn.Conv2d(channels, filters, kernelSize)), inputShape).totalParams;
  const fc = summary(
    new nn.Sequential(new nn.Flatten(), new nn.Linear(channels * inputSize * inputSize, outputs)),
    inputShape,
  ).totalParams;
  const convPerNeuron = conv / filters;
  return {
    outSide,
    outputs,
    conv,
    fc,
    local: convPerNeuron * outSide * outSide * filters,
    convPerNeuron,
    fcPerNeuron: fc / outputs,
  };
}
