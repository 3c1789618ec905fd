import type { Assignment, ConfigurationSpace, ConstraintInfo } from './configurationSpace.ts';
import { DomainNarrowing } from './diagram/domainNarrowing.ts';
import type { CompiledDiagram } from './diagram/compiledDiagram.ts';
import type { MddStore } from './diagram/mddStore.ts';
import { tablesConsistent, type ConflictContext } from './tables/conflictContext.ts';
import { deadValueLemmas } from './tables/deadValueLemmas.ts';
import { minimalTableConflict } from './tables/minimalTableConflict.ts';
import { RuleSubsetChecker } from './diagram/ruleSubsetChecker.ts';
import { TablePropagator } from './tables/tablePropagator.ts';
import type { IndexedTable } from './tables/tableProblem.ts';
import type { AttributeId, OptionId, Product } from '../product/index.ts';
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
  const scopes = parts.tables.map((table) => table.scope);
  // Built on the first question about rule subsets (explanations, lint), then kept: the tables'
  // indexes, and, on the first explanation, the lemmas for the values no valid design has.
  let indexed: { readonly propagator: TablePropagator | undefined } | undefined;
  let known: ReturnType<typeof deadValueLemmas> | undefined;
  const propagatorOf = () => (indexed ??= { propagator: TablePropagator.create(Int32Array.from(attributes, (attribute) => attribute.options.length), parts.tables) }).propagator;
  const knownOf = (propagator: TablePropagator | undefined): ReturnType<typeof deadValueLemmas> => {
    if (known) return known;
    if (!propagator || !diagram.isSatisfiable(diagram.freeRestriction())) return (known = { lemmas: [], everything: undefined });
    diagram.supportedValues(diagram.freeRestriction(), supported);
    const dead: [number, number][] = [];
    attributes.forEach((attribute, index) => {
      const offset = diagram.valueOffsets[levelOf[index]!]!;
      attribute.options.forEach((_, value) => supported[offset + value] === 0 && dead.push([index, value]));
    });
    return (known = deadValueLemmas(propagator, scopes, dead));
  };
  const conflictContext = (restriction: Int32Array, withLemmas: boolean): ConflictContext => {
    const propagator = propagatorOf();
    const { lemmas, everything } = withLemmas ? knownOf(propagator) : { lemmas: [], everything: undefined };
    return {
      scopes,
      propagator,
      lemmas,
      everything,
      diagram: {
        isConsistent: (tables) => checker.isConsistent(tables, restriction),
        firstInconsistentPrefix: (tables) => checker.firstInconsistentPrefix(tables, restriction),
      },
    };
  };
  /** The restriction (by level) as fixed values by attribute index, as the tables read them. */
  const byAttribute = (restriction: Int32Array): Int32Array => Int32Array.from(levelOf, (level) => restriction[level]!);

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
    narrow(fixed) {
      const narrowing = new DomainNarrowing(diagram, toRestriction(fixed));
      const levelOfAttribute = (attributeId: AttributeId): number => {
        const level = levelByAttribute.get(attributeId);
        if (level === undefined) throw new Error(`[Atelier] unknown attribute "${attributeId}"; known: ${attributes.map((a) => a.id).join(', ')}`);
        return level;
      };
      return {
        options(attributeId) {
          const level = levelOfAttribute(attributeId);
          const options = attributes[order[level]!]!.options;
          return narrowing.supportedValues(level).map((value) => options[value]!.id);
        },
        fix(attributeId, optionId) {
          const level = levelOfAttribute(attributeId);
          const value = valueIndex[order[level]!]!.get(optionId);
          if (value === undefined) throw new Error(`[Atelier] unknown option "${optionId}" of "${attributeId}"; known: ${attributes[order[level]!]!.options.map((o) => o.id).join(', ')}`);
          narrowing.fix(level, value);
        },
      };
    },
    count: (fixed) => diagram.count(toRestriction(fixed)),
    isConsistentUnder: (ruleIds, fixed) => {
      const restriction = toRestriction(fixed);
      return tablesConsistent(conflictContext(restriction, false), ruleIds.map(indexOfRule), byAttribute(restriction));
    },
    conflictingRules: (fixed, among) => {
      const restriction = toRestriction(fixed);
      const candidates = among ? among.map(indexOfRule) : constraints.map((_, index) => index);
      const conflict = minimalTableConflict(conflictContext(restriction, true), candidates, byAttribute(restriction));
      return conflict.sort((a, b) => a - b).map((index) => constraints[index]!.ruleId);
    },
    firstInconsistentPrefix: (ruleIds, fixed) => checker.firstInconsistentPrefix(ruleIds.map(indexOfRule), toRestriction(fixed)),
    serialise: () => serialiseDiagram(diagram, order, attributes.map((attribute) => attribute.id)),
  };
}
