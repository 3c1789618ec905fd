#!/usr/bin/env node
// Summarises one `npm test` run for CI (.ci/run) and prints, as its very last
// line, `N passed, N failed`.
//
// `npm test` = typecheck && lint && test:unit && test:e2e, stopping at the
// first failing stage. Sources of truth:
//   - the log of `npm test` (npm prints "> atelier@x.y.z <script>" as each
//     stage starts, so the stages that started, and which one failed, are known)
//   - `--exit-code N`: the exit code of `npm test`
//   - test-results/unit-results.json  (Vitest JSON reporter, from test:unit)
//   - test-results/e2e-results.json   (Playwright JSON reporter, playwright.config.ts)
// Counting: typecheck and lint are 1 test each; unit and e2e count their
// tests; a stage that failed without a failing test in its report counts 1
// failed; a stage that never ran because an earlier one failed counts 1 failed.
//
// Usage: node scripts/summariseResults.mjs --exit-code N [--log FILE] [--dir DIR]
// Exits 1 if anything failed, else 0.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  if (i !== -1 && i + 1 < process.argv.length) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  return eq ? eq.slice(name.length + 1) : fallback;
}

const dir = arg('--dir', 'test-results');
const logPath = arg('--log', join(dir, 'npm-test.log'));
const exitArg = arg('--exit-code', undefined);
const npmExit = exitArg === undefined ? null : Number(exitArg);

const STAGES = ['typecheck', 'lint', 'test:unit', 'test:e2e'];

function readJson(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    console.log(`(could not parse ${path}: ${err.message})`);
    return null;
  }
}

// ---- which stages started (from npm's "> pkg@version script" banners)
let started = new Set();
let logSeen = false;
if (existsSync(logPath)) {
  logSeen = true;
  // eslint-disable-next-line no-control-regex
  const log = readFileSync(logPath, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  for (const m of log.matchAll(/^> \S+@\S+ (\S+)\s*$/gm)) {
    if (STAGES.includes(m[1])) started.add(m[1]);
  }
}

const unit = readJson(join(dir, 'unit-results.json'));
const e2e = readJson(join(dir, 'e2e-results.json'));

// Reports prove that their stage (and so every earlier one) started.
const provenUpTo = e2e ? 3 : unit ? 2 : -1;
for (let i = 0; i <= provenUpTo; i++) started.add(STAGES[i]);
// No banners at all but npm test succeeded (e.g. npm ran with --silent): all ran.
if (started.size === 0 && npmExit === 0) started = new Set(STAGES);
// No banners and npm test failed: it failed in (or before) the first stage.
const noBanners = started.size === 0;
if (noBanners) started.add(STAGES[0]);
// The stages run in order: a stage that started means all earlier ones did.
const lastStarted = Math.max(-1, ...[...started].map((s) => STAGES.indexOf(s)));
for (let i = 0; i < lastStarted; i++) started.add(STAGES[i]);

/** Did the stage succeed (its exit code 0)? null = did not run. */
function stageOk(i) {
  if (!started.has(STAGES[i])) return null;
  if (i < lastStarted) return true; // the next stage started, so this one exited 0
  return npmExit === 0; // the last stage that ran decides npm test's exit code
}

const rows = [];
let passed = 0;
let failed = 0;
function add(name, p, f, note) {
  passed += p;
  failed += f;
  rows.push([name, p, f, note]);
}

// typecheck, lint: one test each
for (const [i, name] of [[0, 'typecheck'], [1, 'lint']]) {
  const ok = stageOk(i);
  if (ok === null) add(name, 0, 1, 'did not run (an earlier stage failed)');
  else if (ok) add(name, 1, 0, '');
  else if (i === 0 && noBanners) add(name, 0, 1, 'npm test failed before any stage could be seen (read its log)');
  else add(name, 0, 1, `npm run ${name} failed`);
}

// unit (Vitest)
{
  const ok = stageOk(2);
  if (ok === null) {
    add('unit', 0, 1, 'did not run (an earlier stage failed)');
  } else if (!unit) {
    add('unit', ok ? 1 : 0, ok ? 0 : 1, ok ? 'passed, but wrote no JSON report' : 'failed before writing test-results/unit-results.json');
  } else {
    const p = unit.numPassedTests ?? 0;
    let f = unit.numFailedTests ?? 0;
    // Test files that failed without a failing test (import/syntax errors).
    const brokenFiles = (unit.testResults ?? []).filter(
      (t) => t.status === 'failed' && !(t.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length;
    f += brokenFiles;
    const notes = [];
    if (brokenFiles) notes.push(`${brokenFiles} test file(s) failed to load`);
    const skipped = (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
    if (skipped) notes.push(`${skipped} skipped/todo`);
    if ((!ok || unit.success === false) && f === 0) {
      f = 1;
      notes.push(p === 0 ? 'vitest failed (no tests ran?)' : 'vitest failed outside any test');
    }
    add('unit', p, f, notes.join('; '));
  }
}

// e2e (Playwright)
{
  const ok = stageOk(3);
  if (ok === null) {
    add('e2e', 0, 1, 'did not run (an earlier stage failed)');
  } else if (!e2e) {
    add('e2e', ok ? 1 : 0, ok ? 0 : 1, ok ? 'passed, but wrote no JSON report' : 'failed before Playwright reported (chromium or vite build?)');
  } else {
    const s = e2e.stats ?? {};
    const p = (s.expected ?? 0) + (s.flaky ?? 0);
    let f = s.unexpected ?? 0;
    const notes = [];
    if (s.flaky) notes.push(`${s.flaky} flaky (counted as passed)`);
    if (s.skipped) notes.push(`${s.skipped} skipped`);
    const errors = e2e.errors ?? [];
    if (errors.length) {
      const first = String(errors[0]?.message ?? '').split('\n')[0].slice(0, 120);
      notes.push(`${errors.length} error(s) outside tests: ${first}`);
    }
    if ((!ok || errors.length) && f === 0) {
      f = 1;
      if (!errors.length) notes.push('playwright failed (no tests ran?)');
    }
    add('e2e', p, f, notes.join('; '));
  }
}

// ---- print
console.log('');
console.log('stage       passed  failed  notes');
for (const [name, p, f, note] of rows) {
  console.log(`${name.padEnd(10)} ${String(p).padStart(7)} ${String(f).padStart(7)}  ${note}`);
}
if (!logSeen) console.log(`(no log at ${logPath}: stages inferred from reports and exit code)`);
if (npmExit !== null && npmExit !== 0 && failed === 0) {
  // Should not happen, but never report green for a failed npm test.
  failed = 1;
  console.log(`npm test exited ${npmExit} although every stage looks green: counted as 1 failed`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
