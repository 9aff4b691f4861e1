/**
 * The four trainers the training bench races, behind one small interface: the
 * same LeNet-5 (conv 6@5x5 pad 2, tanh, max pool 2, conv 16@5x5, tanh, max pool 2,
 * full 120 tanh, full 84 tanh, full 10, softmax cross-entropy), the same
 * standardised MNIST images in the same order, SGD with the same momentum and
 * learning rate, batches of 64. Each library keeps its own weight initialisation
 * (PyTorch's for ours, Glorot for TF.js, ConvNetJS's own).
 */
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { RawImageSet } from '../../src/engine/datasets/format.ts';
import { DATASET_SCALING } from '../../src/training/config.ts';
import type { TrainConfig } from '../../src/training/config.ts';
import { Trainer } from '../../src/training/trainer.ts';
import { listBackends, ready, withBackend } from '../../src/engine/index.ts';

/** What the bench asks of each library. */
export interface Contender {
  readonly name: string;
  /** Trains one batch: the training images at `indices` (a subarray of the epoch's order). */
  step(indices: Uint32Array): Promise<void> | void;
  /** Accuracy (0..1) on the test set. */
  accuracy(): Promise<number> | number;
  dispose?(): void;
}

/** The images both sides see, and a way to fetch a standardised batch. */
export interface BenchData {
  train: RawImageSet;
  test: RawImageSet;
  config: TrainConfig;
}

const PIXELS = 28 * 28;

/** Standardised pixels of images `indices` of `set`, one after another (as the engine's trainer makes them). */
export function standardised(set: RawImageSet, indices: ArrayLike<number>, out?: Float32Array): Float32Array {
  const { mean, std } = DATASET_SCALING.mnist;
  const data = out ?? new Float32Array(indices.length * PIXELS);
  const scale = 1 / (255 * std);
  const shift = mean / std;
  for (let j = 0; j < indices.length; j++) {
    const src = indices[j] * PIXELS;
    for (let p = 0; p < PIXELS; p++) data[j * PIXELS + p] = set.pixels[src + p] * scale - shift;
  }
  return data;
}

function allIndices(count: number): Uint32Array {
  return Uint32Array.from({ length: count }, (_, i) => i);
}

// ---------------------------------------------------------------------------
// Ours

/**
 * ConvLab's trainer, exactly as the site's worker runs it, on the engine's
 * `wasm` backend (what the worker gets from `ready()`) or its `fast` one. It
 * walks its own seeded order, which is the order the bench hands the others.
 */
export async function convlabContender(data: BenchData, backend: 'wasm' | 'fast' = 'wasm'): Promise<Contender & { trainer: Trainer }> {
  await ready();
  if (!listBackends().includes(backend)) throw new Error(`the engine has no '${backend}' backend in this runtime`);
  const trainer = withBackend(backend, () => new Trainer(data.config, { train: data.train, test: data.test }));
  return {
    name: `ConvLab (${backend})`,
    trainer,
    step(indices) {
      const report = withBackend(backend, () => trainer.trainStep());
      if (report.count !== indices.length) throw new Error(`ConvLab trained ${report.count} images where the bench expected ${indices.length}`);
    },
    accuracy: () => withBackend(backend, () => trainer.evaluate().accuracy),
  };
}

// ---------------------------------------------------------------------------
// TF.js

let wasmReady = false;

/**
 * TF.js's WASM backend has no kernel for the filter gradient of a 2-D
 * convolution (`Conv2DBackpropFilter`), so training a ConvNet on it fails. This
 * supplies one built from the backend's own Conv2D, for stride 1 (all LeNet-5
 * needs): dW[kh, kw, ci, co] = sum over n, oh, ow of x[n, oh+kh-p, ow+kw-p, ci] dy[n, oh, ow, co]
 * is a convolution of x with dy in which the batch plays the role of channels.
 */
function registerWasmFilterGradient(): void {
  tf.registerKernel({
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, attrs, backend }) => {
      const { strides, pad, dataFormat, filterShape } = attrs as unknown as {
        strides: number | [number, number];
        pad: 'same' | 'valid' | number;
        dataFormat: string;
        filterShape: [number, number, number, number];
      };
      const [sh, sw] = typeof strides === 'number' ? [strides, strides] : strides;
      if (sh !== 1 || sw !== 1 || dataFormat !== 'NHWC' || typeof pad !== 'string') {
        throw new Error('bench: the WASM filter gradient stand-in handles stride 1, NHWC, same/valid padding only');
      }
      const [kh, kw] = filterShape;
      // Composed from the backend's own kernels, as TF.js backends build kernels from kernels.
      const run = (name: string, kernelInputs: tf.NamedTensorInfoMap, kernelAttrs: tf.NamedAttrMap) =>
        tf.getKernel(name, 'wasm')!.kernelFunc({ inputs: kernelInputs, backend, attrs: kernelAttrs }) as tf.TensorInfo;
      const free = (...infos: tf.TensorInfo[]) => infos.forEach((info) => (backend as tf.KernelBackend).disposeData(info.dataId));
      // x as [Cin, H, W, N]: Cin images of N channels; dy as [Hout, Wout, N, Cout] filters.
      const images = run('Transpose', { x: inputs.x as tf.TensorInfo }, { perm: [3, 1, 2, 0] });
      const filters = run('Transpose', { x: inputs.dy as tf.TensorInfo }, { perm: [1, 2, 0, 3] });
      const [top, left] = pad === 'same' ? [Math.floor((kh - 1) / 2), Math.floor((kw - 1) / 2)] : [0, 0];
      const [bottom, right] = pad === 'same' ? [kh - 1 - top, kw - 1 - left] : [0, 0];
      const padded = run('PadV2', { x: images }, { paddings: [[0, 0], [top, bottom], [left, right], [0, 0]], constantValue: 0 });
      const grad = run('Conv2D', { x: padded, filter: filters }, { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined } as unknown as tf.NamedAttrMap);
      const result = run('Transpose', { x: grad }, { perm: [1, 2, 0, 3] }); // [kh, kw, Cin, Cout]
      free(images, filters, padded, grad);
      return result;
    },
  });
}

/** Starts a TF.js backend; the WASM one with SIMD and a single thread (its threaded build does not start under Node). */
export async function useTfBackend(name: 'cpu' | 'wasm'): Promise<{ simd: boolean }> {
  if (name === 'wasm' && !wasmReady) {
    const require = createRequire(import.meta.url);
    const wasmDir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm'));
    setWasmPaths(wasmDir + path.sep);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    registerWasmFilterGradient();
    wasmReady = true;
  }
  if (!(await tf.setBackend(name))) throw new Error(`TF.js backend '${name}' failed to start`);
  await tf.ready();
  return { simd: name === 'wasm' && tf.env().getBool('WASM_HAS_SIMD_SUPPORT') };
}

/** LeNet-5 in TF.js layers (NHWC; with one channel the pixel order is the same as NCHW). */
function tfLenet(seed: number): tf.Sequential {
  const init = (k: number) => tf.initializers.glorotUniform({ seed: seed + k });
  const model = tf.sequential();
  model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 6, kernelSize: 5, padding: 'same', activation: 'tanh', kernelInitializer: init(1) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  model.add(tf.layers.conv2d({ filters: 16, kernelSize: 5, padding: 'valid', activation: 'tanh', kernelInitializer: init(2) }));
  model.add(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 120, activation: 'tanh', kernelInitializer: init(3) }));
  model.add(tf.layers.dense({ units: 84, activation: 'tanh', kernelInitializer: init(4) }));
  model.add(tf.layers.dense({ units: 10, kernelInitializer: init(5) }));
  return model;
}

/** TF.js on its plain-JavaScript ('cpu') or WebAssembly backend. */
export async function tfContender(backend: 'cpu' | 'wasm', data: BenchData): Promise<Contender> {
  await useTfBackend(backend);
  const model = tfLenet(data.config.seed);
  const { lr, momentum } = data.config.optimizer;
  const optimizer = tf.train.momentum(lr, momentum);
  const testImages = standardised(data.test, allIndices(data.test.count));
  return {
    name: backend === 'cpu' ? 'TF.js CPU' : 'TF.js WASM',
    step(indices) {
      const x = standardised(data.train, indices);
      const labels = Int32Array.from(indices, (i) => data.train.labels[i]);
      tf.tidy(() => {
        const xs = tf.tensor4d(x, [indices.length, 28, 28, 1]);
        const ys = tf.oneHot(tf.tensor1d(labels, 'int32'), 10);
        const cost = optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, model.apply(xs) as tf.Tensor) as tf.Scalar, true);
        // Reading the loss waits for the step to finish, as our trainer's loss.item() does.
        cost?.dataSync();
      });
    },
    accuracy() {
      let right = 0;
      const chunk = 500;
      for (let from = 0; from < data.test.count; from += chunk) {
        const count = Math.min(chunk, data.test.count - from);
        const predicted = tf.tidy(() => {
          const xs = tf.tensor4d(testImages.subarray(from * PIXELS, (from + count) * PIXELS), [count, 28, 28, 1]);
          return (model.predict(xs) as tf.Tensor).argMax(1).dataSync();
        });
        for (let i = 0; i < count; i++) if (predicted[i] === data.test.labels[from + i]) right++;
      }
      return right / data.test.count;
    },
    dispose() {
      model.dispose();
      optimizer.dispose();
    },
  };
}

// ---------------------------------------------------------------------------
// ConvNetJS

interface ConvnetVol {
  w: Float64Array | number[];
}
interface ConvnetJs {
  Net: new () => { makeLayers(defs: object[]): void; forward(v: ConvnetVol, training?: boolean): ConvnetVol };
  Trainer: new (net: unknown, options: object) => { train(v: ConvnetVol, label: number): unknown };
  Vol: new (sx: number, sy: number, depth: number, c: number) => ConvnetVol;
}

/** ConvNetJS (the classic in-browser ConvNet demo's library): one image at a time, updates every 64. */
export function convnetContender(data: BenchData): Contender {
  const require = createRequire(import.meta.url);
  const convnet = require('convnetjs') as ConvnetJs;
  const net = new convnet.Net();
  net.makeLayers([
    { type: 'input', out_sx: 28, out_sy: 28, out_depth: 1 },
    { type: 'conv', sx: 5, filters: 6, stride: 1, pad: 2, activation: 'tanh' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'conv', sx: 5, filters: 16, stride: 1, pad: 0, activation: 'tanh' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'fc', num_neurons: 120, activation: 'tanh' },
    { type: 'fc', num_neurons: 84, activation: 'tanh' },
    // ConvNetJS puts the final 10-way full layer in front of the softmax itself.
    { type: 'softmax', num_classes: 10 },
  ]);
  const { lr, momentum } = data.config.optimizer;
  const trainer = new convnet.Trainer(net, { method: 'sgd', learning_rate: lr, momentum, batch_size: data.config.batchSize, l2_decay: 0 });
  const vol = new convnet.Vol(28, 28, 1, 0);
  const image = new Float32Array(PIXELS);
  const setImage = (set: RawImageSet, index: number) => {
    standardised(set, [index], image);
    for (let p = 0; p < PIXELS; p++) vol.w[p] = image[p];
  };
  return {
    name: 'ConvNetJS',
    step(indices) {
      for (const i of indices) {
        setImage(data.train, i);
        trainer.train(vol, data.train.labels[i]);
      }
    },
    accuracy() {
      let right = 0;
      for (let i = 0; i < data.test.count; i++) {
        setImage(data.test, i);
        const out = net.forward(vol, false).w;
        let best = 0;
        for (let c = 1; c < 10; c++) if (out[c] > out[best]) best = c;
        if (best === data.test.labels[i]) right++;
      }
      return right / data.test.count;
    },
  };
}
