import type { Assignment, ConfigurationSpace, ConstraintInfo } from './configurationSpace.ts';
import { fastDiag } from './fastDiag.ts';
import { attributeById, attributeDisplayName, optionById, type AttributeId, type OptionId } from '../product/index.ts';
import { quickXplain } from './quickXplain.ts';
import { resolveValues } from './resolveDesign.ts';
import type { RuleSet } from '../rules/index.ts';

/** One customer choice. */
export interface Choice {
  readonly attribute: AttributeId;
  readonly option: OptionId;
}

/** One value the repair changes: `from` is the customer's choice, `to` the value it becomes. */
export interface RepairChange {
  readonly attribute: AttributeId;
  readonly from: OptionId;
  readonly to: OptionId;
}

/** The smallest change to the customer's choices that makes the wanted option available. */
export interface Repair {
  readonly changes: readonly RepairChange[];
  /** The customer's choices after the repair, the wanted option included (oldest first). */
  readonly choices: readonly Choice[];
}

/** Why an option is unavailable, and how to get it. */
export interface Explanation {
  readonly target: Choice;
  /** A minimal set of the customer's choices that together exclude the target. Empty for an option no design can have. */
  readonly blockingChoices: readonly Choice[];
  /** A minimal set of rules that, with those choices, exclude the target. */
  readonly rules: readonly ConstraintInfo[];
  /** Undefined when no change of choices helps (the option is in no valid design). */
  readonly repair?: Repair;
}

/** Turns an ordered list of choices into an assignment. */
export function toAssignment(choices: readonly Choice[]): Assignment {
  const assignment: Record<AttributeId, OptionId> = {};
  for (const choice of choices) assignment[choice.attribute] = choice.option;
  return assignment;
}

/**
 * Explains why `target` is unavailable given the customer's choices (oldest first), citing a
 * minimal set of choices (QuickXplain) and of rules, and proposes a repair: a minimal set of
 * choices to give up (FastDiag), keeping the most recent choices where possible. Returns
 * `undefined` when the target is available.
 */
export function explainUnavailable(space: ConfigurationSpace, ruleSet: RuleSet, choices: readonly Choice[], target: Choice, suggested: Assignment = {}): Explanation | undefined {
  const ruledOut = ruledOutBy(space, choices, target);
  const reason = blockingExplanation(space, choices, target, ruledOut);
  if (!reason) return undefined;
  const repair = repairFor(space, ruleSet, choices, target, suggested, ruledOut);
  return repair ? { ...reason, repair } : reason;
}

/** The explanation without the repair: cheap enough to compute for every unavailable option. */
export function explainBlocking(space: ConfigurationSpace, choices: readonly Choice[], target: Choice): Explanation | undefined {
  return blockingExplanation(space, choices, target, ruledOutBy(space, choices, target));
}

/**
 * The customer's other choices that the target rules out on its own (no valid design has both),
 * from one sweep of the diagram. They shortcut QuickXplain and FastDiag without changing what
 * either finds: the preferred conflict ends at the first prefix of the choices (oldest first) that
 * conflicts, so when the choices before the first ruled-out one do not, that choice alone is the
 * conflict; and every diagnosis gives up every ruled-out choice.
 */
function ruledOutBy(space: ConfigurationSpace, choices: readonly Choice[], target: Choice): ReadonlySet<Choice> {
  const domains = space.domains({ [target.attribute]: target.option });
  return new Set(choices.filter((choice) => choice.attribute !== target.attribute && !domains.get(choice.attribute)!.includes(choice.option)));
}

function blockingExplanation(space: ConfigurationSpace, choices: readonly Choice[], target: Choice, ruledOut: ReadonlySet<Choice>): Explanation | undefined {
  const others = choices.filter((choice) => choice.attribute !== target.attribute);
  const isConsistent = (items: readonly Choice[]) => space.isConsistent(toAssignment(items));
  const first = others.findIndex((choice) => ruledOut.has(choice));
  const blockingChoices = first < 0
    ? quickXplain([target], others, isConsistent)
    : isConsistent([target, ...others.slice(0, first)]) ? [others[first]!] : quickXplain([target], others.slice(0, first), isConsistent);
  if (blockingChoices === undefined) return undefined;
  const conflict = toAssignment([...blockingChoices, target]);
  const blockingRuleIds = findBlockingRules(space, conflict);
  const rules = space.constraints.filter((constraint) => blockingRuleIds.includes(constraint.ruleId));
  return { target, blockingChoices, rules };
}

/**
 * A minimal set of rules that, on their own, make the fixed values inconsistent: dropping any one
 * of them makes the values possible again. A single rule over a fixed attribute that excludes them
 * is preferred. The engine finds the rest by propagation over the rules' tables rather than by
 * compiling subsets of rules: propagation refutes the values and names the rules it used, and
 * those shrink by deletion, each rule kept only when the others, without it, have a witness design
 * (see `tables/minimalTableConflict.ts`, and its fallbacks to search and to the diagrams).
 */
export function findBlockingRules(space: ConfigurationSpace, conflict: Assignment): string[] {
  return space.conflictingRules(conflict);
}

/** A minimal subset of `ruleIds` inconsistent with the fixed values, or `[]` when they are consistent (see {@link findBlockingRules}). */
export function findAmong(space: ConfigurationSpace, ruleIds: readonly string[], conflict: Assignment): string[] {
  return space.conflictingRules(conflict, ruleIds);
}

/**
 * The smallest change to the customer's choices (oldest first) that makes `target` available:
 * which choices to give up (FastDiag, keeping recent ones) and what they become. Undefined when no
 * change helps because the target is in no valid design. The new values follow `suggested`
 * (a colourway) and the defaults, as {@link resolveDesign} does.
 */
export function proposeRepair(space: ConfigurationSpace, ruleSet: RuleSet, choices: readonly Choice[], target: Choice, suggested: Assignment = {}): Repair | undefined {
  return repairFor(space, ruleSet, choices, target, suggested, ruledOutBy(space, choices, target));
}

function repairFor(space: ConfigurationSpace, ruleSet: RuleSet, choices: readonly Choice[], target: Choice, suggested: Assignment, ruledOut: ReadonlySet<Choice>): Repair | undefined {
  const others = choices.filter((choice) => choice.attribute !== target.attribute);
  // The ruled-out choices go in any case; FastDiag decides among the others.
  const diagnosis = fastDiag([target], others.filter((choice) => !ruledOut.has(choice)), (items) => space.isConsistent(toAssignment(items)));
  if (diagnosis === undefined) return undefined;
  const givenUp = [...others.filter((choice) => ruledOut.has(choice)), ...diagnosis];
  const repairedChoices = [...others.filter((choice) => !givenUp.includes(choice)), target];
  // The values resolveDesign gives the choices given up (it need not go past the last of them).
  const resolved = resolveValues(space, ruleSet, toAssignment(repairedChoices), suggested, new Set(givenUp.map((choice) => choice.attribute)));
  // In the order the customer made them, oldest first, whatever order the diagnosis found them in.
  const changes = others.filter((choice) => givenUp.includes(choice)).map((choice) => ({ attribute: choice.attribute, from: choice.option, to: resolved.get(choice.attribute)!.option }));
  return { changes, choices: repairedChoices };
}

/**
 * A sentence for customers (and screen readers) saying why the option is unavailable, e.g.
 * "Not available with your Vamp material: Suede. A patent toe cap is bonded onto a leather or nubuck vamp."
 */
export function describeExplanation(space: ConfigurationSpace, explanation: Explanation): string {
  const product = space.product;
  const label = (choice: Choice) => {
    const attribute = attributeById(product, choice.attribute);
    return `${attributeDisplayName(product, attribute)}: ${optionById(attribute, choice.option).label}`;
  };
  const because = explanation.blockingChoices.length === 0
    ? 'Not available.'
    : `Not available with your ${explanation.blockingChoices.map(label).join(' and ')}.`;
  return [because, ...explanation.rules.map((rule) => rule.message)].join(' ');
}

/** A sentence describing a repair, e.g. "Change Vamp material from Suede to Full-grain leather." */
export function describeRepair(space: ConfigurationSpace, repair: Repair): string {
  const product = space.product;
  const parts = repair.changes.map((change) => {
    const attribute = attributeById(product, change.attribute);
    return `${attributeDisplayName(product, attribute)} from ${optionById(attribute, change.from).label} to ${optionById(attribute, change.to).label}`;
  });
  return parts.length === 0 ? 'No other change needed.' : `Change ${parts.join(', and ')}.`;
}
