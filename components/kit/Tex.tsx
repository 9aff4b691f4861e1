/**
 * KaTeX inside a widget, for formulas whose numbers change with the widget's state.
 * Rendered to HTML+MathML (readable by screen readers), on the server and again in the
 * browser when props change. KaTeX's JavaScript thus only ships with widgets that use
 * this component; its stylesheet is already on every lesson page.
 */
import katex from 'katex';
import { useMemo } from 'preact/hooks';

/** Props of {@link Tex}. */
export interface TexProps {
  /**
   * TeX source, e.g. `\\frac{7}{9}`. A list of parts (display only) is set on one line
   * where it fits and wraps between parts where it does not, as a phone needs for
   * "X = …, W = …, Y = …": KaTeX itself never breaks display math.
   */
  tex: string | readonly string[];
  /**
   * Display only: a narrower form of the same formula (a long numerator stacked, say),
   * shown instead of `tex` on screens too narrow for it.
   */
  narrow?: string;
  /** Display (block, centred) instead of inline math. */
  display?: boolean;
  class?: string;
}

/**
 * Render TeX to an HTML string. Malformed TeX is shown in the error colour rather
 * than throwing, so a widget never dies on a formula.
 */
export function renderTex(tex: string, display = false): string {
  return katex.renderToString(tex, { displayMode: display, throwOnError: false, output: 'htmlAndMathml' });
}

/**
 * Display parts as one wrapping row. Each part is inline KaTeX in display style, so a
 * fraction or matrix looks as it would in a display block.
 */
function renderParts(parts: readonly string[]): string {
  return parts.map((part) => `<span class="tex-parts__part">${renderTex(`\\displaystyle ${part}`)}</span>`).join('');
}

/** A formula typeset with KaTeX. */
export function Tex({ tex, narrow, display = false, class: className }: TexProps) {
  const html = useMemo(() => {
    if (typeof tex !== 'string') return display ? renderParts(tex) : renderTex(tex.join(',\\quad '));
    if (display && narrow !== undefined) {
      return `<div class="tex-wide">${renderTex(tex, true)}</div><div class="tex-narrow">${renderTex(narrow, true)}</div>`;
    }
    return renderTex(tex, display);
  }, [typeof tex === 'string' ? tex : tex.join('\u0000'), narrow, display]);
  const Tag = display ? 'div' : 'span';
  const classes = [className, display && typeof tex !== 'string' ? 'tex-parts' : undefined].filter(Boolean).join(' ');
  return <Tag class={classes || undefined} dangerouslySetInnerHTML={{ __html: html }} />;
}
