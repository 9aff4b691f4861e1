/**
 * Observable Plot names the parts of a chart in English (`aria-label="x-axis tick"`,
 * "line", "dot"), whatever the page's language. After Plot draws, `relabelPlot`
 * rewrites those names into the page's language, so a Korean page does not read out
 * English. Plot composes axis names from the scale ("x", "fy") and a suffix; the
 * marks have one word each. A name Plot may add later is left as it is.
 */
import type { Locale } from '../../src/i18n/lessons.ts';

interface PlotWords {
  axis: (scale: string) => string;
  grid: (scale: string) => string;
  tick: (axis: string) => string;
  tickLabel: (axis: string) => string;
  label: (axis: string) => string;
  marks: Readonly<Record<string, string>>;
}

const KO: PlotWords = {
  axis: (scale) => `${scale}축`,
  grid: (scale) => `${scale}축 격자`,
  tick: (axis) => `${axis} 눈금`,
  tickLabel: (axis) => `${axis} 눈금 값`,
  label: (axis) => `${axis} 이름`,
  marks: {
    line: '선',
    dot: '점',
    rule: '기준선',
    frame: '테두리',
    area: '영역',
    bar: '막대',
    rect: '사각형',
    cell: '칸',
    tick: '눈금',
    text: '글자',
    tip: '설명 풍선',
    arrow: '화살표',
    link: '연결선',
    image: '이미지',
  },
};

const WORDS: Partial<Record<Locale, PlotWords>> = { ko: KO };

/** Plot's English name for a part, in `lang`; the name itself when there is nothing to change. */
export function plotLabel(name: string, lang: Locale): string {
  const words = WORDS[lang];
  if (!words) return name;
  const axis = /^(fx|fy|x|y)-(axis|grid)(?: (tick label|tick|label))?$/.exec(name);
  if (axis) {
    const [, scale, kind, part] = axis;
    if (kind === 'grid') return part ? name : words.grid(scale);
    const axisName = words.axis(scale);
    if (part === 'tick') return words.tick(axisName);
    if (part === 'tick label') return words.tickLabel(axisName);
    if (part === 'label') return words.label(axisName);
    return axisName;
  }
  return words.marks[name] ?? name;
}

/** Rewrites every `aria-label` Plot put in `chart` (and its own) into `lang`. */
export function relabelPlot(chart: Element, lang: Locale): void {
  if (!WORDS[lang]) return;
  const parts = [chart, ...chart.querySelectorAll('[aria-label]')];
  for (const part of parts) {
    const name = part.getAttribute('aria-label');
    if (name !== null) part.setAttribute('aria-label', plotLabel(name, lang));
  }
}
