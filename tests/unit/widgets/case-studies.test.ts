/**
 * What the case-study charts draw, pinned: the data each Plot mark receives, rounded
 * as drawn. A change to the engine's counts or to the ILSVRC file shows up here.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeTable,
  encodeTable,
  humanError,
  ilsvrcPoints,
  ilsvrcSources,
  layerShares,
  megabytes,
  shareData,
  tableKeys,
} from '../../../components/widgets/case-studies/model.ts';
import { en } from '../../../components/widgets/case-studies/strings/en.ts';
import { ko } from '../../../components/widgets/case-studies/strings/ko.ts';

const bars = (keys: Parameters<typeof shareData>[0]) =>
  shareData(keys).map((d) => `${d.model} ${d.measure} ${d.group} ${d.percent}%`);

describe('case-study charts', () => {
  it('share bars: VGG-16 and its mini version', () => {
    expect(bars(['vgg16', 'mini-vgg'])).toMatchSnapshot();
  });

  it('share bars: AlexNet (both), ResNet-18/34/50', () => {
    expect(bars(['alexnet', 'alexnet-original', 'mini-alexnet'])).toMatchSnapshot();
    expect(bars(['resnet18', 'resnet34', 'resnet50', 'mini-resnet'])).toMatchSnapshot();
  });

  it('shares add up to 100% per bar', () => {
    const data = shareData(['vgg16', 'resnet50', 'alexnet']);
    for (const model of ['vgg16', 'resnet50', 'alexnet']) {
      for (const measure of ['params', 'macs']) {
        const sum = data.filter((d) => d.model === model && d.measure === measure).reduce((s, d) => s + d.percent, 0);
        expect(Math.abs(sum - 100)).toBeLessThanOrEqual(0.2);
      }
    }
  });

  it('per-layer points of VGG-16', () => {
    expect(layerShares('vgg16').map((l) => `${l.name} ${l.paramsPercent} ${l.macsPercent}`)).toMatchSnapshot();
  });

  it('ILSVRC points and the human rule', () => {
    expect(ilsvrcPoints().map((p) => `${p.year} ${p.team} ${p.error} ${p.cnn ? 'cnn' : '-'} ${p.winner ? 'winner' : 'runner-up'}`)).toMatchSnapshot();
    expect(humanError).toBe(5.1);
    expect(ilsvrcSources().every((s) => s.source.url.startsWith('https://'))).toBe(true);
  });

  it('the table state round-trips through the address and rejects what it cannot show', () => {
    const q = new URLSearchParams();
    encodeTable({ model: 'resnet50', batch: 64, compare: true }, q);
    const initial = { model: 'resnet18' as const, batch: 1, compare: false };
    expect(decodeTable(q, initial, ['resnet18', 'resnet50'])).toEqual({ state: { model: 'resnet50', batch: 64, compare: true }, rejected: [] });
    expect(decodeTable(new URLSearchParams('csM=vgg16&csB=7&csC=yes'), initial, ['resnet18']).rejected).toEqual(['csM', 'csB', 'csC']);
    const keys = tableKeys('an');
    const r = new URLSearchParams();
    encodeTable({ model: 'alexnet', batch: 1, compare: false }, r, keys);
    expect([...r.keys()]).toEqual(['anM', 'anB', 'anC']);
    expect(decodeTable(r, { model: 'alexnet-original', batch: 64, compare: true }, ['alexnet', 'alexnet-original'], keys).state).toEqual({ model: 'alexnet', batch: 1, compare: false });
  });

  it('prints memory so a small map does not read as zero', () => {
    expect(megabytes(12_845_056, 'en-US')).toBe('12.8');
    expect(megabytes(3_136, 'en-US')).toBe('0.003');
    expect(megabytes(0, 'en-US')).toBe('0.0');
  });

  it('has the same keys in both languages', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
  });
});
