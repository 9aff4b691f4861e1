/**
 * The kit's Tex: one formula, a formula in parts that wrap on a phone, and a formula
 * with a narrow form. What matters is the markup the site's CSS acts on.
 */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Tex } from '../../../components/kit/Tex.tsx';

describe('Tex', () => {
  it('typesets one formula inline or as a display block', () => {
    expect(renderToString(h(Tex, { tex: 'x^2' }))).toMatch(/^<span><span class="katex">/);
    expect(renderToString(h(Tex, { tex: 'x^2', display: true }))).toMatch(/^<div><span class="katex-display">/);
  });

  it('sets each part of a display formula in its own wrapping box, in display style', () => {
    const html = renderToString(h(Tex, { tex: ['X = 1,', '\\frac{a}{b}'], display: true, class: 'mine' }));
    expect(html).toMatch(/^<div class="mine tex-parts">/);
    expect(html.match(/class="tex-parts__part"/g)).toHaveLength(2);
    // Inline KaTeX per part (a display block cannot sit beside another), told to look like display math.
    expect(html).not.toContain('katex-display');
    expect(html.match(/\\displaystyle/g)).toHaveLength(2);
  });

  it('joins parts on one line when asked for inline math', () => {
    const html = renderToString(h(Tex, { tex: ['a', 'b'] }));
    expect(html).not.toContain('tex-parts');
    expect(html).toContain('a,\\quad b');
  });

  it('renders a narrow form beside the wide one for the stylesheet to choose', () => {
    const html = renderToString(h(Tex, { tex: 'a + b + c', narrow: '\\begin{aligned} a &+ b \\\\ &+ c \\end{aligned}', display: true }));
    expect(html).toContain('<div class="tex-wide"><span class="katex-display">');
    expect(html).toContain('<div class="tex-narrow"><span class="katex-display">');
    expect(html).not.toContain('katex-error');
  });
});
