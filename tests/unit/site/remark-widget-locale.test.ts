/**
 * The remark plugin that hands each lesson's widgets the language of the lesson's
 * folder, on small MDX trees shaped as @mdx-js/mdx builds them (the browser test
 * tests/browser/widget-language.spec.ts checks the real build).
 */
import { describe, expect, it } from 'vitest';
import remarkWidgetLocale, { lessonLocale } from '../../../src/site/remark-widget-locale.ts';

type Node = Record<string, unknown> & { attributes?: { name: string; value: unknown }[] };

function importNode(names: string[], source: string, withEstree = true): Node {
  const value = `import { ${names.join(', ')} } from '${source}';`;
  return {
    type: 'mdxjsEsm',
    value,
    ...(withEstree
      ? {
          data: {
            estree: {
              body: [{ type: 'ImportDeclaration', source: { value: source }, specifiers: names.map((name) => ({ local: { name } })) }],
            },
          },
        }
      : {}),
  };
}

function element(name: string, attributes: { name: string; value: unknown }[] = [], line = 7): Node {
  return { type: 'mdxJsxFlowElement', name, attributes: attributes.map((a) => ({ type: 'mdxJsxAttribute', ...a })), children: [], position: { start: { line } } };
}

function lesson(children: Node[]) {
  return { type: 'root', children };
}

describe('remarkWidgetLocale', () => {
  it('reads the language from the lesson folder only', () => {
    expect(lessonLocale('/repo/content/lessons/ko/convolution.mdx')).toBe('ko');
    expect(lessonLocale('C:\\repo\\content\\lessons\\en\\convolution.mdx')).toBe('en');
    expect(lessonLocale('/repo/content/lessons/fr/convolution.mdx')).toBeNull();
    expect(lessonLocale('/repo/content/notes/ko/convolution.mdx')).toBeNull();
    expect(lessonLocale(undefined)).toBeNull();
  });

  for (const withEstree of [true, false]) {
    it(`gives widgets, and only widgets, the folder's language (${withEstree ? 'parsed imports' : 'import lines'})`, () => {
      const stepper = element('ConvolutionStepper', [{ name: 'client:visible', value: null }]);
      const panel = element('EngineSource', [{ name: 'file', value: 'ops/conv2d.ts' }]);
      const tex = element('Tex', [{ name: 'tex', value: 'x' }]);
      const inline: Node = { type: 'paragraph', children: [{ ...element('Badge'), type: 'mdxJsxTextElement' }] };
      const tree = lesson([
        importNode(['ConvolutionStepper'], '../../../components/widgets/convolution/ConvolutionStepper.tsx', withEstree),
        importNode(['EngineSource'], '../../../components/engine-source/EngineSource.astro', withEstree),
        importNode(['Tex'], '../../../components/kit/Tex.tsx', withEstree),
        importNode(['Badge'], '../../../components/widgets/x/Badge.tsx', withEstree),
        stepper,
        panel,
        tex,
        inline,
      ]);
      remarkWidgetLocale()(tree as never, { path: '/repo/content/lessons/ko/convolution.mdx' });
      const langOf = (node: Node) => node.attributes?.find((a) => a.name === 'lang')?.value;
      expect(langOf(stepper)).toBe('ko');
      expect(langOf(panel)).toBe('ko');
      expect(langOf(tex)).toBeUndefined();
      expect(langOf((inline.children as Node[])[0])).toBe('ko');
    });
  }

  it('stops the build when a lesson types lang by hand, naming file and line', () => {
    const tree = lesson([
      importNode(['XoLab'], '../../../components/widgets/why-convolutions/XoLab.tsx'),
      element('XoLab', [{ name: 'lang', value: 'en' }], 89),
    ]);
    expect(() => remarkWidgetLocale()(tree as never, { path: '/repo/content/lessons/ko/why-convolutions.mdx' })).toThrow(
      /why-convolutions\.mdx:89: <XoLab> is given lang by hand.*"ko"/,
    );
  });

  it('leaves files outside the lessons alone', () => {
    const stepper = element('ConvolutionStepper');
    const tree = lesson([importNode(['ConvolutionStepper'], '../components/widgets/convolution/ConvolutionStepper.tsx'), stepper]);
    remarkWidgetLocale()(tree as never, { path: '/repo/src/pages/demo.mdx' });
    expect(stepper.attributes).toEqual([]);
  });
});
