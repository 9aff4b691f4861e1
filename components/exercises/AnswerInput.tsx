/**
 * The answer fields of one exercise, chosen by its answer spec: one labelled
 * text field for a number, one per label for a shape, a grid of cells, a line
 * and a fix for spot-the-bug, cards with move buttons for an ordering, a file
 * picker for a weights file. It only collects text: what it means is the
 * checker's business. Enter in any text field submits (`onSubmit`).
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { AnswerSpec } from '../../src/exercises/index.ts';
import type { Locale } from '../../src/i18n/lessons.ts';
import { stringsFor } from '../kit/strings.ts';
import { STRINGS } from './strings/index.ts';

export interface AnswerInputProps {
  spec: AnswerSpec;
  fields: readonly string[];
  onChange: (fields: string[]) => void;
  /** Enter pressed in a text field. */
  onSubmit?: () => void;
  lang: Locale;
  disabled?: boolean;
  /** Marks the fields invalid for assistive technology (after an unreadable answer). */
  invalid?: boolean;
  /** Id of the feedback element, announced with the fields. */
  describedBy?: string;
}

function replace(fields: readonly string[], index: number, value: string): string[] {
  const next = [...fields];
  next[index] = value;
  return next;
}

export function AnswerInput({ spec, fields, onChange, onSubmit, lang, disabled = false, invalid = false, describedBy }: AnswerInputProps) {
  const s = stringsFor(STRINGS, lang);
  const id = useId();
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && onSubmit) {
      event.preventDefault();
      onSubmit();
    }
  };
  const text = (index: number, label: string, mode: 'numeric' | 'decimal' | 'text', extra: Record<string, unknown> = {}) => (
    <input
      id={`${id}-${index}`}
      type="text"
      inputMode={mode}
      autoComplete="off"
      spellcheck={false}
      value={fields[index] ?? ''}
      disabled={disabled}
      aria-invalid={invalid ? 'true' : undefined}
      aria-describedby={describedBy}
      onInput={(e) => onChange(replace(fields, index, (e.currentTarget as HTMLInputElement).value))}
      onKeyDown={onKeyDown}
      data-answer-field={index}
      aria-label={extra['aria-label'] as string | undefined}
      size={extra.size as number | undefined}
      title={label}
    />
  );

  switch (spec.kind) {
    case 'integer':
    case 'number':
      return (
        <div class="ex-answer ex-answer--single cl-field">
          <label for={`${id}-0`}>{spec.label[lang]}</label>
          {text(0, spec.label[lang], spec.kind === 'integer' ? 'numeric' : 'decimal')}
        </div>
      );
    case 'integers':
      return (
        <fieldset class="ex-answer ex-answer--several">
          <legend>{s.answer}</legend>
          <div class="ex-answer__row">
            {spec.labels.map((label, i) => (
              <div class="cl-field" key={i}>
                <label for={`${id}-${i}`}>{label[lang]}</label>
                {text(i, label[lang], 'numeric')}
              </div>
            ))}
          </div>
        </fieldset>
      );
    case 'grid':
      return (
        <fieldset class="ex-answer ex-answer--grid">
          <legend>
            {spec.label[lang]} <span class="ex-muted">({s.grid(spec.rows, spec.cols)})</span>
          </legend>
          <div class="ex-answer__grid" style={{ gridTemplateColumns: `repeat(${spec.cols}, minmax(2.6rem, 4.5rem))` }}>
            {Array.from({ length: spec.rows * spec.cols }, (_, i) => {
              const label = `${spec.label[lang]}: ${s.cell(Math.floor(i / spec.cols) + 1, (i % spec.cols) + 1)}`;
              return <span key={i}>{text(i, label, 'decimal', { 'aria-label': label, size: 4 })}</span>;
            })}
          </div>
        </fieldset>
      );
    case 'line-and-fix':
      return (
        <div class="ex-answer ex-answer--line-fix">
          <div class="cl-field">
            <label for={`${id}-line`}>{s.line}</label>
            <select
              id={`${id}-line`}
              value={fields[0] ?? ''}
              disabled={disabled}
              aria-describedby={describedBy}
              onChange={(e) => onChange(replace(fields, 0, (e.currentTarget as HTMLSelectElement).value))}
              data-answer-field={0}>
              <option value="">{s.chooseLine}</option>
              {Array.from({ length: spec.lines }, (_, i) => (
                <option key={i} value={String(i + 1)}>
                  {s.lineOption(i + 1)}
                </option>
              ))}
            </select>
          </div>
          <fieldset class="ex-answer__fixes">
            <legend>{s.fix}</legend>
            {spec.options.map((option) => (
              <label key={option.id} class="ex-radio">
                <input
                  type="radio"
                  name={`${id}-fix`}
                  value={option.id}
                  checked={fields[1] === option.id}
                  disabled={disabled}
                  onChange={() => onChange(replace(fields, 1, option.id))}
                  data-answer-option={option.id}
                />
                <span>{option.label[lang]}</span>
              </label>
            ))}
          </fieldset>
        </div>
      );
    case 'order':
      return <OrderInput spec={spec} fields={fields} onChange={onChange} lang={lang} disabled={disabled} />;
    case 'file':
      return <FileInput spec={spec} onChange={onChange} lang={lang} disabled={disabled} describedBy={describedBy} />;
  }
}

/** Cards in a list, each with buttons to move it; the moved card's button keeps the focus. */
function OrderInput({ spec, fields, onChange, lang, disabled }: { spec: Extract<AnswerSpec, { kind: 'order' }>; fields: readonly string[]; onChange: (f: string[]) => void; lang: Locale; disabled: boolean }) {
  const s = stringsFor(STRINGS, lang);
  const listRef = useRef<HTMLOListElement>(null);
  const legendId = useId();
  const [focus, setFocus] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const labels = new Map(spec.items.map((item) => [item.id, item.label[lang]]));
  useEffect(() => {
    if (!focus) return;
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>(`[data-card="${CSS.escape(focus.id)}"] button`);
    if (!buttons) return;
    // At an end the button just used is disabled: focus the other one.
    const preferred = focus.dir === 'up' ? buttons[0] : buttons[1];
    (preferred && !preferred.disabled ? preferred : focus.dir === 'up' ? buttons[1] : buttons[0])?.focus();
    setFocus(null);
  }, [focus]);
  const move = (index: number, dir: 'up' | 'down') => {
    const to = dir === 'up' ? index - 1 : index + 1;
    if (to < 0 || to >= fields.length) return;
    const next = [...fields];
    [next[index], next[to]] = [next[to], next[index]];
    onChange(next);
    setFocus({ id: fields[index], dir });
  };
  return (
    <div class="ex-answer ex-answer--order" role="group" aria-labelledby={legendId}>
      <p class="ex-answer__legend" id={legendId}>
        {s.order}
      </p>
      <ol class="ex-order" ref={listRef}>
        {fields.map((cardId, i) => {
          const label = labels.get(cardId) ?? cardId;
          const named = cardId.length <= 3 ? `${cardId}: ${label}` : label;
          return (
            <li key={cardId} class="ex-order__card" data-card={cardId}>
              <span class="ex-order__label">
                {/* The prompt names the cards by their ids (letters); show them beside the text. */}
                {cardId.length <= 3 && <span class="ex-order__id">{cardId}: </span>}
                {label}
              </span>
              <span class="ex-order__buttons">
                <button type="button" class="cl-button ex-order__move" aria-label={s.moveUp(named)} disabled={disabled || i === 0} onClick={() => move(i, 'up')}>
                  ↑
                </button>
                <button type="button" class="cl-button ex-order__move" aria-label={s.moveDown(named)} disabled={disabled || i === fields.length - 1} onClick={() => move(i, 'down')}>
                  ↓
                </button>
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** A file picker that hands on the file as a data: URL, refusing what is too large before reading it. */
function FileInput({ spec, onChange, lang, disabled, describedBy }: { spec: Extract<AnswerSpec, { kind: 'file' }>; onChange: (f: string[]) => void; lang: Locale; disabled: boolean; describedBy: string | undefined }) {
  const s = stringsFor(STRINGS, lang);
  const id = useId();
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const kb = (bytes: number) => (bytes / 1024).toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', { maximumFractionDigits: 1 });
  const pick = (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > spec.maxBytes) {
      setStatus({ ok: false, text: s.fileTooLarge(file.name, kb(spec.maxBytes)) });
      onChange(['']);
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      setStatus({ ok: true, text: s.fileChosen(file.name, kb(file.size)) });
      onChange([typeof reader.result === 'string' ? reader.result : '']);
    };
    reader.onerror = () => {
      setStatus({ ok: false, text: s.fileUnreadable(file.name) });
      onChange(['']);
    };
    reader.readAsDataURL(file);
  };
  return (
    <div class="ex-answer ex-answer--file cl-field">
      <label for={id}>{spec.label[lang]}</label>
      <input id={id} type="file" accept={spec.accept} disabled={disabled} aria-describedby={describedBy} onChange={pick} data-answer-field={0} />
      {status && (
        <p class={status.ok ? 'cl-hint' : 'cl-error'} role="status">
          {status.text}
        </p>
      )}
    </div>
  );
}
