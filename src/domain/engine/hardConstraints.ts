import { conditionAttributes, evaluateCondition } from '../product/index.ts';
import type { ConstraintInfo } from './index.ts';
import type { AttributeId, OptionId, Product } from '../product/index.ts';
import { hardRules, type RuleSet } from '../rules/index.ts';
import { withdrawnOptions, type SessionFacts } from './index.ts';
import { retiredConstraints } from './retiredConstraints.ts';

/** A hard constraint in checkable form: its info plus a test over the values of its attributes. */
export interface HardConstraint extends ConstraintInfo {
  /** `values[i]` is the option of `attributes[i]`. */
  accepts(values: readonly OptionId[]): boolean;
  /**
   * For a combinations table, its rows as written (one option per attribute) and whether they are
   * the allowed ones: compiling indexes them directly instead of enumerating every combination of
   * the scope, which for a large table (a Renault-size one spans 130 million) would not finish.
   */
  readonly table?: { readonly rows: readonly (readonly OptionId[])[]; readonly allowed: boolean };
}

/**
 * Every hard constraint of a product: the rules file's hard rules (a `different` or `same` rule
 * compares option ids over its attributes, then its `when` condition's), one generated rule per
 * material saying which colours it comes in (so explanations can cite "Patent leather comes in …"),
 * one per attribute with retired options, and, given the session's facts, one per availability
 * rule that withdraws options.
 */
export function hardConstraints(product: Product, ruleSet: RuleSet, facts: SessionFacts = {}): HardConstraint[] {
  return [...paletteConstraints(product), ...retiredConstraints(product), ...availabilityConstraints(ruleSet, facts), ...hardRules(ruleSet).map((rule): HardConstraint => {
    switch (rule.kind) {
      case 'requires':
      case 'excludes': {
        const consequent = rule.kind === 'requires' ? rule.then : rule.excludes;
        const attributes = conditionAttributes(consequent, conditionAttributes(rule.when));
        return {
          ruleId: rule.id, message: rule.message, attributes, implicit: false,
          accepts: (values) => {
            const valueOf = (attribute: AttributeId) => values[attributes.indexOf(attribute)];
            const holds = evaluateCondition(consequent, valueOf);
            return !evaluateCondition(rule.when, valueOf) || (rule.kind === 'requires' ? holds : !holds);
          },
        };
      }
      case 'allowed-combinations':
      case 'forbidden-combinations': {
        // Made on the first test only: a written table is compiled from its rows, and a set of 200k
        // joined rows costs more than the rest of its compilation.
        let rows: Set<string> | undefined;
        const allowed = rule.kind === 'allowed-combinations';
        return {
          ruleId: rule.id, message: rule.message, attributes: rule.attributes, implicit: false,
          accepts: (values) => (rows ??= new Set(rule.rows.map((row) => row.join('\u0000')))).has(values.join('\u0000')) === allowed,
          table: { rows: rule.rows, allowed },
        };
      }
      case 'different':
      case 'same': {
        // The compared attributes come first in the scope; the condition's own follow.
        const attributes = rule.when ? conditionAttributes(rule.when, [...rule.attributes]) : rule.attributes;
        const compared = rule.attributes.length;
        const matches = rule.kind === 'same' ? allSame : allDifferent;
        return {
          ruleId: rule.id, message: rule.message, attributes, implicit: false,
          accepts: (values) => {
            if (rule.when && !evaluateCondition(rule.when, (attribute) => values[attributes.indexOf(attribute)])) return true;
            return matches(values.slice(0, compared));
          },
        };
      }
    }
  })];
}

/** Every value has the same option id. */
function allSame(values: readonly OptionId[]): boolean {
  return values.every((value) => value === values[0]);
}

/** No two values have the same option id. */
function allDifferent(values: readonly OptionId[]): boolean {
  return new Set(values).size === values.length;
}

function availabilityConstraints(ruleSet: RuleSet, facts: SessionFacts): HardConstraint[] {
  const byRule = new Map<string, { message: string; options: Map<AttributeId, OptionId[]> }>();
  for (const withdrawn of withdrawnOptions(ruleSet, facts)) {
    const entry = byRule.get(withdrawn.ruleId) ?? { message: withdrawn.message, options: new Map<AttributeId, OptionId[]>() };
    entry.options.set(withdrawn.attribute, [...(entry.options.get(withdrawn.attribute) ?? []), withdrawn.option]);
    byRule.set(withdrawn.ruleId, entry);
  }
  return [...byRule].map(([ruleId, { message, options }]) => {
    const attributes = [...options.keys()];
    return {
      ruleId, message, attributes, implicit: false,
      accepts: (values: readonly OptionId[]) => values.every((value, index) => !options.get(attributes[index]!)!.includes(value)),
    };
  });
}

function paletteConstraints(product: Product): HardConstraint[] {
  const constraints: HardConstraint[] = [];
  for (const part of product.parts) {
    const material = product.attributes.find((attribute) => attribute.partId === part.id && attribute.kind === 'material');
    const colour = product.attributes.find((attribute) => attribute.partId === part.id && attribute.kind === 'colour');
    if (!material || !colour) continue;
    for (const option of material.options) {
      const palette = product.palettes.find((candidate) => candidate.materialId === option.id);
      if (!palette) continue;
      const colourLabels = palette.colourIds.map((id) => colour.options.find((o) => o.id === id)?.label ?? id);
      constraints.push({
        ruleId: `palette:${part.id}:${option.id}`,
        message: `${option.label} comes in ${listInWords(colourLabels)}.`,
        attributes: [material.id, colour.id],
        implicit: true,
        accepts: ([materialId, colourId]) => materialId !== option.id || palette.colourIds.includes(colourId!),
      });
    }
  }
  return constraints;
}

/** "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
