/**
 * The run's settings: dataset, network, optimiser and the numbers. Every field
 * is labelled and checked as it is typed (`settings.ts` holds the rules); the
 * network's shapes and parameters are traced live by the engine's `summary`.
 */
import { useEffect, useId, useRef } from 'preact/hooks';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { OPTIMIZER_KINDS, TRAIN_DATASETS } from '../../../src/training/config.ts';
import type { LayerSpec } from '../../../src/training/config.ts';
import type { ArchitectureCheck } from '../../../src/training/architecture.ts';
import { IMAGE_SHAPE } from '../../../src/training/architecture.ts';
import { NumberField } from '../../kit/NumberField.tsx';
import { StackEditor } from './StackEditor.tsx';
import { SummaryTable } from './SummaryTable.tsx';
import { parseField, withOptimizer } from './settings.ts';
import type { DashboardLesson, DashboardSettings, NumberFieldName } from './settings.ts';
import { megabytes } from './format.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import type { TrainingStrings } from './strings/index.ts';

/** Screens narrow enough that the layer editor starts closed (the site's phone breakpoint). */
export const NARROW_SCREEN = '(max-width: 36rem)';

/** Props of {@link SetupPanel}. */
export interface SetupPanelProps {
  settings: DashboardSettings;
  onChange: (settings: DashboardSettings) => void;
  onInvalid: (field: string, invalid: boolean) => void;
  /** Changed by "Restore the defaults": every field shows its value afresh, even one left invalid. */
  revision: number;
  lesson: DashboardLesson;
  check: ArchitectureCheck;
  /** Download size of each dataset (both splits), once the manifest is read. */
  dataSizes: Partial<Record<string, number>>;
  /** id the Start button's reason can point at when the stack is broken. */
  problemId: string;
  t: TrainingStrings;
  lang: Locale;
}

/** The form. */
export function SetupPanel({ settings, onChange, onInvalid, revision, lesson, check, dataSizes, problemId, t, lang }: SetupPanelProps) {
  const s = t.setup;
  const numbersId = useId();
  // The layer editor is nine rows of fields: open it where there is room beside the rest,
  // but start it closed on a phone, where it would make the page thousands of pixels taller.
  const editorRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (editorRef.current && typeof matchMedia === 'function' && matchMedia(NARROW_SCREEN).matches) editorRef.current.open = false;
  }, []);
  const set = <K extends keyof DashboardSettings>(key: K, value: DashboardSettings[K]) => onChange({ ...settings, [key]: value });
  const parser = (field: NumberFieldName) => (text: string) => {
    const parsed = parseField(field, text);
    return 'value' in parsed ? parsed : { message: t.fieldProblem(parsed.problem) };
  };
  const numberField = (field: NumberFieldName, size = 8) => (
    <NumberField
      class="training-number"
      key={field}
      name={field}
      label={s.fields[field]}
      hint={s.hints[field]}
      value={settings[field]}
      size={size}
      revision={revision}
      check={parser(field)}
      onInvalid={(invalid) => onInvalid(field, invalid)}
      onChange={(value) => set(field, value)}
    />
  );
  const size = dataSizes[settings.dataset];
  return (
    <div class="training-setup">
      <div class="cl-controls">
        <ChoiceGroup
          label={s.dataset}
          options={TRAIN_DATASETS.map((value) => ({ value, label: s.datasetNames[value] }))}
          value={settings.dataset}
          onChange={(value) => set('dataset', value)}
        />
        {lesson === 'training' && (
          <ChoiceGroup
            label={s.architecture}
            options={[
              ...(['stack', 'lenet5'] as const).map((value) => ({ value, label: s.archNames[value] })),
              // A zoo model arrives only from the library or a link; it stays a choice while it is the one in use.
              ...(settings.arch === 'zoo' ? [{ value: 'zoo' as const, label: s.archNames[settings.zooModel] }] : []),
            ]}
            value={settings.arch}
            onChange={(value) => set('arch', value)}
          />
        )}
      </div>
      <p class="cl-hint training-setup__size">{size !== undefined ? s.downloadSize(megabytes(size)) : s.downloadOnce}</p>

      {settings.arch === 'lenet5' && (
        <div class="cl-controls">
          <ChoiceGroup
            label={s.lenetActivation}
            options={(['tanh', 'relu'] as const).map((value) => ({ value, label: s.activationNames[value] }))}
            value={settings.lenetActivation}
            onChange={(value) => set('lenetActivation', value)}
          />
          <ChoiceGroup
            label={s.lenetPooling}
            options={(['avg', 'max'] as const).map((value) => ({ value, label: s.poolingNames[value] }))}
            value={settings.lenetPooling}
            onChange={(value) => set('lenetPooling', value)}
          />
        </div>
      )}

      {settings.arch === 'stack' && (
        <details class="training-details" open ref={editorRef}>
          <summary>{s.stackHeading}</summary>
          <StackEditor layers={settings.layers} check={check} onChange={(layers: LayerSpec[]) => set('layers', layers)} onInvalid={onInvalid} revision={revision} t={t} lang={lang} />
        </details>
      )}
      <SummaryTable check={check} inputShape={IMAGE_SHAPE} t={t} lang={lang} problemId={problemId} />

      <fieldset class="training-fieldset" aria-describedby={numbersId}>
        <legend>{s.optimiserHeading}</legend>
        <p id={numbersId} class="cl-hint">
          {s.optimiserHint}
        </p>
        <ChoiceGroup
          label={s.optimizer}
          options={OPTIMIZER_KINDS.map((value) => ({ value, label: s.optimizerNames[value] }))}
          value={settings.optimizer}
          onChange={(value) => onChange(withOptimizer(settings, value))}
        />
        <div class="training-fields">
          {numberField('lr')}
          {settings.optimizer === 'momentum' && numberField('momentum')}
          {numberField('weightDecay')}
          {numberField('batchSize', 6)}
          {numberField('epochs', 5)}
          {numberField('seed', 11)}
        </div>
      </fieldset>
    </div>
  );
}
