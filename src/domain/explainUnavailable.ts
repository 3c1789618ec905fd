import type { Assignment, ConfigurationSpace, ConstraintInfo } from './configurationSpace.ts';
import { fastDiag } from './fastDiag.ts';
import { attributeById, attributeDisplayName, optionById, type AttributeId, type OptionId } from './productModel.ts';
import { quickXplain } from './quickXplain.ts';
import { resolveDesign } from './resolveDesign.ts';
import type { RuleSet } from './rulesModel.ts';

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
  const reason = explainBlocking(space, choices, target);
  if (!reason) return undefined;
  const repair = proposeRepair(space, ruleSet, choices, target, suggested);
  return repair ? { ...reason, repair } : reason;
}

/** The explanation without the repair: cheap enough to compute for every unavailable option. */
export function explainBlocking(space: ConfigurationSpace, choices: readonly Choice[], target: Choice): Explanation | undefined {
  const others = choices.filter((choice) => choice.attribute !== target.attribute);
  const blockingChoices = quickXplain([target], others, (items) => space.isConsistent(toAssignment(items)));
  if (blockingChoices === undefined) return undefined;
  const conflict = toAssignment([...blockingChoices, target]);
  const blockingRuleIds = findBlockingRules(space, conflict);
  const rules = space.constraints.filter((constraint) => blockingRuleIds.includes(constraint.ruleId));
  return { target, blockingChoices, rules };
}

/**
 * A minimal set of rules that, on their own, make the fixed values inconsistent. Most conflicts
 * come from one rule that reads a fixed attribute, which is checked first. Otherwise the search
 * widens ring by ring from the fixed attributes through rules that share attributes, and
 * QuickXplain runs only over the first ring that is already inconsistent: far-away rules never
 * enter the (costly) subset checks.
 */
export function findBlockingRules(space: ConfigurationSpace, conflict: Assignment): string[] {
  const touches = (constraint: ConstraintInfo, attributes: ReadonlySet<string>) => constraint.attributes.some((attribute) => attributes.has(attribute));
  const fixedAttributes = new Set(Object.keys(conflict));
  const single = space.constraints.find((constraint) => touches(constraint, fixedAttributes) && !space.isConsistentUnder([constraint.ruleId], conflict));
  if (single) return [single.ruleId];
  const reached = new Set(fixedAttributes);
  let ring: string[] = [];
  for (;;) {
    const next = space.constraints.filter((constraint) => touches(constraint, reached)).map((constraint) => constraint.ruleId);
    // No more rules to add: the conflict lies in rules unconnected to the fixed values (the rules allow no design at all).
    if (next.length === ring.length) return findAmong(space, space.constraints.map((constraint) => constraint.ruleId), conflict);
    ring = next;
    for (const constraint of space.constraints) if (ring.includes(constraint.ruleId)) for (const attribute of constraint.attributes) reached.add(attribute);
    if (!space.isConsistentUnder(ring, conflict)) return findAmong(space, ring, conflict);
  }
}

/**
 * A minimal subset of `ruleIds` inconsistent with the fixed values. First narrows the candidates
 * by conjoining them in alternating directions, each time keeping only the prefix up to where the
 * conjunction fails (that rule is in the conflict), until the set stops shrinking; then
 * QuickXplain minimises what is left. Each narrowing pass costs at most one conjunction.
 */
export function findAmong(space: ConfigurationSpace, ruleIds: readonly string[], conflict: Assignment): string[] {
  let candidates = [...ruleIds];
  let failsAt = space.firstInconsistentPrefix(candidates, conflict);
  if (failsAt < 0) return [];
  // Stop once a pass in each direction has failed to shrink the set.
  for (let passesWithoutShrinking = 0; passesWithoutShrinking < 2; failsAt = space.firstInconsistentPrefix(candidates, conflict)) {
    const narrowed = candidates.slice(0, failsAt + 1);
    passesWithoutShrinking = narrowed.length === candidates.length ? passesWithoutShrinking + 1 : 0;
    // The rule that closed the conflict goes first, the rest in reverse.
    candidates = [narrowed[narrowed.length - 1]!, ...narrowed.slice(0, -1).reverse()];
  }
  return quickXplain([], candidates, (subset) => space.isConsistentUnder(subset, conflict)) ?? candidates;
}

/**
 * The smallest change to the customer's choices (oldest first) that makes `target` available:
 * which choices to give up (FastDiag, keeping recent ones) and what they become. Undefined when no
 * change helps because the target is in no valid design. The new values follow `suggested`
 * (a colourway) and the defaults, as {@link resolveDesign} does.
 */
export function proposeRepair(space: ConfigurationSpace, ruleSet: RuleSet, choices: readonly Choice[], target: Choice, suggested: Assignment = {}): Repair | undefined {
  const others = choices.filter((choice) => choice.attribute !== target.attribute);
  const givenUp = fastDiag([target], others, (items) => space.isConsistent(toAssignment(items)));
  if (givenUp === undefined) return undefined;
  const repairedChoices = [...others.filter((choice) => !givenUp.includes(choice)), target];
  const resolved = resolveDesign(space, ruleSet, toAssignment(repairedChoices), suggested);
  // In the order the customer made them, oldest first, whatever order the diagnosis found them in.
  const changes = others.filter((choice) => givenUp.includes(choice)).map((choice) => ({ attribute: choice.attribute, from: choice.option, to: resolved.assignment[choice.attribute]! }));
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
