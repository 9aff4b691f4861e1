/**
 * ConvLab weights files: a trained model's `stateDict`, its architecture and
 * how it was trained, in one small binary file (WEIGHTS_FORMAT.md, next to this file).
 *
 * | offset    | size | field                                              |
 * |-----------|------|----------------------------------------------------|
 * | 0         | 4    | magic, ASCII "CLWT"                                |
 * | 4         | 2    | format version (1), uint16 little-endian           |
 * | 6         | 2    | flags (0), reserved                                |
 * | 8         | 4    | header length H in bytes, uint32 LE (multiple of 4)|
 * | 12        | 4    | number of float32 values F, uint32 LE              |
 * | 16        | 4    | CRC-32 of bytes 20 .. end (header and payload)     |
 * | 20        | H    | header: UTF-8 JSON, padded with spaces             |
 * | 20 + H    | 4F   | payload: float32 little-endian, tensor after tensor|
 *
 * Reading checks everything before anything is used, and a file that fails
 * any check is refused with a message saying what is wrong with it.
 */
import { Tensor, numel } from '../engine/index.ts';
import type { nn } from '../engine/index.ts';
import { ArchitectureError, buildModel } from './architecture.ts';
import type { BuiltModel } from './architecture.ts';
import { checkTrainConfig } from './config.ts';
import type { ArchitectureSpec, TrainConfig, TrainDataset } from './config.ts';
import { crc32 } from './crc32.ts';

/** "CLWT" */
export const WEIGHTS_MAGIC = 'CLWT';
/** The version this code writes and reads. */
export const WEIGHTS_VERSION = 1;
/** Bytes before the JSON header. */
export const WEIGHTS_PREAMBLE_BYTES = 20;
/** Suggested file extension. */
export const WEIGHTS_EXTENSION = '.clw';
/** Largest header accepted: far more than any real one, small enough to refuse garbage quickly. */
const MAX_HEADER_BYTES = 1 << 20;

/** How the weights were made. */
export interface TrainingMeta {
  /** Epochs trained (a fraction when stopped mid-epoch). */
  epochs: number;
  /** Batches trained. */
  steps: number;
  /** Test accuracy (0..1) at the last evaluation, or null if never evaluated. */
  testAccuracy: number | null;
  seed: number;
  /** When the file was written, ISO 8601. */
  date: string;
}

/** One tensor of the payload. */
export interface TensorEntry {
  /** Dotted state-dict name ("features.0.weight"). */
  name: string;
  shape: number[];
  dtype: 'float32';
  /** Position of its first value in the payload, in floats. */
  offset: number;
}

/** The JSON header. */
export interface WeightsHeader {
  format: 'convlab-weights';
  architecture: ArchitectureSpec;
  dataset: TrainDataset;
  /** One image, [C, H, W]. */
  inputShape: number[];
  classes: string[];
  /** The whole run's config, so the trainer can carry on with the same settings. */
  config: TrainConfig;
  tensors: TensorEntry[];
  meta: TrainingMeta;
}

/** What `exportWeights` needs besides the model. */
export interface ExportInfo {
  config: TrainConfig;
  inputShape: readonly number[];
  classes: readonly string[];
  meta: TrainingMeta;
}

/** A checked weights file. */
export interface ImportedWeights {
  spec: ArchitectureSpec;
  config: TrainConfig;
  stateDict: Record<string, Tensor>;
  meta: TrainingMeta;
  header: WeightsHeader;
  /** A fresh model of the file's architecture, holding the file's weights. */
  built: BuiltModel;
}

/** A file that cannot be read as ConvLab weights; the message says why. */
export class WeightsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WeightsFileError';
  }
}

function refuse(message: string): never {
  throw new WeightsFileError(message);
}

/** 61706 -> "61,706" */
function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

/** The first bytes as text, unprintable ones as '.', for "got 'PK..'". */
function printable(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
}

/**
 * Writes `model`'s state dict (parameters and buffers, in state-dict order)
 * as a weights file.
 */
export function exportWeights(model: nn.Module, info: ExportInfo): Uint8Array {
  const state = model.stateDict();
  const tensors: TensorEntry[] = [];
  let floats = 0;
  for (const [name, t] of Object.entries(state)) {
    tensors.push({ name, shape: [...t.shape], dtype: 'float32', offset: floats });
    floats += t.data.length;
  }
  const header: WeightsHeader = {
    format: 'convlab-weights',
    architecture: info.config.architecture,
    dataset: info.config.dataset,
    inputShape: [...info.inputShape],
    classes: [...info.classes],
    config: info.config,
    tensors,
    meta: info.meta,
  };
  let json = new TextEncoder().encode(JSON.stringify(header));
  // Pad to a multiple of 4 so the payload is 4-byte aligned within the file.
  const padded = Math.ceil(json.length / 4) * 4;
  if (padded !== json.length) {
    const spaced = new Uint8Array(padded).fill(0x20);
    spaced.set(json);
    json = spaced;
  }
  const bytes = new Uint8Array(WEIGHTS_PREAMBLE_BYTES + json.length + floats * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < 4; i++) bytes[i] = WEIGHTS_MAGIC.charCodeAt(i);
  view.setUint16(4, WEIGHTS_VERSION, true);
  view.setUint16(6, 0, true);
  view.setUint32(8, json.length, true);
  view.setUint32(12, floats, true);
  bytes.set(json, WEIGHTS_PREAMBLE_BYTES);
  let at = WEIGHTS_PREAMBLE_BYTES + json.length;
  for (const entry of tensors) {
    for (const v of state[entry.name].data) {
      view.setFloat32(at, v, true);
      at += 4;
    }
  }
  view.setUint32(16, crc32(bytes.subarray(WEIGHTS_PREAMBLE_BYTES)), true);
  return bytes;
}

/**
 * Checks the container (magic, version, lengths, checksum) and parses and
 * checks the header, without building a model: enough to list a saved file.
 * Throws a {@link WeightsFileError} saying what is wrong.
 */
export function readWeightsHeader(bytes: Uint8Array): { header: WeightsHeader; payload: DataView; floats: number } {
  if (!(bytes instanceof Uint8Array)) refuse(`expected the file's bytes (a Uint8Array), got ${Object.prototype.toString.call(bytes)}`);
  const magic = bytes.subarray(0, 4);
  if (printable(magic) !== WEIGHTS_MAGIC || magic.length < 4) {
    refuse(`not a ConvLab weights file (expected magic ${WEIGHTS_MAGIC}, got '${printable(magic)}')`);
  }
  if (bytes.length < WEIGHTS_PREAMBLE_BYTES) {
    refuse(`file is truncated: ${bytes.length} bytes, shorter than the ${WEIGHTS_PREAMBLE_BYTES}-byte preamble`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== WEIGHTS_VERSION) {
    refuse(`unsupported weights file version ${version} (this version of ConvLab reads version ${WEIGHTS_VERSION})`);
  }
  const headerBytes = view.getUint32(8, true);
  const floats = view.getUint32(12, true);
  if (headerBytes > MAX_HEADER_BYTES || headerBytes % 4 !== 0) {
    refuse(`file is corrupt: header length ${grouped(headerBytes)} bytes is not a plausible header size`);
  }
  const available = bytes.length - WEIGHTS_PREAMBLE_BYTES;
  if (available < headerBytes) {
    refuse(`file is truncated: the header needs ${grouped(headerBytes)} bytes, only ${grouped(available)} follow the preamble`);
  }
  const payloadBytes = available - headerBytes;
  if (payloadBytes < floats * 4) {
    refuse(`file is truncated: header says ${grouped(floats)} floats, found ${grouped(Math.floor(payloadBytes / 4))}`);
  }
  if (payloadBytes > floats * 4) {
    refuse(`file is corrupt: ${grouped(payloadBytes - floats * 4)} unexpected bytes after the ${grouped(floats)} floats the header announces`);
  }
  const stored = view.getUint32(16, true);
  const computed = crc32(bytes.subarray(WEIGHTS_PREAMBLE_BYTES));
  if (stored !== computed) {
    refuse(
      `file is corrupt: checksum mismatch (CRC-32 stored 0x${stored.toString(16).padStart(8, '0')}, computed 0x${computed.toString(16).padStart(8, '0')})`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(WEIGHTS_PREAMBLE_BYTES, WEIGHTS_PREAMBLE_BYTES + headerBytes)));
  } catch (error) {
    refuse(`file header is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const header = checkHeader(parsed, floats);
  const payload = new DataView(bytes.buffer, bytes.byteOffset + WEIGHTS_PREAMBLE_BYTES + headerBytes, floats * 4);
  return { header, payload, floats };
}

function checkHeader(parsed: unknown, floats: number): WeightsHeader {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) refuse('file header must be a JSON object');
  const h = parsed as Partial<WeightsHeader>;
  if (h.format !== 'convlab-weights') refuse(`file header has format ${JSON.stringify(h.format)}, expected "convlab-weights"`);
  if (typeof h.config !== 'object' || h.config === null) refuse('file header has no training config');
  try {
    checkTrainConfig(h.config);
  } catch (error) {
    refuse(`file header has an invalid config: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (JSON.stringify(h.architecture) !== JSON.stringify(h.config.architecture) || h.dataset !== h.config.dataset) {
    refuse('file header is inconsistent: its architecture or dataset differs from its config');
  }
  if (!Array.isArray(h.inputShape) || h.inputShape.length !== 3 || !h.inputShape.every((d) => Number.isInteger(d) && d > 0)) {
    refuse(`file header has an invalid inputShape ${JSON.stringify(h.inputShape)}`);
  }
  if (!Array.isArray(h.classes) || h.classes.length < 1 || !h.classes.every((c) => typeof c === 'string')) {
    refuse('file header has an invalid list of classes');
  }
  const m = h.meta as Partial<TrainingMeta> | undefined;
  const validMeta =
    typeof m === 'object' && m !== null &&
    typeof m.epochs === 'number' && m.epochs >= 0 &&
    Number.isInteger(m.steps) && (m.steps as number) >= 0 &&
    (m.testAccuracy === null || (typeof m.testAccuracy === 'number' && m.testAccuracy >= 0 && m.testAccuracy <= 1)) &&
    Number.isInteger(m.seed) && typeof m.date === 'string';
  if (!validMeta) refuse(`file header has invalid training metadata ${JSON.stringify(m)}`);
  if (!Array.isArray(h.tensors)) refuse('file header has no list of tensors');
  let expectedOffset = 0;
  for (const [i, t] of h.tensors.entries()) {
    const where = `tensor ${i} (${JSON.stringify(t?.name)})`;
    if (typeof t?.name !== 'string' || t.name === '') refuse(`file header: tensor ${i} has no name`);
    if (t.dtype !== 'float32') refuse(`file header: ${where} has dtype ${JSON.stringify(t.dtype)}; only float32 is supported`);
    if (!Array.isArray(t.shape) || !t.shape.every((d) => Number.isInteger(d) && d >= 0)) {
      refuse(`file header: ${where} has an invalid shape ${JSON.stringify(t.shape)}`);
    }
    if (t.offset !== expectedOffset) refuse(`file header: ${where} starts at float ${t.offset}, expected ${expectedOffset}`);
    expectedOffset += numel(t.shape);
  }
  if (expectedOffset !== floats) {
    refuse(`file is corrupt: its tensors hold ${grouped(expectedOffset)} floats but the preamble says ${grouped(floats)}`);
  }
  return h as WeightsHeader;
}

/**
 * Reads a weights file completely: the container and header (see
 * {@link readWeightsHeader}), then builds a fresh model of the file's
 * architecture and checks that every tensor name and shape matches it, and
 * loads the weights into that fresh model. Nothing outside the returned
 * objects is touched, so a caller swaps its model only on success.
 */
export function importWeights(bytes: Uint8Array): ImportedWeights {
  const { header, payload } = readWeightsHeader(bytes);
  let built: BuiltModel;
  try {
    built = buildModel(header.architecture, { seed: header.meta.seed, inputShape: header.inputShape, numClasses: header.classes.length });
  } catch (error) {
    const reason = error instanceof ArchitectureError ? error.message : String(error);
    refuse(`the file's architecture cannot be built: ${reason}`);
  }
  const stateDict: Record<string, Tensor> = {};
  for (const entry of header.tensors) {
    const data = new Float32Array(numel(entry.shape));
    for (let i = 0; i < data.length; i++) data[i] = payload.getFloat32((entry.offset + i) * 4, true);
    stateDict[entry.name] = new Tensor(data, entry.shape);
  }
  checkAgainstModel(stateDict, built.model);
  for (const [name, t] of Object.entries(stateDict)) {
    if (!t.data.every(Number.isFinite)) refuse(`file holds non-finite values (NaN or infinity) in '${name}': the model it saved had diverged`);
  }
  built.model.loadStateDict(stateDict);
  return { spec: header.architecture, config: header.config, stateDict, meta: header.meta, header, built };
}

/** Names and shapes of a state dict against a model, with a readable list of differences. */
function checkAgainstModel(state: Record<string, Tensor>, model: nn.Module): void {
  const expected = model.stateDict();
  const problems: string[] = [];
  for (const [name, t] of Object.entries(expected)) {
    const got = state[name];
    if (!got) problems.push(`'${name}' is missing`);
    else if (got.shape.length !== t.shape.length || got.shape.some((d, i) => d !== t.shape[i])) {
      problems.push(`'${name}' has shape [${got.shape.join(', ')}] in the file, [${t.shape.join(', ')}] in the model`);
    }
  }
  for (const name of Object.keys(state)) if (!(name in expected)) problems.push(`'${name}' is not part of the model`);
  if (problems.length > 0) refuse(`the weights do not match the file's architecture: ${problems.join('; ')}`);
}
