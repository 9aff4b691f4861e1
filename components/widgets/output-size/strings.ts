/**
 * Every word the output-size calculator shows, in English and Korean. Each language
 * is written for its own readers; keys name a purpose, not an English sentence.
 */
import type { DimField, Mode, PresetName } from './model.ts';
import { PRESETS } from './model.ts';
import { josa } from '../../../src/i18n/korean.ts';

// Preset labels name the presets' settings, taken from the presets themselves.
const { worked, vggPool, notExact, tooSmall } = { worked: PRESETS.worked.h, vggPool: PRESETS.vggPool.h, notExact: PRESETS.notExact.h, tooSmall: PRESETS.tooSmall.h };

/** A language the site is written in. */
export type Lang = 'en' | 'ko';

/** Reads the `lang` prop defensively: anything but 'ko' is English. */
export function langOf(value: unknown): Lang {
  return value === 'ko' ? 'ko' : 'en';
}

/** Text of the calculator. */
export interface CalculatorStrings {
  title: string;
  caption: string;
  presetsLabel: string;
  presets: Record<PresetName, string>;
  modeLabel: string;
  modes: Record<Mode, string>;
  linked: string;
  ceilMode: string;
  ceilModeConvNote: string;
  dims: { h: string; w: string; both: string };
  fields: Record<DimField, string>;
  fieldLabel: (field: DimField, dim: 'h' | 'w' | 'both') => string;
  invalidNumber: (min: number, max: number) => string;
  resultHeading: string;
  formulaSays: string;
  engineSays: string;
  size: (h: number, w: number) => string;
  agree: string;
  disagree: string;
  refused: string;
  workingHeading: string;
  droppedWindow: string;
  coverageHeading: string;
  legendRead: string;
  legendUnread: string;
  legendPadding: string;
  coverageAll: string;
  coverageSome: (rows: readonly number[], cols: readonly number[]) => string;
  coverageNone: string;
  gridLabel: (h: number, w: number, unread: number) => string;
  gridTooBig: (limit: number) => string;
  solveHeading: string;
  keepSizeTitle: string;
  keepSize: (padding: number, input: number) => string;
  keepSizeOdd: (total: number) => string;
  keepSizeOutOfRange: (padding: number, max: number) => string;
  applyPadding: (padding: number) => string;
  targetTitle: string;
  targetLabel: string;
  strides: (strides: readonly number[], andLarger: boolean, target: number) => string;
  noStride: (target: number) => string;
  applyStride: (stride: number) => string;
  dimPrefix: (dim: 'h' | 'w') => string;
  rejected: (keys: string) => string;
}

/** "7", "6 and 7", "3, 6 and 7". */
function listEn(values: readonly (number | string)[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

/** Runs of consecutive strides as "2", "2 to 4", "2, 5 to 7". */
function strideRuns(strides: readonly number[], to: string): string[] {
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= strides.length; i++) {
    if (i === strides.length || strides[i] !== strides[i - 1] + 1) {
      const a = strides[start];
      const b = strides[i - 1];
      runs.push(a === b ? String(a) : b === a + 1 ? `${a}, ${b}` : `${a}${to}${b}`);
      start = i;
    }
  }
  return runs;
}

const en: CalculatorStrings = {
  title: 'Output size calculator',
  caption:
    'Change any setting: the formula is worked out again, the engine runs the real layer on a tensor of that size, and the grid shows which input pixels no window ever reads.',
  presetsLabel: 'Try an example',
  presets: {
    worked: `Worked example (${worked.input}, kernel ${worked.kernel})`,
    vggPool: `VGG pooling (${vggPool.input}, ${vggPool.kernel}×${vggPool.kernel}, stride ${vggPool.stride})`,
    notExact: `Division not exact (${notExact.input}, kernel ${notExact.kernel}, stride ${notExact.stride})`,
    tooSmall: `Kernel ${tooSmall.kernel} on a ${tooSmall.input}×${tooSmall.input} input`,
  },
  modeLabel: 'Layer',
  modes: { conv: 'Convolution', pool: 'Max pooling' },
  linked: 'Same settings for height and width',
  ceilMode: 'Ceil mode (round up)',
  ceilModeConvNote: 'conv2d has no ceil mode; it always rounds down.',
  dims: { h: 'Height', w: 'Width', both: 'Height and width' },
  fields: { input: 'Input size', kernel: 'Kernel size', stride: 'Stride', padding: 'Padding', dilation: 'Dilation' },
  fieldLabel: (field, dim) =>
    dim === 'both' ? en.fields[field] : `${en.fields[field]} (${en.dims[dim].toLowerCase()})`,
  invalidNumber: (min, max) => `Enter a whole number from ${min} to ${max}.`,
  resultHeading: 'Output size',
  formulaSays: 'Formula',
  engineSays: 'Engine',
  size: (h, w) => `${h} × ${w}`,
  agree: 'The shape the engine returned matches the formula.',
  disagree: 'The engine and the formula disagree. Please report this configuration.',
  refused: 'The engine refuses this configuration, as PyTorch does:',
  workingHeading: 'The arithmetic, step by step',
  droppedWindow:
    'Ceil mode asked for one more window, but it would start in the right-hand padding and read no pixel, so PyTorch drops it.',
  coverageHeading: 'Which input pixels are read?',
  legendRead: 'read by a window',
  legendUnread: 'never read',
  legendPadding: 'padding',
  coverageAll: 'Every input pixel is read by at least one window.',
  coverageSome: (rows, cols) => {
    const parts: string[] = [];
    if (rows.length) parts.push(`row${rows.length > 1 ? 's' : ''} ${listEn(rows)}`);
    if (cols.length) parts.push(`column${cols.length > 1 ? 's' : ''} ${listEn(cols)}`);
    return `No window ever reads ${parts.join(' or ')} (counting from 0): whatever is there cannot affect the output.`;
  },
  coverageNone: 'There is no output, so no window reads anything.',
  gridLabel: (h, w, unread) =>
    unread === 0
      ? `Input of ${h} by ${w} pixels; every pixel is read.`
      : `Input of ${h} by ${w} pixels; ${unread} of them are never read.`,
  gridTooBig: (limit) => `The grid is drawn when the padded input fits in ${limit} × ${limit} cells.`,
  solveHeading: 'Solve for a setting',
  keepSizeTitle: 'Which padding keeps the size?',
  keepSize: (padding, input) => `At stride 1, padding ${padding} keeps the length: ${input} in, ${input} out.`,
  keepSizeOdd: (total) =>
    `No padding can: the window needs dilation × (kernel − 1) = ${total} extra positions, an odd number, and padding adds the same amount on both sides.`,
  keepSizeOutOfRange: (padding, max) =>
    `It would take padding ${padding}, beyond this calculator's range (at most ${max}).`,
  applyPadding: (padding) => `Use stride 1, padding ${padding}`,
  targetTitle: 'Which stride reaches a target size?',
  targetLabel: 'Target output size',
  strides: (strides, andLarger, target) => {
    const runs = strideRuns(strides, ' to ');
    if (andLarger) return `Every stride from ${strides[0]} up gives ${target}.`;
    const single = strides.length === 1;
    return `Stride${single ? '' : 's'} ${listEn(runs)} give${single ? 's' : ''} ${target}.`;
  },
  noStride: (target) => `No stride gives exactly ${target} with these settings.`,
  applyStride: (stride) => `Use stride ${stride}`,
  dimPrefix: (dim) => `${en.dims[dim]}: `,
  rejected: (keys) => `Some settings in the address were not valid and were reset to the defaults: ${keys}.`,
};

const ko: CalculatorStrings = {
  title: '출력 크기 계산기',
  caption:
    '설정을 바꾸면 공식이 다시 계산되고, 엔진이 같은 크기의 텐서로 실제 층을 돌려 보며, 아래 격자에는 어떤 창도 읽지 않는 입력 픽셀이 표시됩니다.',
  presetsLabel: '예시 불러오기',
  presets: {
    worked: `본문 예제 (입력 ${worked.input}, 커널 ${worked.kernel})`,
    vggPool: `VGG 풀링 (${vggPool.input}, ${vggPool.kernel}×${vggPool.kernel}, 스트라이드 ${vggPool.stride})`,
    notExact: `나누어떨어지지 않는 경우 (${notExact.input}, 커널 ${notExact.kernel}, 스트라이드 ${notExact.stride})`,
    tooSmall: `${tooSmall.input}×${tooSmall.input} 입력에 커널 ${tooSmall.kernel}`,
  },
  modeLabel: '층 종류',
  modes: { conv: '합성곱', pool: '최대 풀링' },
  linked: '높이와 너비에 같은 설정 사용',
  ceilMode: '올림 모드 (ceil mode)',
  ceilModeConvNote: 'conv2d에는 ceil mode가 없어서 항상 내림합니다.',
  dims: { h: '높이', w: '너비', both: '높이와 너비' },
  fields: {
    input: '입력 크기',
    kernel: '커널 크기',
    stride: '스트라이드',
    padding: '패딩',
    dilation: '팽창(dilation)',
  },
  fieldLabel: (field, dim) => (dim === 'both' ? ko.fields[field] : `${ko.dims[dim]} ${ko.fields[field]}`),
  invalidNumber: (min, max) => `${min}부터 ${max}까지의 정수를 입력하세요.`,
  resultHeading: '출력 크기',
  formulaSays: '공식',
  engineSays: '엔진',
  size: (h, w) => `${h} × ${w}`,
  agree: '엔진이 돌려준 출력 모양이 공식의 결과와 같습니다.',
  disagree: '엔진과 공식의 결과가 다릅니다. 이 설정을 알려 주세요.',
  refused: '엔진은 PyTorch와 마찬가지로 이 설정을 거부합니다:',
  workingHeading: '계산 과정',
  droppedWindow:
    '올림으로 창이 하나 더 생기지만, 그 창은 오른쪽 패딩 안에서 시작해 실제 픽셀을 하나도 읽지 못하므로 PyTorch가 뺍니다.',
  coverageHeading: '어떤 입력 픽셀이 읽힐까?',
  legendRead: '창이 읽는 픽셀',
  legendUnread: '한 번도 읽히지 않는 픽셀',
  legendPadding: '패딩',
  coverageAll: '모든 입력 픽셀이 적어도 한 번은 창에 들어갑니다.',
  coverageSome: (rows, cols) => {
    const parts: string[] = [];
    if (rows.length) parts.push(`${rows.join(', ')}번 행`);
    if (cols.length) parts.push(`${cols.join(', ')}번 열`);
    return `${josa(parts.join('과 '), '은/는')} 어떤 창에도 들어가지 않습니다(0부터 셈). 그 자리에 무엇이 있든 출력에는 아무 영향이 없습니다.`;
  },
  coverageNone: '출력이 없으니 읽히는 픽셀도 없습니다.',
  gridLabel: (h, w, unread) =>
    unread === 0 ? `${h}×${w} 입력, 모든 픽셀이 읽힘` : `${h}×${w} 입력, 그중 ${unread}개 픽셀은 읽히지 않음`,
  gridTooBig: (limit) => `패딩을 포함한 입력이 ${limit}×${limit} 칸 안에 들어올 때만 격자를 그립니다.`,
  solveHeading: '거꾸로 풀기',
  keepSizeTitle: '크기를 유지하려면 패딩은 얼마?',
  keepSize: (padding, input) => `스트라이드 1, 패딩 ${padding}일 때 길이가 그대로입니다: 입력 ${input}, 출력 ${input}.`,
  keepSizeOdd: (total) =>
    `어떤 패딩으로도 안 됩니다. 창이 더 필요로 하는 칸 수(dilation × (kernel − 1) = ${total})가 홀수인데, 패딩은 양쪽에 같은 양을 더하기 때문입니다.`,
  keepSizeOutOfRange: (padding, max) => `필요한 패딩은 ${padding}인데, 이 계산기의 범위(최대 ${max})를 넘습니다.`,
  applyPadding: (padding) => `스트라이드 1, 패딩 ${padding} 적용`,
  targetTitle: '원하는 출력 크기가 나오는 스트라이드는?',
  targetLabel: '목표 출력 크기',
  strides: (strides, andLarger, target) => {
    if (andLarger) return `스트라이드가 ${strides[0]} 이상이면 출력 크기는 모두 ${target}입니다.`;
    return `목표 ${target}에 맞는 스트라이드: ${strideRuns(strides, '~').join(', ')}`;
  },
  noStride: (target) => `이 설정에서는 출력 크기가 정확히 ${target}인 스트라이드가 없습니다.`,
  applyStride: (stride) => `스트라이드 ${stride} 적용`,
  dimPrefix: (dim) => `${ko.dims[dim]}: `,
  rejected: (keys) => `주소에 들어 있던 설정 중 올바르지 않은 값은 기본값으로 되돌렸습니다: ${keys}.`,
};

/** The strings of each language. */
export const STRINGS: Readonly<Record<Lang, CalculatorStrings>> = { en, ko };
