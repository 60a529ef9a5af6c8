/**
 * `npm test`: typecheck, lint, build the web app, then every test tier: unit, web components,
 * integration on PGlite and on PostgreSQL, browser journeys in Chromium.
 * Outside CI a tier whose tool is missing (no PostgreSQL, no Chromium) is skipped with a warning;
 * under CI=true a missing tool is a failure: no suite may be skipped.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumPath } from './harness/chromium';
import { findPostgresBin } from './harness/postgres-server';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv.slice(2);
const failures: string[] = [];
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (!ok) failures.push(name);
  return ok;
}

function vitest(name: string, projects: string[]): void {
  const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'passerelle-test-')), 'report.json');
  const args = [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ];
  step(name, 'npx', args);
  if (!fs.existsSync(report)) return;
  const json = JSON.parse(fs.readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numTotalTestSuites: number;
  };
  totals.passed += json.numPassedTests;
  totals.failed += json.numFailedTests;
  totals.skipped += json.numPendingTests + json.numTodoTests;
  if (ci && json.numPendingTests > 0)
    failures.push(`${name}: ${json.numPendingTests} skipped tests under CI`);
}

function missing(tier: string, why: string): void {
  if (ci) {
    console.error(`✘ ${tier}: ${why} (CI=true: no suite may be skipped)`);
    failures.push(`${tier}: ${why}`);
  } else {
    console.warn(`⚠ ${tier} SKIPPED: ${why}`);
  }
}

const want = (tier: string) => only.length === 0 || only.includes(tier);

if (want('static')) {
  step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
  step('lint', 'npx', ['biome', 'check', '.']);
  step('module boundaries', 'npm', ['run', '--silent', 'check:modules']);
}
if (want('e2e'))
  step('build web app', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);

const projects = ['unit', 'web', 'int-pglite'].filter((p) => want(p) || (p === 'int-pglite' && want('int')));
if (want('int-pg') || want('int')) {
  if (process.env.TEST_DATABASE_URL || findPostgresBin()) projects.push('int-pg');
  else
    missing(
      'integration tests on PostgreSQL',
      'no PostgreSQL >= 15 binaries (apt-get install postgresql-15) and no TEST_DATABASE_URL',
    );
}
if (projects.length > 0) vitest(`tests: ${projects.join(', ')}`, projects);

if (want('e2e')) {
  if (chromiumPath()) vitest('browser journeys (Chromium)', ['e2e']);
  else missing('browser tests', 'Chromium not found (apt-get install chromium, or set CHROMIUM_PATH)');
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (failures.length > 0) {
  console.error(`\nFailed: ${failures.join('; ')}`);
  process.exit(1);
}
