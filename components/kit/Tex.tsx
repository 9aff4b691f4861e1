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
  /** TeX source, e.g. `\\frac{7}{9}`. */
  tex: string;
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

/** A formula typeset with KaTeX. */
export function Tex({ tex, display = false, class: className }: TexProps) {
  const html = useMemo(() => renderTex(tex, display), [tex, display]);
  const Tag = display ? 'div' : 'span';
  return <Tag class={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
