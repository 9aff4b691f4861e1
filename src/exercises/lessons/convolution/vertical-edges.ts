/**
 * `convolution/vertical-edges`: the student designs a 3x3 kernel, and the
 * engine runs it over a test picture to see whether it finds vertical edges.
 *
 * The picture is synthetic, drawn in code from the variant's parameters (so a
 * Node test needs no image decoder): a bright rectangle on a dark background.
 * Its left and right sides are vertical edges, its top and bottom horizontal
 * ones, and the inside and the outside are flat. `conv2d` (no padding) gives
 * one response per 3x3 window, and the windows fall into three sets:
 *
 * - vertical-edge windows are cut by a left or right side (between their
 *   first and second column, or their second and third) and lie within the
 *   rectangle's rows, so no top or bottom side touches them;
 * - horizontal-edge windows, the same turned a quarter;
 * - flat windows lie wholly inside or wholly outside the rectangle; the inside
 *   and the outside are scored apart.
 *
 * With V, H the mean absolute response over the vertical and horizontal edge
 * windows, F the larger of the mean absolute responses inside and outside,
 * c the contrast of the picture and |w| the sum of the kernel's absolute
 * weights, the kernel finds vertical edges when
 *
 *   V >= 0.1 c |w|   (a strong response: Sobel gives 0.5, a bare [-1, 1] pair 0.25)
 *   H <= 0.25 V      (weak on horizontal edges)
 *   F <= 0.1 V       (weak on flat regions: the weights sum to about 0)
 *
 * Every response is linear in the picture, so the verdict depends on the
 * kernel, hardly on the variant: only F moves with the brightness levels.
 * Absolute values count edges of both polarities (dark to bright and back).
 */
import { conv2d, tensor } from '../../../engine/index.ts';
import { encodeGrid, formatNumber, parseAnyGrid } from '../../answers.ts';
import { intBetween } from '../../seed.ts';
import { bi, correct, grid, incorrect, invalid, partial, text } from '../../text.ts';
import type { Bilingual, Block, CheckResult, ExerciseDefinition, Mistake } from '../../types.ts';

/** The test picture: a rectangle of brightness `inside` on `outside`, both ends included. */
export interface EdgeScene {
  size: number;
  outside: number;
  inside: number;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface VerticalEdgeParams {
  scene: EdgeScene;
}

/** Thresholds of the criterion above. */
export const EDGE_CRITERION = Object.freeze({ minStrength: 0.1, maxHorizontal: 0.25, maxFlat: 0.1 });

/** The picture's pixels, row-major, values in [0, 1]. */
export function scenePixels(s: EdgeScene): number[] {
  const pixels: number[] = [];
  for (let r = 0; r < s.size; r++) {
    for (let c = 0; c < s.size; c++) pixels.push(r >= s.top && r <= s.bottom && c >= s.left && c <= s.right ? s.inside : s.outside);
  }
  return pixels;
}

/** What running a kernel over the scene measured. */
export interface EdgeResponse {
  vertical: number;
  horizontal: number;
  flatInside: number;
  flatOutside: number;
  /** Sum of absolute weights. */
  weight: number;
  contrast: number;
}

/**
 * Which kind of window starts at (r, c): its pixels are rows r..r+2 and columns
 * c..c+2. A side of the rectangle is a boundary between two pixels; boundary b
 * (between pixel b-1 and pixel b) cuts through the window when b is c+1 or c+2.
 * Windows that straddle a corner or graze a side belong to no set.
 */
function windowKind(s: EdgeScene, r: number, c: number): 'vertical' | 'horizontal' | 'inside' | 'outside' | null {
  const cuts = (first: number, boundary: number) => boundary === first + 1 || boundary === first + 2;
  const rowsWithin = r >= s.top && r + 2 <= s.bottom;
  const colsWithin = c >= s.left && c + 2 <= s.right;
  if ((cuts(c, s.left) || cuts(c, s.right + 1)) && rowsWithin) return 'vertical';
  if ((cuts(r, s.top) || cuts(r, s.bottom + 1)) && colsWithin) return 'horizontal';
  if (rowsWithin && colsWithin) return 'inside';
  if (r + 2 < s.top || r > s.bottom || c + 2 < s.left || c > s.right) return 'outside';
  return null;
}

/** Runs the kernel over the scene with the engine's conv2d and averages |response| per kind of window. */
export function measureKernel(kernel: number[][], s: EdgeScene): EdgeResponse {
  const input = tensor(scenePixels(s), [1, 1, s.size, s.size]);
  const weight = tensor(kernel.flat(), [1, 1, 3, 3]);
  const y = conv2d(input, weight);
  const side = y.shape[3];
  const sums = { vertical: 0, horizontal: 0, inside: 0, outside: 0 };
  const counts = { vertical: 0, horizontal: 0, inside: 0, outside: 0 };
  for (let r = 0; r < side; r++) {
    for (let c = 0; c < side; c++) {
      const kind = windowKind(s, r, c);
      if (kind === null) continue;
      sums[kind] += Math.abs(y.data[r * side + c]);
      counts[kind]++;
    }
  }
  const mean = (k: keyof typeof sums) => (counts[k] > 0 ? sums[k] / counts[k] : NaN);
  return {
    vertical: mean('vertical'),
    horizontal: mean('horizontal'),
    flatInside: mean('inside'),
    flatOutside: mean('outside'),
    weight: kernel.flat().reduce((a, v) => a + Math.abs(v), 0),
    contrast: Math.abs(s.inside - s.outside),
  };
}

const SOBEL_X = [
  [-1, 0, 1],
  [-2, 0, 2],
  [-1, 0, 1],
];

function describe(m: EdgeResponse): Bilingual {
  const f = (v: number) => formatNumber(Number(v.toFixed(3)));
  return bi(
    `Mean response: vertical edges ${f(m.vertical)}, horizontal edges ${f(m.horizontal)}, flat regions ${f(Math.max(m.flatInside, m.flatOutside))}.`,
    `평균 반응: 세로 경계 ${f(m.vertical)}, 가로 경계 ${f(m.horizontal)}, 평평한 영역 ${f(Math.max(m.flatInside, m.flatOutside))}.`,
  );
}

/** Reads 3x3 numbers: a 3x3 grid, or nine numbers in one row. */
function readKernel(typed: string): { ok: true; kernel: number[][] } | { ok: false; result: CheckResult } {
  const parsed = parseAnyGrid(typed);
  if (!parsed.ok) return { ok: false, result: invalid(parsed.reason, 'not a 3x3 kernel') };
  let cells = parsed.value;
  if (cells.length === 1 && cells[0].length === 9) cells = [cells[0].slice(0, 3), cells[0].slice(3, 6), cells[0].slice(6, 9)];
  if (cells.length !== 3 || cells[0].length !== 3) {
    return { ok: false, result: invalid(bi('Type 9 numbers: 3 rows of 3.', '수 9개를 3개씩 3행으로 입력하세요.'), 'not a 3x3 kernel') };
  }
  if (cells.flat().some((v) => Math.abs(v) > 1e6)) {
    return { ok: false, result: invalid(bi('Keep the weights between -1,000,000 and 1,000,000.', '가중치는 -1,000,000에서 1,000,000 사이로 하세요.'), 'weights out of range') };
  }
  return { ok: true, kernel: cells };
}

export function checkKernel(typed: string, scene: EdgeScene): CheckResult {
  const read = readKernel(typed);
  if (!read.ok) return read.result;
  const m = measureKernel(read.kernel, scene);
  const said = describe(m);
  if (m.weight === 0) return incorrect('all zeros', bi('A kernel of zeros responds to nothing.', '0으로만 된 커널은 아무것에도 반응하지 않습니다.'));
  const flat = Math.max(m.flatInside, m.flatOutside);
  const strongEnough = m.vertical >= EDGE_CRITERION.minStrength * m.contrast * m.weight;
  const horizontalOk = m.horizontal <= EDGE_CRITERION.maxHorizontal * m.vertical;
  const flatOk = flat <= EDGE_CRITERION.maxFlat * m.vertical;
  if (strongEnough && horizontalOk && flatOk) {
    return correct(bi(`It finds vertical edges. ${said.en}`, `세로 경계를 찾습니다. ${said.ko}`));
  }
  if (m.vertical <= m.horizontal) {
    if (m.vertical <= flat && flat > 0) {
      return incorrect(
        'responds to brightness, not edges',
        bi(`It responds to plain brightness more than to any edge: make the weights add up to 0. ${said.en}`, `경계보다 밝기 자체에 더 반응합니다. 가중치의 합이 0이 되게 하세요. ${said.ko}`),
      );
    }
    return incorrect(
      'finds horizontal edges, not vertical',
      bi(`It responds to horizontal edges at least as strongly as to vertical ones. Compare the columns of the kernel, not its rows. ${said.en}`, `가로 경계에 세로 경계만큼, 또는 더 강하게 반응합니다. 커널의 행이 아니라 열을 비교하세요. ${said.ko}`),
    );
  }
  const problems: { note: string; en: string; ko: string }[] = [];
  if (!horizontalOk) problems.push({ note: 'also responds to horizontal edges', en: 'it also responds to horizontal edges', ko: '가로 경계에도 반응합니다' });
  if (!flatOk) problems.push({ note: 'responds to flat regions (weights do not sum to 0)', en: 'it responds to flat regions: its weights do not add up to 0', ko: '평평한 영역에도 반응합니다. 가중치의 합이 0이 아닙니다' });
  if (!strongEnough) problems.push({ note: 'weak response', en: 'its response to vertical edges is weak for weights that large', ko: '가중치 크기에 비해 세로 경계에 대한 반응이 약합니다' });
  return partial(
    problems.length === 1 ? 0.5 : 0.25,
    problems.map((p) => p.note).join('; '),
    bi(`It prefers vertical edges, but ${problems.map((p) => p.en).join(', and ')}. ${said.en}`, `세로 경계를 더 좋아하지만 ${problems.map((p) => p.ko).join('. 또 ')}. ${said.ko}`),
  );
}

export const verticalEdges: ExerciseDefinition<VerticalEdgeParams> = {
  id: 'convolution/vertical-edges',
  version: 1,
  lesson: 'convolution',
  kind: 'design-kernel',
  title: bi('Design a vertical-edge kernel', '세로 경계를 찾는 커널 설계하기'),
  generate(rng) {
    const size = 20;
    const top = intBetween(rng, 3, 6);
    const left = intBetween(rng, 3, 6);
    const bottom = intBetween(rng, top + 7, size - 4);
    const right = intBetween(rng, left + 7, size - 4);
    const outside = intBetween(rng, 5, 30) / 100;
    const inside = intBetween(rng, 70, 95) / 100;
    return { scene: { size, outside, inside, top, left, bottom, right } };
  },
  validate(p) {
    const m = measureKernel(SOBEL_X, p.scene);
    if (![m.vertical, m.horizontal, m.flatInside, m.flatOutside].every(Number.isFinite)) throw new Error('the scene lacks a kind of window');
  },
  prompt(p) {
    const picture: Block = { type: 'picture', label: 'test image', width: p.scene.size, height: p.scene.size, pixels: scenePixels(p.scene) };
    return {
      en: [
        text(
          'Design a 3x3 kernel that finds vertical edges. The engine runs it (PyTorch\'s `conv2d`, no padding) over this test image and measures its response on vertical edges, on horizontal edges and on flat regions.',
        ),
        picture,
        text('It passes when it responds strongly to vertical edges (in either direction, dark to bright or bright to dark), and at most a quarter as much to horizontal edges and a tenth as much to flat regions.'),
      ],
      ko: [
        text('세로 경계를 찾는 3x3 커널을 설계하세요. 엔진이 이 시험용 이미지에 커널을 적용하고(PyTorch의 `conv2d`, 패딩 없음) 세로 경계, 가로 경계, 평평한 영역에서의 반응을 잽니다.'),
        picture,
        text('세로 경계(어두운 쪽에서 밝은 쪽이든 그 반대든)에 강하게 반응하고, 가로 경계에는 그 4분의 1 이하, 평평한 영역에는 10분의 1 이하로 반응하면 통과입니다.'),
      ],
    };
  },
  answerSpec: () => ({ kind: 'grid', label: bi('Kernel', '커널'), rows: 3, cols: 3 }),
  answer(p) {
    const m = measureKernel(SOBEL_X, p.scene);
    return {
      typed: encodeGrid(SOBEL_X),
      value: SOBEL_X,
      display: bi(`Sobel: ${encodeGrid(SOBEL_X)} (any kernel meeting the criterion is right). ${describe(m).en}`, `소벨(Sobel): ${encodeGrid(SOBEL_X)} (기준을 만족하는 커널이면 모두 정답). ${describe(m).ko}`),
    };
  },
  check: (typed, p) => checkKernel(typed, p.scene),
  hints() {
    return [
      bi<readonly Block[]>(
        [text('A vertical edge is a change from left to right. Which part of a 3x3 window sees the left side, which the right?')],
        [text('세로 경계는 왼쪽에서 오른쪽으로 가며 밝기가 바뀌는 곳입니다. 3x3 창에서 어느 부분이 왼쪽을 보고 어느 부분이 오른쪽을 봅니까?')],
      ),
      bi<readonly Block[]>(
        [text('Give the left column negative weights and the right column positive ones, so the response is right minus left. On a flat region that is 0 when the weights add up to 0.')],
        [text('왼쪽 열에 음의 가중치, 오른쪽 열에 양의 가중치를 주면 반응은 "오른쪽 빼기 왼쪽"이 됩니다. 가중치의 합이 0이면 평평한 영역에서 반응이 0입니다.')],
      ),
    ];
  },
  solution(p) {
    const m = measureKernel(SOBEL_X, p.scene);
    const g = grid('w', SOBEL_X);
    return {
      en: [
        text('The Sobel kernel subtracts the left column from the right one, weighting the middle row double:'),
        g,
        text(`Along a vertical edge the left and right columns see different brightness, so the response is large. Along a horizontal edge each column holds the same values, so left and right cancel; on a flat region everything cancels. ${describe(m).en}`),
      ],
      ko: [
        text('소벨(Sobel) 커널은 오른쪽 열에서 왼쪽 열을 빼고, 가운데 행에는 두 배의 가중치를 줍니다.'),
        g,
        text(`세로 경계에서는 왼쪽 열과 오른쪽 열이 다른 밝기를 보므로 반응이 큽니다. 가로 경계에서는 각 열이 같은 값을 보므로 왼쪽과 오른쪽이 상쇄되고, 평평한 영역에서는 모든 것이 상쇄됩니다. ${describe(m).ko}`),
      ],
    };
  },
  mistakes(): Mistake[] {
    return [
      { typed: '-1, -2, -1; 0, 0, 0; 1, 2, 1', answerNote: 'finds horizontal edges, not vertical' },
      { typed: '0, 0, 0; 0, 0, 0; 0, 0, 0', answerNote: 'all zeros' },
      { typed: '1, 1, 1; 1, 1, 1; 1, 1, 1', answerNote: 'responds to brightness, not edges' },
      { typed: '0, 0, 0; 0, 1, 0; 0, 0, 0', answerNote: 'responds to brightness, not edges' },
      { typed: '0, 1, 0; 1, -4, 1; 0, 1, 0', answerNote: 'finds horizontal edges, not vertical' },
      { typed: '-1, 0, 1; -2, 0.5, 2; -1, 0, 1', answerNote: 'responds to flat regions (weights do not sum to 0)' },
    ];
  },
};
