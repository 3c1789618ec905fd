// Regression test on the shared benchmark problems (../shared/benchmarks/, skipped when absent):
// exact counts equal the README's independently verified counts, the valid values of renault-mod-0
// are the 381 of 562 the README states, and random configuration sessions that pick only valid
// options never meet a dead end and end in assignments that satisfy every table, checked directly
// against the tuples (not through the engine).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileTableProblem, loadTableProblem, type ConfigurationSpace, type TableProblem } from '../../src/domain/index.ts';
import { seededRandom } from '../../src/domain/shared/seededRandom.ts';

const benchmarks = resolve(import.meta.dirname, '../../../shared/benchmarks');
const present = existsSync(join(benchmarks, 'README.md'));
if (!present) console.warn(`[benchmarkCounts.test] ${benchmarks} is absent: the benchmark count tests are skipped.`);

const SESSIONS = 20;

/** `| \`file.json\` | … | **212,573,703,712,768** |` rows of the README's table. */
function verifiedCounts(readme: string): Map<string, bigint> {
  const counts = new Map<string, bigint>();
  for (const match of readme.matchAll(/^\|\s*`([^`]+\.json)`.*\|\s*\*\*([\d,]+)\*\*[^|]*\|\s*$/gm)) {
    counts.set(match[1]!, BigInt(match[2]!.replaceAll(',', '')));
  }
  return counts;
}

/** Returns a check listing the tables an assignment breaks, against the tuples themselves (not the engine). */
function tableChecker(problem: TableProblem): (assignment: Readonly<Record<string, string>>) => string[] {
  const tables = problem.constraints.map((table) => ({ table, tuples: new Set(table.tuples.map((tuple) => tuple.join('\u0000'))) }));
  return (assignment) => tables
    .filter(({ table, tuples }) => {
      const listed = tuples.has(table.scope.map((variable) => assignment[variable]).join('\u0000'));
      return table.kind === 'allowed' ? !listed : listed;
    })
    .map(({ table }) => table.id);
}

const files = present ? readdirSync(benchmarks).filter((name) => name.endsWith('.json')).sort() : [];

describe.skipIf(!present)('shared benchmark problems (skipped when ../shared/benchmarks is absent)', () => {
  const counts = present ? verifiedCounts(readFileSync(join(benchmarks, 'README.md'), 'utf8')) : new Map<string, bigint>();

  it('the README states the verified counts', () => {
    expect(counts.get('renault-mod-0.json')).toBe(212_573_703_712_768n);
    expect(counts.get('renault-mod-01.json')).toBe(0n);
  });

  describe.each(files)('%s', (name) => {
    let problem: TableProblem;
    let space: ConfigurationSpace;
    beforeAll(() => {
      const loaded = loadTableProblem(name, readFileSync(join(benchmarks, name), 'utf8'));
      if (!loaded.ok) throw new Error(`${name} does not load: ${loaded.problems.map((problem) => problem.message).join('; ')}`);
      problem = loaded.value;
      space = compileTableProblem(problem);
    }, 120_000);

    it('counts exactly the verified number of solutions', () => {
      expect(counts.has(name), `the README gives no verified count for ${name}`).toBe(true);
      expect(space.count({})).toBe(counts.get(name));
    });

    it.runIf(name === 'renault-mod-0.json')('supports 381 of its 562 values', () => {
      const domains = space.domains({});
      const total = problem.variables.reduce((sum, variable) => sum + variable.values.length, 0);
      const supported = [...domains.values()].reduce((sum, options) => sum + options.length, 0);
      expect([supported, total]).toEqual([381, 562]);
    });

    it(`${SESSIONS} random sessions picking valid options end in complete assignments that satisfy every table`, () => {
      if (space.count({}) === 0n) {
        // Unsatisfiable: nothing may be offered.
        expect([...space.domains({}).values()].every((options) => options.length === 0)).toBe(true);
        return;
      }
      const brokenTables = tableChecker(problem);
      const next = seededRandom(0x5eed);
      for (let session = 0; session < SESSIONS; session++) {
        const choices: Record<string, string> = {};
        const free = problem.variables.map((variable) => variable.id);
        while (free.length > 0) {
          const [variable] = free.splice(Math.floor(next() * free.length), 1);
          const options = space.domains(choices).get(variable!)!;
          expect(options.length, `dead end at ${variable} in session ${session}`).toBeGreaterThan(0);
          choices[variable!] = options[Math.floor(next() * options.length)]!;
        }
        expect(brokenTables(choices), `session ${session}`).toEqual([]);
        expect(space.count(choices)).toBe(1n);
      }
    }, 120_000);
  });
});
