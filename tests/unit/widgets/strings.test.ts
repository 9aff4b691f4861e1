/**
 * Widget strings, one file per language: every table a widget's `strings/index.ts`
 * exports has every site language, and each language has exactly the English keys,
 * all the way down. TypeScript already refuses a missing or extra key in a
 * language's file (shown below with `@ts-expect-error`, which `npm run check` fails
 * on if the error ever goes away); this test also catches a table put together with
 * a cast, and finds new widgets by themselves.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../../src/i18n/lessons.ts';
import { en } from '../../../components/widgets/output-size/strings/en.ts';
import type { CalculatorStrings } from '../../../components/widgets/output-size/strings/en.ts';

function stringTables(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) found.push(...stringTables(full));
    else if (name === 'index.ts' && path.basename(dir) === 'strings') found.push(full);
  }
  return found;
}

/** Every key path of a value, functions and arrays as leaves. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.keys(value)
    .sort()
    .flatMap((key) => keyPaths((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key));
}

const files = stringTables(path.resolve('components'));

describe('widget strings', () => {
  it('are found', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    it(`${path.relative(process.cwd(), file)}: every language has exactly the English keys`, async () => {
      const module = (await import(file)) as Record<string, unknown>;
      const tables = Object.entries(module).filter(([, value]) => typeof value === 'object' && value !== null && 'en' in value);
      expect(tables.length).toBeGreaterThan(0);
      for (const [name, table] of tables) {
        const byLocale = table as Record<string, unknown>;
        expect(Object.keys(byLocale).sort(), name).toEqual([...locales].sort());
        const english = keyPaths(byLocale.en);
        for (const locale of locales) expect(keyPaths(byLocale[locale]), `${name}.${locale}`).toEqual(english);
      }
    });
  }

  it('the type system refuses a language that misses or adds a key', () => {
    const { title: _dropped, ...missing } = en;
    // @ts-expect-error -- `title` is missing
    const incomplete: CalculatorStrings = missing;
    // @ts-expect-error -- `surplus` is not an English key
    const surplus: CalculatorStrings = { ...en, surplus: 'extra' };
    expect(Object.keys(incomplete)).not.toContain('title');
    expect(Object.keys(surplus)).toContain('surplus');
  });
});
