/**
 * `.safetensors` files: the format Hugging Face's `safetensors` library and, through
 * it, much of the PyTorch world use to store a state dict without pickle.
 *
 * | bytes       | what                                                            |
 * |-------------|-----------------------------------------------------------------|
 * | 0 .. 8      | N, the header's length in bytes, unsigned 64-bit little-endian  |
 * | 8 .. 8+N    | header: a UTF-8 JSON object, may end in spaces                   |
 * | 8+N .. end  | the byte buffer: every tensor's values, little-endian, row-major |
 *
 * The header maps each tensor's name to `{"dtype": "F32", "shape": [6, 1, 5, 5],
 * "data_offsets": [begin, end]}` (offsets into the byte buffer, end exclusive) and
 * may hold `"__metadata__"`, an object of string values. The tensors must cover
 * the buffer exactly: no gaps, no overlaps.
 *
 * Reading treats the file as untrusted: every length and offset is checked
 * before it is used, and a file that fails a check is refused as a whole with a
 * message saying what is wrong. Written from the format's description, not from
 * any implementation of it.
 */
import { Tensor, formatShape, numel } from '../tensor.ts';
import type { Module, TensorData } from '../nn/module.ts';

/** The largest header accepted (the reference implementation's limit, 100 MB). */
export const MAX_HEADER_BYTES = 100_000_000;

/** Element types of the format, with their sizes in bytes. */
export const DTYPE_BYTES: Readonly<Record<string, number>> = {
  BOOL: 1, U8: 1, I8: 1, F8_E5M2: 1, F8_E4M3: 1, I16: 2, U16: 2, F16: 2, BF16: 2,
  I32: 4, U32: 4, F32: 4, F64: 8, I64: 8, U64: 8,
};

/** The dtypes read into the engine's float32 (integers and other floats are converted, as load_state_dict's copy_ does). */
const READABLE = ['F32', 'F64', 'F16', 'BF16', 'I64', 'I32', 'I16', 'I8', 'U8'];

/** A file that cannot be read as safetensors, or tensors that do not fit a model. */
export class SafetensorsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SafetensorsError';
  }
}

function refuse(message: string): never {
  throw new SafetensorsError(message);
}

/** One tensor as read from a file: its values as float32, and the dtype the file stored. */
export interface SafetensorsEntry extends TensorData {
  readonly shape: number[];
  readonly data: Float32Array;
  /** The file's dtype ("F32", "I64", ...). */
  readonly dtype: string;
}

/** What `readSafetensors` returns. */
export interface SafetensorsFile {
  /** The tensors in header order. */
  tensors: Record<string, SafetensorsEntry>;
  /** `__metadata__`, or {} when the file has none. */
  metadata: Record<string, string>;
}

/** A tensor to write: values and shape, and optionally the dtype to store (default F32). */
export interface SafetensorsInput {
  shape: readonly number[];
  data: ArrayLike<number>;
  dtype?: 'F32' | 'I64';
}

/** IEEE half precision to a number. */
function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

function decode(view: DataView, at: number, count: number, dtype: string): Float32Array {
  const out = new Float32Array(count);
  const size = DTYPE_BYTES[dtype];
  for (let i = 0; i < count; i++) {
    const o = at + i * size;
    switch (dtype) {
      case 'F32': out[i] = view.getFloat32(o, true); break;
      case 'F64': out[i] = view.getFloat64(o, true); break;
      case 'F16': out[i] = halfToNumber(view.getUint16(o, true)); break;
      case 'BF16': out[i] = new Float32Array(new Uint32Array([view.getUint16(o, true) << 16]).buffer)[0]; break;
      case 'I64': out[i] = Number(view.getBigInt64(o, true)); break;
      case 'I32': out[i] = view.getInt32(o, true); break;
      case 'I16': out[i] = view.getInt16(o, true); break;
      case 'I8': out[i] = view.getInt8(o); break;
      case 'U8': out[i] = view.getUint8(o); break;
    }
  }
  return out;
}

/**
 * Reads a safetensors file. Throws a {@link SafetensorsError} naming the first
 * problem: too short, a header length past the end (or over 100 MB), a header
 * that is not a JSON object, an unknown or unsupported dtype, offsets that do
 * not match the shape or leave gaps, overlap or run past the end.
 */
export function readSafetensors(bytes: Uint8Array): SafetensorsFile {
  if (!(bytes instanceof Uint8Array)) refuse(`expected the file's bytes (a Uint8Array), got ${Object.prototype.toString.call(bytes)}`);
  if (bytes.length < 8) refuse(`not a safetensors file: ${bytes.length} bytes, fewer than the 8 that give the header's length`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const declared = view.getBigUint64(0, true);
  if (declared > BigInt(MAX_HEADER_BYTES)) {
    refuse(`not a safetensors file, or a corrupt one: its first 8 bytes give a header of ${declared.toLocaleString('en-US')} bytes, over the 100 MB limit`);
  }
  const headerBytes = Number(declared);
  if (8 + headerBytes > bytes.length) {
    refuse(`file is truncated: the header needs ${headerBytes.toLocaleString('en-US')} bytes, only ${(bytes.length - 8).toLocaleString('en-US')} follow the length`);
  }
  if (headerBytes < 2 || bytes[8] !== 0x7b) refuse("not a safetensors file: the header does not start with '{'");
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(8, 8 + headerBytes)));
  } catch (error) {
    refuse(`the header is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) refuse('the header is not a JSON object');
  const header = parsed as Record<string, unknown>;
  const bufferStart = 8 + headerBytes;
  const bufferLength = bytes.length - bufferStart;
  const metadata: Record<string, string> = {};
  if (Object.hasOwn(header, '__metadata__')) {
    const m = header.__metadata__;
    if (typeof m !== 'object' || m === null || Array.isArray(m) || !Object.values(m).every((v) => typeof v === 'string')) {
      refuse('__metadata__ must be an object whose values are strings');
    }
    Object.assign(metadata, m);
  }
  const ranges: { name: string; begin: number; end: number }[] = [];
  const infos: { name: string; dtype: string; shape: number[]; begin: number; end: number }[] = [];
  for (const [name, info] of Object.entries(header)) {
    if (name === '__metadata__') continue;
    const where = `tensor '${name}'`;
    if (typeof info !== 'object' || info === null) refuse(`${where}: its entry is not an object`);
    const { dtype, shape, data_offsets: offsets } = info as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (typeof dtype !== 'string' || !Object.hasOwn(DTYPE_BYTES, dtype)) {
      refuse(`${where}: unknown dtype ${JSON.stringify(dtype)} (the format's dtypes are ${Object.keys(DTYPE_BYTES).join(', ')})`);
    }
    if (!READABLE.includes(dtype)) {
      refuse(`${where}: dtype ${dtype} cannot be read as numbers for a model (readable: ${READABLE.join(', ')})`);
    }
    if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
      refuse(`${where}: shape must be a list of whole numbers, got ${JSON.stringify(shape)}`);
    }
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isSafeInteger(o) && o >= 0) || offsets[0] > offsets[1]) {
      refuse(`${where}: data_offsets must be [begin, end] with begin <= end, got ${JSON.stringify(offsets)}`);
    }
    const [begin, end] = offsets as [number, number];
    const expected = numel(shape as number[]) * DTYPE_BYTES[dtype];
    if (end - begin !== expected) {
      refuse(`${where}: ${dtype} ${formatShape(shape as number[])} needs ${expected} bytes, but its data_offsets [${begin}, ${end}] span ${end - begin}`);
    }
    if (end > bufferLength) refuse(`file is truncated: ${where} ends at byte ${end} of the data, which has ${bufferLength}`);
    ranges.push({ name, begin, end });
    infos.push({ name, dtype, shape: shape as number[], begin, end });
  }
  // The tensors must tile the buffer: sorted by start, each begins where the last ended.
  ranges.sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (const r of ranges) {
    if (r.begin < at) refuse(`tensor '${r.name}' overlaps the tensor before it (it begins at byte ${r.begin}, before ${at})`);
    if (r.begin > at) refuse(`bytes ${at} to ${r.begin} of the data belong to no tensor`);
    at = r.end;
  }
  if (at !== bufferLength) refuse(`${bufferLength - at} bytes after the last tensor belong to no tensor`);
  const tensors: Record<string, SafetensorsEntry> = {};
  for (const t of infos) {
    tensors[t.name] = { dtype: t.dtype, shape: [...t.shape], data: decode(view, bufferStart + t.begin, numel(t.shape), t.dtype) };
  }
  return { tensors, metadata };
}

/**
 * Writes tensors (in the given order) and string metadata as a safetensors
 * file. The header is padded with spaces so the data starts on an 8-byte boundary.
 */
export function writeSafetensors(tensors: Record<string, SafetensorsInput>, metadata: Record<string, string> = {}): Uint8Array {
  const header: Record<string, unknown> = {};
  if (Object.keys(metadata).length > 0) header.__metadata__ = { ...metadata };
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    if (name === '__metadata__') throw new SafetensorsError("a tensor cannot be named '__metadata__'");
    const dtype = t.dtype ?? 'F32';
    const bytes = numel(t.shape) * DTYPE_BYTES[dtype];
    if (t.data.length !== numel(t.shape)) {
      throw new SafetensorsError(`tensor '${name}': shape ${formatShape(t.shape)} holds ${numel(t.shape)} values, got ${t.data.length}`);
    }
    header[name] = { dtype, shape: [...t.shape], data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const spaced = new Uint8Array(padded).fill(0x20);
    spaced.set(json);
    json = spaced;
  }
  const out = new Uint8Array(8 + json.length + offset);
  const view = new DataView(out.buffer);
  view.setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let at = 8 + json.length;
  for (const t of Object.values(tensors)) {
    const dtype = t.dtype ?? 'F32';
    for (let i = 0; i < t.data.length; i++) {
      if (dtype === 'I64') {
        view.setBigInt64(at, BigInt(Math.round(t.data[i])), true);
        at += 8;
      } else {
        view.setFloat32(at, t.data[i], true);
        at += 4;
      }
    }
  }
  return out;
}

/** A model's state dict as a safetensors file, with PyTorch's names and dtypes (BatchNorm's counter is int64, as in PyTorch). */
export function saveSafetensors(model: Module, metadata: Record<string, string> = {}): Uint8Array {
  const tensors: Record<string, SafetensorsInput> = {};
  for (const [name, t] of Object.entries(model.stateDict())) {
    tensors[name] = { shape: t.shape, data: t.data, dtype: name.endsWith('num_batches_tracked') ? 'I64' : 'F32' };
  }
  return writeSafetensors(tensors, { format: 'pt', ...metadata });
}

/**
 * Reads a safetensors file into `model`, as PyTorch's
 * `model.load_state_dict(load_file(path), strict=True)`: every missing,
 * unexpected or misshapen tensor is listed in one error worded as PyTorch
 * words it, and on any error (in the file or in the names) the model is left
 * exactly as it was. Returns the file's metadata.
 */
export function loadSafetensors(model: Module, bytes: Uint8Array): Record<string, string> {
  const file = readSafetensors(bytes);
  for (const [name, t] of Object.entries(file.tensors)) {
    const bad = t.data.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) refuse(`tensor '${name}' holds a non-finite value (${t.data[bad]}) at position ${bad}: the model that saved it had diverged`);
  }
  try {
    model.loadStateDict(file.tensors);
  } catch (error) {
    refuse(error instanceof Error ? error.message : String(error));
  }
  return file.metadata;
}

/** The values of a state dict entry as a fresh tensor (for callers that want Tensors back). */
export function toTensor(entry: SafetensorsEntry): Tensor {
  return new Tensor(entry.data.slice(), entry.shape);
}
