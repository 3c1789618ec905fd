import {
  attributeDisplayName,
  describeExplanation,
  describeRepair,
  explainUnavailable,
  toAssignment,
  type Choice,
  type ConfigurationSpace,
} from '../domain/index.ts';
import { findChoiceConflict, formatChoice, readChoices } from './choices.ts';
import { CliError, EXIT_OK, UsageError } from './cliErrors.ts';
import { loadModel, type LoadedModel } from './loadModel.ts';
import { groupDigits, type CliOutput } from './output.ts';

/** `count <file> [attribute=option ...]`: the exact number of valid designs keeping the choices. */
export function countCommand(args: readonly string[], json: boolean, cwd: string, output: CliOutput): number {
  const [file, ...choiceTexts] = args;
  if (file === undefined) throw new UsageError('count needs a rules file or table problem');
  const model = loadModel(file, cwd);
  const choices = readChoices(model.space, choiceTexts);
  const count = model.space.count(toAssignment(choices));
  if (json) output.out(JSON.stringify({ count: count.toString() }));
  else output.out(`${groupDigits(count)} valid design${count === 1n ? '' : 's'}${choices.length > 0 ? ` with ${choices.map(formatChoice).join(', ')}` : ''}`);
  return EXIT_OK;
}

/**
 * `domains <file> [attribute=option ...]`: every attribute's valid options given the choices. For
 * a chosen attribute these are the options it could switch to keeping the other choices.
 * Choices that conflict are refused, naming the choice, the earlier ones it conflicts with and the rules.
 */
export function domainsCommand(args: readonly string[], json: boolean, cwd: string, output: CliOutput): number {
  const [file, ...choiceTexts] = args;
  if (file === undefined) throw new UsageError('domains needs a rules file or table problem');
  const model = loadModel(file, cwd);
  const choices = readChoices(model.space, choiceTexts);
  requireSomeDesign(model);
  requireConsistent(model.space, choices);
  const domains = model.space.domains(toAssignment(choices));
  const attributes = model.space.product.attributes;
  if (json) {
    // Written by hand so attribute order is product order even for ids that look like numbers.
    const entries = attributes.map((attribute) => `${JSON.stringify(attribute.id)}:${JSON.stringify(domains.get(attribute.id) ?? [])}`);
    output.out(`{"domains":{${entries.join(',')}}}`);
    return EXIT_OK;
  }
  const chosen = toAssignment(choices);
  const width = Math.max(...attributes.map((attribute) => attribute.id.length));
  const lines = attributes.map((attribute) => {
    const options = domains.get(attribute.id) ?? [];
    const name = attribute.id.padEnd(width);
    const share = `(${options.length} of ${attribute.options.length})`;
    const pick = chosen[attribute.id];
    if (pick !== undefined) {
      const others = options.filter((option) => option !== pick);
      return `${name}  = ${pick} (chosen)${others.length > 0 ? `; could switch to ${others.join(', ')}` : ''}`;
    }
    return `${name}  ${options.join(', ')} ${share}`;
  });
  const heading = choices.length > 0 ? `Valid options with ${choices.map(formatChoice).join(', ')}:` : 'Valid options:';
  output.out([heading, ...lines].join('\n'));
  return EXIT_OK;
}

/** What `explain --json` prints. */
export interface ExplainJson {
  readonly available: boolean;
  readonly blockingChoices: readonly Choice[];
  readonly rules: readonly { ruleId: string; message: string }[];
  readonly repair: { changes: readonly { attribute: string; from: string; to: string }[]; choices: readonly Choice[] } | null;
  readonly reason: string;
  readonly repairText: string | null;
}

/**
 * `explain <file> <attribute=option> [attribute=option ...]`: whether the wanted option (the first
 * pair) is available given the customer's choices (the rest, oldest first); if not, the minimal
 * blocking choices, the rules, and the smallest repair.
 */
export function explainCommand(args: readonly string[], json: boolean, cwd: string, output: CliOutput): number {
  const [file, targetText, ...choiceTexts] = args;
  if (file === undefined || targetText === undefined) throw new UsageError('explain needs a rules file and the wanted option, e.g. explain rules/sneaker.rules.yaml toeCap.material=patent vamp.material=suede');
  const model = loadModel(file, cwd);
  // The wanted option may be for an attribute the customer already chose (switching it).
  const [target] = readChoices(model.space, [targetText]);
  const choices = readChoices(model.space, choiceTexts);
  requireSomeDesign(model);
  requireConsistent(model.space, choices.filter((choice) => choice.attribute !== target!.attribute));
  const result = explain(model, choices, target!);
  if (json) {
    output.out(JSON.stringify(result, null, 2));
    return EXIT_OK;
  }
  const lines = [`${formatChoice(target!)} is ${result.available ? 'available' : 'not available'}${choices.length > 0 ? ` with ${choices.map(formatChoice).join(', ')}` : ''}.`];
  if (!result.available) {
    lines.push(result.blockingChoices.length > 0
      ? `Blocking choices: ${result.blockingChoices.map(formatChoice).join(', ')}`
      : 'Blocking choices: none (the option is in no valid design at all)');
    lines.push('Rules:', ...result.rules.map((rule) => `  ${rule.ruleId}: ${rule.message}`));
    if (result.repair) {
      lines.push('Repair:', ...result.repair.changes.map((change) => `  change ${change.attribute} from ${change.from} to ${change.to}`));
      lines.push(`Choices after the repair: ${result.repair.choices.map(formatChoice).join(', ')}`);
    } else {
      lines.push('Repair: none (no change of choices makes it available)');
    }
  }
  lines.push('', result.reason);
  if (result.repairText) lines.push(result.repairText);
  output.out(lines.join('\n'));
  return EXIT_OK;
}

function explain(model: LoadedModel, choices: readonly Choice[], target: Choice): ExplainJson {
  const { space } = model;
  const explanation = explainUnavailable(space, model.ruleSet, choices, target);
  if (!explanation) {
    const name = attributeDisplayName(space.product, space.product.attributes.find((attribute) => attribute.id === target.attribute)!);
    return { available: true, blockingChoices: [], rules: [], repair: null, reason: `${name}: ${target.option} is available.`, repairText: null };
  }
  return {
    available: false,
    blockingChoices: explanation.blockingChoices.map(({ attribute, option }) => ({ attribute, option })),
    rules: explanation.rules.map(({ ruleId, message }) => ({ ruleId, message })),
    repair: explanation.repair
      ? {
          changes: explanation.repair.changes.map(({ attribute, from, to }) => ({ attribute, from, to })),
          choices: explanation.repair.choices.map(({ attribute, option }) => ({ attribute, option })),
        }
      : null,
    reason: describeExplanation(space, explanation),
    repairText: explanation.repair ? describeRepair(space, explanation.repair) : null,
  };
}

function requireSomeDesign(model: LoadedModel): void {
  if (model.space.isConsistent({})) return;
  throw new CliError(`${model.file}: no design satisfies all the rules, so no option is available. Fix: run "check ${model.file}" to find the conflicting rules`);
}

/** Refuses choices that together allow no design, naming the first choice that conflicts, the earlier ones it conflicts with and the rules. */
function requireConsistent(space: ConfigurationSpace, choices: readonly Choice[]): void {
  const conflict = findChoiceConflict(space, choices);
  if (!conflict) return;
  const { choice, explanation } = conflict;
  const rules = explanation.rules.map((rule) => `${rule.ruleId} (${rule.message})`).join('; ');
  const against = explanation.blockingChoices.length > 0
    ? `${formatChoice(choice)} conflicts with ${explanation.blockingChoices.map(formatChoice).join(', ')}`
    : `${formatChoice(choice)} is in no valid design`;
  throw new CliError(`the choices conflict: ${against}${rules ? `, by rule ${rules}` : ''}. Fix: drop or change one of these choices`, 1, [], {
    conflict: {
      choice,
      blockingChoices: explanation.blockingChoices,
      rules: explanation.rules.map(({ ruleId, message }) => ({ ruleId, message })),
      reason: describeExplanation(space, explanation),
    },
  });
}
