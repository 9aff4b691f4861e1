/**
 * The dashboard's settings: the field rules agree with the trainer's own
 * checks, every default and every new layer builds, the address bar and the
 * stack code round-trip, and bad links fall back with the bad keys named.
 */
import { describe, expect, it } from 'vitest';
import { checkTrainConfig, DEFAULT_STACK, OPTIMIZER_DEFAULTS } from '../../../src/training/config.ts';
import type { TrainConfig } from '../../../src/training/config.ts';
import { checkArchitecture } from '../../../src/training/architecture.ts';
import {
  FIELD_RULES,
  NUMBER_FIELDS,
  architectureOf,
  defaultSettings,
  fromTrainConfig,
  numberProblem,
  parseField,
  sameRun,
  toTrainConfig,
  withOptimizer,
} from '../../../components/widgets/training/settings.ts';
import type { NumberFieldName } from '../../../components/widgets/training/settings.ts';
import { decodeLayer, decodeStack, encodeLayer, encodeStack } from '../../../components/widgets/training/stack-code.ts';
import {
  EDITABLE_TYPES,
  changeType,
  insertLayer,
  moveLayer,
  newLayer,
  removeLayer,
  updateLayer,
} from '../../../components/widgets/training/stack-edit.ts';
import { initialState, readUrlState, settingsQuery, writeUrlState } from '../../../components/widgets/training/url-state.ts';
import { STRINGS } from '../../../components/widgets/training/strings/index.ts';

const LESSONS = ['training', 'lenet-5'] as const;

/** Whether the trainer itself accepts `value` for `field`. */
function trainerAccepts(field: NumberFieldName, value: number): boolean {
  const config = toTrainConfig({ ...defaultSettings('lenet-5'), optimizer: 'momentum', [field]: value });
  try {
    checkTrainConfig(config);
    return true;
  } catch {
    return false;
  }
}

describe('settings', () => {
  it('each lesson starts from a run the trainer accepts and a network the engine can trace', () => {
    for (const lesson of LESSONS) {
      const settings = defaultSettings(lesson);
      expect(() => checkTrainConfig(toTrainConfig(settings))).not.toThrow();
      const check = checkArchitecture(architectureOf(settings));
      expect(check.ok).toBe(true);
    }
    expect(defaultSettings('training').arch).toBe('stack');
    expect(defaultSettings('lenet-5').arch).toBe('lenet5');
    // LeNet-5 for 28x28 MNIST: the engine's count.
    const lenet = checkArchitecture(architectureOf(defaultSettings('lenet-5')));
    expect(lenet.ok && lenet.totalParams).toBe(61706);
  });

  it('the form refuses exactly what the trainer refuses, at and around every bound', () => {
    for (const field of NUMBER_FIELDS) {
      const rule = FIELD_RULES[field];
      const probes = [rule.min, rule.max, rule.min - 1, rule.max + 1, (rule.min + rule.max) / 2, rule.min + 0.5, rule.max - 0.5, Number.NaN];
      for (const value of probes) {
        expect({ field, value, ok: numberProblem(field, value) === null }).toEqual({ field, value, ok: trainerAccepts(field, value) });
      }
    }
  });

  it('says why a number is refused', () => {
    expect(numberProblem('lr', 0)).toEqual({ kind: 'range', integer: false, min: 0, max: 10, minOpen: true });
    expect(numberProblem('momentum', 1)).toEqual({ kind: 'range', integer: false, min: 0, max: 1, maxOpen: true });
    expect(numberProblem('batchSize', 64.5)).toEqual({ kind: 'notWhole', integer: true, min: 1, max: 1024 });
    expect(numberProblem('epochs', Number.POSITIVE_INFINITY)).toEqual({ kind: 'notANumber', integer: true, min: 1, max: 100 });
    expect(numberProblem('seed', 2 ** 32)).toMatchObject({ kind: 'range', max: 0xffffffff });
  });

  it('parses the ways people write numbers, and nothing else', () => {
    expect(parseField('lr', '1e-3')).toEqual({ value: 0.001 });
    expect(parseField('lr', ' 0.05 ')).toEqual({ value: 0.05 });
    expect(parseField('lr', '.5')).toEqual({ value: 0.5 });
    expect(parseField('batchSize', '64')).toEqual({ value: 64 });
    for (const text of ['', ' ', 'abc', '0x10', 'Infinity', '1,5', '--1']) {
      expect(parseField('lr', text)).toEqual({ problem: { kind: 'notANumber', integer: false, min: 0, max: 10, minOpen: true } });
    }
    expect(parseField('batchSize', '0')).toEqual({ problem: { kind: 'range', integer: true, min: 1, max: 1024 } });
  });

  // Issue 8: an empty Epochs or Seed field suggested "such as 0.01 or 1e-3".
  it('states the whole rule of the field, in both languages', () => {
    for (const lang of ['en', 'ko'] as const) {
      const say = (field: 'epochs' | 'seed' | 'lr', text: string) => {
        const parsed = parseField(field, text);
        return 'problem' in parsed ? STRINGS[lang].fieldProblem(parsed.problem) : '';
      };
      for (const field of ['epochs', 'seed'] as const) {
        for (const text of ['', 'abc', '1.5', '-1']) {
          expect(say(field, text)).not.toContain('0.01');
          expect(say(field, text)).toContain(String(FIELD_RULES[field].max));
        }
      }
      expect(say('lr', '')).toContain('0.01');
      expect(say('lr', '')).toContain('10');
    }
    expect(STRINGS.en.fieldProblem({ kind: 'notANumber', ...FIELD_RULES.epochs })).toBe('Type a whole number from 1 to 100.');
  });

  it('round-trips through the trainer config, and tells runs apart', () => {
    for (const lesson of LESSONS) {
      const settings = { ...defaultSettings(lesson), lr: 0.05, seed: 9, epochs: 3 };
      const config = toTrainConfig(settings);
      expect(fromTrainConfig(config, defaultSettings(lesson))).toEqual(settings);
      expect(sameRun(config, structuredClone(config))).toBe(true);
      expect(sameRun(config, toTrainConfig({ ...settings, seed: 10 }))).toBe(false);
    }
    // Key order and missing optional fields do not make two runs differ.
    const a: TrainConfig = toTrainConfig(defaultSettings('training'));
    const b = JSON.parse(JSON.stringify({ seed: a.seed, epochs: a.epochs, batchSize: a.batchSize, optimizer: a.optimizer, architecture: a.architecture, dataset: a.dataset, trainLimit: undefined }));
    expect(sameRun(a, b)).toBe(true);
  });

  it('switching optimiser brings its usual learning rate', () => {
    const adam = withOptimizer(defaultSettings('lenet-5'), 'adam');
    expect(adam.lr).toBe(OPTIMIZER_DEFAULTS.adam.lr);
    expect(toTrainConfig(adam).optimizer.momentum).toBe(0);
    expect(withOptimizer(adam, 'momentum').momentum).toBe(OPTIMIZER_DEFAULTS.momentum.momentum);
  });
});

describe('stack code', () => {
  it('round-trips the default stack and every kind of new layer', () => {
    expect(encodeStack(DEFAULT_STACK.layers)).toBe('conv8k5p2,relu,max2,conv16k5,relu,max2,flat,fc64,relu,fc10');
    expect(decodeStack(encodeStack(DEFAULT_STACK.layers))).toEqual(DEFAULT_STACK.layers);
    for (const type of EDITABLE_TYPES) {
      const layer = newLayer(type);
      expect(encodeLayer(decodeLayer(encodeLayer(layer))!)).toBe(encodeLayer(layer));
    }
    expect(decodeLayer('conv32k3s2p1')).toEqual({ type: 'conv', outChannels: 32, kernelSize: 3, stride: 2, padding: 1 });
    expect(decodeLayer('avg3s2')).toEqual({ type: 'pool', kind: 'avg', kernelSize: 3, stride: 2 });
    expect(decodeLayer('lrelu')).toEqual({ type: 'activation', kind: 'leakyRelu' });
    expect(decodeLayer('drop0.25')).toEqual({ type: 'dropout', p: 0.25 });
  });

  it('refuses misspelt stacks', () => {
    for (const text of ['', 'conv', 'conv8', 'max', 'fc', 'relu,,fc10', 'drop1.5', 'pool2', 'fc10;drop']) {
      expect(decodeStack(text)).toBeNull();
    }
    expect(decodeStack(Array(65).fill('relu').join(','))).toBeNull();
  });
});

describe('stack edits', () => {
  const base = DEFAULT_STACK.layers;

  it('insert, remove, move, change kind and settings without touching the original', () => {
    const frozen = JSON.stringify(base);
    expect(insertLayer(base, base.length - 1, 'dropout').at(-2)).toEqual({ type: 'dropout', p: 0.5 });
    expect(removeLayer(base, 1)).toHaveLength(base.length - 1);
    expect(moveLayer(base, 0, 1)[1]).toEqual(base[0]);
    expect(moveLayer(base, 0, -1)).toEqual(base);
    expect(changeType(base, 1, 'pool')[1]).toEqual(newLayer('pool'));
    expect(changeType(base, 1, 'activation')).toEqual(base);
    expect(updateLayer(base, 0, { outChannels: 4 })[0]).toEqual({ ...base[0], outChannels: 4 });
    expect(JSON.stringify(base)).toBe(frozen);
    expect(() => removeLayer(base, base.length)).toThrow(`index must be an integer from 0 to ${base.length - 1}, got ${base.length}`);
  });

  it('a broken edit is reported by the engine at the layer that breaks', () => {
    // Remove the flatten: the first fully connected layer now gets maps.
    const flatAt = base.findIndex((l) => l.type === 'flatten');
    const check = checkArchitecture({ kind: 'stack', layers: removeLayer(base, flatAt) });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.layerIndex).toBe(flatAt);
      expect(check.layerType).toBe('linear');
      expect(check.message).toMatch(/put a flatten layer before it/);
    }
  });
});

describe('address bar', () => {
  it('defaults write an empty query, and any change round-trips', () => {
    for (const lesson of LESSONS) {
      expect(settingsQuery(defaultSettings(lesson), 0, lesson)).toBe('');
    }
    const changed = {
      ...withOptimizer(defaultSettings('training'), 'adam'),
      dataset: 'fashion-mnist' as const,
      layers: insertLayer(DEFAULT_STACK.layers, 2, 'dropout'),
      batchSize: 32,
      epochs: 1,
      seed: 7,
      weightDecay: 0.0005,
    };
    const query = settingsQuery(changed, 12, 'training');
    expect(query).toContain('ds=fashion-mnist');
    expect(query).toContain('opt=adam');
    const back = readUrlState(`?${query}`, 'training');
    expect(back.rejected).toEqual([]);
    expect(back.settings).toEqual(changed);
    expect(back.testIndex).toBe(12);
  });

  it('bad values fall back to defaults, and their keys are named', () => {
    const state = readUrlState('?lr=0&bs=64.5&ds=cifar&layers=conv&opt=rmsprop&seed=-1&ep=7&img=10000', 'training');
    expect(state.rejected.sort()).toEqual(['bs', 'ds', 'img', 'layers', 'lr', 'opt', 'seed'].sort());
    const defaults = defaultSettings('training');
    expect(state.settings).toEqual({ ...defaults, epochs: 7 });
    expect(state.testIndex).toBe(0);
  });

  // Issue 8: `?lr=banana&epochs=-5` named only lr, and `?layers=conv0k0` opened silently broken.
  it('names every bad key, long spellings included, and refuses a stack that cannot be built', () => {
    expect(readUrlState('?lr=banana&epochs=-5', 'training').rejected).toEqual(['lr', 'epochs']);
    expect(readUrlState('?epochs=5', 'training')).toMatchObject({ rejected: [], settings: { epochs: 5 } });
    expect(readUrlState('?layers=conv0k0', 'training')).toMatchObject({ rejected: ['layers'], settings: { layers: defaultSettings('training').layers } });
    const params = new URLSearchParams('epochs=5&other=1');
    writeUrlState({ ...defaultSettings('training'), epochs: 5 }, 0, 'training', params);
    expect(params.toString()).toBe('other=1&ep=5');
  });

  it('lesson 14 keeps LeNet-5: a link asking for a stack is refused there', () => {
    expect(readUrlState('?arch=stack', 'lenet-5')).toMatchObject({ rejected: ['arch'], settings: { arch: 'lenet5' } });
    expect(readUrlState('?arch=lenet5&act=relu&pool=max', 'training').settings).toMatchObject({ arch: 'lenet5', lenetActivation: 'relu', lenetPooling: 'max' });
  });

  // A mini VGG loaded from the library into lesson 13 wrote `arch=zoo`, which the same page refused on reload.
  it('lesson 13 round-trips a zoo model through the address; a case-study lesson keeps its own model', () => {
    const loaded = { ...defaultSettings('training'), arch: 'zoo' as const, zooModel: 'miniVgg' as const };
    const query = settingsQuery(loaded, 0, 'training');
    expect(query).toBe('arch=zoo&model=miniVgg');
    expect(readUrlState(`?${query}`, 'training')).toMatchObject({ rejected: [], settings: { arch: 'zoo', zooModel: 'miniVgg' } });
    expect(readUrlState('?arch=zoo&model=bigVgg', 'training')).toMatchObject({ rejected: ['model'], settings: { zooModel: defaultSettings('training').zooModel } });
    expect(readUrlState('?arch=zoo', 'lenet-5')).toMatchObject({ rejected: ['arch'], settings: { arch: 'lenet5' } });
    expect(readUrlState('?model=miniResNet', 'vgg')).toMatchObject({ rejected: ['model'], settings: { arch: 'zoo', zooModel: 'miniVgg' } });
    expect(readUrlState('?arch=zoo&model=miniVgg', 'vgg')).toMatchObject({ rejected: [], settings: { arch: 'zoo', zooModel: 'miniVgg' } });
    expect(settingsQuery(defaultSettings('vgg'), 0, 'vgg')).toBe('');
  });

  it('a shared link wins over remembered settings, which win over defaults', () => {
    expect(initialState('?seed=5', 'seed=9&ep=4', 'lenet-5').settings).toMatchObject({ seed: 5, epochs: 2 });
    expect(initialState('?other=1', 'seed=9&ep=4', 'lenet-5').settings).toMatchObject({ seed: 9, epochs: 4 });
    expect(initialState('', '', 'lenet-5').settings).toEqual(defaultSettings('lenet-5'));
    // A remembered value that no longer passes is dropped without a note: the reader never typed it.
    expect(initialState('', 'lr=99', 'lenet-5')).toMatchObject({ rejected: [], settings: { lr: defaultSettings('lenet-5').lr } });
  });
});
