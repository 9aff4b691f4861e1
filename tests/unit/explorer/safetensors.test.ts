/**
 * The .safetensors reader and writer on their own: the layout the format
 * describes, every dtype the reader converts, and bad files (truncated, a
 * wrong or huge header, unknown dtypes, offsets that leave gaps or overlap),
 * each refused with a message and without touching the model.
 */
import { describe, expect, it } from 'vitest';
import { nn } from '../../../src/engine/index.ts';
import {
  MAX_HEADER_BYTES,
  SafetensorsError,
  loadSafetensors,
  readSafetensors,
  saveSafetensors,
  writeSafetensors,
} from '../../../src/engine/io/safetensors.ts';

/** A file from a header object and raw data, laid out by hand (not by the writer under test). */
function handMade(header: unknown, data: Uint8Array = new Uint8Array(0), headerText?: string): Uint8Array {
  const json = new TextEncoder().encode(headerText ?? JSON.stringify(header));
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  out.set(data, 8 + json.length);
  return out;
}

function bytesOf(kind: 'f32' | 'f64' | 'i64' | 'f16' | 'bf16', values: number[]): Uint8Array {
  const size = { f32: 4, f64: 8, i64: 8, f16: 2, bf16: 2 }[kind];
  const out = new Uint8Array(values.length * size);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => {
    if (kind === 'f32') view.setFloat32(i * 4, v, true);
    else if (kind === 'f64') view.setFloat64(i * 8, v, true);
    else if (kind === 'i64') view.setBigInt64(i * 8, BigInt(v), true);
    else if (kind === 'f16') view.setUint16(i * 2, v, true); // raw half-precision bits
    else view.setUint16(i * 2, v, true); // raw bfloat16 bits
  });
  return out;
}

function model(): nn.Module {
  return new nn.Sequential(new nn.Conv2d(1, 2, 3), new nn.BatchNorm2d(2), new nn.Flatten(), new nn.Linear(8, 3)).reseed(1);
}

function snapshot(m: nn.Module): Record<string, number[]> {
  return Object.fromEntries(Object.entries(m.stateDict()).map(([k, t]) => [k, Array.from(t.data)]));
}

describe('safetensors writer', () => {
  it('lays out the 8-byte length, a space-padded JSON header and little-endian data', () => {
    const bytes = writeSafetensors({ a: { shape: [2], data: [1.5, -2] }, b: { shape: [], data: [7], dtype: 'I64' } }, { format: 'pt' });
    const view = new DataView(bytes.buffer);
    const n = Number(view.getBigUint64(0, true));
    expect(n % 8).toBe(0);
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + n)));
    expect(header).toEqual({
      __metadata__: { format: 'pt' },
      a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] },
      b: { dtype: 'I64', shape: [], data_offsets: [8, 16] },
    });
    expect(view.getFloat32(8 + n, true)).toBe(1.5);
    expect(view.getFloat32(8 + n + 4, true)).toBe(-2);
    expect(view.getBigInt64(8 + n + 8, true)).toBe(7n);
    expect(bytes.length).toBe(8 + n + 16);
  });

  it("saves a model's state dict with PyTorch's names, BatchNorm's counter as int64", () => {
    const file = readSafetensors(saveSafetensors(model()));
    expect(Object.keys(file.tensors)).toEqual([
      '0.weight', '0.bias', '1.weight', '1.bias', '1.running_mean', '1.running_var', '1.num_batches_tracked', '3.weight', '3.bias',
    ]);
    expect(file.tensors['1.num_batches_tracked'].dtype).toBe('I64');
    expect(file.tensors['0.weight'].shape).toEqual([2, 1, 3, 3]);
    expect(file.metadata).toEqual({ format: 'pt' });
  });

  it('round-trips a model exactly', () => {
    const a = model();
    const b = model().reseed(99);
    expect(snapshot(b)).not.toEqual(snapshot(a));
    loadSafetensors(b, saveSafetensors(a));
    expect(snapshot(b)).toEqual(snapshot(a));
  });
});

describe('safetensors reader', () => {
  it('converts F64, F16, BF16 and I64 to float32', () => {
    const data = new Uint8Array([
      ...bytesOf('f64', [0.25]),
      ...bytesOf('f16', [0x3c00, 0xc000, 0x3555]), // 1, -2, 0.333...
      ...bytesOf('bf16', [0x3f80, 0x4049]), // 1, 3.140625
      ...bytesOf('i64', [-3]),
    ]);
    const file = readSafetensors(handMade({
      d: { dtype: 'F64', shape: [1], data_offsets: [0, 8] },
      h: { dtype: 'F16', shape: [3], data_offsets: [8, 14] },
      b: { dtype: 'BF16', shape: [2], data_offsets: [14, 18] },
      i: { dtype: 'I64', shape: [], data_offsets: [18, 26] },
    }, data));
    expect(Array.from(file.tensors.d.data)).toEqual([0.25]);
    expect(file.tensors.h.data[0]).toBe(1);
    expect(file.tensors.h.data[1]).toBe(-2);
    expect(file.tensors.h.data[2]).toBeCloseTo(1 / 3, 3);
    expect(Array.from(file.tensors.b.data)).toEqual([1, 3.140625]);
    expect(Array.from(file.tensors.i.data)).toEqual([-3]);
  });

  it('reads a header padded with spaces and empty tensors', () => {
    const file = readSafetensors(handMade(null, bytesOf('f32', [4]), `${JSON.stringify({ e: { dtype: 'F32', shape: [0, 3], data_offsets: [0, 0] }, x: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } })}     `));
    expect(file.tensors.e.shape).toEqual([0, 3]);
    expect(Array.from(file.tensors.x.data)).toEqual([4]);
  });

  const f32 = (n: number) => bytesOf('f32', Array.from({ length: n }, (_, i) => i));
  const bad: [string, Uint8Array, RegExp][] = [
    ['empty', new Uint8Array(0), /fewer than the 8/],
    ['truncated length', new Uint8Array([1, 2, 3]), /fewer than the 8/],
    ['header past the end', (() => { const b = handMade({}); new DataView(b.buffer).setBigUint64(0, 1000n, true); return b; })(), /truncated: the header needs 1,000 bytes/],
    ['huge header length', (() => { const b = new Uint8Array(16); new DataView(b.buffer).setBigUint64(0, BigInt(MAX_HEADER_BYTES) + 1n, true); return b; })(), /over the 100 MB limit/],
    ['a .clw file', new TextEncoder().encode('CLWT\x01\x00\x00\x00\x10\x00\x00\x00{}'), /over the 100 MB limit|truncated|does not start/],
    ['header not starting with {', handMade(null, new Uint8Array(0), '[1, 2]'), /does not start with '\{'/],
    ['header not JSON', handMade(null, new Uint8Array(0), '{"a": '), /not valid JSON/],
    ['unknown dtype', handMade({ w: { dtype: 'F33', shape: [1], data_offsets: [0, 4] } }, f32(1)), /unknown dtype "F33"/],
    ['unreadable dtype', handMade({ w: { dtype: 'BOOL', shape: [4], data_offsets: [0, 4] } }, f32(1)), /dtype BOOL cannot be read/],
    ['shape against offsets', handMade({ w: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, f32(2)), /needs 12 bytes, but its data_offsets \[0, 8\] span 8/],
    ['truncated data', handMade({ w: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, f32(2)), /truncated: tensor 'w' ends at byte 16 of the data, which has 8/],
    ['a gap', handMade({ a: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } }, f32(2)), /bytes 0 to 4 of the data belong to no tensor/],
    ['an overlap', handMade({ a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] }, b: { dtype: 'F32', shape: [1], data_offsets: [4, 8] } }, f32(2)), /overlaps/],
    ['trailing bytes', handMade({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, f32(2)), /4 bytes after the last tensor/],
    ['bad metadata', handMade({ __metadata__: { epochs: 3 } }), /__metadata__ must be an object whose values are strings/],
    ['negative shape', handMade({ a: { dtype: 'F32', shape: [-1], data_offsets: [0, 0] } }), /shape must be a list of whole numbers/],
  ];

  it.each(bad)('refuses %s with a message and leaves the model as it was', (_name, bytes, message) => {
    const m = model();
    const before = snapshot(m);
    expect(() => loadSafetensors(m, bytes)).toThrow(SafetensorsError);
    expect(() => loadSafetensors(m, bytes)).toThrow(message);
    expect(snapshot(m)).toEqual(before);
  });

  it('refuses non-finite values and mismatched names without touching the model', () => {
    const m = model();
    const before = snapshot(m);
    const state = m.stateDict();
    const nan = writeSafetensors({ ...state, '3.bias': { shape: [3], data: [0, NaN, 0] } });
    expect(() => loadSafetensors(m, nan)).toThrow(/non-finite value \(NaN\)/);
    const wrong = writeSafetensors({ '0.weight': state['0.weight'] });
    expect(() => loadSafetensors(m, wrong)).toThrow(/Missing key\(s\) in state_dict: "0.bias", "1.weight"/);
    expect(snapshot(m)).toEqual(before);
  });
});
