/**
 * Links between lessons: a written lesson gets a site link in the page's language, an
 * unwritten one a "coming soon" label instead of a link to a missing page, and a slug
 * the catalog does not know stops the build.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Element, Root } from 'hast';
import rehypeLessonLinks from '../../../src/site/rehype-lesson-links.ts';
import { lessonLinkTarget } from '../../../src/site/lesson-links.ts';

function contentDir(written: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'convlab-links-'));
  for (const file of written) {
    mkdirSync(path.join(dir, path.dirname(file)), { recursive: true });
    writeFileSync(path.join(dir, file), '---\n---\n');
  }
  return dir;
}

function paragraph(href: string, text: string): Root {
  const link: Element = { type: 'element', tagName: 'a', properties: { href }, children: [{ type: 'text', value: text }] };
  return { type: 'root', children: [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'See ' }, link] }] };
}

function run(tree: Root, file: string, dir: string, base?: string): Element {
  rehypeLessonLinks({ contentDir: dir, base })(tree, { path: file });
  return (tree.children[0] as Element).children[1] as Element;
}

describe('rehypeLessonLinks', () => {
  const dir = contentDir(['en/output-size.mdx', 'ko/output-size.mdx']);

  it('points a link to a written lesson at its page in the same language, under the base', () => {
    const link = run(paragraph('../output-size/', 'lesson 4'), '/x/content/lessons/en/convolution.mdx', dir);
    expect(link).toMatchObject({ tagName: 'a', properties: { href: '/en/lessons/output-size/', className: ['lesson-link'] } });
    const based = run(paragraph('../output-size/#the-worked-example', '4강'), '/x/content/lessons/ko/convolution.mdx', dir, '/convlab');
    expect(based.properties.href).toBe('/convlab/ko/lessons/output-size/#the-worked-example');
  });

  it('shows an unwritten lesson as "coming soon", in the page language, without a link', () => {
    const en = run(paragraph('../padding/', 'the next lesson'), '/x/content/lessons/en/output-size.mdx', dir);
    expect(en.tagName).toBe('span');
    expect(en.properties).toMatchObject({ className: ['lesson-link', 'lesson-link--soon'], dataSlug: 'padding' });
    expect(JSON.stringify(en.children)).toContain('the next lesson');
    expect(JSON.stringify(en.children)).toContain(' (coming soon)');
    const ko = run(paragraph('../padding/', '다음 강의'), '/x/content/lessons/ko/output-size.mdx', dir);
    expect(JSON.stringify(ko.children)).toContain('"(준비 중)"');
  });

  it('stops the build on a slug the catalog does not have', () => {
    expect(() => run(paragraph('../paddings/', 'x'), '/x/content/lessons/en/output-size.mdx', dir)).toThrow(
      /link "..\/paddings\/" points to lesson "paddings" in "en", which the catalog \(src\/i18n\/lessons.ts\) does not have/,
    );
  });

  it('leaves other links and other files alone', () => {
    const outside = run(paragraph('https://pytorch.org/', 'PyTorch'), '/x/content/lessons/en/output-size.mdx', dir);
    expect(outside.properties.href).toBe('https://pytorch.org/');
    const page = run(paragraph('../padding/', 'x'), '/x/src/pages/about.mdx', dir);
    expect(page.properties.href).toBe('../padding/');
  });
});

describe('lessonLinkTarget', () => {
  it('reads relative and absolute lesson links, and nothing else', () => {
    expect(lessonLinkTarget('../padding/', 'ko')).toEqual({ lang: 'ko', slug: 'padding', hash: '' });
    expect(lessonLinkTarget('../padding', 'en')).toEqual({ lang: 'en', slug: 'padding', hash: '' });
    expect(lessonLinkTarget('/en/lessons/vgg/#why', 'ko')).toEqual({ lang: 'en', slug: 'vgg', hash: '#why' });
    expect(lessonLinkTarget('./padding/', 'en')).toBeUndefined();
    expect(lessonLinkTarget('https://example.com/en/lessons/vgg/', 'en')).toBeUndefined();
  });
});
