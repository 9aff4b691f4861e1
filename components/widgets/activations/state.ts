/**
 * What each of lesson 9's widgets keeps in the address, read and written without any
 * UI, so the content test can check the round trip. Keys are prefixed `ac`.
 */
import { readInt } from '../../kit/query-state.ts';
import { ACTIVATIONS, DYING, FILTER_IDS, INPUT_RANGES, PHOTOS, RRELU_MODES, SLOPE_LIMITS } from './model.ts';
import type { ActivationId, FilterId, InputRange, PhotoId, RReluMode } from './model.ts';

/** Reads one of a few words; anything else is rejected and the fallback stands. */
function readChoice<T extends string>(params: URLSearchParams, key: string, options: readonly T[], fallback: T, rejected: string[]): T {
  const raw = params.get(key);
  if (raw === null) return fallback;
  if ((options as readonly string[]).includes(raw)) return raw as T;
  rejected.push(key);
  return fallback;
}

// ---------------------------------------------------------------- plot

export interface PlotState {
  fn: ActivationId;
  /** The leaky slope in hundredths. */
  slope: number;
  mode: RReluMode;
  /** The probe input in halves: x = probe / 2. */
  probe: number;
}
export const PLOT_KEYS = { fn: 'acF', slope: 'acA', mode: 'acM', probe: 'acX' } as const;
export const PROBE_LIMITS = { min: -8, max: 8 } as const;
export const defaultPlot = (): PlotState => ({ fn: 'leaky', slope: SLOPE_LIMITS.initial, mode: 'train', probe: -2 });

export function readPlot(params: URLSearchParams): { value: PlotState; rejected: string[] } {
  const rejected: string[] = [];
  const d = defaultPlot();
  const value: PlotState = {
    fn: readChoice(params, PLOT_KEYS.fn, ACTIVATIONS, d.fn, rejected),
    slope: readInt(params, PLOT_KEYS.slope, SLOPE_LIMITS.min, SLOPE_LIMITS.max, d.slope, rejected),
    mode: readChoice(params, PLOT_KEYS.mode, RRELU_MODES, d.mode, rejected),
    probe: readInt(params, PLOT_KEYS.probe, PROBE_LIMITS.min, PROBE_LIMITS.max, d.probe, rejected),
  };
  return { value, rejected };
}

export function writePlot(state: PlotState, params: URLSearchParams): void {
  params.set(PLOT_KEYS.fn, state.fn);
  params.set(PLOT_KEYS.slope, String(state.slope));
  params.set(PLOT_KEYS.mode, state.mode);
  params.set(PLOT_KEYS.probe, String(state.probe));
}

// ---------------------------------------------------------------- dying neuron

export interface DyingState {
  range: InputRange;
  step: number;
}
export const DYING_KEYS = { range: 'acR', step: 'acS' } as const;
export const defaultDying = (): DyingState => ({ range: 'unit', step: 0 });

export function readDying(params: URLSearchParams): { value: DyingState; rejected: string[] } {
  const rejected: string[] = [];
  const d = defaultDying();
  return {
    value: {
      range: readChoice(params, DYING_KEYS.range, INPUT_RANGES, d.range, rejected),
      step: readInt(params, DYING_KEYS.step, 0, DYING.maxSteps, d.step, rejected),
    },
    rejected,
  };
}

export function writeDying(state: DyingState, params: URLSearchParams): void {
  params.set(DYING_KEYS.range, state.range);
  params.set(DYING_KEYS.step, String(state.step));
}

// ---------------------------------------------------------------- activation map

export interface MapState {
  photo: PhotoId;
  filter: FilterId;
}
export const MAP_KEYS = { photo: 'acP', filter: 'acK' } as const;
export const defaultMap = (): MapState => ({ photo: 'camera', filter: 'vertical' });

export function readMap(params: URLSearchParams): { value: MapState; rejected: string[] } {
  const rejected: string[] = [];
  const d = defaultMap();
  return {
    value: {
      photo: readChoice(params, MAP_KEYS.photo, PHOTOS, d.photo, rejected),
      filter: readChoice(params, MAP_KEYS.filter, FILTER_IDS, d.filter, rejected),
    },
    rejected,
  };
}

export function writeMap(state: MapState, params: URLSearchParams): void {
  params.set(MAP_KEYS.photo, state.photo);
  params.set(MAP_KEYS.filter, state.filter);
}
