/**
 * Site-wide browser tests against the production build: every built page, both
 * languages, plus the features of the chrome (language switch, search, theme, progress,
 * keyboard use, redirects, 404). Widgets have their own spec files.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, expectNoSeriousA11yViolations, screenshot, test } from './fixtures.ts';
import { ui } from '../../src/i18n/ui.ts';
import { PROGRESS_KEY } from '../../components/chrome/progress.ts';
import { STRINGS as outputSize } from '../../components/widgets/output-size/strings/index.ts';
import { findLiteralMarkdownInText } from '../../src/site/lesson-rules.ts';
import { findKoreanTextProblems } from '../../src/site/korean-rules.ts';

/** The build under test; follows CONVLAB_OUT_DIR like astro.config.mjs. */
const dist = path.resolve(process.cwd(), process.env.CONVLAB_OUT_DIR ?? 'dist');

/** URL paths of every page in dist/ (directories holding an index.html). */
function builtPages(): string[] {
  if (!existsSync(dist)) throw new Error('dist/ does not exist: run `npm run build` before the browser tests');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(full);
      } else if (name === 'index.html') {
        const relative = path.relative(dist, dir).split(path.sep).join('/');
        found.push(relative ? `/${relative}/` : '/');
      }
    }
  };
  walk(dist);
  return found.sort();
}

const pages = builtPages().filter((page) => page !== '/');
const lessonPattern = /^\/(en|ko)\/lessons\/([^/]+)\/$/;
const lessons = pages.flatMap((page) => {
  const match = lessonPattern.exec(page);
  return match ? [{ path: page, lang: match[1] as 'en' | 'ko', slug: match[2]! }] : [];
});

/** The first built lesson in a language; the chrome tests need one to exist. */
function firstLesson(lang: 'en' | 'ko') {
  const lesson = lessons.find((candidate) => candidate.lang === lang);
  if (!lesson) throw new Error(`no lesson page was built for ${lang}: dist/${lang}/lessons/ is empty`);
  return lesson;
}

/**
 * Bring every client:visible island into view, one at a time, and wait until each has
 * hydrated (Astro removes its `ssr` attribute), so widget errors surface in the test.
 */
async function hydrateAllIslands(page: Page): Promise<void> {
  const islands = page.locator('astro-island');
  const count = await islands.count();
  for (let index = 0; index < count; index++) {
    const island = islands.nth(index);
    if ((await island.getAttribute('ssr')) === null) continue;
    // Islands are display: contents (no box of their own): scroll to what they render.
    await island.evaluate((node) => {
      const box = [...node.querySelectorAll('*')].find((child) => child.getBoundingClientRect().height > 0);
      (box ?? node).scrollIntoView({ block: 'center' });
    });
    const name = (await island.getAttribute('component-url')) ?? `island ${index}`;
    await expect(island, `widget ${name} did not hydrate once scrolled into view`).not.toHaveAttribute('ssr', {
      timeout: 20_000,
    });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Every formula is typeset by KaTeX (no error nodes) and styled by its stylesheet. */
async function expectMathTypeset(page: Page): Promise<void> {
  const formulas = page.locator('.katex');
  if ((await formulas.count()) === 0) return;
  await expect(page.locator('.katex-error')).toHaveCount(0);
  const state = await page.evaluate(async () => {
    await document.fonts.ready;
    const all = [...document.querySelectorAll('.katex')];
    const incomplete = all.filter((node) => !node.querySelector('.katex-mathml math') || !node.querySelector('.katex-html'));
    const mathml = document.querySelector('.katex-mathml');
    return {
      incomplete: incomplete.length,
      // katex.css hides the MathML copy visually; without the stylesheet it shows twice.
      mathmlHidden: mathml ? getComputedStyle(mathml).position === 'absolute' : true,
      font: document.fonts.check('16px KaTeX_Main'),
    };
  });
  expect(state).toEqual({ incomplete: 0, mathmlHidden: true, font: true });
}

/**
 * Every display formula of a lesson's text fits the screen: none hides part of itself
 * behind a scroll. Widgets' formulas are the reader's making (the explorer's working for
 * any layer): for them the scroll, shown by edge shadows, stays as the last resort.
 * One pixel is allowed for rounding.
 */
async function expectFormulasFit(page: Page): Promise<void> {
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main article .katex-display, main article .tex-parts__part')]
      .filter((node) => !node.closest('astro-island'))
      .filter((node) => node.offsetParent !== null && node.scrollWidth > node.clientWidth + 1)
      .map((node) => `${(node.querySelector('annotation')?.textContent ?? '').slice(0, 60)} (${node.scrollWidth} px in ${node.clientWidth} px)`),
  );
  expect(clipped, 'display formulas wider than a 360 px screen').toEqual([]);
}

/**
 * A formula that does scroll (a widget's, on a phone) says so: the edge where more is
 * hidden fades out. Returns how many formulas scroll, so a caller can tell it checked some.
 */
async function expectScrollingFormulasFade(page: Page): Promise<number> {
  const scrolling = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.katex-display, .tex-parts__part')]
        .filter((node) => node.offsetParent !== null && node.scrollLeft === 0 && node.scrollWidth > node.clientWidth + 1)
        .map((node) => ({ formula: (node.querySelector('annotation')?.textContent ?? '').slice(0, 60), mask: getComputedStyle(node).maskImage })),
    );
  // The fade is a scroll-driven animation: a formula that has only just become wider than
  // its box (a widget hydrating, a font arriving) gets its timeline at the next frame, so
  // the check waits for it rather than reading one frame early (a loaded CI machine did).
  const unfaded = async () =>
    (await scrolling()).filter(({ mask }) => !/calc\(100% - \d+px\)/.test(mask)).map(({ formula, mask }) => `${formula}: ${mask}`);
  await expect.poll(unfaded, { message: 'formulas that scroll but show no fade at their hidden edge', timeout: 5000 }).toEqual([]);
  return (await scrolling()).length;
}

/**
 * The text a reader sees in the lesson: `prose` without code, math or widgets (where no
 * Markdown may survive), `all` with the widgets' text too (where the Korean glossary and
 * particles apply). Text nodes in the same block run together, blocks are separated, so
 * a number and the particle after it stay side by side.
 */
async function renderedText(page: Page): Promise<{ prose: string; all: string }> {
  return page.evaluate(() => {
    const article = document.querySelector('main article');
    if (!article) return { prose: '', all: '' };
    const skip = '.katex, pre, code, script, style, svg';
    const read = (withWidgets: boolean) => {
      const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
      let out = '';
      let lastBlock: Element | null = null;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(skip) || (!withWidgets && parent.closest('astro-island'))) continue;
        let block: Element | null = parent;
        while (block && block !== article && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
        out += (block === lastBlock ? '' : '\n') + (node.textContent ?? '');
        lastBlock = block;
      }
      return out;
    };
    return { prose: read(false), all: read(true) };
  });
}

/** The page is no wider than the viewport (no sideways scrolling). */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll, `page is ${widths.scroll}px wide in a ${widths.client}px viewport`).toBeLessThanOrEqual(
    widths.client,
  );
}

test.describe('every built page', () => {
  test('the build contains both home pages and at least one lesson per language', () => {
    expect(pages).toContain('/en/');
    expect(pages).toContain('/ko/');
    expect(lessons.some((lesson) => lesson.lang === 'en')).toBe(true);
    expect(lessons.some((lesson) => lesson.lang === 'ko')).toBe(true);
  });

  for (const pagePath of pages) {
    test(`${pagePath} renders without errors, is accessible and fits a 360 px screen`, async ({ page }) => {
      // Lessons hydrate every widget and are photographed twice: allow for a busy machine.
      test.setTimeout(120_000);
      const lang = pagePath.split('/')[1];
      const response = await page.goto(pagePath);
      expect(response?.status()).toBe(200);
      await expect(page.locator('html')).toHaveAttribute('lang', lang ?? 'en');
      await expect(page.locator('h1').first()).toBeVisible();
      await hydrateAllIslands(page);
      await expectMathTypeset(page);
      await expectNoSeriousA11yViolations(page);
      if (lessonPattern.test(pagePath)) {
        const text = await renderedText(page);
        expect(findLiteralMarkdownInText(text.prose), 'Markdown left as literal text in the rendered lesson').toEqual([]);
        if (lang === 'ko') expect(findKoreanTextProblems(text.all), 'Korean glossary and particles in the rendered lesson').toEqual([]);
        // Links between lessons lead to built pages; a lesson not written yet is named, marked "coming soon", not linked.
        const links = await page.locator('main article a.lesson-link').evaluateAll((nodes) => nodes.map((node) => new URL((node as HTMLAnchorElement).href).pathname));
        for (const href of links) expect(pages, `link to ${href}`).toContain(href);
        const soon = await page.locator('main article .lesson-link--soon').evaluateAll((nodes) =>
          nodes.map((node) => ({ slug: (node as HTMLElement).dataset.slug ?? '', text: node.textContent ?? '' })),
        );
        for (const { slug, text } of soon) {
          expect(pages, `${slug} is built, so it should be linked`).not.toContain(`/${lang}/lessons/${slug}/`);
          expect(text).toContain(`(${ui[lang as 'en' | 'ko'].comingSoon})`);
        }
      }
      if (lang === 'ko') {
        const wordBreak = await page.locator('main p').first().evaluate((node) => getComputedStyle(node).wordBreak);
        expect(wordBreak).toBe('keep-all');
      }
      await screenshot(page, pagePath.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'root');
      await page.setViewportSize({ width: 360, height: 740 });
      await expectNoHorizontalScroll(page);
      if (lessonPattern.test(pagePath)) await expectFormulasFit(page);
      const scrolling = await expectScrollingFormulasFade(page);
      // The explorer's working for its first layer is wider than a phone: the fade is checked there at least.
      if (/\/explorer\/$/.test(pagePath)) expect(scrolling).toBeGreaterThan(0);
    });
  }
});

test.describe('rendered-text checks', () => {
  test('catch literal Markdown, glossary words and particles in what a page shows', async ({ page }) => {
    await page.setContent(`<main><article>
      <p>발표된 모습 그대로 학습시키려면 **평균 (1998년)**을 고르세요.</p>
      <p>F6의 값 <strong>84</strong>이라는 수, 특성 맵 하나.</p>
      <table><tr><td>84</td><td>이 칸은 다른 블록</td></tr></table>
      <pre><code>x ** 2</code></pre>
      <astro-island><p>위젯의 특성 맵</p></astro-island>
    </article></main>`);
    const text = await renderedText(page);
    expect(findLiteralMarkdownInText(text.prose)).toEqual([expect.stringContaining('literal "**"'), expect.stringContaining('literal "**"')]);
    expect(text.prose).not.toContain('위젯');
    expect(findKoreanTextProblems(text.all)).toEqual([
      expect.stringContaining('glossary: "특성 맵" in'),
      expect.stringContaining('glossary: "특성 맵" in'),
      expect.stringContaining('particle: "84이라는" should read "84라는"'),
    ]);
  });
});

test.describe('language switch', () => {
  test('keeps the reader on the same lesson, both ways', async ({ page }) => {
    const lesson = firstLesson('en');
    await page.goto(lesson.path);
    await page.locator('[data-language-switch]').click();
    await expect(page).toHaveURL(new RegExp(`/ko/lessons/${lesson.slug}/$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await page.locator('[data-language-switch]').click();
    await expect(page).toHaveURL(new RegExp(`/en/lessons/${lesson.slug}/$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });

  test('carries the widgets\' state along, so an experiment survives the switch', async ({ page }) => {
    await page.goto('/en/lessons/output-size/?osIn=64&osK=5');
    await page.locator('.os-calculator').scrollIntoViewIfNeeded();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    // A change made on the page (not in the link) must travel too.
    await page.locator('.os-calculator').getByRole('slider', { name: outputSize.en.fields.stride, exact: true }).press('ArrowRight');
    await expect(page.locator('.os-calculator').getByTestId('formula-size')).toHaveText(outputSize.en.size(30, 30));
    await page.locator('[data-language-switch]').click();
    await expect(page).toHaveURL(/\/ko\/lessons\/output-size\/\?.*osIn=64/);
    expect(new URL(page.url()).searchParams.get('osS')).toBe('2');
    await page.locator('.os-calculator').scrollIntoViewIfNeeded();
    await expect(page.locator('.os-calculator').getByTestId('formula-size')).toHaveText(outputSize.ko.size(30, 30));
  });

  test('keeps the reader’s place: the same section, both ways', async ({ page }) => {
    await page.goto('/en/lessons/output-size/');
    const sections = page.locator('main h2');
    const k = 3;
    await sections.nth(k).evaluate((node) => node.scrollIntoView({ block: 'start', behavior: 'instant' }));
    await page.evaluate(() => window.scrollBy({ top: 120, behavior: 'instant' }));
    // From the keyboard. Focusing a control of the sticky header used to scroll the page up
    // (it sat inside the scroll padding), so this also checks that focus leaves the page be.
    const follow = async () => {
      const before = await page.evaluate(() => window.scrollY);
      await page.locator('[data-language-switch]').focus();
      expect(await page.evaluate(() => window.scrollY)).toBe(before);
      await page.keyboard.press('Enter');
    };
    await follow();
    await expect(page).toHaveURL(/\/ko\/lessons\/output-size\/$/);
    // The k-th section of the Korean page is where the reader was, just above the fold's top.
    const inView = async () => {
      const [heading, next] = await Promise.all([sections.nth(k).boundingBox(), sections.nth(k + 1).boundingBox()]);
      return heading!.y < 200 && next!.y > 0;
    };
    await expect.poll(inView).toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await follow();
    await expect(page).toHaveURL(/\/en\/lessons\/output-size\/$/);
    await expect.poll(inView).toBe(true);
  });

  test('leads from one home page to the other', async ({ page }) => {
    await page.goto('/en/');
    await page.locator('[data-language-switch]').click();
    await expect(page).toHaveURL(/\/ko\/$/);
    await expect(page.locator('h1')).toHaveText(ui.ko.homeTitle);
  });
});

test.describe('header', () => {
  for (const lang of ['en', 'ko'] as const) {
    test(`links every page to the network explorer, marked on the explorer itself (${lang})`, async ({ page }) => {
      await page.goto(`/${lang}/lessons/output-size/`);
      const link = page.getByRole('navigation', { name: ui[lang].mainNavigation }).getByRole('link', { name: ui[lang].explorer });
      await expect(link).not.toHaveAttribute('aria-current');
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/explorer/$`));
      await expect(page.getByRole('navigation', { name: ui[lang].mainNavigation }).getByRole('link', { name: ui[lang].explorer })).toHaveAttribute('aria-current', 'page');
    });
  }
});

test.describe('search', () => {
  for (const lang of ['en', 'ko'] as const) {
    test(`finds a lesson by a word of its title (${lang})`, async ({ page }) => {
      const lesson = firstLesson(lang);
      await page.goto(lesson.path);
      const title = (await page.locator('h1').first().innerText()).trim();
      const words = title.split(/[\s,.:;!?()（）]+/u).filter((word) => /\p{L}{2,}/u.test(word));
      const query = words.sort((a, b) => b.length - a.length)[0];
      expect(query, `no searchable word in the title "${title}"`).toBeTruthy();

      await page.goto(`/${lang}/`);
      await page.getByRole('button', { name: ui[lang].search }).click();
      const input = page.getByRole('dialog').getByLabel(ui[lang].searchField);
      await expect(input).toBeFocused();
      await input.fill(query!);
      const results = page.locator('.search-result__link');
      await expect(results.first()).toBeVisible();
      const hrefs = await results.evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs.every((href) => href.startsWith(`/${lang}/lessons/`)), hrefs.join(', ')).toBe(true);
      expect(hrefs.some((href) => href.startsWith(lesson.path))).toBe(true);
      await expect(page.getByRole('dialog').getByRole('status')).toHaveText(
        hrefs.length === 1 ? ui[lang].searchOneResult(query!) : ui[lang].searchResults(hrefs.length, query!),
      );

      // A word no lesson has says so, although Pagefind alone matched every "X" for it.
      await input.fill('xyzzy');
      await expect(page.getByRole('dialog').getByRole('status')).toHaveText(ui[lang].searchNoResults('xyzzy'));
      await expect(results).toHaveCount(0);
      await expectNoSeriousA11yViolations(page);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
    });
  }
});

test.describe('theme', () => {
  test('follows the system, and a chosen theme survives reloads without a flash', async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: 'dark' });
    // Record the theme attribute at the moment <body> starts, i.e. before first paint.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string }).themeAtBody = document.documentElement.dataset.theme ?? 'system';
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto('/en/');
    const toggle = page.getByRole('button', { name: ui.en.darkTheme });
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

    await toggle.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .not.toBe(darkBackground);

    await page.goto(firstLesson('en').path);
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('light');
    await expect(page.getByRole('button', { name: ui.en.darkTheme })).toHaveAttribute('aria-pressed', 'false');

    await page.getByRole('button', { name: ui.en.darkTheme }).click();
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, `dark_${firstLesson('en').slug}`);
  });
});

test.describe('progress', () => {
  test('mark as done persists across reloads and shows on the path and home page', async ({ page }) => {
    const lesson = firstLesson('en');
    await page.goto(lesson.path);
    const box = page.getByRole('checkbox', { name: ui.en.markDone });
    await expect(box).toBeEnabled();
    await expect(box).not.toBeChecked();
    await box.check();
    await page.reload();
    await expect(box).toBeChecked();
    await expect(page.locator(`.lesson-nav [data-slug="${lesson.slug}"]`)).toHaveClass(/is-done/);

    // The same lesson in Korean counts as done too.
    await page.goto(`/ko/lessons/${lesson.slug}/`);
    await expect(page.getByRole('checkbox', { name: ui.ko.markDone })).toBeChecked();

    await page.goto('/en/');
    await expect(page.locator(`.path__step[data-slug="${lesson.slug}"]`)).toHaveClass(/is-done/);
    await expect(page.locator('[data-resume-summary]')).toHaveText(ui.en.progressSummary(1, 17));

    await page.goto(lesson.path);
    await box.uncheck();
    await page.reload();
    await expect(box).not.toBeChecked();
  });

  test('the home page offers to continue at the last lesson opened', async ({ page }) => {
    const lesson = firstLesson('en');
    await page.goto(lesson.path);
    const title = (await page.locator('h1').first().innerText()).trim();
    await page.goto('/en/');
    const resume = page.locator('[data-resume-link]');
    await expect(resume).toHaveText(ui.en.continueLesson(title));
    await expect(resume).toHaveAttribute('href', lesson.path);
  });

  const corruptValues = [
    '{not json',
    'null',
    '"done"',
    '[]',
    JSON.stringify({ version: 0, done: ['x'] }),
    JSON.stringify({ version: 1, done: [1, {}, '../../etc', null], last: 5 }),
  ];
  for (const value of corruptValues) {
    test(`a corrupt or old stored value is ignored, not fatal: ${value}`, async ({ page }) => {
      const lesson = firstLesson('en');
      await page.goto(lesson.path);
      await page.evaluate(([key, stored]) => localStorage.setItem(key!, stored!), [PROGRESS_KEY, value]);
      await page.reload();
      const box = page.getByRole('checkbox', { name: ui.en.markDone });
      await expect(box).toBeEnabled();
      await expect(box).not.toBeChecked();
      await box.check();
      await page.reload();
      await expect(box).toBeChecked();
      await page.goto('/en/');
      await expect(page.locator(`.path__step[data-slug="${lesson.slug}"]`)).toHaveClass(/is-done/);
    });
  }
});

test.describe('keyboard', () => {
  test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
    await page.goto(firstLesson('en').path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: ui.en.skipToContent });
    await expect(skip).toBeFocused();
    const box = await skip.boundingBox();
    expect(box && box.y >= 0, 'skip link is on screen when focused').toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.locator('#main')).toBeFocused();
  });

  test('on a phone the lessons menu opens, takes focus and closes with Escape', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    const lesson = firstLesson('ko');
    await page.goto(lesson.path);
    const nav = page.locator('#lesson-nav');
    await expect(nav).toBeHidden();
    const button = page.getByRole('button', { name: ui.ko.lessonsMenu, exact: true });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(nav).toBeVisible();
    await expect(nav.locator(`a[aria-current="page"]`)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');
  });
});

test.describe('root redirect', () => {
  // The root page replaces itself at once, which cancels its own stylesheet requests.
  test.use({
    expectedFailures: { abortedRequests: [/^http:\/\/[^/]+\/$/, /\/_astro\/.+\.css$/, /\/favicon\.svg$/] },
  });

  for (const [locale, expected] of [
    ['ko-KR', 'ko'],
    ['ko', 'ko'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
  ] as const) {
    test.describe(`browser language ${locale}`, () => {
      test.use({ locale });
      test(`goes to /${expected}/`, async ({ page }) => {
        await page.goto('/');
        await expect(page).toHaveURL(new RegExp(`/${expected}/$`));
      });
    });
  }

  test('a language chosen with the switch wins over the browser language', async ({ page }) => {
    await page.goto('/en/');
    await page.locator('[data-language-switch]').click();
    await expect(page).toHaveURL(/\/ko\/$/);
    await page.goto('/');
    await expect(page).toHaveURL(/\/ko\/$/);
  });
});

test.describe('root page without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('offers both languages as links', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'English' })).toHaveAttribute('href', '/en/');
    await expect(page.getByRole('link', { name: '한국어' })).toHaveAttribute('href', '/ko/');
  });
});

test.describe('404', () => {
  test.use({ expectedFailures: { httpErrors: [{ url: /\/no-such-page\/$/, status: 404 }] } });

  test('an unknown address answers 404 with a page in both languages', async ({ page }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '페이지를 찾을 수 없습니다' })).toBeVisible();
    await expect(page.locator('a[href="/en/"]').last()).toBeVisible();
    await expect(page.locator('a[href="/ko/"]').last()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, '404');
  });
});
