/**
 * Lesson 14, LeNet-5: put its layers in order, count a layer's parameters, and
 * give a layer's output shape, each on a LeNet-style network with the
 * variant's sizes. Every number comes from the engine's `summary`; the order is
 * judged by building the student's network and running it.
 */
import { randn, summary } from '../../../engine/index.ts';
import { encodeIntegers, encodeOrder, encodeSwapped, grouped, texGrouped, parseIntegers, parseOrder } from '../../answers.ts';
import { checkNumeric, numericMistakes } from '../../checks.ts';
import type { NumericMistake } from '../../checks.ts';
import { pick, shuffled } from '../../seed.ts';
import { bi, code, correct, incorrect, invalid, math, partial, text } from '../../text.ts';
import type { AnyExercise, Block, CheckResult, ExerciseDefinition, Mistake } from '../../types.ts';
import { ROLES, S4_SIDE, buildNet, drawVariant, layerCode, listing, netSummary, rowOf } from './net.ts';
import type { LeNetVariant, Role } from './net.ts';
import { josa } from '../../../i18n/korean.ts';

/** `lenet-5/layer-order`: the cards, shuffled, each with a letter. */
export interface OrderParams {
  net: LeNetVariant;
  /** Card letters in the order shown; card i is `cards[i]`. */
  cards: { id: string; role: Role }[];
}

const LETTERS = 'ABCDEFGHIJKL'.split('');

function rolesOf(p: OrderParams, ids: readonly string[]): Role[] {
  return ids.map((id) => p.cards.find((c) => c.id === id)!.role);
}

/** The ids of LeNet-5's own order (the first card of a role where several cards are alike). */
function referenceIds(p: OrderParams): string[] {
  const used = new Set<string>();
  return ROLES.map((role) => {
    const same = p.cards.filter((c) => layerCode(p.net, c.role) === layerCode(p.net, role) && !used.has(c.id));
    const card = same[0];
    used.add(card.id);
    return card.id;
  });
}

const isActivation = (role: Role) => role.startsWith('act');

/** The random image both networks are run on (seeded: the same image every time). */
function probeImage(side: number) {
  return randn([1, 1, side, side], { seed: 7 });
}

const referenceCache = new Map<string, Float32Array>();

/** LeNet-5's own output on the probe image, kept for the variants checked lately (a page checks one variant many times). */
function referenceOutput(net: LeNetVariant): Float32Array {
  const key = JSON.stringify(net);
  let out = referenceCache.get(key);
  if (!out) {
    out = buildNet(net).forward(probeImage(net.input)).data;
    if (referenceCache.size >= 64) referenceCache.delete(referenceCache.keys().next().value!);
    referenceCache.set(key, out);
  }
  return out;
}

function orderCheck(typed: string, p: OrderParams): CheckResult {
  const parsed = parseOrder(typed, p.cards.map((c) => c.id));
  if (!parsed.ok) return invalid(parsed.reason, 'not an order of the cards');
  const roles = rolesOf(p, parsed.value);
  const net = buildNet(p.net, roles);
  try {
    const result = summary(net, [1, 1, p.net.input, p.net.input]);
    if (result.outputShape.length !== 2 || result.outputShape[1] !== p.net.classes) throw new Error(`it outputs [${result.outputShape.join(', ')}], not one score per class`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return incorrect('does not build', bi(`In this order the shapes do not fit: ${reason}.`, `이 순서로는 텐서 모양이 맞지 않습니다: ${reason}.`));
  }
  // LeNet-5's layers in LeNet-5's order (alike cards may swap): the same network by construction.
  if (roles.every((r, i) => layerCode(p.net, r) === layerCode(p.net, ROLES[i]))) return correct();
  // Another order whose shapes fit: is it the same function? Run both on the same random image.
  const mine = net.forward(probeImage(p.net.input)).data;
  const reference = referenceOutput(p.net);
  const same = mine.every((v, i) => Math.abs(v - reference[i]) <= 1e-5 * Math.max(1, Math.abs(reference[i])));
  if (same) {
    return correct(
          bi('Right: this order computes exactly the same network. Max pooling and a rising activation can swap places: the largest input stays the largest after tanh or ReLU.', '맞습니다. 이 순서도 똑같은 신경망을 계산합니다. 최대 풀링과 증가하는 활성화 함수는 자리를 바꿔도 됩니다. 가장 큰 입력은 tanh나 ReLU를 거쳐도 가장 큽니다.'),
      'correct: equivalent order',
    );
  }
  const firstWrong = roles.findIndex((r, i) => layerCode(p.net, r) !== layerCode(p.net, ROLES[i]));
  const skeleton = (list: readonly Role[]) => list.filter((r) => !isActivation(r)).map((r) => layerCode(p.net, r)).join('|');
  if (skeleton(roles) === skeleton(ROLES)) {
    return partial(
      0.5,
      'activation out of place',
      bi(`The shapes fit, but an activation is in the wrong place (position ${firstWrong + 1}): each convolution and hidden linear layer is followed by its activation, before any pooling.`, `모양은 맞지만 활성화 함수 하나의 자리가 틀렸습니다(${firstWrong + 1}번째). 합성곱과 은닉 선형 계층 바로 뒤, 풀링보다 앞에 활성화 함수가 옵니다.`),
    );
  }
  return incorrect('builds, but computes something else', bi(`The shapes fit, but this is not LeNet-5: position ${firstWrong + 1} is out of place.`, `모양은 맞지만 LeNet-5가 아닙니다. ${firstWrong + 1}번째 자리가 틀렸습니다.`));
}

export const layerOrder: ExerciseDefinition<OrderParams> = {
  id: 'lenet-5/layer-order',
  version: 1,
  lesson: 'lenet-5',
  kind: 'layer-order',
  title: bi("Put LeNet-5's layers in order", 'LeNet-5의 계층 순서 맞추기'),
  generate(rng) {
    const net = drawVariant(rng);
    const roles = shuffled(rng, ROLES);
    return { net, cards: roles.map((role, i) => ({ id: LETTERS[i], role })) };
  },
  validate(p) {
    const result = netSummary(p.net);
    if (result.outputShape[1] !== p.net.classes) throw new Error('the network does not end in one score per class');
  },
  prompt(p) {
    const cards = code(p.cards.map((c) => `${c.id}: ${layerCode(p.net, c.role)}`).join('\n'), false);
    return {
      en: [text(`These are the layers of a LeNet-5 for ${p.net.input}x${p.net.input} grey images and ${p.net.classes} classes, shuffled. Put them in order, from the input to the class scores (type the letters, separated by commas).`), cards],
      ko: [text(`${p.net.input}x${p.net.input} 흑백 이미지와 클래스 ${p.net.classes}개를 위한 LeNet-5의 계층들을 뒤섞어 놓았습니다. 입력부터 클래스 점수까지 순서대로 놓으세요(글자를 쉼표로 구분해 입력합니다).`), cards],
    };
  },
  answerSpec: (p) => ({ kind: 'order', items: p.cards.map((c) => ({ id: c.id, label: bi(layerCode(p.net, c.role), layerCode(p.net, c.role)) })) }),
  answer(p) {
    const ids = referenceIds(p);
    return { typed: encodeOrder(ids), value: ids, display: bi(ids.join(', '), ids.join(', ')) };
  },
  check: (typed, p) => orderCheck(typed, p),
  hints(p) {
    return [
      bi<readonly Block[]>(
        [text('Follow the shapes: which layer can take a 1-channel image? Which needs a flat vector?')],
        [text('모양을 따라가 보세요. 채널이 1개인 이미지를 받을 수 있는 계층은 무엇입니까? 평평한 벡터가 필요한 계층은 무엇입니까?')],
      ),
      bi<readonly Block[]>(
        [text(`Convolution, activation, ${p.net.pooling === 'avg' ? 'subsampling' : 'pooling'}, twice; then flatten and the fully connected layers, each hidden one followed by its activation.`)],
        [text(`합성곱, 활성화 함수, ${josa(p.net.pooling === 'avg' ? '서브샘플링' : '풀링', '을/를')} 두 번 한 뒤, 펼치고 완전 연결 계층으로 갑니다. 은닉 계층 뒤마다 활성화 함수가 옵니다.`)],
      ),
    ];
  },
  solution(p) {
    const ids = referenceIds(p);
    const lines = code(ids.map((id) => `${id}: ${layerCode(p.net, p.cards.find((c) => c.id === id)!.role)}`).join('\n'));
    const last = netSummary(p.net).layers.find((l) => l.name === '5')!;
    return {
      en: [lines, text(`After the second pooling the maps are ${last.outputShape.slice(1).join('x')}: ${p.net.c3} x ${S4_SIDE} x ${S4_SIDE} = ${p.net.c3 * S4_SIDE * S4_SIDE} values, which is what the first linear layer expects.`)],
      ko: [lines, text(`두 번째 풀링 뒤 맵은 ${last.outputShape.slice(1).join('x')}입니다. ${p.net.c3} x ${S4_SIDE} x ${S4_SIDE} = ${p.net.c3 * S4_SIDE * S4_SIDE}개 값으로, 첫 선형 계층이 기대하는 크기입니다.`)],
    };
  },
  mistakes(p): Mistake[] {
    const ids = referenceIds(p);
    const list: Mistake[] = [{ typed: encodeSwapped(ids, 0, 3), answerNote: 'does not build' }];
    // Activation after pooling: the same network with max pooling (a rising activation commutes with max), wrong with averaging.
    const sameFunction = p.net.pooling === 'max';
    list.push({ typed: encodeSwapped(ids, 1, 2), answerNote: sameFunction ? 'correct: equivalent order' : 'activation out of place' });
    return list.filter((m) => !m.answerNote.startsWith('correct'));
  },
};

/** `lenet-5/parameters`: one layer's parameter count. */
export interface LeNetCountParams {
  net: LeNetVariant;
  layer: 'conv1' | 'conv2' | 'fc1' | 'fc2' | 'fc3';
}

const LAYER_NAMES: Record<LeNetCountParams['layer'], { en: string; ko: string; index: number }> = {
  conv1: { en: 'the first convolution (C1)', ko: '첫 번째 합성곱(C1)', index: 0 },
  conv2: { en: 'the second convolution (C3)', ko: '두 번째 합성곱(C3)', index: 3 },
  fc1: { en: 'the first linear layer (C5)', ko: '첫 번째 선형 계층(C5)', index: 7 },
  fc2: { en: 'the second linear layer (F6)', ko: '두 번째 선형 계층(F6)', index: 9 },
  fc3: { en: 'the output layer', ko: '출력 계층', index: 11 },
};

function countMistakes(p: LeNetCountParams): NumericMistake[] {
  const v = p.net;
  const shapes: Record<LeNetCountParams['layer'], [number, number]> = {
    conv1: [1 * 25, v.c1],
    conv2: [v.c1 * 25, v.c3],
    fc1: [v.c3 * S4_SIDE * S4_SIDE, v.f5],
    fc2: [v.f5, v.f6],
    fc3: [v.f6, v.classes],
  };
  const [fanIn, out] = shapes[p.layer];
  const list: NumericMistake[] = [
    { value: fanIn * out, note: 'forgot the biases', feedback: bi(`Add one bias per output: ${out}.`, `출력마다 편향이 하나씩, ${out}개를 더해야 합니다.`) },
  ];
  if (p.layer === 'conv2') {
    list.push({
      value: 25 * v.c3 + v.c3,
      note: 'forgot the input channels',
      feedback: bi(`Each filter spans all ${v.c1} maps of the layer below: ${v.c1} x 5 x 5 weights.`, `필터 하나는 아래 계층의 맵 ${v.c1}개를 모두 덮습니다. 가중치는 ${v.c1} x 5 x 5개입니다.`),
    });
  }
  if (p.layer === 'fc1') {
    list.push({
      value: v.c3 * 4 * 4 * v.f5 + v.f5,
      note: 'wrong flattened size',
      feedback: bi(`The maps reaching it are ${v.c3} x ${S4_SIDE} x ${S4_SIDE}.`, `이 계층에 들어오는 맵은 ${v.c3} x ${S4_SIDE} x ${S4_SIDE}입니다.`),
    });
  }
  if (p.layer === 'conv1' || p.layer === 'conv2') {
    const side = p.layer === 'conv1' ? (v.input === 28 ? 28 : 28) : 10;
    list.push({
      value: (fanIn * out + out) * side * side,
      note: 'counted a filter per position',
      feedback: bi('The filter is shared across positions: count its weights once.', '필터는 모든 위치에서 공유됩니다. 가중치는 한 번만 셉니다.'),
    });
  }
  return list;
}

export const parameters: ExerciseDefinition<LeNetCountParams> = {
  id: 'lenet-5/parameters',
  version: 1,
  lesson: 'lenet-5',
  kind: 'count',
  title: bi('Parameters of a LeNet-5 layer', 'LeNet-5 계층의 파라미터'),
  generate(rng) {
    return { net: drawVariant(rng), layer: pick(rng, ['conv1', 'conv2', 'conv2', 'fc1', 'fc1', 'fc2', 'fc3'] as const) };
  },
  validate(p) {
    if (!(rowOf(p.net, p.layer).params > 0)) throw new Error('the layer has no parameters');
  },
  prompt(p) {
    const n = LAYER_NAMES[p.layer];
    const snippet = code(listing(p.net));
    return {
      en: [text(`How many parameters (weights and biases) does ${n.en}, line \`# ${n.index}\`, have?`), snippet],
      ko: [text(`${n.ko}, 즉 \`# ${n.index}\` 줄의 계층에는 파라미터(가중치와 편향)가 몇 개 있습니까?`), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integer', label: bi('Parameters', '파라미터 수') }),
  answer(p) {
    const n = rowOf(p.net, p.layer).params;
    return { typed: String(n), value: n, display: bi(grouped(n), grouped(n)) };
  },
  check: (typed, p) => checkNumeric(typed, { expected: rowOf(p.net, p.layer).params, mistakes: countMistakes(p) }),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('A convolution has (input channels x kernel height x kernel width + 1) parameters per filter; a linear layer (inputs + 1) per output.')],
        [text('합성곱 계층은 필터마다 (입력 채널 x 커널 높이 x 커널 너비 + 1)개, 선형 계층은 출력마다 (입력 수 + 1)개의 파라미터가 있습니다.')],
      ),
    ];
  },
  solution(p) {
    const v = p.net;
    const n = rowOf(p.net, p.layer).params;
    const eqs: Record<LeNetCountParams['layer'], string> = {
      conv1: `${v.c1} \\cdot (1 \\cdot 5 \\cdot 5 + 1) = ${n}`,
      conv2: `${v.c3} \\cdot (${v.c1} \\cdot 5 \\cdot 5 + 1) = ${texGrouped(n)}`,
      fc1: `${v.f5} \\cdot (${v.c3} \\cdot ${S4_SIDE} \\cdot ${S4_SIDE} + 1) = ${texGrouped(n)}`,
      fc2: `${v.f6} \\cdot (${v.f5} + 1) = ${texGrouped(n)}`,
      fc3: `${v.classes} \\cdot (${v.f6} + 1) = ${texGrouped(n)}`,
    };
    const total = netSummary(v).totalParams;
    return {
      en: [math(eqs[p.layer]), text(`The whole network has ${grouped(total)} parameters.`)],
      ko: [math(eqs[p.layer]), text(`신경망 전체의 파라미터는 ${grouped(total)}개입니다.`)],
    };
  },
  mistakes(p) {
    const right = rowOf(p.net, p.layer).params;
    return numericMistakes(countMistakes(p), (v) => v === right);
  },
};

/** `lenet-5/shapes`: the output shape of one of the feature layers. */
export interface LeNetShapeParams {
  net: LeNetVariant;
  layer: 'conv1' | 'pool1' | 'conv2' | 'pool2';
}

const SHAPE_INDEX: Record<LeNetShapeParams['layer'], number> = { conv1: 0, pool1: 2, conv2: 3, pool2: 5 };

function shapeOf(p: LeNetShapeParams): [number, number, number] {
  const row = netSummary(p.net).layers.find((l) => l.name === String(SHAPE_INDEX[p.layer]))!;
  const [, c, h, w] = row.outputShape;
  return [c, h, w];
}

function shapeCheck(typed: string, p: LeNetShapeParams): CheckResult {
  const parsed = parseIntegers(typed, 3);
  if (!parsed.ok) return invalid(parsed.reason, 'not three whole numbers');
  const [c, h, w] = parsed.value;
  const [C, H, W] = shapeOf(p);
  if (c === C && h === H && w === W) return correct();
  if (c === H && h === W && w === C && C !== H) return incorrect('channels last', bi('PyTorch puts the channels first: [channels, height, width].', 'PyTorch는 채널을 먼저 씁니다: [채널, 높이, 너비].'));
  if (c === C && p.net.input === 28 && (p.layer === 'conv1' || p.layer === 'pool1') && h === H - 4 / (p.layer === 'pool1' ? 2 : 1) && w === h) {
    return incorrect('ignored the padding', bi('The first convolution pads by 2, which keeps 28x28.', '첫 번째 합성곱은 2만큼 패딩해서 28x28을 유지합니다.'));
  }
  if (h === H && w === W) return partial(0.5, 'wrong number of channels', bi(`Height and width are right; the channels are the number of filters of the last convolution so far.`, '높이와 너비는 맞습니다. 채널 수는 지금까지 마지막 합성곱의 필터 개수입니다.'));
  if (c === C) return partial(0.5, 'wrong height or width', bi('The channels are right; check the height and width with the output-size formula.', '채널 수는 맞습니다. 높이와 너비를 출력 크기 공식으로 확인하세요.'));
  return incorrect('incorrect: other', bi('Not right.', '틀렸습니다.'));
}

export const shapes: ExerciseDefinition<LeNetShapeParams> = {
  id: 'lenet-5/shapes',
  version: 1,
  lesson: 'lenet-5',
  kind: 'output-size',
  title: bi("Shapes through LeNet-5", 'LeNet-5를 지나는 텐서 모양'),
  generate(rng) {
    return { net: drawVariant(rng), layer: pick(rng, ['conv1', 'pool1', 'conv2', 'pool2'] as const) };
  },
  validate(p) {
    const [c, h, w] = shapeOf(p);
    if (!(c > 0 && h > 0 && w > 0)) throw new Error('empty output');
  },
  prompt(p) {
    const snippet = code(listing(p.net));
    return {
      en: [text(`What is the shape of the output of line \`# ${SHAPE_INDEX[p.layer]}\` for one image, as [channels, height, width]?`), snippet],
      ko: [text(`이미지 한 장에 대해 \`# ${SHAPE_INDEX[p.layer]}\` 줄 계층의 출력 모양은 무엇입니까? [채널, 높이, 너비]로 쓰세요.`), snippet],
    };
  },
  answerSpec: () => ({ kind: 'integers', labels: [bi('Channels', '채널'), bi('Height', '높이'), bi('Width', '너비')] }),
  answer(p) {
    const s = shapeOf(p);
    return { typed: encodeIntegers(s), value: s, display: bi(`[${s.join(', ')}]`, `[${s.join(', ')}]`) };
  },
  check: (typed, p) => shapeCheck(typed, p),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('Go layer by layer: a 5x5 convolution without padding takes 4 off the height and width, a 2x2 pooling halves them, and the channels are the filters of the last convolution.')],
        [text('계층을 하나씩 따라가세요. 패딩 없는 5x5 합성곱은 높이와 너비를 4씩 줄이고, 2x2 풀링은 절반으로 줄입니다. 채널 수는 마지막 합성곱의 필터 개수입니다.')],
      ),
    ];
  },
  solution(p) {
    const rows = netSummary(p.net).layers.slice(0, SHAPE_INDEX[p.layer] + 1);
    const walk = rows.map((r) => `[${r.outputShape.slice(1).join(', ')}]`).join(' \\to ');
    return { en: [math(`[1, ${p.net.input}, ${p.net.input}] \\to ${walk}`)], ko: [math(`[1, ${p.net.input}, ${p.net.input}] \\to ${walk}`)] };
  },
  mistakes(p): Mistake[] {
    const [C, H, W] = shapeOf(p);
    const list: Mistake[] = [];
    if (C !== H) list.push({ typed: encodeIntegers([H, W, C]), answerNote: 'channels last' });
    list.push({ typed: encodeIntegers([C + 1, H, W]), answerNote: 'wrong number of channels' });
    return list;
  },
};

export const exercises: AnyExercise[] = [layerOrder, parameters, shapes];
