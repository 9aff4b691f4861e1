/**
 * The idx file format of the MNIST distribution: a 4-byte magic number (two zero
 * bytes, a type code, the number of dimensions), one big-endian 32-bit size per
 * dimension, then the values in row-major order, big-endian.
 */

/** Element types the format defines, by their type code. */
export const IDX_TYPES = {
  0x08: { name: 'unsigned byte', bytes: 1 },
  0x09: { name: 'signed byte', bytes: 1 },
  0x0b: { name: 'short (16-bit integer)', bytes: 2 },
  0x0c: { name: 'int (32-bit integer)', bytes: 4 },
  0x0d: { name: 'float (32-bit)', bytes: 4 },
  0x0e: { name: 'double (64-bit)', bytes: 8 },
} as const;

/** One of the type codes of {@link IDX_TYPES}. */
export type IdxTypeCode = keyof typeof IDX_TYPES;

/** A parsed idx file. */
export interface IdxArray {
  /** Type code from the magic number (0x08 for MNIST's images and labels). */
  typeCode: IdxTypeCode;
  /** Size of each dimension, outermost first, e.g. [60000, 28, 28]. */
  dims: number[];
  /**
   * The values, row-major. Unsigned bytes are a view into the input (no copy);
   * other types are decoded from big-endian into a fresh array of the matching kind.
   */
  data: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

const hex = (n: number) => `0x${n.toString(16).padStart(2, '0')}`;

function typeList(): string {
  return Object.entries(IDX_TYPES)
    .map(([code, t]) => `${hex(Number(code))} ${t.name}`)
    .join(', ');
}

/**
 * Parses an idx file. Refuses anything that is not exactly one well-formed idx
 * array, naming what it expected and what it found, so that a truncated download
 * or a still-gzipped file is caught here rather than as garbage pixels later.
 */
export function parseIdx(bytes: Uint8Array): IdxArray {
  if (bytes.length < 4) {
    throw new Error(`parseIdx: expected at least 4 bytes (the magic number), got ${bytes.length} bytes`);
  }
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    const gzip = bytes[0] === 0x1f && bytes[1] === 0x8b ? ' (this is a gzip file: decompress it first)' : '';
    throw new Error(
      `parseIdx: not an idx file: the magic number must start with bytes 0x00 0x00, got ${hex(bytes[0])} ${hex(bytes[1])}${gzip}`,
    );
  }
  const code = bytes[2];
  if (!(code in IDX_TYPES)) {
    throw new Error(`parseIdx: unknown data type code ${hex(code)} in the magic number; expected one of ${typeList()}`);
  }
  const typeCode = code as IdxTypeCode;
  const type = IDX_TYPES[typeCode];
  const ndim = bytes[3];
  if (ndim === 0) throw new Error('parseIdx: the magic number declares 0 dimensions; expected at least 1');
  const headerBytes = 4 + 4 * ndim;
  if (bytes.length < headerBytes) {
    throw new Error(
      `parseIdx: the magic number declares ${ndim} dimensions, so the header is ${headerBytes} bytes, but the file has only ${bytes.length} bytes`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims: number[] = [];
  for (let d = 0; d < ndim; d++) dims.push(view.getUint32(4 + 4 * d, false));
  const count = dims.reduce((a, b) => a * b, 1);
  const expected = headerBytes + count * type.bytes;
  if (bytes.length !== expected) {
    const what = bytes.length < expected ? 'truncated file?' : 'trailing bytes after the data';
    throw new Error(
      `parseIdx: dims [${dims.join(', ')}] of ${type.name} need ${count * type.bytes} data bytes after the ` +
        `${headerBytes}-byte header (${expected} bytes in all), got ${bytes.length} bytes (${what})`,
    );
  }
  return { typeCode, dims, data: decodeValues(view, headerBytes, count, typeCode, bytes) };
}

function decodeValues(view: DataView, offset: number, count: number, typeCode: IdxTypeCode, bytes: Uint8Array): IdxArray['data'] {
  switch (typeCode) {
    case 0x08:
      return bytes.subarray(offset, offset + count);
    case 0x09:
      return new Int8Array(bytes.buffer, bytes.byteOffset + offset, count).slice();
    case 0x0b: {
      const out = new Int16Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt16(offset + 2 * i, false);
      return out;
    }
    case 0x0c: {
      const out = new Int32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getInt32(offset + 4 * i, false);
      return out;
    }
    case 0x0d: {
      const out = new Float32Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat32(offset + 4 * i, false);
      return out;
    }
    case 0x0e: {
      const out = new Float64Array(count);
      for (let i = 0; i < count; i++) out[i] = view.getFloat64(offset + 8 * i, false);
      return out;
    }
  }
}

/**
 * Writes an idx file: the inverse of {@link parseIdx}, for tests and tools that
 * need small idx files without shipping any.
 */
export function encodeIdx(typeCode: IdxTypeCode, dims: readonly number[], values: ArrayLike<number>): Uint8Array {
  const count = dims.reduce((a, b) => a * b, 1);
  if (values.length !== count) {
    throw new Error(`encodeIdx: dims [${dims.join(', ')}] hold ${count} values, got ${values.length}`);
  }
  if (dims.length === 0 || dims.length > 255) {
    throw new Error(`encodeIdx: an idx file has 1 to 255 dimensions, got ${dims.length}`);
  }
  const size = IDX_TYPES[typeCode].bytes;
  const header = 4 + 4 * dims.length;
  const bytes = new Uint8Array(header + count * size);
  const view = new DataView(bytes.buffer);
  bytes[2] = typeCode;
  bytes[3] = dims.length;
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  for (let i = 0; i < count; i++) {
    const at = header + i * size;
    const v = values[i];
    switch (typeCode) {
      case 0x08: view.setUint8(at, v); break;
      case 0x09: view.setInt8(at, v); break;
      case 0x0b: view.setInt16(at, v, false); break;
      case 0x0c: view.setInt32(at, v, false); break;
      case 0x0d: view.setFloat32(at, v, false); break;
      case 0x0e: view.setFloat64(at, v, false); break;
    }
  }
  return bytes;
}
