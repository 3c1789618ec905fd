import { explainBlocking, toAssignment, type Choice, type ConfigurationSpace, type Explanation } from '../domain/index.ts';
import { knownNamesHint } from '../domain/shared/index.ts';
import { parseChoices } from './arguments.ts';
import { CliError } from './cliErrors.ts';

/** Parses `attribute=option` arguments and checks each names an attribute and one of its options. */
export function readChoices(space: ConfigurationSpace, texts: readonly string[]): Choice[] {
  const attributes = space.product.attributes;
  return parseChoices(texts).map((choice) => {
    const attribute = attributes.find((candidate) => candidate.id === choice.attribute);
    if (!attribute) {
      throw new CliError(`unknown attribute "${choice.attribute}". Fix: ${knownNamesHint(choice.attribute, attributes.map((a) => a.id), 'attributes')}`);
    }
    if (!attribute.options.some((option) => option.id === choice.option)) {
      throw new CliError(`unknown option "${choice.option}" of "${attribute.id}". Fix: ${knownNamesHint(choice.option, attribute.options.map((o) => o.id), `options of "${attribute.id}"`)}`);
    }
    return { attribute: attribute.id, option: choice.option };
  });
}

/** Why a list of choices (oldest first) has no valid design: the first choice that cannot follow the earlier ones, and what excludes it. */
export interface ChoiceConflict {
  readonly choice: Choice;
  readonly explanation: Explanation;
}

/**
 * Finds the first choice that no valid design allows together with the choices before it, and
 * explains it with the domain's explanation (a minimal set of earlier choices and the rules).
 * Undefined when the choices are consistent.
 */
export function findChoiceConflict(space: ConfigurationSpace, choices: readonly Choice[]): ChoiceConflict | undefined {
  if (space.isConsistent(toAssignment(choices))) return undefined;
  for (let index = 0; index < choices.length; index++) {
    if (space.isConsistent(toAssignment(choices.slice(0, index + 1)))) continue;
    const choice = choices[index]!;
    const explanation = explainBlocking(space, choices.slice(0, index), choice);
    if (explanation) return { choice, explanation };
  }
  return undefined;
}

/** `attribute=option`. */
export function formatChoice(choice: Choice): string {
  return `${choice.attribute}=${choice.option}`;
}
