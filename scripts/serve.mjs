/**
 * Starts a server process and says where it is only once it answers: `astro preview`
 * prints its own banner and then needs several seconds before the port accepts
 * connections, and a reader who clicks the address at once gets "connection refused".
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** Resolves true once `url` answers any HTTP status, false after `timeoutMs` or if `isAlive()` turns false. */
export async function waitForHttp(url, { timeoutMs = 60_000, intervalMs = 150, isAlive = () => true } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && isAlive()) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return true;
    } catch {
      await sleep(intervalMs);
    }
  }
  return false;
}

/**
 * Runs `command args` with inherited output, waits for `url` to answer, then calls
 * `onReady()`. Returns the child and a promise of its exit code; if it never answers
 * within the time allowed, reports that and stops the child.
 *
 * @param {string} command
 * @param {string[]} args
 * @param {{ url: string, onReady: () => unknown, onTimeout?: () => unknown, timeoutMs?: number,
 *   env?: NodeJS.ProcessEnv, cwd?: string }} options
 */
export function serveWhenReady(command, args, { url, onReady, onTimeout, timeoutMs, env, cwd }) {
  const child = spawn(command, args, { stdio: 'inherit', env, cwd });
  let exited = false;
  const done = new Promise((resolve) => {
    child.on('error', (error) => {
      exited = true;
      console.error(`could not start the server: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      exited = true;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => child.kill(signal));
  waitForHttp(url, { timeoutMs, isAlive: () => !exited }).then((ready) => {
    if (ready) onReady();
    else if (!exited) {
      onTimeout?.();
      child.kill('SIGTERM');
    }
  });
  return { child, exited: done };
}
