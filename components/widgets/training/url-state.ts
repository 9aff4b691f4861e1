/**
 * The dashboard's settings in the address bar, so a link reproduces a run:
 *
 *   ?ds=fashion-mnist&arch=stack&layers=conv8k5p2,relu,max2,flat,fc10&opt=adam&lr=0.001&bs=32&ep=1&seed=7&img=12
 *
 * Only settings that differ from the lesson's defaults are written. Reading
 * checks every key with the same rules as the form; a bad value falls back to
 * its default and its key is reported, so the widget can say which part of the
 * link it ignored.
 *
 * The same text is kept in localStorage, per lesson, so the settings of the run
 * in progress also survive a reload or a visit elsewhere and back.
 */
import { OPTIMIZER_KINDS, TRAIN_DATASETS, ZOO_MODELS } from '../../../src/training/config.ts';
import type { OptimizerKind, TrainDataset, ZooModelName } from '../../../src/training/config.ts';
import { defaultSettings, numberProblem, zooModelOf } from './settings.ts';
import type { DashboardLesson, DashboardSettings, NumberFieldName } from './settings.ts';
import { decodeStack, encodeStack } from './stack-code.ts';
import { checkArchitecture } from '../../../src/training/architecture.ts';
import type { QueryCodec } from '../../kit/query-state.ts';

/** Query keys, one per setting (short: they end up in shared links). */
export const URL_KEYS = {
  dataset: 'ds',
  arch: 'arch',
  zooModel: 'model',
  lenetActivation: 'act',
  lenetPooling: 'pool',
  layers: 'layers',
  optimizer: 'opt',
  lr: 'lr',
  momentum: 'mom',
  batchSize: 'bs',
  weightDecay: 'wd',
  epochs: 'ep',
  seed: 'seed',
  testIndex: 'img',
} as const;

/**
 * Longer spellings a hand-written link may use (`?epochs=5`): read like the short
 * key, named by the spelling used when refused, and replaced by the short key when
 * the address is written back.
 */
export const URL_ALIASES: Readonly<Partial<Record<string, readonly string[]>>> = {
  ds: ['dataset'],
  opt: ['optimizer'],
  mom: ['momentum'],
  bs: ['batchSize', 'batch'],
  wd: ['weightDecay'],
  ep: ['epochs'],
  img: ['image'],
};

/** Highest test image index a link may ask for (both test sets hold 10,000). */
export const MAX_TEST_INDEX = 9999;

/** What a query string asked for, after checking. */
export interface DashboardUrlState {
  settings: DashboardSettings;
  testIndex: number;
  /** Query keys whose values were refused (each replaced by its default). */
  rejected: string[];
  /** Whether the query held any of the dashboard's keys at all. */
  present: boolean;
}

const NUMBER_KEYS: readonly NumberFieldName[] = ['lr', 'momentum', 'batchSize', 'weightDecay', 'epochs', 'seed'];

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | null {
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads and checks the dashboard's keys in `search` ("?a=1&b=2" or "a=1&b=2"). */
export function readUrlState(search: string, lesson: DashboardLesson): DashboardUrlState {
  const params = new URLSearchParams(search);
  const settings = defaultSettings(lesson);
  const rejected: string[] = [];
  let present = false;
  const take = (key: string, apply: (raw: string) => boolean) => {
    // Every spelling present is checked and, when refused, named as written.
    for (const spelling of [key, ...(URL_ALIASES[key] ?? [])]) {
      const raw = params.get(spelling);
      if (raw === null) continue;
      present = true;
      if (!apply(raw)) rejected.push(spelling);
    }
  };

  take(URL_KEYS.dataset, (raw) => {
    const value = oneOf<TrainDataset>(raw, TRAIN_DATASETS);
    if (value) settings.dataset = value;
    return value !== null;
  });
  take(URL_KEYS.arch, (raw) => {
    const value = oneOf(raw, ['lenet5', 'stack', 'zoo'] as const);
    // Lesson 13's lab trains anything, a zoo model loaded from the library included; lesson 14
    // is about LeNet-5 and has no stack editor; the case-study lessons train their zoo model only.
    const allowed =
      value !== null &&
      (lesson === 'training' || (lesson === 'lenet-5' && value === 'lenet5') || (zooModelOf(lesson) !== undefined && value === 'zoo'));
    if (allowed) settings.arch = value;
    return allowed;
  });
  take(URL_KEYS.zooModel, (raw) => {
    const value = oneOf<ZooModelName>(raw, ZOO_MODELS);
    const own = zooModelOf(lesson);
    const allowed = value !== null && (lesson === 'training' || value === own);
    if (allowed) settings.zooModel = value;
    return allowed;
  });
  take(URL_KEYS.lenetActivation, (raw) => {
    const value = oneOf(raw, ['tanh', 'relu'] as const);
    if (value) settings.lenetActivation = value;
    return value !== null;
  });
  take(URL_KEYS.lenetPooling, (raw) => {
    const value = oneOf(raw, ['avg', 'max'] as const);
    if (value) settings.lenetPooling = value;
    return value !== null;
  });
  take(URL_KEYS.layers, (raw) => {
    const layers = decodeStack(raw);
    // A stack that is spelt right but cannot be built (`conv0k0`) is refused like a
    // misspelt one, so the link opens on a network that trains and says what it ignored.
    if (!layers || !checkArchitecture({ kind: 'stack', layers }).ok) return false;
    settings.layers = layers;
    return true;
  });
  take(URL_KEYS.optimizer, (raw) => {
    const value = oneOf<OptimizerKind>(raw, OPTIMIZER_KINDS);
    if (value) settings.optimizer = value;
    return value !== null;
  });
  for (const field of NUMBER_KEYS) {
    take(URL_KEYS[field], (raw) => {
      const value = raw.trim() === '' ? Number.NaN : Number(raw);
      if (numberProblem(field, value) !== null) return false;
      settings[field] = value;
      return true;
    });
  }
  let testIndex = 0;
  take(URL_KEYS.testIndex, (raw) => {
    const value = Number(raw);
    const ok = raw.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_TEST_INDEX;
    if (ok) testIndex = value;
    return ok;
  });
  return { settings, testIndex, rejected, present };
}

/** The query string for `settings` (only what differs from the lesson's defaults), without "?". */
export function settingsQuery(settings: DashboardSettings, testIndex: number, lesson: DashboardLesson): string {
  const defaults = defaultSettings(lesson);
  const params = new URLSearchParams();
  const set = (key: string, value: string, fallback: string) => {
    if (value !== fallback) params.set(key, value);
  };
  set(URL_KEYS.dataset, settings.dataset, defaults.dataset);
  set(URL_KEYS.arch, settings.arch, defaults.arch);
  if (settings.arch === 'zoo') {
    // A case-study lesson's own model is its default, so only lesson 13 writes one.
    set(URL_KEYS.zooModel, settings.zooModel, defaults.zooModel);
  } else if (settings.arch === 'lenet5') {
    set(URL_KEYS.lenetActivation, settings.lenetActivation, defaults.lenetActivation);
    set(URL_KEYS.lenetPooling, settings.lenetPooling, defaults.lenetPooling);
  } else {
    set(URL_KEYS.layers, encodeStack(settings.layers), encodeStack(defaults.layers));
  }
  set(URL_KEYS.optimizer, settings.optimizer, defaults.optimizer);
  for (const field of NUMBER_KEYS) {
    if (field === 'momentum' && settings.optimizer !== 'momentum') continue;
    set(URL_KEYS[field], String(settings[field]), String(defaults[field]));
  }
  set(URL_KEYS.testIndex, String(testIndex), '0');
  return params.toString();
}

/** Puts the settings into `params`, keeping any query keys that are not the dashboard's. */
export function writeUrlState(settings: DashboardSettings, testIndex: number, lesson: DashboardLesson, params: URLSearchParams): void {
  const query = new URLSearchParams(settingsQuery(settings, testIndex, lesson));
  for (const key of Object.values(URL_KEYS)) {
    params.delete(key);
    for (const alias of URL_ALIASES[key] ?? []) params.delete(alias);
  }
  for (const [key, value] of query) params.set(key, value);
}

/** localStorage key of a lesson's last settings. */
export function storageKey(lesson: DashboardLesson): string {
  return `convlab:dashboard:${lesson}`;
}

/** Remembers the settings for the next visit; silently does nothing where storage is blocked. */
export function rememberSettings(settings: DashboardSettings, testIndex: number, lesson: DashboardLesson): void {
  try {
    localStorage.setItem(storageKey(lesson), settingsQuery(settings, testIndex, lesson));
  } catch {
    // Private modes may refuse storage: the address bar still holds the settings.
  }
}

/** The remembered query of a lesson, or '' when there is none (or storage is blocked). */
export function rememberedQuery(lesson: DashboardLesson): string {
  try {
    return localStorage.getItem(storageKey(lesson)) ?? '';
  } catch {
    return '';
  }
}

/**
 * The settings to start with: the link's when it has any of the dashboard's
 * keys (a shared link wins), else the remembered ones, else the defaults.
 */
export function initialState(search: string, remembered: string, lesson: DashboardLesson): DashboardUrlState {
  const fromLink = readUrlState(search, lesson);
  if (fromLink.present) return fromLink;
  const fromMemory = readUrlState(remembered, lesson);
  // A remembered value that no longer passes the checks is dropped quietly: the reader never typed it in a link.
  return { ...fromMemory, rejected: [] };
}

/** What the dashboard keeps in the address. */
export interface DashboardQuery {
  settings: DashboardSettings;
  testIndex: number;
}

/**
 * The dashboard's keys for the kit's query-state hook. The address follows the
 * settings from the start, so settings restored from the reader's last visit are
 * in it too, ready to share.
 */
export function dashboardQuery(lesson: DashboardLesson): QueryCodec<DashboardQuery> {
  return {
    initial: () => ({ settings: defaultSettings(lesson), testIndex: 0 }),
    read: (params) => {
      const state = initialState(params.toString(), rememberedQuery(lesson), lesson);
      return { value: { settings: state.settings, testIndex: state.testIndex }, rejected: state.rejected };
    },
    write: ({ settings, testIndex }, params) => writeUrlState(settings, testIndex, lesson, params),
    follow: 'always',
  };
}
