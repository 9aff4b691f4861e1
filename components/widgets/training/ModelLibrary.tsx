/**
 * Saved models: keep the current weights in this browser (IndexedDB) under a
 * name, list what is kept (load, download, delete), download the current
 * weights as a file (ours, or model.safetensors and model.py for PyTorch), and
 * load a weights file from disk. The work is done by
 * the dashboard; this is the form and the list.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { pythonLoadSnippet } from '../../../src/explorer/index.ts';
import type { SavedModelInfo } from '../../../src/training/store.ts';
import { WEIGHTS_EXTENSION } from '../../../src/training/weights.ts';
import { archName, dateTime, percent } from './format.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import type { TrainingStrings } from './strings/index.ts';

/** A message about the last library action. */
export interface LibraryMessage {
  kind: 'ok' | 'error';
  text: string;
  /** The engine's own words, shown under the message (English). */
  detail?: string;
}

/** Props of {@link ModelLibrary}. */
export interface ModelLibraryProps {
  models: readonly SavedModelInfo[];
  /** Why saved models are unavailable (no IndexedDB), or null. */
  storeProblem: string | null;
  /** Whether the trainer holds a model to save or download. */
  hasModel: boolean;
  /** Whether an action is under way (buttons wait). */
  busy: boolean;
  suggestedName: string;
  message: LibraryMessage | null;
  onSave: (name: string) => void;
  onDownloadCurrent: () => void;
  /** Downloads the current model for PyTorch: its weights (.safetensors) or its code (model.py). */
  onDownloadPyTorch: (what: 'weights' | 'code') => void;
  /** False when the current network cannot be written as model.py (the buttons give way to the reason). */
  pytorchOffered?: boolean;
  onUpload: (file: File) => void;
  onLoad: (id: string) => void;
  onDownload: (id: string) => void;
  onDelete: (id: string) => void;
  t: TrainingStrings;
  lang: Locale;
}

/** The library panel. */
export function ModelLibrary(props: ModelLibraryProps) {
  const { models, storeProblem, hasModel, busy, suggestedName, message, t, lang } = props;
  const l = t.library;
  const nameId = useId();
  const fileId = useId();
  const pytorchId = useId();
  const [name, setName] = useState(suggestedName);
  const [edited, setEdited] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // The confirmation takes the place of the delete button: keep the keyboard focus on it.
  useEffect(() => {
    if (confirming !== null) confirmButton.current?.focus();
  }, [confirming]);
  // Follow the suggestion (accuracy, dataset) until the reader types a name of their own.
  useEffect(() => {
    if (!edited) setName(suggestedName);
  }, [suggestedName, edited]);

  return (
    <div class="training-library">
      <div class="training-library__save">
        <div class="cl-field training-library__name">
          <label for={nameId}>{l.nameLabel}</label>
          <input
            id={nameId}
            type="text"
            value={name}
            maxLength={200}
            onInput={(event) => {
              setName(event.currentTarget.value);
              setEdited(true);
            }}
          />
        </div>
        <div class="training-buttons">
          <button type="button" class="cl-button cl-button--primary" disabled={!hasModel || busy || storeProblem !== null || name.trim() === ''} onClick={() => props.onSave(name)}>
            {l.save}
          </button>
          <button type="button" class="cl-button" disabled={!hasModel || busy} onClick={props.onDownloadCurrent}>
            {l.downloadCurrent}
          </button>
        </div>
      </div>
      {!hasModel && <p class="cl-hint">{l.noModel}</p>}
      <section class="training-library__pytorch" aria-labelledby={pytorchId}>
        <h4 id={pytorchId} class="training-subheading">{l.pytorchHeading}</h4>
        <p class="cl-hint">{l.pytorchIntro}</p>
        {props.pytorchOffered === false ? (
          <p class="cl-hint" data-role="pytorch-unavailable">{l.pytorchUnavailable}</p>
        ) : (
        <div class="training-buttons">
          <button type="button" class="cl-button" disabled={!hasModel || busy} data-action="pytorch-weights" onClick={() => props.onDownloadPyTorch('weights')}>
            {l.pytorchWeights}
          </button>
          <button type="button" class="cl-button" disabled={!hasModel || busy} data-action="pytorch-code" onClick={() => props.onDownloadPyTorch('code')}>
            {l.pytorchCode}
          </button>
        </div>
        )}
        <details class="training-library__snippet">
          <summary>{l.pytorchSnippetLabel}</summary>
          <pre lang="en" tabIndex={0}>
            <code>{pythonLoadSnippet()}</code>
          </pre>
        </details>
      </section>
      <div class="cl-field training-library__upload">
        <label for={fileId}>{l.uploadLabel}</label>
        <input
          id={fileId}
          type="file"
          accept={`${WEIGHTS_EXTENSION},application/octet-stream`}
          disabled={busy}
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (file) props.onUpload(file);
            // The same file can be chosen again after fixing something.
            input.value = '';
          }}
        />
        <p class="cl-hint">{l.uploadHint}</p>
      </div>
      <div class="training-library__status" aria-live="polite">
        {message?.kind === 'ok' && <p class="training-ok">{message.text}</p>}
      </div>
      {message?.kind === 'error' && (
        <div class="training-problem" role="alert">
          <p>
            <strong>{message.text}</strong>
          </p>
          {message.detail && (
            <p lang="en" class="training-summary__detail">
              {message.detail}
            </p>
          )}
        </div>
      )}
      {storeProblem ? (
        <p class="training-problem" role="alert">
          {storeProblem}
        </p>
      ) : models.length === 0 ? (
        <p class="cl-hint">{l.empty}</p>
      ) : (
        <div class="training-table-scroll" tabIndex={0} role="region" aria-label={l.caption}>
          <table class="training-models">
            <caption>{l.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{l.name}</th>
                <th scope="col">{l.details}</th>
                <th scope="col">{l.actions}</th>
              </tr>
            </thead>
            <tbody>
              {models.map((model) => (
                <tr key={model.id} data-model-id={model.id}>
                  <th scope="row" class="training-models__name">
                    {model.name}
                  </th>
                  <td class="training-models__details">
                    {l.detailText(
                      archName(model.architecture, t.setup.archNames),
                      t.setup.datasetNames[model.dataset],
                      model.testAccuracy === null ? null : percent(model.testAccuracy, 2),
                      dateTime(model.savedAt, lang),
                    )}
                  </td>
                  <td>
                    <div class="training-buttons training-buttons--tight">
                      <button type="button" class="cl-button" disabled={busy} aria-label={l.loadNamed(model.name)} onClick={() => props.onLoad(model.id)}>
                        {l.load}
                      </button>
                      <button type="button" class="cl-button" disabled={busy} aria-label={l.downloadNamed(model.name)} onClick={() => props.onDownload(model.id)}>
                        {l.download}
                      </button>
                      {confirming === model.id ? (
                        <button
                          type="button"
                          class="cl-button training-danger"
                          disabled={busy}
                          aria-label={l.confirmDeleteNamed(model.name)}
                          onClick={() => {
                            setConfirming(null);
                            props.onDelete(model.id);
                          }}
                          onBlur={() => setConfirming(null)}
                          ref={confirmButton}
                        >
                          {l.confirmDelete}
                        </button>
                      ) : (
                        <button type="button" class="cl-button" disabled={busy} aria-label={l.deleteNamed(model.name)} onClick={() => setConfirming(model.id)}>
                          {l.delete}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
