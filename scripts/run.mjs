/**
 * Small process helpers shared by the project scripts. Tools are started through the
 * current Node binary and their own entry files (not npx), so that stopping the parent
 * really stops them and the Node version is the one that runs this script.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root (this file lives in scripts/). */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Entry files of the command-line tools the scripts run. */
export const bin = {
  astro: path.join(root, 'node_modules/astro/bin/astro.mjs'),
  vitest: path.join(root, 'node_modules/vitest/vitest.mjs'),
  playwright: path.join(root, 'node_modules/@playwright/test/cli.js'),
};

/** The build output folder (dist/ unless CONVLAB_OUT_DIR says otherwise, as in astro.config.mjs). */
export const outDir = path.resolve(root, process.env.CONVLAB_OUT_DIR ?? 'dist');

/** Environment for child tools: no telemetry prompts, whatever else the caller set. */
export function toolEnv(extra = {}) {
  return { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Run `node <entry> ...args` with inherited output; resolves to the exit code
 * (a signal death counts as 1).
 */
export function runNode(entry, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd: root,
      stdio: 'inherit',
      env: toolEnv(options.env),
    });
    child.on('error', (error) => {
      console.error(`could not start ${path.relative(root, entry)}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
