/**
 * A residual block stepped through with real tensors: the engine's BasicBlock,
 * run operation by operation on a small input, either a block that keeps the
 * shape (identity shortcut) or one that opens a stage (stride 2, 1x1 projection
 * shortcut). The step and the kind live in the address (`?blk=…`, 1-based;
 * `?blkd=1` for the downsampling block).
 */
import { useMemo } from 'preact/hooks';
import type { Locale } from '../../../src/i18n/lessons.ts';
import { WidgetFrame } from '../../kit/WidgetFrame.tsx';
import { CellGrid } from '../../kit/CellGrid.tsx';
import { ChoiceGroup } from '../../kit/ChoiceGroup.tsx';
import { Note } from '../../kit/Note.tsx';
import { readInt, useQueryState } from '../../kit/query-state.ts';
import type { QueryCodec } from '../../kit/query-state.ts';
import { stringsFor } from '../../kit/strings.ts';
import { stepBlock } from './model.ts';
import type { BlockStage } from './model.ts';
import { STRINGS } from './strings/index.ts';
import type { ResNetStrings } from './strings/index.ts';
import './resnet.css';

/** Stages of each kind of block: the downsampling one has its shortcut as a stage of its own. */
const STAGE_COUNTS = { same: 8, down: 9 } as const;
type BlockKind = keyof typeof STAGE_COUNTS;

interface StepperState {
  kind: BlockKind;
  step: number;
}

const QUERY: QueryCodec<StepperState> = {
  initial: () => ({ kind: 'same', step: 1 }),
  read: (params) => {
    const rejected: string[] = [];
    const kind: BlockKind = readInt(params, 'blkd', 0, 1, 0, rejected) === 1 ? 'down' : 'same';
    return { value: { kind, step: readInt(params, 'blk', 1, STAGE_COUNTS[kind], 1, rejected) }, rejected };
  },
  write: (value, params) => {
    if (value.step === 1) params.delete('blk');
    else params.set('blk', String(value.step));
    if (value.kind === 'same') params.delete('blkd');
    else params.set('blkd', '1');
  },
};

const fmt = (v: number) => (Object.is(v, -0) ? 0 : v).toFixed(2);

function StageGrid({ t, stage, testId }: { t: ResNetStrings; stage: BlockStage; testId: string }) {
  const name = t.stageNames[stage.id];
  const maxAbs = Math.max(1e-6, ...stage.channel0.map(Math.abs));
  return (
    <div class="rn-stage" data-testid={testId}>
      <p class="rn-stage__name">{name}</p>
      <p class="rn-stage__shape" data-testid={`${testId}-shape`}>
        {t.shape(`[${stage.shape.join(', ')}]`)}
      </p>
      <CellGrid
        size={stage.side}
        values={stage.channel0.map((v) => v / maxAbs)}
        text={(i) => fmt(stage.channel0[i])}
        cellLabel={(i) => t.cellLabel(Math.floor(i / stage.side) + 1, (i % stage.side) + 1, fmt(stage.channel0[i]))}
        label={t.gridLabel(name)}
      />
    </div>
  );
}

/** The stepper island. */
export default function BlockStepper({ lang }: { lang: Locale }) {
  const t = stringsFor(STRINGS, lang);
  const { value: state, set, rejected } = useQueryState(QUERY);
  const { kind, step } = state;
  const { stages } = useMemo(() => stepBlock(kind === 'down'), [kind]);
  const count = STAGE_COUNTS[kind];
  const stage = stages[step - 1];
  const note = (kind === 'down' ? t.downNotes[stage.id as keyof typeof t.downNotes] : undefined) ?? t.stageNotes[stage.id];
  return (
    <WidgetFrame title={t.blockTitle} caption={t.blockCaption} class="rn-block">
      {rejected.length > 0 && <Note testId="rejected-note">{t.rejected(rejected.join(', '))}</Note>}
      <div class="cl-controls">
        <ChoiceGroup
          label={t.blockKind}
          options={(['same', 'down'] as const).map((value) => ({ value, label: t.blockKinds[value] }))}
          value={kind}
          onChange={(value) => set(() => ({ kind: value, step: 1 }))}
        />
      </div>
      <div class="cl-controls">
        <button type="button" class="cl-button" disabled={step <= 1} onClick={() => set((s) => ({ ...s, step: Math.max(1, s.step - 1) }))} data-testid="blk-prev">
          {t.previous}
        </button>
        <button type="button" class="cl-button" disabled={step >= count} onClick={() => set((s) => ({ ...s, step: Math.min(count, s.step + 1) }))} data-testid="blk-next">
          {t.next}
        </button>
        <span class="rn-step" role="status" data-testid="blk-step">
          {t.stageOf(step, count)}: {t.stageNames[stage.id]}
        </span>
      </div>
      <p class="rn-note" data-testid="blk-note">{note}</p>
      <div class="rn-stages">
        <StageGrid t={t} stage={stages[0]} testId="blk-input" />
        {step > 1 && <StageGrid t={t} stage={stage} testId="blk-current" />}
      </div>
    </WidgetFrame>
  );
}
