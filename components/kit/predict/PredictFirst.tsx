/**
 * Predict first: a mode of a widget in which the student types a prediction
 * before the widget shows the engine's answer (the output size, a sum, a
 * receptive field). `PredictToggle` switches the mode; `PredictGate` stands in
 * for the answer until the prediction is in, then shows the verdict and the
 * answer. The widget decides what is hidden and when a new question begins
 * (`questionKey` changes: new settings, another position), and whether a
 * question has been revealed, so it can also mask other views of the answer.
 * The numbers compared are the engine's, handed in by the widget.
 * Styles: `.cl-predict*` in kit.css.
 */
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { stringsFor } from '../strings.ts';
import { STRINGS } from './strings/index.ts';

/** One number to predict. */
export interface PredictQuestion {
  /** What it is, e.g. "Output height". */
  label: string;
  /** The engine's value. */
  expected: number;
}

/** The mode switch. */
export function PredictToggle({ lang, on, onChange }: { lang: Locale; on: boolean; onChange: (on: boolean) => void }) {
  const t = stringsFor(STRINGS, lang);
  const hintId = useId();
  return (
    <div class="cl-predict-toggle">
      <label>
        <input type="checkbox" checked={on} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} aria-describedby={hintId} data-predict-toggle />
        {t.toggle}
      </label>
      <span id={hintId} class="cl-hint">
        {t.toggleHint}
      </span>
    </div>
  );
}

/** A typed prediction as a number: plain decimals only, the whole text. */
export function readPrediction(typed: string): number | null {
  const text = typed.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(text)) return null;
  return Number(text);
}

interface Verdict {
  key: string;
  lines: { right: boolean; text: string }[];
  right: number;
  skipped: boolean;
}

export interface PredictGateProps {
  lang: Locale;
  /** The mode is on. Off: the children are shown as if there were no gate. */
  on: boolean;
  /** Changes whenever the question does; typed predictions and the verdict belong to one key. */
  questionKey: string;
  /** What to predict, in a sentence. */
  prompt: string;
  questions: readonly PredictQuestion[];
  /** Whether this question's answer is already shown (the widget keeps it). */
  revealed: boolean;
  onReveal: () => void;
  /** Formats a value as the widget shows it. */
  format?: (value: number) => string;
  /** The answer: hidden until revealed. */
  children: ComponentChildren;
}

/** Stands in for the answer until a prediction is in. */
export function PredictGate({ lang, on, questionKey, prompt, questions, revealed, onReveal, format = String, children }: PredictGateProps) {
  const t = stringsFor(STRINGS, lang);
  const id = useId();
  const [typed, setTyped] = useState<{ key: string; values: string[] }>({ key: questionKey, values: [] });
  const [error, setError] = useState<string | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  if (!on) return <>{children}</>;
  const values = typed.key === questionKey ? typed.values : [];

  const submit = (skip: boolean) => {
    const lines: Verdict['lines'] = [];
    let right = 0;
    if (!skip) {
      for (let i = 0; i < questions.length; i++) {
        const q = questions[i];
        const value = readPrediction(values[i] ?? '');
        if (value === null) {
          setError(t.notANumber(q.label));
          document.getElementById(`${id}-${i}`)?.focus();
          return;
        }
        const ok = value === q.expected;
        if (ok) right++;
        lines.push({ right: ok, text: ok ? t.right(q.label, format(q.expected)) : t.wrong(q.label, (values[i] ?? '').trim(), format(q.expected)) });
      }
    }
    setError(null);
    setVerdict({ key: questionKey, lines, right, skipped: skip });
    onReveal();
  };

  if (revealed) {
    const shown = verdict && verdict.key === questionKey ? verdict : null;
    return (
      <>
        {shown && (
          <div class="cl-predict-verdict" role="status" data-predict-verdict={shown.skipped ? 'skipped' : shown.right === questions.length ? 'right' : 'wrong'}>
            {shown.skipped ? (
              <p>{t.skipped}</p>
            ) : (
              <>
                {shown.lines.map((line, i) => (
                  <p key={i} class={line.right ? 'cl-predict-right' : 'cl-predict-wrong'}>
                    <span aria-hidden="true">{line.right ? '✓ ' : '✗ '}</span>
                    {line.text}
                  </p>
                ))}
                {questions.length > 1 && <p>{t.score(shown.right, questions.length)}</p>}
              </>
            )}
          </div>
        )}
        {children}
      </>
    );
  }

  return (
    <form
      class="cl-predict"
      data-predict-gate
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}>
      <p class="cl-predict__title">
        <strong>{t.heading}</strong>
      </p>
      <p class="cl-predict__prompt">{prompt}</p>
      <div class="cl-predict__fields">
        {questions.map((q, i) => (
          <div class="cl-field" key={`${questionKey}:${i}`}>
            <label for={`${id}-${i}`}>{q.label}</label>
            <input
              id={`${id}-${i}`}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={values[i] ?? ''}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onInput={(e) => {
                const next = [...values];
                next[i] = (e.currentTarget as HTMLInputElement).value;
                setTyped({ key: questionKey, values: next });
                setError(null);
              }}
              data-predict-field={i}
            />
          </div>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} class="cl-error" role="alert">
          {error}
        </p>
      )}
      <div class="cl-predict__actions">
        <button type="submit" class="cl-button cl-button--primary" data-predict-reveal>
          {t.reveal}
        </button>
        <button type="button" class="cl-button" onClick={() => submit(true)} data-predict-skip>
          {t.skip}
        </button>
      </div>
    </form>
  );
}
