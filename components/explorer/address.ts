/**
 * The explorer's state in the address, so a link reproduces the page: the code,
 * deflated and written as base64url in `code`, and the input shape in `input`
 * ("1,3,32,32"). A network of a few dozen lines fits in a few hundred
 * characters. A link cut short or edited by hand cannot be inflated; the page
 * then says so and shows its defaults (the kit's `useQueryState` lists the
 * rejected keys).
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { QueryCodec } from '../kit/query-state.ts';

/** What the address holds. */
export interface ExplorerAddress {
  code: string;
  input: number[];
}

/** The address keys, named in the page's note when one is rejected. */
export type ExplorerKey = 'code' | 'input';

/** Longest code the address carries (characters); longer code stays on the page but not in the link. */
export const MAX_LINK_CODE = 20_000;

/** Most dimensions an input shape may have, and the largest one (PyTorch allows more; a browser does not). */
export const MAX_INPUT_DIMS = 6;
export const MAX_INPUT_SIDE = 4096;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Code as the `code` value: UTF-8, deflated (raw), base64url. */
export function encodeCode(code: string): string {
  return toBase64Url(deflateSync(strToU8(code), { level: 9 }));
}

/** The code a `code` value holds, or null when it is not one (cut short, edited, not ours). */
export function decodeCode(value: string): string | null {
  const bytes = fromBase64Url(value);
  if (bytes === null || bytes.length === 0) return null;
  try {
    const text = strFromU8(inflateSync(bytes));
    // A damaged stream can inflate to bytes that are not UTF-8; the decoder then puts U+FFFD.
    if (text.includes('\uFFFD') || text.length > MAX_LINK_CODE * 4) return null;
    return text;
  } catch {
    return null;
  }
}

/**
 * An input shape typed by the reader ("1, 3, 32, 32", "1x3x32x32"): the shape,
 * or which rule it breaks.
 */
export type InputCheck = { shape: number[] } | { problem: 'empty' | 'notNumbers' | 'tooMany' | 'tooLarge' };

export function parseInputShape(text: string): InputCheck {
  const trimmed = text.trim().replace(/^[[(]|[\])]$/g, '');
  if (trimmed === '') return { problem: 'empty' };
  const parts = trimmed.split(/\s*[,x×]\s*|\s+/);
  if (!parts.every((p) => /^\d+$/.test(p) && Number(p) >= 1)) return { problem: 'notNumbers' };
  const shape = parts.map(Number);
  if (shape.length > MAX_INPUT_DIMS) return { problem: 'tooMany' };
  if (shape.some((d) => d > MAX_INPUT_SIDE) || shape.reduce((a, b) => a * b, 1) > 2 ** 28) return { problem: 'tooLarge' };
  return { shape };
}

/** The codec for the kit's useQueryState; `fallback` is what the page shows without a link. */
export function explorerCodec(fallback: () => ExplorerAddress): QueryCodec<ExplorerAddress, ExplorerKey> {
  return {
    initial: fallback,
    read(params) {
      const value = fallback();
      const rejected: ExplorerKey[] = [];
      const code = params.get('code');
      if (code !== null) {
        const decoded = decodeCode(code);
        if (decoded === null) rejected.push('code');
        else value.code = decoded;
      }
      const input = params.get('input');
      if (input !== null) {
        const checked = parseInputShape(input);
        if ('shape' in checked) value.input = checked.shape;
        else rejected.push('input');
      }
      return { value, rejected };
    },
    write(value, params) {
      if (value.code.length <= MAX_LINK_CODE) params.set('code', encodeCode(value.code));
      else params.delete('code');
      params.set('input', value.input.join(','));
    },
  };
}
