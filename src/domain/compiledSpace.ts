import type { Assignment, ConfigurationSpace, ConstraintInfo } from './configurationSpace.ts';
import type { CompiledDiagram } from './mdd/compiledDiagram.ts';
import type { MddStore } from './mdd/mddStore.ts';
import { RuleSubsetChecker } from './mdd/ruleSubsetChecker.ts';
import type { IndexedTable } from './mdd/tableProblem.ts';
import type { AttributeId, OptionId, Product } from './productModel.ts';
import { serialiseDiagram } from './serialisedDiagram.ts';

/** What a {@link ConfigurationSpace} is made from: a compiled diagram and the tables behind it. */
export interface CompiledSpaceParts {
  readonly product: Product;
  /** The tables, in the order of `constraints`, indexed by attribute position in `product.attributes`. */
  readonly tables: readonly IndexedTable[];
  readonly constraints: readonly ConstraintInfo[];
  readonly diagram: CompiledDiagram;
  /** `order[level]` is the attribute index at that level. */
  readonly order: Int32Array;
  /** The compilation's store and table roots, reused for explanations when present. */
  readonly compiled?: { readonly store: MddStore; readonly tableRoots: Int32Array };
}

/**
 * The engine over a compiled diagram: answers domains, counts and consistency with one or two
 * sweeps, translating between attribute/option ids and the diagram's levels and value indices.
 */
export function createCompiledSpace(parts: CompiledSpaceParts): ConfigurationSpace {
  const { product, diagram, order, constraints } = parts;
  const attributes = product.attributes;
  const levelOf = new Int32Array(order.length);
  order.forEach((attributeIndex, level) => (levelOf[attributeIndex] = level));
  const levelByAttribute = new Map(attributes.map((attribute, index) => [attribute.id, levelOf[index]!]));
  const valueIndex = attributes.map((attribute) => new Map(attribute.options.map((option, index) => [option.id, index])));
  const ruleIndex = new Map(constraints.map((constraint, index) => [constraint.ruleId, index]));
  const supported = new Uint8Array(diagram.valueOffsets[diagram.levelCount]!);
  const checker = new RuleSubsetChecker(diagram.domainSizes, parts.tables, levelOf, parts.compiled);

  const indexOfRule = (ruleId: string): number => {
    const index = ruleIndex.get(ruleId);
    if (index === undefined) throw new Error(`[Atelier] unknown rule "${ruleId}"; known: ${constraints.map((c) => c.ruleId).join(', ')}`);
    return index;
  };

  const toRestriction = (fixed: Assignment): Int32Array => {
    const restriction = diagram.freeRestriction();
    for (const attributeId in fixed) {
      const level = levelByAttribute.get(attributeId);
      if (level === undefined) throw new Error(`[Atelier] unknown attribute "${attributeId}"; known: ${attributes.map((a) => a.id).join(', ')}`);
      const attributeIndex = order[level]!;
      const value = valueIndex[attributeIndex]!.get(fixed[attributeId]!);
      if (value === undefined) throw new Error(`[Atelier] unknown option "${fixed[attributeId]}" of "${attributeId}"; known: ${attributes[attributeIndex]!.options.map((o) => o.id).join(', ')}`);
      restriction[level] = value;
    }
    return restriction;
  };

  return {
    product,
    constraints,
    size: diagram.nodeCount,
    domains(fixed) {
      diagram.supportedValues(toRestriction(fixed), supported);
      const domains = new Map<AttributeId, OptionId[]>();
      attributes.forEach((attribute, index) => {
        const offset = diagram.valueOffsets[levelOf[index]!]!;
        const options: OptionId[] = [];
        attribute.options.forEach((option, value) => {
          if (supported[offset + value] === 1) options.push(option.id);
        });
        domains.set(attribute.id, options);
      });
      return domains;
    },
    isConsistent: (fixed) => diagram.isSatisfiable(toRestriction(fixed)),
    count: (fixed) => diagram.count(toRestriction(fixed)),
    isConsistentUnder: (ruleIds, fixed) => checker.isConsistent(ruleIds.map(indexOfRule), toRestriction(fixed)),
    firstInconsistentPrefix: (ruleIds, fixed) => checker.firstInconsistentPrefix(ruleIds.map(indexOfRule), toRestriction(fixed)),
    serialise: () => serialiseDiagram(diagram, order, attributes.map((attribute) => attribute.id)),
  };
}
