/**
 * The student's side of an assignment (/en/assignment/#v1....): the link's
 * fragment is decoded (a tampered, cut or outdated link gets the framework's
 * message, never a blank page), the student types their id, and their own
 * variant of every exercise appears. Answers are saved in this browser as they
 * are typed, per assignment and student; "Hand in" downloads the submission
 * file for the instructor's regrade. Nothing is checked here: the instructor
 * grades the file.
 */
import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import { buildSubmission, decodeAssignment, maxPoints, normaliseStudentId, serializeSubmission, studentVariants, submissionFileName } from '../../src/exercises/index.ts';
import type { Assignment, DecodedAssignment, StudentVariant } from '../../src/exercises/index.ts';
import type { Locale } from '../../src/i18n/lessons.ts';
import { stringsFor } from '../kit/strings.ts';
import { AnswerInput } from './AnswerInput.tsx';
import { emptyFields, encodeFields, isBlank, restoreFields } from './answer-fields.ts';
import { PromptBlocks } from './PromptBlocks.tsx';
import { readAssignmentAnswers, readLastStudent, writeAssignmentAnswers, writeLastStudent } from './storage.ts';
import { STRINGS } from './strings/index.ts';
import type { ExerciseStrings } from './strings/index.ts';

export interface AssignmentPageProps {
  lang: Locale;
}

/** The longest student id accepted (the framework's seeds take any text; rosters do not need more). */
export const MAX_STUDENT_ID = 64;

/** Answers of every variant as the submission holds them: blank ones are left out. */
export function submissionAnswers(variants: readonly StudentVariant[], answers: Readonly<Record<string, readonly string[]>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of variants) {
    const spec = v.exercise.answerSpec(v.params);
    const fields = answers[v.entry.id];
    if (fields && !isBlank(spec, fields)) out[v.entry.id] = encodeFields(spec, fields);
  }
  return out;
}

export function AssignmentPage({ lang }: AssignmentPageProps) {
  const s = stringsFor(STRINGS, lang);
  // Undefined until the browser has read the fragment (the server has none).
  const [decoded, setDecoded] = useState<DecodedAssignment | undefined>(undefined);
  useEffect(() => {
    const read = () => setDecoded(decodeAssignment(window.location.hash));
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);

  if (decoded === undefined) {
    return (
      <p class="ex-muted" data-assignment-state="reading">
        {s.readingLink}
      </p>
    );
  }
  if (!decoded.ok) {
    return (
      <div class="ex-bad-link" role="alert" data-assignment-state="error" data-error={decoded.error.code}>
        <h2>{s.badLinkTitle}</h2>
        <p>{decoded.error.message[lang]}</p>
        <p>{s.badLinkAdvice}</p>
      </div>
    );
  }
  return <Loaded key={decoded.assignment.id + decoded.assignment.salt} assignment={decoded.assignment} lang={lang} s={s} />;
}

function Loaded({ assignment, lang, s }: { assignment: Assignment; lang: Locale; s: ExerciseStrings }) {
  const [student, setStudent] = useState<string | null>(null);
  useEffect(() => setStudent(readLastStudent(assignment.id)), [assignment]);
  const total = maxPoints(assignment);
  const dateFormat = new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'long', ...(assignment.due && assignment.due.length > 10 ? { timeStyle: 'short' } : { timeZone: 'UTC' }) });
  const due = assignment.due ? s.due(dateFormat.format(new Date(assignment.due))) : s.noDue;
  return (
    <div class="ex-assignment" data-assignment-state="ready" data-assignment={assignment.id}>
      <header class="ex-assignment__header">
        <h2 class="ex-assignment__title">{assignment.title}</h2>
        <p class="ex-muted">
          {due} · {s.totalPoints(total, assignment.exercises.length)}
        </p>
      </header>
      <p class="cl-note ex-notice" data-notice>
        {s.notice}
      </p>
      <p class="ex-muted">{s.privacy}</p>
      {student === null ? (
        <StudentForm
          lang={lang}
          s={s}
          onStart={(id) => {
            writeLastStudent(assignment.id, id);
            setStudent(id);
          }}
        />
      ) : (
        <Work
          key={normaliseStudentId(student)}
          assignment={assignment}
          student={student}
          lang={lang}
          s={s}
          onChangeStudent={() => {
            writeLastStudent(assignment.id, null);
            setStudent(null);
          }}
        />
      )}
    </div>
  );
}

function StudentForm({ lang, s, onStart }: { lang: Locale; s: ExerciseStrings; onStart: (id: string) => void }) {
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (trimmed === '') setError(s.studentIdEmpty);
    else if (trimmed.length > MAX_STUDENT_ID) setError(s.studentIdTooLong);
    else onStart(trimmed);
  };
  return (
    <form class="ex-student" onSubmit={submit} lang={lang}>
      <div class="cl-field">
        <label for={id}>{s.studentId}</label>
        <input
          id={id}
          type="text"
          autoComplete="off"
          value={value}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
          onInput={(e) => {
            setValue((e.currentTarget as HTMLInputElement).value);
            setError(null);
          }}
          data-student-id
        />
        <p id={`${id}-help`} class="cl-hint">
          {s.studentIdHelp}
        </p>
        {error && (
          <p id={`${id}-error`} class="cl-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <button type="submit" class="cl-button cl-button--primary" data-action="start">
        {s.start}
      </button>
    </form>
  );
}

function Work({ assignment, student, lang, s, onChangeStudent }: { assignment: Assignment; student: string; lang: Locale; s: ExerciseStrings; onChangeStudent: () => void }) {
  const variants = useMemo(() => studentVariants(assignment, student), [assignment, student]);
  const storeAs = normaliseStudentId(student);
  const [answers, setAnswers] = useState<Record<string, string[]>>(() => {
    const stored = readAssignmentAnswers(assignment.id, storeAs);
    const out: Record<string, string[]> = {};
    for (const v of variants) {
      const spec = v.exercise.answerSpec(v.params);
      out[v.entry.id] = restoreFields(spec, stored[v.entry.id]) ?? emptyFields(spec);
    }
    return out;
  });
  const [saveFailed, setSaveFailed] = useState(false);
  const [handedIn, setHandedIn] = useState<string | null>(null);

  const update = (exerciseId: string, fields: string[]) => {
    const next = { ...answers, [exerciseId]: fields };
    setAnswers(next);
    setSaveFailed(!writeAssignmentAnswers(assignment.id, storeAs, next));
  };

  const typed = submissionAnswers(variants, answers);
  const answeredCount = Object.keys(typed).length;

  const handIn = () => {
    const submission = buildSubmission({ assignment: assignment.id, student, answers: typed, submitted: new Date().toISOString() });
    const name = submissionFileName(submission);
    const url = URL.createObjectURL(new Blob([serializeSubmission(submission)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setHandedIn(name);
  };

  return (
    <div class="ex-work" data-student={student}>
      <div class="ex-work__who">
        <p>
          <strong>{s.workingAs(student)}</strong>
        </p>
        <button type="button" class="cl-button" onClick={onChangeStudent} data-action="change-student">
          {s.changeStudent}
        </button>
      </div>
      <p class="ex-muted">
        {s.saved} {s.assignmentNoChecks}
      </p>
      {saveFailed && (
        <p class="cl-error" role="alert">
          {s.savedFailed}
        </p>
      )}
      <ol class="ex-assignment__list">
        {variants.map((v, i) => (
          <li key={v.entry.id}>
            <AssignmentItem variant={v} number={i + 1} fields={answers[v.entry.id] ?? []} onChange={(f) => update(v.entry.id, f)} lang={lang} s={s} />
          </li>
        ))}
      </ol>
      <div class="ex-handin">
        <p class="ex-muted" data-answered={answeredCount}>
          {s.answered(answeredCount, variants.length)}
        </p>
        <button type="button" class="cl-button cl-button--primary" onClick={handIn} data-action="hand-in">
          {s.handIn}
        </button>
        <p role="status" class="ex-handin__status">
          {handedIn && s.handedIn(handedIn)}
        </p>
      </div>
    </div>
  );
}

function AssignmentItem({ variant, number, fields, onChange, lang, s }: { variant: StudentVariant; number: number; fields: string[]; onChange: (f: string[]) => void; lang: Locale; s: ExerciseStrings }) {
  const titleId = useId();
  const { exercise, params, entry } = variant;
  const spec = useMemo(() => exercise.answerSpec(params), [exercise, params]);
  return (
    <section class="ex-card" data-exercise={entry.id} data-seed={variant.seed} data-version={entry.version} aria-labelledby={titleId}>
      <header class="ex-card__header">
        <h3 id={titleId} class="ex-card__title">
          <span class="ex-card__number">{s.exerciseLabel(number)}. </span>
          {exercise.title[lang]}
        </h3>
        <span class="ex-muted">{s.points(entry.points)}</span>
      </header>
      <PromptBlocks blocks={exercise.prompt(params)[lang]} class="ex-card__prompt" />
      <div class="ex-card__form">
        <AnswerInput spec={spec} fields={fields} onChange={onChange} lang={lang} />
      </div>
    </section>
  );
}
