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
import rehypeScrollTables from './src/site/rehype-scroll-tables.ts';
import rehypeLessonLinks from './src/site/rehype-lesson-links.ts';
import remarkWidgetLocale from './src/site/remark-widget-locale.ts';

export default defineConfig({
  // CONVLAB_OUT_DIR lets a second checkout or a parallel test run build elsewhere than
  // dist/; the build, page-weight and browser-test scripts all follow it.
  outDir: process.env.CONVLAB_OUT_DIR ?? './dist',
  output: 'static',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx(), preact()],
  markdown: {
    // Astro 7's default processor ignores remark/rehype plugins; math needs unified.
    // remarkWidgetLocale gives each lesson's widgets the language of the lesson's folder.
    processor: unified({ remarkPlugins: [remarkMath, remarkWidgetLocale], rehypePlugins: [rehypeKatex, rehypeScrollTables, rehypeLessonLinks] }),
    // Both themes' colours are emitted; src/styles/global.css switches to the dark ones.
    // The high-contrast variants keep every token above 4.5:1 on the site's code background.
    shikiConfig: {
      themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
      defaultColor: 'light',
    },
  },
  devToolbar: { enabled: false },
  // Cross-origin isolation (`self.crossOriginIsolated`), so the two trainer workers can
  // share memory (src/training/parallel.ts). `astro preview` (npm start, the browser
  // tests) and `astro dev` send these; every file the site loads is its own, so
  // require-corp blocks nothing. A static host without them still works: the
  // workers then pass messages instead.
  server: {
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  },
  vite: {
    // Astro's MDX output starts with its own "use astro:head-inject" marker, which Rolldown
    // warns it may not keep (one multi-line block per lesson file). Astro reads the marker
    // itself, so nothing is lost; the warning is known upstream (withastro/astro#18087).
    // Astro's prerender build replaces the user's rolldownOptions, so an `onwarn` there
    // never runs; a plugin's onLog hook does. Exactly that warning is dropped.
    plugins: [
      {
        name: 'convlab:quiet-astro-head-inject',
        onLog(_level, log) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('use astro:head-inject')) return false;
        },
      },
    ],
  },
});
