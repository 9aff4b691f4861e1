/**
 * Lesson 4's calculator: PyTorch's output-size formula worked out for the reader's
 * settings, beside the shape the engine's real conv2d / maxPool2d returns for a zero
 * tensor of that size, the input pixels no window reads, and two solvers. The
 * configuration lives in the query string so a link reproduces exactly this view.
 */
import { useMemo, useState } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { NumberField } from '../../kit/NumberField.tsx';
import { SliderField } from '../../kit/SliderField.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { CoverageGrid } from './CoverageGrid.tsx';
import { Tex } from '../../kit/Tex.tsx';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { Note } from '../../kit/Note.tsx';
import { PredictGate, PredictToggle } from '../../kit/predict/PredictFirst.tsx';
import { GENERAL_FORMULA, SHORT_FORMULA, ceilVersion, workingTex } from './tex.ts';
import {
  DIM_FIELDS,
  LIMITS,
  PRESETS,
  decodeConfig,
  defaultConfig,
  encodeConfig,
  evaluate,
  keepSize,
  presetConfig,
  stridesFor,
  withField,
  withLinked,
} from './model.ts';
import type { Config, DimField, DimResult, Mode, PresetName } from './model.ts';
import { stringsFor } from '../../kit/strings.ts';
import { STRINGS } from './strings/index.ts';
import type { CalculatorStrings } from './strings/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import './output-size.css';

/** Props: the page's language, and whether predict-first starts on (off in lessons, on where an exercise embeds it). */
export interface OutputSizeCalculatorProps {
  lang: Locale;
  predictFirst?: boolean;
}

type DimKey = 'h' | 'w';

interface DimControlsProps {
  config: Config;
  which: DimKey | 'both';
  t: CalculatorStrings;
  onChange: (which: DimKey, field: DimField, value: number) => void;
  onInvalid: (field: string, invalid: boolean) => void;
}

/** The five settings of one dimension (or of both, when linked). */
function DimControls({ config, which, t, onChange, onInvalid }: DimControlsProps) {
  const key: DimKey = which === 'both' ? 'h' : which;
  const d = config[key];
  return (
    <fieldset class="os-dim">
      <legend>{t.dims[which]}</legend>
      <div class="cl-controls">
        {DIM_FIELDS.map((field) =>
          field === 'input' ? (
            <NumberField
              key={field}
              label={t.fieldLabel(field, which)}
              value={d.input}
              rule={LIMITS.input}
              message={t.invalidNumber(LIMITS.input.min, LIMITS.input.max)}
              // 600 stays 600 with its message: reverting would bring back "60", a prefix
              // the typing passed through, as if the reader had asked for it.
              onInvalid={(invalid) => onInvalid(`input-${which}`, invalid)}
              onChange={(v) => onChange(key, field, v)}
            />
          ) : (
            <SliderField
              key={field}
              label={t.fieldLabel(field, which)}
              value={d[field]}
              min={LIMITS[field].min}
              max={LIMITS[field].max}
              onInput={(v) => onChange(key, field, v)}
            />
          ),
        )}
      </div>
    </fieldset>
  );
}

function coverageText(result: DimResult, other: DimResult, t: CalculatorStrings, rowsAreFirst: boolean): string {
  const rows = rowsAreFirst ? result.uncovered : other.uncovered;
  const cols = rowsAreFirst ? other.uncovered : result.uncovered;
  return rows.length === 0 && cols.length === 0 ? t.coverageAll : t.coverageSome(rows, cols);
}

/**
 * The configuration in the address. Every key is written as soon as the address is
 * read, so a copied link always holds the whole configuration.
 */
const QUERY: QueryCodec<Config> = {
  initial: defaultConfig,
  read: (params) => {
    const { config, rejected } = decodeConfig(params);
    return { value: config, rejected };
  },
  write: (config, params) => {
    for (const [key, value] of Object.entries(encodeConfig(config))) params.set(key, value);
  },
  follow: 'always',
};

/** The calculator island. */
export default function OutputSizeCalculator({ lang, predictFirst = false }: OutputSizeCalculatorProps) {
  const t = stringsFor(STRINGS, lang);
  const { value: config, set: setConfig, rejected } = useQueryState(QUERY);
  const [predicting, setPredicting] = useState(predictFirst);
  const [revealedKey, setRevealedKey] = useState<string | null>(null);

  const result = useMemo(() => evaluate(config), [config]);
  const dims: (DimKey | 'both')[] = config.linked ? ['both'] : ['h', 'w'];
  const setField = (which: DimKey, field: DimField, value: number) =>
    setConfig((c) => withField(c, which, field, value));
  const [oh, ow] = result.formulaSize ?? [0, 0];
  const hasOutput = result.formulaSize !== null && result.engineShape !== null;
  const ceil = config.mode === 'pool' && config.ceilMode;
  // Fields whose text is refused: the results still show the last accepted value, and say so.
  const [refused, setRefused] = useState<readonly string[]>([]);
  const onInvalid = (field: string, invalid: boolean) =>
    setRefused((list) => (invalid ? (list.includes(field) ? list : [...list, field]) : list.filter((f) => f !== field)));
  // A new question whenever a setting that decides the size changes (not the solver's target).
  const questionKey = JSON.stringify({ ...config, target: 0 });
  const [engineH, engineW] = result.engineShape ? result.engineShape.slice(-2) : [0, 0];
  const predictQuestions = config.linked
    ? [{ label: t.predictLabel('both'), expected: engineH }]
    : [
        { label: t.predictLabel('h'), expected: engineH },
        { label: t.predictLabel('w'), expected: engineW },
      ];
  // Nothing to predict when the engine refuses the settings: its message shows at once.
  const gated = predicting && hasOutput;

  return (
    <WidgetFrame title={t.title} caption={t.caption} class="os-calculator">
      {rejected.length > 0 && (
        <Note class="os-note" testId="rejected-note">
          {t.rejected(rejected.join(', '))}
        </Note>
      )}

      <PredictToggle lang={lang} on={predicting} onChange={setPredicting} />

      <div class="os-presets" role="group" aria-label={t.presetsLabel}>
        <span class="os-presets__label" aria-hidden="true">
          {t.presetsLabel}
        </span>
        {(Object.keys(PRESETS) as PresetName[]).map((name) => (
          <button
            key={name}
            type="button"
            class="cl-button"
            data-preset={name}
            onClick={() => setConfig(presetConfig(name))}>
            {t.presets[name]}
          </button>
        ))}
      </div>

      <div class="cl-controls">
        <ChoiceGroup<Mode>
          label={t.modeLabel}
          options={[
            { value: 'conv', label: t.modes.conv },
            { value: 'pool', label: t.modes.pool },
          ]}
          value={config.mode}
          onChange={(mode) => setConfig((c) => ({ ...c, mode }))}
        />
        <label class="os-check">
          <input
            type="checkbox"
            checked={config.linked}
            onChange={(e) => setConfig((c) => withLinked(c, e.currentTarget.checked))}
          />
          {t.linked}
        </label>
        {/* The checkbox and the note on why it is off sit on one centre line, not on the row's bottom edge. */}
        <div class="os-ceil">
          <label class="os-check">
            <input
              type="checkbox"
              checked={config.mode === 'pool' && config.ceilMode}
              disabled={config.mode === 'conv'}
              aria-describedby={config.mode === 'conv' ? 'os-ceil-note' : undefined}
              onChange={(e) => setConfig((c) => ({ ...c, ceilMode: e.currentTarget.checked }))}
            />
            {t.ceilMode}
          </label>
          {config.mode === 'conv' && (
            <p class="cl-hint" id="os-ceil-note">
              {t.ceilModeConvNote}
            </p>
          )}
        </div>
      </div>

      <div class="os-dims">
        {dims.map((which) => (
          <DimControls key={which} config={config} which={which} t={t} onChange={setField} onInvalid={onInvalid} />
        ))}
      </div>

      <section class="os-result" aria-labelledby="os-result-title">
        <h3 id="os-result-title">{t.resultHeading}</h3>
        {refused.length > 0 && (
          <Note class="os-note" testId="refused-note">
            {t.lastAccepted}
          </Note>
        )}
        <PredictGate
          lang={lang}
          on={gated}
          questionKey={questionKey}
          prompt={t.predictPrompt}
          questions={predictQuestions}
          revealed={revealedKey === questionKey}
          onReveal={() => setRevealedKey(questionKey)}>
          <div aria-live="polite" aria-atomic="true">
            {hasOutput ? (
              <dl class="os-result__pair">
                <div>
                  <dt>{t.formulaSays}</dt>
                  <dd class="os-result__size" data-testid="formula-size">
                    {t.size(oh, ow)}
                  </dd>
                </div>
                <div>
                  <dt>{t.engineSays}</dt>
                  <dd>
                    <code class="os-call">{result.call}</code>
                    <span class="os-arrow" aria-hidden="true">
                      {' → '}
                    </span>
                    <code class="os-result__shape" data-testid="engine-shape">
                      [{result.engineShape!.join(', ')}]
                    </code>
                  </dd>
                </div>
              </dl>
            ) : null}
            {hasOutput && (
              <p class={result.agree ? 'os-agree' : 'os-disagree'} data-testid="agreement">
                {result.agree ? t.agree : t.disagree}
              </p>
            )}
          </div>
          {result.engineError !== null && (
            <div class="os-error" role="alert" data-testid="engine-error">
              <p>{t.refused}</p>
              <code>{result.engineError}</code>
            </div>
          )}
        </PredictGate>
      </section>

      {!(gated && revealedKey !== questionKey) && (
        <>
          <section class="os-working" aria-labelledby="os-working-title">
            <h3 id="os-working-title">{t.workingHeading}</h3>
            {/* PyTorch's argument names on wide screens; the same formula in one-letter names on phones. */}
            <Tex tex={ceil ? ceilVersion(GENERAL_FORMULA) : GENERAL_FORMULA} display class="os-tex os-tex--wide" />
            <Tex tex={ceil ? ceilVersion(SHORT_FORMULA) : SHORT_FORMULA} display class="os-tex os-tex--narrow" />
            {dims.map((which) => {
              const r = which === 'w' ? result.width : result.height;
              return (
                <div key={which} class="os-working__dim">
                  <h4>{t.dims[which]}</h4>
                  {r.steps ? (
                    <Tex tex={workingTex(r.steps)} display class="os-tex" />
                  ) : (
                    <p class="os-error-text">{r.stepsError}</p>
                  )}
                  {r.steps?.droppedLastWindow && <p class="cl-hint">{t.droppedWindow}</p>}
                </div>
              );
            })}
          </section>

          <section class="os-coverage" aria-labelledby="os-coverage-title">
            <h3 id="os-coverage-title">{t.coverageHeading}</h3>
            {hasOutput ? (
              <>
                <p data-testid="coverage-text">{coverageText(result.height, result.width, t, true)}</p>
                <CoverageGrid
                  height={config.h.input}
                  width={config.w.input}
                  padH={config.h.padding}
                  padW={config.w.padding}
                  unreadRows={result.height.uncovered}
                  unreadCols={result.width.uncovered}
                  t={t}
                />
              </>
            ) : (
              <p>{t.coverageNone}</p>
            )}
          </section>
        </>
      )}

      <section class="os-solve" aria-labelledby="os-solve-title">
        <h3 id="os-solve-title">{t.solveHeading}</h3>
        <h4>{t.keepSizeTitle}</h4>
        <ul class="os-answers">
          {dims.map((which) => {
            const key: DimKey = which === 'both' ? 'h' : which;
            const answer = keepSize(config[key]);
            const prefix = which === 'both' ? '' : t.dimPrefix(which);
            return (
              <li key={which}>
                {prefix}
                {answer.padding === null
                  ? t.keepSizeOdd(answer.total)
                  : answer.inRange
                    ? t.keepSize(answer.padding, config[key].input)
                    : t.keepSizeOutOfRange(answer.padding, LIMITS.padding.max)}{' '}
                {answer.padding !== null && answer.inRange && (
                  <button
                    type="button"
                    class="cl-button"
                    data-testid={`apply-padding-${which}`}
                    onClick={() =>
                      setConfig((c) => withField(withField(c, key, 'stride', 1), key, 'padding', answer.padding!))
                    }>
                    {t.applyPadding(answer.padding)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
        <h4>{t.targetTitle}</h4>
        <NumberField
          label={t.targetLabel}
          value={config.target}
          rule={LIMITS.target}
          message={t.invalidNumber(LIMITS.target.min, LIMITS.target.max)}
          onInvalid={(invalid) => onInvalid('target', invalid)}
          onChange={(target) => setConfig((c) => ({ ...c, target }))}
        />
        <ul class="os-answers" aria-live="polite">
          {dims.map((which) => {
            const key: DimKey = which === 'both' ? 'h' : which;
            const answer = stridesFor(config.mode, config[key], config.target, config.ceilMode);
            const prefix = which === 'both' ? '' : t.dimPrefix(which);
            if ('error' in answer) {
              return (
                <li key={which}>
                  {prefix}
                  <span class="os-error-text">{answer.error}</span>
                </li>
              );
            }
            const best = answer.strides.find((s) => s <= LIMITS.stride.max);
            return (
              <li key={which} data-testid={`strides-${which}`}>
                {prefix}
                {answer.strides.length === 0
                  ? t.noStride(config.target)
                  : t.strides(answer.strides, answer.andEveryLarger, config.target)}{' '}
                {best !== undefined && best !== config[key].stride && (
                  <button
                    type="button"
                    class="cl-button"
                    onClick={() => setConfig((c) => withField(c, key, 'stride', best))}>
                    {t.applyStride(best)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </WidgetFrame>
  );
}
