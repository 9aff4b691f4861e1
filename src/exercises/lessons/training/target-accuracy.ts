/**
 * `training/target-accuracy`: train a network in the lesson-13 dashboard until
 * it reaches a test accuracy with at most so many parameters, and hand in the
 * `.clw` weights file it downloads.
 *
 * The checker trusts nothing the file says about itself: it reads the file
 * with the trainer's own reader (every check of WEIGHTS_FORMAT.md), counts the
 * parameters of the network the file describes, and scores the network on the
 * MNIST test set with the engine, standardising the images the way the
 * trainer does. The accuracy stored in the file's metadata is ignored.
 */
import { Tensor, datasets, noGrad } from '../../../engine/index.ts';
import type { RawImageSet } from '../../../engine/datasets/format.ts';
import type { nn } from '../../../engine/index.ts';
import { DATASET_SCALING } from '../../../training/config.ts';
import type { StackSpec } from '../../../training/config.ts';
import { checkArchitecture } from '../../../training/architecture.ts';
import { WeightsFileError, importWeights } from '../../../training/weights.ts';
import { grouped, parseDataUrl } from '../../answers.ts';
import { pick } from '../../seed.ts';
import { bi, correct, incorrect, invalid, partial, table, text } from '../../text.ts';
import type { Block, CheckContext, CheckResult, ExerciseDefinition } from '../../types.ts';
import { josa, josaAny } from '../../../i18n/korean.ts';

export interface TargetParams {
  /** Fraction of the MNIST test set to classify correctly, e.g. 0.95. */
  minAccuracy: number;
  /** Most parameters the network may have. */
  maxParams: number;
}

/** Larger than any network allowed here can be (4 bytes a parameter plus the header). */
export const MAX_WEIGHTS_BYTES = 2_000_000;

/** Within this much below the target, half the points: the network nearly made it. */
const NEAR_MISS = 0.02;

/**
 * A stack that fits every variant's budget (2,922 parameters) and is known
 * from the dashboard to pass 97% on MNIST after a couple of epochs with Adam;
 * the answer key offers it as a recipe.
 */
export const RECIPE: StackSpec = {
  kind: 'stack',
  layers: [
    { type: 'conv', outChannels: 4, kernelSize: 5, padding: 2 },
    { type: 'activation', kind: 'relu' },
    { type: 'pool', kind: 'max', kernelSize: 2 },
    { type: 'conv', outChannels: 8, kernelSize: 5 },
    { type: 'activation', kind: 'relu' },
    { type: 'pool', kind: 'max', kernelSize: 2 },
    { type: 'flatten' },
    { type: 'linear', outFeatures: 10 },
  ],
};

/** Fraction of `test` a model classifies right, inputs standardised as the trainer does (MNIST's mean and std). */
export function testAccuracy(model: nn.Module, test: RawImageSet, chunk = 500): number {
  const [c, h, w] = test.shape;
  const size = c * h * w;
  const { mean, std } = DATASET_SCALING.mnist;
  let right = 0;
  const wasTraining = model.training;
  model.eval();
  try {
    noGrad(() => {
      for (let from = 0; from < test.count; from += chunk) {
        const count = Math.min(chunk, test.count - from);
        const data = new Float32Array(count * size);
        for (let i = 0; i < data.length; i++) data[i] = (test.pixels[from * size + i] / 255 - mean) / std;
        const logits = model.forward(new Tensor(data, [count, c, h, w]));
        const classes = logits.shape[1];
        for (let r = 0; r < count; r++) {
          let best = 0;
          for (let k = 1; k < classes; k++) if (logits.data[r * classes + k] > logits.data[r * classes + best]) best = k;
          if (best === test.labels[from + r]) right++;
        }
      }
    });
  } finally {
    model.train(wasTraining);
  }
  return test.count > 0 ? right / test.count : 0;
}

/** 0.95 -> "95%", 0.9612 -> "96.12%". */
const percent = (v: number) => {
  const hundred = Math.round(v * 10000) / 100;
  return `${Number.isInteger(hundred) ? hundred : hundred.toFixed(2)}%`;
};

export async function checkWeights(typed: string, p: TargetParams, context: CheckContext): Promise<CheckResult> {
  const file = parseDataUrl(typed, MAX_WEIGHTS_BYTES);
  if (!file.ok) return invalid(file.reason, 'no weights file');
  let imported: ReturnType<typeof importWeights>;
  try {
    imported = importWeights(file.value);
  } catch (error) {
    const reason = error instanceof WeightsFileError ? error.message : String(error);
    return invalid(bi(`This is not a usable ConvLab weights file: ${reason}.`, `쓸 수 있는 ConvLab 가중치 파일이 아닙니다: ${reason}.`), 'not a weights file');
  }
  if (imported.header.dataset !== 'mnist') {
    return incorrect('trained on the wrong dataset', bi(`The file was trained on ${imported.header.dataset}; this exercise asks for MNIST.`, `이 파일은 ${josaAny(imported.header.dataset, '(으)로')} 학습했습니다. 이 문제는 MNIST를 요구합니다.`));
  }
  const params = imported.built.summary.totalParams;
  if (params > p.maxParams) {
    return incorrect(
      'too many parameters',
      bi(`The network has ${grouped(params)} parameters; at most ${grouped(p.maxParams)} are allowed.`, `신경망의 파라미터가 ${grouped(params)}개입니다. 많아야 ${grouped(p.maxParams)}개까지 허용됩니다.`),
    );
  }
  const test = context.mnistTest ?? (await datasets.loadRaw('mnist', { split: 'test' }));
  const accuracy = testAccuracy(imported.built.model, test);
  const measured = bi(
    `${percent(accuracy)} of ${grouped(test.count)} test images, with ${grouped(params)} parameters.`,
    `테스트 이미지 ${grouped(test.count)}장 중 ${percent(accuracy)}, 파라미터 ${grouped(params)}개.`,
  );
  if (accuracy >= p.minAccuracy) return correct(bi(`Target reached: ${measured.en}`, `목표 달성: ${measured.ko}`));
  if (accuracy >= p.minAccuracy - NEAR_MISS) {
    return partial(0.5, 'accuracy just below the target', bi(`Nearly: ${measured.en} The target is ${percent(p.minAccuracy)}. Train a little longer.`, `거의 다 왔습니다: ${measured.ko} 목표는 ${percent(p.minAccuracy)}입니다. 조금 더 학습시키세요.`));
  }
  return incorrect('accuracy below the target', bi(`${measured.en} The target is ${percent(p.minAccuracy)}.`, `${measured.ko} 목표는 ${percent(p.minAccuracy)}입니다.`));
}

export const targetAccuracy: ExerciseDefinition<TargetParams> = {
  id: 'training/target-accuracy',
  version: 1,
  lesson: 'training',
  kind: 'train-to-target',
  title: bi('Train to a target accuracy', '목표 정확도까지 학습시키기'),
  heavy: true,
  generate(rng) {
    return { minAccuracy: pick(rng, [0.95, 0.96, 0.97]), maxParams: pick(rng, [8000, 12000, 20000, 30000]) };
  },
  validate(p) {
    const check = checkArchitecture(RECIPE);
    if (!check.ok) throw new Error(`the recipe does not build: ${check.message}`);
    if (check.totalParams > p.maxParams) throw new Error(`the recipe has ${check.totalParams} parameters, over the budget of ${p.maxParams}`);
  },
  prompt(p) {
    return {
      en: [
        text(`In the training dashboard, build and train a network on MNIST that classifies at least ${percent(p.minAccuracy)} of the 10,000 test images correctly, with at most ${grouped(p.maxParams)} parameters. Then download its weights (a .clw file) and hand in that file.`),
        text('The site scores the file itself: it counts the parameters of the network in the file and runs it on the whole test set.'),
      ],
      ko: [
        text(`학습 대시보드에서 MNIST 신경망을 만들어 학습시키세요. 테스트 이미지 10,000장 중 ${percent(p.minAccuracy)} 이상을 맞혀야 하고, 파라미터는 ${grouped(p.maxParams)}개 이하여야 합니다. 그다음 가중치(.clw 파일)를 내려받아 그 파일을 제출하세요.`),
        text('사이트가 파일을 직접 채점합니다. 파일에 든 신경망의 파라미터를 세고, 테스트 세트 전체에서 실행해 봅니다.'),
      ],
    };
  },
  answerSpec: () => ({ kind: 'file', accept: '.clw', maxBytes: MAX_WEIGHTS_BYTES, label: bi('Weights file', '가중치 파일') }),
  answer(p) {
    const check = checkArchitecture(RECIPE);
    const total = check.ok ? check.totalParams : NaN;
    return {
      typed: null,
      value: { architecture: RECIPE, totalParams: total, optimizer: { kind: 'adam', lr: 0.001 }, epochs: 2 },
      display: bi(
        `A trained weights file; no single right file. For example: conv 4@5x5 (padding 2), ReLU, max pool 2, conv 8@5x5, ReLU, max pool 2, flatten, linear 10 (${grouped(total)} parameters), trained with Adam (lr 0.001) for about two epochs, passes ${percent(p.minAccuracy)}.`,
        `학습한 가중치 파일입니다. 정답 파일이 하나로 정해져 있지 않습니다. 예: 합성곱 4@5x5(패딩 2), ReLU, 최대 풀링 2, 합성곱 8@5x5, ReLU, 최대 풀링 2, 펼치기, 선형 10(파라미터 ${grouped(total)}개)을 Adam(학습률 0.001)으로 약 두 에폭 학습시키면 ${josa(percent(p.minAccuracy), '을/를')} 넘습니다.`,
      ),
    };
  },
  check: (typed, p, context) => checkWeights(typed, p, context),
  hints(p) {
    return [
      bi<readonly Block[]>(
        [text(`Count before you train: a fully connected layer on 28x28 pixels costs 784 weights per unit, so most of a ${grouped(p.maxParams)} budget should go to small convolutions and pooling.`)],
        [text(`학습 전에 세어 보세요. 28x28 픽셀을 받는 완전 연결 계층은 유닛 하나에 가중치 784개가 듭니다. 그러니 ${grouped(p.maxParams)}개 예산의 대부분은 작은 합성곱과 풀링에 써야 합니다.`)],
      ),
      bi<readonly Block[]>(
        [text('Two rounds of a few 5x5 filters, ReLU and 2x2 max pooling shrink the picture to 5x5 maps; one linear layer from there to the 10 classes is cheap.')],
        [text('5x5 필터 몇 개, ReLU, 2x2 최대 풀링을 두 번 거치면 이미지가 5x5 맵으로 줄어듭니다. 거기서 10개 클래스로 가는 선형 계층 하나는 값이 쌉니다.')],
      ),
    ];
  },
  solution(p) {
    const check = checkArchitecture(RECIPE);
    const rows = check.ok ? check.layers.map((l) => [l.name, l.type, `[${l.outputShape.join(', ')}]`, grouped(l.params)]) : [];
    const t = (en: boolean) => table(en ? ['Layer', 'Type', 'Output', 'Parameters'] : ['계층', '종류', '출력', '파라미터'], rows);
    const total = check.ok ? grouped(check.totalParams) : '?';
    return {
      en: [t(true), text(`${total} parameters, well under ${grouped(p.maxParams)}. Adam with learning rate 0.001 and batches of 64 takes it past ${percent(p.minAccuracy)} in about two epochs; keep training if it stops short.`)],
      ko: [t(false), text(`파라미터는 ${total}개로 ${grouped(p.maxParams)}개보다 훨씬 적습니다. Adam(학습률 0.001), 배치 64로 약 두 에폭이면 ${josa(percent(p.minAccuracy), '을/를')} 넘습니다. 모자라면 조금 더 학습시키세요.`)],
    };
  },
  mistakes: () => [],
};
