/**
 * Lesson 1, why convolutions: how many weights a fully connected layer needs
 * for a picture, how many inputs change when a letter moves a little, and how a
 * convolution's response moves with it instead.
 */
import { Random, conv2d, datasets, nn, tensor } from '../../../engine/index.ts';
import { encodeIntegers, grouped, texGrouped, parseIntegers } from '../../answers.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { intBetween, pick } from '../../seed.ts';
import { bi, code, correct, grid, incorrect, invalid, math, text } from '../../text.ts';
import type { AnyExercise, Block, CheckResult, ExerciseDefinition, Mistake } from '../../types.ts';
import { josa } from '../../../i18n/korean.ts';

/** `why-convolutions/fc-weights`. */
export interface FcWeightsParams {
  height: number;
  width: number;
  channels: number;
  hidden: number;
}

/** The weights of the first fully connected layer, counted by the engine (nothing is allocated). */
const fcWeights = (p: FcWeightsParams) => new nn.Linear(p.height * p.width * p.channels, p.hidden, { bias: false, seed: 0 }).countParameters();

function fcMistakes(p: FcWeightsParams): NumericMistake[] {
  const inputs = p.height * p.width * p.channels;
  return [
    {
      value: p.height * p.width * p.hidden,
      note: 'forgot the colour channels',
      feedback: bi(`A colour picture has ${p.channels} values per pixel, and each is an input.`, `컬러 이미지에는 픽셀마다 값이 ${p.channels}개 있고 그 하나하나가 입력입니다.`),
    },
    {
      value: inputs * p.hidden + p.hidden,
      note: 'counted the biases',
      feedback: bi('Only weights are asked for; the biases are extra.', '가중치만 묻고 있습니다. 편향은 따로입니다.'),
    },
    {
      value: inputs + p.hidden,
      note: 'added instead of multiplied',
      feedback: bi('Every input connects to every hidden unit: multiply.', '입력 하나하나가 은닉 유닛 하나하나와 연결됩니다. 곱해야 합니다.'),
    },
    {
      value: inputs,
      note: 'counted the inputs only',
      feedback: bi(`Each of the ${grouped(inputs)} inputs has one weight per hidden unit.`, `입력 ${grouped(inputs)}개마다 은닉 유닛 수만큼 가중치가 있습니다.`),
    },
  ];
}

export const fcWeightsExercise: ExerciseDefinition<FcWeightsParams> = {
  id: 'why-convolutions/fc-weights',
  version: 1,
  lesson: 'why-convolutions',
  kind: 'count',
  title: bi('Weights of a fully connected layer on a picture', '이미지를 받는 완전 연결 계층의 가중치'),
  generate(rng) {
    const side = pick(rng, [9, 28, 32, 64, 100, 224]);
    return { height: side, width: side, channels: pick(rng, [1, 3]), hidden: pick(rng, [10, 64, 100, 128, 256, 500, 1000]) };
  },
  validate(p) {
    if (!(fcWeights(p) > 0)) throw new Error('no weights');
  },
  prompt(p) {
    const snippet = code(`fc = nn.Linear(${p.channels} * ${p.height} * ${p.width}, ${p.hidden})  # after flattening the picture`);
    return {
      en: [
        text(`A fully connected network flattens a ${p.height}x${p.width} picture with ${p.channels} channel${p.channels > 1 ? 's' : ''} into one long list of inputs, and its first layer has ${p.hidden} units. How many weights (not counting biases) does that first layer have?`),
        snippet,
      ],
      ko: [
        text(`완전 연결 신경망이 채널 ${p.channels}개짜리 ${p.height}x${p.width} 이미지를 긴 입력 목록 하나로 펼칩니다. 첫 번째 계층에는 유닛이 ${p.hidden}개 있습니다. 이 계층의 가중치(편향 제외)는 몇 개입니까?`),
        snippet,
      ],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Weights', '가중치 개수') }),
  answer(p) {
    const n = fcWeights(p);
    return { typed: String(n), value: n, display: bi(grouped(n), grouped(n)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: fcWeights(p), mistakes: fcMistakes(p) }),
  hints(p) {
    return [
      bi<readonly Block[]>([text('How many numbers does the flattened picture have?')], [text('펼친 이미지에는 수가 몇 개 있습니까?')]),
      bi<readonly Block[]>(
        [text(`Each of them is wired to each of the ${p.hidden} units with its own weight.`)],
        [text(`그 수 하나하나가 유닛 ${p.hidden}개 하나하나와 저마다의 가중치로 연결됩니다.`)],
      ),
    ];
  },
  solution(p) {
    const n = fcWeights(p);
    const eq = math(`(${p.height} \\cdot ${p.width} \\cdot ${p.channels}) \\cdot ${p.hidden} = ${texGrouped(n)}`);
    return {
      en: [eq, text('Double the side of the picture and this grows four times: the layer pays for every pixel separately.')],
      ko: [eq, text('이미지의 한 변을 두 배로 늘리면 이 수는 네 배가 됩니다. 이 계층은 픽셀 하나하나에 따로 값을 치릅니다.')],
    };
  },
  mistakes(p) {
    const right = fcWeights(p);
    return numericMistakes(fcMistakes(p), (v) => v === right);
  },
};

/** `why-convolutions/shifted-letter`: the engine's canonical letter, moved. */
export interface ShiftParams {
  letter: 'X' | 'O';
  size: number;
  dx: number;
  dy: number;
}

/** The engine's canonical picture of the letter (+1 on the strokes, -1 elsewhere), as rows. */
const letters = new Map<string, number[][]>();

function letterPicture(p: ShiftParams): number[][] {
  const key = `${p.letter}${p.size}`;
  let rows = letters.get(key);
  if (!rows) {
    const pixels = datasets.drawXo(p.letter === 'X' ? 0 : 1, 'canonical', p.size, new Random(0));
    rows = Array.from({ length: p.size }, (_, r) => Array.from(pixels.subarray(r * p.size, (r + 1) * p.size)));
    letters.set(key, rows);
  }
  return rows.map((row) => [...row]);
}

/** The picture moved `dx` right and `dy` down; what slides in is background (-1). */
function shiftPicture(picture: number[][], dx: number, dy: number): number[][] {
  return picture.map((row, r) => row.map((_, c) => picture[r - dy]?.[c - dx] ?? -1));
}

function changedCount(p: ShiftParams): number {
  const before = letterPicture(p);
  const after = shiftPicture(before, p.dx, p.dy);
  return before.flat().filter((v, i) => v !== after.flat()[i]).length;
}

function shiftMistakes(p: ShiftParams): NumericMistake[] {
  const stroke = letterPicture(p).flat().filter((v) => v > 0).length;
  return [
    {
      value: 0,
      note: 'thought nothing changes',
      feedback: bi('To us it is the same letter; to a fully connected layer, every input is compared with its own weight, position by position.', '우리 눈에는 같은 글자지만, 완전 연결 계층은 입력을 위치마다 따로 정해진 가중치와 비교합니다.'),
    },
    {
      value: stroke,
      note: 'counted the stroke pixels once',
      feedback: bi('Pixels change in two ways: stroke pixels that become background, and background pixels that become stroke.', '픽셀은 두 가지로 바뀝니다. 획이었다가 배경이 되는 픽셀, 배경이었다가 획이 되는 픽셀입니다.'),
    },
    {
      value: 2 * stroke,
      note: 'assumed no stroke pixel overlaps',
      feedback: bi('Some stroke pixels of the moved letter land on stroke pixels of the old one: those do not change.', '옮긴 글자의 획 픽셀 가운데 일부는 원래 글자의 획 위에 떨어집니다. 그런 픽셀은 바뀌지 않습니다.'),
    },
    { value: p.size * p.size, note: 'counted every pixel', feedback: bi('Most background pixels stay background.', '배경 픽셀은 대부분 그대로 배경입니다.') },
  ];
}

export const shiftedLetter: ExerciseDefinition<ShiftParams> = {
  id: 'why-convolutions/shifted-letter',
  version: 1,
  lesson: 'why-convolutions',
  kind: 'concept',
  title: bi('How many inputs change when a letter moves', '글자가 움직이면 바뀌는 입력의 수'),
  generate(rng) {
    for (;;) {
      const p: ShiftParams = { letter: rng.next() < 0.6 ? 'X' : 'O', size: pick(rng, [9, 9, 11]), dx: intBetween(rng, -2, 2), dy: intBetween(rng, -2, 2) };
      if (p.dx !== 0 || p.dy !== 0) return p;
    }
  },
  validate(p) {
    if (changedCount(p) === 0) throw new Error('the shift changes nothing');
  },
  prompt(p) {
    const g = grid('x', letterPicture(p));
    const dirEn = [p.dx !== 0 ? `${Math.abs(p.dx)} pixel${Math.abs(p.dx) > 1 ? 's' : ''} ${p.dx > 0 ? 'right' : 'left'}` : '', p.dy !== 0 ? `${Math.abs(p.dy)} pixel${Math.abs(p.dy) > 1 ? 's' : ''} ${p.dy > 0 ? 'down' : 'up'}` : '']
      .filter(Boolean)
      .join(' and ');
    const dirKo = [p.dx !== 0 ? `${josa(p.dx > 0 ? '오른쪽' : '왼쪽', '(으)로')} ${Math.abs(p.dx)}픽셀` : '', p.dy !== 0 ? `${josa(p.dy > 0 ? '아래' : '위', '(으)로')} ${Math.abs(p.dy)}픽셀` : ''].filter(Boolean).join(', ');
    return {
      en: [text(`This ${p.size}x${p.size} ${p.letter} (+1 on the strokes, −1 elsewhere) is moved ${dirEn}; pixels that slide in are background (−1). A fully connected network sees all ${p.size * p.size} pixels as separate inputs. How many of those inputs change value?`), g],
      ko: [text(`이 ${p.size}x${p.size} ${p.letter}(획은 +1, 나머지는 −1)를 ${dirKo} 옮깁니다. 새로 밀려 들어오는 픽셀은 배경(−1)입니다. 완전 연결 신경망은 픽셀 ${p.size * p.size}개를 모두 별개의 입력으로 봅니다. 이 입력 가운데 값이 바뀌는 것은 몇 개입니까?`), g],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Inputs that change', '바뀌는 입력 수') }),
  answer(p) {
    const n = changedCount(p);
    return { typed: String(n), value: n, display: bi(String(n), String(n)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: changedCount(p), mistakes: shiftMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>([text('Draw the moved letter on top of the old one.')], [text('옮긴 글자를 원래 글자 위에 겹쳐 그려 보세요.')]),
      bi<readonly Block[]>(
        [text('A pixel changes when it is stroke in one picture and background in the other.')],
        [text('한 이미지에서는 획이고 다른 이미지에서는 배경인 픽셀이 바뀐 픽셀입니다.')],
      ),
    ];
  },
  solution(p) {
    const before = letterPicture(p);
    const after = shiftPicture(before, p.dx, p.dy);
    const lost = before.flat().filter((v, i) => v > 0 && after.flat()[i] < 0).length;
    const gained = before.flat().filter((v, i) => v < 0 && after.flat()[i] > 0).length;
    return {
      en: [grid('moved', after), text(`${lost} stroke pixels become background and ${gained} background pixels become stroke: ${lost + gained} of ${p.size * p.size} inputs change, though the letter is the same.`)],
      ko: [grid('moved', after), text(`획이던 픽셀 ${lost}개가 배경이 되고 배경이던 픽셀 ${gained}개가 획이 됩니다. 글자는 같은데도 입력 ${p.size * p.size}개 중 ${lost + gained}개가 바뀝니다.`)],
    };
  },
  mistakes(p) {
    const right = changedCount(p);
    return numericMistakes(shiftMistakes(p), (v) => v === right);
  },
};

/** `why-convolutions/moving-response`: a pattern, a matching filter, and a shift. */
export interface MovingParams {
  size: number;
  pattern: number[][];
  /** Where the pattern's top-left pixel sits in the first picture. */
  row: number;
  col: number;
  dx: number;
  dy: number;
}

function picture(p: MovingParams, dx = 0, dy = 0): number[][] {
  const img = Array.from({ length: p.size }, () => new Array<number>(p.size).fill(0));
  p.pattern.forEach((line, r) => line.forEach((v, c) => (img[p.row + dy + r][p.col + dx + c] = v)));
  return img;
}

/** Where the engine's conv2d responds most strongly; null if the largest value is shared. */
function strongest(p: MovingParams, img: number[][]): [number, number] | null {
  const y = conv2d(tensor(img.flat(), [1, 1, p.size, p.size]), tensor(p.pattern.flat(), [1, 1, 3, 3]));
  const side = y.shape[3];
  let best = -Infinity;
  let at: [number, number] | null = null;
  let ties = 0;
  for (let i = 0; i < y.data.length; i++) {
    if (y.data[i] > best) {
      best = y.data[i];
      at = [Math.floor(i / side), i % side];
      ties = 0;
    } else if (y.data[i] === best) ties++;
  }
  return ties === 0 ? at : null;
}

function movingCheck(typed: string, p: MovingParams): CheckResult {
  const parsed = parseIntegers(typed, 2);
  if (!parsed.ok) return invalid(parsed.reason, 'not two whole numbers');
  const [r, c] = parsed.value;
  const [R, C] = strongest(p, picture(p, p.dx, p.dy))!;
  if (r === R && c === C) return correct(bi('Right: the response moves with the pattern and keeps its value.', '맞습니다. 반응은 패턴을 따라 움직이고 그 값도 그대로입니다.'));
  if (r === p.row && c === p.col) {
    return incorrect('thought it stays put', bi('The same filter slides over the whole picture, so the strongest response is wherever the pattern is now.', '같은 필터가 이미지 전체를 훑으므로 가장 강한 반응은 패턴이 지금 있는 곳에서 나옵니다.'));
  }
  if (r === p.row - p.dy && c === p.col - p.dx) {
    return incorrect('moved it the wrong way', bi('The response moves the same way as the picture.', '반응은 이미지와 같은 방향으로 움직입니다.'));
  }
  if (r === C && c === R) return incorrect('swapped row and column', bi('Give the row first, then the column.', '행을 먼저, 열을 나중에 쓰세요.'));
  return incorrect('incorrect: other', bi('Not right: where does the pattern sit after the move?', '틀렸습니다. 옮긴 뒤 패턴은 어디에 있습니까?'));
}

export const movingResponse: ExerciseDefinition<MovingParams> = {
  id: 'why-convolutions/moving-response',
  version: 1,
  lesson: 'why-convolutions',
  kind: 'concept',
  title: bi('The response moves with the picture', '반응은 이미지를 따라 움직인다'),
  generate(rng) {
    for (;;) {
      const size = 8;
      const pattern = Array.from({ length: 3 }, () => Array.from({ length: 3 }, () => (rng.next() < 0.45 ? 1 : 0)));
      const ones = pattern.flat().filter((v) => v === 1).length;
      if (ones < 3 || ones > 6) continue;
      const row = intBetween(rng, 0, size - 3);
      const col = intBetween(rng, 0, size - 3);
      const dx = intBetween(rng, -2, 2);
      const dy = intBetween(rng, -2, 2);
      if (dx === 0 && dy === 0) continue;
      if (row + dy < 0 || row + dy > size - 3 || col + dx < 0 || col + dx > size - 3) continue;
      const p: MovingParams = { size, pattern, row, col, dx, dy };
      // Only patterns that match nowhere else as well, so "the strongest response" is one place.
      if (strongest(p, picture(p)) && strongest(p, picture(p, dx, dy))) return p;
    }
  },
  validate(p) {
    const first = strongest(p, picture(p));
    if (!first || first[0] !== p.row || first[1] !== p.col) throw new Error('the strongest response is not at the pattern');
    if (!strongest(p, picture(p, p.dx, p.dy))) throw new Error('the moved picture has no single strongest response');
  },
  prompt(p) {
    const blocks = [grid('x', picture(p)), grid('w', p.pattern)];
    const moveEn = `${p.dx === 0 ? '' : `${Math.abs(p.dx)} to the ${p.dx > 0 ? 'right' : 'left'}`}${p.dx !== 0 && p.dy !== 0 ? ' and ' : ''}${p.dy === 0 ? '' : `${Math.abs(p.dy)} ${p.dy > 0 ? 'down' : 'up'}`}`;
    const moveKo = [p.dx === 0 ? '' : `${josa(p.dx > 0 ? '오른쪽' : '왼쪽', '(으)로')} ${Math.abs(p.dx)}칸`, p.dy === 0 ? '' : `${josa(p.dy > 0 ? '아래' : '위', '(으)로')} ${Math.abs(p.dy)}칸`].filter(Boolean).join(', ');
    return {
      en: [
        text(`The filter $w$ is the pattern itself. Convolving the image $x$ with it (PyTorch's \`conv2d\`, no padding) gives its strongest response at row ${p.row}, column ${p.col}. Now the pattern is moved ${moveEn}. Where is the strongest response now (row, column, from 0)?`),
        ...blocks,
      ],
      ko: [
        text(`필터 $w$는 패턴 그 자체입니다. 이미지 $x$에 이 필터로 합성곱을 하면(PyTorch의 \`conv2d\`, 패딩 없음) ${p.row}행 ${p.col}열에서 가장 강한 반응이 나옵니다. 이제 패턴을 ${moveKo} 옮깁니다. 가장 강한 반응은 어디에서 나옵니까(행, 열, 0부터)?`),
        ...blocks,
      ],
    };
  },
  answerSpec: () => ({ kind: 'integers', labels: [bi('Row', '행'), bi('Column', '열')] }),
  answer(p) {
    const at = strongest(p, picture(p, p.dx, p.dy))!;
    return { typed: encodeIntegers(at), value: at, display: bi(`row ${at[0]}, column ${at[1]}`, `${at[0]}행 ${at[1]}열`) };
  },
  check: (typed, p) => movingCheck(typed, p),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('The same filter is applied at every position of the image.')],
        [text('같은 필터가 이미지의 모든 위치에 적용됩니다.')],
      ),
    ];
  },
  solution(p) {
    const at = strongest(p, picture(p, p.dx, p.dy))!;
    return {
      en: [text(`The pattern's top-left pixel moves from (${p.row}, ${p.col}) to (${at[0]}, ${at[1]}), and the response moves with it, with the same value. A convolution does not need to learn the pattern again at the new place: that is what weight sharing buys.`), grid('x moved', picture(p, p.dx, p.dy))],
      ko: [text(`패턴의 왼쪽 위 픽셀이 (${p.row}, ${p.col})에서 (${at[0]}, ${at[1]})로 옮겨 가고, 반응도 같은 값으로 함께 옮겨 갑니다. 합성곱은 새 위치의 패턴을 다시 배울 필요가 없습니다. 가중치 공유 덕분입니다.`), grid('x moved', picture(p, p.dx, p.dy))],
    };
  },
  mistakes(p): Mistake[] {
    const list: Mistake[] = [{ typed: encodeIntegers([p.row, p.col]), answerNote: 'thought it stays put' }];
    if (p.row - p.dy !== p.row + p.dy || p.col - p.dx !== p.col + p.dx) {
      list.push({ typed: encodeIntegers([p.row - p.dy, p.col - p.dx]), answerNote: 'moved it the wrong way' });
    }
    return list;
  },
};

export const exercises: AnyExercise[] = [fcWeightsExercise, shiftedLetter, movingResponse];
