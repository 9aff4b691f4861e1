/**
 * A layer stack as a short line of text, for the address bar:
 *
 *   conv8k5p2,relu,max2,conv16k5,relu,max2,flat,fc64,relu,fc10
 *
 * | token              | layer                                             |
 * |--------------------|---------------------------------------------------|
 * | `conv8k5s2p1`      | convolution, 8 filters of 5x5, stride 2, padding 1 (s, p optional) |
 * | `max2`, `avg3s2`   | max / average pooling, 2x2 (stride defaults to the kernel) |
 * | `relu` `tanh` `sigmoid` `lrelu` | an activation                        |
 * | `flat`             | flatten                                            |
 * | `fc64`             | fully connected, 64 outputs                        |
 * | `drop0.5`          | dropout with p = 0.5                               |
 *
 * Decoding checks only the spelling; whether the stack fits together is for
 * `checkArchitecture`, which names the layer at fault.
 */
import type { ActivationKind, LayerSpec } from '../../../src/training/config.ts';

const ACTIVATION_CODES: Readonly<Record<ActivationKind, string>> = {
  relu: 'relu',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  leakyRelu: 'lrelu',
};

/** One layer as its token. */
export function encodeLayer(layer: LayerSpec): string {
  switch (layer.type) {
    case 'conv':
      return `conv${layer.outChannels}k${layer.kernelSize}${layer.stride !== undefined && layer.stride !== 1 ? `s${layer.stride}` : ''}${layer.padding ? `p${layer.padding}` : ''}`;
    case 'pool':
      return `${layer.kind}${layer.kernelSize}${layer.stride !== undefined && layer.stride !== layer.kernelSize ? `s${layer.stride}` : ''}`;
    case 'activation':
      return ACTIVATION_CODES[layer.kind];
    case 'flatten':
      return 'flat';
    case 'linear':
      return `fc${layer.outFeatures}`;
    case 'dropout':
      return `drop${layer.p ?? 0.5}`;
  }
}

/** A stack as one line of tokens. */
export function encodeStack(layers: readonly LayerSpec[]): string {
  return layers.map(encodeLayer).join(',');
}

/** Reads one token; null when it is not one of the spellings above. */
export function decodeLayer(token: string): LayerSpec | null {
  let m = /^conv(\d{1,4})k(\d{1,2})(?:s(\d{1,2}))?(?:p(\d{1,2}))?$/.exec(token);
  if (m) {
    return {
      type: 'conv',
      outChannels: Number(m[1]),
      kernelSize: Number(m[2]),
      ...(m[3] !== undefined ? { stride: Number(m[3]) } : {}),
      ...(m[4] !== undefined ? { padding: Number(m[4]) } : {}),
    };
  }
  m = /^(max|avg)(\d{1,2})(?:s(\d{1,2}))?$/.exec(token);
  if (m) {
    return {
      type: 'pool',
      kind: m[1] as 'max' | 'avg',
      kernelSize: Number(m[2]),
      ...(m[3] !== undefined ? { stride: Number(m[3]) } : {}),
    };
  }
  const activation = (Object.keys(ACTIVATION_CODES) as ActivationKind[]).find((kind) => ACTIVATION_CODES[kind] === token);
  if (activation) return { type: 'activation', kind: activation };
  if (token === 'flat') return { type: 'flatten' };
  m = /^fc(\d{1,5})$/.exec(token);
  if (m) return { type: 'linear', outFeatures: Number(m[1]) };
  m = /^drop(0(?:\.\d{1,4})?)$/.exec(token);
  if (m) return { type: 'dropout', p: Number(m[1]) };
  return null;
}

/** Reads a whole line; null if any token is misspelt, or there are none, or too many to be sensible. */
export function decodeStack(text: string, maxLayers = 64): LayerSpec[] | null {
  const tokens = text.split(',').map((t) => t.trim());
  if (tokens.length === 0 || tokens.length > maxLayers || tokens.some((t) => t === '')) return null;
  const layers: LayerSpec[] = [];
  for (const token of tokens) {
    const layer = decodeLayer(token);
    if (!layer) return null;
    layers.push(layer);
  }
  return layers;
}
