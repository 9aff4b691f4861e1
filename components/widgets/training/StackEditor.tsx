/**
 * The learner's own network, one card per layer: its kind, its settings, and
 * the output shape the engine's `summary` traced for it. Layers can be added,
 * removed, moved and changed; every edit is checked at once (by the dashboard,
 * with `checkArchitecture`) and a layer that does not fit is marked with the
 * reason.
 */
import { useId, useState } from 'preact/hooks';
import { ACTIVATION_KINDS } from '../../../src/training/config.ts';
import type { ActivationKind, LayerSpec } from '../../../src/training/config.ts';
import type { ArchitectureCheck } from '../../../src/training/architecture.ts';
import { LAYER_BOUNDS } from '../../../src/training/architecture.ts';
import { NumberField } from '../../kit/NumberField.tsx';
import { EDITABLE_TYPES, changeType, insertLayer, moveLayer, removeLayer, updateLayer } from './stack-edit.ts';
import type { EditableType } from './stack-edit.ts';
import { grouped, shapeText } from './format.ts';
import type { TrainingStrings } from './strings/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';

/** Props of {@link StackEditor}. */
export interface StackEditorProps {
  layers: LayerSpec[];
  check: ArchitectureCheck;
  onChange: (layers: LayerSpec[]) => void;
  t: TrainingStrings;
  lang: Locale;
  disabled?: boolean;
  /** Told, per field, while its text is not acceptable: the dashboard holds Start meanwhile. */
  onInvalid?: (field: string, invalid: boolean) => void;
  /** Changed by "Restore the defaults": every field shows its value afresh, even one left invalid. */
  revision?: number;
}

/**
 * Whole numbers for layer settings, within the bounds the network builder enforces
 * (so 9999 filters is refused at the field, saying the cap, rather than later by the
 * builder); whether a value fits the shapes is the shape check's business.
 */
export function wholeNumber(t: TrainingStrings, bounds: { min: number; max: number }) {
  return (text: string): { value: number } | { message: string } => {
    const trimmed = text.trim();
    const value = Number(trimmed);
    if (!/^\d{1,9}$/.test(trimmed) || value < bounds.min || value > bounds.max) return { message: t.stack.wholeNumber(bounds.min, bounds.max) };
    return { value };
  };
}

function probability(t: TrainingStrings) {
  return (text: string): { value: number } | { message: string } => {
    const trimmed = text.trim();
    const value = Number(trimmed);
    if (!/^\d*\.?\d+$/.test(trimmed) || !(value >= 0 && value < 1)) return { message: t.stack.probability };
    return { value };
  };
}

interface LayerFieldsProps {
  layer: LayerSpec;
  index: number;
  t: TrainingStrings;
  disabled?: boolean;
  onPatch: (patch: Partial<LayerSpec>) => void;
  onInvalid?: (field: string, invalid: boolean) => void;
  revision?: number;
}

/** The settings of one layer, by kind. */
function LayerFields({ layer, index, t, disabled, onPatch, onInvalid, revision }: LayerFieldsProps) {
  const s = t.stack;
  const B = LAYER_BOUNDS;
  // Every layer field reports its validity under its own name, as the optimiser's fields do.
  const field = (name: string) => ({ name, revision, disabled, onInvalid: (invalid: boolean) => onInvalid?.(name, invalid) });
  switch (layer.type) {
    case 'conv':
      return (
        <>
          <NumberField class="training-number" {...field(`conv-out-${index}`)} label={s.outChannels} value={layer.outChannels} size={4} check={wholeNumber(t, B.outChannels)} onChange={(v) => onPatch({ outChannels: v })} />
          <NumberField class="training-number" {...field(`conv-k-${index}`)} label={s.kernelSize} value={layer.kernelSize} size={3} check={wholeNumber(t, B.convKernel)} onChange={(v) => onPatch({ kernelSize: v })} />
          <NumberField class="training-number" {...field(`conv-s-${index}`)} label={s.stride} value={layer.stride ?? 1} size={3} check={wholeNumber(t, B.convStride)} onChange={(v) => onPatch({ stride: v })} />
          <NumberField class="training-number" {...field(`conv-p-${index}`)} label={s.padding} value={layer.padding ?? 0} size={3} check={wholeNumber(t, B.convPadding)} onChange={(v) => onPatch({ padding: v })} />
        </>
      );
    case 'pool':
      return (
        <>
          <SelectField
            label={s.poolKind}
            value={layer.kind}
            options={[
              { value: 'max', label: s.poolKinds.max },
              { value: 'avg', label: s.poolKinds.avg },
            ]}
            disabled={disabled}
            onChange={(v) => onPatch({ kind: v as 'max' | 'avg' })}
          />
          <NumberField class="training-number" {...field(`pool-k-${index}`)} label={s.kernelSize} value={layer.kernelSize} size={3} check={wholeNumber(t, B.poolKernel)} onChange={(v) => onPatch({ kernelSize: v })} />
          <NumberField class="training-number" {...field(`pool-s-${index}`)} label={s.stride} value={layer.stride ?? layer.kernelSize} size={3} check={wholeNumber(t, B.poolStride)} onChange={(v) => onPatch({ stride: v })} />
        </>
      );
    case 'activation':
      return (
        <SelectField
          label={s.activationKind}
          value={layer.kind}
          options={ACTIVATION_KINDS.map((kind) => ({ value: kind, label: s.activations[kind] }))}
          disabled={disabled}
          onChange={(v) => onPatch({ kind: v as ActivationKind })}
        />
      );
    case 'linear':
      return <NumberField class="training-number" {...field(`fc-${index}`)} label={s.outFeatures} value={layer.outFeatures} size={5} check={wholeNumber(t, B.outFeatures)} onChange={(v) => onPatch({ outFeatures: v })} />;
    case 'dropout':
      return <NumberField class="training-number" {...field(`drop-${index}`)} label={s.dropRate} value={layer.p ?? 0.5} size={4} check={probability(t)} onChange={(v) => onPatch({ p: v })} />;
    case 'flatten':
      return <p class="cl-hint training-stack__note">{s.flattenNote}</p>;
  }
}

interface SelectFieldProps {
  label: string;
  /** Keep the label for assistive technology only (the row already says what it is). */
  hideLabel?: boolean;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  disabled?: boolean;
}

/** A labelled native select. */
function SelectField({ label, hideLabel, value, options, onChange, disabled }: SelectFieldProps) {
  const id = useId();
  return (
    <div class="cl-field training-select">
      <label for={id} class={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select id={id} value={value} disabled={disabled} onChange={(event) => onChange(event.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The editable stack. */
export function StackEditor({ layers, check, onChange, t, lang, disabled, onInvalid, revision }: StackEditorProps) {
  const s = t.stack;
  const [newType, setNewType] = useState<EditableType>('conv');
  const faultIndex = !check.ok ? check.layerIndex : undefined;
  return (
    <div class="training-stack">
      <ol class="training-stack__list">
        {layers.map((layer, index) => {
          const row = check.ok ? check.layers[index] : undefined;
          const broken = faultIndex === index;
          const name = s.layerName(index, s.types[layer.type]);
          return (
            <li
              key={index}
              class={broken ? 'training-stack__layer training-stack__layer--broken' : 'training-stack__layer'}
              aria-label={name}
              data-layer-index={index}
            >
              <span class="training-stack__index" aria-hidden="true">
                {index}
              </span>
              <SelectField
                label={s.kindOf(index)}
                hideLabel
                value={layer.type}
                options={EDITABLE_TYPES.map((type) => ({ value: type, label: s.types[type] }))}
                disabled={disabled}
                onChange={(v) => onChange(changeType(layers, index, v as EditableType))}
              />
              <div class="training-stack__fields">
                <LayerFields layer={layer} index={index} t={t} disabled={disabled} onInvalid={onInvalid} revision={revision} onPatch={(patch) => onChange(updateLayer(layers, index, patch))} />
              </div>
              <p class="training-stack__out">
                {row ? s.outputLine(shapeText(row.outputShape), grouped(row.params, lang)) : broken ? s.brokenHere : s.notTraced}
              </p>
              <div class="training-stack__buttons">
                <button type="button" class="cl-button training-icon-button" disabled={disabled || index === 0} aria-label={s.moveUp(name)} title={s.moveUp(name)} onClick={() => onChange(moveLayer(layers, index, -1))}>
                  <span aria-hidden="true">↑</span>
                </button>
                <button type="button" class="cl-button training-icon-button" disabled={disabled || index === layers.length - 1} aria-label={s.moveDown(name)} title={s.moveDown(name)} onClick={() => onChange(moveLayer(layers, index, 1))}>
                  <span aria-hidden="true">↓</span>
                </button>
                <button type="button" class="cl-button training-icon-button" disabled={disabled || layers.length === 1} aria-label={s.remove(name)} title={s.remove(name)} onClick={() => onChange(removeLayer(layers, index))}>
                  <span aria-hidden="true">×</span>
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div class="training-stack__add">
        <SelectField
          label={s.newLayer}
          value={newType}
          options={EDITABLE_TYPES.map((type) => ({ value: type, label: s.types[type] }))}
          disabled={disabled}
          onChange={(v) => setNewType(v as EditableType)}
        />
        <button
          type="button"
          class="cl-button"
          disabled={disabled}
          onClick={() => {
            // Before the last layer (the class scores) unless the stack is empty.
            const at = Math.max(0, layers.length - 1);
            onChange(insertLayer(layers, at, newType));
          }}
        >
          {s.add}
        </button>
        <p class="cl-hint">{s.addHint}</p>
      </div>
    </div>
  );
}
