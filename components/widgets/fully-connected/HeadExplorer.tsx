/**
 * Lesson 12's head explorer. A tiny ConvNet (one conv layer of 3×3 filters, ReLU, a
 * 3×3 max pool, then FC-ReLU and FC to two class scores) is trained in this page on
 * lesson 1's X and O pictures, in short chunks between frames, from a fixed seed: the
 * same weights for every reader, and no weights file shipped. The reader picks a
 * picture and follows it through the head: the last volume, the same numbers
 * flattened into one vector, the hidden FC layer, the two scores and their softmax.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { Note } from '../../kit/Note.tsx';
import { ProgressBar } from '../../kit/ProgressBar.tsx';
import { divergingColor } from '../../kit/colors.ts';
import { readInt, useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { PICTURE_KEY, TINY, TRAINING, TinyTrainer, pictures, traceHead } from './model.ts';
import type { HeadTrace } from './model.ts';
import { STRINGS } from './strings/index.ts';
import './fully-connected.css';

const LETTERS = ['X', 'O'];
const PICTURES = pictures();

const QUERY: QueryCodec<number> = {
  initial: () => 0,
  read: (params) => {
    const rejected: string[] = [];
    const value = readInt(params, PICTURE_KEY, 0, PICTURES.length - 1, 0, rejected);
    return { value, rejected };
  },
  write: (value, params) => params.set(PICTURE_KEY, String(value)),
};

/** A strip or square of coloured cells, drawn as SVG (colours from the theme's diverging scale). */
function Cells({ values, columns, label, testId, cell = 10, scale = 1.6 }: { values: readonly number[]; columns: number; label: string; testId?: string; cell?: number; scale?: number }) {
  const rows = Math.ceil(values.length / columns);
  const max = Math.max(1e-6, ...values.map(Math.abs));
  return (
    <svg class="fc-cells" viewBox={`0 0 ${columns * cell} ${rows * cell}`} style={{ maxWidth: `${columns * cell * scale}px` }} role="img" aria-label={label} data-testid={testId}>
      {values.map((v, i) => (
        <rect key={i} x={(i % columns) * cell} y={Math.floor(i / columns) * cell} width={cell} height={cell} style={{ fill: divergingColor(v, max) }} stroke="var(--border)" stroke-width="0.5" />
      ))}
    </svg>
  );
}

export default function HeadExplorer({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: index, set, rejected } = useQueryState(QUERY);
  const trainer = useRef<TinyTrainer | null>(null);
  const [steps, setSteps] = useState(0);
  const done = steps >= TRAINING.steps;

  useEffect(() => {
    let timer = 0;
    const tr = (trainer.current = new TinyTrainer());
    const tick = () => {
      const finished = tr.step();
      setSteps(tr.stepsTaken);
      if (!finished) timer = window.setTimeout(tick, 0);
    };
    timer = window.setTimeout(tick, 0);
    return () => window.clearTimeout(timer);
  }, []);

  const picture = PICTURES[index];
  const trace: HeadTrace | null = useMemo(() => (done && trainer.current ? traceHead(trainer.current.model, picture.pixels) : null), [done, index]);
  const num = useMemo(() => new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), [lang]);
  const pct = useMemo(() => new Intl.NumberFormat(lang === 'ko' ? 'ko-KR' : 'en-US', { style: 'percent', maximumFractionDigits: 1 }), [lang]);
  const best = trace ? (trace.probabilities[0] >= trace.probabilities[1] ? 0 : 1) : 0;
  const flatLength = TINY.filters * (TINY.size / TINY.pool) ** 2;

  return (
    <WidgetFrame title={t.headTitle} caption={t.headCaption} class="fc-head">
      {rejected.length > 0 && <Note testId="rejected-note">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <label class="fc-select">
          <span>{t.picture}</span>
          <select value={String(index)} onChange={(e) => set(Number((e.currentTarget as HTMLSelectElement).value))} data-testid="picture-select">
            {PICTURES.map((p, i) => (
              <option key={i} value={String(i)}>
                {t.pictureOption(LETTERS[p.label], t.variants[p.variant])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div aria-live="polite">
        {done ? (
          <p class="fc-status" data-testid="head-status">
            {t.trained(TRAINING.steps)} {t.weightsNote}
          </p>
        ) : (
          <div class="fc-status" data-testid="head-training">
            <p>{t.training(steps, TRAINING.steps)}</p>
            <ProgressBar value={steps} max={TRAINING.steps} label={t.training(steps, TRAINING.steps)} />
          </div>
        )}
      </div>
      <div class="fc-flow">
        <section class="fc-stage">
          <h4>{t.inputHeading}</h4>
          <Cells values={Array.from(picture.pixels)} columns={TINY.size} label={t.pictureAria(LETTERS[picture.label], t.variants[picture.variant])} testId="head-input" cell={10} />
        </section>
        {trace && (
          <>
            <section class="fc-stage">
              <h4>{t.volumeHeading(trace.volume.length, trace.volumeSide)}</h4>
              <div class="fc-maps">
                {trace.volume.map((map, i) => (
                  <Cells key={i} values={map} columns={trace.volumeSide} label={t.mapAria(i + 1)} cell={10} scale={2.4} />
                ))}
              </div>
            </section>
            <section class="fc-stage fc-stage--wide">
              <h4>{t.flatHeading(trace.flat.length)}</h4>
              <Cells values={trace.flat} columns={flatLength} label={t.flatAria(trace.flat.length)} testId="head-flat" cell={6} scale={3} />
            </section>
            <section class="fc-stage">
              <h4>{t.hiddenHeading(trace.hidden.length)}</h4>
              <Cells values={trace.hidden} columns={trace.hidden.length} label={t.hiddenAria(trace.hidden.length)} testId="head-hidden" cell={10} scale={2.4} />
            </section>
            <section class="fc-stage fc-stage--wide">
              <h4>{t.scoresHeading}</h4>
              <table class="fc-scores" data-testid="head-scores">
                <thead>
                  <tr>
                    <th scope="col"></th>
                    <th scope="col">{t.logit}</th>
                    <th scope="col">{t.probability}</th>
                  </tr>
                </thead>
                <tbody>
                  {LETTERS.map((letter, c) => (
                    <tr key={letter} class={c === best ? 'fc-best' : undefined}>
                      <th scope="row">{letter}</th>
                      <td class="fc-num">{num.format(trace.logits[c])}</td>
                      <td class="fc-prob">
                        <span class="fc-bar" style={{ width: `${(trace.probabilities[c] * 100).toFixed(1)}%` }} aria-hidden="true" />
                        <span class="fc-num">{pct.format(trace.probabilities[c])}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p class="fc-verdict" data-testid="head-verdict">{t.verdict(LETTERS[best], pct.format(trace.probabilities[best]))}</p>
            </section>
          </>
        )}
      </div>
    </WidgetFrame>
  );
}
