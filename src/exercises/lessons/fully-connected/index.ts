/**
 * Lesson 12, fully connected layers (not written yet; the exercise can be
 * assigned already): spot the `torch.flatten(x)` bug in the lesson's PyTorch
 * network. `torch.flatten` starts at dimension 0 by default, so it flattens the
 * batch together with the maps, and the linear layer gets one huge vector
 * instead of one row per image. The engine's `flatten` has the same default
 * (ENGINE_CONTRACT.md), and `validate` shows the failure with the engine.
 */
import { flatten, nn, summary, zeros } from '../../../engine/index.ts';
import { encodeLineFix, parseLineFix } from '../../answers.ts';
import { pick, shuffled } from '../../seed.ts';
import { bi, code, correct, incorrect, invalid, partial, text } from '../../text.ts';
import type { AnswerOption, AnyExercise, Block, CheckResult, ExerciseDefinition, Mistake } from '../../types.ts';

export interface FlattenBugParams {
  c1: number;
  c2: number;
  classes: number;
  /** Side of the maps reaching the linear layer; the input is 8 times it. */
  side: number;
  batch: number;
  dropout: boolean;
  /** The fixes offered, in the order shown. */
  fixes: string[];
}

/** Fixes that work: flatten from dimension 1, or reshape keeping the batch. */
const RIGHT_FIXES = new Set(['flatten-from-1', 'reshape-keep-batch']);

const FIX_TEXT: Record<string, { line: 'flatten' | 'linear'; en: string; ko: string; code: (p: FlattenBugParams) => string }> = {
  'flatten-from-1': { line: 'flatten', en: 'Replace it with', ko: '다음으로 바꾼다:', code: () => 'x = torch.flatten(x, 1)' },
  'reshape-keep-batch': { line: 'flatten', en: 'Replace it with', ko: '다음으로 바꾼다:', code: () => 'x = x.reshape(x.shape[0], -1)' },
  'view-all': { line: 'flatten', en: 'Replace it with', ko: '다음으로 바꾼다:', code: () => 'x = x.view(-1)' },
  'flatten-from-2': { line: 'flatten', en: 'Replace it with', ko: '다음으로 바꾼다:', code: () => 'x = torch.flatten(x, 2)' },
  'linear-times-batch': {
    line: 'linear',
    en: 'Replace it with',
    ko: '다음으로 바꾼다:',
    code: (p) => `self.fc = nn.Linear(${p.batch} * ${p.c2} * ${p.side} * ${p.side}, ${p.classes})`,
  },
};

/** The listing, one string per line (numbered from 1 on the page). */
function lines(p: FlattenBugParams): string[] {
  const input = p.side * 8;
  return [
    'class Net(nn.Module):',
    '    def __init__(self):',
    '        super().__init__()',
    `        self.conv1 = nn.Conv2d(3, ${p.c1}, kernel_size=3, stride=2, padding=1)`,
    `        self.conv2 = nn.Conv2d(${p.c1}, ${p.c2}, kernel_size=3, stride=1, padding=1)`,
    '        self.pool = nn.MaxPool2d(2)',
    ...(p.dropout ? ['        self.drop = nn.Dropout(0.5)'] : []),
    `        self.fc = nn.Linear(${p.c2} * ${p.side} * ${p.side}, ${p.classes})`,
    '',
    '    def forward(self, x):',
    '        x = self.pool(F.relu(self.conv1(x)))',
    '        x = self.pool(F.relu(self.conv2(x)))',
    '        x = torch.flatten(x)',
    ...(p.dropout ? ['        x = self.drop(x)'] : []),
    '        return self.fc(x)',
    '',
    'net = Net()',
    `images = torch.randn(${p.batch}, 3, ${input}, ${input})`,
    `scores = net(images)  # expected: [${p.batch}, ${p.classes}]`,
  ];
}

const bugLine = (p: FlattenBugParams) => lines(p).findIndex((l) => l.includes('torch.flatten(x)')) + 1;
const linearLine = (p: FlattenBugParams) => lines(p).findIndex((l) => l.includes('self.fc = nn.Linear')) + 1;

/** The convolution part as engine modules: the maps' shape for a batch, by the engine's summary. */
function mapsShape(p: FlattenBugParams): number[] {
  const features = new nn.Sequential(
    new nn.Conv2d(3, p.c1, 3, { stride: 2, padding: 1, seed: 1 }),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Conv2d(p.c1, p.c2, 3, { stride: 1, padding: 1, seed: 2 }),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
  );
  return summary(features, [p.batch, 3, p.side * 8, p.side * 8]).outputShape;
}

function optionsOf(p: FlattenBugParams): AnswerOption[] {
  return p.fixes.map((id) => {
    const fix = FIX_TEXT[id];
    const where = fix.line === 'flatten' ? bi('the flatten line', 'flatten 줄') : bi('the Linear line', 'Linear 줄');
    return { id, label: bi(`${where.en}: ${fix.code(p)}`, `${where.ko}: ${fix.code(p)}`) };
  });
}

function flattenCheck(typed: string, p: FlattenBugParams): CheckResult {
  const listing = lines(p);
  const parsed = parseLineFix(typed, listing.length, p.fixes);
  if (!parsed.ok) return invalid(parsed.reason, 'not a line and a fix');
  const { line, fix } = parsed.value;
  const bug = bugLine(p);
  if (line === bug && RIGHT_FIXES.has(fix)) return correct(bi('Right: the batch dimension must survive the flatten.', '맞습니다. 배치 차원은 펼친 뒤에도 남아 있어야 합니다.'));
  if (line === bug) {
    const why =
      fix === 'view-all'
        ? bi('`view(-1)` flattens the batch too: the same bug.', '`view(-1)`도 배치까지 펼칩니다. 같은 버그입니다.')
        : fix === 'flatten-from-2'
          ? bi('Starting at dimension 2 keeps the channels apart: the maps stay 3-D.', '2번 차원부터 펼치면 채널이 따로 남아 3차원 그대로입니다.')
          : bi('That fix does not fit this line.', '그 방법은 이 줄에 맞지 않습니다.');
    return partial(0.5, 'right line, wrong fix', bi(`Right line. ${why.en}`, `줄은 맞습니다. ${why.ko}`));
  }
  if (line === linearLine(p)) {
    return incorrect(
      'blamed the Linear layer',
      bi(
        'The Linear layer is sized right for one image. Making it take the whole batch as one vector would mix the images together and break for any other batch size; the flatten is what is wrong.',
        'Linear 계층은 이미지 한 장에 맞게 제대로 만들어져 있습니다. 배치 전체를 벡터 하나로 받게 하면 이미지들이 뒤섞이고 배치 크기가 바뀌면 깨집니다. 잘못된 것은 펼치는 줄입니다.',
      ),
    );
  }
  return incorrect('wrong line', bi(`Line ${line} is fine. Follow the shape of x through forward, from [${p.batch}, 3, ...].`, `${line}번째 줄은 괜찮습니다. forward 안에서 x의 모양을 [${p.batch}, 3, ...]부터 따라가 보세요.`));
}

export const flattenBug: ExerciseDefinition<FlattenBugParams> = {
  id: 'fully-connected/flatten-bug',
  version: 1,
  lesson: 'fully-connected',
  kind: 'spot-the-bug',
  title: bi('Spot the bug: flattening a batch', '버그 찾기: 배치 펼치기'),
  generate(rng) {
    return {
      c1: pick(rng, [8, 16, 16, 32]),
      c2: pick(rng, [16, 32, 32, 64]),
      classes: pick(rng, [10, 10, 100]),
      side: pick(rng, [4, 8, 16, 32]),
      batch: pick(rng, [4, 8, 16, 32, 64]),
      dropout: rng.next() < 0.4,
      fixes: shuffled(rng, Object.keys(FIX_TEXT)),
    };
  },
  validate(p) {
    const [, channels, height, width] = mapsShape(p);
    // The engine's flatten on maps of that shape; a batch of 2 shows the bug as well as any batch and costs little.
    const maps = zeros([2, channels, height, width]);
    const linear = new nn.Linear(p.c2 * p.side * p.side, p.classes, { seed: 3 });
    // The bug: flatten from dimension 0 gives one long vector ...
    const wrong = flatten(maps).shape;
    if (wrong.length !== 1 || wrong[0] !== 2 * p.c2 * p.side * p.side) throw new Error(`flatten(x) gave [${wrong.join(', ')}]`);
    let refused = false;
    try {
      linear.outputShape(wrong);
    } catch {
      refused = true;
    }
    if (!refused) throw new Error('the Linear layer accepted the whole batch as one vector');
    // ... and the fix gives one row per image and one score per class.
    const right = linear.outputShape(flatten(maps, 1).shape);
    if (right[0] !== 2 || right[1] !== p.classes) throw new Error(`the fixed network gives [${right.join(', ')}]`);
  },
  prompt(p) {
    const listing = code(lines(p).join('\n'), true);
    return {
      en: [text(`This network should give ${p.classes} scores for each of the ${p.batch} images, but the last line fails. Which line is wrong, and how do you fix it?`), listing],
      ko: [text(`이 신경망은 이미지 ${p.batch}장 각각에 대해 점수 ${p.classes}개를 내야 하는데, 마지막 줄에서 오류가 납니다. 어느 줄이 틀렸고 어떻게 고칩니까?`), listing],
    };
  },
  answerSpec: (p) => ({ kind: 'line-and-fix', lines: lines(p).length, options: optionsOf(p) }),
  answer(p) {
    const line = bugLine(p);
    return {
      typed: encodeLineFix(line, 'flatten-from-1'),
      value: { line, fixes: [...RIGHT_FIXES] },
      display: bi(`Line ${line}: x = torch.flatten(x, 1) (or x.reshape(x.shape[0], -1))`, `${line}번째 줄: x = torch.flatten(x, 1) (또는 x.reshape(x.shape[0], -1))`),
    };
  },
  check: (typed, p) => flattenCheck(typed, p),
  hints(p) {
    return [
      bi<readonly Block[]>(
        [text(`Write down the shape of x after each line of forward. After the second pooling it is [${mapsShape(p).join(', ')}].`)],
        [text(`forward의 줄마다 x의 모양을 적어 보세요. 두 번째 풀링 뒤에는 [${mapsShape(p).join(', ')}]입니다.`)],
      ),
      bi<readonly Block[]>(
        [text('Which dimension does `torch.flatten` start from when you do not say?')],
        [text('따로 말하지 않으면 `torch.flatten`은 몇 번 차원부터 펼칩니까?')],
      ),
    ];
  },
  solution(p) {
    const maps = mapsShape(p);
    const flat = maps.reduce((a, b) => a * b, 1);
    const per = flat / p.batch;
    return {
      en: [
        text(`Before line ${bugLine(p)}, x is [${maps.join(', ')}]. \`torch.flatten(x)\` starts at dimension 0, so it makes one vector of ${flat} values out of all ${p.batch} images, and \`self.fc\`, which expects rows of ${per}, refuses it. \`torch.flatten(x, 1)\` keeps the batch: [${p.batch}, ${per}], then [${p.batch}, ${p.classes}].`),
        code('x = torch.flatten(x, 1)'),
      ],
      ko: [
        text(`${bugLine(p)}번째 줄 앞에서 x는 [${maps.join(', ')}]입니다. \`torch.flatten(x)\`는 0번 차원부터 펼치므로 이미지 ${p.batch}장 전체를 값 ${flat}개짜리 벡터 하나로 만들고, 길이 ${per}인 행을 기대하는 \`self.fc\`가 이를 거부합니다. \`torch.flatten(x, 1)\`은 배치를 남깁니다: [${p.batch}, ${per}], 그다음 [${p.batch}, ${p.classes}].`),
        code('x = torch.flatten(x, 1)'),
      ],
    };
  },
  mistakes(p): Mistake[] {
    return [
      { typed: encodeLineFix(bugLine(p), 'view-all'), answerNote: 'right line, wrong fix' },
      { typed: encodeLineFix(linearLine(p), 'linear-times-batch'), answerNote: 'blamed the Linear layer' },
      { typed: encodeLineFix(1, 'flatten-from-1'), answerNote: 'wrong line' },
    ];
  },
};

export const exercises: AnyExercise[] = [flattenBug];
