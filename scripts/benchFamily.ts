/**
 * The family of Renault-like instances (src/domain/engine/family/): `npm run bench:family -- …`
 *
 *   --check            regenerate every committed seed into a temporary folder, run the reference
 *                      counter (../shared/benchmarks/reference/mdd-count.mjs) on it, print its count,
 *                      MDD nodes and compile time, and compare Atelier's count; exits 1 on a mismatch
 *   --write DIR        write every committed instance to DIR as table JSON (for other tools)
 *   --scan FROM TO     try seeds FROM..TO and list those the reference compiles within 5 s (how the
 *                      committed seeds were chosen)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileTableProblem, FAMILY_SEEDS, generateFamilyInstance } from '../src/domain/engine/index.ts';
import { writeFamilyInstance } from './support/familyFiles.ts';
import { referenceCount, referenceCounterPath, referenceCounterPresent } from './support/referenceCounter.ts';

const REFERENCE_LIMIT_S = 5;

function requireReference(): void {
  if (!referenceCounterPresent()) {
    console.log(`${referenceCounterPath} is absent: nothing to compare with.`);
    process.exit(2);
  }
}

function check(): void {
  requireReference();
  const folder = mkdtempSync(join(tmpdir(), 'atelier-family-'));
  let mismatches = 0;
  console.log('seed  variables  tables  rows     reference: count / MDD nodes / compile s      Atelier: count / compile s   result');
  try {
    for (const seed of FAMILY_SEEDS) {
      const file = join(folder, `family-${seed}.json`);
      writeFamilyInstance(file, seed);
      const problem = generateFamilyInstance(seed);
      const reference = referenceCount(file);
      const started = performance.now();
      const count = compileTableProblem(problem).count({}).toString();
      const seconds = (performance.now() - started) / 1000;
      const same = count === reference.solutions;
      if (!same) mismatches++;
      const rows = problem.constraints.reduce((total, constraint) => total + constraint.tuples.length, 0);
      console.log(`${String(seed).padEnd(5)} ${String(problem.variables.length).padEnd(10)} ${String(problem.constraints.length).padEnd(7)} ${String(rows).padEnd(8)} ${reference.solutions} / ${reference.mddNodes} / ${reference.compileSeconds.toFixed(2)}   ${count} / ${seconds.toFixed(2)}   ${same ? 'PASS' : 'FAIL'}`);
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(mismatches === 0 ? `\nAll ${FAMILY_SEEDS.length} counts equal the reference's.` : `\n${mismatches} count(s) differ from the reference's.`);
  process.exit(mismatches === 0 ? 0 : 1);
}

function scan(from: number, to: number): void {
  requireReference();
  const folder = mkdtempSync(join(tmpdir(), 'atelier-family-'));
  const kept: number[] = [];
  try {
    for (let seed = from; seed <= to; seed++) {
      const file = join(folder, `family-${seed}.json`);
      writeFamilyInstance(file, seed);
      try {
        const reference = referenceCount(file, 3 * REFERENCE_LIMIT_S * 1000);
        const keep = reference.compileSeconds <= REFERENCE_LIMIT_S;
        if (keep) kept.push(seed);
        console.log(`${seed}: ${reference.solutions} solutions, ${reference.mddNodes} nodes, ${reference.compileSeconds.toFixed(2)} s${keep ? '' : ' (too slow)'}`);
      } catch {
        console.log(`${seed}: the reference did not finish within ${3 * REFERENCE_LIMIT_S} s`);
      }
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  console.log(`\nWithin ${REFERENCE_LIMIT_S} s: ${kept.join(', ')}`);
}

const args = process.argv.slice(2);
if (args[0] === '--check') check();
else if (args[0] === '--write' && args[1]) {
  mkdirSync(args[1], { recursive: true });
  for (const seed of FAMILY_SEEDS) writeFamilyInstance(join(args[1], `family-${seed}.json`), seed);
  console.log(`Wrote ${FAMILY_SEEDS.length} instances to ${args[1]}.`);
} else if (args[0] === '--scan' && args[1] && args[2]) scan(Number(args[1]), Number(args[2]));
else {
  console.log('usage: npm run bench:family -- --check | --write DIR | --scan FROM TO');
  process.exit(2);
}
