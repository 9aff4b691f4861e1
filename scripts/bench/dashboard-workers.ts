/**
 * The lesson-14 dashboard in headless Chromium, as a learner uses it: the built
 * site (CONVLAB_OUT_DIR or dist/) served by `astro preview` with its COOP/COEP
 * headers, Start pressed, timed from the click. For one worker (?workers=1), two
 * sharing memory, and two passing messages (?memory=messages), it reports the
 * dashboard's own images/s after `--seconds` of training and, with `--to98`,
 * the wall clock from Start to the first test evaluation at 98% or more (the
 * dashboard scores the whole test set every half epoch, so this lands near one).
 *
 *   npx tsx scripts/bench/dashboard-workers.ts [--port=4406] [--seconds=20] [--to98] [--modes=one,shared,messages] [--query=bs=32&seed=2] [--threads]
 *
 * `--query` adds dashboard settings to every mode's address (a recipe or a seed to try).
 * `--threads` (Linux) lists the browser's busiest threads over the first `--seconds` of
 * training, with their user and system CPU seconds and page faults: where the two cores
 * went (page thread, workers, compositor, GPU), and how much of it the kernel took.
 *
 * Measured, never asserted: the numbers go to the README by hand.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../chromium.mjs';
import { waitForHttp } from '../serve.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const port = Number(arg('port', '4406'));
const seconds = Number(arg('seconds', '20'));
const to98 = process.argv.includes('--to98');
const QUERIES: Record<string, string> = { one: '?workers=1', shared: '', messages: '?memory=messages' };
const modes = arg('modes', 'one,shared,messages').split(',');
const listThreads = process.argv.includes('--threads');
const extraQuery = process.argv.find((a) => a.startsWith('--query='))?.slice('--query='.length) ?? '';
function address(mode: string): string {
  const params = new URLSearchParams(QUERIES[mode]);
  for (const [key, value] of new URLSearchParams(extraQuery)) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : '';
}

interface ThreadUse {
  user: number;
  system: number;
  faults: number;
}

/**
 * CPU seconds (user and system) and minor page faults of every thread of every Chromium
 * process, by "process pid/thread tid" (Linux /proc). Processes are matched by program
 * name: Debian's /usr/bin/chromium is a script that starts /usr/lib/chromium/chromium.
 */
function threadUse(): Map<string, ThreadUse> {
  const ticks = 100; // USER_HZ on Linux
  const use = new Map<string, ThreadUse>();
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    // Chromium rewrites its command line into one space-separated string.
    if (!/chrom(e|ium)$/.test(command.split(/[\0 ]/)[0] ?? '')) continue;
    const type = /--type=([\w-]+)/.exec(command)?.[1] ?? 'browser';
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        use.set(`${type} ${pid}/${name} ${tid}`, { user: Number(fields[11]) / ticks, system: Number(fields[12]) / ticks, faults: Number(fields[7]) });
      } catch {
        // the thread ended between the listing and the read
      }
    }
  }
  return use;
}

function busiest(before: Map<string, ThreadUse>, after: Map<string, ThreadUse>, wall: number): string {
  const zero: ThreadUse = { user: 0, system: 0, faults: 0 };
  const rows = [...after].map(([key, now]) => {
    const then = before.get(key) ?? zero;
    return { key, user: now.user - then.user, system: now.system - then.system, faults: now.faults - then.faults };
  });
  rows.sort((a, b) => b.user + b.system - (a.user + a.system));
  const total = rows.reduce((sum, r) => sum + r.user + r.system, 0);
  return [
    `  CPU over ${wall.toFixed(1)} s of wall clock: ${total.toFixed(1)} s in all (${(total / wall).toFixed(2)} cores). Busiest threads:`,
    ...rows
      .filter((r) => r.user + r.system > 0.05)
      .slice(0, 8)
      .map((r) => `  ${r.user.toFixed(2).padStart(6)} s user ${r.system.toFixed(2).padStart(6)} s system ${String(r.faults).padStart(9)} page faults  ${r.key}`),
  ].join('\n');
}

const server = spawn(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'], {
  cwd: root,
  stdio: 'ignore',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
const base = `http://127.0.0.1:${port}`;
try {
  if (!(await waitForHttp(`${base}/en/`))) throw new Error('the preview server did not answer');
  const found = findChromium() as { path?: string; error?: string };
  if (!found.path) throw new Error(found.error ?? 'no Chromium');
  const browser = await chromium.launch({ executablePath: found.path, args: [...chromiumArgs, '--js-flags=--no-liftoff'] });
  for (const mode of modes) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(180_000);
    await page.goto(`${base}/en/lessons/lenet-5/${address(mode)}`);
    await page.locator('.training').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0);
    // Load the data and the model first (Step does), so the clock times training only.
    await page.getByRole('button', { name: 'Step one batch', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('.training-run')?.getAttribute('data-global-step') === '1', null, { timeout: 180_000 });
    const engine = await page.locator('.training-engine').textContent();
    const threadsBefore = listThreads ? threadUse() : null;
    const started = Date.now();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.waitForTimeout(seconds * 1000);
    if (threadsBefore) console.log(busiest(threadsBefore, threadUse(), (Date.now() - started) / 1000));
    const speed = await page.locator('.training-stats div:first-child dd').textContent();
    let reached = '';
    if (to98) {
      const handle = await page.waitForFunction(
        () => {
          const acc = Number(document.querySelector('.training-test-accuracy')?.getAttribute('data-test-accuracy'));
          const status = document.querySelector('.training-run')?.getAttribute('data-status');
          const step = document.querySelector('.training-run')?.getAttribute('data-global-step');
          return acc >= 0.98 || status === 'done' ? { acc, status, step } : null;
        },
        null,
        { timeout: 600_000, polling: 100 },
      );
      const { acc, status, step } = (await handle.jsonValue()) as { acc: number; status: string; step: string };
      reached = acc >= 0.98 ? `98% reached: test accuracy ${(acc * 100).toFixed(2)}% after ${((Date.now() - started) / 1000).toFixed(1)} s (seen at step ${step})` : `stopped (${status}) at ${(acc * 100).toFixed(2)}%`;
    }
    console.log(`${mode.padEnd(9)} ${address(mode) || '(defaults)'} ${engine?.trim()} | ${speed?.trim()} after ${seconds} s ${reached ? `| ${reached}` : ''}`);
    await context.close();
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
}
