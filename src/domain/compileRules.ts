import type { Assignment, ConfigurationSpace, ConstraintInfo } from './configurationSpace.ts';
import { DecisionDiagramBuilder, FALSE_NODE, type DecisionDiagram, type Restriction } from './decisionDiagram.ts';
import { hardConstraints } from './hardConstraints.ts';
import type { AttributeId, OptionId, Product } from './productModel.ts';
import type { RuleSet } from './rulesModel.ts';

/**
 * Compiles a product's hard rules into a decision diagram whose paths are exactly the valid
 * designs, and answers the engine's questions from it. Attributes are ordered as the product
 * lists them: each part's material next to its colour, neighbouring parts near each other, which
 * keeps the diagram small because most rules relate nearby parts.
 *
 * @example
 * const space = compileRules(product, ruleSet);
 * space.domains({ 'toeCap.material': 'patent' }).get('toeCap.colour'); // ['optic-white', 'black', 'red']
 */
export function compileRules(product: Product, ruleSet: RuleSet): ConfigurationSpace {
  const attributeIds = product.attributes.map((attribute) => attribute.id);
  const optionIds = product.attributes.map((attribute) => attribute.options.map((option) => option.id));
  const levelOf = new Map(attributeIds.map((id, level) => [id, level]));
  const builder = new DecisionDiagramBuilder(optionIds.map((options) => options.length));
  const constraints = hardConstraints(product, ruleSet);

  const rootsByRule = new Map<string, number>();
  for (const constraint of constraints) {
    const scope = constraint.attributes.map((id) => levelOf.get(id)!);
    rootsByRule.set(constraint.ruleId, builder.fromPredicate(scope, (values) =>
      constraint.accepts(values.map((value, index) => optionIds[scope[index]!]![value]!))));
  }
  let root = builder.tautology;
  for (const ruleRoot of rootsByRule.values()) root = builder.and(root, ruleRoot);
  const diagram = builder.freeze(root);

  const toRestriction = (fixed: Assignment): Restriction => {
    const restriction = diagram.freeRestriction();
    for (const [attributeId, optionId] of Object.entries(fixed)) {
      const level = levelOf.get(attributeId);
      if (level === undefined) throw new Error(`[Atelier] unknown attribute "${attributeId}"; known: ${attributeIds.join(', ')}`);
      const value = optionIds[level]!.indexOf(optionId);
      if (value < 0) throw new Error(`[Atelier] unknown option "${optionId}" of "${attributeId}"; known: ${optionIds[level]!.join(', ')}`);
      restriction[level] = value;
    }
    return restriction;
  };

  const subsetDiagrams = new Map<string, DecisionDiagram>();
  const singleRuleDiagrams = new Map<string, DecisionDiagram>();
  const singleRuleDiagram = (ruleId: string): DecisionDiagram => {
    let single = singleRuleDiagrams.get(ruleId);
    if (!single) {
      const ruleRoot = rootsByRule.get(ruleId);
      if (ruleRoot === undefined) throw new Error(`[Atelier] unknown rule "${ruleId}"`);
      single = builder.freeze(ruleRoot);
      singleRuleDiagrams.set(ruleId, single);
    }
    return single;
  };
  const info: ConstraintInfo[] = constraints.map(({ ruleId, message, attributes, implicit }) => ({ ruleId, message, attributes, implicit }));

  return {
    product,
    constraints: info,
    size: diagram.nodeCount,
    domains(fixed) {
      const supported = diagram.supportedValues(toRestriction(fixed));
      return new Map<AttributeId, OptionId[]>(attributeIds.map((id, level) => [id, optionIds[level]!.filter((_, value) => supported[level]![value] === 1)]));
    },
    isConsistent: (fixed) => diagram.isSatisfiable(toRestriction(fixed)),
    count: (fixed) => diagram.count(toRestriction(fixed)),
    isConsistentUnder(ruleIds, fixed) {
      if (ruleIds.length === 1) return singleRuleDiagram(ruleIds[0]!).isSatisfiable(toRestriction(fixed));
      const key = [...ruleIds].sort().join('\n');
      let subset = subsetDiagrams.get(key);
      if (!subset) {
        let subsetRoot = builder.tautology;
        for (const ruleId of ruleIds) {
          const ruleRoot = rootsByRule.get(ruleId);
          if (ruleRoot === undefined) throw new Error(`[Atelier] unknown rule "${ruleId}"`);
          subsetRoot = builder.and(subsetRoot, ruleRoot);
          if (subsetRoot === FALSE_NODE) break;
        }
        subset = builder.freeze(subsetRoot);
        // Explanations ask about many subsets once each; keep the cache bounded.
        if (subsetDiagrams.size > 256) subsetDiagrams.clear();
        subsetDiagrams.set(key, subset);
      }
      return subset.isSatisfiable(toRestriction(fixed));
    },
  };
}
