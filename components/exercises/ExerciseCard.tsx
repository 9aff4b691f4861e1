/**
 * One exercise in a lesson: the prompt of a seeded variant, labelled answer
 * fields, Check (feedback at once, from the framework's checker: nothing is
 * judged here), hints one at a time, the worked solution after an attempt, and
 * "New variant". What the student typed, the variant and the best score are
 * kept in localStorage (storage.ts) and come back after a reload.
 *
 * The server renders a fixed first variant (so the page is the same for
 * everyone and readable before scripts run); in the browser the stored variant,
 * if any, replaces it. Slow checks (a weights file, a kernel run over a picture)
 * go to a worker with a progress bar.
 */
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { checkAnswerNow, fnv1a32, getExercise, makeVariant, randomSeed } from '../../src/exercises/index.ts';
import type { AnyExercise, CheckResult } from '../../src/exercises/index.ts';
import { checksInWorker } from '../../src/exercises/check-protocol.ts';
import type { Locale } from '../../src/i18n/lessons.ts';
import { ProgressBar } from '../kit/ProgressBar.tsx';
import { stringsFor } from '../kit/strings.ts';
import { AnswerInput } from './AnswerInput.tsx';
import { emptyFields, encodeFields, restoreFields } from './answer-fields.ts';
import { checkInWorker } from './check-client.ts';
import type { CheckProgress } from './check-client.ts';
import { PromptBlocks } from './PromptBlocks.tsx';
import { readPractice, writePracticeEntry } from './storage.ts';
import { STRINGS } from './strings/index.ts';
import type { ExerciseStrings } from './strings/index.ts';

export interface ExerciseCardProps {
  /** The exercise's id; its latest version is shown. */
  id: string;
  lang: Locale;
  /** Its number in the list ("Exercise 2"). */
  number?: number;
}

/** The variant everyone sees first: fixed per exercise, so server and browser agree. */
export function firstSeed(id: string): number {
  return fnv1a32(`first:${id}`);
}

/** A whole percentage of a score in [0, 1]. */
export function percent(score: number): number {
  return Math.round(score * 100);
}

export function ExerciseCard({ id, lang, number }: ExerciseCardProps) {
  const s = stringsFor(STRINGS, lang);
  const exercise = getExercise(id);
  if (!exercise) {
    return (
      <section class="ex-card" data-exercise={id}>
        <p class="cl-error">{s.notFound(id)}</p>
      </section>
    );
  }
  return <Card exercise={exercise} lang={lang} number={number} s={s} />;
}

function Card({ exercise, lang, number, s }: { exercise: AnyExercise; lang: Locale; number: number | undefined; s: ExerciseStrings }) {
  const ids = useId();
  const [seed, setSeed] = useState(() => firstSeed(exercise.id));
  const variant = useMemo(() => makeVariant(exercise, seed), [exercise, seed]);
  const spec = useMemo(() => exercise.answerSpec(variant.params), [exercise, variant]);
  const [fields, setFields] = useState<string[]>(() => emptyFields(spec));
  const [result, setResult] = useState<CheckResult | null>(null);
  const [hintsShown, setHintsShown] = useState(0);
  const [attempted, setAttempted] = useState(false);
  const [solutionOpen, setSolutionOpen] = useState(false);
  const [best, setBest] = useState(0);
  const [busy, setBusy] = useState<CheckProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [restored, setRestored] = useState(false);
  const seedRef = useLatest(seed);

  // Bring back what this browser kept, once, after the first render.
  useEffect(() => {
    const entry = readPractice()[exercise.id];
    if (entry) {
      const storedSpec = exercise.answerSpec(makeVariant(exercise, entry.seed).params);
      setSeed(entry.seed);
      setFields(restoreFields(storedSpec, entry.fields) ?? emptyFields(storedSpec));
      setBest(entry.best);
      setAttempted(entry.attempted);
    }
    setRestored(true);
  }, [exercise]);

  useEffect(() => {
    if (restored) writePracticeEntry(exercise.id, { seed, fields, best, attempted });
  }, [restored, exercise, seed, fields, best, attempted]);

  const prompt = exercise.prompt(variant.params)[lang];
  const hints = useMemo(() => exercise.hints(variant.params), [exercise, variant]);
  const solution = attempted && solutionOpen ? exercise.solution(variant.params)[lang] : null;

  const judged = (r: CheckResult) => {
    setResult(r);
    if (r.status !== 'invalid') setAttempted(true);
    setBest((b) => Math.max(b, r.score));
  };

  const check = () => {
    if (busy) return;
    setFailure(null);
    const typed = encodeFields(spec, fields);
    if (!checksInWorker(exercise)) {
      judged(checkAnswerNow(exercise, variant.params, typed));
      return;
    }
    setBusy({ stage: 'check' });
    const forSeed = seed;
    checkInWorker(exercise, variant.params, typed, setBusy)
      .then((r) => {
        // A check that finishes after "New variant" belongs to the old numbers.
        if (forSeed === seedRef.current) judged(r);
      })
      .catch(() => setFailure(s.workerFailed))
      .finally(() => setBusy(null));
  };

  const newVariant = () => {
    let next = randomSeed();
    if (next === seed) next = (next + 1) >>> 0;
    const nextSpec = exercise.answerSpec(makeVariant(exercise, next).params);
    setSeed(next);
    setFields(emptyFields(nextSpec));
    setResult(null);
    setHintsShown(0);
    setAttempted(false);
    setSolutionOpen(false);
    setFailure(null);
  };

  const titleId = `${ids}-title`;
  const feedbackId = `${ids}-feedback`;
  const solutionId = `${ids}-solution`;
  return (
    <section class="ex-card" data-exercise={exercise.id} data-seed={seed} data-version={exercise.version} data-ready={restored ? 'true' : undefined} aria-labelledby={titleId}>
      <header class="ex-card__header">
        <h3 id={titleId} class="ex-card__title">
          {number !== undefined && <span class="ex-card__number">{s.exerciseLabel(number)}. </span>}
          {exercise.title[lang]}
        </h3>
        {best > 0 && (
          <span class="ex-card__best" data-best={percent(best)}>
            {s.best(percent(best))}
          </span>
        )}
      </header>
      <PromptBlocks blocks={prompt} class="ex-card__prompt" />
      <form
        class="ex-card__form"
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}>
        <AnswerInput spec={spec} fields={fields} onChange={setFields} onSubmit={check} lang={lang} disabled={busy !== null} invalid={result?.status === 'invalid'} describedBy={result ? feedbackId : undefined} />
        <div class="ex-card__actions">
          <button type="submit" class="cl-button cl-button--primary" disabled={busy !== null} data-action="check">
            {busy ? s.checking : s.check}
          </button>
          <button type="button" class="cl-button" onClick={() => setHintsShown((n) => Math.min(hints.length, n + 1))} disabled={hintsShown >= hints.length} data-action="hint">
            {hintsShown === 0 ? s.hint : hintsShown < hints.length ? s.nextHint : s.noMoreHints}
          </button>
          <button
            type="button"
            class="cl-button"
            onClick={() => setSolutionOpen((o) => !o)}
            disabled={!attempted}
            aria-expanded={attempted ? solutionOpen : undefined}
            aria-controls={attempted && solutionOpen ? solutionId : undefined}
            title={attempted ? undefined : s.solutionAfterAttempt}
            data-action="solution">
            {solutionOpen && attempted ? s.hideSolution : s.solution}
          </button>
          <button type="button" class="cl-button" onClick={newVariant} disabled={busy !== null} data-action="new-variant">
            {s.newVariant}
          </button>
        </div>
      </form>
      {busy && (
        <div class="ex-card__progress">
          {busy.stage === 'data' ? (
            <ProgressBar label={s.loadingTestSet} value={busy.total > 0 ? busy.loaded : undefined} max={busy.total > 0 ? busy.total : 1} />
          ) : (
            <ProgressBar label={s.checkingProgress} />
          )}
        </div>
      )}
      <div id={feedbackId} class="ex-card__feedback" role="status" aria-live="polite">
        {failure && <p class="cl-error">{failure}</p>}
        {result && !failure && (
          <div class={`ex-feedback ex-feedback--${result.status}`} data-status={result.status} data-score={result.score}>
            <p class="ex-feedback__status">
              <strong>{s.status[result.status]}</strong>
              {result.status !== 'invalid' && <span class="ex-feedback__score"> · {s.score(percent(result.score))}</span>}
            </p>
            <PromptBlocks blocks={[{ type: 'text', text: result.feedback[lang] }]} />
          </div>
        )}
      </div>
      {!attempted && <p class="ex-card__after ex-muted">{s.solutionAfterAttempt}</p>}
      {hintsShown > 0 && (
        <ol class="ex-card__hints" data-hints={hintsShown}>
          {hints.slice(0, hintsShown).map((hint, i) => (
            <li key={`${seed}-${i}`} class="ex-hint">
              <p class="ex-hint__title">{s.hintsShown(i + 1, hints.length)}</p>
              <PromptBlocks blocks={hint[lang]} />
            </li>
          ))}
        </ol>
      )}
      {solution && (
        <section id={solutionId} class="ex-card__solution" aria-label={s.solutionTitle} data-solution>
          <h4>{s.solutionTitle}</h4>
          <PromptBlocks blocks={solution} />
        </section>
      )}
    </section>
  );
}

/** A ref that always holds the latest value (for a promise that outlives a render). */
function useLatest<T>(value: T): { readonly current: T } {
  const [ref] = useState(() => ({ current: value }));
  ref.current = value;
  return ref;
}
