/**
 * Lesson 3's tiny network: a 2x2 convolution on a 3x3 input drawn as neurons and
 * edges. Each edge's colour, dash pattern and (when highlighted) label say which of
 * the four weights it carries; focusing an output lights up its four edges, and the
 * legend's buttons light up the four edges that share one weight.
 */
import { useMemo, useState } from 'preact/hooks';
import {
  DEFAULT_INPUT,
  DEFAULT_WEIGHTS,
  EDGES,
  FILTER_SIDE,
  INPUT_SIDE,
  OUTPUT_SIDE,
  encodeTiny,
  parseTiny,
  readValue,
  VALUE_LIMIT,
  tinyOutputs,
  tinyParameterCounts,
} from './tiny-net-model.ts';
import { stringsFor } from '../../kit/strings.ts';
import { STRINGS, formatCount } from './strings/index.ts';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { Note } from '../../kit/Note.tsx';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import './receptive-fields.css';

/** Props: the page's language. */
export interface TinyNetworkProps {
  lang: Locale;
}

type Highlight = { kind: 'output' | 'weight'; index: number } | null;

const INPUTS = INPUT_SIDE * INPUT_SIDE;
const OUTPUTS = OUTPUT_SIDE * OUTPUT_SIDE;
const WEIGHTS = FILTER_SIDE * FILTER_SIDE;

// Drawing geometry, in viewBox units.
// The viewBox starts left of 0 so the x labels fit and nothing else is wasted.
const VIEW_LEFT = 26;
const VIEW_WIDTH = 340;
const VIEW_HEIGHT = 380;
const INPUT_X = 80;
const OUTPUT_X = 310;
const NODE_RADIUS = 16;
const inputY = (i: number) => 30 + i * 40;
const outputY = (o: number) => VIEW_HEIGHT / 2 + (o - (OUTPUTS - 1) / 2) * 72;

/** Dash pattern per weight, so the drawing does not rely on colour alone. */
const DASHES = ['', '10 5', '2 4', '12 4 2 4'];

const short = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100));

/** The fields' texts, as typed: a text that is not a usable number stays on screen with its message. */
interface Texts {
  x: string[];
  w: string[];
}

/**
 * Only the reader's own changes go to the address, so opening a plain link stays plain;
 * and only whole sets of usable numbers, so a link never holds a half-typed value.
 */
const QUERY: QueryCodec<Texts> = {
  initial: () => ({ x: DEFAULT_INPUT.map(String), w: DEFAULT_WEIGHTS.map(String) }),
  read: (params) => {
    const { input, weights, rejected } = parseTiny(params);
    return { value: { x: input.map(String), w: weights.map(String) }, rejected };
  },
  write: (texts, params) => {
    const x = texts.x.map(readValue);
    const w = texts.w.map(readValue);
    if (![...x, ...w].every((v) => v !== null)) return;
    for (const [key, value] of Object.entries(encodeTiny(x as number[], w as number[]))) params.set(key, value);
  },
};

/** The tiny network. */
export default function TinyNetwork({ lang }: TinyNetworkProps) {
  const t = stringsFor(STRINGS, lang).tiny;
  const { value: texts, set: setTexts, rejected } = useQueryState(QUERY);
  const { x: xText, w: wText } = texts;
  const [pinned, setPinned] = useState<Highlight>(null);
  const [transient, setTransient] = useState<number | null>(null);
  const counts = useMemo(() => tinyParameterCounts(), []);

  const x = xText.map(readValue);
  const w = wText.map(readValue);
  const badIndex = [...x, ...w].findIndex((v) => v === null);
  const badName =
    badIndex < 0 ? null : badIndex < INPUTS ? t.inputLabel(badIndex + 1) : t.weightLabel(badIndex - INPUTS + 1);
  const valid = badName === null;
  const xs = x as number[];
  const ws = w as number[];
  const y = useMemo(() => (valid ? tinyOutputs(xs, ws) : null), [valid, xText.join(), wText.join()]);

  const edit = (which: 'x' | 'w', index: number, text: string) =>
    setTexts((previous) => ({ ...previous, [which]: previous[which].map((v, i) => (i === index ? text : v)) }));

  const active: Highlight = transient !== null ? { kind: 'output', index: transient } : pinned;
  const edgeOn = (e: (typeof EDGES)[number]) =>
    active === null ? null : active.kind === 'output' ? e.output === active.index : e.weight === active.index;
  const inputOn = (i: number) => active !== null && EDGES.some((e) => e.input === i && edgeOn(e));

  let explanation = t.idle;
  if (active && active.kind === 'output') {
    const mine = EDGES.filter((e) => e.output === active.index);
    const terms = mine.map((e) => `${t.weightLabel(e.weight + 1)}·${t.inputLabel(e.input + 1)}`).join(' + ');
    const products = valid ? mine.map((e) => `${short(ws[e.weight])}·${short(xs[e.input])}`).join(' + ') : '…';
    explanation = t.equation(active.index + 1, terms, products, y ? short(y[active.index]) : '…');
  } else if (active && active.kind === 'weight') {
    const mine = EDGES.filter((e) => e.weight === active.index);
    explanation = t.sharedSentence(
      active.index + 1,
      mine.map((e) => `${t.inputLabel(e.input + 1)}→y${e.output + 1}`).join(', '),
    );
  }

  const toggleOutput = (o: number) =>
    setPinned((p) => (p && p.kind === 'output' && p.index === o ? null : { kind: 'output', index: o }));
  const toggleWeight = (k: number) =>
    setPinned((p) => (p && p.kind === 'weight' && p.index === k ? null : { kind: 'weight', index: k }));

  return (
    <WidgetFrame title={t.title} class="rft">
      <p class="rfx-hint">{t.hint}</p>
      {rejected.length > 0 && (
        <Note class="rfx-note">{t.rejected(rejected.join(', '))}</Note>
      )}

      <div class="rft-layout">
        <div class="rft-editors">
          <fieldset class="rft-fieldset">
            <legend>{t.inputsLegend}</legend>
            <div class="rft-matrix" style={{ gridTemplateColumns: `repeat(${INPUT_SIDE}, 1fr)` }}>
              {xText.map((text, i) => (
                <label key={i} class="rft-entry">
                  <span>{t.inputLabel(i + 1)}</span>
                  <input
                    type="text"
                    inputMode="decimal"
                    value={text}
                    aria-invalid={x[i] === null}
                    onInput={(e) => edit('x', i, (e.target as HTMLInputElement).value)}
                  />
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset class="rft-fieldset">
            <legend>{t.weightsLegend}</legend>
            <div class="rft-matrix" style={{ gridTemplateColumns: `repeat(${FILTER_SIDE}, 1fr)` }}>
              {wText.map((text, k) => (
                <label key={k} class={`rft-entry rft-weight-entry rft-w${k + 1}`}>
                  <span>{t.weightLabel(k + 1)}</span>
                  <input
                    type="text"
                    inputMode="decimal"
                    value={text}
                    aria-invalid={w[k] === null}
                    onInput={(e) => edit('w', k, (e.target as HTMLInputElement).value)}
                  />
                </label>
              ))}
            </div>
          </fieldset>
          {badName && (
            <p class="rfx-error" role="alert">
              {t.notANumber(badName, VALUE_LIMIT)}
            </p>
          )}
        </div>

        <div class="rft-drawing">
          <svg
            class="rft-svg"
            viewBox={`${VIEW_LEFT} 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
            width={VIEW_WIDTH}
            height={VIEW_HEIGHT}
            role="group"
            aria-label={t.networkLabel}
          >
            <g aria-hidden="true">
              {EDGES.map((e, n) => {
                const on = edgeOn(e);
                return (
                  <line
                    key={n}
                    class={`rft-edge rft-w${e.weight + 1}${on === true ? ' rft-on' : on === false ? ' rft-off' : ''}`}
                    data-output={e.output}
                    data-weight={e.weight}
                    x1={INPUT_X + NODE_RADIUS}
                    y1={inputY(e.input)}
                    x2={OUTPUT_X - NODE_RADIUS}
                    y2={outputY(e.output)}
                    stroke-dasharray={DASHES[e.weight] || undefined}
                  />
                );
              })}
              {EDGES.filter((e) => edgeOn(e) === true).map((e, n) => {
                // Labels sit a third of the way from the input end, where the edges are still apart.
                const at = 0.3;
                const lx = INPUT_X + NODE_RADIUS + at * (OUTPUT_X - INPUT_X - 2 * NODE_RADIUS);
                const ly = inputY(e.input) + at * (outputY(e.output) - inputY(e.input));
                return (
                  <text
                    key={`l${n}`}
                    class={`rft-edge-label rft-w${e.weight + 1}`}
                    x={lx}
                    y={ly - 4}
                    text-anchor="middle"
                  >
                    {t.weightLabel(e.weight + 1)}
                  </text>
                );
              })}
              {xs.map((_, i) => (
                <g key={`x${i}`} class={inputOn(i) ? 'rft-node rft-node-on' : 'rft-node'}>
                  <circle cx={INPUT_X} cy={inputY(i)} r={NODE_RADIUS} />
                  <text x={INPUT_X} y={inputY(i) + 5} text-anchor="middle" class="rft-value">
                    {x[i] === null ? '?' : short(x[i] as number)}
                  </text>
                  <text x={INPUT_X - NODE_RADIUS - 8} y={inputY(i) + 5} text-anchor="end" class="rft-name">
                    {t.inputLabel(i + 1)}
                  </text>
                </g>
              ))}
            </g>
            {Array.from({ length: OUTPUTS }, (_, o) => {
              const isActive = active?.kind === 'output' && active.index === o;
              const value = y ? short(y[o]) : '?';
              // The focusable node holds no text: its name says everything, and the
              // drawn value and label sit in a separate, hidden group on top.
              return (
                <g key={`y${o}`}>
                  <g
                    class={isActive ? 'rft-node rft-out rft-node-on' : 'rft-node rft-out'}
                    tabIndex={0}
                    role="button"
                    aria-pressed={pinned?.kind === 'output' && pinned.index === o}
                    aria-label={t.outputButton(o + 1, value)}
                    data-testid={`tn-out-${o + 1}`}
                    onMouseEnter={() => setTransient(o)}
                    onMouseLeave={() => setTransient(null)}
                    onFocus={() => setTransient(o)}
                    onBlur={() => setTransient(null)}
                    onClick={() => toggleOutput(o)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        toggleOutput(o);
                      }
                    }}
                  >
                    <circle cx={OUTPUT_X} cy={outputY(o)} r={NODE_RADIUS + 4} />
                  </g>
                  <g aria-hidden="true" class="rft-out-text">
                    <text x={OUTPUT_X} y={outputY(o) + 5} text-anchor="middle" class="rft-value">
                      {value}
                    </text>
                    <text x={OUTPUT_X + NODE_RADIUS + 12} y={outputY(o) + 5} class="rft-name">
                      y{o + 1}
                    </text>
                  </g>
                </g>
              );
            })}
          </svg>
        </div>
      </div>

      <div class="rft-legend">
        <p class="rft-legend-heading">{t.legendHeading}</p>
        <ul class="rft-legend-list">
          {Array.from({ length: WEIGHTS }, (_, k) => (
            <li key={k}>
              <button
                type="button"
                class="rfx-button rft-legend-button"
                aria-pressed={pinned?.kind === 'weight' && pinned.index === k}
                onClick={() => toggleWeight(k)}
              >
                <svg width="44" height="12" aria-hidden="true" class="rft-swatch">
                  <line
                    class={`rft-edge rft-w${k + 1}`}
                    x1="2"
                    y1="6"
                    x2="42"
                    y2="6"
                    stroke-dasharray={DASHES[k] || undefined}
                  />
                </svg>
                <span>
                  {t.showShared(k + 1)} <span class="rfx-muted">({t.dashNames[k]})</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>

      <p class="rft-explanation rfx-mono" aria-live="polite" data-testid="tn-explanation">
        {explanation}
      </p>
      <p>{t.comparison(formatCount(counts.fc, lang), formatCount(counts.conv, lang), EDGES.length)}</p>
    </WidgetFrame>
  );
}
