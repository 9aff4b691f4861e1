/**
 * What the case-study widgets draw, as plain data: the rows of an architecture
 * table, the shares of parameters and compute per group, and the ILSVRC points.
 * The widgets hand these to Preact and Observable Plot; the unit tests snapshot
 * them, so what is drawn is pinned without a browser.
 */
import {
  ARCHITECTURES,
  ARCHITECTURE_KEYS,
  FLOAT32_BYTES,
  LAYER_GROUPS,
  describeArchitecture,
  isArchitectureKey,
} from '../../../src/case-studies/architectures.ts';
import type { ArchitectureKey, ArchitectureReport, LayerGroup } from '../../../src/case-studies/architectures.ts';
import { HUMAN_TOP5_ERROR, ILSVRC_WINNERS, VGG_2014 } from '../../../src/case-studies/ilsvrc.ts';
import type { Source } from '../../../src/case-studies/ilsvrc.ts';

export { ARCHITECTURES, ARCHITECTURE_KEYS, FLOAT32_BYTES, LAYER_GROUPS, describeArchitecture, isArchitectureKey };
export type { ArchitectureKey, ArchitectureReport, LayerGroup };

/** Batches the memory column offers. */
export const BATCHES = [1, 64] as const;

/** The two measures the share chart compares. */
export const MEASURES = ['params', 'macs'] as const;
export type Measure = (typeof MEASURES)[number];

/** One bar segment of the share chart: a model's group's share of a measure, percent with one decimal. */
export interface ShareDatum {
  model: ArchitectureKey;
  label: string;
  measure: Measure;
  group: LayerGroup;
  percent: number;
  value: number;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Shares of parameters and MACs per group for each model, in the order drawn. */
export function shareData(keys: readonly ArchitectureKey[]): ShareDatum[] {
  const out: ShareDatum[] = [];
  for (const key of keys) {
    const report = describeArchitecture(key);
    for (const measure of MEASURES) {
      const total = measure === 'params' ? report.totalParams : report.totalMacs;
      for (const group of LAYER_GROUPS) {
        const value = report.groups[group][measure];
        out.push({ model: key, label: ARCHITECTURES[key].label, measure, group, value, percent: total ? round1((value / total) * 100) : 0 });
      }
    }
  }
  return out;
}

/** One layer of the per-layer chart: its share of the model's parameters and of its MACs, percent. */
export interface LayerShare {
  name: string;
  type: string;
  group: LayerGroup;
  paramsPercent: number;
  macsPercent: number;
}

/** The weight layers (conv and linear) with their shares, in forward order. */
export function layerShares(key: ArchitectureKey): LayerShare[] {
  const report = describeArchitecture(key);
  return report.rows
    .filter((r) => r.group !== 'other')
    .map((r) => ({
      name: r.name,
      type: r.type,
      group: r.group,
      paramsPercent: round1((r.params / report.totalParams) * 100),
      macsPercent: round1((r.macs / report.totalMacs) * 100),
    }));
}

/** One point of the ILSVRC chart. */
export interface IlsvrcPoint {
  year: number;
  error: number;
  team: string;
  network: string;
  cnn: boolean;
  winner: boolean;
  /** What the chart writes beside the dot: the network's short name, or the team for a method without one. */
  label: string;
}

/** Each year's winner, and VGG as 2014's runner-up, errors rounded to one decimal. */
export function ilsvrcPoints(): IlsvrcPoint[] {
  const short = (w: { cnn: boolean; network: string; team: string }) => (w.cnn && !w.network.startsWith('an ') ? w.network.split(' (')[0] : w.team);
  const winners = ILSVRC_WINNERS.map((w) => ({ year: w.year, error: round1(w.top5Error), team: w.team, network: w.network, cnn: w.cnn, winner: true, label: short(w) }));
  const vgg = { year: VGG_2014.year, error: round1(VGG_2014.top5Error), team: VGG_2014.team, network: 'VGG', cnn: true, winner: false, label: 'VGG' };
  return [...winners, vgg];
}

/** Human top-5 error as the chart's rule. */
export const humanError = HUMAN_TOP5_ERROR.value;

/** The sources listed under the ILSVRC chart, each once, in the order of the points. */
export function ilsvrcSources(): { label: string; source: Source }[] {
  const rows = [
    ...ILSVRC_WINNERS.map((w) => ({ label: `${w.year} ${w.team} (${w.network})`, source: w.source })),
    { label: `${VGG_2014.year} ${VGG_2014.team}`, source: VGG_2014.source },
    { label: 'human', source: HUMAN_TOP5_ERROR.source },
  ];
  return rows;
}

/** The rows a table shows: all but those that add no parameters, no compute and no memory (in-place ReLU, dropout, flatten). */
export function tableRows(report: ArchitectureReport): ArchitectureReport['rows'] {
  return report.rows.filter((r) => r.kept || r.params > 0 || r.macs > 0);
}

/** Rounding for display: MACs and memory in millions or billions. */
export function compact(value: number, locale: string): string {
  if (value >= 1e9) return `${(value / 1e9).toLocaleString(locale, { maximumFractionDigits: 2 })} G`;
  if (value >= 1e6) return `${(value / 1e6).toLocaleString(locale, { maximumFractionDigits: 1 })} M`;
  if (value >= 1e4) return `${(value / 1e3).toLocaleString(locale, { maximumFractionDigits: 1 })} k`;
  return value.toLocaleString(locale);
}

/** Megabytes (10^6 bytes) with one decimal; below 0.1 MB with three, so a small map does not read as zero. */
export function megabytes(bytes: number, locale: string): string {
  const digits = bytes > 0 && bytes < 1e5 ? 3 : 1;
  return (bytes / 1e6).toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

// ------------------------------------------------------------------ URL state of the table

export interface TableState {
  model: ArchitectureKey;
  batch: number;
  /** The mini version's table beside the full-size one. */
  compare: boolean;
}

/** The table's address keys for a prefix ('cs' by default: csM, csB, csC). Two tables on one page need two prefixes. */
export function tableKeys(prefix = 'cs') {
  return { model: `${prefix}M`, batch: `${prefix}B`, compare: `${prefix}C` } as const;
}

export const TABLE_KEYS = tableKeys();

export function encodeTable(state: TableState, params: URLSearchParams, keys = TABLE_KEYS): void {
  params.set(keys.model, state.model);
  params.set(keys.batch, String(state.batch));
  params.set(keys.compare, state.compare ? '1' : '0');
}

/** Reads the table's state; a model outside `choices` or an unknown batch is rejected. */
export function decodeTable(
  params: URLSearchParams,
  initial: TableState,
  choices: readonly ArchitectureKey[],
  keys: ReturnType<typeof tableKeys> = TABLE_KEYS,
): { state: TableState; rejected: string[] } {
  const state = { ...initial };
  const rejected: string[] = [];
  const m = params.get(keys.model);
  if (m !== null) {
    if (isArchitectureKey(m) && choices.includes(m)) state.model = m;
    else rejected.push(keys.model);
  }
  const b = params.get(keys.batch);
  if (b !== null) {
    const n = Number(b);
    if ((BATCHES as readonly number[]).includes(n)) state.batch = n;
    else rejected.push(keys.batch);
  }
  const c = params.get(keys.compare);
  if (c !== null) {
    if (c === '1' || c === '0') state.compare = c === '1';
    else rejected.push(keys.compare);
  }
  return { state, rejected };
}
