/**
 * The instructor's assignment builder (/<lang>/teach/): pick exercises by
 * lesson, set points, a title, a due date and a salt; get the assignment link,
 * a printable sheet for any student id (or a generic one) and its answer key.
 *
 * The draft is saved in localStorage as it changes, and the page's own address
 * carries the assignment link's fragment, so a reload or a shared address opens
 * the same assignment. Logic that is not drawing lives in draft.ts.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NumberField } from '../kit/NumberField.tsx';
import { Note } from '../kit/Note.tsx';
import { stringsFor } from '../kit/strings.ts';
import { PromptBlocks } from '../exercises/PromptBlocks.tsx';
import { answerKey, assignmentLink, encodeAssignment, getExercise, maxPoints } from '../../src/exercises/index.ts';
import type { Assignment } from '../../src/exercises/index.ts';
import type { Locale } from '../../src/i18n/lessons.ts';
import {
  DRAFT_STORAGE_KEY,
  draftFromFragment,
  draftToAssignment,
  exercisesFor,
  lessonsWithExercises,
  newDraft,
  parseStoredDraft,
  setPoints,
  togglePick,
} from './draft.ts';
import type { Draft } from './draft.ts';
import { STRINGS } from './strings/index.ts';
import type { TeachStrings } from './strings/index.ts';
import './teach.css';

export interface TeachBuilderProps {
  lang: Locale;
}

const POINTS_RULE = { min: 0, max: 1000, step: 0.5 };

/** The draft before the browser's storage and address are read (the server render). */
const PLACEHOLDER: Draft = { id: '', created: '', title: '', due: '', salt: '', picks: [] };

function readStorage(): string | null {
  try {
    return localStorage.getItem(DRAFT_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStorage(draft: Draft): void {
  try {
    localStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or refused (private mode): the address still holds the assignment.
  }
}

export function TeachBuilder({ lang }: TeachBuilderProps) {
  const t = stringsFor(STRINGS, lang);
  const [draft, setDraft] = useState<Draft>(PLACEHOLDER);
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [lesson, setLesson] = useState('');
  const [student, setStudent] = useState('');
  const [linkLang, setLinkLang] = useState<Locale>(lang);
  const [invalidPoints, setInvalidPoints] = useState<ReadonlySet<string>>(new Set());
  const [copyStatus, setCopyStatus] = useState<string | null>(null);
  const [origin, setOrigin] = useState('');

  // The address first (a shared or bookmarked builder), then this browser's last draft, then a new one.
  useEffect(() => {
    setOrigin(location.origin);
    const fromLink = draftFromFragment(location.hash);
    const stored = readStorage();
    const fromStorage = parseStoredDraft(stored);
    if (fromLink?.ok) {
      setDraft(fromLink.draft);
      setNotice(t.restoredFromLink);
    } else if (fromStorage) {
      setDraft(fromStorage);
      if (fromLink && !fromLink.ok) setNotice(t.badLink(fromLink.message[lang]));
      else if (fromStorage.picks.length > 0) setNotice(t.restoredFromStorage);
    } else {
      setDraft(newDraft());
      if (fromLink && !fromLink.ok) setNotice(t.badLink(fromLink.message[lang]));
      else if (stored !== null) setNotice(t.storageBroken);
    }
    setReady(true);
  }, []);

  const made = useMemo(() => (ready ? draftToAssignment(draft) : null), [draft, ready]);
  const assignment: Assignment | null = made?.ok && invalidPoints.size === 0 ? made.assignment : null;
  const fragment = assignment ? encodeAssignment(assignment) : '';

  useEffect(() => {
    if (!ready) return;
    writeStorage(draft);
  }, [draft, ready]);

  useEffect(() => {
    if (!ready) return;
    const target = `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`;
    if (target !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', target);
  }, [fragment, ready]);

  useEffect(() => setCopyStatus(null), [fragment, linkLang]);

  const update = (change: (d: Draft) => Draft) => setDraft((d) => change(d));
  const lessons = useMemo(() => lessonsWithExercises(lang), [lang]);
  const shown = useMemo(() => exercisesFor(lesson), [lesson]);
  const picked = new Set(draft.picks.map((p) => p.id));
  const totalPoints = draft.picks.reduce((sum, p) => sum + p.points, 0);
  const link = assignment ? assignmentLink(assignment, { base: origin, lang: linkLang }) : '';

  const markInvalid = (id: string, invalid: boolean) =>
    setInvalidPoints((previous) => {
      if (previous.has(id) === invalid) return previous;
      const next = new Set(previous);
      if (invalid) next.add(id);
      else next.delete(id);
      return next;
    });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopyStatus(t.copied);
    } catch {
      setCopyStatus(t.copyFailed);
    }
  };

  const startOver = () => {
    if (!window.confirm(t.startOverConfirm)) return;
    setDraft(newDraft());
    setInvalidPoints(new Set());
    setNotice(null);
  };

  return (
    <div class="teach-builder" data-ready={ready ? 'true' : 'false'}>
      {notice && <Note class="teach-noprint" testId="teach-notice">{notice}</Note>}

      <section class="teach-panel teach-noprint" aria-labelledby="teach-settings">
        <h2 id="teach-settings">{t.settingsHeading}</h2>
        <div class="teach-fields">
          <div class="cl-field">
            <label for="teach-title">{t.titleLabel}</label>
            <input id="teach-title" type="text" maxLength={200} value={draft.title} disabled={!ready} onInput={(e) => update((d) => ({ ...d, title: e.currentTarget.value }))} />
          </div>
          <div class="cl-field">
            <label for="teach-due">{t.dueLabel}</label>
            <input id="teach-due" type="date" value={draft.due} disabled={!ready} onInput={(e) => update((d) => ({ ...d, due: e.currentTarget.value }))} />
          </div>
          <div class="cl-field teach-salt">
            <label for="teach-salt">{t.saltLabel}</label>
            <div class="teach-inline">
              <input id="teach-salt" type="text" maxLength={64} value={draft.salt} disabled={!ready} spellcheck={false} aria-describedby="teach-salt-hint" onInput={(e) => update((d) => ({ ...d, salt: e.currentTarget.value }))} />
              <button type="button" class="cl-button" disabled={!ready} onClick={() => update((d) => ({ ...d, salt: newDraft().salt }))}>
                {t.newSalt}
              </button>
            </div>
            <p class="cl-hint" id="teach-salt-hint">
              {t.saltHint}
            </p>
          </div>
        </div>
        <p class="teach-meta">
          <span data-testid="teach-id">{draft.id ? t.assignmentId(draft.id) : ''}</span>
          <button type="button" class="cl-button" disabled={!ready} onClick={startOver}>
            {t.startOver}
          </button>
        </p>
      </section>

      <section class="teach-panel teach-noprint" aria-labelledby="teach-exercises">
        <h2 id="teach-exercises">{t.exercisesHeading}</h2>
        <div class="cl-field">
          <label for="teach-lesson">{t.lessonFilter}</label>
          <select id="teach-lesson" value={lesson} onChange={(e) => setLesson(e.currentTarget.value)}>
            <option value="">{t.allLessons}</option>
            {lessons.map((l) => (
              <option key={l.slug} value={l.slug}>
                {t.lessonOption(l.order, l.title, l.count)}
              </option>
            ))}
          </select>
        </div>
        <ul class="teach-catalog" aria-label={t.exercisesHeading}>
          {shown.map((exercise) => (
            <li key={exercise.id}>
              <label class="teach-pick">
                <input
                  type="checkbox"
                  checked={picked.has(exercise.id)}
                  disabled={!ready}
                  data-exercise={exercise.id}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    if (!on) markInvalid(exercise.id, false);
                    update((d) => togglePick(d, exercise.id, on));
                  }}
                />
                <span>
                  <span class="teach-pick__title">{exercise.title[lang]}</span>
                  <span class="teach-pick__meta">
                    <code>{exercise.id}</code> · {t.kindNames[exercise.kind] ?? exercise.kind}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>

        <h3>{t.chosenSummary(draft.picks.length, totalPoints)}</h3>
        {draft.picks.length > 0 && (
          <ol class="teach-chosen">
            {draft.picks.map((pick) => {
              const exercise = getExercise(pick.id);
              return (
                <li key={pick.id} data-chosen={pick.id}>
                  <span class="teach-chosen__title">
                    {exercise?.title[lang] ?? pick.id} <code>{pick.id}</code>
                  </span>
                  <NumberField
                    label={t.pointsLabel}
                    value={pick.points}
                    rule={POINTS_RULE}
                    message={t.pointsRule}
                    size={6}
                    name={`points-${pick.id}`}
                    onChange={(points) => update((d) => setPoints(d, pick.id, points))}
                    onInvalid={(invalid) => markInvalid(pick.id, invalid)}
                  />
                </li>
              );
            })}
          </ol>
        )}
      </section>

      <section class="teach-panel teach-noprint" aria-labelledby="teach-link">
        <h2 id="teach-link">{t.linkHeading}</h2>
        {!ready ? null : !made?.ok ? (
          <p class="teach-muted" data-testid="teach-link-missing">
            {made?.message[lang]}
          </p>
        ) : !assignment ? (
          <p class="teach-muted">{t.pointsRule}</p>
        ) : (
          <>
            <div class="cl-field">
              <label for="teach-link-language">{t.linkLanguage}</label>
              <select id="teach-link-language" value={linkLang} onChange={(e) => setLinkLang(e.currentTarget.value === 'ko' ? 'ko' : 'en')}>
                <option value="en">{t.languageNames.en}</option>
                <option value="ko">{t.languageNames.ko}</option>
              </select>
            </div>
            <div class="cl-field">
              <label for="teach-link-text">{t.linkLabel}</label>
              <div class="teach-inline">
                <input id="teach-link-text" type="text" readOnly value={link} data-testid="teach-link" onFocus={(e) => e.currentTarget.select()} />
                <button type="button" class="cl-button cl-button--primary" onClick={copy}>
                  {t.copyLink}
                </button>
              </div>
              <p class="cl-hint" role="status">
                {copyStatus ?? ''}
              </p>
            </div>
            <p class="teach-actions">
              <a href={link} target="_blank" rel="noopener">
                {t.openAsStudent}
              </a>
              <a href={`/${lang}/teach/regrade/#${fragment}`}>{t.gradeIt}</a>
            </p>
            <p class="cl-hint">{t.shareNote}</p>
          </>
        )}
      </section>

      <section class="teach-panel teach-print" aria-labelledby="teach-sheets">
        <h2 id="teach-sheets" class="teach-noprint">
          {t.sheetHeading}
        </h2>
        {assignment ? <Sheets assignment={assignment} lang={lang} t={t} student={student} setStudent={setStudent} /> : ready && <p class="teach-muted teach-noprint">{t.nothingYet}</p>}
      </section>
    </div>
  );
}

interface SheetsProps {
  assignment: Assignment;
  lang: Locale;
  t: TeachStrings;
  student: string;
  setStudent: (s: string) => void;
}

/** The printable sheet and the answer key of one student (or the generic one). */
function Sheets({ assignment, lang, t, student, setStudent }: SheetsProps) {
  const trimmed = student.trim();
  const key = useMemo(() => answerKey(assignment, trimmed), [encodeAssignment(assignment), trimmed]);
  const sheetRef = useRef<HTMLDetailsElement>(null);
  const keyRef = useRef<HTMLDetailsElement>(null);

  const print = (what: 'sheet' | 'key') => {
    const root = document.documentElement;
    const details = what === 'sheet' ? sheetRef.current : keyRef.current;
    if (details) details.open = true;
    root.dataset.print = what;
    const done = () => {
      delete root.dataset.print;
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  };

  const heading = (n: number, id: string, points: number) => {
    const exercise = getExercise(id);
    return (
      <h4>
        {t.exerciseNumber(n)}. {exercise?.title[lang] ?? id} <span class="teach-points">({t.points(points)})</span>
      </h4>
    );
  };

  return (
    <>
      <div class="teach-noprint">
        <div class="cl-field">
          <label for="teach-student">{t.studentLabel}</label>
          <input id="teach-student" type="text" value={student} maxLength={200} spellcheck={false} aria-describedby="teach-student-hint" onInput={(e) => setStudent(e.currentTarget.value)} />
          <p class="cl-hint" id="teach-student-hint">
            {t.studentHint}
          </p>
        </div>
        <p class="teach-actions">
          <button type="button" class="cl-button" onClick={() => print('sheet')}>
            {t.printSheet}
          </button>
          <button type="button" class="cl-button" onClick={() => print('key')}>
            {t.printKey}
          </button>
        </p>
      </div>

      <details class="teach-sheet" open ref={sheetRef}>
        <summary class="teach-noprint">{trimmed ? t.sheetFor(trimmed) : t.sheetGeneric}</summary>
        <article class="teach-paper" data-testid="teach-sheet">
          <h3>{assignment.title}</h3>
          <p class="teach-paper__meta">
            {assignment.due ? `${t.due(assignment.due)} · ` : ''}
            {t.points(maxPoints(assignment))}
            {trimmed ? ` · ${t.studentIdLine}: ${trimmed}` : ''}
          </p>
          <p class="teach-paper__blanks">
            {t.studentName}: <span class="teach-blank" /> {trimmed ? '' : <>{t.studentIdLine}: <span class="teach-blank" /></>}
          </p>
          {key.map((entry, i) => (
            <section key={entry.id} class="teach-paper__exercise" data-exercise={entry.id}>
              {heading(i + 1, entry.id, entry.points)}
              <PromptBlocks blocks={entry.prompt[lang]} />
              <p class="teach-answer-line">
                {t.answer}: <span class="teach-blank teach-blank--wide" />
              </p>
            </section>
          ))}
        </article>
      </details>

      <details class="teach-key" ref={keyRef}>
        <summary class="teach-noprint">{trimmed ? t.keyFor(trimmed) : t.keyGeneric}</summary>
        <article class="teach-paper" data-testid="teach-key">
          <h3>
            {assignment.title}: {trimmed ? t.keyFor(trimmed) : t.keyGeneric}
          </h3>
          <ol class="teach-key__list">
            {key.map((entry) => (
              <li key={entry.id} data-exercise={entry.id}>
                <strong>{getExercise(entry.id)?.title[lang] ?? entry.id}</strong> <code>{entry.id}</code> <span class="teach-points">({t.points(entry.points)})</span>
                <div>
                  {t.answer}: <span data-answer>{entry.answer.display[lang]}</span>
                </div>
                <div class="teach-muted">
                  {t.typedAnswer}: {entry.answer.typed === null ? t.noTypedAnswer : <code data-typed>{entry.answer.typed}</code>}
                </div>
              </li>
            ))}
          </ol>
        </article>
      </details>
    </>
  );
}
