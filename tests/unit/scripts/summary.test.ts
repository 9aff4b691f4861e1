/**
 * The closing `N passed, N failed` line: counts from each runner's JSON report, and a
 * missing or unreadable report counts as a failure.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPlaywright, countVitest, readCounts } from '../../../scripts/summary.mjs';
import { staticImports } from '../../../scripts/page-weight.mjs';

describe('test summary', () => {
  it('counts Vitest results, and a suite that failed to load as a failure', () => {
    expect(countVitest({ numPassedTests: 12, numFailedTests: 2, success: false })).toEqual({ passed: 12, failed: 2 });
    expect(countVitest({ numPassedTests: 5, numFailedTests: 0, numFailedTestSuites: 1, success: false })).toEqual({
      passed: 5,
      failed: 1,
    });
    expect(countVitest({ numPassedTests: 5, numFailedTests: 0, success: true })).toEqual({ passed: 5, failed: 0 });
  });

  it('counts Playwright results; flaky passes count as passed; global errors as failures', () => {
    expect(countPlaywright({ stats: { expected: 30, unexpected: 1, flaky: 2, skipped: 0 }, errors: [] })).toEqual({
      passed: 32,
      failed: 1,
    });
    expect(countPlaywright({ stats: { expected: 0, unexpected: 0 }, errors: [{ message: 'webServer died' }] })).toEqual({
      passed: 0,
      failed: 1,
    });
  });

  it('counts a missing or unreadable report as one failure, saying why', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'convlab-summary-'));
    const missing = readCounts('Vitest', path.join(dir, 'none.json'), countVitest);
    expect(missing).toMatchObject({ passed: 0, failed: 1 });
    expect(missing.note).toMatch(/is missing: counted as 1 failure/);
    writeFileSync(path.join(dir, 'bad.json'), '{"numPassedTests": 3,');
    const unreadable = readCounts('Vitest', path.join(dir, 'bad.json'), countVitest);
    expect(unreadable).toMatchObject({ passed: 0, failed: 1 });
    expect(unreadable.note).toMatch(/is unreadable/);
  });
});

describe('page weight', () => {
  it('follows static imports of minified modules but not dynamic import()', () => {
    const source =
      'import{a as b}from"./preact.module.js";import"./side.js";export{c}from"./re.js";' +
      'const lazy=()=>import("./plot.js");';
    expect(staticImports(source)).toEqual(['./preact.module.js', './side.js', './re.js']);
  });
});
