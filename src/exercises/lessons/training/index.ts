/**
 * Lesson 13, training in the browser: the cross-entropy of one prediction, the
 * batches of an epoch, and training a network to a target accuracy (the answer
 * is the weights file the lesson's dashboard downloads).
 */
import { crossEntropy, datasets, tensor } from '../../../engine/index.ts';
import { encodeIntegers, formatNumber, grouped, parseIntegers } from '../../answers.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, correct, incorrect, invalid, math, partial, text } from '../../text.ts';
import type { AnyExercise, Block, CheckResult, ExerciseDefinition, Mistake } from '../../types.ts';
import { targetAccuracy } from './target-accuracy.ts';

/** `training/cross-entropy`: the loss of one picture. */
export interface CrossEntropyParams {
  logits: number[];
  target: number;
}

const lossOf = (logits: readonly number[], target: number) => crossEntropy(tensor([...logits], [1, logits.length]), [target]).item();

function softmax(logits: readonly number[]): number[] {
  const m = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** Three decimals are what the prompt asks for; 0.005 accepts any correct rounding of them. */
const LOSS_TOLERANCE = 0.005;

function lossMistakes(p: CrossEntropyParams): NumericMistake[] {
  const probs = softmax(p.logits);
  const predicted = probs.indexOf(Math.max(...probs));
  const list: NumericMistake[] = [
    {
      value: -Math.log10(probs[p.target]),
      note: 'used log10 instead of ln',
      feedback: bi('Cross-entropy uses the natural logarithm (ln).', '교차 엔트로피는 자연로그(ln)를 씁니다.'),
    },
    {
      value: Math.log(probs[p.target]),
      note: 'forgot the minus sign',
      feedback: bi('The loss is minus the log of a probability, so it is never negative.', '손실은 확률의 로그에 마이너스를 붙인 값이므로 음수가 될 수 없습니다.'),
    },
    {
      value: probs[p.target],
      note: 'gave the probability, not the loss',
      feedback: bi('That is the probability of the right class; the loss is $-\\ln$ of it.', '그것은 정답 클래스의 확률입니다. 손실은 그 값의 $-\\ln$입니다.'),
    },
    {
      value: -p.logits[p.target],
      note: 'skipped the softmax',
      feedback: bi('Turn the scores into probabilities with the softmax first.', '먼저 소프트맥스로 점수를 확률로 바꾸어야 합니다.'),
    },
  ];
  if (predicted !== p.target) {
    list.push({
      value: -Math.log(probs[predicted]),
      note: 'used the predicted class, not the right one',
      feedback: bi(`The loss looks at the probability of the right class, ${p.target}, not of the network's favourite.`, `손실은 신경망이 고른 클래스가 아니라 정답 클래스 ${p.target}의 확률을 봅니다.`),
    });
  }
  // Two slips can land on the same number (-z_y can equal -ln p of the favourite); the
  // typed value cannot tell them apart, so only the first is named for it.
  return list.filter((m, i) => list.slice(0, i).every((earlier) => Math.abs(earlier.value - m.value) > 2 * LOSS_TOLERANCE));
}

export const crossEntropyExercise: ExerciseDefinition<CrossEntropyParams> = {
  id: 'training/cross-entropy',
  version: 1,
  lesson: 'training',
  kind: 'by-hand',
  title: bi('Cross-entropy of one prediction', '예측 하나의 교차 엔트로피'),
  generate(rng) {
    for (;;) {
      const classes = pick(rng, [3, 3, 4]);
      const logits = Array.from({ length: classes }, () => intBetween(rng, -20, 30) / 10);
      const target = rng.int(classes);
      const loss = lossOf(logits, target);
      // Keep the mistakes distinguishable from the answer at three decimals.
      const close = lossMistakes({ logits, target }).some((m) => Math.abs(m.value - loss) < 3 * LOSS_TOLERANCE);
      if (!close && loss > 0.05) return { logits, target };
    }
  },
  validate(p) {
    if (!Number.isFinite(lossOf(p.logits, p.target))) throw new Error('the loss is not finite');
  },
  prompt(p) {
    const snippet = code(`logits = torch.tensor([[${p.logits.map(formatNumber).join(', ')}]])\nF.cross_entropy(logits, torch.tensor([${p.target}]))  # ?`);
    return {
      en: [text(`A network gives these ${p.logits.length} scores for one picture whose right class is ${p.target} (classes count from 0). What is its cross-entropy loss? Give three decimals.`), snippet],
      ko: [text(`정답 클래스가 ${p.target}인 이미지 한 장에 대해 신경망이 점수 ${p.logits.length}개를 냈습니다(클래스는 0부터 셉니다). 교차 엔트로피 손실은 얼마입니까? 소수점 아래 셋째 자리까지 쓰세요.`), snippet],
    };
  },
  answerSpec: () => ({ kind: 'number', label: bi('Loss', '손실') }),
  answer(p) {
    const loss = lossOf(p.logits, p.target);
    return { typed: loss.toFixed(3), value: Number(loss.toFixed(6)), display: bi(loss.toFixed(3), loss.toFixed(3)) };
  },
  check(typed, p) {
    return checkNumeric(typed, { expected: lossOf(p.logits, p.target), mistakes: lossMistakes(p), integer: false, tolerance: LOSS_TOLERANCE });
  },
  hints() {
    const eq = math('p_c = \\frac{e^{z_c}}{\\sum_k e^{z_k}}, \\qquad L = -\\ln p_y');
    return [
      bi<readonly Block[]>([text('Softmax turns the scores into probabilities; the loss is minus the natural log of the right class\'s probability.'), eq], [text('소프트맥스가 점수를 확률로 바꿉니다. 손실은 정답 클래스 확률의 자연로그에 마이너스를 붙인 값입니다.'), eq]),
    ];
  },
  solution(p) {
    const probs = softmax(p.logits);
    const loss = lossOf(p.logits, p.target);
    const eqs = [
      math(`p = \\operatorname{softmax}(${p.logits.map(formatNumber).join(', ')}) = (${probs.map((v) => v.toFixed(3)).join(', ')})`),
      math(`L = -\\ln p_{${p.target}} = -\\ln ${probs[p.target].toFixed(4)} = ${loss.toFixed(3)}`),
    ];
    return { en: [...eqs], ko: [...eqs] };
  },
  mistakes(p) {
    const right = lossOf(p.logits, p.target);
    return numericMistakes(lossMistakes(p), (v) => Math.abs(v - right) <= LOSS_TOLERANCE, false, LOSS_TOLERANCE).map((m) => ({
      ...m,
      typed: Number(m.typed).toFixed(3),
    }));
  },
};

/** `training/batches`: how an epoch splits into batches. */
export interface BatchesParams {
  images: number;
  batchSize: number;
  dropLast: boolean;
}

const batchCache = new Map<string, [number, number]>();

/** [steps per epoch, images in the last batch], by running the engine's own batch iterator over a stand-in set. */
function batchesOf(p: BatchesParams): [number, number] {
  const key = `${p.images}/${p.batchSize}/${p.dropLast}`;
  const cached = batchCache.get(key);
  if (cached) return cached;
  const set = { pixels: new Uint8Array(p.images), labels: new Uint8Array(p.images), count: p.images, shape: [1, 1, 1] as [number, number, number], classes: ['0'] };
  let steps = 0;
  let last = 0;
  for (const batch of datasets.batches(set, p.batchSize, { dropLast: p.dropLast })) {
    steps++;
    last = batch.labels.length;
  }
  const result: [number, number] = [steps, last];
  if (batchCache.size > 500) batchCache.clear();
  batchCache.set(key, result);
  return result;
}

function batchesCheck(typed: string, p: BatchesParams): CheckResult {
  const parsed = parseIntegers(typed, 2);
  if (!parsed.ok) return invalid(parsed.reason, 'not two whole numbers');
  const [steps, last] = parsed.value;
  const [S, L] = batchesOf(p);
  if (steps === S && last === L) return correct();
  const remainder = p.images % p.batchSize;
  if (!p.dropLast && remainder !== 0 && steps === S - 1) {
    const feedback = bi('Without drop_last the leftover images still make one last, smaller batch.', 'drop_last가 없으면 남은 이미지도 작은 마지막 배치 하나가 됩니다.');
    return last === L ? partial(0.5, 'dropped the last partial batch', feedback) : incorrect('dropped the last partial batch', feedback);
  }
  if (p.dropLast && remainder !== 0 && steps === S + 1) {
    return incorrect('kept the partial batch despite drop_last', bi('drop_last=True throws the leftover images away for this epoch.', 'drop_last=True이면 이번 에폭에서는 남은 이미지를 버립니다.'));
  }
  if (steps === S) return partial(0.5, 'right steps, wrong last batch', bi(`The number of steps is right. The last batch holds what is left: ${p.images} − ${S - 1} × ${p.batchSize}.`, `걸음 수는 맞습니다. 마지막 배치에는 남은 이미지가 들어갑니다: ${p.images} − ${S - 1} × ${p.batchSize}.`));
  if (last === L) return partial(0.5, 'right last batch, wrong steps', bi('The last batch is right, not the number of steps.', '마지막 배치는 맞지만 걸음 수가 틀렸습니다.'));
  return incorrect('incorrect: other', bi('Not right: divide the images into batches, one optimiser step per batch.', '틀렸습니다. 이미지를 배치로 나누면 배치마다 최적화 한 걸음입니다.'));
}

export const batchesExercise: ExerciseDefinition<BatchesParams> = {
  id: 'training/batches',
  version: 1,
  lesson: 'training',
  kind: 'count',
  title: bi('Steps in an epoch', '한 에폭의 걸음 수'),
  generate(rng) {
    for (;;) {
      const images = rng.next() < 0.3 ? pick(rng, [60000, 50000, 10000]) : intBetween(rng, 1000, 20000);
      const batchSize = pick(rng, [32, 50, 64, 100, 128, 256]);
      const dropLast = rng.next() < 0.25;
      if (dropLast && images % batchSize === 0) continue;
      return { images, batchSize, dropLast };
    }
  },
  validate(p) {
    const [steps] = batchesOf(p);
    if (steps < 1) throw new Error('no batch');
  },
  prompt(p) {
    const snippet = code(`loader = DataLoader(train_set, batch_size=${p.batchSize}, shuffle=True${p.dropLast ? ', drop_last=True' : ''})  # len(train_set) == ${p.images}`);
    return {
      en: [text(`A training set of ${grouped(p.images)} images is served in batches like this. How many optimiser steps does one epoch take, and how many images are in its last batch?`), snippet],
      ko: [text(`이미지 ${grouped(p.images)}장짜리 훈련 세트를 이렇게 배치로 나눕니다. 한 에폭에 최적화 걸음은 몇 번이고, 마지막 배치에는 이미지가 몇 장 있습니까?`), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integers', labels: [bi('Steps per epoch', '에폭당 걸음 수'), bi('Images in the last batch', '마지막 배치의 이미지 수')] }),
  answer(p) {
    const v = batchesOf(p);
    return { typed: encodeIntegers(v), value: v, display: bi(`${grouped(v[0])} steps, last batch ${v[1]}`, `${grouped(v[0])}걸음, 마지막 배치 ${v[1]}장`) };
  },
  check: (typed, p) => batchesCheck(typed, p),
  hints(p) {
    return [
      bi<readonly Block[]>([text('One batch, one step. Divide, and see what is left over.')], [text('배치 하나에 한 걸음입니다. 나누어 보고 나머지를 확인하세요.')]),
      bi<readonly Block[]>(
        [text(p.dropLast ? '`drop_last=True` skips a last batch that would be smaller than the others.' : 'Leftover images form one more, smaller batch.')],
        [text(p.dropLast ? '`drop_last=True`는 다른 배치보다 작은 마지막 배치를 건너뜁니다.' : '남은 이미지는 더 작은 배치 하나를 더 이룹니다.')],
      ),
    ];
  },
  solution(p) {
    const [S, L] = batchesOf(p);
    const q = Math.floor(p.images / p.batchSize);
    const r = p.images % p.batchSize;
    const eq = math(`${p.images} = ${q} \\cdot ${p.batchSize} + ${r}`);
    const en = r === 0 ? `No images are left over: ${S} full batches.` : p.dropLast ? `The ${r} leftover images are dropped: ${S} steps, all batches full (${L}).` : `The ${r} leftover images make a last batch: ${S} steps, the last with ${L} images.`;
    const ko = r === 0 ? `남는 이미지가 없으므로 꽉 찬 배치 ${S}개입니다.` : p.dropLast ? `남은 이미지 ${r}장은 버려집니다. ${S}걸음이고 모든 배치가 꽉 차 있습니다(${L}장).` : `남은 이미지 ${r}장이 마지막 배치가 됩니다. ${S}걸음이고 마지막 배치는 ${L}장입니다.`;
    return { en: [eq, text(en)], ko: [eq, text(ko)] };
  },
  mistakes(p): Mistake[] {
    const [S, L] = batchesOf(p);
    const list: Mistake[] = [];
    if (!p.dropLast && p.images % p.batchSize !== 0) list.push({ typed: encodeIntegers([S - 1, L]), answerNote: 'dropped the last partial batch' });
    if (p.dropLast) list.push({ typed: encodeIntegers([S + 1, p.images % p.batchSize]), answerNote: 'kept the partial batch despite drop_last' });
    list.push({ typed: encodeIntegers([S, L === p.batchSize ? L - 1 : p.batchSize]), answerNote: 'right steps, wrong last batch' });
    return list;
  },
};

export const exercises: AnyExercise[] = [targetAccuracy, crossEntropyExercise, batchesExercise];

