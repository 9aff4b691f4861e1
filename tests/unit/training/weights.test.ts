import { describe, expect, it } from 'vitest';
import { Tensor, noGrad, randn } from '../../../src/engine/index.ts';
import { buildModel } from '../../../src/training/architecture.ts';
import { DEFAULT_STACK, DEFAULT_TRAIN_CONFIG } from '../../../src/training/config.ts';
import type { TrainConfig } from '../../../src/training/config.ts';
import { crc32 } from '../../../src/training/crc32.ts';
import {
  WEIGHTS_PREAMBLE_BYTES,
  WeightsFileError,
  exportWeights,
  importWeights,
  readWeightsHeader,
} from '../../../src/training/weights.ts';
import type { ExportInfo, WeightsHeader } from '../../../src/training/weights.ts';

const CONFIG: TrainConfig = structuredClone(DEFAULT_TRAIN_CONFIG) as TrainConfig;
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

function info(config: TrainConfig = CONFIG): ExportInfo {
  return {
    config,
    inputShape: [1, 28, 28],
    classes: DIGITS,
    meta: { epochs: 1.5, steps: 1406, testAccuracy: 0.9812, seed: config.seed, date: '2025-01-02T03:04:05.000Z' },
  };
}

/** A LeNet-5 whose weights differ from a fresh one's (as after training). */
function trainedLenet() {
  const { model } = buildModel(CONFIG.architecture, { seed: 11 });
  for (const [i, p] of model.parameters().entries()) for (let j = 0; j < p.data.length; j++) p.data[j] += Math.sin(i * 7 + j) * 0.01;
  return model;
}

function predictions(model: { forward(x: Tensor): Tensor; eval(): unknown }, x: Tensor): Float32Array {
  model.eval();
  return noGrad(() => model.forward(x)).data;
}

/** Rewrites the header JSON of a file (and its lengths and checksum), as a crafted file would. */
function withHeader(bytes: Uint8Array, edit: (header: WeightsHeader) => unknown, raw?: string): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(WEIGHTS_PREAMBLE_BYTES, WEIGHTS_PREAMBLE_BYTES + headerLength)));
  let text = raw ?? JSON.stringify(edit(header));
  while (text.length % 4 !== 0) text += ' ';
  const json = new TextEncoder().encode(text);
  const payload = bytes.subarray(WEIGHTS_PREAMBLE_BYTES + headerLength);
  const out = new Uint8Array(WEIGHTS_PREAMBLE_BYTES + json.length + payload.length);
  out.set(bytes.subarray(0, WEIGHTS_PREAMBLE_BYTES));
  out.set(json, WEIGHTS_PREAMBLE_BYTES);
  out.set(payload, WEIGHTS_PREAMBLE_BYTES + json.length);
  const outView = new DataView(out.buffer);
  outView.setUint32(8, json.length, true);
  outView.setUint32(16, crc32(out.subarray(WEIGHTS_PREAMBLE_BYTES)), true);
  return out;
}

describe('CRC-32', () => {
  it('matches the standard check value and continues across pieces', () => {
    const bytes = new TextEncoder().encode('123456789');
    expect(crc32(bytes)).toBe(0xcbf43926);
    expect(crc32(bytes.subarray(4), crc32(bytes.subarray(0, 4)))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('weights files', () => {
  const model = trainedLenet();
  const bytes = exportWeights(model, info());

  it('lays out magic, version, lengths, checksum, aligned header and payload', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('CLWT');
    expect(view.getUint16(4, true)).toBe(1);
    const headerLength = view.getUint32(8, true);
    expect(headerLength % 4).toBe(0);
    expect(view.getUint32(12, true)).toBe(61_706);
    expect(bytes.length).toBe(WEIGHTS_PREAMBLE_BYTES + headerLength + 61_706 * 4);
    expect(view.getUint32(16, true)).toBe(crc32(bytes.subarray(WEIGHTS_PREAMBLE_BYTES)));
    // The first payload float is the first value of the first tensor, little-endian.
    const first = model.stateDict()['features.0.weight'].data[0];
    expect(view.getFloat32(WEIGHTS_PREAMBLE_BYTES + headerLength, true)).toBe(first);
  });

  it('keeps the architecture, dataset, names, shapes and training metadata in the header', () => {
    const { header } = readWeightsHeader(bytes);
    expect(header.architecture).toEqual(CONFIG.architecture);
    expect(header.dataset).toBe('mnist');
    expect(header.config).toEqual(CONFIG);
    expect(header.meta).toEqual(info().meta);
    expect(header.tensors[0]).toEqual({ name: 'features.0.weight', shape: [6, 1, 5, 5], dtype: 'float32', offset: 0 });
    expect(header.tensors.map((t) => t.name)).toEqual(Object.keys(model.stateDict()));
  });

  it('round-trips to a fresh model that predicts exactly the same', () => {
    const x = randn([4, 1, 28, 28], { seed: 9 });
    const loaded = importWeights(bytes);
    expect(loaded.meta).toEqual(info().meta);
    expect(loaded.spec).toEqual(CONFIG.architecture);
    expect(Object.keys(loaded.stateDict)).toEqual(Object.keys(model.stateDict()));
    expect(predictions(loaded.built.model, x)).toEqual(predictions(model, x));
  });

  it('round-trips an edited stack with dropout too', () => {
    const config = { ...CONFIG, architecture: { kind: 'stack' as const, layers: [...DEFAULT_STACK.layers.slice(0, 8), { type: 'dropout' as const, p: 0.3 }, ...DEFAULT_STACK.layers.slice(8)] } };
    const { model: stackModel } = buildModel(config.architecture, { seed: 4 });
    const file = exportWeights(stackModel, info(config));
    const x = randn([3, 1, 28, 28], { seed: 2 });
    expect(predictions(importWeights(file).built.model, x)).toEqual(predictions(stackModel, x));
  });

  describe('refuses every kind of bad file with its own message', () => {
    const refuses = (file: Uint8Array, message: string | RegExp) => {
      expect(() => importWeights(file)).toThrow(WeightsFileError);
      expect(() => importWeights(file)).toThrow(message);
    };

    it('wrong magic: a zip file, a PNG, an empty file', () => {
      refuses(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), "not a ConvLab weights file (expected magic CLWT, got 'PK..')");
      refuses(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "not a ConvLab weights file (expected magic CLWT, got '.PNG')");
      refuses(new Uint8Array(0), "not a ConvLab weights file (expected magic CLWT, got '')");
    });

    it('an unknown version', () => {
      const v2 = bytes.slice();
      new DataView(v2.buffer).setUint16(4, 2, true);
      refuses(v2, 'unsupported weights file version 2 (this version of ConvLab reads version 1)');
    });

    it('truncated in the payload: says how many floats the header promised and how many are there', () => {
      const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
      refuses(bytes.slice(0, WEIGHTS_PREAMBLE_BYTES + headerLength + 12_000 * 4), 'file is truncated: header says 61,706 floats, found 12,000');
    });

    it('truncated in the header or the preamble', () => {
      refuses(bytes.slice(0, 100), /^file is truncated: the header needs [\d,]+ bytes, only 80 follow the preamble$/);
      refuses(bytes.slice(0, 10), 'file is truncated: 10 bytes, shorter than the 20-byte preamble');
    });

    it('bytes after the payload', () => {
      const longer = new Uint8Array(bytes.length + 8);
      longer.set(bytes);
      refuses(longer, 'file is corrupt: 8 unexpected bytes after the 61,706 floats the header announces');
    });

    it('a flipped byte in the payload or the header: checksum mismatch', () => {
      const flipped = bytes.slice();
      flipped[flipped.length - 3] ^= 0x40;
      refuses(flipped, /^file is corrupt: checksum mismatch \(CRC-32 stored 0x[0-9a-f]{8}, computed 0x[0-9a-f]{8}\)$/);
      const inHeader = bytes.slice();
      inHeader[WEIGHTS_PREAMBLE_BYTES + 5] ^= 0x01;
      refuses(inHeader, /checksum mismatch/);
    });

    it('a header that is not JSON (with a valid checksum)', () => {
      refuses(withHeader(bytes, () => null, '{"format": "convlab-weights", tensors: oops'), /^file header is not valid JSON: /);
    });

    it('a header that is JSON but not ours', () => {
      refuses(withHeader(bytes, (h) => ({ ...h, format: 'safetensors' })), 'file header has format "safetensors", expected "convlab-weights"');
      refuses(withHeader(bytes, (h) => ({ ...h, meta: { ...h.meta, testAccuracy: 3 } })), /invalid training metadata/);
      refuses(withHeader(bytes, (h) => ({ ...h, tensors: h.tensors.map((t, i) => (i === 1 ? { ...t, dtype: 'float16' } : t)) })), /tensor 1 \("features.0.bias"\) has dtype "float16"/);
    });

    it('tensor shapes that do not add up to the payload', () => {
      refuses(
        withHeader(bytes, (h) => ({ ...h, tensors: h.tensors.map((t, i) => (i === 0 ? { ...t, shape: [6, 1, 5, 4] } : t)) })),
        /tensor 1 \("features.0.bias"\) starts at float 150, expected 120/,
      );
    });

    it('names and shapes that do not match the architecture', () => {
      // A header naming another architecture: the file's tensors are not that model's.
      const stackArch = { kind: 'stack', layers: [{ type: 'flatten' }, { type: 'linear', outFeatures: 10 }] };
      refuses(
        withHeader(bytes, (h) => ({ ...h, architecture: stackArch, config: { ...h.config, architecture: stackArch } })),
        /^the weights do not match the file's architecture: '1.weight' is missing; '1.bias' is missing; 'features.0.weight' is not part of the model/,
      );
      const shapes = withHeader(bytes, (h) => {
        const tensors = h.tensors.map((t) => ({ ...t }));
        // Same number of values, so the payload still adds up; only the shape is wrong.
        const a = tensors.findIndex((t) => t.name === 'classifier.0.bias');
        tensors[a].shape = [12, 10];
        return { ...h, tensors };
      });
      refuses(shapes, "the weights do not match the file's architecture: 'classifier.0.bias' has shape [12, 10] in the file, [120] in the model");
    });

    it('an architecture that cannot be built', () => {
      const broken = { kind: 'stack', layers: [{ type: 'linear', outFeatures: 10 }] };
      refuses(
        withHeader(bytes, (h) => ({ ...h, architecture: broken, config: { ...h.config, architecture: broken } })),
        /^the file's architecture cannot be built: layer 0 \(linear\)/,
      );
    });

    it('weights that hold NaN', () => {
      const { model: m } = buildModel(CONFIG.architecture, { seed: 1 });
      m.parameters()[0].data[3] = NaN;
      refuses(exportWeights(m, info()), /non-finite values .* in 'features.0.weight'/);
    });
  });
});
