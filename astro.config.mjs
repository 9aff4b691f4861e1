// @ts-check
/**
 * ConvLab site configuration: a static site, MDX lessons with KaTeX math, Preact islands.
 * Search (Pagefind) is indexed after the build by scripts/build.mjs.
 */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

export default defineConfig({
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx(), preact()],
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; math needs unified.
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
    // Both themes' colours are emitted; src/styles/global.css switches to the dark ones.
    shikiConfig: { themes: { light: 'github-light', dark: 'github-dark' }, defaultColor: 'light' },
  },
  devToolbar: { enabled: false },
});
