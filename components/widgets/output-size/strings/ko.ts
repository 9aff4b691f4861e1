/**
 * The output-size calculator's words in Korean, written for Korean readers rather
 * than translated line by line. TypeScript checks that the keys are exactly those
 * of the English file.
 */
import { josa } from '../../../../src/i18n/korean.ts';
import { presetSettings, strideRuns } from './en.ts';
import type { CalculatorStrings } from './en.ts';

const { worked, vggPool, notExact, tooSmall } = presetSettings;

export const ko: CalculatorStrings = {
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
  lastAccepted: '위 칸에 받아들일 수 없는 값이 있습니다. 고칠 때까지 결과는 그 칸의 마지막으로 받아들인 값으로 계산합니다.',
  rejected: (keys) => `주소에 들어 있던 설정 중 올바르지 않은 값은 기본값으로 되돌렸습니다: ${keys}.`,
  predictPrompt: '출력 크기는 얼마일까요? 위의 설정으로 직접 계산한 다음 엔진의 답과 맞춰 보세요.',
  predictLabel: (dim) => (dim === 'both' ? '출력 높이와 너비' : `출력 ${dim === 'h' ? '높이' : '너비'}`),
};
