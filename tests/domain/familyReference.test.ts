// Atelier's exact count against the independent reference counter
// (../shared/benchmarks/reference/mdd-count.mjs, run as a child process) on committed seeds of the
// Renault-like family, scaled down so the test stays quick; skipped when ../shared is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileTableProblem } from '../../src/domain/index.ts';
import { FAMILY_SEEDS } from '../../src/domain/engine/family/familySeeds.ts';
import { generateFamilyInstance } from '../../src/domain/engine/family/generateFamilyInstance.ts';

const reference = resolve(import.meta.dirname, '../../../shared/benchmarks/reference/mdd-count.mjs');
const present = existsSync(reference);
if (!present) console.warn(`[familyReference.test] ${reference} is absent: the comparison with the reference counter is skipped.`);

const SCALE = 0.3;
const folder = present ? mkdtempSync(join(tmpdir(), 'atelier-family-test-')) : '';
afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(!present)('the Renault-like family against the reference counter (skipped when ../shared/benchmarks/reference is absent)', () => {
  // The first satisfiable and the first unsatisfiable committed seeds, and one more.
  const seeds = [...new Set([
    FAMILY_SEEDS.find((seed) => !generateFamilyInstance(seed, { scale: SCALE }).name.endsWith('-unsat'))!,
    FAMILY_SEEDS.find((seed) => generateFamilyInstance(seed, { scale: SCALE }).name.endsWith('-unsat'))!,
    FAMILY_SEEDS[FAMILY_SEEDS.length - 1]!,
  ])];

  it.each(seeds)('seed %i, scaled down: Atelier counts what the reference counts', (seed) => {
    const problem = generateFamilyInstance(seed, { scale: SCALE });
    const file = join(folder, `${problem.name}.json`);
    writeFileSync(file, JSON.stringify(problem));
    const child = spawnSync(process.execPath, [reference, file, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(child.status, child.stderr).toBe(0);
    const expected = (JSON.parse(child.stdout.trim().split('\n').pop()!) as { solutions: string }).solutions;
    expect(compileTableProblem(problem).count({}).toString()).toBe(expected);
  }, 60_000);
});
