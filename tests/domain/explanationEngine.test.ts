// The explanation engine against brute force, on random table problems dense enough that
// propagation alone often cannot see a conflict (so search, lemmas and the diagram fallbacks all
// run): propagation refutes only what really is inconsistent, search decides exactly, lemmas hold,
// refutation cores refute, explanations cite sets of rules that exclude the option and are minimal,
// and narrowing domains match full sweeps. Then a few hard explanations on the Renault benchmark,
// checked against diagrams compiled from just the cited tables.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTableProblem, loadTableProblem, type Assignment, type TableProblem } from '../../src/domain/index.ts';
import { compileProblem } from '../../src/domain/engine/diagram/compileProblem.ts';
import { deadValueLemmas } from '../../src/domain/engine/tables/deadValueLemmas.ts';
import { minimalTableConflict } from '../../src/domain/engine/tables/minimalTableConflict.ts';
import { RuleSubsetChecker } from '../../src/domain/engine/diagram/ruleSubsetChecker.ts';
import { indexTables } from '../../src/domain/engine/tables/tableProblem.ts';
import { TablePropagator } from '../../src/domain/engine/tables/tablePropagator.ts';

const RUNS = 150;

/** 3–6 variables of 2–4 values, 2–9 tables over 2–3 of them, allowed or forbidden, with random rows. */
const problemArb: fc.Arbitrary<TableProblem> = fc
  .array(fc.integer({ min: 2, max: 4 }), { minLength: 3, maxLength: 6 })
  .chain((sizes) => {
    const variables = sizes.map((size, index) => ({ id: `v${index}`, values: Array.from({ length: size }, (_, value) => `${value}`) }));
    const table = fc.shuffledSubarray(variables, { minLength: 2, maxLength: 3 }).chain((scope) =>
      fc.record({
        kind: fc.constantFrom<'allowed' | 'forbidden'>('allowed', 'allowed', 'forbidden'),
        tuples: fc.uniqueArray(fc.tuple(...scope.map((variable) => fc.constantFrom(...variable.values))), {
          minLength: 1, maxLength: 9, selector: (tuple) => tuple.join(','),
        }),
      }).map(({ kind, tuples }) => ({ scope: scope.map((variable) => variable.id), kind, tuples })));
    return fc.array(table, { minLength: 2, maxLength: 9 }).map((tables): TableProblem => ({
      name: 'random', variables, constraints: tables.map((body, index) => ({ id: `t${index}`, ...body })),
    }));
  });

/** Every full assignment, checked table by table from the tuples (sharing no code with the engine). */
class TableOracle {
  readonly assignments: Record<string, string>[];

  constructor(readonly problem: TableProblem) {
    let all: Record<string, string>[] = [{}];
    for (const variable of problem.variables) all = all.flatMap((partial) => variable.values.map((value) => ({ ...partial, [variable.id]: value })));
    this.assignments = all;
  }

  private satisfies(tableId: string, assignment: Record<string, string>): boolean {
    const table = this.problem.constraints.find((candidate) => candidate.id === tableId)!;
    const listed = table.tuples.some((tuple) => tuple.every((value, column) => assignment[table.scope[column]!] === value));
    return table.kind === 'allowed' ? listed : !listed;
  }

  consistentUnder(tableIds: readonly string[], fixed: Assignment): boolean {
    return this.assignments.some((assignment) => Object.entries(fixed).every(([id, value]) => assignment[id] === value) && tableIds.every((table) => this.satisfies(table, assignment)));
  }

  get tableIds(): string[] {
    return this.problem.constraints.map((table) => table.id);
  }

  /** Values no assignment satisfying every table has. */
  deadValues(): [string, string][] {
    return this.problem.variables.flatMap((variable) => variable.values.filter((value) => !this.consistentUnder(this.tableIds, { [variable.id]: value })).map((value): [string, string] => [variable.id, value]));
  }
}

/** A problem, values fixed for some variables, a subset of its tables and an order to fix variables in. */
interface Scenario {
  readonly problem: TableProblem;
  readonly fixed: readonly (string | null)[];
  readonly keep: readonly boolean[];
  readonly order: readonly number[];
}

const scenarioArb: fc.Arbitrary<Scenario> = problemArb.chain((problem) => fc.record({
  problem: fc.constant(problem),
  fixed: fc.tuple(...problem.variables.map((variable) => fc.option(fc.constantFrom(...variable.values), { freq: 2 }))),
  keep: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
  order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
}));

function setUp({ problem, fixed, keep }: Scenario) {
  const oracle = new TableOracle(problem);
  const tables = indexTables(problem);
  const propagator = TablePropagator.create(Int32Array.from(problem.variables, (variable) => variable.values.length), tables)!;
  const fixedIndices = Int32Array.from(fixed, (value, index) => (value === null ? -1 : problem.variables[index]!.values.indexOf(value)));
  const fixedAssignment: Assignment = Object.fromEntries(fixed.flatMap((value, index) => (value === null ? [] : [[problem.variables[index]!.id, value]])));
  const subset = tables.map((_, index) => index).filter((index) => keep[index % keep.length]);
  const ids = (indices: readonly number[]) => indices.map((index) => tables[index]!.id);
  return { oracle, tables, propagator, fixedIndices, fixedAssignment, subset, ids };
}

describe('propagation over tables', () => {
  it('refutes only tables that allow no assignment keeping the fixed values, and the tables it used refute them alone', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { oracle, propagator, fixedIndices, fixedAssignment, subset, ids } = setUp(scenario);
      const state = propagator.propagate(subset, fixedIndices);
      if (!state.failed) return;
      expect(oracle.consistentUnder(ids(subset), fixedAssignment)).toBe(false);
      const used = propagator.implicated(state);
      expect(used.every((table) => subset.includes(table))).toBe(true);
      expect(propagator.propagate(used, fixedIndices).failed).toBe(true);
      expect(oracle.consistentUnder(ids(used), fixedAssignment)).toBe(false);
    }), { numRuns: RUNS * 2 });
  });

  it('with search, decides exactly whether tables hold together, and a refutation core refutes on its own', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { oracle, propagator, fixedIndices, fixedAssignment, subset, ids } = setUp(scenario);
      const core: number[] = [];
      const verdict = propagator.solve(subset, fixedIndices, { nodeLimit: 100_000, core });
      expect(verdict).toBe(oracle.consistentUnder(ids(subset), fixedAssignment) ? 'consistent' : 'inconsistent');
      if (verdict === 'inconsistent') expect(oracle.consistentUnder(ids(core), fixedAssignment)).toBe(false);
    }), { numRuns: RUNS * 2 });
  });

  it('finds lemmas that hold: each value a lemma rules out is ruled out by its tables alone', () => {
    fc.assert(fc.property(problemArb, (problem) => {
      const oracle = new TableOracle(problem);
      fc.pre(oracle.consistentUnder(oracle.tableIds, {}));
      const tables = indexTables(problem);
      const propagator = TablePropagator.create(Int32Array.from(problem.variables, (variable) => variable.values.length), tables)!;
      const dead = oracle.deadValues().map(([id, value]): [number, number] => {
        const variable = problem.variables.findIndex((candidate) => candidate.id === id);
        return [variable, problem.variables[variable]!.values.indexOf(value)];
      });
      for (const lemma of deadValueLemmas(propagator, tables.map((table) => table.scope), dead).lemmas) {
        const variable = problem.variables[lemma.variable]!;
        expect(oracle.consistentUnder([...lemma.tables].map((table) => tables[table]!.id), { [variable.id]: variable.values[lemma.value]! })).toBe(false);
      }
    }), { numRuns: RUNS });
  });
});

describe('the rules cited by an explanation', () => {
  it('for a value no valid assignment has: exclude it, and dropping any one of them allows it', () => {
    fc.assert(fc.property(problemArb, (problem) => {
      const oracle = new TableOracle(problem);
      fc.pre(oracle.consistentUnder(oracle.tableIds, {}));
      const space = compileTableProblem(problem);
      for (const [variable, value] of oracle.deadValues()) {
        const fixed = { [variable]: value };
        const rules = space.conflictingRules(fixed);
        expect(rules.length).toBeGreaterThan(0);
        expect(oracle.consistentUnder(rules, fixed), `${rules.join(', ')} should exclude ${variable}=${value}`).toBe(false);
        for (const dropped of rules) {
          expect(oracle.consistentUnder(rules.filter((rule) => rule !== dropped), fixed), `${dropped} is not needed to exclude ${variable}=${value}`).toBe(true);
        }
      }
    }), { numRuns: RUNS });
  });

  it('for conflicting values, among all rules or a given few: exclude them, minimally; none when they are consistent', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { oracle, fixedAssignment, subset, ids } = setUp(scenario);
      const space = compileTableProblem(scenario.problem);
      for (const among of [undefined, ids(subset)]) {
        const candidates = among ?? oracle.tableIds;
        const rules = space.conflictingRules(fixedAssignment, among);
        if (oracle.consistentUnder(candidates, fixedAssignment)) {
          expect(rules).toEqual([]);
          continue;
        }
        expect(rules.every((rule) => candidates.includes(rule))).toBe(true);
        expect(oracle.consistentUnder(rules, fixedAssignment)).toBe(false);
        for (const dropped of rules) expect(oracle.consistentUnder(rules.filter((rule) => rule !== dropped), fixedAssignment), `${dropped} is not needed`).toBe(true);
      }
    }), { numRuns: RUNS });
  });

  it('are still minimal when every search gives up at once and the diagrams decide instead', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { oracle, tables, propagator, fixedIndices, fixedAssignment, ids } = setUp(scenario);
      const compiled = compileProblem(propagator.domainSizes, tables);
      const checker = new RuleSubsetChecker(compiled.diagram.domainSizes, tables, compiled.levelOf, compiled);
      const restriction = Int32Array.from(compiled.order, (variable) => fixedIndices[variable]!);
      const context = {
        scopes: tables.map((table) => table.scope), propagator, lemmas: [], nodeLimits: { witness: 0, refutation: 0 },
        diagram: { isConsistent: (subset: readonly number[]) => checker.isConsistent(subset, restriction), firstInconsistentPrefix: (subset: readonly number[]) => checker.firstInconsistentPrefix(subset, restriction) },
      };
      const rules = ids(minimalTableConflict(context, tables.map((_, index) => index), fixedIndices));
      if (oracle.consistentUnder(oracle.tableIds, fixedAssignment)) {
        expect(rules).toEqual([]);
        return;
      }
      expect(oracle.consistentUnder(rules, fixedAssignment)).toBe(false);
      for (const dropped of rules) expect(oracle.consistentUnder(rules.filter((rule) => rule !== dropped), fixedAssignment), `${dropped} is not needed`).toBe(true);
    }), { numRuns: RUNS });
  });

  it('judges consistency under any subset of the rules exactly', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { oracle, fixedAssignment, subset, ids } = setUp(scenario);
      const space = compileTableProblem(scenario.problem);
      expect(space.isConsistentUnder(ids(subset), fixedAssignment)).toBe(oracle.consistentUnder(ids(subset), fixedAssignment));
    }), { numRuns: RUNS });
  });
});

describe('narrowing domains one value at a time', () => {
  it('offers exactly what a full sweep offers after each value fixed', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { problem, order } = scenario;
      const space = compileTableProblem(problem);
      const fixed: Record<string, string> = {};
      const narrowing = space.narrow(fixed);
      const open = problem.variables.map((variable) => variable.id);
      for (const pick of order) {
        if (open.length === 0) break;
        const [variable] = open.splice(pick % open.length, 1);
        const domains = space.domains(fixed);
        for (const id of open.concat(variable!)) expect(narrowing.options(id), `${id} after ${JSON.stringify(fixed)}`).toEqual(domains.get(id));
        const options = domains.get(variable!)!;
        // Fix an offered value when there is one, else any: narrowing must follow into conflicts too.
        const value = options[pick % Math.max(1, options.length)] ?? problem.variables.find((candidate) => candidate.id === variable)!.values[0]!;
        fixed[variable!] = value;
        narrowing.fix(variable!, value);
      }
      const domains = space.domains(fixed);
      for (const id of open) expect(narrowing.options(id)).toEqual(domains.get(id));
    }), { numRuns: RUNS });
  });
});

const benchmarks = resolve(import.meta.dirname, '../../../shared/benchmarks');
const renault = join(benchmarks, 'renault-mod-0.json');

describe.skipIf(!existsSync(renault))('hard explanations on renault-mod-0 (skipped when ../shared/benchmarks is absent)', () => {
  it('cite tables that, compiled on their own, exclude the option, and no table among them is needed', () => {
    const loaded = loadTableProblem(renault, readFileSync(renault, 'utf8'));
    if (!loaded.ok) throw new Error('renault-mod-0 does not load');
    const problem = loaded.value;
    const space = compileTableProblem(problem);
    const rows = new Map(problem.constraints.map((table) => [table.id, table.tuples.length]));
    const only = (ids: readonly string[]): TableProblem => ({ ...problem, constraints: problem.constraints.filter((table) => ids.includes(table.id)) });
    // Pairs of values that no valid design has together although each alone is possible: the
    // explanations that need search, lemmas or several tables. A fixed walk keeps this deterministic.
    const dead = new Set(problem.variables.flatMap((variable) => variable.values.filter((value) => !space.domains({}).get(variable.id)!.includes(value)).map((value) => `${variable.id}=${value}`)));
    const checked: string[][] = [];
    for (const first of problem.variables.slice(100)) {
      const firstValue = first.values.find((value) => !dead.has(`${first.id}=${value}`))!;
      const domains = space.domains({ [first.id]: firstValue });
      for (const second of problem.variables) {
        if (checked.length >= 3) break;
        const value = second.values.find((candidate) => second.id !== first.id && !dead.has(`${second.id}=${candidate}`) && !domains.get(second.id)!.includes(candidate));
        if (value === undefined) continue;
        const conflict = { [first.id]: firstValue, [second.id]: value };
        const rules = space.conflictingRules(conflict);
        // Keep the independent check quick: small tables only.
        if (rules.length < 4 || rules.some((rule) => rows.get(rule)! > 5_000)) continue;
        expect(compileTableProblem(only(rules)).isConsistent(conflict), `${rules.join(', ')} should exclude ${JSON.stringify(conflict)}`).toBe(false);
        for (const dropped of rules) {
          expect(compileTableProblem(only(rules.filter((rule) => rule !== dropped))).isConsistent(conflict), `${dropped} is not needed`).toBe(true);
        }
        checked.push(rules);
      }
    }
    expect(checked.length).toBeGreaterThan(0);
  }, 60_000);
});
