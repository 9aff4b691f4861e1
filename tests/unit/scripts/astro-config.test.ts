/**
 * The build's log filter drops exactly Astro's known "use astro:head-inject" directive
 * warning (one multi-line block per MDX file, withastro/astro#18087) and nothing else.
 */
import { describe, expect, it } from 'vitest';
import config from '../../../astro.config.mjs';

type LogHook = (level: string, log: { code?: string; message: string }) => boolean | void;

function logHooks(): LogHook[] {
  const plugins = (config.vite?.plugins ?? []).flat() as { onLog?: LogHook }[];
  return plugins.flatMap((plugin) => (plugin && typeof plugin.onLog === 'function' ? [plugin.onLog] : []));
}

/** False when some plugin drops the log, as Rolldown reads an onLog hook's result. */
function kept(log: { code?: string; message: string }): boolean {
  return logHooks().every((hook) => hook('warn', log) !== false);
}

describe('build log filter', () => {
  it("drops Astro's head-inject directive warning", () => {
    expect(
      kept({
        code: 'MODULE_LEVEL_DIRECTIVE',
        message:
          'The semantics of the module level directive "use astro:head-inject" in "content/lessons/en/lenet-5.mdx?astroPropagatedAssets" may not be preserved when bundling.',
      }),
    ).toBe(false);
  });

  it('keeps every other warning, including other directives', () => {
    expect(kept({ code: 'MODULE_LEVEL_DIRECTIVE', message: 'module level directive "use client" in x.tsx' })).toBe(true);
    expect(kept({ code: 'UNRESOLVED_IMPORT', message: 'use astro:head-inject' })).toBe(true);
    expect(kept({ message: 'plain message' })).toBe(true);
  });
});
