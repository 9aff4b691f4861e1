/**
 * `npm run lesson:sync-hash`: records the English source's hash in a translation,
 * leaves current ones alone, and refuses an unknown slug. Runs on a scratch copy of a
 * tiny content folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncHashes, translations } from '../../../scripts/lesson-sync-hash.ts';
import { sourceHash, translationProblem, withTranslationHash } from '../../../src/site/translation.ts';

function scratch(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'convlab-sync-'));
  for (const lang of ['en', 'ko']) mkdirSync(path.join(root, 'content', 'lessons', lang), { recursive: true });
  writeFileSync(path.join(root, 'content/lessons/en/padding.mdx'), '---\ntitle: Padding\norder: 5\n---\n\nZeros around the edge.\n');
  writeFileSync(path.join(root, 'content/lessons/ko/padding.mdx'), '---\ntitle: 패딩\norder: 5\n---\n\n가장자리에 0을 덧붙입니다.\n');
  return root;
}

describe('lesson:sync-hash', () => {
  it('records the hash after order, reports it current, and changes nothing the second time', () => {
    const root = scratch();
    expect(translations(root)).toEqual([
      { file: 'content/lessons/ko/padding.mdx', slug: 'padding', recorded: undefined, current: sourceHash(readFileSync(path.join(root, 'content/lessons/en/padding.mdx'), 'utf8')) },
    ]);
    expect(syncHashes(root, ['padding'])).toEqual(['content/lessons/ko/padding.mdx']);
    const korean = readFileSync(path.join(root, 'content/lessons/ko/padding.mdx'), 'utf8');
    expect(korean).toMatch(/^---\ntitle: 패딩\norder: 5\ntranslatedFrom: [0-9a-f]{12}\n---\n\n가장자리에 0을 덧붙입니다.\n$/);
    expect(translations(root)[0]!.recorded).toBe(translations(root)[0]!.current);
    expect(syncHashes(root, ['padding'])).toEqual([]);
  });

  it('sees the English change, and the test message says how to fix it', () => {
    const root = scratch();
    syncHashes(root, ['padding']);
    writeFileSync(path.join(root, 'content/lessons/en/padding.mdx'), '---\ntitle: Padding\norder: 5\n---\n\nZeros (or a reflection) around the edge.\n');
    const [state] = translations(root);
    expect(state!.recorded).not.toBe(state!.current);
    expect(translationProblem(state!.recorded, readFileSync(path.join(root, 'content/lessons/en/padding.mdx'), 'utf8'), 'content/lessons/en/padding.mdx', 'padding')).toMatch(
      /^was translated from an earlier content\/lessons\/en\/padding.mdx \(translatedFrom: [0-9a-f]{12}, now [0-9a-f]{12}\): bring it in line with the English \(git log -p content\/lessons\/en\/padding.mdx shows what changed\), then run `npm run lesson:sync-hash -- padding`$/,
    );
    expect(syncHashes(root, ['padding'])).toEqual(['content/lessons/ko/padding.mdx']);
  });

  it('refuses a slug with no translation', () => {
    expect(() => syncHashes(scratch(), ['stride'])).toThrow('no translated lesson named "stride"; known: padding');
  });

  it('replaces an existing hash in place and keeps CRLF files CRLF', () => {
    const text = '---\r\ntitle: x\r\norder: 5\r\ntranslatedFrom: 000000000000\r\n---\r\nbody\r\n';
    expect(withTranslationHash(text, 'abcdefabcdef')).toBe('---\r\ntitle: x\r\norder: 5\r\ntranslatedFrom: abcdefabcdef\r\n---\r\nbody\r\n');
    expect(sourceHash('a\r\nb')).toBe(sourceHash('a\nb'));
  });
});
