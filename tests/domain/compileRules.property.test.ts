// The compiled engine against brute force on random small products: valid options, counts,
// consistency, no dead end, minimal explanations, minimal repairs and complete resolved designs.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileRules, compileTableProblem, explainBlocking, explainUnavailable, resolveDesign, toAssignment,
  type Assignment, type Choice, type ConfigurationSpace, type Product, type RuleSet,
} from '../../src/domain/index.ts';
import { BruteForce, partialAssignmentArb, picksArb, productArb, ruleSetArb } from './support/bruteForce.ts';
import { generateFamilyInstance } from '../../src/domain/engine/family/generateFamilyInstance.ts';
import { tableDomains, tableSolutions } from './support/tableBruteForce.ts';

const RUNS = 200;

interface Scenario {
  readonly product: Product;
  readonly ruleSet: RuleSet;
  /** A random partial assignment, possibly conflicting. */
  readonly fixed: Assignment;
  /** Random numbers that drive a session. */
  readonly picks: readonly (readonly [number, number])[];
  /** Which valid design, and which of its values, make a consistent partial assignment. */
  readonly designPick: number;
  readonly keep: readonly boolean[];
}

const scenarioArb: fc.Arbitrary<Scenario> = productArb.chain((product) =>
  fc.record({
    product: fc.constant(product), ruleSet: ruleSetArb(product), fixed: partialAssignmentArb(product), picks: picksArb,
    designPick: fc.nat(), keep: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  }));

/** Part of a random valid design: choices a customer could have made. */
function consistentFixed(oracle: BruteForce, scenario: Scenario): Assignment {
  const design = oracle.valid[scenario.designPick % oracle.valid.length]!;
  return Object.fromEntries(scenario.product.attributes.filter((_, index) => scenario.keep[index]).map((attribute) => [attribute.id, design[attribute.id]!]));
}

const oracleFor = (scenario: Scenario) => new BruteForce(scenario.product, scenario.ruleSet);
const spaceFor = (scenario: Scenario) => compileRules(scenario.product, scenario.ruleSet);

function setUp(scenario: Scenario): { space: ConfigurationSpace; oracle: BruteForce } {
  return { space: spaceFor(scenario), oracle: oracleFor(scenario) };
}

/**
 * A customer session: each pick chooses a free attribute and one of the options the engine offers
 * for it. Stops when the picks run out, everything is chosen, or (with `complete`) keeps going with
 * the first free attribute and its first offered option until the design is complete.
 */
function playSession(space: ConfigurationSpace, picks: Scenario['picks'], complete: boolean): Choice[] {
  const choices: Choice[] = [];
  for (let step = 0; ; step++) {
    const fixed = toAssignment(choices);
    const free = space.product.attributes.filter((attribute) => fixed[attribute.id] === undefined);
    if (free.length === 0 || (!complete && step >= picks.length)) return choices;
    const [attributePick, optionPick] = picks[step] ?? [0, 0];
    const attribute = free[attributePick % free.length]!;
    const offered = space.domains(fixed).get(attribute.id)!;
    if (offered.length === 0) throw new Error(`dead end: nothing offered for ${attribute.id} after ${JSON.stringify(fixed)}`);
    choices.push({ attribute: attribute.id, option: offered[optionPick % offered.length]! });
  }
}

/** Every (attribute, option) that no valid design keeping the other choices has (judged by brute force). */
function unavailableOptions(oracle: BruteForce, choices: readonly Choice[]): Choice[] {
  const domains = oracle.domains(toAssignment(choices));
  return oracle.product.attributes.flatMap((attribute) =>
    attribute.options.filter((option) => !domains.get(attribute.id)!.includes(option.id)).map((option) => ({ attribute: attribute.id, option: option.id })));
}

const sameChoice = (a: Choice, b: Choice) => a.attribute === b.attribute && a.option === b.option;
const without = <T>(items: readonly T[], index: number) => items.filter((_, i) => i !== index);

describe('the compiled configuration space', () => {
  it('offers for each open attribute exactly the options some valid design keeping the choices takes', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const oracle = oracleFor(scenario);
      fc.pre(oracle.valid.length > 0);
      const space = spaceFor(scenario);
      const fixed = consistentFixed(oracle, scenario);
      const actual = space.domains(fixed);
      const expected = oracle.domains(fixed);
      for (const attribute of scenario.product.attributes) {
        if (fixed[attribute.id] === undefined) expect(actual.get(attribute.id), attribute.id).toEqual(expected.get(attribute.id));
      }
    }), { numRuns: RUNS });
  });

  it('lets a chosen attribute switch to exactly the options some valid design keeping the other choices takes', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const oracle = oracleFor(scenario);
      fc.pre(oracle.valid.length > 0);
      const space = spaceFor(scenario);
      const fixed = consistentFixed(oracle, scenario);
      const actual = space.domains(fixed);
      const expected = oracle.domains(fixed);
      for (const attribute of scenario.product.attributes) {
        if (fixed[attribute.id] !== undefined) expect(actual.get(attribute.id), `${attribute.id} with ${JSON.stringify(fixed)}`).toEqual(expected.get(attribute.id));
      }
    }), { numRuns: RUNS });
  });

  it('computes the same domains for conflicting values: nothing for open attributes, the way out for fixed ones', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { space, oracle } = setUp(scenario);
      expect(space.domains(scenario.fixed)).toEqual(oracle.domains(scenario.fixed));
    }), { numRuns: RUNS });
  });

  it('counts exactly the valid designs that keep every fixed value', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { space, oracle } = setUp(scenario);
      expect(space.count(scenario.fixed)).toBe(oracle.count(scenario.fixed));
      if (oracle.valid.length > 0) expect(space.count(consistentFixed(oracle, scenario))).toBe(oracle.count(consistentFixed(oracle, scenario)));
      expect(space.count({})).toBe(BigInt(oracle.valid.length));
    }), { numRuns: RUNS });
  });

  it('calls a partial design consistent exactly when some valid design extends it', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const { space, oracle } = setUp(scenario);
      expect(space.isConsistent(scenario.fixed)).toBe(oracle.isConsistent(scenario.fixed));
      if (oracle.valid.length > 0) expect(space.isConsistent(consistentFixed(oracle, scenario))).toBe(true);
      expect(space.isConsistent({})).toBe(oracle.valid.length > 0);
    }), { numRuns: RUNS });
  });

  it('lists every hard rule and palette as a constraint, and judges consistency under any subset of them', () => {
    fc.assert(fc.property(scenarioArb, fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), (scenario, keep) => {
      const { space, oracle } = setUp(scenario);
      expect(space.constraints.map((constraint) => constraint.ruleId).sort()).toEqual(oracle.constraints.map((constraint) => constraint.ruleId).sort());
      const subset = space.constraints.map((constraint) => constraint.ruleId).filter((_, index) => keep[index % keep.length]);
      expect(space.isConsistentUnder(subset, scenario.fixed)).toBe(oracle.isConsistentUnder(subset, scenario.fixed));
      for (const constraint of space.constraints) {
        expect(space.isConsistentUnder([constraint.ruleId], scenario.fixed)).toBe(oracle.isConsistentUnder([constraint.ruleId], scenario.fixed));
      }
    }), { numRuns: RUNS });
  });

  it('lets a chosen attribute switch to an option that needs a different value of an open attribute', () => {
    // a.material and b.material must match; the customer chose only b. Switching b to y is fine: a follows.
    const option = (id: string) => ({ id, label: id.toUpperCase(), code: id.toUpperCase() });
    const toy: Product = {
      id: 'toy', name: 'Toy', description: '', currency: 'EUR', basePrice: 0, baseLeadTimeDays: 0, model: 'toy.glb', sizes: [], presets: [], palettes: [],
      parts: [{ id: 'a', label: 'A', kind: 'part', attributeIds: ['a.material'], meshes: ['a'] }, { id: 'b', label: 'B', kind: 'part', attributeIds: ['b.material'], meshes: ['b'] }],
      attributes: [
        { id: 'a.material', label: 'Material', kind: 'material', partId: 'a', options: [option('x'), option('y')] },
        { id: 'b.material', label: 'Material', kind: 'material', partId: 'b', options: [option('x'), option('y')] },
      ],
    };
    const ruleSet: RuleSet = {
      productId: 'toy',
      rules: [{ id: 'same', kind: 'allowed-combinations', message: 'A and B match.', attributes: ['a.material', 'b.material'], rows: [['x', 'x'], ['y', 'y']] }],
    };
    const space = compileRules(toy, ruleSet);
    expect(space.domains({ 'a.material': 'x' }).get('a.material')).toEqual(['x', 'y']);
    expect(space.domains({ 'b.material': 'x' }).get('b.material')).toEqual(['x', 'y']);
  });

  it('never offers an option that leads to a dead end', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const oracle = oracleFor(scenario);
      fc.pre(oracle.valid.length > 0);
      const space = spaceFor(scenario);
      const design = toAssignment(playSession(space, scenario.picks, true));
      expect(Object.keys(design)).toHaveLength(scenario.product.attributes.length);
      expect(oracle.isValid(design)).toBe(true);
    }), { numRuns: RUNS });
  });

  it('offers nothing at all when no design satisfies the rules', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const oracle = oracleFor(scenario);
      fc.pre(oracle.valid.length === 0);
      const space = spaceFor(scenario);
      expect([...space.domains({}).values()].every((options) => options.length === 0)).toBe(true);
      expect(space.count({})).toBe(0n);
    }), { numRuns: 50 });
  });
});

describe('explaining an unavailable option', () => {
  it('cites a minimal set of the customer\'s choices that excludes it', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const oracle = oracleFor(scenario);
      fc.pre(oracle.valid.length > 0);
      const space = spaceFor(scenario);
      const choices = playSession(space, scenario.picks, false);
      for (const target of unavailableOptions(oracle, choices)) {
        const others = choices.filter((choice) => choice.attribute !== target.attribute);
        const explanation = explainBlocking(space, choices, target);
        expect(explanation, `no explanation for ${JSON.stringify(target)}`).toBeDefined();
        const blocking = explanation!.blockingChoices;
        expect(blocking.every((choice) => others.some((other) => sameChoice(choice, other)))).toBe(true);
        expect(oracle.isConsistent(toAssignment([...blocking, target]))).toBe(false);
        blocking.forEach((_, index) => {
          expect(oracle.isConsistent(toAssignment([...without(blocking, index), target])),
            `dropping ${JSON.stringify(blocking[index])} from ${JSON.stringify(blocking)} should free ${JSON.stringify(target)}`).toBe(true);
        });
      }
    }), { numRuns: RUNS });
  });

  it('cites a minimal set of rules that, with those choices, excludes it', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const oracle = oracleFor(scenario);
      fc.pre(oracle.valid.length > 0);
      const space = spaceFor(scenario);
      const choices = playSession(space, scenario.picks, false);
      for (const target of unavailableOptions(oracle, choices)) {
        const explanation = explainBlocking(space, choices, target)!;
        const conflict = toAssignment([...explanation.blockingChoices, target]);
        const ruleIds = explanation.rules.map((rule) => rule.ruleId);
        expect(ruleIds.length).toBeGreaterThan(0);
        expect(space.isConsistentUnder(ruleIds, conflict)).toBe(false);
        expect(oracle.isConsistentUnder(ruleIds, conflict)).toBe(false);
        ruleIds.forEach((ruleId, index) => {
          expect(oracle.isConsistentUnder(without(ruleIds, index), conflict), `rule ${ruleId} is not needed`).toBe(true);
        });
      }
    }), { numRuns: RUNS });
  });

  it('does not explain an option that is available', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const oracle = oracleFor(scenario);
      fc.pre(oracle.valid.length > 0);
      const space = spaceFor(scenario);
      const choices = playSession(space, scenario.picks, false);
      for (const [attribute, options] of oracle.domains(toAssignment(choices))) {
        for (const option of options) expect(explainBlocking(space, choices, { attribute, option })).toBeUndefined();
      }
    }), { numRuns: 100 });
  });

  it('repairs by giving up a minimal set of choices, keeping the rest and the wanted option', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const oracle = oracleFor(scenario);
      fc.pre(oracle.valid.length > 0);
      const space = spaceFor(scenario);
      const choices = playSession(space, scenario.picks, false);
      for (const target of unavailableOptions(oracle, choices)) {
        const others = choices.filter((choice) => choice.attribute !== target.attribute);
        const repair = explainUnavailable(space, scenario.ruleSet, choices, target)!.repair;
        // A repair exists exactly when some valid design has the option.
        expect(repair !== undefined).toBe(oracle.isConsistent(toAssignment([target])));
        if (!repair) continue;
        const kept = repair.choices.slice(0, -1);
        expect(repair.choices[repair.choices.length - 1]).toEqual(target);
        expect(kept).toEqual(others.filter((choice) => kept.some((k) => sameChoice(k, choice))));
        expect(oracle.isConsistent(toAssignment(repair.choices))).toBe(true);
        const givenUp = others.filter((choice) => !kept.some((k) => sameChoice(k, choice)));
        expect(repair.changes.map((change) => ({ attribute: change.attribute, option: change.from }))).toEqual(givenUp);
        for (const change of repair.changes) expect(change.to).not.toBe(change.from);
        expect(oracle.isConsistent({ ...toAssignment(repair.choices), ...Object.fromEntries(repair.changes.map((c) => [c.attribute, c.to])) })).toBe(true);
        for (const choice of givenUp) {
          expect(oracle.isConsistent(toAssignment([...kept, choice, target])), `giving up ${JSON.stringify(choice)} was not needed`).toBe(false);
        }
      }
    }), { numRuns: RUNS });
  });

  it('keeps the most recent choices when several minimal repairs exist', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const oracle = oracleFor(scenario);
      fc.pre(oracle.valid.length > 0);
      const space = spaceFor(scenario);
      const choices = playSession(space, scenario.picks, false);
      for (const target of unavailableOptions(oracle, choices)) {
        const repair = explainUnavailable(space, scenario.ruleSet, choices, target)?.repair;
        if (!repair) continue;
        const others = choices.filter((choice) => choice.attribute !== target.attribute);
        // The preferred repair: going from the newest choice to the oldest, keep each one that still allows the target.
        const kept: Choice[] = [];
        for (const choice of [...others].reverse()) {
          if (oracle.isConsistent(toAssignment([...kept, choice, target]))) kept.push(choice);
        }
        expect(repair.choices.slice(0, -1), `choices ${JSON.stringify(choices)}, target ${JSON.stringify(target)}`).toEqual(others.filter((choice) => kept.includes(choice)));
      }
    }), { numRuns: RUNS });
  });

  it('cites no choice for an option that no valid design has', () => {
    // Two parts; a table forbids p1.material=m2 outright, so no choice of the customer is to blame.
    const toy: Product = {
      id: 'toy', name: 'Toy', description: '', currency: 'EUR', basePrice: 0, baseLeadTimeDays: 0, model: 'toy.glb', sizes: [], presets: [],
      parts: [{ id: 'p0', label: 'Part 0', kind: 'part', attributeIds: ['p0.material'], meshes: ['p0'] }, { id: 'p1', label: 'Part 1', kind: 'part', attributeIds: ['p1.material'], meshes: ['p1'] }],
      attributes: [
        { id: 'p0.material', label: 'Material', kind: 'material', partId: 'p0', options: [{ id: 'm0', label: 'M0', code: 'M0' }, { id: 'm1', label: 'M1', code: 'M1' }] },
        { id: 'p1.material', label: 'Material', kind: 'material', partId: 'p1', options: [{ id: 'm0', label: 'M0', code: 'M0' }, { id: 'm2', label: 'M2', code: 'M2' }] },
      ],
      palettes: [],
    };
    const ruleSet: RuleSet = {
      productId: toy.id,
      rules: [{ id: 'no-m2', kind: 'forbidden-combinations', message: 'M2 is discontinued.', attributes: ['p0.material', 'p1.material'], rows: [['m0', 'm2'], ['m1', 'm2']] }],
    };
    const space = compileRules(toy, ruleSet);
    const explanation = explainUnavailable(space, ruleSet, [{ attribute: 'p0.material', option: 'm1' }], { attribute: 'p1.material', option: 'm2' });
    expect(explanation).toMatchObject({ blockingChoices: [], rules: [{ ruleId: 'no-m2' }] });
    expect(explanation!.repair).toBeUndefined();
  });
});

describe('resolving a design', () => {
  it('always completes consistent choices into a valid design that keeps every customer choice', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const oracle = oracleFor(scenario);
      fc.pre(oracle.isConsistent(scenario.fixed));
      const space = spaceFor(scenario);
      const resolved = resolveDesign(space, scenario.ruleSet, scenario.fixed);
      expect(Object.keys(resolved.assignment).sort()).toEqual(scenario.product.attributes.map((a) => a.id).sort());
      expect(oracle.isValid(resolved.assignment)).toBe(true);
      for (const attribute of scenario.product.attributes) {
        const value = resolved.values.get(attribute.id)!;
        expect(value.option).toBe(resolved.assignment[attribute.id]);
        const chosen = scenario.fixed[attribute.id];
        if (chosen !== undefined) {
          expect(value).toEqual({ option: chosen, provenance: 'customer' });
        } else {
          expect(value.provenance).not.toBe('customer');
        }
        if (value.provenance === 'default') {
          const rule = scenario.ruleSet.rules.find((candidate) => candidate.id === value.ruleId);
          expect(rule?.kind === 'default' ? rule.set[attribute.id] : undefined).toBe(value.option);
        }
      }
    }), { numRuns: RUNS });
  });

  it('refuses choices that conflict', () => {
    fc.assert(fc.property(scenarioArb, (scenario) => {
      const oracle = oracleFor(scenario);
      fc.pre(!oracle.isConsistent(scenario.fixed));
      const space = spaceFor(scenario);
      expect(() => resolveDesign(space, scenario.ruleSet, scenario.fixed)).toThrow(/conflicting choices/);
    }), { numRuns: 50 });
  });
});

// The same engine on small instances of the Renault-like family (hubs shared by most tables, allowed
// and forbidden tables, a module that is sometimes contradictory), against enumeration.
describe('small instances of the Renault-like family', () => {
  const familyArb = fc.record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    picks: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 }),
    conflicting: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
  });

  it('counts exactly the solutions, and offers exactly the values some solution keeping the other choices takes', () => {
    fc.assert(fc.property(familyArb, ({ seed, picks, conflicting }) => {
      const problem = generateFamilyInstance(seed, { profile: 'small' });
      const solutions = tableSolutions(problem);
      const space = compileTableProblem(problem);
      expect(space.count({})).toBe(BigInt(solutions.length));
      // A session choosing only offered values, checked at every step.
      const fixed: Record<string, string> = {};
      for (const [variablePick, valuePick] of picks) {
        const domains = space.domains(fixed);
        expect(domains).toEqual(tableDomains(problem, solutions, fixed));
        const free = problem.variables.filter((variable) => fixed[variable.id] === undefined);
        if (free.length === 0 || solutions.length === 0) break;
        const variable = free[variablePick % free.length]!;
        const offered = domains.get(variable.id)!;
        expect(offered.length, `a dead end at ${variable.id}`).toBeGreaterThan(0);
        fixed[variable.id] = offered[valuePick % offered.length]!;
        expect(space.count(fixed)).toBe(BigInt(solutions.filter((solution) => Object.entries(fixed).every(([id, value]) => solution[id] === value)).length));
      }
      // Arbitrary values, possibly conflicting: counts and domains still exact.
      const arbitrary: Record<string, string> = {};
      for (const [variablePick, valuePick] of conflicting) {
        const variable = problem.variables[variablePick % problem.variables.length]!;
        arbitrary[variable.id] = variable.values[valuePick % variable.values.length]!;
      }
      expect(space.count(arbitrary)).toBe(BigInt(solutions.filter((solution) => Object.entries(arbitrary).every(([id, value]) => solution[id] === value)).length));
      expect(space.domains(arbitrary)).toEqual(tableDomains(problem, solutions, arbitrary));
    }), { numRuns: 150 });
  });
});
