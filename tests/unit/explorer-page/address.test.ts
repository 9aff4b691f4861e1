import { describe, expect, it } from 'vitest';
import { decodeCode, encodeCode, explorerCodec, parseInputShape } from '../../../components/explorer/address.ts';

const fallback = () => ({ code: 'model = nn.Sequential()\n', input: [1, 1, 28, 28] });

describe('explorer address', () => {
  it('round-trips code, including Korean comments, through the code key', () => {
    const code = '# 합성곱 하나\nimport torch.nn as nn\nmodel = nn.Sequential(nn.Conv2d(3, 8, 3))\n';
    const encoded = encodeCode(code);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCode(encoded)).toBe(code);
  });

  it('refuses a code value that is cut short, edited or not base64url', () => {
    const encoded = encodeCode('import torch.nn as nn\nmodel = nn.Sequential(nn.ReLU(), nn.Flatten(), nn.Linear(10, 2))\n'.repeat(3));
    expect(decodeCode(encoded.slice(0, Math.floor(encoded.length / 2)))).toBeNull();
    expect(decodeCode('not base64!')).toBeNull();
    expect(decodeCode('')).toBeNull();
    expect(decodeCode('AAAA')).toBeNull();
  });

  it('reads input shapes as people type them and names the rule a bad one breaks', () => {
    expect(parseInputShape('1, 3, 32, 32')).toEqual({ shape: [1, 3, 32, 32] });
    expect(parseInputShape('1x3x32x32')).toEqual({ shape: [1, 3, 32, 32] });
    expect(parseInputShape('[2,1,28,28]')).toEqual({ shape: [2, 1, 28, 28] });
    expect(parseInputShape('')).toEqual({ problem: 'empty' });
    expect(parseInputShape('1, 3, 0, 32')).toEqual({ problem: 'notNumbers' });
    expect(parseInputShape('1, 3, 3.5')).toEqual({ problem: 'notNumbers' });
    expect(parseInputShape('1,1,1,1,1,1,1')).toEqual({ problem: 'tooMany' });
    expect(parseInputShape('1, 3, 5000, 32')).toEqual({ problem: 'tooLarge' });
  });

  it('reads what it wrote, and falls back with the key named when the link is damaged', () => {
    const codec = explorerCodec(fallback);
    const params = new URLSearchParams();
    codec.write({ code: 'model = nn.Sequential(nn.ReLU())\n', input: [2, 3, 8, 8] }, params);
    expect(codec.read(params)).toEqual({ value: { code: 'model = nn.Sequential(nn.ReLU())\n', input: [2, 3, 8, 8] }, rejected: [] });
    const damaged = new URLSearchParams({ code: params.get('code')!.slice(0, 5), input: 'abc' });
    expect(codec.read(damaged)).toEqual({ value: fallback(), rejected: ['code', 'input'] });
    expect(codec.read(new URLSearchParams())).toEqual({ value: fallback(), rejected: [] });
  });
});
